"""The store commands end to end: ingest killed mid-run, events/stats/export, clear errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from dyad.cli import app
from dyad.ingest import read_articles
from dyad.store import EventStore, open_store
from dyad.store.runner import ingest

from .helpers import snapshot

runner = CliRunner()


def dyad_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "dyad", *args]


def first_articles(shared: Path, n: int, path: Path) -> Path:
    with (shared / "corpus" / "reuters21578.jsonl").open(encoding="utf-8") as lines:
        path.write_text("".join(next(lines) for _ in range(n)), "utf-8")
    return path


def test_ingest_killed_midway_then_rerun_equals_an_uninterrupted_run(shared, tmp_path, pipeline):
    source = first_articles(shared, 16, tmp_path / "articles.jsonl")
    reference, killed = tmp_path / "reference.duckdb", tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    victim = subprocess.Popen(
        dyad_command("ingest", str(source), "--db", str(killed), "--batch-size", "2", "--verbose"),
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    for line in victim.stderr:
        if "committed batch 1:" in line:
            break
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert victim.returncode == -signal.SIGKILL
    # The uninterrupted run, in this process (the same code the command runs), while the
    # killed one was loading: what the rerun must end with.
    with EventStore.open(reference, create=True, read_only=False) as store:
        ingest(store, pipeline, read_articles([source]), batch_size=2)
        expected = snapshot(store)
    with open_store(killed) as store:
        partial = snapshot(store)
        stored_events = store.query(status="all", historical="include")
    # Killed midway: some articles, each one whole (all its events, as the full run has them).
    assert 0 < len(partial["articles"]) < len(expected["articles"])
    assert {repr(row) for row in partial["articles"]} <= {repr(row) for row in expected["articles"]}
    assert {repr(row) for row in partial["events"]} <= {repr(row) for row in expected["events"]}
    n_events = {row[0]: row[7] for row in partial["articles"]}  # article_id -> n_events
    assert stored_events.group_by("article_id").len().height <= len(n_events)
    for article_id, n in n_events.items():
        assert stored_events.filter(pl.col("article_id") == article_id).height == n

    rerun = subprocess.run(
        dyad_command("ingest", str(source), "--db", str(killed), "--batch-size", "2"),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "unchanged and skipped" in rerun.stderr
    with open_store(killed) as store:
        assert snapshot(store) == expected


def filled_file(tmp_path: Path, coded_examples) -> Path:
    path = tmp_path / "dyad.duckdb"
    with EventStore.open(path, create=True, read_only=False) as store:
        store.write_batch(coded_examples)
    return path


def test_events_command_filters_and_formats(tmp_path, coded_examples):
    db = str(filled_file(tmp_path, coded_examples))
    table = runner.invoke(app, ["events", "--db", db, "--type", "ASSAULT", "--actor-country", "IRQ"])
    assert table.exit_code == 0, table.output
    assert "ASSAULT" in table.output and "IRQ" in table.output and "ACCUSE" not in table.output
    jsonl = runner.invoke(app, ["events", "--db", db, "--status", "demanded", "--format", "jsonl"])
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert records and {r["status"] for r in records} == {"demanded"}
    parquet = tmp_path / "e.parquet"
    result = runner.invoke(app, ["events", "--db", db, "--format", "parquet", "-o", str(parquet)])
    assert result.exit_code == 0 and pl.read_parquet(parquet).height == open_store(db).query().height
    no_file = runner.invoke(app, ["events", "--db", db, "--format", "parquet"])
    assert no_file.exit_code == 2 and "-o FILE.parquet" in no_file.output


def test_stats_and_export_commands(tmp_path, coded_examples, monkeypatch):
    path = filled_file(tmp_path, coded_examples)
    monkeypatch.setenv("DYAD_DB", str(path))  # no --db: the environment names the store
    stats = runner.invoke(app, ["stats", "--by", "week", "--by", "dyad", "--format", "csv"])
    assert stats.exit_code == 0, stats.output
    frame = pl.read_csv(stats.stdout.encode(), try_parse_dates=True)
    assert frame.columns[:3] == ["week", "actor_country", "recipient_country"]
    dated = open_store(path).query().filter(pl.col("date_granularity").is_in(["day", "week"]))
    assert frame["events"].sum() == dated.height
    acled = runner.invoke(app, ["export", "--format", "acled"])
    assert acled.exit_code == 0
    assert acled.stdout.startswith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")
    geojson = runner.invoke(app, ["export", "--format", "geojson", "--type", "ASSAULT"])
    features = json.loads(geojson.stdout)["features"]
    assert geojson.exit_code == 0 and features and {f["properties"]["type"] for f in features} == {"ASSAULT"}


def test_issue12_events_command_writes_every_export_format(tmp_path, coded_examples):
    db = str(filled_file(tmp_path, coded_examples))
    gdelt = runner.invoke(app, ["events", "--db", db, "--format", "gdelt", "--header", "--type", "ASSAULT"])
    assert gdelt.exit_code == 0, gdelt.output
    header, *rows = gdelt.stdout.splitlines()
    assert (
        header.split("\t")[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"] and len(header.split("\t")) == 61
    )
    assert rows and all(row.split("\t")[28] == "18" for row in rows if row.split("\t")[26].startswith("18"))
    acled = runner.invoke(app, ["events", "--db", db, "--format", "acled", "-o", str(tmp_path / "a.csv")])
    assert acled.exit_code == 0 and pl.read_csv(tmp_path / "a.csv").width == 31


def test_issue12_ingest_quiet_prints_errors_only(tmp_path):
    source = tmp_path / "in.jsonl"
    good = {"id": "ok", "published": "2023-12-11", "text": "Iraqi MPs urged the government to expel them."}
    source.write_text(json.dumps(good) + "\n{broken\n", "utf-8")
    loud = runner.invoke(app, ["ingest", str(source), "--db", str(tmp_path / "a.duckdb"), "--keep-going"])
    quiet = runner.invoke(
        app, ["ingest", str(source), "--db", str(tmp_path / "b.duckdb"), "--keep-going", "-q"]
    )
    assert loud.exit_code == quiet.exit_code == 1
    assert "event(s) stored" in loud.stderr and "event(s) stored" not in quiet.stderr
    assert "see the failures table" not in quiet.stderr
    assert [line for line in quiet.stderr.splitlines() if line.startswith("error:")] == [
        line for line in loud.stderr.splitlines() if line.startswith("error:")
    ]
    assert open_store(tmp_path / "b.duckdb").query(status="all").height > 0


def test_bad_filter_is_one_line_not_a_traceback(tmp_path, coded_examples):
    db = str(filled_file(tmp_path, coded_examples))
    result = runner.invoke(app, ["events", "--db", db, "--type", "BOMBING"])
    assert result.exit_code == 2
    assert "bad type filter 'BOMBING'" in result.output and "Traceback" not in result.output


def test_locked_store_message_from_the_command_line(held_store):
    path, holder = held_store
    result = runner.invoke(app, ["stats", "--db", str(path), "--by", "type"])
    assert result.exit_code == 2
    assert f"in use by another process: PID {holder.pid}" in result.output
    assert "Traceback" not in result.output


def test_foreign_file_is_refused_by_ingest(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", "utf-8")
    result = runner.invoke(app, ["ingest", "-", "--db", str(notes)], input="")
    assert result.exit_code == 2 and "not a dyad store" in result.output
    assert notes.read_text("utf-8") == "not a database"
