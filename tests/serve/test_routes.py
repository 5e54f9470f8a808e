"""The HTTP API over a real store of the coded examples: the same answers as the store, one error shape."""

from __future__ import annotations

import io
import json

import polars as pl
import pytest
from fastapi.testclient import TestClient

from dyad.errors import StoreError
from dyad.serve import ServeSettings, create_app
from dyad.serve.limits import MAX_PAGE
from dyad.store import EventQuery, open_store
from dyad.store.exports import export


def assert_error(response, status: int, *words: str) -> dict:
    body = response.json()
    assert response.status_code == status, body
    assert set(body) <= {"ok", "status", "error", "hint"} and body["ok"] is False and body["status"] == status
    for word in words:
        assert word in body["error"], body["error"]
    return body


def test_routes_events_match_the_store_query_for_the_same_filters(client, served_db) -> None:
    response = client.get("/api/events", params={"type": "ASSAULT", "location_country": "UKR", "limit": 1000})
    body = response.json()
    assert response.status_code == 200 and body["ok"] is True
    with open_store(served_db) as store:
        expected = store.query(EventQuery.from_params({"type": "ASSAULT", "location_country": "UKR"}))
    assert [e["event_id"] for e in body["events"]] == expected["event_id"].to_list()
    assert body["n"] == expected.height > 0
    assert {e["type"] for e in body["events"]} == {"ASSAULT"}
    assert all("UKR" in e["location_countries"] for e in body["events"])


def test_routes_events_lists_take_repeated_or_comma_separated_values(client) -> None:
    repeated = client.get("/api/events?type=ASSAULT&type=PROTEST&limit=1000").json()
    commas = client.get("/api/events?type=ASSAULT,PROTEST&limit=1000").json()
    assert repeated["events"] == commas["events"]
    assert {e["type"] for e in repeated["events"]} == {"ASSAULT", "PROTEST"}


def test_routes_events_pages_follow_the_store_order(client) -> None:
    everything = client.get("/api/events", params={"limit": MAX_PAGE}).json()["events"]
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": first["next_offset"]}).json()
    assert first["next_offset"] == 5
    assert [e["event_id"] for e in first["events"] + second["events"]] == [
        e["event_id"] for e in everything[:10]
    ]
    last = client.get("/api/events", params={"limit": 5, "offset": len(everything) - 2}).json()
    assert last["n"] == 2 and last["next_offset"] is None


def test_routes_page_size_is_capped(client) -> None:
    assert_error(client.get("/api/events", params={"limit": MAX_PAGE + 1}), 422, "limit")
    assert_error(client.get("/api/events", params={"limit": "many"}), 422, "limit", "'many'")


def test_routes_bad_filter_values_are_400_naming_the_value_and_the_fix(client) -> None:
    body = assert_error(client.get("/api/events", params={"type": "ATTACK"}), 400, "'ATTACK'", "ASSAULT")
    assert "type" in body["error"]
    assert_error(client.get("/api/events", params={"since": "last week"}), 400, "'last week'", "YYYY-MM-DD")
    assert_error(client.get("/api/stats", params={"by": "week", "actor_country": "Iraq"}), 400, "IRQ")


def test_routes_unknown_parameters_are_refused_not_ignored(client) -> None:
    body = assert_error(client.get("/api/events", params={"actor_contry": "IRQ"}), 400, "'actor_contry'")
    assert "actor_country" in body["error"]


def test_routes_one_event_has_its_record_article_and_evidence_offsets(client) -> None:
    listed = client.get("/api/events", params={"type": "ASSAULT", "text": "Kharg", "limit": 1}).json()[
        "events"
    ][0]
    body = client.get(f"/api/events/{listed['event_id']}").json()
    event, article = body["event"], body["article"]
    assert event["event_id"] == listed["event_id"] and body["row"]["event_id"] == listed["event_id"]
    text = article["text"]
    evidence = event["evidence"]
    assert text[evidence["trigger_start"] : evidence["trigger_end"]] == evidence["trigger"]
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    for actor in event["actor"]:
        assert text[actor["start"] : actor["end"]] == actor["text"]
    assert event["rule"] and article["article_id"] == event["article_id"]


