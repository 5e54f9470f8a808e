"""JSON lines → ``Article`` records, one line at a time.

Lines are decoded one by one, so a 20 MB article costs one line of memory and a bad
line (broken JSON, stray Latin-1 bytes) costs only itself: the lines after it still
come through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime

from dyad.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.records import article_from_record, default_article_id, excerpt, json_kind
from dyad.model import Article

_BOM = "\ufeff"


def read_json_lines(
    lines: Iterable[bytes | str],
    *,
    source: str,
    default_published: datetime | None,
    fields: FieldMap | None = None,
) -> Iterator[Article | IngestError]:
    """Yield an ``Article`` per JSON-object line and an ``IngestError`` per bad line.

    Args:
        lines: raw lines, as bytes (decoded here as UTF-8, line by line) or as
            already-decoded text; line endings may be included.
        source: the name used in errors and default ids (a path, ``<stdin>``).
        default_published: publication time for records without ``published``.
        fields: which key holds which field, where the usual names do not fit.

    Blank lines are skipped without a message.
    """
    offset = 0  # byte offset of the current line in the input, for encoding errors
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            line_offset, offset = offset, offset + len(raw)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield _encoding_error(raw, e, source=source, number=number, line_offset=line_offset)
                continue
        else:
            text = raw
        if number == 1:
            text = text.removeprefix(_BOM)
        if not text.strip():
            continue
        yield _read_line(
            text, source=source, number=number, default_published=default_published, fields=fields
        )


def _read_line(
    text: str, *, source: str, number: int, default_published: datetime | None, fields: FieldMap | None
) -> Article | IngestError:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as e:
        return IngestError(
            source,
            number,
            f"not valid JSON ({e.msg}, column {e.colno}): {_excerpt_around(text, e.pos)!r}",
            "Each line must be one complete JSON object such as "
            '{"id": "a1", "text": "..."}, or the whole file one JSON array of such objects.',
        )
    if not isinstance(record, dict):
        return IngestError(
            source,
            number,
            f"expected a JSON object, got a JSON {json_kind(record)}: {excerpt(text.strip())!r}",
            'Write each article as one object per line, with at least a "text" field.',
        )
    try:
        return article_from_record(
            record,
            source=source,
            line=number,
            default_published=default_published,
            default_id=default_article_id(source, number),
            fields=fields,
        )
    except IngestError as e:
        return e


def _excerpt_around(text: str, position: int, max_chars: int = 80) -> str:
    """Return up to ``max_chars`` of ``text`` around ``position``, so a fault deep in a long line shows."""
    start = max(0, min(position - max_chars // 2, len(text.rstrip()) - max_chars))
    end = start + max_chars
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text.rstrip()) else "")


def _encoding_error(
    raw: bytes, error: UnicodeDecodeError, *, source: str, number: int, line_offset: int
) -> IngestError:
    bad_byte = raw[error.start]
    return IngestError(
        source,
        number,
        f"line is not valid UTF-8: byte 0x{bad_byte:02x} at byte offset {error.start} of the line "
        f"(offset {line_offset + error.start} in the input)",
        "dyad reads UTF-8 only; re-encode the file, e.g. iconv -f latin1 -t utf-8 in.jsonl > out.jsonl.",
    )
