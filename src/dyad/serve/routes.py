"""The read endpoints under ``/api``: events, one event, stats, actors, places, dyads, exports.

Each is a short wrapper over ``EventStore``: filters arrive as an ``EventQuery``
(``filters.event_filters``), answers leave as plain JSON rows of the same columns a Python
``store.query()`` gives, or as the files ``dyad export`` writes.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

import polars as pl
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from dyad.serve.app import access
from dyad.serve.errors import ApiError
from dyad.serve.filters import event_filters
from dyad.serve.limits import DEFAULT_PAGE, MAX_EXPORT, MAX_GROUPS, MAX_OFFSET, MAX_PAGE
from dyad.store import EventQuery
from dyad.store.exports import ExportFormat, export
from dyad.store.store import DEFAULT_MEASURES, MEASURES, STAT_DIMENSIONS

router = APIRouter(prefix="/api", tags=["events"])

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Events per page, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Events to skip (the next page's start).")]
GroupLimit = Annotated[int, Query(ge=1, le=MAX_GROUPS, description=f"At most this many rows ({MAX_GROUPS}).")]


def _plain(value: Any) -> Any:
    # JSON has no dates; floats that are not numbers (NaN) would break the encoder.
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, float) and value != value:
        return None
    return value


def rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Return a frame's rows as JSON-ready dicts (dates as ISO text, NaN as null)."""
    # Dates and NaN are made plain column by column in polars (a 10,000-row series: 59 → 15 ms);
    # only columns of other types that JSON lacks go through _plain value by value.
    frame = frame.with_columns(
        pl.col(pl.Date).dt.strftime("%Y-%m-%d"), pl.col(pl.Float32, pl.Float64).fill_nan(None)
    )
    odd = [name for name, dtype in frame.schema.items() if dtype.is_temporal()]
    found = frame.to_dicts()
    if odd:
        for row in found:
            for name in odd:
                row[name] = _plain(row[name])
    return found


def _json(content: dict[str, Any]) -> JSONResponse:
    # The content is plain JSON values already (rows() above): straight to the encoder, without
    # FastAPI checking and converting it again against dict[str, Any] (16 ms for 10,000 rows).
    return JSONResponse(content)


