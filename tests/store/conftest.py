"""Store fixtures: a fresh database per test on each backend, and the coded examples.

| fixture | what |
|---|---|
| `db` | a new, empty store: a DuckDB file in tmp_path, or a fresh schema on the test |
|      | PostgreSQL server (parametrized: every test using it runs on both) |
| `postgres_db` | a fresh PostgreSQL schema only (for PostgreSQL-specific tests) |
| `coded_examples` | `../shared/examples/*.jsonl`, coded once: `[(Article, [record, ...])]` |
| `filled` | an `EventStore` on `db` holding `coded_examples` |
| `held_store` | `(path, process)`: a DuckDB file another running process holds open for writing |

The PostgreSQL server comes from `$DYAD_TEST_POSTGRES`, which `scripts/test` sets (through
`scripts/postgres`, which installs and starts a throwaway server). Without it the PostgreSQL
tests fail, loudly: a store test that did not run on PostgreSQL has not passed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from dyad.ingest import read_articles
from dyad.records import event_to_record
from dyad.store import EventStore

POSTGRES_ENV = "DYAD_TEST_POSTGRES"


def postgres_dsn() -> str:
    dsn = os.environ.get(POSTGRES_ENV)
    if not dsn:
        pytest.fail(
            f"${POSTGRES_ENV} is not set, so the PostgreSQL store tests cannot run. Run the suite "
            f"with scripts/test (it starts a throwaway PostgreSQL server), or wrap pytest in "
            f"scripts/postgres, or set {POSTGRES_ENV} to a server DSN",
            pytrace=False,
        )
    return dsn


def with_search_path(dsn: str, schema: str) -> str:
    # The store works in the connection's current schema, so a schema isolates a test.
    parts = urlsplit(dsn)
    option = f"options=-csearch_path%3D{schema}"
    return urlunsplit(parts._replace(query=f"{parts.query}&{option}" if parts.query else option))


@contextmanager
def new_postgres_database() -> Iterator[str]:
    """Yield the DSN of an empty schema on the test server (faster than a new database); drop it after."""
    import psycopg

    server = postgres_dsn()
    name = f"dyad_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
    try:
        yield with_search_path(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture(params=["duckdb", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "duckdb":
        yield str(tmp_path / "dyad.duckdb")
        return
    with new_postgres_database() as dsn:
        yield dsn


@pytest.fixture
def postgres_db():
    with new_postgres_database() as dsn:
        yield dsn


@pytest.fixture(scope="session")
def coded_examples(shared, pipeline):
    files = sorted((shared / "examples").glob("*.jsonl"))
    articles = list(read_articles(files))
    return [(article, [event_to_record(e) for e in events]) for article, events in pipeline.process(articles)]


@pytest.fixture
def filled(db, coded_examples):
    store = EventStore.open(db, create=True, read_only=False)
    store.write_batch(coded_examples[:3])
    store.write_batch(coded_examples[3:])
    yield store
    store.close()


@pytest.fixture
def held_store(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen]]:
    """Yield a DuckDB store file and the other process that holds it open for writing."""
    path = tmp_path / "busy.duckdb"
    EventStore.open(path, create=True, read_only=False).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, dyad.store as s; st = s.open_store(sys.argv[1], read_only=False); "
            "print('holding', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield path, holder
    finally:
        holder.kill()
        holder.wait()
