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
    label (GPE, LOC, FAC), ``gazetteer`` (the phrase matcher) or ``dateline``.
    ``is_embedded`` marks a name inside an organisation's ("University of Texas");
    ``is_contained`` a name the gazetteer lacks (a street, venue or village), placed in
    the place stated after it or the town the article is about, at that place's precision.
    ``basis`` says which: ``gazetteer`` (the name's own entry), ``stated`` (the place named
    after it: "Knockhill, Fife"), ``focus`` (the article's town), None when unplaced.
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
    toponyms = [*dateline, *toponyms]
    return [_mention(t) for t in toponyms]


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
        basis=toponym.contained or ("gazetteer" if place else None),
    )
