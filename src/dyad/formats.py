"""The names of the file formats dyad writes: one list, with nothing but the standard library.

``dyad export``, ``dyad events``, ``dyad extract`` and ``GET /api/export`` all offer these, and
the exporters (``dyad.store.exports``) write them. The command line builds its ``--format``
choices from here when it starts, without loading the exporters; a new format is added here.
"""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    """Formats ``dyad export`` writes."""

    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"
    CAMEO = "cameo"
    ACLED = "acled"
    GDELT = "gdelt"
    GEOJSON = "geojson"


# Formats built from event rows alone, which ``dyad extract`` writes too (without a store).
EVENT_ROW_FORMATS = (
    ExportFormat.PARQUET, ExportFormat.CAMEO, ExportFormat.ACLED, ExportFormat.GDELT, ExportFormat.GEOJSON,
)  # fmt: skip

# The terminal table that ``dyad events`` and ``dyad extract`` print besides the export formats.
TABLE = "table"


def format_choices(name: str, *first: str) -> type[StrEnum]:
    """Return a ``StrEnum`` of the export formats and ``first`` (such as ``TABLE``), ``first`` leading.

    Its members are named as ``ExportFormat``'s (``CSV``, ``TABLE``) and equal their names as
    text, so a choice compares equal to the ``ExportFormat`` of the same name.
    """
    members = {value.upper(): value for value in first} | {f.name: f.value for f in ExportFormat}
    return StrEnum(name, members)  # type: ignore[return-value]
