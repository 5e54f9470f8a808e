"""One decoded input record (a JSON object) → one ``Article``.

Shared by the JSON-lines reader, the CLI (``--published``) and the HTTP API, so a
record means the same thing whichever door it came through.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dyad.errors import IngestError
from dyad.model import Article

_Fail = Callable[[str, str], IngestError]

_PUBLISHED_FORMAT = (
    "an ISO 8601 date or datetime such as 2023-12-11, 2023-12-11T09:30:00 or 2023-12-11T09:30:00+03:00"
)


def parse_published(value: str) -> datetime:
    """Parse a publication date or datetime into a timezone-aware datetime.

    A bare date means midnight UTC; a datetime without an offset is taken as UTC.

    Raises:
        ValueError: if ``value`` is not an ISO 8601 date or datetime; the message
            shows the value and the expected format.
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"invalid publication date {value!r}: expected {_PUBLISHED_FORMAT}") from None
    if parsed.tzinfo is None:
        # Wire feeds mostly omit the offset; UTC keeps every published_at comparable.
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


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
) -> Article:
    """Build an ``Article`` from one decoded JSON object.

    Args:
        record: the object; ``text`` is required, ``id``, ``title``, ``published``,
            ``url`` and ``source`` are optional, other keys are ignored.
        source: where the record came from (a file path, ``<stdin>``); used in errors
            and for the default id.
        line: the record's line number in ``source``, if it has one.
        default_published: used when the record has no ``published``; must be aware.
        default_id: used when the record has no ``id``; defaults to
            ``<source stem>:<line>``.

    Raises:
        IngestError: the record lacks a string ``text``, or a field has the wrong type
            or an unparseable value.
    """

    def fail(problem: str, fix: str) -> IngestError:
        return IngestError(source, line, problem, fix)

    if "text" not in record:
        keys = ", ".join(sorted(map(str, record))) or "none"
        raise fail(
            f"record has no 'text' field (its keys: {keys})",
            'Put the article body under "text", e.g. {"id": "a1", "text": "..."}.',
        )
    text = record["text"]
    if not isinstance(text, str):
        raise fail(
            f"'text' must be a string, got {json_kind(text)} {excerpt(repr(text))}",
            "Give the article body as one JSON string.",
        )

    article_id = _article_id(record.get("id"), fail) or default_id or default_article_id(source, line)
    published = record.get("published")
    if published is None:
        published_at = default_published
    elif isinstance(published, str):
        try:
            published_at = parse_published(published)
        except ValueError:
            raise fail(
                f"invalid 'published' value {published!r}",
                f"Use {_PUBLISHED_FORMAT}, or leave it out to use --published.",
            ) from None
    else:
        raise fail(
            f"'published' must be a string, got {json_kind(published)} {excerpt(repr(published))}",
            f"Use {_PUBLISHED_FORMAT}.",
        )

    return Article(
        id=article_id,
        text=text,
        title=_optional_string(record, "title", fail) or "",
        published_at=published_at,
        url=_optional_string(record, "url", fail),
        source=_optional_string(record, "source", fail),
    )


def _article_id(value: object, fail: _Fail) -> str | None:
    if value is None:
        return None
    # bool is an int subclass, but true/false as an id is surely a mistake.
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        article_id = str(value).strip()
        if article_id:
            return article_id
    raise fail(
        f"'id' must be a non-empty string or number, got {json_kind(value)} {excerpt(repr(value))}",
        "Give each record a string id, or leave 'id' out to get '<file>:<line>'.",
    )


def _optional_string(record: Mapping[str, Any], key: str, fail: _Fail) -> str | None:
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
