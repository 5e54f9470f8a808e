"""Stored events in the formats analysts already load: JSONL, CSV, Parquet, CAMEO, ACLED, GDELT, GeoJSON.

CAMEO is a Phoenix/ICEWS-style tab-separated file; ACLED the CSV of ACLED's codebook
(``acled_export``); GDELT the GDELT 2.0 event table (``gdelt_export``); GeoJSON a
FeatureCollection for maps (``geojson_export``).

Every export reads through ``EventStore`` with an ``EventQuery``, so a filter selects the
same events in every format. ``write_events`` writes the formats built from event rows, so
``dyad extract`` writes them too, without a store.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import polars as pl

from dyad.errors import StoreError
from dyad.formats import EVENT_ROW_FORMATS, ExportFormat
from dyad.plover import QUAD_CODES, cameo_table
from dyad.store.acled_export import ACLED_COLUMNS, acled_frame
from dyad.store.gdelt_export import GDELT_COLUMNS, gdelt_frame
from dyad.store.geojson_export import geojson_bytes, geojson_collection
from dyad.store.query import EventQuery
from dyad.store.schema import EVENT_COLUMNS
from dyad.store.store import EventStore

__all__ = [
    "ACLED_COLUMNS", "CAMEO_COLUMNS", "GDELT_COLUMNS", "ExportFormat", "acled_frame", "cameo_frame",
    "export", "flat_frame", "gdelt_frame", "geojson_collection", "stored_events", "valid_cameo_codes",
    "write_events",
]  # fmt: skip


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


def cameo_frame(events: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Return events (store ``events`` rows) as Phoenix/ICEWS rows: dated events with a valid CAMEO code.

    Actor codes follow CAMEO: country (root) then agent, e.g. ``IRQGOV``; PLOVER sectors
    share CAMEO's agent codes (GOV, MIL, REB, COP, ...), the first sector is the agent.
    Rows whose code is not in the crosswalk, or with no event date, are left out: Phoenix
    readers expect both.
    """
    events = events.join(articles.select("article_id", "url"), on="article_id", how="left")
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


# --- writing -------------------------------------------------------------------------------


def stored_events(store: EventStore, query: EventQuery) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return the events ``query`` selects, with their contract ``record``, and the stored articles.

    Raises:
        StoreError: the store changed between the two reads (an ingest ran meanwhile).
    """
    events = store.query(query)
    records = pl.Series("record", store.record_lines(query), dtype=pl.String)
    # Both reads share the WHERE and ORDER BY, so they line up row for row unless an ingest
    # wrote in between; the ids say which.
    if records.len() != events.height or not events["event_id"].equals(
        records.str.json_path_match("$.event_id").alias("event_id")
    ):
        raise StoreError("the store changed while the events were read (an ingest is running?); export again")
    articles = store.articles().select("article_id", "source", "url", "ingested_at")
    # How many mentions, articles and sources report each event (GDELT's NumMentions, ...).
    counts = store.cluster_counts(events["cluster_id"].drop_nulls().unique().to_list())
    return events.with_columns(records).join(counts, on="cluster_id", how="left"), articles


def write_events(
    events: pl.DataFrame,
    articles: pl.DataFrame,
    fmt: ExportFormat | str,
    out: Path | IO[bytes],
    *,
    header: bool = False,
) -> int:
    """Write event rows (``events`` columns with ``record``) as Parquet, CAMEO, ACLED, GDELT or GeoJSON.

    ``articles`` has ``article_id``, ``source``, ``url`` and ``ingested_at``. ``header``
    writes GDELT's column names as a first line (GDELT's own files have none). Returns the
    number of rows (GeoJSON: features) written.

    Raises:
        StoreError: a format not built from event rows, or Parquet on a stream that cannot seek.
    """
    fmt = ExportFormat(fmt)
    if fmt not in EVENT_ROW_FORMATS:
        raise StoreError(
            f"{fmt.value} is not written from event rows; use one of {', '.join(EVENT_ROW_FORMATS)}"
        )
    if fmt == ExportFormat.GEOJSON:
        collection = geojson_collection(events, articles)
        _write_bytes(out, geojson_bytes(collection))
        return len(collection["features"])
    frame: pl.DataFrame = {
        ExportFormat.PARQUET: lambda: events.select(EVENT_COLUMNS),
        ExportFormat.CAMEO: lambda: cameo_frame(events, articles),
        ExportFormat.ACLED: lambda: acled_frame(events, articles),
        ExportFormat.GDELT: lambda: gdelt_frame(events, articles),
    }[fmt]()
    _write_table(frame, fmt, out, header=header)
    return frame.height


def export(
    store: EventStore,
    fmt: ExportFormat | str,
    out: Path | IO[bytes],
    query: EventQuery,
    *,
    header: bool = False,
) -> int:
    """Write the events ``query`` selects to ``out`` (a path, or a binary stream) as ``fmt``.

    ``header`` writes GDELT's column names as a first line (only GDELT has no header
    otherwise). Returns the number of rows written.

    Raises:
        StoreError: Parquet was asked for on a stream that cannot seek (write it to a file).
    """
    fmt = ExportFormat(fmt)
    if fmt == ExportFormat.JSONL:
        lines = store.record_lines(query)
        _write_bytes(out, "".join(line + "\n" for line in lines).encode("utf-8"))
        return len(lines)
    if fmt in (ExportFormat.CSV, ExportFormat.PARQUET):
        # The store's rows as they are: no need to read the records.
        frame = store.query(query)
        _write_table(flat_frame(frame) if fmt == ExportFormat.CSV else frame, fmt, out)
        return frame.height
    events, articles = stored_events(store, query)
    return write_events(events, articles, fmt, out, header=header)


def _write_table(
    frame: pl.DataFrame, fmt: ExportFormat, out: Path | IO[bytes], *, header: bool = False
) -> None:
    if fmt == ExportFormat.PARQUET and not isinstance(out, Path) and not out.seekable():
        raise StoreError("Parquet cannot be written to a pipe; give a file with -o FILE.parquet")
    write: Callable[[Any], None] = {
        ExportFormat.CSV: lambda o: frame.write_csv(o),
        ExportFormat.PARQUET: lambda o: frame.write_parquet(o),
        ExportFormat.CAMEO: lambda o: frame.write_csv(o, separator="\t"),
        ExportFormat.ACLED: lambda o: frame.write_csv(o),
        ExportFormat.GDELT: lambda o: frame.write_csv(o, separator="\t", include_header=header),
    }[fmt]
    if isinstance(out, Path):
        write(out)
        return
    buffer = io.BytesIO()
    write(buffer)
    out.write(buffer.getvalue())


def _write_bytes(out: Path | IO[bytes], data: bytes) -> None:
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)
