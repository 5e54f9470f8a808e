"""Measure dyad's throughput against a bare spaCy parse of the same texts.

Usage:
    .venv/bin/python bench/throughput.py [--corpus PATH] [--limit N] [--batch-size B] [--config FILE]

Runs, in one process and once each: spaCy's ``nlp.pipe`` over the texts, dyad's
``pipeline.process`` over the same articles, then spaCy again, so a drift between the two
spaCy runs (warm-up, memory growth) shows up instead of being charged to dyad.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import dyad
from dyad.evaluation import read_articles
from dyad.nlp import load_nlp

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"


def peak_rss_mb() -> float:
    """Return this process's peak resident set size so far, in MB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # macOS reports bytes, Linux kibibytes.
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024


def timed(run: Callable[[], Iterable[object]]) -> float:
    """Return the seconds it takes to exhaust the iterator ``run`` returns."""
    start = time.perf_counter()
    for _ in run():
        pass
    return time.perf_counter() - start


def report(label: str, seconds: float, n_articles: int, n_words: int) -> None:
    """Print one result line."""
    print(
        f"{label:<14} {seconds:8.2f} s  {n_articles / seconds:8.1f} articles/s  "
        f"{n_words / seconds:9.0f} words/s  peak RSS {peak_rss_mb():7.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its results."""
    parser = argparse.ArgumentParser(description="Measure dyad's throughput against a bare spaCy parse.")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON-lines articles")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles (default: all)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both runs")
    parser.add_argument("--config", type=Path, default=None, help="dyad config file (default: shipped)")
    args = parser.parse_args(argv)

    articles = read_articles(args.corpus)[: args.limit]
    texts = [article.text for article in articles]
    n_words = sum(len(text.split()) for text in texts)
    print(f"corpus {args.corpus}: {len(articles)} articles, {n_words} words, batch size {args.batch_size}")

    # Load both before timing, so neither run pays for model loading.
    nlp = load_nlp()
    pipeline = dyad.load_pipeline(args.config)
    print(f"stages: {', '.join(stage.name for stage in pipeline.stages) or '(none)'}")
    print(f"after loading: peak RSS {peak_rss_mb():.0f} MB")

    spacy_before = timed(lambda: nlp.pipe(texts, batch_size=args.batch_size))
    report("spaCy", spacy_before, len(articles), n_words)
    dyad_seconds = timed(lambda: pipeline.process(articles, batch_size=args.batch_size))
    report("dyad", dyad_seconds, len(articles), n_words)
    spacy_after = timed(lambda: nlp.pipe(texts, batch_size=args.batch_size))
    report("spaCy (again)", spacy_after, len(articles), n_words)

    print(
        f"dyad/spaCy time ratio: {dyad_seconds / spacy_before:.2f} (vs first spaCy run), "
        f"{dyad_seconds / spacy_after:.2f} (vs second)"
    )
    print(f"spaCy drift: {spacy_after / spacy_before - 1:+.1%}")
    pipeline.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
