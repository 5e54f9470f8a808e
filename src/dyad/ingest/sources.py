"""Input names (files, directories, ``-``) → a stream of articles and errors.

Errors are yielded in place of the record they spoil, never raised, so a caller
can report them and carry on (``--keep-going``) or stop at the first one.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from dyad.errors import IngestError
from dyad.ingest.feeds import FEED_SUFFIXES, read_feed
from dyad.ingest.fetch import is_url, read_url
from dyad.ingest.fields import FieldMap
from dyad.ingest.files import SNIFF_BYTES, check_not_binary, decode_utf8, html_article, text_article
from dyad.ingest.json_arrays import read_json_document
from dyad.ingest.jsonl import read_json_lines
from dyad.ingest.tables import read_table
from dyad.ingest.warc import read_warc
from dyad.model import Article

logger = logging.getLogger(__name__)

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}
WARC_SUFFIXES = frozenset({".warc"})
SUFFIXES = (
    JSON_LINES_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | set(TABLE_SUFFIXES) | FEED_SUFFIXES | WARC_SUFFIXES
)
GZIP_SUFFIX = ".gz"
STDIN_NAME = "-"
STDIN_SOURCE = "<stdin>"
_KINDS = ".jsonl/.json, .csv/.tsv, .txt, .html, .xml/.rss/.atom (feeds) or .warc files, any of them .gz"


def read_articles(
    inputs: Sequence[str | Path],
    *,
    published: datetime | None = None,
    stdin: TextIO | BinaryIO | None = None,
    fields: FieldMap | Mapping[str, str] | Iterable[str] | None = None,
) -> Iterator[Article | IngestError]:
    """Yield the articles of every input, in order, with an error in place of each bad record.

    Args:
        inputs: ``.jsonl``/``.json`` (JSON lines, or one JSON array of records),
            ``.csv``/``.tsv`` (a header row, one article per row), ``.txt`` and
            ``.html``/``.htm`` files, RSS/Atom feeds (``.xml``, ``.rss``, ``.atom``),
            web archives (``.warc``); any of these gzipped (``.jsonl.gz``); directories
            (searched recursively in sorted order for those extensions); ``http://`` and
            ``https://`` addresses of feeds or pages; ``-`` for standard input (JSON lines
            if the first non-blank line starts with ``{``, else one plain-text article
            with id ``stdin``).
        published: publication time for records and files that carry none; a naive
            datetime is taken as UTC.
        stdin: the stream read for ``-``; defaults to ``sys.stdin``.
        fields: where records name a field otherwise than usual: ``{"published":
            "pub_time"}`` or ``["published=pub_time"]`` (fields: id, text, title,
            published, url, source).

    Yields:
        An ``Article`` per good record and an ``IngestError`` per bad record or
        unreadable input. Nothing is raised for bad input; JSON lines and CSV rows are
        streamed, so one huge file is never held in memory whole.

    Raises:
        TypeError: ``inputs`` is one name rather than a sequence of names.
        ValueError: ``fields`` names an unknown field or is not ``FIELD=NAME``.
    """
    if isinstance(inputs, str | Path):
        # A bare string is a Sequence too, and would be read character by character.
        raise TypeError(f"read_articles() takes a list of inputs, got the single name {str(inputs)!r}")
    field_map = FieldMap.of(fields)
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    for name in inputs:
        if str(name) == STDIN_NAME:
            stream = _default_stdin() if stdin is None else stdin
            yield from _read_stdin(stream, published=published, fields=field_map)
        elif isinstance(name, str) and is_url(name):
            yield from read_url(name, published=published)
        else:
            yield from _read_path(Path(name), published=published, fields=field_map)


def input_kind(path: Path) -> tuple[str, bool]:
    """Return ``(suffix, gzipped)``: the suffix that says how to read ``path``, under any ``.gz``."""
    name = path.name.lower()
    gzipped = name.endswith(GZIP_SUFFIX)
    return Path(name.removesuffix(GZIP_SUFFIX)).suffix, gzipped


def walk(root: Path) -> Iterator[Path]:
    """Yield the readable files under ``root``, sorted, skipping hidden paths and other types."""
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            logger.debug("skipping hidden path %s", path)
        elif input_kind(path)[0] not in SUFFIXES:
            logger.debug("skipping %s: not one of %s", path, _KINDS)
        else:
            yield path


def open_input(path: Path) -> BinaryIO:
    """Open a file for reading its bytes, decompressing a ``.gz`` file on the fly.

    Raises:
        OSError: the file cannot be opened.
    """
    if input_kind(path)[1]:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_path(
    path: Path, *, published: datetime | None, fields: FieldMap
) -> Iterator[Article | IngestError]:
    if path.is_dir():
        for file in walk(path):
            yield from _read_file(file, published=published, fields=fields)
    elif path.exists():
        yield from _read_file(path, published=published, fields=fields)
    else:
        yield IngestError(
            str(path),
            None,
            "no such file or directory",
            f"Check the path; give {_KINDS}, directories of them, URLs, or - for stdin.",
        )


def _read_file(
    path: Path, *, published: datetime | None, fields: FieldMap
) -> Iterator[Article | IngestError]:
    suffix, gzipped = input_kind(path)
    if suffix not in SUFFIXES:
        shown = suffix + GZIP_SUFFIX if gzipped else suffix
        yield IngestError(
            str(path),
            None,
            f"unsupported file type {shown or '(no extension)'!r}",
            f"Give {_KINDS}; rename the file if it is one.",
        )
        return
    source = str(path)
    try:
        file = open_input(path)
    except OSError as e:
        yield IngestError(source, None, f"cannot read the file: {e.strerror}", "Check its permissions.")
        return
    with file:
        try:
            yield from _read_stream(file, suffix, source=source, stem=_stem(path), published=published,
                                    fields=fields)  # fmt: skip
        except (OSError, EOFError, zlib.error) as e:
            # A truncated or corrupt .gz fails mid-read; what was read before it is kept.
            yield IngestError(
                source,
                None,
                f"the file cannot be read to the end: {e}",
                "The records before the damage were read; re-download or re-compress the file.",
            )


def _stem(path: Path) -> str:
    name = path.name.removesuffix(GZIP_SUFFIX) if path.name.lower().endswith(GZIP_SUFFIX) else path.name
    return Path(name).stem


def _read_stream(
    file: BinaryIO, suffix: str, *, source: str, stem: str, published: datetime | None, fields: FieldMap
) -> Iterator[Article | IngestError]:
    if suffix in WARC_SUFFIXES:
        yield from read_warc(file, source=source, default_published=published)
        return
    if suffix in TABLE_SUFFIXES:
        yield from read_table(file, source=source, delimiter=TABLE_SUFFIXES[suffix],
                              default_published=published, fields=fields)  # fmt: skip
        return
    head = file.read(SNIFF_BYTES)
    binary_error = check_not_binary(head, source=source)
    if binary_error is not None:
        yield binary_error
        return
    if suffix in JSON_LINES_SUFFIXES:
        yield from _read_json(file, head, source=source, published=published, fields=fields)
        return
    data = head + file.read()
    if suffix in TEXT_SUFFIXES:
        yield text_article(data, source=source, article_id=stem, published=published)
    elif suffix in HTML_SUFFIXES:
        yield html_article(data, source=source, article_id=stem, published=published)
    else:
        yield from read_feed(data, source=source, default_published=published)


def _read_json(
    file: BinaryIO, head: bytes, *, source: str, published: datetime | None, fields: FieldMap
) -> Iterator[Article | IngestError]:
    """Stream JSON lines; read a JSON document (an array, a pretty-printed object) whole."""
    lines = itertools.chain(io.BytesIO(head + file.readline()), file)
    first_lines: list[bytes] = []
    for line in lines:
        first_lines.append(line)
        if line.strip():
            break
    first = first_lines[-1].removeprefix(b"\xef\xbb\xbf").strip() if first_lines else b""
    if first.startswith(b"[") or (first.startswith(b"{") and not _is_json(first)):
        data = b"".join(first_lines) + b"".join(lines)
        text = decode_utf8(data, source=source)
        if isinstance(text, IngestError) and first.startswith(b"["):
            yield text
            return
        # A bad byte in a file that is no array: JSON lines, so it spoils only its line.
        if not isinstance(text, IngestError) and (first.startswith(b"[") or _is_json(text.encode("utf-8"))):
            yield from read_json_document(text, source=source, default_published=published, fields=fields)
            return
        # Not one document either: JSON lines with a broken first line, read line by line
        # so the good lines are kept.
        lines = iter(io.BytesIO(data))
        first_lines = []
    yield from read_json_lines(itertools.chain(first_lines, lines), source=source,
                               default_published=published, fields=fields)  # fmt: skip


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def _default_stdin() -> TextIO | BinaryIO:
    # The byte stream lets a bad byte spoil one line rather than the whole of stdin.
    return getattr(sys.stdin, "buffer", sys.stdin)


def _read_stdin(
    stream: TextIO | BinaryIO, *, published: datetime | None, fields: FieldMap
) -> Iterator[Article | IngestError]:
    lines: Iterator[bytes | str] = iter(stream)
    # Look ahead only to the first non-blank line, so JSON lines still stream.
    leading: list[bytes | str] = []
    for line in lines:
        leading.append(line)
        if line.strip():
            break
    replayed = itertools.chain(leading, lines)
    first = leading[-1] if leading else ""
    if _starts_json_object(first):
        yield from read_json_lines(replayed, source=STDIN_SOURCE, default_published=published, fields=fields)
    else:
        yield _stdin_article(replayed, published=published)


def _starts_json_object(line: bytes | str) -> bool:
    if isinstance(line, bytes):
        return line.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")
    return line.removeprefix("\ufeff").lstrip().startswith("{")


def _stdin_article(lines: Iterable[bytes | str], *, published: datetime | None) -> Article | IngestError:
    # Back to bytes, so text and byte streams share one binary check and one UTF-8 error.
    data = b"".join(
        line if isinstance(line, bytes) else line.encode("utf-8", "surrogateescape") for line in lines
    )
    error = check_not_binary(data[:SNIFF_BYTES], source=STDIN_SOURCE)
    text = error or decode_utf8(data, source=STDIN_SOURCE)
    if isinstance(text, IngestError):
        return text
    return Article(id="stdin", text=text, published_at=published)
