"""Shared fixtures: the shared reference folder beside the repo and one loaded pipeline.

| fixture    | what                                                      |
|------------|-----------------------------------------------------------|
| `shared`   | Path to ../shared (gold sets, examples), as CI has it     |
| `pipeline` | `dyad.load_pipeline()` with the shipped config, built once |
| `load_example` | function: example name → `Article` of ../shared/examples/NAME.jsonl |
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import dyad

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def pipeline() -> dyad.Pipeline:
    return dyad.load_pipeline()


def _load_example(name: str) -> dyad.Article:
    """Return the article of ``../shared/examples/NAME.jsonl``."""
    record = json.loads((SHARED / "examples" / f"{name}.jsonl").read_text("utf-8").splitlines()[0])
    published = datetime.fromisoformat(record["published"]).replace(tzinfo=UTC)
    return dyad.Article(id=record["id"], text=record["text"], title=record["title"], published_at=published)


@pytest.fixture(scope="session")
def load_example():
    """Return a function: example name → its ``Article``."""
    return _load_example
