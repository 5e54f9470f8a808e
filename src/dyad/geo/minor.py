"""Toponyms that the entity pass leaves behind: inside names, amounts and road numbers.

* a demonym opening an organisation's name: "the European Commission", "Philippine Sports
  Commission", or any capitalised name: "British Touring Car Championship" (the region or
  country it names; embedded, never an event's place);
* a country inside an amount: "59.2 billion US dollars" (whose currency; embedded);
* a road number: "the A417 southbound carriageway", "the M4 highway" (a place, placed in
  its town later), only when its sentence speaks of roads: "the A380" alone is an aircraft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dyad.geo.gazetteer import Gazetteer, Place, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Road numbers as British, Irish and Syrian news write them: "the A417", "M4 highway".
ROAD = re.compile(r"^[ABMN]\d{1,4}$")
_ROAD_WORDS = frozenset(
    {"road", "roads", "highway", "motorway", "carriageway", "junction", "roundabout", "diversion"}
    | {"southbound", "northbound", "eastbound", "westbound", "lane", "lanes", "traffic", "crash"}
)


def minor_toponyms(
    doc: Doc, gazetteer: Gazetteer, taken: set[int], body_start: int
) -> Iterator[tuple[Span, list[tuple[Place, float]], str]]:
    """Yield ``(span, candidates, source)`` for each such toponym not already ``taken``.

    ``source`` is "demonym" (a demonym opening a name), "MONEY" or "road".
    """
    used = set(taken)
    for ent in doc.ents:
        if ent.start_char < body_start:
            continue
        if ent.label_ in ("ORG", "NORP"):
            first = ent[1] if ent[0].lower_ == "the" and len(ent) > 2 else ent[0]
            if first.i in used or not first.text[:1].isupper():
                continue
            # Inside the organisation's name, or (a demonym the model tags alone) opening
            # a capitalised name: "British Touring Car Championship".
            if first.i + 1 >= ent.end and not (
                ent.label_ == "NORP" and len(ent) == 1 and ent.end < len(doc) and _opens_name(doc[ent.end])
            ):
                continue
            # A name the gazetteer knows itself ("Seattle Seahawks") is the phrase matcher's.
            place = None if gazetteer.has_key(name_key(first.text)) else gazetteer.demonym(first.text)
            if place is not None:
                used.add(first.i)
                yield doc[first.i : first.i + 1], [(place, 0.0)], "demonym"
        elif ent.label_ == "MONEY":
            for token in ent:
                if token.i in used or not token.text[:1].isupper():
                    continue
                candidates = gazetteer.candidates(token.text)
                if candidates and candidates[0][0].kind == "country":
                    used.add(token.i)
                    yield doc[token.i : token.i + 1], candidates, "MONEY"
    for token in doc:
        if token.i in used or token.idx < body_start or not ROAD.match(token.text):
            continue
        if any(t.lower_ in _ROAD_WORDS for t in token.sent):
            used.add(token.i)
            yield doc[token.i : token.i + 1], [], "road"


def _opens_name(token: Token) -> bool:
    """Say whether a token carries on a proper name (capitalised proper noun: "Touring")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()
