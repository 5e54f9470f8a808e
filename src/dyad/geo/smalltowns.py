"""Towns below the gazetteer's population floor, consulted only on strong place evidence.

The main tier stops at 5,000 people: lower, every surname and common word finds a village
somewhere (precision on GeoWebNews fell from 0.80 to 0.74 at 1,000) and the cold load
doubled. Yet news does name small towns ("on Samos", "in Khayelitsha", "New Quay,
Wales"). So the towns of 1,000 to 5,000 people that the shipped index also holds are read
lazily, the first time they are asked for, with their own names only (no alternates), and
asked for only when a name that spaCy tags as a place is unknown to the main tier and the
text treats it as a place: a locative preposition before it, or a known country or
subdivision after a comma ("New Quay, Wales"). Administrative seats GeoNames gives no
population (district seats in Yemen, Iraq, Syria) are in this tier too, under all their names.
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.geo.geonames import lookup_keys, parse_index_row

if TYPE_CHECKING:
    from spacy.tokens import Span

    from dyad.geo.gazetteer import Gazetteer, Place

# Prepositions that make an unknown name a place ("on Samos", "outside Cloughjordan"); a
# date or person after "on" is no GPE/LOC entity, so "on" is safe here.
EVIDENCE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "near", "outside", "from", "into", "across", "around", "toward"}
)
_CONTAINER_KINDS = ("country", "admin1")


class SmallTowns:
    """Own-name key → towns below the floor, read from the shipped index on first use."""

    def __init__(self, index_path: Path, floor: int) -> None:
        self._path = index_path
        self._floor = floor
        self._rows: dict[str, list[str]] | None = None

    def _load(self) -> dict[str, list[str]]:
        # Rows stay raw lines until asked for: ~80k towns, most never named.
        rows: dict[str, list[str]] = {}
        with gzip.open(self._path, "rt", encoding="utf-8") as handle:
            handle.readline()
            for line in handle.read().split("\n"):
                if not line.startswith("city\t"):
                    continue
                fields = line.split("\t", 10)
                if int(fields[7]) >= self._floor or fields[8] == "1":
                    continue
                keys = fields[10].split("|")
                # A seat with no head count is listed because it is an administrative
                # seat; its alternates are the district's names ("Baqim" for "Baqim as
                # Suq"), which the news uses. Other small towns answer to their own name.
                for key in keys if fields[7] == "0" else keys[: int(fields[9])]:
                    rows.setdefault(key, []).append(line)
        return rows

    def candidates(self, name: str) -> list[tuple[Place, float]]:
        """Return ``(place, prior)`` for the small towns called ``name``, largest first."""
        from dyad.geo.gazetteer import Place

        if self._rows is None:
            self._rows = self._load()
        places = []
        rows = self._rows
        for line in next((rows[k] for k in lookup_keys(name) if k in rows), ()):
            row = parse_index_row(line)
            place = Place(
                row.name,
                row.country,
                row.admin1,
                row.lat,
                row.lon,
                row.geonameid,
                row.population,
                "city",
                "town",
            )
            places.append((place, math.log10(place.population + 1)))
        return sorted(places, key=lambda pair: pair[1], reverse=True)


def has_place_evidence(span: Span, gazetteer: Gazetteer) -> bool:
    """Say whether the text treats a name as a place: "in Samos", "New Quay, Wales"."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in EVIDENCE_PREPOSITIONS:
        return True
    after = doc[span.end : span.end + 2]
    return (
        len(after) == 2
        and after[0].text == ","
        and any(p.kind in _CONTAINER_KINDS for p in gazetteer.lookup(after[1].text))
    )
