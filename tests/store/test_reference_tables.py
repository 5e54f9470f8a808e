"""The reference tables in ``dyad/data``: well-known values, as their publishers print them.

Goldstein scores are GDELT 2.0's (``CAMEO.goldsteinscale.txt``, CAMEO 1.1b3 numbering), FIPS
10-4 codes the US government's (the CIA World Factbook's appendix, GeoNames' ``fips``), ACLED
regions the region names of ACLED's data.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from dyad.acled import acled_regions
from dyad.plover import cameo_table
from dyad.store.frames import to_polars_schema
from dyad.store.gdelt_export import fips_codes, gdelt_frame, goldstein
from dyad.store.schema import EVENTS

ACLED_REGION_NAMES = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "South Asia", "Southeast Asia", "East Asia", "Middle East", "Europe", "Caucasus and Central Asia",
    "Central America", "South America", "Caribbean", "North America", "Oceania", "Antarctica",
}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "score"),
    [
        ("190", -10.0),  # use conventional military force
        ("19", -10.0),
        ("183", -10.0),  # suicide, car or other non-military bombing
        ("173", -5.0),  # arrest, detain
        ("0874", 10.0),  # retreat or surrender militarily
        ("057", 8.0),  # sign formal agreement
        ("042", 1.9),  # make a visit
        ("016", -2.0),  # deny responsibility (1.1b3; CAMEO.SCALE.txt's 016 was another code)
        ("022", 3.2),  # appeal for diplomatic cooperation
        ("124", -4.0),  # refuse to yield
        ("163", -8.0),  # impose embargo, boycott or sanctions
        ("164", -7.0),  # halt negotiations
        ("165", -6.5),  # halt mediation
        ("166", -7.0),  # expel or withdraw
        ("1661", -7.0),  # expel or withdraw peacekeepers
        ("019", 3.4),  # express accord
        ("1214", -4.0),  # not in GDELT's list: its parent's (121)
    ],
)
def test_goldstein_scores_are_gdelts(code: str, score: float) -> None:
    assert goldstein(code) == score


def test_every_crosswalk_code_has_a_goldstein_score() -> None:
    assert [code for code in cameo_table() if goldstein(code) is None] == []


@pytest.mark.parametrize(
    ("iso3", "fips"),
    [
        ("IRQ", "IZ"), ("IRN", "IR"), ("DEU", "GM"), ("GBR", "UK"), ("RUS", "RS"), ("UKR", "UP"),
        ("ISR", "IS"), ("PSE", "WE"), ("SYR", "SY"), ("USA", "US"), ("CHN", "CH"), ("ARE", "AE"),
        ("AUS", "AS"), ("AUT", "AU"), ("ESP", "SP"), ("ZAF", "SF"), ("XKX", "KV"),
    ],
)  # fmt: skip
def test_fips_codes_are_fips_10_4(iso3: str, fips: str) -> None:
    assert fips_codes()[iso3] == fips


@pytest.mark.parametrize(
    ("iso3", "region"),
    [
        ("IRQ", "Middle East"), ("IRN", "Middle East"), ("TUR", "Middle East"), ("YEM", "Middle East"),
        ("EGY", "Northern Africa"), ("SDN", "Northern Africa"), ("SSD", "Eastern Africa"),
        ("NGA", "Western Africa"), ("COD", "Middle Africa"), ("ZAF", "Southern Africa"),
        ("AFG", "South Asia"), ("MMR", "Southeast Asia"), ("GEO", "Caucasus and Central Asia"),
        ("KAZ", "Caucasus and Central Asia"), ("UKR", "Europe"), ("RUS", "Europe"),
        ("MEX", "Central America"), ("COL", "South America"), ("HTI", "Caribbean"), ("USA", "North America"),
    ],
)  # fmt: skip
def test_acled_regions_are_acleds(iso3: str, region: str) -> None:
    assert acled_regions()[iso3] == region


def test_acled_regions_use_acleds_region_names_only() -> None:
    assert set(acled_regions().values()) <= ACLED_REGION_NAMES


def test_gdelt_export_writes_cameo_actor_countries_and_fips_place_countries() -> None:
    # GDELT's Actor*CountryCode is CAMEO's (ISO alpha-3: IRQ); its *Geo_CountryCode is FIPS (IZ).
    row = {name: None for name in EVENTS.column_names} | {
        "event_id": "0123456789abcdef", "article_id": "a1", "type": "ASSAULT", "cameo": "190",
        "quad": "material conflict", "status": "asserted", "historical": False,
        "actor_country": "IRQ", "actor_sectors": ["REB"], "actor_name": "Kataib Hezbollah",
        "recipient_country": "USA", "recipient_sectors": ["MIL"], "recipient_text": "US troops",
        "event_date": date(2023, 10, 17), "location_name": "Baghdad", "location_country": "IRQ",
        "latitude": 33.34, "longitude": 44.4, "geonameid": 98182, "geo_precision": "town",
        "sentence_start": 0, "dyad_version": "test", "record": "{}",
    }  # fmt: skip
    events = pl.DataFrame([row], schema=to_polars_schema(EVENTS))
    articles = pl.DataFrame({"article_id": ["a1"], "url": ["https://example.org/a1"], "ingested_at": [None]})

    gdelt = gdelt_frame(events, articles).row(0, named=True)

    actors = (gdelt["Actor1Code"], gdelt["Actor1CountryCode"], gdelt["Actor2CountryCode"])
    assert actors == ("IRQREB", "IRQ", "USA")
    assert (gdelt["ActionGeo_CountryCode"], gdelt["ActionGeo_ADM1Code"][:2]) == ("IZ", "IZ")
    assert gdelt["GoldsteinScale"] == -10.0
