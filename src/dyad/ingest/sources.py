"""Input names (files, directories, ``-``) → a stream of articles and errors.

Errors are yielded in place of the record they spoil, never raised, so a caller
can report them and carry on (``--keep-going``) or stop at the first one.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from dyad.errors import IngestError
from dyad.ingest.files import SNIFF_BYTES, check_not_binary, decode_utf8, read_html_file, read_text_file
from dyad.ingest.jsonl import read_json_lines
from dyad.model import Article

logger = logging.getLogger(__name__)

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".json"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = JSON_LINES_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES
STDIN_NAME = "-"
STDIN_SOURCE = "<stdin>"


def read_articles(
    inputs: Sequence[str | Path],
    *,
    published: datetime | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | IngestError]:
    """Yield the articles of every input, in order, with an error in place of each bad record.

    Args:
        inputs: ``.jsonl``/``.json`` (JSON lines), ``.txt`` and ``.html``/``.htm``
            files; directories (searched recursively in sorted order for those
            extensions); ``-`` for standard input (JSON lines if the first non-blank
            line starts with ``{``, else one plain-text article with id ``stdin``).
        published: publication time for records and files that carry none; a naive
            datetime is taken as UTC.
        stdin: the stream read for ``-``; defaults to ``sys.stdin``.

    Yields:
        An ``Article`` per good record and an ``IngestError`` per bad record or
        unreadable input. Nothing is raised for bad input; JSON lines are streamed,
        so one huge file is never held in memory whole.

    Raises:
        TypeError: ``inputs`` is one name rather than a sequence of names.
    """
    if isinstance(inputs, str | Path):
        # A bare string is a Sequence too, and would be read character by character.
        raise TypeError(f"read_articles() takes a list of inputs, got the single name {str(inputs)!r}")
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    for name in inputs:
        if str(name) == STDIN_NAME:
            yield from _read_stdin(_default_stdin() if stdin is None else stdin, published=published)
        else:
            yield from _read_path(Path(name), published=published)


def _read_path(path: Path, *, published: datetime | None) -> Iterator[Article | IngestError]:
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, published=published)
    elif path.exists():
        yield from _read_file(path, published=published)
    else:
        yield IngestError(
            str(path),
            None,
            "no such file or directory",
            "Check the path; give .jsonl, .txt or .html files, directories of them, or - for stdin.",
        )


def _walk(root: Path) -> Iterator[Path]:
    """Yield the readable files under ``root``, sorted, skipping hidden paths and other types."""
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            logger.debug("skipping hidden path %s", path)
        elif path.suffix.lower() not in SUFFIXES:
            logger.debug("skipping %s: not a .jsonl, .json, .txt, .html or .htm file", path)
        else:
            yield path


def _read_file(path: Path, *, published: datetime | None) -> Iterator[Article | IngestError]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield read_text_file(path, published=published)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, published=published)
    elif suffix in JSON_LINES_SUFFIXES:
        yield from _read_json_lines_file(path, published=published)
    else:
        yield IngestError(
            str(path),
            None,
            f"unsupported file type {suffix or '(no extension)'!r}",
            "Give .jsonl/.json (JSON lines), .txt or .html/.htm files; rename the file if it is one.",
        )


def _read_json_lines_file(path: Path, *, published: datetime | None) -> Iterator[Article | IngestError]:
    source = str(path)
    try:
        # Binary, so each line is decoded alone and a bad byte spoils only its line.
        file = path.open("rb")
    except OSError as e:
        yield IngestError(source, None, f"cannot read the file: {e.strerror}", "Check its permissions.")
        return
    with file:
        binary_error = check_not_binary(file.read(SNIFF_BYTES), source=source)
        if binary_error is not None:
            yield binary_error
            return
        file.seek(0)
        yield from read_json_lines(file, source=source, default_published=published)


def _default_stdin() -> TextIO | BinaryIO:
    # The byte stream lets a bad byte spoil one line rather than the whole of stdin.
    return getattr(sys.stdin, "buffer", sys.stdin)


def _read_stdin(stream: TextIO | BinaryIO, *, published: datetime | None) -> Iterator[Article | IngestError]:
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
        yield from read_json_lines(replayed, source=STDIN_SOURCE, default_published=published)
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