def test_routes_an_unknown_event_is_404(client) -> None:
    assert_error(client.get("/api/events/no-such-event"), 404, "'no-such-event'")
    assert_error(client.get("/api/nothing-here"), 404, "/api/nothing-here")


def test_routes_stats_are_the_store_stats(client, served_db) -> None:
    body = client.get("/api/stats", params=[("by", "month"), ("by", "type"), ("measure", "events")]).json()
    with open_store(served_db) as store:
        expected = store.stats(["month", "type"], EventQuery(), measures=["events"])
    assert body["by"] == ["month", "type"] and not body["truncated"]
    assert [(r["month"], r["type"], r["events"]) for r in body["rows"]] == [
        (m.isoformat(), t, n) for m, t, n in expected.iter_rows()
    ]
    assert_error(client.get("/api/stats", params={"by": "weekday"}), 422, "weekday")
    assert_error(client.get("/api/stats", params=[("by", "actor"), ("by", "actor_name")]), 400, "actor_name")


def test_routes_places_are_points_with_precision_and_count_every_event(client) -> None:
    body = client.get("/api/places", params={"type": "ASSAULT"}).json()
    n_events = client.get("/api/events", params={"type": "ASSAULT", "limit": MAX_PAGE}).json()["n"]
    assert sum(r["events"] for r in body["rows"]) + body["unlocated"] == n_events
    kyiv_or_any = body["rows"][0]
    assert {"latitude", "longitude", "geo_precision", "location_name"} <= set(kyiv_or_any)
    assert {r["geo_precision"] for r in body["rows"]} <= {"point", "town", "admin1", "country"}
    counts = [r["events"] for r in body["rows"]]
    assert counts == sorted(counts, reverse=True)


def test_routes_actors_and_dyads_count_the_events(client) -> None:
    actors = client.get("/api/actors", params={"role": "recipient", "limit": 5}).json()
    assert actors["role"] == "recipient" and len(actors["rows"]) == 5 and actors["truncated"]
    assert {"recipient_name", "recipient_country", "recipient_sector", "events"} <= set(actors["rows"][0])
    dyads = client.get("/api/dyads").json()["rows"]
    assert any(r["actor_country"] == "RUS" and r["recipient_country"] == "UKR" for r in dyads)
    assert_error(client.get("/api/actors", params={"role": "speaker"}), 422, "role")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "cameo", "acled", "gdelt", "geojson"])
def test_routes_exports_are_the_bytes_dyad_export_writes(client, served_db, fmt) -> None:
    response = client.get("/api/export", params={"format": fmt, "type": "ASSAULT"})
    assert response.status_code == 200
    expected = io.BytesIO()
    with open_store(served_db) as store:
        n = export(store, fmt, expected, EventQuery.from_params({"type": "ASSAULT"}))
    assert response.content == expected.getvalue() and int(response.headers["x-dyad-rows"]) == n
    assert "attachment" in response.headers["content-disposition"]


def test_routes_parquet_exports_read_back(client) -> None:
    response = client.get("/api/export", params={"format": "parquet", "limit": 7})
    assert pl.read_parquet(io.BytesIO(response.content)).height == 7
    assert_error(client.get("/api/export", params={"format": "xlsx"}), 422, "format")


def test_routes_docs_work_offline_from_vendored_assets(client) -> None:
    html = client.get("/docs").text
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert f"/static/vendor/swagger-ui/{asset}" in html
        assert client.get(f"/static/vendor/swagger-ui/{asset}").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/export", "/api/ingest"} <= set(
        spec["paths"]
    )


def test_routes_dashboard_pages_load_only_local_scripts(client) -> None:
    for page in ("/", "/event"):
        html = client.get(page).text
        assert "<script" in html and "http" not in html
    assert client.get("/static/vendor/world-atlas/countries-110m.json").json()["type"] == "Topology"


