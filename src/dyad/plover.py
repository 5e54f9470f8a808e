"""The PLOVER ontology: quad classes, conflict–cooperation scores and the CAMEO crosswalk.

Scores are the table "PLOVER conflict–cooperation scores" of the PLOVER manual (draft 0.8,
2021); the crosswalk is the manual's CAMEO2PLOVER-2021 table, shipped in ``data/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dyad.model import EventType

QUADS: dict[EventType, str] = {
    **dict.fromkeys(
        (EventType.AGREE, EventType.CONSULT, EventType.SUPPORT, EventType.CONCEDE), "verbal cooperation"
    ),
    **dict.fromkeys((EventType.COOPERATE, EventType.AID, EventType.RETREAT), "material cooperation"),
    **dict.fromkeys(
        (EventType.REQUEST, EventType.ACCUSE, EventType.REJECT, EventType.THREATEN), "verbal conflict"
    ),
    **dict.fromkeys(
        (EventType.PROTEST, EventType.SANCTION, EventType.MOBILIZE, EventType.COERCE, EventType.ASSAULT),
        "material conflict",
    ),
}

QUAD_CODES = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}

# Base score per type, then per type: mode (the manual's table, verbatim).
BASE_SCORES: dict[EventType, float] = {
    EventType.AGREE: 2.5, EventType.CONSULT: 2.5, EventType.SUPPORT: 5, EventType.CONCEDE: 4.5,
    EventType.COOPERATE: 9.5, EventType.AID: 10, EventType.RETREAT: 6.5, EventType.REQUEST: 0,
    EventType.ACCUSE: 3, EventType.REJECT: -2, EventType.THREATEN: -3.5, EventType.PROTEST: -5,
    EventType.SANCTION: -6, EventType.MOBILIZE: -5.5, EventType.COERCE: -7, EventType.ASSAULT: -9,
}  # fmt: skip

MODE_SCORES: dict[tuple[EventType, str], float] = {
    (EventType.CONSULT, "visit"): 4, (EventType.CONSULT, "third-party"): 1,
    (EventType.CONSULT, "multilateral"): 4, (EventType.CONSULT, "phone"): 1.5,
    (EventType.RETREAT, "withdraw"): 8, (EventType.RETREAT, "release"): 6.5,
    (EventType.RETREAT, "disarm"): 10, (EventType.RETREAT, "ceasefire"): 7.5,
    (EventType.RETREAT, "access"): 6.5, (EventType.RETREAT, "resign"): 4.5,
    (EventType.REQUEST, "assist"): 0.5, (EventType.REQUEST, "change"): -1,
    (EventType.REQUEST, "yield"): -1, (EventType.REQUEST, "meet"): 0,
    (EventType.ACCUSE, "disapprove"): -2, (EventType.ACCUSE, "investigate"): -3.5,
    (EventType.ACCUSE, "allege"): -3.5,
    (EventType.REJECT, "assist"): -1.5, (EventType.REJECT, "change"): -2,
    (EventType.REJECT, "yield"): -2, (EventType.REJECT, "meet"): -2,
    (EventType.THREATEN, "restrict"): -3, (EventType.THREATEN, "arrest"): -3.5,
    (EventType.THREATEN, "relations"): -3.5, (EventType.THREATEN, "expel"): -3.5,
    (EventType.THREATEN, "territory"): -4, (EventType.THREATEN, "violence"): -3.5,
    (EventType.PROTEST, "demo"): -5, (EventType.PROTEST, "riot"): -7,
    (EventType.PROTEST, "strike"): -5, (EventType.PROTEST, "hunger"): -4.5,
    (EventType.PROTEST, "boycott"): -4.5, (EventType.PROTEST, "obstruct"): -4.5,
    (EventType.SANCTION, "convict"): -6, (EventType.SANCTION, "expel"): -5.5,
    (EventType.SANCTION, "withdraw"): -6, (EventType.SANCTION, "discontinue"): -6,
    (EventType.MOBILIZE, "troops"): -6.5, (EventType.MOBILIZE, "weapons"): -6.5,
    (EventType.MOBILIZE, "police"): -5.5, (EventType.MOBILIZE, "militia"): -6,
    (EventType.COERCE, "seize"): -7, (EventType.COERCE, "restrict"): -7,
    (EventType.COERCE, "censor"): -6.5, (EventType.COERCE, "curfew"): -6.5,
    (EventType.COERCE, "martial-law"): -7.5, (EventType.COERCE, "arrest"): -7,
    (EventType.COERCE, "deport"): -7, (EventType.COERCE, "withhold"): -7,
    (EventType.COERCE, "misinformation"): -6.5, (EventType.COERCE, "cyber"): -7,
    (EventType.ASSAULT, "abduct"): -8.5, (EventType.ASSAULT, "beat"): -7.5,
    (EventType.ASSAULT, "torture"): -8.5, (EventType.ASSAULT, "sexual"): -8.5,
    (EventType.ASSAULT, "targeted"): -9.5, (EventType.ASSAULT, "destroy"): -8.5,
    (EventType.ASSAULT, "primitive"): -8, (EventType.ASSAULT, "firearms"): -9,
    (EventType.ASSAULT, "explosives"): -9, (EventType.ASSAULT, "suicide-attack"): -9.5,
    (EventType.ASSAULT, "aerial"): -9.5, (EventType.ASSAULT, "drone"): -9.5,
    (EventType.ASSAULT, "heavy-weapons"): -9.5, (EventType.ASSAULT, "crowd-control"): -7.5,
    (EventType.ASSAULT, "unconventional"): -10,
}  # fmt: skip

# Where a type has several CAMEO roots, the one its unmarked events belong to.
_ROOTS: dict[EventType, str] = {
    EventType.AGREE: "03", EventType.CONSULT: "04", EventType.SUPPORT: "05", EventType.COOPERATE: "06",
    EventType.AID: "07", EventType.CONCEDE: "08", EventType.RETREAT: "084", EventType.ACCUSE: "11",
    EventType.REQUEST: "10", EventType.REJECT: "12", EventType.THREATEN: "13", EventType.PROTEST: "14",
    EventType.MOBILIZE: "15", EventType.SANCTION: "16", EventType.COERCE: "17", EventType.ASSAULT: "18",
}  # fmt: skip
# Modes the crosswalk has no CAMEO code for, read as the nearest one it has.
_MODE_ALIASES = {"drone": "heavy-weapons", "aerial": "heavy-weapons", "targeted": "assassinate",
                 "destroy": "seize", "strike": "boycott"}  # fmt: skip

_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO → PLOVER table."""

    code: str
    event_type: EventType
    mode: str
    context: tuple[str, ...]
    description: str


