"""RSS and Atom feeds → one ``Article`` per item.

feedparser reads every RSS and Atom dialect and tolerates the malformed XML feeds are
known for. Each item becomes an article: its guid (or link) is the id, its ``pubDate``,
``published`` or ``updated`` the publication date, its full content (or else its summary)
the text, stripped of HTML by ``webpage.strip_tags``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from dyad.errors import IngestError
from dyad.ingest.published import PUBLISHED_FORMATS, parse_published
from dyad.ingest.webpage import drop_leading_title, strip_tags
from dyad.model import Article

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})


def looks_like_feed(head: bytes, content_type: str = "") -> bool:
    """Return whether a document's first bytes (or its media type) say it is an RSS/Atom feed."""
    media = content_type.split(";")[0].strip().lower()
    if media in {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
    }:
        return True
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return False
    return b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start


def read_feed(
    data: bytes, *, source: str, default_published: datetime | None
) -> Iterator[Article | IngestError]:
    """Yield an ``Article`` per feed item and an ``IngestError`` per item that cannot be one.

    Args:
        data: the feed document, as bytes (feedparser reads its encoding declaration).
        source: the file or URL, used in errors (``feed.xml item 3``).
        default_published: publication time for items without a date.
    """
    # Imported here: feedparser is only needed when a feed is read.
    import feedparser

    # Bytes, never a string: feedparser fetches a string that looks like a URL itself.
    feed = feedparser.parse(data)
    entries = feed.get("entries") or []
    if not entries:
        if feed.get("bozo"):
            problem = f"not a readable RSS or Atom feed ({feed.get('bozo_exception')})"
        else:
            problem = "an RSS or Atom feed with no items"
        yield IngestError(source, None, problem, "Check that the file or address is a feed (RSS or Atom).")
        return
    feed_title = (feed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        yield item_article(
            entry,
            source=f"{source} item {number}",
            default_published=default_published,
            feed_title=feed_title,
        )


def item_article(
    entry: Any, *, source: str, default_published: datetime | None, feed_title: str | None = None
) -> Article | IngestError:
    """Build the ``Article`` of one feed item (a feedparser entry), or the error saying why not."""
    title = " ".join((entry.get("title") or "").split())
    link = entry.get("link") or None
    article_id = entry.get("id") or link
    if not article_id:
        return IngestError(
            source,
            None,
            f"item {title[:60]!r} has neither a guid/id nor a link",
            "Give each feed item a <guid> (RSS) or <id> (Atom), or a <link>.",
        )
    html = _item_html(entry)
    text = drop_leading_title(strip_tags(html)[0], title) if html else ""
    if not text.strip():
        return IngestError(
            source,
            None,
            f"item {article_id!r} has no content or summary to code",
            "Feeds that carry only titles and links need their pages fetched: give the link URLs.",
        )
    published_at = default_published
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                published_at = parse_published(raw)
            except ValueError:
                return IngestError(
                    source,
                    None,
                    f"item {article_id!r} has the unreadable {key} date {raw!r}",
                    f"Write dates as RFC 822 or {PUBLISHED_FORMATS}.",
                )
            break
    return Article(
        id=str(article_id), text=text, title=title, published_at=published_at, url=link, source=feed_title
    )


def _item_html(entry: Any) -> str:
    # The full content (Atom <content>, RSS content:encoded) is the article; the summary is
    # all some feeds carry.
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")
