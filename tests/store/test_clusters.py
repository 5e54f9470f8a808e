"""Event clusters in the store: set at ingest, recomputed on demand, read merged, exported.

The reports are Reuters-21578 sentences of the 1987 tanker war with hand-coded fields
(``tests/cluster/records.py``); every test runs on DuckDB and on PostgreSQL.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pandas as pd
import polars as pl
from tests.cluster.test_clusterer import KHARK5_FIRST, KHARK5_LATER, PAMIT, ROSTAM, ROSTAM_MISREAD
from typer.testing import CliRunner

from dyad.cli import app
from dyad.model import Article
from dyad.store import EventQuery, EventStore
from dyad.store.exports import GDELT_COLUMNS, export

runner = CliRunner()


def _coded(record: dict, published: str, source: str = "Reuters") -> tuple[Article, list[dict]]:
    article = Article(
        id=record["article_id"],
        text=record["evidence"]["sentence"],
        published_at=datetime.fromisoformat(published).replace(tzinfo=UTC),
        source=source,
    )
    return article, [{**record, "cameo": "190", "quad": "material conflict", "score": -10.0}]


def _fill(db: str) -> EventStore:
    store = EventStore.open(db, create=True, read_only=False)
    store.write_batch([_coded(KHARK5_FIRST, "1987-03-18T07:32:50")])
    # Five days later, another article reports the same attack, and one reports another.
    store.write_batch(
        [_coded(KHARK5_LATER, "1987-03-23T09:02:11", "Reuters London"), _coded(PAMIT, "1987-04-29T12:54:50")]
    )
    return store


def test_store_ingest_joins_a_later_report_to_the_stored_event(db):
    with _fill(db) as store:
        rows = store.query(status="all").select("event_id", "cluster_id").rows()
        first, later, pamit = KHARK5_FIRST["event_id"], KHARK5_LATER["event_id"], PAMIT["event_id"]
        assert dict(rows) == {first: first, later: first, pamit: pamit}


def test_store_clusters_is_one_row_per_event_with_its_sources(db):
    with _fill(db) as store:
        events = store.clusters(type="ASSAULT")
        assert events["cluster_id"].to_list() == [KHARK5_FIRST["event_id"], PAMIT["event_id"]]
        khark5 = events.row(0, named=True)
        assert (khark5["n_mentions"], khark5["n_articles"], khark5["n_sources"]) == (2, 2, 2)
        # The most precise place of the two reports: Kharg island, not the Gulf.
        assert khark5["location_name"] == "Kharg island" and str(khark5["event_date"]) == "1987-03-08"
        assert store.clusters(EventQuery(limit=1)).height == 1


def test_store_recluster_recomputes_the_same_clusters(db):
    with _fill(db) as store:
        before = store.query(status="all").select("event_id", "cluster_id").sort("event_id")
        store.backend.execute("UPDATE events SET cluster_id = NULL")
        assert store.recluster() == 2
        assert store.query(status="all").select("event_id", "cluster_id").sort("event_id").equals(before)


def test_issue14_store_ingest_reads_back_a_misread_date_by_its_report_day(db):
    # 20 October 1987: "shelled ... on Monday" was coded 1987-10-26, after its report, so it
    # counts as the report's day; the next article's Monday the 19th must still find it.
    with EventStore.open(db, create=True, read_only=False) as store:
        store.write_batch([_coded(ROSTAM_MISREAD, "1987-10-20T07:31:15")])
        store.write_batch([_coded(ROSTAM, "1987-10-20T07:51:30")])
        incremental = dict(store.query(status="all").select("event_id", "cluster_id").rows())
        store.backend.execute("UPDATE events SET cluster_id = NULL")
        store.recluster()
        batch = dict(store.query(status="all").select("event_id", "cluster_id").rows())
    shelled, blasted = ROSTAM_MISREAD["event_id"], ROSTAM["event_id"]
    assert batch == {shelled: shelled, blasted: shelled}
    assert incremental == batch


def test_store_gdelt_export_counts_mentions_articles_and_sources_of_the_event(db):
    with _fill(db) as store:
        out = io.BytesIO()
        assert export(store, "gdelt", out, EventQuery(types=("ASSAULT",))) == 2
    df = pd.read_csv(io.BytesIO(out.getvalue()), sep="\t", header=None, names=list(GDELT_COLUMNS))
    khark5 = df[df["SQLDATE"] == 19870308].iloc[0]
    assert (khark5["NumMentions"], khark5["NumArticles"], khark5["NumSources"]) == (2, 2, 2)
    assert khark5["GLOBALEVENTID"] == int(KHARK5_FIRST["event_id"][:15], 16)
    assert df[df["SQLDATE"] == 19870429]["NumArticles"].tolist() == [1]


def test_cli_events_clusters_and_cluster_command(db):
    _fill(db).close()
    table = runner.invoke(app, ["events", "--db", db, "--clusters"])
    assert table.exit_code == 0, table.output
    assert "Kharg" in table.output and "n_articles" in table.output
    lines = runner.invoke(app, ["events", "--db", db, "--clusters", "--format", "jsonl"])
    assert lines.exit_code == 0 and len(lines.stdout.splitlines()) == 2
    refused = runner.invoke(app, ["events", "--db", db, "--clusters", "--format", "gdelt"])
    assert refused.exit_code == 2 and "--clusters writes" in refused.output
    recomputed = runner.invoke(app, ["cluster", "--db", db])
    assert recomputed.exit_code == 0 and "3 event mention(s) in 2 event(s)" in recomputed.output


def _corpus_articles(shared, ids: set[str]) -> list[Article]:
    from dyad.ingest import read_articles

    return [a for a in read_articles([shared / "corpus" / "reuters21578.jsonl"]) if a.id in ids]


def test_store_ingest_of_coded_reuters_reports_joins_one_tanker_attack(db, shared, pipeline):
    from dyad.store.runner import ingest

    # March 18 and March 23, 1987: both tell of the last confirmed Iraqi attack, on the tanker
    # Khark-5 on March 8; the second also of the March 23 raids on a supertanker and Kharg.
    articles = _corpus_articles(shared, {"reuters21578:6404", "reuters21578:8440"})
    with EventStore.open(db, create=True, read_only=False) as store:
        ingest(store, pipeline, articles, batch_size=1)
        rows = store.query(type="ASSAULT").to_dicts()
        khark5 = [r for r in rows if r["date_value"] == "1987-03-08" and r["trigger_text"] == "attack"]
        assert {r["article_id"] for r in khark5} == {"reuters21578:6404", "reuters21578:8440"}
        assert len({r["cluster_id"] for r in khark5}) == 1
        march23 = [
            r for r in rows if r["article_id"] == "reuters21578:8440" and r["date_value"] == "1987-03-23"
        ]
        assert march23 and not {r["cluster_id"] for r in march23} & {khark5[0]["cluster_id"]}
        event = store.clusters(type="ASSAULT").filter(pl.col("cluster_id") == khark5[0]["cluster_id"])
        assert event["n_articles"].to_list() == [2] and str(event["event_date"][0]) == "1987-03-08"
