"""Event clusters in the store: ``cluster_id`` at ingest, recomputed on demand, read merged.

At ingest (``assign_clusters``, inside ``EventStore.write_batch``'s transaction) the batch's
mentions are clustered against the stored mentions whose dates they could share: only those
are read (the candidate window), so a batch costs the same in a large store as in a small
one. ``recluster`` recomputes every cluster from scratch in reporting order (after the
clustering settings changed, or for a store filled out of order). ``cluster_events`` reads
clusters back as merged events (``dyad.cluster.EventCluster``), ``cluster_counts`` how many
mentions, articles and sources report each.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import polars as pl

from dyad.cluster import DEFAULT_SETTINGS, Clusterer, ClusterSettings, Mention
from dyad.cluster.compare import FAMILIES, day_window, family
from dyad.cluster.merge import EventCluster, merge_cluster
from dyad.store.schema import Column, Table

if TYPE_CHECKING:
    from dyad.store.query import EventQuery
    from dyad.store.store import EventStore

logger = logging.getLogger(__name__)

# What clustering reads of a stored mention (``Mention.from_row``), with its article's date and source.
MENTION_COLUMNS = (
    "event_id", "article_id", "cluster_id", "type", "mode", "status", "historical",
    "actor_text", "actor_name", "actor_country", "actor_countries", "actor_sectors",
    "recipient_text", "recipient_name", "recipient_country", "recipient_countries", "recipient_sectors",
    "event_date", "date_value", "date_until", "date_granularity", "date_basis",
    "location_name", "location_country", "location_admin1", "latitude", "longitude", "geo_precision",
    "location_countries", "killed", "injured", "arrested", "size", "incidents",
    "sentence", "sentence_start", "trigger_text", "trigger_start",
)  # fmt: skip
_ORDER = "a.published, e.article_id, e.sentence_start, e.trigger_start, e.event_id"
# A scratch table for rewriting cluster ids in one UPDATE.
_ASSIGNMENTS = Table(
    "dyad_cluster_assignments",
    (
        Column("event_id", "text", False),
        Column("article_id", "text", False),
        Column("cluster_id", "text", False),
    ),
)
# Candidate windows closer than this are read in one range.
_GAP = timedelta(days=14)
_CHUNK = 1000


def _select(where: str) -> str:
    columns = ", ".join(f"e.{c}" for c in MENTION_COLUMNS)
    return (
        f"SELECT {columns}, a.published, a.source FROM events e "
        f"JOIN articles a ON a.article_id = e.article_id WHERE {where}"
    )


def _mentions(store: EventStore, sql: str, params: Sequence[Any] = ()) -> list[tuple[Mention, str | None]]:
    names = (*MENTION_COLUMNS, "published", "source")
    return [
        (Mention.from_row(row), row["cluster_id"])
        for row in (dict(zip(names, values, strict=True)) for values in store.backend.execute(sql, params))
    ]


def assign_clusters(
    store: EventStore,
    events: pl.DataFrame,
    articles: Mapping[str, tuple[datetime | None, str | None]],
    settings: ClusterSettings = DEFAULT_SETTINGS,
) -> pl.DataFrame:
    """Return ``events`` (rows about to be stored) with ``cluster_id`` set against the stored clusters.

    ``articles`` gives each article's publication time (naive UTC, as stored) and source.
    Stored mentions keep their clusters; new ones join the most similar or found their own.
    """
    if events.is_empty():
        return events
    new = [
        Mention.from_row({**row, "published": articles.get(row["article_id"], (None, None))[0],
                          "source": articles.get(row["article_id"], (None, None))[1]})
        for row in events.select([c for c in MENTION_COLUMNS if c != "cluster_id"]).iter_rows(named=True)
    ]  # fmt: skip
    clusterer = Clusterer(settings)
    for mention, cluster_id in _candidates(store, new, settings):
        clusterer.seed(mention, cluster_id or mention.event_id)
    assigned = clusterer.add_all(new)
    ids = pl.Series("cluster_id", [assigned[event_id] for event_id in events["event_id"]], dtype=pl.String)
    return events.with_columns(ids)


def _candidates(
    store: EventStore, new: Sequence[Mention], settings: ClusterSettings
) -> list[tuple[Mention, str | None]]:
    """Read the stored mentions the new ones could join: same families, dates that can overlap."""
    windows = sorted(w for w in (day_window(m, settings) for m in new) if w is not None)
    if not windows:
        return []
    families = sorted({family(m.event_type) for m in new})
    types = [t for t, f in FAMILIES.items() if f in families]
    if not types:
        return []
    # A stored mention's window reaches back from its date by the publication slack, and a
    # coarse one (a month, a year) forward from its first day: read what could reach ours.
    ahead = timedelta(days=settings.publication_slack_days + settings.date_slack_days)
    coarse = timedelta(days=settings.max_span_days)
    # A date that fell back on the report's day, or is after it (a misread, ``fell_back``),
    # has its window around the publication day, wherever the date itself lies: read those
    # by when they were published, as ``day_window`` places them.
    before = timedelta(days=settings.date_slack_days)
    after = timedelta(days=settings.publication_slack_days + 1)
    p = store.dialect.param
    ranges, params = [], []
    for lo, hi in _merged(windows):
        ranges.append(
            f"(e.event_date <= {p} AND (e.event_date >= {p} "
            f"OR (e.date_granularity <> 'day' AND e.event_date >= {p})))"
            f" OR (e.event_date IS NULL AND a.published >= {p} AND a.published < {p})"
            f" OR ((e.date_basis = 'publication' OR e.event_date > a.published)"
            f" AND a.published >= {p} AND a.published < {p})"
        )
        undated_until = _midnight(hi) + timedelta(days=settings.undated_days + 1)
        params += [hi + ahead, lo - ahead, lo - coarse, _midnight(lo - ahead), undated_until]
        params += [_midnight(lo - before), _midnight(hi + after)]
    where = (
        f"e.cluster_id IS NOT NULL AND e.type IN ({', '.join([p] * len(types))}) "
        f"AND ({' OR '.join(ranges)}) ORDER BY {_ORDER}"
    )
    found = _mentions(store, _select(where), [*types, *params])
    logger.debug("clustering %d new mention(s) against %d stored", len(new), len(found))
    return found


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _merged(windows: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for lo, hi in windows:
        if merged and lo <= merged[-1][1] + _GAP:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def recluster(store: EventStore, settings: ClusterSettings = DEFAULT_SETTINGS) -> int:
    """Recompute every stored mention's cluster from scratch, in reporting order; return the cluster count."""
    stored = _mentions(store, _select(f"1 = 1 ORDER BY {_ORDER}"))
    clusterer = Clusterer(settings)
    assigned = clusterer.add_all(m for m, _ in stored)
    frame = pl.DataFrame(
        {
            "event_id": [m.event_id for m, _ in stored],
            "article_id": [m.article_id for m, _ in stored],
            "cluster_id": [assigned[m.event_id] for m, _ in stored],
        },
        schema={"event_id": pl.String, "article_id": pl.String, "cluster_id": pl.String},
    )
    text = store.dialect.types["text"]
    name = _ASSIGNMENTS.name
    with store.backend.transaction():
        store.backend.execute(f"DROP TABLE IF EXISTS {name}")
        store.backend.execute(
            f"CREATE TEMP TABLE {name} (event_id {text} NOT NULL, article_id {text} NOT NULL, "
            f"cluster_id {text} NOT NULL)"
        )
        store.backend.write_frame(_ASSIGNMENTS, frame)
        store.backend.execute(
            f"UPDATE events SET cluster_id = t.cluster_id FROM {name} t "
            "WHERE events.event_id = t.event_id AND events.article_id = t.article_id"
        )
        store.backend.execute(f"DROP TABLE {name}")
    return len(clusterer)


