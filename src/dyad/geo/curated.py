"""dyad's curated place files in ``geo/data/``, read and checked row by row.

* ``supplement.tsv``: bases, camps, crossings, towns, districts and regions that no
  package has, or names differently from the news;
* ``countries.tsv``: country centre points (as GeoNames places them) and news aliases;
* ``admin1_aliases.tsv``: short forms of first-level subdivisions ("Va.", "N.J.", "Calif.");
* ``demonyms.tsv``: national demonyms ("Dutch", "Ukrainian"), generated from the actor
  knowledge base by ``scripts/build_countries.py``.

Every malformed row is a ``ConfigError`` naming the file, the line and the fix.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pycountry

from dyad.errors import ConfigError

KINDS = ("country", "admin1", "admin2", "city", "point", "region")
PRECISIONS = ("point", "town", "admin1", "country")
COUNTRY_COLUMNS = ("country", "aliases", "lat", "lon")
SUPPLEMENT_COLUMNS = ("name", "aliases", "country", "admin1", "lat", "lon", "kind", "precision")
ADMIN1_ALIAS_COLUMNS = ("country", "admin1", "aliases")
DEMONYM_COLUMNS = ("country", "name", "demonyms")


@dataclass(frozen=True, slots=True)
class CuratedPlace:
    """One row of ``supplement.tsv``."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str
    precision: str


def read_tsv(path: Path | object, columns: tuple[str, ...]) -> list[dict[str, str]]:
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
    if not lines or tuple(lines[0][1].split("\t")) != columns:
        raise ConfigError(
            f"gazetteer data file {path} must start with the tab-separated header "
            f"{' '.join(columns)!r}; found {lines[0][1] if lines else 'nothing'!r}."
        )
    rows: list[dict[str, str]] = []
    for number, line in lines[1:]:
        fields = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(fields) != len(columns):
            raise ConfigError(
                f"{path}:{number}: expected {len(columns)} tab-separated fields "
                f"({', '.join(columns)}), found {len(fields)}: {line!r}. Fix the row."
            )
        rows.append(dict(zip(columns, (f.strip() for f in fields), strict=True)))
    return rows


def read_demonyms(path: Path | object) -> dict[str, tuple[str, str]]:
    """Read ``demonyms.tsv``: each demonym → (alpha-3 code, country name).

    Raises:
        ConfigError: a row is malformed.
    """
    return {
        demonym: (row["country"], row["name"])
        for row in read_tsv(path, DEMONYM_COLUMNS)
        for demonym in _aliases(row["demonyms"])
    }


def _float(value: str, path: object, what: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as e:
        raise ConfigError(
            f"{path}: {what} {value!r} is not a number; write decimal degrees like 33.79."
        ) from e


def _aliases(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def _check_country(path: object, name: str, country: str) -> None:
    if pycountry.countries.get(alpha_3=country) is None:
        raise ConfigError(
            f"{path}: place {name!r} has country {country!r}, not an ISO 3166-1 alpha-3 code "
            "(e.g. IRQ, SYR, PSE); leave it empty for seas and regions that span countries."
        )


def read_supplement(path: Path | object) -> list[CuratedPlace]:
    """Read ``supplement.tsv`` rows as places.

    Raises:
        ConfigError: a row is malformed, or its kind, precision or country is unknown.
    """
    places: list[CuratedPlace] = []
    for row in read_tsv(path, SUPPLEMENT_COLUMNS):
        if row["kind"] not in KINDS or row["precision"] not in PRECISIONS:
            raise ConfigError(
                f"{path}: place {row['name']!r} has kind {row['kind']!r} / precision {row['precision']!r}; "
                f"kind must be one of {', '.join(KINDS)} and precision one of {', '.join(PRECISIONS)}."
            )
        country = row["country"] or None
        if country is not None:
            _check_country(path, row["name"], country)
        places.append(
            CuratedPlace(
                row["name"],
                _aliases(row["aliases"]),
                country,
                row["admin1"] or None,
                _float(row["lat"], path, "lat"),
                _float(row["lon"], path, "lon"),
                row["kind"],
                row["precision"],
            )
        )
    return places


def read_countries(path: Path | object) -> dict[str, tuple[float | None, float | None, tuple[str, ...]]]:
    """Read ``countries.tsv``: alpha-3 → (lat, lon, aliases).

    Raises:
        ConfigError: a row is malformed.
    """
    return {
        row["country"]: (
            _float(row["lat"], path, "lat"),
            _float(row["lon"], path, "lon"),
            _aliases(row["aliases"]),
        )
        for row in read_tsv(path, COUNTRY_COLUMNS)
    }


def read_admin1_aliases(path: Path | object) -> dict[tuple[str, str], tuple[str, ...]]:
    """Read ``admin1_aliases.tsv``: (alpha-3, admin1 name) → short forms.

    Raises:
        ConfigError: a row is malformed or names an unknown country.
    """
    aliases: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in read_tsv(path, ADMIN1_ALIAS_COLUMNS):
        _check_country(path, row["admin1"], row["country"])
        aliases[(row["country"], row["admin1"])] = _aliases(row["aliases"])
    return aliases
