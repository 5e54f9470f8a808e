"""Find the place names in a parsed window and pick each one's gazetteer entry.

Recognition joins spaCy's GPE/LOC/FAC entities with a gazetteer phrase match over proper
nouns, so curated names the model misses ("Ain al-Asad", "Jurf al-Sakhar", "Kharg island")
are found too. Demonyms (NORP: "Iraqi", "Syrian") are not places. Names inside an
organisation's name ("University of California") are kept but marked embedded: they are
toponyms, yet they do not say where an event happened.

Disambiguation scores each candidate by its prior (feature kind, population, capital,
curated), a stated parent ("Paris, Texas", "Harir in Erbil"), and the other places of the
document (candidates in a country the article mentions win).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyad.geo.gazetteer import Gazetteer, Place, name_key, prior
from dyad.model import TextSpan
from dyad.nlp import ParsedArticle, find_body_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Tokens in these entities are never part of a place name: "Paris Hilton", "May 5", "Gulf War".
_BLOCKING_LABELS = frozenset(
    {
        "PERSON",
        "DATE",
        "TIME",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "PRODUCT",
        "NORP",
        "LANGUAGE",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
    }
)
# Lower-case heads that belong to a curated name ("Kharg island", "Faw peninsula").
_FEATURE_WORDS = frozenset(
    {
        "island",
        "peninsula",
        "valley",
        "strip",
        "bank",
        "camp",
        "crossing",
        "base",
        "airbase",
        "field",
        "oilfield",
        "region",
        "province",
        "governorate",
        "sea",
        "gulf",
        "strait",
        "plant",
        "heights",
        "road",
    }
)
# Entities the small model gives to towns often enough to check ("in Riverdale").
_RESCUABLE_LABELS = frozenset({"PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "from", "across", "around", "into", "of"})
# Last words of streets and sites: such a name is a place even when the gazetteer lacks it.
_STREET_HEADS = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "highway"}
)
_FACILITY_HEADS = _STREET_HEADS | frozenset(
    {
        "square",
        "bridge",
        "hospital",
        "school",
        "university",
        "college",
        "church",
        "cathedral",
        "chapel",
        "mosque",
        "stadium",
        "arena",
        "centre",
        "center",
        "airport",
        "station",
        "hotel",
        "mall",
        "market",
        "prison",
        "jail",
        "courthouse",
        "hall",
        "tower",
        "museum",
        "library",
        "embassy",
        "park",
        "club",
        "township",
        "county",
        "parish",
        "borough",
        "neighborhood",
        "neighbourhood",
    }
)
_FACILITY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_FACILITY_HEADS)) + r")\b\.?", re.IGNORECASE)
# Words that are towns somewhere ("Street", Somerset; "University", Florida) but in news
# are nearly always part of a longer name.
_GENERIC_WORDS = frozenset(
    {"street", "university", "college", "centre", "center", "city hall", "valley", "airport", "village"}
    | {"west", "east", "north", "south", "union", "point", "summit", "plantation", "park", "hall"}
)
_DISTRICT_WORDS = frozenset(
    {"county", "parish", "township", "borough", "district", "lga", "state", "province"}
)
_PARENT_LINKS = frozenset({",", "in", "of"})
_PARENT_BONUS = 10.0
_COUNTRY_BONUS = 3.0
_ADMIN1_BONUS = 3.0
# Nearness to a town the article names: (within km, bonus).
_NEAR_BONUS = ((50.0, 4.0), (150.0, 3.0), (400.0, 1.5))


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in the text and what it was resolved to.

    ``token_start``/``token_end`` index the window's ``Doc``; ``place`` is None when the
    gazetteer knows no such name. ``source`` is the spaCy label or ``gazetteer``.
    ``priors`` are the candidates' context-free scores. ``is_contained`` marks a street or
    building the gazetteer does not know, placed in the town the article is about (ACLED
    codes such places at the nearest town).
    """

    span: TextSpan
    token_start: int
    token_end: int
    candidates: tuple[Place, ...]
    place: Place | None
    source: str
    is_embedded: bool = False
    priors: tuple[float, ...] = ()
    is_contained: bool = False


