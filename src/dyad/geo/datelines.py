"""Read the place of an article's dateline: "ERBIL, Kurdistan Region -", "RALEIGH, N.C. (AP) -".

A dateline says where a report was filed. dyad lists it as a place mention, uses it as a
weak hint when other names are ambiguous ("Tripoli" in a Beirut-datelined story is the
Lebanese one), and locates an event there only when the body names no place at all.
The second part names the container ("PARIS, Texas"; "KOLKATA, India"); it is a toponym
of its own, and it picks the first part's candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.geo.gazetteer import Gazetteer, Place
from dyad.model import TextSpan
from dyad.nlp import find_body_start

# What may end a dateline's place part: a dash of any kind or a colon, then the agency.
_END = re.compile(r"\s*(?:\(|\s-{1,2}\s|-{1,2}\s|[\u2013\u2014:])")
# A date part ("April 5", "June 18") is no place.
_DATE = re.compile(r"^[A-Z][a-z]{2,8}\.?\s+\d{1,2}$")
_CONTAINER_KINDS = ("country", "admin1", "region")
_BRACKETED = re.compile(r"\s*\(([^()]+)\)")
_TITLE_DATELINE = re.compile(r"^\s*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s")


@dataclass(frozen=True, slots=True)
class DatelinePart:
    """One resolved part of a dateline: its span in ``Article.text`` and its candidates."""

    span: TextSpan
    candidates: tuple[tuple[Place, float], ...]


def read_dateline(text: str, gazetteer: Gazetteer) -> list[DatelinePart]:
    """Return the dateline's place and, if given, its container, each with candidates.

    The place's candidates are sorted so that those inside the container come first.
    Empty when the article has no dateline or the gazetteer knows neither part.
    """
    body = find_body_start(text)
    head = text[:body]
    if not head.strip():
        # "Muscat: The 10th Muscat International Film Festival ...": Gulf and South Asian
        # outlets write the dateline in title case before a colon.
        colon = _TITLE_DATELINE.match(text)
        if colon is None or not any(p.kind in ("city", "country") for p in gazetteer.lookup(colon.group(1))):
            return []
        head = colon.group(0)
    bracketed = _BRACKETED.match(head)
    if bracketed:  # "(NEW YORK) - Police officers ..."
        place_part, offset = bracketed.group(1), bracketed.start(1)
    else:
        cut = _END.search(head)
        place_part, offset = (head[: cut.start()] if cut else head), 0
    parts: list[tuple[int, str]] = []
    for piece in place_part.split(","):
        stripped = piece.strip()
        if stripped and not _DATE.match(stripped):
            parts.append((offset + piece.index(stripped), stripped))
        offset += len(piece) + 1
    if not parts:
        return []
    found: list[DatelinePart] = []
    container: DatelinePart | None = None
    if len(parts) > 1:
        start, name = parts[1]
        options = [(p, s) for p, s in gazetteer.candidates(_cased(name)) if p.kind in _CONTAINER_KINDS]
        if options:
            container = DatelinePart(TextSpan(start, start + len(name), name), tuple(options))
    start, name = parts[0]
    candidates = gazetteer.candidates(_cased(name))
    if candidates:
        if container is not None:
            inside = container.candidates[0][0]
            candidates.sort(key=lambda pair: not _within(pair[0], inside))
        found.append(DatelinePart(TextSpan(start, start + len(name), name), tuple(candidates)))
    if container is not None:
        found.append(container)
    return found


def _cased(name: str) -> str:
    # "NEW YORK" is looked up as "New York"; short capitals stay ("SC", "UAE").
    return name.title() if name.isupper() and len(name) > 3 else name


def _within(place: Place, container: Place) -> bool:
    if container.kind == "admin1":
        return place.country == container.country and place.admin1 == container.admin1
    return container.country is not None and place.country == container.country
