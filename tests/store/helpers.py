"""Helpers shared by the store tests."""

from __future__ import annotations

from dyad.store import EventStore
from dyad.store.schema import TABLES


def snapshot(store: EventStore) -> dict[str, list[tuple]]:
    """Every row of every table, without the times rows were written, in a fixed order."""
    text = store.dialect.types["text"]
    rows = {}
    for table in TABLES:
        columns = [
            f"CAST({c.name} AS {text})" if c.kind == "json" else c.name
            for c in table.columns
            if c.name not in ("ingested_at", "recorded_at")
        ]
        found = store.backend.execute(f"SELECT {', '.join(columns)} FROM {table.name}")
        rows[table.name] = sorted(found, key=repr)
    return rows
