"""dyad serve latency: p50/p95 of the main API queries over N synthetic events on DuckDB.

    .venv/bin/python bench/api_latency.py                    # 1M events
    .venv/bin/python bench/api_latency.py --events 100000 --repeats 30

Goal (issue 13): p95 ≤ 200 ms for each query at 1M events. The events are bench/store.py's
synthetic ones (every column filled, 16 types, 40 countries, three years); requests go through
the whole app in-process (FastAPI's TestClient: routing, filter parsing, the store query,
JSON encoding), so the figures are the server's time without the network. Places are 5,000
points shared by the events, as a gazetteer's would be.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl
from fastapi.testclient import TestClient

from dyad.serve import create_app
from dyad.store import EventStore


def _synthetic_events(n: int):
    # bench/ is not a package: load the generator store.py already has, by path.
    spec = importlib.util.spec_from_file_location("bench_store", Path(__file__).with_name("store.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_events(n)


QUERIES = {
    "events page (defaults)": "/api/events?limit=100",
    "events: type + actor country": "/api/events?type=ASSAULT&actor_country=IRQ&limit=100",
    "events: dates + text": "/api/events?since=2022-01-01&until=2022-03-31&text=militias&limit=100",
    "events: page at offset 2000": "/api/events?limit=100&offset=2000",
    "one event by id": "/api/events/{event_id}",
    "stats by month and type": "/api/stats?by=month&by=type&measure=events",
    "stats by week and dyad": "/api/stats?by=week&by=dyad",
    "places (map)": "/api/places?limit=2000",
    "actors": "/api/actors?limit=100",
    "dyads (network)": "/api/dyads?limit=60",
    "export csv, 1000 events": "/api/export?format=csv&limit=1000",
}


def main() -> None:
    """Build a store of synthetic events, then time each query ``--repeats`` times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    frame = _synthetic_events(args.events)
    # bench/store.py gives every event its own random point; a real store has the gazetteer's
    # places, repeated: 5,000 distinct points here, so the map query groups as it would.
    rng = np.random.default_rng(13)
    points = rng.integers(0, 5000, frame.height)
    frame = frame.with_columns(
        latitude=pl.Series(np.round(rng.uniform(-40, 60, 5000), 3)[points]),
        longitude=pl.Series(np.round(rng.uniform(-100, 120, 5000), 3)[points]),
        location_name=pl.Series([f"place {i}" for i in range(5000)]).gather(points),
    )
    event_id = frame["event_id"][frame.height // 2]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        with EventStore.open(db, create=True, read_only=False) as store:
            store.bulk_insert_events(frame)
        with TestClient(create_app(db)) as client:
            print(f"{args.events:,} synthetic events on DuckDB, {args.repeats} requests per query")
            print(f"{'query':<32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            worst = 0.0
            for label, url in QUERIES.items():
                url = url.format(event_id=event_id)
                client.get(url).raise_for_status()  # warm up: first reads load columns
                timings = []
                for _ in range(args.repeats):
                    started = time.perf_counter()
                    client.get(url).raise_for_status()
                    timings.append((time.perf_counter() - started) * 1000)
                p95 = statistics.quantiles(timings, n=20, method="inclusive")[18]
                worst = max(worst, p95)
                print(f"{label:<32} {statistics.median(timings):8.1f} {p95:8.1f} {max(timings):8.1f}")
            print(f"worst p95: {worst:.1f} ms (goal ≤ 200 ms)")


if __name__ == "__main__":
    main()
