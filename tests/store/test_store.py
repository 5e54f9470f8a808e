"""Writing the store: exactly-once batches, changed articles, refusing what is not a store."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from dyad.errors import StoreError, StoreLockedError
from dyad.ingest import read_articles
from dyad.store import EventStore, open_store
from dyad.store.runner import ingest, recode
from dyad.store.schema import SCHEMA_VERSION
from dyad.store.store import dyad_version

from .helpers import snapshot


def test_store_reingest_adds_nothing(db, pipeline, shared):
    files = sorted((shared / "examples").glob("reuters*.jsonl"))
    with EventStore.open(db, create=True, read_only=False) as store:
        first = ingest(store, pipeline, read_articles(files), batch_size=2)
        before = snapshot(store)
        second = ingest(store, pipeline, read_articles(files), batch_size=2)
        assert snapshot(store) == before
        assert store.articles()["ingested_at"].n_unique() >= 1
    assert first.articles_written == len(files) and first.events_written > 0
    assert second.articles_unchanged == len(files)
    assert (second.articles_written, second.events_written) == (0, 0)
    assert len(before["articles"]) == len(files)


def test_store_changed_text_replaces_its_events(db, pipeline, load_example):
    article = load_example("reuters21578-8440")
    with EventStore.open(db, create=True, read_only=False) as store:
        ingest(store, pipeline, [article])
        old = set(store.query(status="all", historical="include")["event_id"])
        # The correction drops the paragraphs after the first: its later events must go.
        first_paragraph = article.text.split("\n    ")[0] + "\n"
        changed = replace(article, text=first_paragraph)
        report = ingest(store, pipeline, [changed])
        stored = store.query(status="all", historical="include")
        stored_text = store.backend.execute("SELECT text FROM articles")
    assert report.articles_written == 1 and report.articles_unchanged == 0
    expected = {e.event_id for e in pipeline.extract(changed)}
    assert set(stored["event_id"]) == expected
    assert len(expected) < len(old)
    assert stored_text == [(first_paragraph,)]


def test_store_failures_are_recorded_once(db, pipeline, tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text(
        '{"id": "ok", "text": "Iraqi MPs urged the government to expel US forces."}\n'
        '{"id": "broken", "text": \n',
        "utf-8",
    )
    with EventStore.open(db, create=True, read_only=False) as store:
        for _ in range(2):
            report = ingest(store, pipeline, read_articles([source]), keep_going=True)
        failures = store.failures()
        assert store.count("articles") == 1
    assert len(report.failures) == 1
    assert failures.height == 1
    assert failures["record"][0] == f"{source}:2" and failures["stage"][0] == "ingest"


def test_store_recode_keeps_the_rows(db, pipeline, shared):
    with EventStore.open(db, create=True, read_only=False) as store:
        ingest(store, pipeline, read_articles([shared / "examples" / "reuters21578-9208.jsonl"]))
        before = snapshot(store)
        report = recode(store, pipeline)
        assert snapshot(store) == before
    assert report.articles_written == 1 and report.events_written == len(before["events"])


def test_store_read_commands_do_not_create_a_store(tmp_path):
    missing = tmp_path / "nothing.duckdb"
    with pytest.raises(StoreError, match="no dyad store at"):
        open_store(missing)
    assert not missing.exists()


def test_store_refuses_a_text_file_and_leaves_it_alone(tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("my field notes, not a database\n", "utf-8")
    with pytest.raises(StoreError, match="not a dyad store") as error:
        EventStore.open(notes, create=True, read_only=False)
    assert "leaves it untouched" in str(error.value)
    assert notes.read_text("utf-8") == "my field notes, not a database\n"


def test_store_refuses_a_foreign_duckdb_file(tmp_path):
    foreign = tmp_path / "other.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE events (id INTEGER, what VARCHAR)")
        con.execute("INSERT INTO events VALUES (1, 'theirs')")
    with pytest.raises(StoreError, match="no dyad version marker"):
        EventStore.open(foreign, create=True, read_only=False)
    with duckdb.connect(str(foreign), read_only=True) as con:
        assert con.execute("SELECT * FROM events").fetchall() == [(1, "theirs")]
        assert [t for (t,) in con.execute("SHOW TABLES").fetchall()] == ["events"]


def test_store_refuses_a_foreign_postgres_database(postgres_db):
    import psycopg

    db = postgres_db
    with psycopg.connect(db, autocommit=True) as con:
        con.execute("CREATE TABLE events (id INTEGER)")
    with pytest.raises(StoreError, match="not a dyad store"):
        EventStore.open(db, create=True, read_only=False)
    with psycopg.connect(db) as con:
        tables = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        assert [t for (t,) in tables] == ["events"]


def test_store_locked_file_names_the_holder(held_store):
    path, holder = held_store
    with pytest.raises(StoreLockedError) as error:
        open_store(path)
    assert error.value.pid == holder.pid
    message = str(error.value)
    assert f"PID {holder.pid}" in message and "open_store" in message  # the holder's command line
    assert f"kill {holder.pid}" in message and "one writer at a time" in message


def test_store_marker_and_version_are_written(db):
    with EventStore.open(db, create=True, read_only=False) as store:
        meta = dict(store.backend.execute("SELECT key, value FROM dyad_meta"))
    assert meta["format"] == "dyad-store" and meta["schema_version"] == SCHEMA_VERSION == "2"
    reopened = open_store(db)
    reopened.close()


def test_store_dyad_version_and_rule_on_every_event(filled, coded_examples):
    frame = filled.query(status="all", historical="include")
    assert set(frame["dyad_version"]) == {dyad_version()}
    rules = {r["event_id"]: r["rule"] for _, records in coded_examples for r in records}
    assert dict(frame.select("event_id", "rule").iter_rows()) == rules
    assert frame["rule"].null_count() == 0


def test_store_path_is_a_string_or_path(tmp_path):
    EventStore.open(Path(tmp_path / "a.duckdb"), create=True, read_only=False).close()
    open_store(str(tmp_path / "a.duckdb")).close()


def test_store_never_imports_spacy():
    # House rule: stored events are plain data; the store, its CLI and exports run without spaCy.
    import ast

    import dyad.store

    package = Path(dyad.store.__file__).parent
    for module in [*package.glob("*.py"), package.parent / "cli" / "store.py"]:
        tree = ast.parse(module.read_text("utf-8"))
        imported = [
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        ]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if name.split(".")[0] == "spacy"], module
    probe = "import sys, dyad.store.runner, dyad.store.exports; print('spacy' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip()
        == "False"
    )