def cluster_events(store: EventStore, query: EventQuery) -> list[EventCluster]:
    """Return the merged events of the clusters with a mention ``query`` selects, in the store's order.

    Every mention of those clusters counts, not only the ones the filters select: a cluster
    is reported by all its sources. ``query.limit`` and ``offset`` count clusters.
    """
    from dataclasses import replace

    where, params = replace(query, limit=None, offset=None).where(store.dialect)
    rows = store.backend.execute(
        f"SELECT cluster_id FROM events WHERE {where} AND cluster_id IS NOT NULL "
        "ORDER BY event_date, article_id, sentence_start, trigger_start, event_id",
        params,
    )
    ids = list(dict.fromkeys(cluster_id for (cluster_id,) in rows))
    start = query.offset or 0
    ids = ids[start : start + query.limit] if query.limit else ids[start:]
    members = _members(store, ids)
    return [merge_cluster(cluster_id, members[cluster_id]) for cluster_id in ids if members.get(cluster_id)]


def _members(store: EventStore, cluster_ids: Sequence[str]) -> dict[str, list[Mention]]:
    p = store.dialect.param
    members: dict[str, list[Mention]] = {}
    for start in range(0, len(cluster_ids), _CHUNK):
        chunk = list(cluster_ids[start : start + _CHUNK])
        sql = _select(f"e.cluster_id IN ({', '.join([p] * len(chunk))}) ORDER BY {_ORDER}")
        for mention, cluster_id in _mentions(store, sql, chunk):
            members.setdefault(cluster_id or mention.event_id, []).append(mention)
    return members


