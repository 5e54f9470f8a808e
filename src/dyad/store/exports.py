"""Stored events in the formats analysts already load: JSON lines, CSV, Parquet, CAMEO, ACLED.

CAMEO is a Phoenix/ICEWS-style tab-separated file; ACLED an ACLED-style CSV.

Every export reads through ``EventStore`` with an ``EventQuery``, so a filter selects the
same events in every format.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import polars as pl

from dyad.acled import GEO_PRECISION, acled_country_name, acled_type
from dyad.errors import StoreError
from dyad.plover import QUAD_CODES, cameo_table
from dyad.store.query import EventQuery
from dyad.store.store import EventStore


class ExportFormat(StrEnum):
    """Formats ``dyad export`` writes."""

    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"
    CAMEO = "cameo"
    ACLED = "acled"


def flat_frame(events: pl.DataFrame) -> pl.DataFrame:
    """Return events with list columns joined by ``"; "``, for CSV and tables."""
    return events.with_columns(
        pl.col(name).list.join("; ") for name, dtype in events.schema.items() if isinstance(dtype, pl.List)
    )


# --- CAMEO ---------------------------------------------------------------------------------

CAMEO_COLUMNS = (
    "event_id", "date", "year", "month", "day", "source", "source_root", "source_agent",
    "target", "target_root", "target_agent", "code", "root_code", "quad_class", "plover_type",
    "plover_mode", "plover_score", "status", "article_id", "url", "sentence",
)  # fmt: skip


def valid_cameo_codes() -> frozenset[str]:
    """Return the CAMEO codes of the CAMEO → PLOVER crosswalk, plus the 20 root codes."""
    return frozenset(cameo_table()) | {f"{i:02d}" for i in range(1, 21)}


def cameo_frame(store: EventStore, query: EventQuery) -> pl.DataFrame:
    """Return events as Phoenix/ICEWS-style rows, one per event with a dated, valid CAMEO code.

    Actor codes follow CAMEO: country (root) then agent, e.g. ``IRQGOV``; PLOVER sectors
    share CAMEO's agent codes (GOV, MIL, REB, COP, ...), the first sector is the agent.
    Rows whose code is not in the crosswalk, or with no event date, are left out: Phoenix
    readers expect both.
    """
    events = store.query(query).join(_urls(store), on="article_id", how="left")
    events = events.filter(
        pl.col("cameo").is_in(sorted(valid_cameo_codes())) & pl.col("event_date").is_not_null()
    )

    def agent(role: str) -> pl.Expr:
        return pl.col(f"{role}_sectors").list.first()

    def code(role: str) -> pl.Expr:
        # Unknown actors stay empty, as in Phoenix, not an invented code.
        joined = pl.concat_str(pl.col(f"{role}_country").fill_null(""), agent(role).fill_null(""))
        return pl.when(joined == "").then(None).otherwise(joined)

    return events.select(
        pl.col("event_id"),
        pl.col("event_date").dt.strftime("%Y%m%d").alias("date"),
        pl.col("event_date").dt.year().alias("year"),
        pl.col("event_date").dt.month().alias("month"),
        pl.col("event_date").dt.day().alias("day"),
        code("actor").alias("source"),
        pl.col("actor_country").alias("source_root"),
        agent("actor").alias("source_agent"),
        code("recipient").alias("target"),
        pl.col("recipient_country").alias("target_root"),
        agent("recipient").alias("target_agent"),
        pl.col("cameo").alias("code"),
        pl.col("cameo").str.slice(0, 2).alias("root_code"),
        pl.col("quad").replace_strict(QUAD_CODES, return_dtype=pl.Int64).alias("quad_class"),
        pl.col("type").alias("plover_type"),
        pl.when(pl.col("mode").list.len() > 0).then(pl.col("mode").list.join(";")).alias("plover_mode"),
        pl.col("score").alias("plover_score"),
        pl.col("status"),
        pl.col("article_id"),
        pl.col("url"),
        pl.col("sentence").str.replace_all(r"\s+", " ").str.strip_chars(),
    )


# --- ACLED ---------------------------------------------------------------------------------

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
    "notes", "source",
)  # fmt: skip


def _one_line(text: str | None) -> str | None:
    # Wire text keeps its line breaks; a note or TSV field is one line.
    return " ".join(text.split()) if text else text


def acled_frame(store: EventStore, query: EventQuery) -> pl.DataFrame:
    """Return events ACLED codes as ACLED-style rows (see ``dyad.acled``).

    ``fatalities`` is the reported death toll, 0 when none was reported (ACLED's
    convention); ``notes`` is the evidence sentence; ``source`` the article's source.
    """
    events = store.query(query).join(_sources(store), on="article_id", how="left")
    rows: list[dict[str, Any]] = []
    for event in events.iter_rows(named=True):
        kinds = acled_type(
            event["type"],
            event["mode"] or [],
            event["recipient_sectors"] or [],
            event["context"] or [],
            event["actor_sectors"] or [],
        )
        if kinds is None:
            continue
        day = event["event_date"]
        rows.append(
            {
                "event_id_cnty": event["event_id"],
                "event_date": day.isoformat() if day else None,
                "year": day.year if day else None,
                "event_type": kinds[0],
                "sub_event_type": kinds[1],
                "actor1": event["actor_name"] or event["actor_text"],
                "actor2": event["recipient_name"] or event["recipient_text"],
                "country": acled_country_name(event["location_country"]),
                "admin1": event["location_admin1"],
                "location": event["location_name"],
                "latitude": event["latitude"],
                "longitude": event["longitude"],
                "geo_precision": GEO_PRECISION.get(event["geo_precision"] or ""),
                "fatalities": event["killed"] or 0,
                "notes": _one_line(event["sentence"]),
                "source": event["source"],
            }
        )
    schema = {name: pl.String for name in ACLED_COLUMNS} | {
        "year": pl.Int64, "latitude": pl.Float64, "longitude": pl.Float64,
        "geo_precision": pl.Int64, "fatalities": pl.Int64,
    }  # fmt: skip
    return pl.DataFrame(rows, schema=schema, orient="row")


def _urls(store: EventStore) -> pl.DataFrame:
    return store.articles().select("article_id", "url")


def _sources(store: EventStore) -> pl.DataFrame:
    return store.articles().select("article_id", "source")


# --- writing -------------------------------------------------------------------------------


def export(store: EventStore, fmt: ExportFormat | str, out: Path | IO[bytes], query: EventQuery) -> int:
    """Write the events ``query`` selects to ``out`` (a path, or a binary stream) as ``fmt``.

    Returns the number of rows written.

    Raises:
        StoreError: Parquet was asked for on a stream that cannot seek (write it to a file).
    """
    fmt = ExportFormat(fmt)
    if fmt == ExportFormat.JSONL:
        lines = store.record_lines(query)
        _write_bytes(out, "".join(line + "\n" for line in lines).encode("utf-8"))
        return len(lines)
    writers: dict[ExportFormat, Callable[[], tuple[pl.DataFrame, Callable[[pl.DataFrame, Any], None]]]] = {
        ExportFormat.CSV: lambda: (flat_frame(store.query(query)), lambda f, o: f.write_csv(o)),
        ExportFormat.PARQUET: lambda: (store.query(query), lambda f, o: f.write_parquet(o)),
        ExportFormat.CAMEO: lambda: (cameo_frame(store, query), lambda f, o: f.write_csv(o, separator="\t")),
        ExportFormat.ACLED: lambda: (acled_frame(store, query), lambda f, o: f.write_csv(o)),
    }
    frame, write = writers[fmt]()
    if isinstance(out, Path):
        write(frame, out)
    else:
        if fmt == ExportFormat.PARQUET and not out.seekable():
            raise StoreError("Parquet cannot be written to a pipe; give a file with -o FILE.parquet")
        buffer = io.BytesIO()
        write(frame, buffer)
        out.write(buffer.getvalue())
    return frame.height


def _write_bytes(out: Path | IO[bytes], data: bytes) -> None:
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)
