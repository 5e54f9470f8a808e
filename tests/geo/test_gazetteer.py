from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import ConfigError
from dyad.geo.gazetteer import SUPPLEMENT_COLUMNS, build_gazetteer, load_gazetteer, name_key


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_gazetteer_name_key_joins_arabic_article_spellings():
    assert name_key("Jurf as-Sakhar") == name_key("Jurf al Sakhar") == "jurf al sakhar"
    assert name_key("U.S.") == "us"
    assert name_key("Nīnawá") == "ninawa"


def test_gazetteer_finds_curated_base_in_anbar(gazetteer):
    [place] = gazetteer.lookup("Ain al-Asad air base")
    assert (place.name, place.country, place.admin1, place.kind, place.precision) == (
        "Ain al-Asad",
        "IRQ",
        "Anbar",
        "point",
        "point",
    )
    assert gazetteer.lookup("Jurf as-Sakhar")[0].name == "Jurf al-Sakhar"


def test_gazetteer_gulf_is_a_sea_with_no_country(gazetteer):
    place = gazetteer.lookup("Persian Gulf")[0]
    assert place.country is None and place.kind == "region"


def test_gazetteer_prefers_the_large_paris(gazetteer):
    candidates = gazetteer.lookup("Paris")
    assert candidates[0].country == "FRA"
    assert any(c.country == "USA" and c.admin1 == "Texas" for c in candidates)


def test_gazetteer_country_aliases_and_admin1(gazetteer):
    assert gazetteer.lookup("U.S.")[0].country == "USA"
    assert gazetteer.lookup("Nineveh")[0].kind == "admin1"
    assert gazetteer.lookup("al-Anbar")[0].name == "Anbar"
    california = next(p for p in gazetteer.lookup("California") if p.kind == "admin1")
    assert california.country == "USA" and 34 < california.lat < 39


def test_gazetteer_malformed_supplement_raises_config_error(tmp_path: Path):
    bad = tmp_path / "supplement.tsv"
    bad.write_text("\t".join(SUPPLEMENT_COLUMNS) + "\nHarir\t\tIRQ\tErbil\t36.5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected 8 tab-separated fields"):
        build_gazetteer(supplement=bad)


def test_gazetteer_supplement_with_bad_country_code_raises_config_error(tmp_path: Path):
    bad = tmp_path / "supplement.tsv"
    bad.write_text(
        "\t".join(SUPPLEMENT_COLUMNS) + "\nHarir\t\tIQ\tErbil\t36.5\t44.3\tpoint\tpoint\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="alpha-3"):
        build_gazetteer(supplement=bad)


def test_gazetteer_missing_supplement_raises_config_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_gazetteer(supplement=tmp_path / "nowhere.tsv")