def find_toponyms(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[Toponym]:
    """Return the toponyms of the window after the dateline, in text order, resolved."""
    doc = parsed.doc
    body_start = find_body_start(parsed.article.text) - parsed.offset
    org_of: dict[int, Span] = {}
    found: list[Toponym] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "ORG":
            org_of.update(dict.fromkeys(range(ent.start, ent.end), ent))
    blocked = _blocked_tokens(doc, gazetteer)
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or ent.start_char < body_start:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        candidates = gazetteer.candidates(span.text)
        if not candidates and len(span) > 1 and span[-1].lower_ in _DISTRICT_WORDS:
            # "Orange County", "Guma LGA": the district of that name, placed at its namesake town.
            candidates = gazetteer.candidates(span[:-1].text)
        if candidates or _is_facility(span):
            found.append(_toponym(parsed, span, candidates, ent.label_))
            taken.update(range(span.start, span.end))
            continue
        # "Greece Italy", "Asia-Pacific", "Mosul Dam": the known places inside the name.
        for inner in _phrase_matches(span, gazetteer, taken, set()):
            found.append(_toponym(parsed, inner, gazetteer.candidates(inner.text), ent.label_))
            taken.update(range(inner.start, inner.end))
        if not any(k in taken for k in range(span.start, span.end)):
            found.append(_toponym(parsed, span, [], ent.label_))
            taken.update(range(span.start, span.end))
    for match in _phrase_matches(doc[:], gazetteer, taken, blocked):
        if match.start_char < body_start:
            continue
        found.append(
            _toponym(parsed, match, gazetteer.candidates(match.text), "gazetteer", _embedded(match, org_of))
        )
    found.sort(key=lambda t: t.token_start)
    return _contain(_disambiguate(found, doc))


def _toponym(
    parsed: ParsedArticle,
    span: Span,
    candidates: list[tuple[Place, float]],
    source: str,
    embedded: bool = False,
) -> Toponym:
    return Toponym(
        parsed.text_span(span),
        span.start,
        span.end,
        tuple(place for place, _ in candidates),
        candidates[0][0] if candidates else None,
        source,
        embedded,
        tuple(score for _, score in candidates),
    )


def _blocked_tokens(doc: Doc, gazetteer: Gazetteer) -> set[int]:
    """Return the tokens of non-place entities that the phrase matcher must skip.

    The small model often tags a town as a person ("in Riverdale", "Klamath Falls,
    Oregon"). A whole PERSON/NORP/PRODUCT entity that is a gazetteer name stays
    matchable when the text treats it as a place: a locative preposition before it, a
    ", State" after it, or the same name tagged as a place elsewhere in the article.
    """
    place_keys = {name_key(e.text) for e in doc.ents if e.label_ in PLACE_LABELS}
    blocked: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _BLOCKING_LABELS:
            continue
        tokens = range(ent.start, ent.end)
        key = name_key(ent.text.removesuffix("'s").removesuffix("\u2019s"))
        if ent.label_ in _RESCUABLE_LABELS and gazetteer.has_key(key) and ent.text[:1].isupper():
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            after = doc[ent.end : ent.end + 2]
            parent = len(after) == 2 and after[0].text == "," and gazetteer.has_key(name_key(after[1].text))
            if key in place_keys or before in _PLACE_PREPOSITIONS or parent:
                continue
        blocked.update(tokens)
    return blocked


def _is_facility(span: Span) -> bool:
    """Say whether a name is a street, building or site ("Royal Street", "Rogers Centre")."""
    return span[-1].lower_.rstrip(".") in _FACILITY_HEADS


def _embedded(match: Span, org_of: dict[int, Span]) -> bool:
    """Say whether a match is part of a longer organisation name ("Bank of England").

    The small model often tags a bare place as ORG ("Abu Dhabi's offshore oilfield"), so
    an ORG that is only the place, or the place and a possessive, does not count.
    """
    org = org_of.get(match.start) or org_of.get(match.end - 1)
    if org is None:
        return False
    rest = [t for t in org if t.i < match.start or t.i >= match.end]
    return any(t.text not in ("'s", "\u2019s", "'") for t in rest)


def _phrase_matches(span: Span, gazetteer: Gazetteer, taken: set[int], blocked: set[int]) -> list[Span]:
    """Return the longest gazetteer names over capitalized proper-noun runs in ``span``.

    Tokens of a person, date or event entity are skipped unless the name is one of the
    curated supplement's: the small model reads "Ain al-Asad" as a person. A name that is
    only the first words of a street or building ("Press" of "Press Street") is no match.
    """
    doc = span.doc
    matches: list[Span] = []
    i = span.start
    longest = min(gazetteer.max_words, 8)
    while i < span.end:
        if i in taken or not doc[i].text[:1].isupper():
            i += 1
            continue
        for j in range(min(span.end, i + longest * 2), i, -1):
            candidate = doc[i:j]
            if any(k in taken for k in range(i, j)) or not _plausible(candidate):
                continue
            key = name_key(candidate.text)
            if not gazetteer.has_key(key) or key in _GENERIC_WORDS:
                continue
            if j < len(doc) and doc[j].lower_.rstrip(".") in _STREET_HEADS and doc[j].text[:1].isupper():
                continue
            if any(k in blocked for k in range(i, j)) and not any(
                p.source == "supplement" for p in gazetteer.lookup(candidate.text)
            ):
                continue
            matches.append(candidate)
            i = j - 1
            break
        i += 1
    return matches


def _plausible(span: Span) -> bool:
    """Say whether a token run can be a place name at all, before looking it up."""
    last = span[-1]
    if not (last.text[:1].isupper() or last.is_digit or last.lower_ in _FEATURE_WORDS):
        return False
    if not any(t.pos_ == "PROPN" for t in span):
        return False
    # Two-letter names ("US", "UK", "BC") only as capitals, never as "Us" or "Bc".
    return not (len(span) == 1 and len(span.text) <= 2 and not span.text.isupper())


def _disambiguate(toponyms: list[Toponym], doc: Doc) -> list[Toponym]:
    """Pick each toponym's candidate by prior, stated parent and document context.

    Two rounds: the first uses the countries and subdivisions the article names; the
    second adds nearness to the places the first round chose for other names.
    """
    if not toponyms:
        return toponyms
    resolved = toponyms
    for round_ in range(2):
        countries: Counter[str] = Counter()
        admin1s: Counter[tuple[str, str]] = Counter()
        for toponym in resolved:
            if toponym.place is not None and toponym.place.country and not toponym.is_embedded:
                countries[toponym.place.country] += 1
                if toponym.place.admin1:
                    admin1s[(toponym.place.country, toponym.place.admin1)] += 1
        anchors = _anchors(resolved) if round_ else []
        chosen: list[Toponym] = []
        for index, toponym in enumerate(resolved):
            if len(toponym.candidates) < 2:
                chosen.append(toponym)
                continue
            context = _Context(_parent(resolved, index, doc), countries, admin1s, anchors, toponym)
            scores = toponym.priors or tuple(prior(c) for c in toponym.candidates)
            best = max(zip(toponym.candidates, scores, strict=True), key=lambda pair: context.score(*pair))
            chosen.append(replace(toponym, place=best[0]))
        resolved = chosen
    return resolved


def _anchors(toponyms: list[Toponym]) -> list[tuple[str, float, float]]:
    """Return (key, lat, lon) of the towns and sites chosen so far, to measure nearness."""
    return [
        (name_key(t.span.text), t.place.lat, t.place.lon)
        for t in toponyms
        if t.place is not None
        and t.place.lat is not None
        and t.place.lon is not None
        and t.place.kind in ("city", "point")
    ]


@dataclass(frozen=True, slots=True)
class _Context:
    parent: Place | None
    countries: Counter[str]
    admin1s: Counter[tuple[str, str]]
    anchors: list[tuple[str, float, float]]
    toponym: Toponym

    def score(self, candidate: Place, base: float) -> float:
        score = base
        parent, own = self.parent, self.toponym.place
        if parent is not None and candidate.country == parent.country and candidate.kind != parent.kind:
            score += _PARENT_BONUS
            if parent.kind == "admin1" and candidate.admin1 == parent.admin1:
                score += _PARENT_BONUS
        # The toponym's own first guess voted for its country; do not let it vote for itself.
        own_country = own is not None and own.country == candidate.country
        votes = self.countries[candidate.country] - (1 if own_country else 0) if candidate.country else 0
        if votes > 0:
            score += _COUNTRY_BONUS
        if candidate.admin1 and candidate.kind != "admin1":
            own_admin1 = own is not None and own.admin1 == candidate.admin1 and own_country
            if self.admin1s[(candidate.country, candidate.admin1)] - own_admin1 > 0:
                score += _ADMIN1_BONUS
        if self.anchors and candidate.lat is not None and candidate.lon is not None:
            key = name_key(self.toponym.span.text)
            nearest = min(
                (km(candidate.lat, candidate.lon, lat, lon) for k, lat, lon in self.anchors if k != key),
                default=math.inf,
            )
            score += next((bonus for limit, bonus in _NEAR_BONUS if nearest <= limit), 0.0)
        return score


def _parent(toponyms: list[Toponym], index: int, doc: Doc) -> Place | None:
    """Return the place stated as the container: "Paris, Texas", "Harir in Erbil"."""
    if index + 1 >= len(toponyms):
        return None
    here, after = toponyms[index], toponyms[index + 1]
    gap = after.token_start - here.token_end
    if gap != 1 or not after.candidates:
        return None
    link = doc[here.token_end].lower_
    if link not in _PARENT_LINKS:
        return None
    # The container is a country, state or region: take the parent's likeliest such reading.
    return next((c for c in after.candidates if c.kind in ("country", "admin1", "region")), None)


def _contain(toponyms: list[Toponym]) -> list[Toponym]:
    """Place unknown streets and buildings in the town the article mentions most.

    Only when the article names exactly one such town more than any other; otherwise the
    place stays unresolved rather than guessed.
    """
    towns: Counter[Place] = Counter(
        t.place
        for t in toponyms
        if t.place is not None and t.place.kind == "city" and not t.is_embedded and not t.is_contained
    )
    if not towns:
        return toponyms
    ranked = towns.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return toponyms
    focus = ranked[0][0]
    doc_contained = []
    for t in toponyms:
        if t.place is None and _FACILITY_WORD.search(t.span.text):
            doc_contained.append(replace(t, place=focus, is_contained=True))
        else:
            doc_contained.append(t)
    return doc_contained


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def dateline_toponym(parsed: ParsedArticle, gazetteer: Gazetteer) -> Toponym | None:
    """Return the place of the article's dateline ("ERBIL, Kurdistan Region -"), if any.

    The dateline says where the report was filed, so it is kept apart from the body's
    toponyms. A second part names the container ("PARIS, Texas") and picks the candidate.
    """
    text = parsed.article.text
    head = text[: find_body_start(text)].strip()
    if not head:
        return None
    parts = [p.split(" - ")[0].split("(")[0].strip() for p in head.split(",")]
    place_text = parts[0]
    candidates = gazetteer.candidates(place_text.title() if place_text.isupper() else place_text)
    if not candidates or not place_text:
        return None
    container = next(iter(gazetteer.lookup(parts[1])), None) if len(parts) > 1 and parts[1] else None
    if container is not None:
        candidates.sort(key=lambda pair: pair[0].country != container.country)
    start = text.find(place_text)
    return Toponym(
        TextSpan(start, start + len(place_text), place_text),
        -1,
        -1,
        tuple(p for p, _ in candidates),
        candidates[0][0],
        "dateline",
        priors=tuple(score for _, score in candidates),
    )
