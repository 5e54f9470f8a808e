"""A JSON document holding many records → ``Article`` records.

API dumps and scrapers write one JSON document rather than JSON lines: a top-level array
of objects, or an object that holds the array (``{"articles": [...]}``). The document is
read whole (it is one value, so it cannot be streamed line by line); the elements are
decoded one at a time, so a broken element keeps every element before it, with its line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from dyad.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.records import article_from_record, default_article_id, excerpt, json_kind
from dyad.model import Article

# Where wrapped record arrays usually sit, tried before any other array of objects.
RECORD_KEYS = ("articles", "records", "items", "documents", "docs", "data", "results", "entries", "hits")
_WHITESPACE = " \t\n\r"


def read_json_document(
    text: str, *, source: str, default_published: datetime | None, fields: FieldMap | None = None
) -> Iterator[Article | IngestError]:
    """Yield an ``Article`` per record of a JSON array (or object holding one), an error per bad one.

    Args:
        text: the whole document, decoded.
        source: the name used in errors and default ids.
        default_published: publication time for records without a date.
        fields: which key holds which field, where the usual names do not fit.
    """
    position = _skip(text, 0)
    if text.startswith("[", position):
        yield from _array(text, position, source=source, default_published=default_published, fields=fields)
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        yield IngestError(
            source,
            e.lineno,
            f"not valid JSON ({e.msg}, column {e.colno})",
            "Fix the JSON document, or write one complete object per line (JSON lines).",
        )
        return
    is_article = isinstance(document, dict) and (fields or FieldMap()).key("text", document) is not None
    key, records = (None, None) if is_article else _wrapped_records(document)
    if records is None:
        # One object that is an article itself.
        yield _article(document, source=source, line=None, index=None,
                       default_published=default_published, fields=fields)  # fmt: skip
        return
    for index, record in enumerate(records, start=1):
        yield _article(record, source=f"{source} {key}[{index - 1}]", line=None, index=index,
                       default_published=default_published, fields=fields)  # fmt: skip


def _array(
    text: str, position: int, *, source: str, default_published: datetime | None, fields: FieldMap | None
) -> Iterator[Article | IngestError]:
    """Decode the top-level array element by element, so each knows its line."""
    decoder = json.JSONDecoder()
    position = _skip(text, position + 1)
    index = 0
    if text.startswith("]", position):
        return
    while True:
        index += 1
        line = text.count("\n", 0, position) + 1
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as e:
            yield IngestError(
                source,
                e.lineno,
                f"element {index} of the array is not valid JSON ({e.msg}, column {e.colno}); "
                "the elements after it cannot be found",
                "Fix that element; the ones before it were read.",
            )
            return
        yield _article(value, source=source, line=line, index=index,
                       default_published=default_published, fields=fields)  # fmt: skip
        position = _skip(text, position)
        if text.startswith(",", position):
            position = _skip(text, position + 1)
        elif text.startswith("]", position):
            return
        else:
            yield IngestError(
                source,
                text.count("\n", 0, position) + 1,
                f"expected ',' or ']' after element {index} of the array, "
                f"got {excerpt(text[position : position + 20])!r}",
                "Separate the array's elements with commas and close it with ].",
            )
            return


def _article(
    value: Any,
    *,
    source: str,
    line: int | None,
    index: int | None,
    default_published: datetime | None,
    fields: FieldMap | None,
) -> Article | IngestError:
    if not isinstance(value, dict):
        where = f"element {index}" if index is not None else "the document"
        return IngestError(
            source,
            line,
            f"{where} is a JSON {json_kind(value)}, not an object: {excerpt(json.dumps(value))!r}",
            'Write each article as an object with at least a "text" field.',
        )
    default_id = default_article_id(source.split(" ")[0], line if line is not None else index)
    try:
        return article_from_record(
            value, source=source, line=line, default_published=default_published,
            default_id=default_id, fields=fields,
        )  # fmt: skip
    except IngestError as e:
        return e


def _wrapped_records(document: Any) -> tuple[str, list[Any]] | tuple[None, None]:
    """Return the key and array of records inside an object, or (None, None) if it holds none."""
    if not isinstance(document, Mapping):
        return None, None
    arrays = {
        k: v for k, v in document.items() if isinstance(v, list) and any(isinstance(x, dict) for x in v)
    }
    for key in RECORD_KEYS:
        if key in arrays:
            return key, arrays[key]
    if len(arrays) == 1:
        [(key, records)] = arrays.items()
        return key, records
    return None, None


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position
