"""How much of extract time each stage takes, on the benchmark corpus.

Runs the full pipeline over the first N articles with each stage's call timed, and prints
each stage's share of the total (parse included): issue 3 bounds the actors stage at 10%,
issue 4 the geo and dates stages together at 15%. Also times a cold knowledge-base load and
a cold gazetteer load, each in a fresh process.
Run: ``.venv/bin/python bench/stage_times.py [--limit 300] [--corpus PATH]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import dyad
from dyad.evaluation import read_articles

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters21578.jsonl"
COLD_LOAD = (
    "import time; t = time.perf_counter(); from dyad.actors.knowledge import load_knowledge; "
    "i = time.perf_counter(); load_knowledge(); e = time.perf_counter(); "
    "print(f'{i - t:.3f} {e - i:.3f}')"
)

COLD_GAZETTEER = (
    "import time; t = time.perf_counter(); from dyad.geo.gazetteer import load_gazetteer; "
    "i = time.perf_counter(); load_gazetteer(); e = time.perf_counter(); "
    "print(f'{i - t:.3f} {e - i:.3f}')"
)


def main() -> None:
    """Print per-stage seconds and shares of the pipeline time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    imported, loaded = subprocess.run(
        [sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"cold knowledge-base load: {float(loaded):.3f}s (after {float(imported):.3f}s of imports)")
    imported, loaded = subprocess.run(
        [sys.executable, "-c", COLD_GAZETTEER], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"cold gazetteer load: {float(loaded):.3f}s (after {float(imported):.3f}s of imports)")
    articles = read_articles(args.corpus)[: args.limit]
    pipeline = dyad.load_pipeline()
    spent: dict[str, float] = defaultdict(float)
    pipeline.stages = [_Timed(stage, spent) for stage in pipeline.stages]
    started = time.perf_counter()
    n_events = sum(len(events) for _, events in pipeline.process(articles))
    total = time.perf_counter() - started
    print(f"{len(articles)} articles, {n_events} events, pipeline {total:.2f}s (parse included)")
    for name, seconds in spent.items():
        print(f"  {name:28s} {seconds:7.2f}s  {seconds / total:6.1%}")


class _Timed:
    """Call a stage and add the seconds it took to ``spent[stage.name]``."""

    def __init__(self, stage: Any, spent: dict[str, float]) -> None:
        self.stage = stage
        self.name = stage.name
        self.spent = spent

    def __call__(self, parsed: Any, events: Any) -> Any:
        started = time.perf_counter()
        try:
            return self.stage(parsed, events)
        finally:
            self.spent[self.name] += time.perf_counter() - started


if __name__ == "__main__":
    main()