def cluster_counts(store: EventStore, cluster_ids: Iterable[str]) -> pl.DataFrame:
    """Return ``cluster_id``, ``n_mentions``, ``n_articles``, ``n_sources`` of these clusters."""
    ids = list(dict.fromkeys(c for c in cluster_ids if c))
    p = store.dialect.param
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows += store.backend.execute(
            "SELECT e.cluster_id, COUNT(*), COUNT(DISTINCT e.article_id), "
            "COUNT(DISTINCT COALESCE(a.source, '')) FROM events e "
            "JOIN articles a ON a.article_id = e.article_id "
            f"WHERE e.cluster_id IN ({', '.join([p] * len(chunk))}) GROUP BY e.cluster_id",
            chunk,
        )
    schema = {"cluster_id": pl.String, "n_mentions": pl.Int64, "n_articles": pl.Int64, "n_sources": pl.Int64}
    return pl.DataFrame(rows, schema=schema, orient="row")


def clusters_frame(clusters: Sequence[EventCluster]) -> pl.DataFrame:
    """Return merged events as one row each: date, type, place, parties, figures, counts."""
    rows = [_cluster_row(c) for c in clusters]
    return pl.DataFrame(rows, schema=CLUSTER_SCHEMA, orient="row")


CLUSTER_SCHEMA: dict[str, Any] = {
    "cluster_id": pl.String, "event_date": pl.Date, "event_date_until": pl.Date, "date_value": pl.String,
    "date_until": pl.String, "date_granularity": pl.String, "type": pl.String, "mode": pl.List(pl.String),
    "actor_name": pl.String, "actor_country": pl.String, "recipient_name": pl.String,
    "recipient_country": pl.String, "location_name": pl.String, "location_country": pl.String,
    "latitude": pl.Float64, "longitude": pl.Float64, "geo_precision": pl.String,
    "killed_low": pl.Int64, "killed_high": pl.Int64, "killed_reports": pl.List(pl.String),
    "injured_low": pl.Int64, "injured_high": pl.Int64, "n_mentions": pl.Int64, "n_articles": pl.Int64,
    "n_sources": pl.Int64, "first_published": pl.Datetime("us"), "sentence": pl.String,
    "event_ids": pl.List(pl.String),
}  # fmt: skip


def _cluster_row(c: EventCluster) -> dict[str, Any]:
    killed, injured = c.figures.get("killed"), c.figures.get("injured")
    place = c.place
    return {
        "cluster_id": c.cluster_id,
        "event_date": c.start,
        "event_date_until": c.end if c.end != c.start else None,
        "date_value": c.date_value,
        "date_until": c.date_until,
        "date_granularity": c.date_precision,
        "type": c.event_type,
        "mode": list(c.modes),
        "actor_name": c.actor.name if c.actor else None,
        "actor_country": c.actor.country if c.actor else None,
        "recipient_name": c.recipient.name if c.recipient else None,
        "recipient_country": c.recipient.country if c.recipient else None,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "killed_low": killed.low if killed else None,
        "killed_high": killed.high if killed else None,
        "killed_reports": [f"{r.value} ({r.article_id})" for r in killed.reports] if killed else [],
        "injured_low": injured.low if injured else None,
        "injured_high": injured.high if injured else None,
        "n_mentions": c.n_mentions,
        "n_articles": c.n_articles,
        "n_sources": c.n_sources,
        "first_published": c.first_published.replace(tzinfo=None) if c.first_published else None,
        "sentence": " ".join(c.sentence.split()),
        "event_ids": list(c.event_ids),
    }
