"""Every place mention of a parsed article, resolved: the ``places`` annotation layer.

``dyad annotate --layer places`` prints these, one JSON object each; users debug the geo
stage with them and the place gold sets are scored on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.geo.gazetteer import Gazetteer, load_gazetteer
from dyad.geo.toponyms import Toponym, dateline_toponyms, find_toponyms
from dyad.nlp import ParsedArticle, find_body_start


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place name in the text and the gazetteer entry it was resolved to.

    ``start``/``end`` are offsets into ``Article.text``. The resolved fields are None
    when the gazetteer knows no such place. ``precision`` is ACLED's geo_precision in
    words (point, town, admin1, country). ``source`` says how the name was found: a spaCy
    label (GPE, LOC, FAC), ``gazetteer`` (the phrase matcher), ``demonym`` or ``dateline``.
    ``is_embedded`` marks a demonym or a name inside an organisation's ("University of Texas");
    ``is_contained`` a name the gazetteer lacks (a street, venue or village), placed in
    the place stated after it or the town the article is about, at that place's precision.
    ``basis`` says which: ``gazetteer`` (the name's own entry), ``demonym`` (the country a
    demonym names: "Syrian army", always embedded), ``stated`` (the place named after it:
    "Knockhill, Fife"), ``focus`` (the article's town), None when unplaced.
    """

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str | None
    source: str
    is_embedded: bool = False
    is_contained: bool = False
    basis: str | None = None


def place_mentions(parsed: ParsedArticle, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Return every place mention of the parsed window, the dateline's first, in text order.

    Args:
        parsed: the article and the parse of one window of it.
        gazetteer: the gazetteer to resolve with; the default one when None.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    toponyms = find_toponyms(parsed, gazetteer)
    # The dateline belongs to the first window only (the pipeline parses it from the body start).
    first = parsed.offset <= find_body_start(parsed.article.text)
    dateline = dateline_toponyms(parsed.article.text, gazetteer) if first else []
    # Its place and its container ("RALEIGH, N.C."), unless the body parse already has them.
    dateline = [d for d in dateline if not any(t.span.start_char < d.span.end_char for t in toponyms)]
    toponyms = sorted([*toponyms, *_demonyms(parsed, gazetteer, toponyms)], key=lambda t: t.span.start_char)
    return [_mention(t) for t in (*dateline, *toponyms)]


def _demonyms(parsed: ParsedArticle, gazetteer: Gazetteer, toponyms: list[Toponym]) -> list[Toponym]:
    """Return the demonyms of the window ("Syrian army", "Iraqi officials") as embedded mentions.

    A demonym names its country as a modifier: GeoWebNews and users count it among the
    place words, but it never says where an event happened (the geo stage counts
    demonyms only as evidence of the article's focus), so it is listed embedded. A people
    of several states ("Kurdish") names no country and is left out.
    """
    doc = parsed.doc
    body_start = find_body_start(parsed.article.text) - parsed.offset
    taken = {i for t in toponyms for i in range(t.token_start, t.token_end)}
    # The model's NORP entities, and the national demonyms it tags otherwise or not at all
    # ("the Russian Foreign Ministry"); the suffix rule only on the former, where it cannot
    # read a first name as a demonym ("Frances").
    words = [ent for ent in doc.ents if ent.label_ == "NORP"]
    tagged = {i for ent in words for i in range(ent.start, ent.end)}
    words += [
        doc[t.i : t.i + 1]
        for t in doc
        if t.i not in tagged and t.text[:1].isupper() and gazetteer.is_national_demonym(t.text)
    ]
    found = []
    for word in sorted(words, key=lambda w: w.start):
        if word.start_char < body_start or taken.intersection(range(word.start, word.end)):
            continue
        place = gazetteer.demonym(word.text)
        if place is not None:
            span = parsed.text_span(word)
            found.append(Toponym(span, word.start, word.end, (place,), place, "demonym", is_embedded=True))
    return found


def _mention(toponym: Toponym) -> PlaceMention:
    place = toponym.place
    return PlaceMention(
        text=toponym.span.text,
        start=toponym.span.start_char,
        end=toponym.span.end_char,
        name=place.name if place else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geonameid=place.geonameid if place else None,
        precision=place.precision if place else None,
        source=toponym.source,
        is_embedded=toponym.is_embedded,
        is_contained=toponym.is_contained,
        basis=_basis(toponym),
    )


def _basis(toponym: Toponym) -> str | None:
    """Say how the toponym got its place: contained, through a demonym, by name, or not at all."""
    if toponym.place is None:
        return None
    return toponym.contained or ("demonym" if toponym.source == "demonym" else "gazetteer")
