"""``http://`` and ``https://`` inputs: fetch a feed or a page, with conditional GET for polling.

The standard library's ``urllib.request`` is enough for one GET with a timeout; there is no
session or retry logic, because a failed fetch is reported and the next poll tries again.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from dyad.errors import IngestError
from dyad.ingest.feeds import looks_like_feed, read_feed
from dyad.ingest.files import html_article, text_article
from dyad.model import Article

URL_PREFIXES = ("http://", "https://")
USER_AGENT = "dyad/0.1 (political event coder)"
TIMEOUT_S = 30.0
# A news page or feed is well under this; more is a mistake (a video, a dump) not worth reading.
MAX_BYTES = 50 * 1024 * 1024


def is_url(name: str) -> bool:
    """Return whether an input name is a web address dyad fetches."""
    return name.lower().startswith(URL_PREFIXES)


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched document, or ``status`` 304 (not modified) with no body."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None


def fetch(
    url: str, *, etag: str | None = None, last_modified: str | None = None, timeout: float = TIMEOUT_S
) -> Response:
    """GET ``url``; with ``etag``/``last_modified``, conditionally (a 304 has an empty body).

    Raises:
        IngestError: the address cannot be reached, answers with an HTTP error, or sends
            more than ``MAX_BYTES``; the message names the URL and the fix.
    """
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "application/rss+xml, application/atom+xml, text/html, */*",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(MAX_BYTES + 1)
            status = answer.status
            answer_headers = answer.headers
            final_url = answer.geturl()
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Response(url, 304, b"", "", etag, last_modified)
        raise IngestError(
            url, None, f"the server answered HTTP {e.code} {e.reason}", "Check the address; try again later."
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise IngestError(
            url,
            None,
            f"cannot fetch it: {reason}",
            "Check the address and the network connection; try again later.",
        ) from None
    if len(body) > MAX_BYTES:
        raise IngestError(
            url,
            None,
            f"it sends more than {MAX_BYTES // (1024 * 1024)} MB",
            "Give the address of a page or feed.",
        )
    return Response(
        url=final_url,
        status=status,
        body=body,
        content_type=answer_headers.get("Content-Type", ""),
        etag=answer_headers.get("ETag"),
        last_modified=answer_headers.get("Last-Modified"),
    )


def read_url(url: str, *, published: datetime | None) -> Iterator[Article | IngestError]:
    """Yield the articles at ``url``: every item of a feed, or the one article of a page."""
    try:
        response = fetch(url)
    except IngestError as e:
        yield e
        return
    yield from read_response(response, published=published)


def read_response(response: Response, *, published: datetime | None) -> Iterator[Article | IngestError]:
    """Yield the articles of a fetched document: a feed's items, or a page (HTML or plain text)."""
    if looks_like_feed(response.body[:4096], response.content_type):
        yield from read_feed(response.body, source=response.url, default_published=published)
        return
    media = response.content_type.split(";")[0].strip().lower()
    if media == "text/plain":
        yield text_article(response.body, source=response.url, article_id=response.url, published=published)
        return
    yield html_article(
        _as_utf8(response),
        source=response.url,
        article_id=response.url,
        published=published,
        url=response.url,
    )


def _as_utf8(response: Response) -> bytes | str:
    # Pages declare their charset in the header; decode here so html_article sees text.
    for part in response.content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
            try:
                return response.body.decode(charset)
            except (LookupError, UnicodeDecodeError):
                break
    return response.body
