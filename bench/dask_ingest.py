"""Measure ``dyad ingest --dask`` on a LocalCluster of 1 and of 2 worker processes.

Usage:
    .venv/bin/python bench/dask_ingest.py [--corpus PATH] [--limit 200] [--batch-size 10]
        [--workers 1 2] [--repeat 1] [--single]

Each run starts a LocalCluster (one thread per worker process), ingests the first ``--limit``
articles into a fresh DuckDB file, and shuts the cluster down. Two times per run:

- ``coding``: from the moment every worker has loaded its pipeline to the last committed batch,
  the part that scales with workers;
- ``total``: cluster start, pipeline loads (in parallel, one per worker), coding and shutdown,
  what a user waits for.

The speed-up is the 1-worker time over the N-worker time. ``--single`` adds the in-process
``runner.ingest`` of the same articles for reference. The load average before and after each
run, the CPUs and the client process's own CPU time (scheduler and writer) are printed, since a
machine shared with other work gives smaller speed-ups.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from functools import partial
from itertools import islice
from pathlib import Path

from dyad.config import load_config
from dyad.ingest import read_articles
from dyad.pipeline import load_pipeline
from dyad.store import EventStore
from dyad.store.dask_runner import dask_client, ingest_dask
from dyad.store.runner import ingest

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def run_dask(articles: list, workers: int, batch_size: int, folder: Path) -> dict[str, float]:
    """Ingest ``articles`` on a new LocalCluster of ``workers`` processes; return its times."""
    loader = partial(load_pipeline, load_config(None), on_error="skip")
    db = folder / f"dask-{workers}-{time.monotonic_ns()}.duckdb"
    cpu0, start = client_cpu(), time.perf_counter()
    with EventStore.open(db, create=True, read_only=False) as store, dask_client(workers=workers) as client:
        register = client.register_plugin
        ready: list[float] = []

        def timed_register(*args, **kwargs):
            # ingest_dask registers the pipeline plugin, which returns once every worker loaded it.
            result = register(*args, **kwargs)
            ready.append(time.perf_counter())
            return result

        client.register_plugin = timed_register  # type: ignore[method-assign]
        report = ingest_dask(store, loader, articles, client=client, batch_size=batch_size, keep_going=True)
        done = time.perf_counter()
    end = time.perf_counter()
    return {
        "coding": done - ready[0],
        "load": ready[0] - start,
        "total": end - start,
        "events": report.events_written,
        "articles": report.articles_written,
        "client_cpu": client_cpu() - cpu0,
    }


def run_single(articles: list, batch_size: int, folder: Path) -> dict[str, float]:
    """Ingest ``articles`` in this process, as plain ``dyad ingest`` does."""
    start = time.perf_counter()
    with EventStore.open(folder / "single.duckdb", create=True, read_only=False) as store:
        pipeline = load_pipeline(on_error="skip")
        ready = time.perf_counter()
        report = ingest(store, pipeline, articles, batch_size=batch_size, keep_going=True)
        done = time.perf_counter()
    return {
        "coding": done - ready,
        "load": ready - start,
        "total": time.perf_counter() - start,
        "events": report.events_written,
        "articles": report.articles_written,
        "client_cpu": float("nan"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speed-up of dyad ingest --dask on 1 vs N local workers.")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON-lines articles")
    parser.add_argument("--limit", type=int, default=200, help="the first N articles")
    parser.add_argument("--batch-size", type=int, default=10, help="articles per batch (one Dask task)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="cluster sizes to run")
    parser.add_argument("--repeat", type=int, default=1, help="run the cluster sizes this many times")
    parser.add_argument("--single", action="store_true", help="also time the single-process ingest")
    args = parser.parse_args(argv)

    articles = list(
        islice((a for a in read_articles([args.corpus]) if not isinstance(a, Exception)), args.limit)
    )
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words; {os.cpu_count()} CPUs; batch size {args.batch_size}")
    print(f"{'run':<12} {'coding s':>9} {'art/s':>7} {'load s':>7} {'total s':>8} {'events':>7} "
          f"{'client cpu s':>12}  load avg before -> after")  # fmt: skip
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        runs = [("single", 0)] if args.single else []
        runs += [(f"{w} worker(s)", w) for _ in range(args.repeat) for w in args.workers]
        for label, workers in runs:
            before = load()
            result = (
                run_single(articles, args.batch_size, Path(folder))
                if workers == 0
                else run_dask(articles, workers, args.batch_size, Path(folder))
            )
            print(
                f"{label:<12} {result['coding']:9.2f} {result['articles'] / result['coding']:7.2f} "
                f"{result['load']:7.2f} {result['total']:8.2f} {result['events']:7.0f} "
                f"{result['client_cpu']:12.2f}  {before} -> {load()}",
                flush=True,
            )
            for key in ("coding", "total"):
                name = f"{workers}:{key}"
                best[name] = min(best.get(name, float("inf")), result[key])
    one = [w for w in args.workers if w == 1]
    for w in args.workers:
        if one and w != 1:
            coding = best["1:coding"] / best[f"{w}:coding"]
            total = best["1:total"] / best[f"{w}:total"]
            print(
                f"speed-up {w} workers vs 1 (best of {args.repeat}): coding {coding:.2f}x, total {total:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
