"""``dyad watch --once`` and ``--field`` on the command line, against a feed served on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyad
from dyad.cli import app

runner = CliRunner()

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.com/</link>
<item><title>Strike near Erbil</title><link>https://example.com/erbil</link><guid>urn:wire:erbil</guid>
<pubDate>Mon, 11 Dec 2023 09:30:00 +0300</pubDate>
<description>Iran-aligned militias struck a base near Erbil on Monday, officials said.</description></item>
<item><title>Broken</title><link>https://example.com/broken</link><pubDate>not a date</pubDate>
<description>Protesters gathered in Baghdad.</description></item>
<item><title>Petition</title><link>https://example.com/petition</link>
<pubDate>Mon, 11 Dec 2023 10:00:00 GMT</pubDate>
<description>Iraqi MPs urged the government to expel US forces.</description></item>
</channel></rss>"""


class FeedHandler(http.server.BaseHTTPRequestHandler):
    statuses: list[int] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.headers.get("If-None-Match") == '"r1"':
            FeedHandler.statuses.append(304)
            self.send_response(304)
            self.end_headers()
            return
        FeedHandler.statuses.append(200)
        body = RSS.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", '"r1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        """Keep the test output quiet."""


@pytest.fixture
def feed_url() -> Iterator[str]:
    FeedHandler.statuses = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_watch_once_twice_ingests_each_item_once_and_uses_a_304(feed_url: str, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    first = runner.invoke(app, ["watch", feed_url, "--db", str(db), "--once"])
    assert first.exit_code == 0, first.output
    assert "2 new item(s) coded" in first.stderr
    assert "item 2: item 'https://example.com/broken' has the unreadable published date" in first.stderr
    with dyad.open_store(db) as store:
        articles = store.articles()
        assert sorted(articles["article_id"].to_list()) == ["https://example.com/petition", "urn:wire:erbil"]
        assert len(store.failures()) == 1
        ingested_at = articles["ingested_at"].to_list()
    second = runner.invoke(app, ["watch", feed_url, "--db", str(db), "--once"])
    assert second.exit_code == 0, second.output
    assert "not modified" in second.stderr
    assert FeedHandler.statuses == [200, 304]
    with dyad.open_store(db) as store:
        assert store.articles()["ingested_at"].to_list() == ingested_at


def test_watch_restart_without_state_does_not_recode_stored_items(feed_url: str, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    assert runner.invoke(app, ["watch", feed_url, "--db", str(db), "--once"]).exit_code == 0
    (tmp_path / "events.duckdb.watch.json").unlink()
    again = runner.invoke(app, ["watch", feed_url, "--db", str(db), "--once"])
    assert again.exit_code == 0, again.output
    assert "0 new item(s) coded" in again.stderr
    assert "2 already stored" in again.stderr
    assert FeedHandler.statuses == [200, 200]


def test_extract_field_option_and_csv_input(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "key,story,when\n"
        'k1,Iraqi MPs urged the government to expel US forces.,"Mon, 11 Dec 2023 09:30:00 GMT"\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        ["extract", str(source), "--field", "id=key", "--field", "text=story", "--field", "published=when"],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    request = next(r for r in records if r["type"] == "REQUEST")
    assert request["article_id"] == "k1"
    assert request["date"]["value"] == "2023-12-11"


def test_extract_bad_field_option_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "x"}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "--field", "author=byline"])
    assert result.exit_code == 2
    assert "unknown article field 'author'" in result.stderr
