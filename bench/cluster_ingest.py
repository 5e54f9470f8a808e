"""What event clustering costs at ingest: write_batch with and without it, and a full recluster.

    .venv/bin/python bench/cluster_ingest.py --records events.jsonl [--articles N] [--batch-size 32]

``--records`` is ``dyad extract`` output for ``../shared/corpus/reuters21578.jsonl`` (coding is
not what is measured here, so it is done once, beforehand: ``dyad extract CORPUS -o events.jsonl``).
The same batches are written into two fresh DuckDB stores, one clustering at ingest and one
not; then the first store is reclustered from scratch. Times are wall-clock on this machine.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from dyad.model import Article
from dyad.store import EventStore

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters21578.jsonl"


def _articles(limit: int | None) -> list[Article]:
    articles = []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            published = datetime.fromisoformat(r["date"]).replace(tzinfo=UTC) if r.get("date") else None
            articles.append(Article(id=r["id"], text=r["text"], title=r["title"], published_at=published,
                                    source=r.get("source")))  # fmt: skip
            if limit and len(articles) >= limit:
                break
    return articles


def _records(path: Path) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        if record["event_id"] not in seen:
            seen.add(record["event_id"])
            by_article[record["article_id"]].append(record)
    return by_article


def _ingest(db: Path, batches: list[list[tuple[Article, list[dict]]]], *, cluster: bool) -> float:
    started = time.perf_counter()
    with EventStore.open(db, create=True, read_only=False) as store:
        for batch in batches:
            store.write_batch(batch, cluster=cluster)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    records = _records(args.records)
    coded = [(a, records.get(a.id, [])) for a in _articles(args.articles)]
    batches = [coded[i : i + args.batch_size] for i in range(0, len(coded), args.batch_size)]
    n_events = sum(len(r) for _, r in coded)
    with tempfile.TemporaryDirectory() as tmp:
        plain = _ingest(Path(tmp) / "plain.duckdb", batches, cluster=False)
        clustered = _ingest(Path(tmp) / "clustered.duckdb", batches, cluster=True)
        with EventStore.open(Path(tmp) / "clustered.duckdb", read_only=False) as store:
            started = time.perf_counter()
            n_clusters = store.recluster()
            recluster = time.perf_counter() - started
    print(f"{len(coded)} articles, {n_events} events, batches of {args.batch_size}")  # noqa: T201
    print(f"write_batch without clustering {plain:.2f} s, with {clustered:.2f} s "  # noqa: T201
          f"(+{(clustered - plain) / max(len(coded), 1) * 1000:.1f} ms per article)")  # fmt: skip
    print(f"recluster: {n_clusters} clusters in {recluster:.2f} s")  # noqa: T201


if __name__ == "__main__":
    main()
