"""``dyad ingest --dask`` on a LocalCluster of worker processes: the store ends as a single-process ingest's.

The cluster of 2 workers is started once for the module; each run loads the pipeline on both
(a few seconds). DuckDB only: the writer is ``EventStore.write_batch``, which the other store
tests run on both databases.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import cloudpickle
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from dyad.cli import app
from dyad.config import Config, load_config
from dyad.errors import ConfigError, IngestError
from dyad.ingest import read_articles
from dyad.pipeline import load_pipeline
from dyad.store import EventStore
from dyad.store.dask_runner import ingest_dask
from dyad.store.runner import ingest

from .helpers import snapshot

runner = CliRunner()
# The workers cannot import this test module: send its helpers by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def inputs(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The examples, and a file of two bad records between two good ones."""
    bad = tmp_path_factory.mktemp("inputs") / "mixed.jsonl"
    good = {"id": "ok-1", "published": "2023-12-11", "text": "Iraqi MPs urged the government to expel them."}
    bad.write_text(
        "\n".join(
            [
                json.dumps(good),
                '{"id": "broken", "text": "a',
                '{"id": "no-text"}',
                json.dumps({**good, "id": "ok-2"}),
            ]
        )
        + "\n",
        "utf-8",
    )
    return [*sorted((shared / "examples").glob("*.jsonl")), bad]


def single_process(pipeline, paths: list[Path], db: Path, **options) -> dict[str, list[tuple]]:
    with EventStore.open(db, create=True, read_only=False) as store:
        ingest(store, pipeline, read_articles(paths), **options)
        return snapshot(store)


class KillOnce:
    """A loader whose pipeline kills its worker process on the batch holding ``victim``, the first time."""

    def __init__(self, victim: str, marker: Path) -> None:
        self.victim, self.marker = victim, marker

    def __call__(self) -> KillingCoder:
        return KillingCoder(load_pipeline(), self.victim, self.marker)


class KillingCoder:
    def __init__(self, coder, victim: str, marker: Path) -> None:
        self.coder, self.victim, self.marker = coder, victim, marker

    @property
    def failures(self):
        return self.coder.failures

    def process(self, articles):
        articles = list(articles)
        if any(a.id == self.victim for a in articles) and not self.marker.exists():
            self.marker.write_text(str(os.getpid()))
            os._exit(1)  # as a worker killed mid-batch dies: no cleanup, no result
        return self.coder.process(articles)

    def close(self) -> None:
        self.coder.close()


def test_dask_runner_cli_on_a_cluster_equals_single_process(client, inputs, pipeline, tmp_path):
    db = tmp_path / "dask.duckdb"
    result = runner.invoke(
        app,
        ["ingest", *map(str, inputs), "--db", str(db), "--keep-going", "--batch-size", "2"]
        + ["--scheduler", client.cluster.scheduler_address],
    )
    assert result.exit_code == 1, result.output  # the two bad records
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert (
        f"{inputs[-1]}:2: not valid JSON" in errors[0]
        and f"{inputs[-1]}:3: record has no 'text'" in errors[1]
    )
    with EventStore.open(db) as store:
        got = snapshot(store)
    expected = single_process(pipeline, inputs, tmp_path / "one.duckdb", batch_size=2, keep_going=True)
    assert len(got["articles"]) == 17 and len(got["events"]) > 100 and len(got["failures"]) == 2
    assert got == expected


def test_dask_runner_killed_worker_batch_lands_exactly_once(client, inputs, pipeline, tmp_path):
    paths = inputs[:-1]
    victim = "iraq-mps-coalition"
    marker = tmp_path / "killed.pid"
    with EventStore.open(tmp_path / "dask.duckdb", create=True, read_only=False) as store:
        report = ingest_dask(
            store, KillOnce(victim, marker), read_articles(paths), client=client, batch_size=2
        )
        got = snapshot(store)
        n_events = store.count("events")
        distinct = store.backend.execute("SELECT COUNT(DISTINCT event_id) FROM events")[0][0]
    killed = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)  # that worker process is gone
    assert report.articles_written == 15 and report.batches == 8
    assert n_events == distinct == report.events_written
    assert got == single_process(pipeline, paths, tmp_path / "one.duckdb", batch_size=2)


def test_dask_runner_bad_config_fails_on_the_workers_before_any_batch(client, inputs, tmp_path):
    settings = load_config(None)
    broken = Config(nlp=settings.nlp, stages=("coding.nonexistent.v1",))
    with (
        EventStore.open(tmp_path / "dask.duckdb", create=True, read_only=False) as store,
        pytest.raises(ConfigError, match="unknown stage 'coding.nonexistent.v1'"),
    ):
        ingest_dask(store, partial(load_pipeline, broken), read_articles(inputs[:2]), client=client)
    with EventStore.open(tmp_path / "dask.duckdb") as store:
        assert store.count("articles") == 0
    # The failed plugin is gone: a worker that restarts later does not try it again.
    plugins = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins))
    assert not [name for name in plugins if name.startswith("dyad-pipeline-")]


def test_dask_runner_local_cluster_stops_at_a_bad_record_like_single_process(inputs, pipeline, tmp_path):
    mixed = inputs[-1]
    db = tmp_path / "dask.duckdb"
    result = runner.invoke(app, ["ingest", str(mixed), "--db", str(db), "--dask", "--workers", "1"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {mixed}:2: not valid JSON")
    with EventStore.open(db) as store:
        got = snapshot(store)
    with pytest.raises(IngestError, match="not valid JSON"):
        single_process(pipeline, [mixed], tmp_path / "one.duckdb")
    with EventStore.open(tmp_path / "one.duckdb") as store:
        assert [row[0] for row in got["articles"]] == ["ok-1"] and got == snapshot(store)


def test_dask_runner_workers_needs_a_local_cluster(tmp_path):
    alone = runner.invoke(app, ["ingest", "x.jsonl", "--db", str(tmp_path / "a.duckdb"), "--workers", "2"])
    remote = runner.invoke(
        app, ["ingest", "x.jsonl", "--dask", "--scheduler", "tcp://h:8786", "--workers", "2"]
    )
    assert alone.exit_code == remote.exit_code == 2
    assert "--workers sizes the local Dask cluster" in alone.stderr and "add --dask" in alone.stderr
    assert "leave out --workers" in remote.stderr
    assert not (tmp_path / "a.duckdb").exists()
