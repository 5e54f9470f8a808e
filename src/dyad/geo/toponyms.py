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

from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyad.geo.gazetteer import Gazetteer, Place, name_key, prior
from dyad.model import TextSpan
from dyad.nlp import ParsedArticle, find_body_start

if TYPE_CHECKING:
    from spacy.tokens import Span

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
_PARENT_LINKS = frozenset({",", "in", "of"})
_PARENT_BONUS = 10.0
_COUNTRY_BONUS = 3.0
_ADMIN1_BONUS = 1.5


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in the text and what it was resolved to.

    ``token_start``/``token_end`` index the window's ``Doc``; ``place`` is None when the
    gazetteer knows no such name. ``source`` is the spaCy label or ``gazetteer``.
    """

    span: TextSpan
    token_start: int
    token_end: int
    candidates: tuple[Place, ...]
    place: Place | None
    source: str
    is_embedded: bool = False


def find_toponyms(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[Toponym]:
    """Return the toponyms of the window after the dateline, in text order, resolved."""
    doc = parsed.doc
    body_start = find_body_start(parsed.article.text) - parsed.offset
    blocked: set[int] = set()
    org_of: dict[int, Span] = {}
    found: list[Toponym] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in _BLOCKING_LABELS:
            blocked.update(range(ent.start, ent.end))
        elif ent.label_ == "ORG":
            org_of.update(dict.fromkeys(range(ent.start, ent.end), ent))
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or ent.start_char < body_start:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        candidates = gazetteer.lookup(span.text)
        if not candidates and ent.label_ == "FAC":
            # "Mosul Dam", "Kabul airport": a facility is at the known place inside its name.
            inner = _phrase_matches(span, gazetteer, taken=set(), blocked=set())
            candidates = gazetteer.lookup(inner[0].text) if inner else []
        found.append(_toponym(parsed, span, candidates, ent.label_))
        taken.update(range(span.start, span.end))
    for match in _phrase_matches(doc[:], gazetteer, taken, blocked):
        if match.start_char < body_start:
            continue
        found.append(
            _toponym(parsed, match, gazetteer.lookup(match.text), "gazetteer", _embedded(match, org_of))
        )
    found.sort(key=lambda t: t.token_start)
    return _disambiguate(found, doc)


def _toponym(
    parsed: ParsedArticle, span: Span, candidates: list[Place], source: str, embedded: bool = False
) -> Toponym:
    return Toponym(
        parsed.text_span(span),
        span.start,
        span.end,
        tuple(candidates),
        candidates[0] if candidates else None,
        source,
        embedded,
    )


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
    curated supplement's: the small model reads "Ain al-Asad" as a person.
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
            if not gazetteer.has_key(key):
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


def _disambiguate(toponyms: list[Toponym], doc: object) -> list[Toponym]:
    """Pick each toponym's candidate by prior, stated parent and document context."""
    if not toponyms:
        return toponyms
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str]] = Counter()
    for toponym in toponyms:
        if toponym.place is not None and toponym.place.country and not toponym.is_embedded:
            countries[toponym.place.country] += 1
            if toponym.place.admin1:
                admin1s[(toponym.place.country, toponym.place.admin1)] += 1
    resolved: list[Toponym] = []
    for index, toponym in enumerate(toponyms):
        if len(toponym.candidates) < 2:
            resolved.append(toponym)
            continue
        parent = _parent(toponyms, index, doc)
        own = toponym.place
        best = max(toponym.candidates, key=lambda c: _score(c, own, parent, countries, admin1s))
        resolved.append(replace(toponym, place=best))
    return resolved


def _parent(toponyms: list[Toponym], index: int, doc: object) -> Place | None:
    """Return the place stated as the container: "Paris, Texas", "Harir in Erbil"."""
    if index + 1 >= len(toponyms):
        return None
    here, after = toponyms[index], toponyms[index + 1]
    gap = after.token_start - here.token_end
    if gap != 1 or after.place is None:
        return None
    link = doc[here.token_end].lower_  # type: ignore[index]
    return (
        after.place if link in _PARENT_LINKS and after.place.kind in ("country", "admin1", "region") else None
    )


def _score(
    candidate: Place,
    own: Place | None,
    parent: Place | None,
    countries: Counter[str],
    admin1s: Counter[tuple[str, str]],
) -> float:
    score = prior(candidate)
    if parent is not None and candidate.country == parent.country and candidate.kind != parent.kind:
        score += _PARENT_BONUS
        if parent.kind == "admin1" and candidate.admin1 == parent.admin1:
            score += _PARENT_BONUS
    # The toponym's own first guess voted for its country; do not let it vote for itself.
    votes = countries[candidate.country] - (1 if own is not None and own.country == candidate.country else 0)
    if candidate.country and votes > 0:
        score += _COUNTRY_BONUS
    if candidate.admin1 and admin1s[(candidate.country, candidate.admin1)] > 0 and candidate.kind != "admin1":
        score += _ADMIN1_BONUS
    return score
