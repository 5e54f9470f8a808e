"""Whole-file inputs (``.txt``, ``.html``) → one ``Article`` each.

These files are read whole: one file is one article, and an article fits in memory.
The id is the file name without its extension. A text file's publication time can only
come from the caller (``--published``); a page's comes from the page when it states one.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dyad.errors import IngestError
from dyad.ingest.published import parse_published
from dyad.ingest.webpage import extract_page
from dyad.model import Article

SNIFF_BYTES = 8192


def check_not_binary(head: bytes, *, source: str) -> IngestError | None:
    """Return an error if ``head`` (a file's first bytes) holds a NUL byte, else None.

    Text in UTF-8 never contains NUL; images, archives and UTF-16 text do.
    """
    position = head.find(b"\0", 0, SNIFF_BYTES)
    if position < 0:
        return None
    return IngestError(
        source,
        None,
        f"looks like a binary file (NUL byte at offset {position} in the first 8 KB)",
        "Give dyad UTF-8 text: .jsonl, .txt or .html files; re-save UTF-16 text as UTF-8.",
    )


def decode_utf8(data: bytes, *, source: str) -> str | IngestError:
    """Decode a whole input as UTF-8 (dropping a BOM), with every line ending made a newline.

    Returns an ``IngestError`` naming the line and byte offset of the first bad byte
    instead of raising, so the caller can yield it.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return IngestError(
            source,
            line,
            f"not valid UTF-8: byte 0x{data[e.start]:02x} at byte offset {e.start}",
            "dyad reads UTF-8 only; re-encode the file, e.g. iconv -f latin1 -t utf-8 in.txt > out.txt.",
        )
    # Universal newlines, as Python's text mode would give, so offsets match what editors show.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_article(
    data: bytes, *, source: str, article_id: str, published: datetime | None
) -> Article | IngestError:
    """Read a plain-text input as one article (the whole input is the text)."""
    text = check_not_binary(data[:SNIFF_BYTES], source=source) or decode_utf8(data, source=source)
    if isinstance(text, IngestError):
        return text
    return Article(id=article_id, text=text, published_at=published)


def html_article(
    data: bytes | str,
    *,
    source: str,
    article_id: str,
    published: datetime | None,
    url: str | None = None,
) -> Article | IngestError:
    """Read an HTML page as one article, keeping the article text and dropping boilerplate.

    The page's own date wins over ``published`` (the caller's default); the page's
    canonical URL wins over ``url`` (where it was fetched or archived from).
    """
    if isinstance(data, bytes):
        html = check_not_binary(data[:SNIFF_BYTES], source=source) or decode_utf8(data, source=source)
        if isinstance(html, IngestError):
            return html
    else:
        html = data
    page = extract_page(html)
    page_published = _page_date(page.published)
    return Article(
        id=article_id,
        text=page.text,
        title=page.title,
        published_at=page_published or published,
        url=page.url or url,
    )


def _page_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_published(value)
    except ValueError:
        # A page's date is a guess trafilatura read from its markup; a bad one is not the reader's fault.
        return None


def read_text_file(path: Path, *, published: datetime | None) -> Article | IngestError:
    """Read a plain-text file as one article (the whole file is the text)."""
    data = _read_bytes(path)
    if isinstance(data, IngestError):
        return data
    return text_article(data, source=str(path), article_id=path.stem, published=published)


def read_html_file(path: Path, *, published: datetime | None) -> Article | IngestError:
    """Read an HTML page as one article, keeping the article text and dropping boilerplate."""
    data = _read_bytes(path)
    if isinstance(data, IngestError):
        return data
    return html_article(data, source=str(path), article_id=path.stem, published=published)


def _read_bytes(path: Path) -> bytes | IngestError:
    try:
        return path.read_bytes()
    except OSError as e:
        return IngestError(str(path), None, f"cannot read the file: {e.strerror}", "Check its permissions.")
