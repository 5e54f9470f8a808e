"""The event store: coded articles and events in DuckDB (default) or PostgreSQL.

Input: articles with their events (``runner.ingest`` runs the coder into it). Output:
``EventQuery`` answers as polars DataFrames, statistics, and exports (JSON lines, CSV,
Parquet, CAMEO, ACLED, GDELT, GeoJSON). Never imports spaCy: stored events are plain data.
``events_frame(pipeline.extract(article))`` gives fresh events the same columns as a query.

A notebook needs three lines::

    import dyad
    store = dyad.open_store("dyad.duckdb")
    store.query(type="ASSAULT", actor_country="IRQ", since="2023-10-01").to_pandas()
"""

from __future__ import annotations

from pathlib import Path

from dyad.store.frames import events_frame
from dyad.store.query import EventQuery
from dyad.store.store import DEFAULT_DB, EventStore


def open_store(db: str | Path | None = None, *, read_only: bool = True) -> EventStore:
    """Open an existing dyad store: a DuckDB file path, or a ``postgresql://`` DSN.

    ``db`` defaults to ``$DYAD_DB``, then ``dyad.duckdb`` in the working directory. A
    DuckDB store opened ``read_only`` (the default) can be read by many processes at once;
    pass ``read_only=False`` to write.

    Raises:
        StoreError: there is no store there, or what is there is not a dyad store.
        StoreLockedError: another process is writing the DuckDB file.
    """
    return EventStore.open(db, read_only=read_only)


__all__ = ["DEFAULT_DB", "EventQuery", "EventStore", "events_frame", "open_store"]
