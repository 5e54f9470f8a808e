"""One decoded input record (a JSON object) → one ``Article``.

Shared by the JSON-lines reader, the CLI (``--published``) and the HTTP API, so a
record means the same thing whichever door it came through.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from dyad.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.published import PUBLISHED_FORMATS, parse_published
from dyad.model import Article

_Fail = Callable[[str, str], IngestError]

# Kept for callers that imported it from here; the parsers live in ``published.py``.
__all__ = ["article_from_record", "default_article_id", "excerpt", "json_kind", "parse_published"]


def default_article_id(source: str, line: int | None) -> str:
    """Return the id given to a record without one: ``<file stem>:<line>``.

    ``source`` names like ``<stdin>`` lose their brackets so ids stay plain words.
    """
    stem = Path(source).stem.strip("<>") or "record"
    return stem if line is None else f"{stem}:{line}"


def article_from_record(
    record: Mapping[str, Any],
    *,
    source: str,
    line: int | None,
    default_published: datetime | None,
    default_id: str | None = None,
    fields: FieldMap | None = None,
) -> Article:
    """Build an ``Article`` from one decoded JSON object (or CSV row).

    Args:
        record: the object; the text is required, the id, title, publication date, URL
            and source are optional, other keys are ignored. Each field is found under
            its usual names (``published``, ``date``, ``pubDate``, ...; see
            ``dyad.ingest.fields.SYNONYMS``) or the key ``fields`` names for it.
        source: where the record came from (a file path, ``<stdin>``); used in errors
            and for the default id.
        line: the record's line number in ``source``, if it has one.
        default_published: used when the record has no publication date; must be aware.
        default_id: used when the record has no id; defaults to ``<source stem>:<line>``.
        fields: which key holds which field, where the usual names do not fit.

    Raises:
        IngestError: the record lacks a string text, or a field has the wrong type or an
            unparseable value.
    """
    fields = fields or FieldMap()

    def fail(problem: str, fix: str) -> IngestError:
        return IngestError(source, line, problem, fix)

    text_key = fields.key("text", record)
    if text_key is None:
        keys = ", ".join(sorted(map(str, record))) or "none"
        raise fail(
            f"record has no {fields.describe('text')} field (its keys: {keys})",
            'Put the article body under "text" (or body, content, maintext), e.g. '
            '{"id": "a1", "text": "..."}, or name its key with --field text=KEY.',
        )
    text = record[text_key]
    if not isinstance(text, str):
        raise fail(
            f"'{text_key}' must be a string, got {json_kind(text)} {excerpt(repr(text))}",
            "Give the article body as one JSON string.",
        )

    id_key = fields.key("id", record)
    article_id = (
        _article_id(id_key, record.get(id_key) if id_key else None, fail)
        or default_id
        or default_article_id(source, line)
    )
    published_key = fields.key("published", record)
    published = record.get(published_key) if published_key else None
    if published is None:
        published_at = default_published
    elif isinstance(published, str):
        try:
            published_at = parse_published(published)
        except ValueError:
            raise fail(
                f"invalid '{published_key}' value {published!r}",
                f"Use {PUBLISHED_FORMATS}; or leave it out to use --published.",
            ) from None
    else:
        raise fail(
            f"'{published_key}' must be a string, got {json_kind(published)} {excerpt(repr(published))}",
            f"Use {PUBLISHED_FORMATS}.",
        )

    return Article(
        id=article_id,
        text=text,
        title=_optional_string(record, fields.key("title", record), fail) or "",
        published_at=published_at,
        url=_optional_string(record, fields.key("url", record), fail),
        source=_optional_string(record, fields.key("source", record), fail),
    )


def _article_id(key: str | None, value: object, fail: _Fail) -> str | None:
    if value is None:
        return None
    # bool is an int subclass, but true/false as an id is surely a mistake.
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        article_id = str(value).strip()
        if article_id:
            return article_id
    raise fail(
        f"'{key}' must be a non-empty string or number, got {json_kind(value)} {excerpt(repr(value))}",
        f"Give each record a string id, or leave '{key}' out to get '<file>:<line>'.",
    )


def _optional_string(record: Mapping[str, Any], key: str | None, fail: _Fail) -> str | None:
    if key is None:
        return None
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise fail(
        f"'{key}' must be a string or null, got {json_kind(value)} {excerpt(repr(value))}",
        f"Give '{key}' as a JSON string, or leave it out.",
    )


def json_kind(value: object) -> str:
    """Name a decoded JSON value by its JSON type, as the user wrote it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def excerpt(text: str, max_chars: int = 60) -> str:
    """Shorten ``text`` for an error message, marking the cut with an ellipsis."""
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"
