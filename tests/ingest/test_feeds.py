"""Feeds, web archives and URLs: real samples, served on 127.0.0.1 or written with warcio."""

from __future__ import annotations

import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import formatdate

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.errors import IngestError
from dyad.ingest import read_articles
from dyad.ingest.watching import WatchState, poll_feed, remember
from dyad.model import Article

LEDE = "Militants attacked a police station in Basra on Friday, killing three officers, police said."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.com/</link>
<item><title>Clashes in Basra</title><link>https://example.com/basra</link>
<guid>urn:example:basra</guid><pubDate>Sat, 03 Jan 2015 07:58:00 -0500</pubDate>
<description>&lt;p&gt;{LEDE}&lt;/p&gt;&lt;p&gt;The government condemned it.&lt;/p&gt;</description></item>
<item><title>Broken date</title><link>https://example.com/bad</link>
<pubDate>sometime soon</pubDate><description>Protesters gathered in Baghdad.</description></item>
<item><title>Talks in Doha</title><link>https://example.com/doha</link>
<pubDate>Sun, 04 Jan 2015 09:00:00 GMT</pubDate>
<description>Negotiators met in Doha on Sunday to discuss a ceasefire.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<id>urn:example:feed</id><updated>2015-01-03T12:00:00Z</updated>
<entry><title>Clashes in Basra</title><id>urn:example:atom:1</id>
<link href="https://example.com/atom/1"/><updated>2015-01-03T12:58:00Z</updated>
<content type="html">&lt;p&gt;{LEDE}&lt;/p&gt;</content></entry>
<entry><title>No body</title><id>urn:example:atom:2</id><updated>2015-01-03T13:00:00Z</updated></entry>
</feed>"""

PAGE = f"""<html><head><title>Clashes in Basra</title>
<meta property="og:url" content="https://example.com/pages/basra">
<meta property="article:published_time" content="2024-01-05T10:00:00Z"></head>
<body><article><h1>Clashes in Basra</h1><p>{LEDE}</p>
<p>The government condemned the attack and promised to find those responsible.</p></article></body></html>"""

LAST_MODIFIED = formatdate(datetime(2015, 1, 4, tzinfo=UTC).timestamp(), usegmt=True)


class Handler(http.server.BaseHTTPRequestHandler):
    """Serves the feed with an ETag (answering 304 to If-None-Match), a page, and a 404."""

    requests: list[dict[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        Handler.requests.append({"path": self.path, **{k: v for k, v in self.headers.items()}})
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self._send(RSS.encode(), "application/rss+xml", {"ETag": '"v1"', "Last-Modified": LAST_MODIFIED})
        elif self.path == "/basra.html":
            self._send(PAGE.encode(), "text/html; charset=utf-8", {})
        else:
            self.send_error(404)

    def _send(self, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        """Keep the test output quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    Handler.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def split(results) -> tuple[list[Article], list[IngestError]]:
    results = list(results)
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, IngestError)]


