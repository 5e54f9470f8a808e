"""Event store benchmark: bulk insert and weekly dyad counts over synthetic events.

    .venv/bin/python bench/store.py                      # 1M events, DuckDB only
    scripts/postgres .venv/bin/python bench/store.py     # DuckDB and a throwaway PostgreSQL
    .venv/bin/python bench/store.py --events 100000 --postgres postgresql://...

Goals (issue 5): insert ≤ 15 s and weekly dyad counts ≤ 200 ms on DuckDB for 1M events.
The events are synthetic but shaped like real ones: every column of the ``events`` table
filled, a JSON record of about 1.4 KB each (real ones
average 1.4 KB), 16 types, 40 countries over three years. The
insert goes through ``EventStore.bulk_insert_events`` (Arrow scan on DuckDB, COPY on
PostgreSQL); the counts through ``EventStore.stats(["week", "dyad"])`` with the default
filters (asserted, not historical), the query ``dyad stats --by week --by dyad`` runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from dyad.model import EventType, Status
from dyad.plover import BASE_SCORES, QUAD_CODES, QUADS
from dyad.store import EventStore
from dyad.store.frames import to_polars_schema
from dyad.store.schema import EVENTS

COUNTRIES = (
    "IRQ", "USA", "IRN", "SYR", "ISR", "PSE", "LBN", "YEM", "SAU", "TUR", "RUS", "UKR",
    "AFG", "PAK", "IND", "CHN", "SDN", "SSD", "ETH", "SOM", "NGA", "MLI", "COD", "MMR",
    "COL", "MEX", "VEN", "BRA", "FRA", "GBR", "DEU", "EGY", "LBY", "DZA", "TUN", "JOR",
    "KWT", "ARE", "QAT", "IGO",
)  # fmt: skip
SECTORS = ["GOV", "MIL", "REB", "LEG", "COP", "JUD", "PTY", "CVL", "BUS", "MED"]
MODES = ["", "drone", "aerial", "firearms", "explosives", "demo", "arrest", "visit"]
SENTENCE = (
    "Iran-aligned militias have struck bases of the international coalition in Iraq and Syria "
    "over 100 times since October 17, and US retaliatory strikes killed at least 11 fighters."
)


def synthetic_events(n: int, seed: int = 5) -> pl.DataFrame:
    """Return ``n`` synthetic ``events`` rows, every column filled, built column-wise."""
    rng = np.random.default_rng(seed)
    types = list(EventType)
    type_idx = rng.integers(0, len(types), n)
    type_names = np.array([t.value for t in types])[type_idx]
    actor = np.array(COUNTRIES)[rng.integers(0, len(COUNTRIES), n)]
    recipient = np.array(COUNTRIES)[rng.integers(0, len(COUNTRIES), n)]
    actor_sector = np.array(SECTORS)[rng.integers(0, len(SECTORS), n)]
    recipient_sector = np.array(SECTORS)[rng.integers(0, len(SECTORS), n)]
    mode = np.array(MODES)[rng.integers(0, len(MODES), n)]
    start = date(2021, 1, 1).toordinal()
    days = rng.integers(0, 3 * 365, n)
    status_names = np.array([s.value for s in Status])
    status = np.where(rng.random(n) < 0.8, "asserted", status_names[rng.integers(0, len(status_names), n)])
    article = rng.integers(0, n // 12 + 1, n)
    frame = pl.DataFrame(
        {
            "event_id": [f"{i:016x}" for i in range(n)],
            # About three mentions per real-world event, as clustering gives (issue 14).
            "cluster_id": [f"{i // 3:016x}" for i in range(n)],
            "article_id": pl.Series(article).cast(pl.String).str.pad_start(8, "0"),
            "type": type_names,
            "mode_one": mode,
            "status": status,
            "historical": rng.random(n) < 0.05,
            "actor_country": actor,
            "recipient_country": recipient,
            "actor_sector": actor_sector,
            "recipient_sector": recipient_sector,
            "event_date": pl.Series(days + start - date(1970, 1, 1).toordinal()).cast(pl.Date),
            "killed": np.where(rng.random(n) < 0.2, rng.integers(1, 50, n), -1),
            "latitude": rng.uniform(-40, 60, n),
            "longitude": rng.uniform(-100, 120, n),
            "sentence_start": rng.integers(0, 5000, n),
        }
    )
    quad = {t.value: QUADS[t] for t in types}
    score = {t.value: float(BASE_SCORES[t]) for t in types}
    frame = frame.with_columns(
        mode=pl.when(pl.col("mode_one") == "")
        .then(pl.lit([], pl.List(pl.String)))
        .otherwise(pl.concat_list("mode_one")),
        context=pl.lit([], pl.List(pl.String)),
        cameo=pl.lit("19"),
        quad=pl.col("type").replace_strict(quad),
        quad_class=pl.col("type").replace_strict(quad).replace_strict(QUAD_CODES, return_dtype=pl.Int64),
        score=pl.col("type").replace_strict(score, return_dtype=pl.Float64),
        actor_text=pl.lit("Iran-aligned militias"),
        actor_name=pl.concat_str(pl.col("actor_country"), pl.lit(" "), pl.col("actor_sector")),
        actor_countries=pl.concat_list("actor_country"),
        actor_sectors=pl.concat_list("actor_sector"),
        actor_names=pl.lit("Iran-aligned militias"),
        recipient_text=pl.lit("bases of the international coalition"),
        recipient_name=pl.lit(None, pl.String),
        recipient_countries=pl.concat_list("recipient_country"),
        recipient_sectors=pl.concat_list("recipient_sector"),
        recipient_names=pl.lit("bases of the international coalition"),
        event_date_until=pl.lit(None, pl.Date),
        date_value=pl.col("event_date").cast(pl.String),
        date_until=pl.lit(None, pl.String),
        date_granularity=pl.lit("day"),
        date_basis=pl.lit("text"),
        date_text=pl.lit("since October 17"),
        location_text=pl.lit("Iraq"),
        location_name=pl.lit("Iraq"),
        location_country=pl.col("recipient_country"),
        location_admin1=pl.lit(None, pl.String),
        geonameid=pl.lit(99237),
        geo_precision=pl.lit("country"),
        location_countries=pl.concat_list("recipient_country"),
        location_admin1s=pl.lit([], pl.List(pl.String)),
        killed=pl.when(pl.col("killed") >= 0).then(pl.col("killed")),
        injured=pl.lit(None, pl.Int64),
        arrested=pl.lit(None, pl.Int64),
        size=pl.lit(None, pl.Int64),
        incidents=pl.lit(None, pl.Int64),
        speaker_text=pl.lit(None, pl.String),
        speaker_name=pl.lit(None, pl.String),
        speaker_country=pl.lit(None, pl.String),
        sentence=pl.lit(SENTENCE),
        sentence_end=pl.col("sentence_start") + len(SENTENCE),
        trigger_text=pl.lit("struck"),
        trigger_start=pl.col("sentence_start") + 28,
        trigger_end=pl.col("sentence_start") + 34,
        confidence=pl.lit(0.81),
        rule=pl.lit("assault.strike.v1"),
        coded_by=pl.lit(["coding.frames.v1", "actors.dictionary.v1"], pl.List(pl.String)),
        dyad_version=pl.lit("bench"),
    )
    # A record of about the size of a real one (1.4 KB); its content is not read by the benchmark.
    record = pl.concat_str(
        pl.lit('{"article_id": "'), pl.col("article_id"), pl.lit('", "event_id": "'), pl.col("event_id"),
        pl.lit('", "type": "'), pl.col("type"), pl.lit('", "status": "'), pl.col("status"),
        pl.lit('", "actor": [{"text": "Iran-aligned militias", "country": "'), pl.col("actor_country"),
        pl.lit('"}], "recipient": [{"country": "'), pl.col("recipient_country"),
        pl.lit('"}], "date": {"value": "'), pl.col("date_value"),
        pl.lit('"}, "evidence": {"sentence": "' + SENTENCE + '", "trigger": "struck"}, "padding": "'),
        pl.lit("x" * 900), pl.lit('"}'),
    )  # fmt: skip
    frame = frame.with_columns(record=record)
    return frame.select(EVENTS.column_names).cast(to_polars_schema(EVENTS))


def _timed(repeats: int, work: Callable[[], pl.DataFrame]) -> tuple[list[float], int]:
    timings, rows = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        rows = work().height
        timings.append(time.perf_counter() - started)
    return timings, rows


def run(label: str, db: str, frame: pl.DataFrame, repeats: int) -> None:
    """Insert ``frame`` into a new store at ``db``, then time weekly dyad counts."""
    with EventStore.open(db, create=True, read_only=False) as store:
        started = time.perf_counter()
        store.bulk_insert_events(frame)
        insert_s = time.perf_counter() - started
        if store.dialect.name == "postgresql":
            store.backend.execute("ANALYZE events")
        counts, groups = _timed(repeats, lambda: store.stats(["week", "dyad"], measures=("events",)))
        full, _ = _timed(repeats, lambda: store.stats(["week", "dyad"]))
    print(
        f"{label:<11} insert {frame.height:,} events: {insert_s:6.2f} s ({frame.height / insert_s:,.0f}/s)\n"
        f"{'':<11} weekly dyad counts ({groups:,} groups): median {statistics.median(counts) * 1000:.0f} ms, "
        f"best {min(counts) * 1000:.0f} ms | with scores and killed (dyad stats --by week --by dyad): "
        f"median {statistics.median(full) * 1000:.0f} ms (of {repeats})"
    )


def main() -> None:
    """Parse arguments and run the benchmark on each database."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("DYAD_TEST_POSTGRES"),
        help="PostgreSQL DSN of a database to create the store in (default $DYAD_TEST_POSTGRES); "
        "an empty database is best. Skipped when unset.",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    frame = synthetic_events(args.events)
    print(f"generated {frame.height:,} synthetic events in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        run("DuckDB", str(Path(tmp) / "bench.duckdb"), frame, args.repeats)
    if args.postgres:
        run("PostgreSQL", _fresh_database(args.postgres), frame, args.repeats)
    else:
        print("PostgreSQL  skipped: no --postgres DSN (run under scripts/postgres to get one)")


def _fresh_database(dsn: str) -> str:
    """Create an empty database ``dyad_bench`` on the server of ``dsn`` and return its DSN."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute("DROP DATABASE IF EXISTS dyad_bench")
        con.execute("CREATE DATABASE dyad_bench")
    return _with_database(dsn, "dyad_bench")


def _with_database(dsn: str, name: str) -> str:
    # postgresql://user@host/DB?params: swap the path, which names the database.
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(dsn)._replace(path=f"/{name}"))


if __name__ == "__main__":
    main()