def test_routes_a_missing_store_is_not_created(tmp_path) -> None:
    with pytest.raises(StoreError, match="no dyad store"):
        create_app(tmp_path / "missing.duckdb")
    assert not (tmp_path / "missing.duckdb").exists()


def test_routes_read_only_server_leaves_the_store_to_other_readers(app, served_db) -> None:
    # The app holds the file read-only: other processes' readers are not locked out.
    with open_store(served_db) as other:
        assert other.count() > 0


def test_routes_unexpected_errors_are_500_in_the_one_shape(app, monkeypatch) -> None:
    from dyad.store import EventStore

    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(EventStore, "query", broken)
    client = TestClient(app, raise_server_exceptions=False)
    body = assert_error(client.get("/api/events"), 500, "internal error")
    assert "disk on fire" not in json.dumps(body)


def test_routes_over_long_query_strings_are_414(client) -> None:
    assert_error(client.get("/api/events?text=" + "x" * 9000), 414, "query string")


# --- ingest ------------------------------------------------------------------------------------

ARTICLE = {
    "id": "mps-petition",
    "text": "Iraqi MPs urged the government to expel US forces.",
    "published": "2023-12-11",
}


@pytest.fixture
def writable(tmp_path, pipeline):
    app = create_app(tmp_path / "new.duckdb", ingest_token="s3cret", load_coder=lambda: pipeline)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_ingest_is_off_without_a_token(client) -> None:
    assert_error(client.post("/api/ingest", json={"articles": [ARTICLE]}), 403, "read-only")


def test_ingest_needs_the_right_token(writable) -> None:
    assert_error(writable.post("/api/ingest", json={"articles": [ARTICLE]}), 401, "token")
    wrong = {"Authorization": "Bearer guess"}
    assert_error(writable.post("/api/ingest", json={"articles": [ARTICLE]}, headers=wrong), 401, "token")


def test_ingest_codes_articles_into_the_store_and_reports_bad_records(writable) -> None:
    headers = {"Authorization": "Bearer s3cret"}
    body = writable.post(
        "/api/ingest", json={"articles": [ARTICLE, {"id": "no-text"}]}, headers=headers
    ).json()
    assert body["ok"] and body["articles_written"] == 1 and body["events_written"] >= 1
    assert [f["record"] for f in body["failures"]] == ["<request>:2"] and "text" in body["failures"][0][
        "error"
    ]
    events = writable.get("/api/events", params={"article_id": "mps-petition", "status": "all"}).json()[
        "events"
    ]
    request = next(e for e in events if e["type"] == "REQUEST")
    assert (request["actor_country"], request["actor_sector"], request["trigger_text"]) == (
        "IRQ",
        "LEG",
        "urged",
    )
    again = writable.post("/api/ingest", json={"articles": [ARTICLE]}, headers=headers).json()
    assert again["articles_unchanged"] == 1 and again["articles_written"] == 0


def test_ingest_bodies_over_the_limit_are_413(tmp_path, pipeline) -> None:
    settings = ServeSettings(db=tmp_path / "small.duckdb", ingest_token="t", max_body_bytes=1000)
    with TestClient(create_app(settings=settings, load_coder=lambda: pipeline)) as client:
        big = {"articles": [{"id": "a", "text": "word " * 1000}]}
        response = client.post("/api/ingest", json=big, headers={"Authorization": "Bearer t"})
    assert_error(response, 413, "1000 bytes")


def test_ingest_malformed_json_is_422(tmp_path, pipeline) -> None:
    with TestClient(
        create_app(tmp_path / "x.duckdb", ingest_token="t", load_coder=lambda: pipeline)
    ) as client:
        response = client.post(
            "/api/ingest",
            content=b"{not json",
            headers={"Authorization": "Bearer t", "content-type": "application/json"},
        )
    assert_error(response, 422, "body")
