"""Rows for the store: events and articles as polars frames typed by the schema.

``event_rows`` flattens one contract record (``records.event_to_record``) into the
``events`` columns; the whole record rides along as JSON text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl

from dyad.model import Event
from dyad.plover import QUAD_CODES
from dyad.store.schema import EVENT_COLUMNS, EVENTS, Kind, Table

POLARS_TYPES: dict[Kind, Any] = {
    "text": pl.String, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean, "date": pl.Date,
    "timestamp": pl.Datetime("us"), "text[]": pl.List(pl.String), "json": pl.String,
}  # fmt: skip

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def to_polars_schema(table: Table) -> dict[str, Any]:
    """Return ``{column: polars type}`` for a table."""
    return {c.name: POLARS_TYPES[c.kind] for c in table.columns}


def frame_of(table: Table, rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Return rows (dicts keyed by column) as a frame typed by ``table``."""
    schema = to_polars_schema(table)
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def first_day(value: str | None) -> date | None:
    """Return the first day of a TIMEX-like date value (``2023-10-17``, ``2020-01``, ``1987``, ``2023-W42``).

    Values with no calendar day (``PRESENT_REF``, ``2023-SU``) give None: the column stays
    empty rather than guessing.
    """
    if not value:
        return None
    week = _WEEK.match(value)
    try:
        if week:
            return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        match = _DATE.match(value)
        if not match:
            return None
        year, month, day = match.groups()
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def _names(actors: list[dict[str, Any]]) -> str | None:
    # One searchable text per role: every actor's words and resolved name.
    parts = [p for a in actors for p in (a["text"], a["name"]) if p]
    return " | ".join(dict.fromkeys(parts)) or None


def _role_columns(role: str, actors: list[dict[str, Any]]) -> dict[str, Any]:
    first = actors[0] if actors else {}
    return {
        f"{role}_text": first.get("text"),
        f"{role}_name": first.get("name"),
        f"{role}_country": first.get("country"),
        f"{role}_sector": "/".join(first.get("sector") or ()) or None,
        f"{role}_countries": list(dict.fromkeys(a["country"] for a in actors if a["country"])),
        f"{role}_sectors": list(dict.fromkeys(s for a in actors for s in a["sector"])),
        f"{role}_names": _names(actors),
    }


def event_row(record: dict[str, Any], dyad_version: str) -> dict[str, Any]:
    """Return the ``events`` row of one output-contract record."""
    event_date = record["date"] or {}
    locations = record["location"]
    first_location = locations[0] if locations else {}
    quantities = record["quantities"]
    speaker = record["speaker"] or {}
    evidence = record["evidence"]

    def figure(role: str) -> int | None:
        return (quantities.get(role) or {}).get("value")

    return {
        "event_id": record["event_id"],
        "article_id": record["article_id"],
        # Set when the row is stored: the cluster depends on what the store already holds.
        "cluster_id": record.get("cluster_id"),
        "type": record["type"],
        "mode": list(record["mode"]),
        "context": list(record["context"]),
        "cameo": record["cameo"],
        "quad": record["quad"],
        "quad_class": QUAD_CODES.get(record["quad"]),
        "score": record["score"],
        "status": record["status"],
        "historical": record["historical"],
        **_role_columns("actor", record["actor"]),
        **_role_columns("recipient", record["recipient"]),
        "event_date": first_day(event_date.get("value")),
        "event_date_until": first_day(event_date.get("until")),
        "date_value": event_date.get("value"),
        "date_until": event_date.get("until"),
        "date_granularity": event_date.get("granularity"),
        "date_basis": event_date.get("basis"),
        "date_text": event_date.get("text"),
        "location_text": first_location.get("text"),
        "location_name": first_location.get("name"),
        "location_country": first_location.get("country"),
        "location_admin1": first_location.get("admin1"),
        "latitude": first_location.get("lat"),
        "longitude": first_location.get("lon"),
        "geonameid": first_location.get("geonameid"),
        "geo_precision": first_location.get("precision"),
        "location_countries": list(dict.fromkeys(loc["country"] for loc in locations if loc["country"])),
        "location_admin1s": list(dict.fromkeys(loc["admin1"] for loc in locations if loc["admin1"])),
        "killed": figure("killed"),
        "injured": figure("injured"),
        "arrested": figure("arrested"),
        "size": figure("size"),
        "incidents": figure("count"),
        "speaker_text": speaker.get("text"),
        "speaker_name": speaker.get("name"),
        "speaker_country": speaker.get("country"),
        "sentence": evidence["sentence"],
        "sentence_start": evidence["start"],
        "sentence_end": evidence["end"],
        "trigger_text": evidence["trigger"],
        "trigger_start": evidence["trigger_start"],
        "trigger_end": evidence["trigger_end"],
        "confidence": record["confidence"],
        "rule": record["rule"],
        "coded_by": list(record.get("coded_by") or ()),
        "dyad_version": dyad_version,
        "record": json.dumps(record, ensure_ascii=False),
    }


def event_frame(records: Iterable[dict[str, Any]], dyad_version: str) -> pl.DataFrame:
    """Return the ``events`` rows of many contract records as one typed frame."""
    return frame_of(EVENTS, [event_row(record, dyad_version) for record in records])


def events_frame(events: Iterable[Event | dict[str, Any]]) -> pl.DataFrame:
    """Return events as the flat rows ``EventStore.query`` returns: one row per event, typed columns.

    ``events`` are what ``pipeline.extract(article)`` returns, or output-contract records
    (``dyad extract``'s JSON lines). The columns are the store's, so code written for a
    store's query runs on freshly extracted events; ``.to_pandas()`` gives a pandas frame.
    """
    from dyad.records import event_to_record
    from dyad.store.store import dyad_version  # store.py imports this module

    records = (event_to_record(e) if isinstance(e, Event) else e for e in events)
    return event_frame(records, dyad_version()).select(EVENT_COLUMNS)
