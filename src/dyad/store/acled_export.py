"""ACLED's CSV: every column of ACLED's codebook, in ACLED's order, one row per real event.

The columns are derived where dyad knows them (``dyad.acled``: event types, disorder type,
actor types and interaction, time precision, region) and empty where it does not (admin2,
admin3, source_scale). Only events ACLED codes are written (political violence, protests,
riots, strategic developments), and only dated ones: ACLED has no undated events, and one
empty ``year`` would turn the column into floats in pandas.

One sentence often holds several mentions of one event ("repelled an attack by IS
militants, killing three") and the coder gives each mention the sentence's death toll. ACLED
counts each death once, so the mentions of one sentence that carry the same toll are merged
into one row (see ``merge_mentions``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import polars as pl

from dyad.acled import (
    CIVILIANS_INTER,
    DISORDER_BY_SUB_EVENT,
    DISORDER_TYPES,
    GEO_PRECISION,
    acled_country_name,
    acled_regions,
    acled_type,
    ascii_name,
    inter_code,
    interaction,
    iso_numeric,
    time_precision,
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
_INT_COLUMNS = (
    "year", "time_precision", "inter1", "inter2", "iso", "geo_precision", "fatalities", "timestamp",
)  # fmt: skip
ACLED_SCHEMA: dict[str, Any] = (
    {name: pl.String for name in ACLED_COLUMNS}
    | dict.fromkeys(_INT_COLUMNS, pl.Int64)
    | {"latitude": pl.Float64, "longitude": pl.Float64}
)

# Which mention of a merged event gives its kind: violence before what surrounds it.
_KIND_ORDER = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests",
    "Strategic developments",
)  # fmt: skip


def acled_frame(events: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Return ``events`` (store ``events`` rows, with their ``record``) as ACLED rows.

    ``articles`` gives each article's ``source`` and ``ingested_at`` (ACLED's ``timestamp``:
    when the row was written, as Unix time).
    """
    by_article = {row["article_id"]: row for row in articles.iter_rows(named=True)}
    rows = [
        _acled_row(event, by_article.get(event["article_id"], {}))
        for event in events.iter_rows(named=True)
        if event["event_date"] is not None
    ]
    merged = merge_mentions(row for row in rows if row is not None)
    return pl.DataFrame(
        [{k: v for k, v in r.items() if k in ACLED_SCHEMA} for r in merged], schema=ACLED_SCHEMA
    )


def merge_mentions(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge the rows of one sentence that carry the same death toll into one event.

    The toll of a sentence ("..., killing three militants") is one figure, given by the coder
    to every event mention the sentence holds; ACLED's fatalities count each death once. The
    merged row takes its kind from its most violent mention (battles first) and fills an
    empty actor from the others. Rows with no toll, or another toll, stay apart.
    """
    kept: list[dict[str, Any]] = []
    position: dict[tuple[str, int, int], int] = {}  # (article, sentence, toll) -> index in kept
    for row in rows:
        key = (row["_article_id"], row["_sentence_start"], row["fatalities"])
        if not row["fatalities"] or key not in position:
            if row["fatalities"]:
                position[key] = len(kept)
            kept.append(row)
            continue
        kept[position[key]] = _merged(kept[position[key]], row)
    return kept


def _merged(first: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    primary, other = (row, first) if _rank(row) < _rank(first) else (first, row)
    merged = dict(primary)
    # A missing actor or place comes whole from the other mention: name with type, place with point.
    for columns in (("actor1", "inter1"), ("actor2", "inter2"), ("location", "latitude", "longitude")):
        if merged[columns[0]] is None and other[columns[0]] is not None:
            merged |= {column: other[column] for column in columns}
    for column in ("assoc_actor_1", "assoc_actor_2"):
        names = [n for r in (primary, other) for n in (r[column] or "").split("; ") if n]
        names = [n for n in dict.fromkeys(names) if n not in (merged["actor1"], merged["actor2"])]
        merged[column] = "; ".join(names) or None
    merged["interaction"] = interaction(merged["inter1"], merged["inter2"])
    return merged


def _rank(row: dict[str, Any]) -> int:
    return _KIND_ORDER.index(row["event_type"])


def _acled_row(event: dict[str, Any], article: dict[str, Any]) -> dict[str, Any] | None:
    kinds = acled_type(
        event["type"],
        event["mode"] or [],
        event["recipient_sectors"] or [],
        event["context"] or [],
        event["actor_sectors"] or [],
    )
    if kinds is None:
        return None
    event_type, sub_event_type = kinds
    record = json.loads(event["record"]) if event.get("record") else {}
    actors, recipients = record.get("actor") or [], record.get("recipient") or []
    actor2 = event["recipient_name"] or event["recipient_text"]
    if sub_event_type == "Peaceful protest":
        # ACLED codes a peaceful protest's protesters alone (interaction 60); what they protest
        # against stays in the notes.
        recipients, actor2 = [], None
    inter1 = _inter(actors, kinds, is_actor=True)
    inter2 = _inter(recipients, kinds, is_actor=False)
    disorder = DISORDER_BY_SUB_EVENT.get(sub_event_type, DISORDER_TYPES[event_type])
    day = event["event_date"]
    country = event["location_country"]
    ingested_at: datetime | None = article.get("ingested_at")
    return {
        "event_id_cnty": event["event_id"],
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": time_precision(event["date_granularity"], day, event["event_date_until"]),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": event["actor_name"] or event["actor_text"],
        "assoc_actor_1": _others(actors),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": _others(recipients),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        # ACLED marks political violence aimed at civilians, whatever its event type.
        "civilian_targeting": "Civilian targeting"
        if inter2 == CIVILIANS_INTER and disorder.startswith("Political violence")
        else None,
        "iso": iso_numeric(country),
        "region": acled_regions().get(country or ""),
        "country": acled_country_name(country),
        "admin1": ascii_name(event["location_admin1"]),
        "admin2": None,
        "admin3": None,
        "location": ascii_name(event["location_name"]),
        "latitude": event["latitude"],
        "longitude": event["longitude"],
        "geo_precision": GEO_PRECISION.get(event["geo_precision"] or ""),
        "source": article.get("source"),
        "source_scale": None,
        "notes": _one_line(event["sentence"]),
        "fatalities": event["killed"] or 0,
        "tags": _crowd_size(record) if event_type in ("Protests", "Riots") else None,
        # Both databases store UTC without a zone.
        "timestamp": int(ingested_at.replace(tzinfo=UTC).timestamp()) if ingested_at else None,
        "_article_id": event["article_id"],
        "_sentence_start": event["sentence_start"],
    }


def _crowd_size(record: dict[str, Any]) -> str:
    # ACLED's tag quotes the report's words ("crowd size=hundreds"), "no report" when it has none.
    size = (record.get("quantities") or {}).get("size") or {}
    words = " ".join((size.get("text") or "").lower().split())
    return f"crowd size={words or 'no report'}"


def _inter(participants: list[dict[str, Any]], kind: tuple[str, str], *, is_actor: bool) -> int | None:
    if not participants:
        return None
    first = participants[0]
    return inter_code(first.get("sector") or [], first.get("country"), kind, is_actor)


def _others(participants: list[dict[str, Any]]) -> str | None:
    # ACLED's associated actors: everyone on the same side after the first, "; "-separated.
    names = [p.get("name") or p.get("text") for p in participants[1:]]
    return "; ".join(dict.fromkeys(n for n in names if n)) or None


def _one_line(text: str | None) -> str | None:
    # Wire text keeps its line breaks; a note is one line.
    return " ".join(text.split()) if text else text
