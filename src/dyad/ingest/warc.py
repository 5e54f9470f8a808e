"""Web archives (WARC, ``.warc`` or ``.warc.gz``) → one ``Article`` per archived HTML page.

warcio reads both plain and per-record gzipped WARC files. Only ``response`` records whose
HTTP payload is HTML are articles; requests, metadata, images and scripts are skipped
without a message, since an archive is mostly those. The page's own URL and date come
first; the record's ``WARC-Target-URI`` and ``WARC-Date`` fill in where it has none.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any, BinaryIO

from dyad.errors import IngestError
from dyad.ingest.files import html_article
from dyad.ingest.published import parse_published
from dyad.model import Article

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: BinaryIO, *, source: str, default_published: datetime | None
) -> Iterator[Article | IngestError]:
    """Yield an ``Article`` per HTML response record and an ``IngestError`` per bad one.

    Args:
        stream: the archive's raw bytes (gzipped or not; warcio tells).
        source: the file name, used in errors (``crawl.warc.gz record 4``).
        default_published: publication time where neither page nor record has one.

    A damaged archive ends with one error; the records before the damage are kept.
    """
    # Imported here: warcio is only needed when an archive is read.
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response" or not _is_html(record):
                continue
            yield _record_article(
                record, source=f"{source} record {number}", default_published=default_published
            )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        yield IngestError(
            source,
            None,
            f"the archive is damaged after record {number}: {e}",
            "The records before it were read; re-fetch or repair the WARC file to read the rest.",
        )


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") if headers is not None else None
    return bool(content_type) and content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _record_article(record: Any, *, source: str, default_published: datetime | None) -> Article | IngestError:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return IngestError(
            source,
            None,
            "response record has no WARC-Target-URI",
            "Archive pages with their URL (any crawler does).",
        )
    data = record.content_stream().read()
    charset = _charset(record.http_headers.get_header("Content-Type") or "")
    if charset not in (None, "utf-8", "utf8", "us-ascii", "ascii"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError) as e:
            return IngestError(
                source, None, f"page {uri} is not valid {charset}: {e}", "Re-archive the page, or skip it."
            )
    published = _warc_date(record.rec_headers.get_header("WARC-Date")) or default_published
    article = html_article(data, source=f"{source} ({uri})", article_id=uri, published=published, url=uri)
    if isinstance(article, IngestError):
        return article
    if not article.text.strip():
        return IngestError(source, None, f"page {uri} holds no text", "Nothing to code; it can be left out.")
    # The archived address is where the page was read; a canonical link may name another page.
    return replace(article, url=uri)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower() or None
    return None


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_published(value)
    except ValueError:
        logger.debug("unreadable WARC-Date %r", value)
        return None
