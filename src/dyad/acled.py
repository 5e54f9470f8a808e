"""ACLED's taxonomy seen from PLOVER: event types, country spellings and geo precision.

The ACLED export writes these and ``dyad eval`` scores ACLED's own notes through the same
mapping, so what the scorecard measures is what an analyst's ACLED file receives.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources

from dyad.model import EventType

# PLOVER → ACLED (event_type, sub_event_type). ACLED codes political violence, protest and
# "strategic developments"; PLOVER's verbal types (CONSULT, REQUEST, ACCUSE, ...) and the
# material ones ACLED does not code (AID, COOPERATE, SANCTION, CONCEDE) have no ACLED
# counterpart and are left out of the export rather than forced into "Other".
# Modes are checked first, in the order below; then the type's default.
ACLED_BY_MODE: dict[tuple[EventType, str], tuple[str, str]] = {
    (EventType.ASSAULT, "aerial"): ("Explosions/Remote violence", "Air/drone strike"),
    (EventType.ASSAULT, "drone"): ("Explosions/Remote violence", "Air/drone strike"),
    (EventType.ASSAULT, "heavy-weapons"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (EventType.ASSAULT, "explosives"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (EventType.ASSAULT, "suicide-attack"): ("Explosions/Remote violence", "Suicide bomb"),
    (EventType.ASSAULT, "unconventional"): ("Explosions/Remote violence", "Chemical weapon"),
    (EventType.ASSAULT, "sexual"): ("Violence against civilians", "Sexual violence"),
    (EventType.ASSAULT, "abduct"): ("Violence against civilians", "Abduction/forced disappearance"),
    # PLOVER's targeted killings (assassinations, executions) and massacres strike the
    # defenceless, whatever their office: ACLED's one-sided violence.
    (EventType.ASSAULT, "targeted"): ("Violence against civilians", "Attack"),
    (EventType.ASSAULT, "massacre"): ("Violence against civilians", "Attack"),
    (EventType.ASSAULT, "crowd-control"): ("Protests", "Excessive force against protesters"),
    (EventType.ASSAULT, "destroy"): ("Strategic developments", "Looting/property destruction"),
    (EventType.PROTEST, "riot"): ("Riots", "Violent demonstration"),
    (EventType.COERCE, "arrest"): ("Strategic developments", "Arrests"),
    (EventType.COERCE, "seize"): ("Strategic developments", "Looting/property destruction"),
    (EventType.RETREAT, "ceasefire"): ("Strategic developments", "Agreement"),
    (EventType.RETREAT, "withdraw"): ("Strategic developments", "Non-violent transfer of territory"),
}
ACLED_BY_TYPE: dict[EventType, tuple[str, str]] = {
    # An attack on civilians is "Violence against civilians"; otherwise an armed clash.
    EventType.ASSAULT: ("Battles", "Armed clash"),
    EventType.PROTEST: ("Protests", "Peaceful protest"),
    EventType.COERCE: ("Strategic developments", "Other"),
    EventType.MOBILIZE: ("Strategic developments", "Change to group/activity"),
    EventType.AGREE: ("Strategic developments", "Agreement"),
    EventType.RETREAT: ("Strategic developments", "Other"),
}
STATE_FORCES = frozenset({"GOV", "MIL", "COP", "SPY"})
# People of no armed role: farmers and business people are civilians to ACLED as much as residents.
CIVILIAN_SECTORS = frozenset({"CVL", "REF", "JRN", "EDU", "MED", "HRI", "REL", "AGR", "BUS"})
# ACLED geo_precision: 1 the named town, 2 near it or part of a region, 3 a larger region.
GEO_PRECISION = {"point": 1, "town": 1, "admin2": 2, "admin1": 3, "country": 3}


def acled_type(
    event_type: str,
    modes: Sequence[str],
    recipient_sectors: Sequence[str],
    contexts: Sequence[str] = (),
    actor_sectors: Sequence[str] = (),
) -> tuple[str, str] | None:
    """Return ACLED's (event_type, sub_event_type) for a PLOVER event, or None if ACLED has none.

    Ground seized by force (COERCE-seize in the territory context, CAMEO 192 "occupy
    territory") is an ACLED battle: the government's forces regain it, anyone else overtakes it.
    """
    kind = EventType(event_type)
    if kind == EventType.COERCE and "seize" in modes and "territory" in contexts:
        if STATE_FORCES & set(actor_sectors):
            return ("Battles", "Government regains territory")
        return ("Battles", "Non-state actor overtakes territory")
    for mode in modes:
        if (kind, mode) in ACLED_BY_MODE:
            return ACLED_BY_MODE[(kind, mode)]
    if kind == EventType.ASSAULT and CIVILIAN_SECTORS & set(recipient_sectors):
        return ("Violence against civilians", "Attack")
    return ACLED_BY_TYPE.get(kind)


# ACLED's spelling where it differs from ISO 3166's short (common) name.
ACLED_COUNTRY_NAMES = {
    "RUS": "Russia", "PSE": "Palestine", "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo", "CIV": "Ivory Coast", "PRK": "North Korea", "KOR": "South Korea",
    "LAO": "Laos", "MDA": "Moldova", "VNM": "Vietnam", "TUR": "Turkey", "CZE": "Czech Republic",
    "SWZ": "eSwatini", "CPV": "Cape Verde", "FSM": "Micronesia", "BRN": "Brunei", "XKX": "Kosovo",
    "VAT": "Vatican City",
}  # fmt: skip


def acled_country_name(code: str | None) -> str | None:
    """Return ACLED's name for an ISO alpha-3 country code (the code itself if pycountry has none)."""
    import pycountry

    if not code:
        return None
    if code in ACLED_COUNTRY_NAMES:
        return ACLED_COUNTRY_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


# --- the codebook's derived columns -------------------------------------------------------

# ACLED's disorder_type: what kind of disorder each event type and sub-event type is.
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT = {
    "Mob violence": "Political violence",
    "Excessive force against protesters": "Political violence; Demonstrations",
}

# ACLED's actor types (inter1, inter2). Rioters (5) and protesters (6) are the actors of a
# riot or a protest whatever their sector; otherwise the first sector ACLED has a type for.
STATE_FORCES_INTER, REBELS_INTER, POLITICAL_MILITIAS_INTER = 1, 2, 3
RIOTERS_INTER, PROTESTERS_INTER, CIVILIANS_INTER, EXTERNAL_INTER = 5, 6, 7, 8
INTER_BY_SECTOR = {
    # A state's government, forces, intelligence, courts and legislature are "State forces".
    **dict.fromkeys(("MIL", "COP", "SPY", "GOV", "PRE", "LEG", "JUD"), STATE_FORCES_INTER),
    "REB": REBELS_INTER,
    # ACLED codes pro-government and unidentified armed groups as political militias.
    **dict.fromkeys(("PRM", "UAF"), POLITICAL_MILITIAS_INTER),
    **dict.fromkeys(
        ("CVL", "REF", "JRN", "EDU", "MED", "HRI", "REL", "LAB", "BUS", "AGR", "SOC", "ELI", "PTY", "OPP"),
        CIVILIANS_INTER,
    ),
}


def inter_code(
    sectors: Sequence[str], country: str | None, kind: tuple[str, str], is_actor: bool
) -> int | None:
    """Return ACLED's actor type (1 state forces .. 8 external/other forces) for one participant.

    ``kind`` is the event's ACLED (event_type, sub_event_type). The actors of a riot are
    rioters and those of a protest protesters, as are the recipients of excessive force
    against protesters. None when dyad cannot tell: no sector ACLED has a type for (identity
    militias, 4, are never derived: dyad does not code what an armed group stands for).
    """
    event_type, sub_event_type = kind
    if is_actor and event_type == "Riots":
        return RIOTERS_INTER
    if sub_event_type == "Excessive force against protesters":
        if not is_actor:
            return PROTESTERS_INTER
    elif is_actor and event_type == "Protests":
        return PROTESTERS_INTER
    if country and _is_organisation(country):
        return EXTERNAL_INTER
    return next((INTER_BY_SECTOR[s] for s in sectors if s in INTER_BY_SECTOR), None)


def _is_organisation(code: str) -> bool:
    # Codes that are no country (IGO, NATO, UN, ...) are ACLED's "External/Other forces".
    import pycountry

    return code in ("IGO", "NGO", "IMG", "MNC", "UNO", "NATO") or (
        len(code) == 3 and pycountry.countries.get(alpha_3=code) is None and code != "XKX"
    )


def interaction(inter1: int | None, inter2: int | None) -> str | None:
    """Return ACLED's interaction code: both actor types, lower first ("13"); "10" for a sole actor."""
    if inter1 is None:
        return None
    if inter2 is None:
        return f"{inter1}0"
    return "".join(str(code) for code in sorted((inter1, inter2)))


def time_precision(granularity: str | None, first: date | None, last: date | None) -> int | None:
    """Return ACLED's time_precision: 1 the day, 2 within a week or a range of days, 3 the month or less.

    Dates coarser than a month (a season, a year) are 3, ACLED's coarsest.
    """
    if first is None:
        return None
    if granularity == "day" and (last is None or last == first):
        return 1
    if granularity in ("day", "week") and (last is None or (last - first).days <= 7):
        return 2
    return 3


def ascii_name(name: str | None) -> str | None:
    """Return a place name as ACLED spells it, in ASCII: "Khūzestān" → "Khuzestan"."""
    if not name:
        return name
    decomposed = unicodedata.normalize("NFKD", name.translate(_PUNCTUATION))
    return "".join(ch for ch in decomposed if ch.isascii()).strip() or None


# GeoNames transliterations use modifier letters for ayn and hamza, and typographic quotes.
_PUNCTUATION = str.maketrans({"ʿ": "'", "ʾ": "'", "‘": "'", "’": "'", "ḩ": "h", "Ḩ": "H", "–": "-"})


@cache
def acled_regions() -> dict[str, str]:
    """Return ACLED's region of each ISO alpha-3 country (``data/acled_regions.tsv``)."""
    text = resources.files("dyad").joinpath("data/acled_regions.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {iso3: region for iso3, region in rows[1:]}


def iso_numeric(code: str | None) -> int | None:
    """Return the ISO 3166 numeric code of an alpha-3 country (ACLED's ``iso``), or None."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code) if code else None
    return int(country.numeric) if country is not None else None