def test_feeds_rss_items_with_rfc822_dates_and_one_error_for_the_bad_item(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["urn:example:basra", "https://example.com/doha"]
    basra = articles[0]
    assert basra.title == "Clashes in Basra"
    assert basra.text.startswith("Militants attacked a police station")
    assert "<p>" not in basra.text
    assert basra.published_at == datetime(2015, 1, 3, 12, 58, tzinfo=UTC)
    assert basra.url == "https://example.com/basra"
    assert basra.source == "Example Wire"
    [error] = errors
    assert error.source == f"{path} item 2"
    assert "unreadable published date 'sometime soon'" in error.problem


def test_feeds_atom_entries(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, errors = split(read_articles([path]))
    [article] = articles
    assert (article.id, article.title, article.url) == (
        "urn:example:atom:1", "Clashes in Basra", "https://example.com/atom/1",
    )  # fmt: skip
    assert article.text == LEDE
    assert article.published_at == datetime(2015, 1, 3, 12, 58, tzinfo=UTC)
    [error] = errors
    assert error.source == f"{path} item 2"
    assert "has no content or summary" in error.problem


def test_feeds_gzipped_xml_and_not_a_feed(tmp_path):
    (tmp_path / "a.xml.gz").write_bytes(gzip.compress(RSS.encode()))
    (tmp_path / "b.xml").write_text("<notes><note>hello</note></notes>", encoding="utf-8")
    articles, errors = split(read_articles([tmp_path / "a.xml.gz", tmp_path / "b.xml"]))
    assert len(articles) == 2
    assert [e.source for e in errors] == [f"{tmp_path / 'a.xml.gz'} item 2", str(tmp_path / "b.xml")]


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, content_type, body in records:
        http_headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": "2015-01-03T12:58:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


def test_warc_html_responses_only_with_target_uri_and_date(tmp_path):
    undated = f"<html><head><title>Talks</title></head><body><p>{LEDE}</p></body></html>".encode()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc([
            ("https://example.com/pages/basra", "text/html; charset=utf-8", PAGE.encode()),
            ("https://example.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://example.com/empty", "text/html", b"<html><body><script>x()</script></body></html>"),
            ("https://example.com/talks", "text/html", undated),
        ])
    )  # fmt: skip
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["https://example.com/pages/basra", "https://example.com/talks"]
    basra, talks = articles
    assert basra.url == "https://example.com/pages/basra"
    assert basra.title == "Clashes in Basra"
    assert basra.text.startswith("Militants attacked")
    assert basra.published_at == datetime(2024, 1, 5, tzinfo=UTC)  # the page's own date
    assert talks.published_at == datetime(2015, 1, 3, 12, 58, tzinfo=UTC)  # WARC-Date
    [error] = errors
    assert error.source == f"{path} record 3"
    assert "holds no text" in error.problem


def test_warc_damaged_keeps_the_records_before(tmp_path):
    data = _warc([("https://example.com/pages/basra", "text/html", PAGE.encode())])
    path = tmp_path / "cut.warc"
    path.write_bytes(gzip.decompress(data) + b"HTTP/1.1 200 OK\r\nnot an archive record at all\r\n\r\n")
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["https://example.com/pages/basra"]
    assert len(errors) == 1
    assert "damaged after record 1" in errors[0].problem


def test_urls_feed_and_page_served_locally(server):
    articles, errors = split(read_articles([f"{server}/feed.xml", f"{server}/basra.html"]))
    assert [a.id for a in articles] == [
        "urn:example:basra",
        "https://example.com/doha",
        f"{server}/basra.html",
    ]
    page = articles[-1]
    assert page.url == "https://example.com/pages/basra"
    assert page.text.startswith("Militants attacked")
    assert page.published_at == datetime(2024, 1, 5, tzinfo=UTC)
    assert len(errors) == 1  # the feed's broken item
    assert all(r["User-Agent"].startswith("dyad/") for r in Handler.requests)


def test_urls_http_error_and_unreachable_are_one_error_each(server):
    [missing] = read_articles([f"{server}/nothing"])
    assert isinstance(missing, IngestError)
    assert missing.problem.startswith("the server answered HTTP 404")
    [refused] = read_articles(["http://127.0.0.1:9/feed.xml"])
    assert isinstance(refused, IngestError)
    assert refused.problem.startswith("cannot fetch it")


def test_watching_conditional_get_gives_304_the_second_time(server, tmp_path):
    state = WatchState.load(tmp_path / "state.json")
    first = poll_feed(f"{server}/feed.xml", state)
    assert not first.not_modified
    assert len(first.items) == 3
    remember(state, first)
    state.save()
    again = poll_feed(f"{server}/feed.xml", WatchState.load(tmp_path / "state.json"))
    assert again.not_modified
    assert again.items == []
    assert Handler.requests[-1]["If-None-Match"] == '"v1"'
    assert Handler.requests[-1]["If-Modified-Since"] == LAST_MODIFIED
