"""ACLED's taxonomy seen from PLOVER: event types, country spellings and geo precision.

The ACLED export writes these and ``dyad eval`` scores ACLED's own notes through the same
mapping, so what the scorecard measures is what an analyst's ACLED file receives.
"""

from __future__ import annotations

from collections.abc import Sequence

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
CIVILIAN_SECTORS = frozenset({"CVL", "REF", "JRN", "EDU", "MED", "HRI", "REL"})
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
    "SWZ": "eSwatini", "CPV": "Cape Verde", "FSM": "Micronesia", "BRN": "Brunei",
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