@cache
def cameo_table() -> dict[str, CameoCode]:
    """Return the CAMEO → PLOVER crosswalk, keyed by CAMEO code."""
    text = resources.files("dyad").joinpath("data/cameo2plover.txt").read_text("utf-8")
    table: dict[str, CameoCode] = {}
    for line in text.splitlines():
        match = _LINE.match(line.strip())
        if not match or match.group(2) not in EventType.__members__:
            continue
        code, type_name, mode, context = match.groups()
        description = line.split("#", 1)[1].strip() if "#" in line else ""
        contexts = tuple(c.strip() for c in (context or "").split(";") if c.strip())
        table.setdefault(
            code, CameoCode(code, EventType(type_name), (mode or "").strip(), contexts, description)
        )
    return table


def to_cameo(event_type: EventType, modes: tuple[str, ...] = ()) -> str:
    """Return the CAMEO code closest to a PLOVER type and modes (the reverse crosswalk)."""
    rows = [row for row in cameo_table().values() if row.event_type == event_type]
    for mode in modes:
        wanted = _MODE_ALIASES.get(mode, mode)
        matches = sorted((row.code for row in rows if row.mode == wanted), key=lambda c: (len(c), c))
        if matches:
            return matches[0]
    return _ROOTS[event_type]


def from_cameo(code: str) -> CameoCode | None:
    """Return the PLOVER reading of a CAMEO code, falling back to its parent codes."""
    table = cameo_table()
    for length in range(len(code), 1, -1):
        row = table.get(code[:length])
        if row is not None:
            return row
    return None


def score(event_type: EventType, modes: tuple[str, ...] = ()) -> float:
    """Return the PLOVER conflict–cooperation score of a type, refined by its first scored mode."""
    for mode in modes:
        if (event_type, mode) in MODE_SCORES:
            return float(MODE_SCORES[(event_type, mode)])
    return float(BASE_SCORES[event_type])
