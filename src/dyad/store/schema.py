"""The store's tables, declared once and rendered for each SQL dialect.

Each column has a logical kind; ``backends.py`` maps kinds to DuckDB and PostgreSQL types, and
``frames.py`` to the polars types of the rows written and read, so the two databases hold
the same schema and answer the same queries.

``events`` keeps every field of the output contract (``records.event_to_record``) and the
event cluster each mention belongs to (``cluster_id``, ``dyad.cluster``): the
scalar fields as columns, lists (modes, all actors' countries and sectors, ...) as array
columns for filtering, the first actor, recipient and location as plain columns for
grouping, and the whole record as JSON so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "int", "float", "bool", "date", "timestamp", "text[]", "json"]

# Bump when a table changes shape; a store with another version is refused, not migrated.
# 2: events.cluster_id (issue 14: one real-world event across articles).
SCHEMA_VERSION = "2"
# Written in dyad_meta so a foreign database is never mistaken for a dyad store.
FORMAT_MARKER = "dyad-store"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a store table."""

    name: str
    kind: Kind
    nullable: bool = True


@dataclass(frozen=True, slots=True)
class Table:
    """A store table: its columns in order, and the key that makes rows unique, if any."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """Return the column names in table order."""
        return tuple(c.name for c in self.columns)


def _cols(spec: str) -> tuple[Column, ...]:
    """Parse ``"name kind [not null], ..."`` lines: the tables below read like DDL."""
    columns = []
    for item in spec.split(","):
        words = item.split()
        if not words:
            continue
        columns.append(Column(words[0], words[1], nullable="not" not in words[2:]))  # type: ignore[arg-type]
    return tuple(columns)


META = Table("dyad_meta", _cols("key text not null, value text not null"), primary_key=("key",))

ARTICLES = Table(
    "articles",
    _cols(
        """article_id text not null, content_hash text not null, title text, published timestamp,
        url text, source text, text text not null, n_events int not null, dyad_version text not null,
        ingested_at timestamp not null"""
    ),
    primary_key=("article_id",),
)

EVENTS = Table(
    "events",
    _cols(
        """event_id text not null, article_id text not null, cluster_id text, type text not null, mode text[],
        context text[], cameo text, quad text, quad_class int, score float, status text not null,
        historical bool not null,
        actor_text text, actor_name text, actor_country text, actor_sector text,
        actor_countries text[], actor_sectors text[], actor_names text,
        recipient_text text, recipient_name text, recipient_country text, recipient_sector text,
        recipient_countries text[], recipient_sectors text[], recipient_names text,
        event_date date, event_date_until date, date_value text, date_until text,
        date_granularity text, date_basis text, date_text text,
        location_text text, location_name text, location_country text, location_admin1 text,
        latitude float, longitude float, geonameid int, geo_precision text,
        location_countries text[], location_admin1s text[],
        killed int, injured int, arrested int, size int, incidents int,
        speaker_text text, speaker_name text, speaker_country text,
        sentence text, sentence_start int, sentence_end int,
        trigger_text text, trigger_start int, trigger_end int,
        confidence float, rule text, coded_by text[], dyad_version text not null, record json not null"""
    ),
)

FAILURES = Table(
    "failures",
    _cols(
        """record text not null, article_id text, stage text not null, error text not null,
        dyad_version text not null, recorded_at timestamp not null"""
    ),
)

TABLES = (META, ARTICLES, EVENTS, FAILURES)

# Indexes for the lookups every batch makes (PostgreSQL); DuckDB scans its columns fast
# enough that an index would only slow the bulk insert.
INDEXES = (
    ("events_article_id", "events", "article_id"),
    ("events_event_date", "events", "event_date"),
    ("events_cluster_id", "events", "cluster_id"),
    ("failures_record", "failures", "record"),
)

# Columns a query returns by default: everything but the JSON record, which ``records()`` reads.
EVENT_COLUMNS = tuple(name for name in EVENTS.column_names if name != "record")