@router.get(
    "/events", response_model=dict[str, Any], summary="List events that match the filters, one page at a time"
)
def list_events(
    request: Request,
    query: Annotated[EventQuery, Depends(event_filters(also=("limit", "offset")))],
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> JSONResponse:
    """Return one page of matching events in the store's order (event date, article, position).

    ``next_offset`` is where the next page starts, or null on the last page (or past the offset
    limit, where narrower filters are the way on).
    """
    with access(request).store() as store:
        frame = store.query(replace(query, limit=limit, offset=offset or None))
    return _json(
        {
            "ok": True,
            "limit": limit,
            "offset": offset,
            "n": frame.height,
            # No next page past the offset limit: the client is told to narrow its filters instead.
            "next_offset": offset + limit if frame.height == limit and offset + limit <= MAX_OFFSET else None,
            "events": rows(frame),
        }
    )


@router.get(
    "/events/{event_id}",
    response_model=dict[str, Any],
    summary="One event: its record, evidence and article text",
)
def get_event(request: Request, event_id: str) -> JSONResponse:
    """Return one event's output-contract record, its stored row and the article it came from.

    Any status and historical events are found: an id names one event whatever its status.
    """
    query = EventQuery(event_id=(event_id,), status=(), historical="include", limit=1)
    with access(request).store() as store:
        records = list(store.records(query))
        if not records:
            raise ApiError(404, f"no event with id {event_id!r} in this store", "list events at /api/events")
        frame = store.query(query)
        article = store.article(records[0]["article_id"])
    return _json(
        {
            "ok": True,
            "event": records[0],
            "row": rows(frame)[0] if frame.height else None,
            "article": {key: _plain(value) for key, value in article.items()} if article else None,
        }
    )


StatsDimension = StrEnum("StatsDimension", {name: name for name in STAT_DIMENSIONS})  # type: ignore[misc]
StatsMeasure = StrEnum("StatsMeasure", {name: name for name in MEASURES})  # type: ignore[misc]


@router.get(
    "/stats",
    response_model=dict[str, Any],
    summary="Count events per day/week/month, type, actor, dyad or place",
)
def stats(
    request: Request,
    query: Annotated[EventQuery, Depends(event_filters(also=("by", "measure", "limit")))],
    by: Annotated[list[StatsDimension], Query(description="Group by (repeat to combine).")],
    measure: Annotated[
        list[StatsMeasure] | None, Query(description="Columns (default: all but articles).")
    ] = None,
    limit: GroupLimit = MAX_GROUPS,
) -> JSONResponse:
    """Return a stats series: one row per group, ordered by the groups, as ``dyad stats`` counts.

    ``truncated`` is true when there were more than ``limit`` groups.
    """
    measures = [m.value for m in measure] if measure else list(DEFAULT_MEASURES)
    with access(request).store() as store:
        # One row more than shown tells whether there were more.
        frame = store.stats([b.value for b in by], query, measures=measures, max_rows=limit + 1)
    return _json(_groups(frame, limit, by=[b.value for b in by], measures=measures))


def _groups(frame: pl.DataFrame, limit: int, **about: Any) -> dict[str, Any]:
    # ``frame`` holds up to limit + 1 rows: the extra one says the list was cut.
    return {"ok": True, **about, "truncated": frame.height > limit, "rows": rows(frame.head(limit))}


@router.get(
    "/actors",
    response_model=dict[str, Any],
    summary="Who acts (or is acted on) most: resolved names with country and sector",
)
def actors(
    request: Request,
    query: Annotated[EventQuery, Depends(event_filters(also=("role", "limit")))],
    role: Annotated[Literal["actor", "recipient"], Query(description="actor or recipient.")] = "actor",
    limit: GroupLimit = 100,
) -> JSONResponse:
    """Return the first actor (or recipient) of matching events, grouped by name, most events first."""
    with access(request).store() as store:
        # Most events first; ties in the groups' own order, so answers are stable.
        frame = store.stats(
            [f"{role}_name"], query, measures=["events", "score_mean"], most="events", max_rows=limit + 1
        )
    return _json(_groups(frame, limit, role=role))


@router.get(
    "/places",
    response_model=dict[str, Any],
    summary="Where events are: points with their precision, for a map",
)
def places(
    request: Request,
    query: Annotated[EventQuery, Depends(event_filters(also=("limit",)))],
    limit: GroupLimit = 2000,
) -> JSONResponse:
    """Return one row per resolved place (name, country, admin1, lat/lon, precision), most events first.

    Events without coordinates are counted in ``unlocated``.
    """
    with access(request).store() as store:
        located, unlocated = store.places(query, measures=["events", "killed"], max_rows=limit + 1)
    return _json({**_groups(located, limit), "unlocated": unlocated})


@router.get(
    "/dyads",
    response_model=dict[str, Any],
    summary="Who acts on whom: actor country → recipient country, with counts",
)
def dyads(
    request: Request,
    query: Annotated[EventQuery, Depends(event_filters(also=("limit",)))],
    limit: GroupLimit = 200,
) -> JSONResponse:
    """Return (actor country, recipient country) pairs of matching events, most events first."""
    with access(request).store() as store:
        frame = store.stats(
            ["dyad"],
            query,
            measures=["events", "score_mean", "conflict", "cooperation"],
            most="events",
            max_rows=limit + 1,
        )
    return _json(_groups(frame, limit))


_MEDIA_TYPES = {
    ExportFormat.JSONL: ("application/x-ndjson", "jsonl"),
    ExportFormat.CSV: ("text/csv; charset=utf-8", "csv"),
    ExportFormat.PARQUET: ("application/vnd.apache.parquet", "parquet"),
    ExportFormat.CAMEO: ("text/tab-separated-values; charset=utf-8", "tsv"),
    ExportFormat.ACLED: ("text/csv; charset=utf-8", "csv"),
    ExportFormat.GDELT: ("text/tab-separated-values; charset=utf-8", "tsv"),
    ExportFormat.GEOJSON: ("application/geo+json", "geojson"),
}


@router.get("/export", summary="Download matching events as a dyad export file", tags=["exports"])
def export_events(
    request: Request,
    query: Annotated[EventQuery, Depends(event_filters(also=("format", "limit", "header")))],
    export_format: Annotated[
        ExportFormat,
        Query(alias="format", description="jsonl, csv, parquet, cameo, acled, gdelt or geojson."),
    ],
    limit: Annotated[
        int, Query(ge=1, le=MAX_EXPORT, description=f"At most this many events ({MAX_EXPORT}).")
    ] = MAX_EXPORT,
    header: Annotated[bool, Query(description="gdelt: write the column names first.")] = False,
) -> Response:
    """Return the file ``dyad export --format FORMAT`` writes for the same filters, up to ``limit`` events."""
    out = io.BytesIO()  # seekable, so Parquet can be written too
    with access(request).store() as store:
        n = export(store, export_format, out, replace(query, limit=limit), header=header)
    media_type, suffix = _MEDIA_TYPES[export_format]
    return Response(
        out.getvalue(),
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="dyad-events-{export_format.value}.{suffix}"',
            "X-Dyad-Rows": str(n),
        },
    )
