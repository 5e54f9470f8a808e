"""Pick each toponym's gazetteer entry from its candidates, using the rest of the article.

A candidate's score is its context-free prior (``gazetteer.prior``: feature kind,
population, capital, curated) plus what the article says:

* a stated container ("Paris, Texas", "Harir in Erbil") or a feature word ("New York
  state", "the province of Idlib") — strong, it is the text's own statement;
* other places of the article in the same country or first-level subdivision, and nearness
  to the towns it names — weaker, and only from names that were not themselves a guess
  (a surname read as a town, "Evans", must not drag "Rome" to Georgia);
* the dateline ("BEIRUT -"), which counts as one more mention of its country and one more
  nearby town: where the report was filed is a good hint, never proof.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyad.geo.gazetteer import NAMESAKE_SHARE, Place, name_key, prior

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from dyad.geo.toponyms import Toponym

_PARENT_LINKS = frozenset({",", "in", "of"})
_PARENT_BONUS = 10.0
_COUNTRY_BONUS = 3.0
_ADMIN1_BONUS = 3.0
# Nearness to a town the article names: (within km, bonus).
_NEAR_BONUS = ((50.0, 4.0), (150.0, 3.0), (400.0, 1.5))
# A choice is a safe anchor for others when it beat its runner-up by this much on its own.
_SURE_MARGIN = 2.0
# Words next to a name that say which kind of place it is ("New York state", "Kabul city").
_ADMIN1_WORDS = frozenset({"state", "province", "governorate", "region", "oblast", "prefecture", "wilaya"})
_ADMIN1_BEFORE = frozenset({"upstate", "downstate"})
_CITY_WORDS = frozenset({"city", "town", "village"})
_COMPASS_WORDS = frozenset(
    {"central", "eastern", "western", "northern", "southern", "northeastern", "northwestern"}
    | {"southeastern", "southwestern", "rural"}
)
_LIST_WORDS = frozenset({",", "and", "or", "&"})
_CUE_BONUS = 6.0


def disambiguate(
    toponyms: list[Toponym], doc: Doc, hints: Sequence[Toponym] = (), voices: Counter[str] | None = None
) -> list[Toponym]:
    """Pick each toponym's candidate by prior, stated parent, cue words and document context.

    Two rounds: the first uses the countries and subdivisions the article names; the
    second adds nearness to the places that the first round chose with confidence.
    ``hints`` are the dateline's places (resolved), counted like one more mention each.
    ``voices`` count countries the text names without a place ("Yemeni", "Houthi forces"):
    a mention each of their country, so "northern Gaza" among Hamas posts is not Mozambique's.
    """
    if not toponyms:
        return toponyms
    resolved = toponyms
    margins: dict[int, float] = {}
    for round_ in range(2):
        countries: Counter[str] = Counter(voices)
        admin1s: Counter[tuple[str, str]] = Counter()
        held: Counter[tuple[str, str]] = Counter()
        for toponym in (*resolved, *hints):
            place = toponym.place
            if place is not None and place.country and not toponym.is_embedded:
                countries[place.country] += 1
                # Only a named subdivision votes for its towns ("Riverdale ... New Jersey");
                # towns vote for their neighbours by nearness, which a whole England is not.
                if place.admin1 and place.kind == "admin1":
                    admin1s[(place.country, place.admin1)] += 1
                # A town votes for the subdivision it lies in, as a reading of an ambiguous
                # name: "Seattle ... Washington" is the state, not the capital.
                # Not "New York" the city voting for New York the state under its own name.
                elif (
                    place.admin1
                    and place.kind == "city"
                    and name_key(place.admin1) != name_key(toponym.span.text)
                ):
                    held[(place.country, place.admin1)] += 1
        anchors = _anchors(resolved, margins, hints) if round_ else []
        chosen: list[Toponym] = []
        for index, toponym in enumerate(resolved):
            parent = _parent(resolved, index, doc) if toponym.candidates else None
            if _is_unknown_in(toponym, parent, resolved[index + 1] if parent is not None else None):
                # "Rockingham, Northamptonshire": a place the gazetteer lacks in the stated
                # county, not the namesake in North Carolina (placed in its county later).
                chosen.append(replace(toponym, place=None))
                continue
            if len(toponym.candidates) < 2:
                chosen.append(toponym)
                continue
            context = _Context(
                parent,
                _cue(toponym, doc) or _wide_cue(resolved, index, doc),
                countries,
                admin1s,
                held,
                anchors,
                toponym,
            )
            scores = toponym.priors or tuple(prior(c) for c in toponym.candidates)
            ranked = sorted(
                (
                    (context.score(c, s), n)
                    for n, (c, s) in enumerate(zip(toponym.candidates, scores, strict=True))
                ),
                reverse=True,
            )
            if round_ == 0:
                margins[index] = ranked[0][0] - ranked[1][0]
            chosen.append(replace(toponym, place=toponym.candidates[ranked[0][1]]))
        resolved = chosen
    return resolved


def _is_unknown_in(toponym: Toponym, parent: Place | None, stated: Toponym | None) -> bool:
    """Say whether a town is stated in a county or state where the gazetteer has no such town.

    Only a town after a subdivision the text reads as one: "Paris, London" lists two
    cities, and "Syria, Iraq" two countries, whatever London's or Iraq's other readings.
    """
    if parent is None or stated is None or stated.place is None or parent.kind != "admin1":
        return False
    if stated.place.kind != "admin1" or any(c.kind != "city" for c in toponym.candidates):
        return False
    return not any(c.country == parent.country for c in toponym.candidates)


def _anchors(
    toponyms: list[Toponym], margins: dict[int, float], hints: Sequence[Toponym]
) -> list[tuple[str, float, float]]:
    """Return (key, lat, lon) of the towns and sites chosen with confidence, to measure nearness."""
    sure = [
        t
        for index, t in enumerate(toponyms)
        if not t.is_embedded and margins.get(index, math.inf) >= _SURE_MARGIN
    ]
    return [
        (name_key(t.span.text), t.place.lat, t.place.lon)
        for t in (*sure, *hints)
        if t.place is not None
        and t.place.lat is not None
        and t.place.lon is not None
        and t.place.kind in ("city", "point")
    ]


def _cue(toponym: Toponym, doc: Doc) -> str | None:
    """Return the kind that a neighbouring word asks for: "admin1" or "city", else None."""
    if toponym.token_start < 0:
        return None
    inside = doc[toponym.token_start : toponym.token_end]
    last = inside[-1].lower_
    after = doc[toponym.token_end].lower_ if toponym.token_end < len(doc) else ""
    before = doc[toponym.token_start - 1].lower_ if toponym.token_start > 0 else ""
    two_before = doc[toponym.token_start - 2].lower_ if toponym.token_start > 1 else ""
    if last in _ADMIN1_WORDS or after in _ADMIN1_WORDS or before in _ADMIN1_BEFORE:
        return "admin1"
    if _is_container(inside, doc):
        return "admin1"
    if before == "of" and two_before in _ADMIN1_WORDS:
        return "admin1"
    if after in _CITY_WORDS or last in _CITY_WORDS:
        return "city"
    return None


def follows_name_and_comma(name: Span) -> bool:
    """Say whether a name comes right after a proper name and a comma: "Brands Hatch Indy, Kent"."""
    doc = name.doc
    return name.start >= 2 and doc[name.start - 1].text == "," and doc[name.start - 2].pos_ == "PROPN"


def _is_container(name: Span, doc: Doc) -> bool:
    """Say whether a name closes "Place, Name": the county or state that place lies in.

    "Brands Hatch Indy, Kent." and "Donington Park, Leicestershire." name the county, not
    a town called Kent; a list goes on after the name ("Hilversum, Almelo and Zwolle").
    """
    end = name.end
    return follows_name_and_comma(name) and (end == len(doc) or (doc[end].is_punct and doc[end].text != ","))


@dataclass(frozen=True, slots=True)
class _Context:
    parent: Place | None
    cue: str | None
    countries: Counter[str]
    admin1s: Counter[tuple[str, str]]
    held: Counter[tuple[str, str]]
    anchors: list[tuple[str, float, float]]
    toponym: Toponym

    def score(self, candidate: Place, base: float) -> float:
        score = base
        parent, own = self.parent, self.toponym.place
        if parent is not None and candidate.country == parent.country and candidate.kind != parent.kind:
            score += _PARENT_BONUS
            if parent.kind == "admin1" and candidate.admin1 == parent.admin1:
                score += _PARENT_BONUS
        if self.cue is not None and candidate.kind == self.cue:
            score += _CUE_BONUS
        # The toponym's own first guess voted for its country; do not let it vote for itself.
        own_country = own is not None and own.country == candidate.country
        votes = self.countries[candidate.country] - (1 if own_country else 0) if candidate.country else 0
        if votes > 0:
            score += _COUNTRY_BONUS
        if (
            candidate.kind == "admin1"
            and self.held[(candidate.country, candidate.admin1 or "")]
            and _is_wide_admin1(self.toponym.candidates)
        ):
            score += _ADMIN1_BONUS
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


def _wide_cue(toponyms: list[Toponym], index: int, doc: Doc) -> str | None:
    """Return "admin1" when the text reads a name as a whole state, not its namesake town.

    "western states such as California or Washington" (listed with a subdivision) and
    "central Washington" (a compass word) ask for the subdivision, but only one that is
    more than its namesake town: "northern Baghdad" and "Baghdad and Anbar" stay the
    city, which holds most of its governorate's people (``NAMESAKE_SHARE``).
    """
    toponym = toponyms[index]
    if toponym.token_start <= 0 or not _is_wide_admin1(toponym.candidates):
        return None
    if doc[toponym.token_start - 1].lower_ in _COMPASS_WORDS:
        return "admin1"
    for other in (
        toponyms[index - 1] if index else None,
        toponyms[index + 1] if index + 1 < len(toponyms) else None,
    ):
        if other is None or other.place is None or other.place.kind != "admin1" or other.token_start < 0:
            continue
        low, high = sorted((other, toponym), key=lambda t: t.token_start)
        between = {t.lower_ for t in doc[low.token_end : high.token_start]}
        if high.token_start - low.token_end <= 2 and between and between <= _LIST_WORDS:
            return "admin1"
    return None


def _is_wide_admin1(candidates: tuple[Place, ...]) -> bool:
    """Say whether a name has a subdivision reading that no namesake town of it dominates."""
    for sub in candidates:
        if sub.kind == "admin1" and sub.population > 0:
            return not any(
                c.kind == "city"
                and c.country == sub.country
                and c.population >= NAMESAKE_SHARE * sub.population
                for c in candidates
            )
    return False


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
    # "stops in Washington, New York and Boston" is a list, not Washington in New York: a
    # container is not itself followed by "and"/"or" and a third place.
    if link == "," and index + 2 < len(toponyms):
        rest = toponyms[index + 2]
        if rest.token_start - after.token_end == 1 and doc[after.token_end].lower_ in ("and", "or"):
            return None
    # The container is a country, state or region: take the parent's likeliest such reading.
    return next((c for c in after.candidates if c.kind in ("country", "admin1", "region")), None)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
