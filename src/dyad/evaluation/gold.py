"""Readers for the evaluation files: JSON-lines articles and the PLOVER gold-standard records.

Every reader raises ``EvalError`` naming the file, the line and the fix, so a broken gold
file stops a scoring run before any extraction time is spent on it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from dyad.errors import EvalError
from dyad.model import Article, EventType

# Old CAMEO-era country codes found in the PLOVER gold records, and their ISO 3166 codes.
OLD_COUNTRY_CODES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "GMY": "DEU",
    "UKG": "GBR",
}

# The GSR is CAMEO-era: it codes the UN and the EU as plain "IGO". PLOVER 2021 gives them
# codes of their own, so an emitted UNO or EUR is an IGO for scoring.
IGO_CODES = {"UNO": "IGO", "EUR": "IGO"}

# Sector typos in the gold records ("CIV" for civilians).
SECTOR_TYPOS = {"CIV": "CVL"}


def normalize_country(code: str | None) -> str | None:
    """Return ``code`` as the comparable ISO-style code, or None when there is nothing to score."""
    if not code or not code.strip():
        return None
    code = code.strip().upper()
    code = OLD_COUNTRY_CODES.get(code, code)
    return IGO_CODES.get(code, code)


def normalize_sector(code: str | None) -> str | None:
    """Return the three-letter sector of a PLOVER or CAMEO-era code (``CVLalb`` -> ``CVL``).

    ``***`` (the gold's "unknown") and empty codes give None: nothing to score.
    """
    if not code or not code.strip():
        return None
    sector = code.strip()[:3].upper()
    if not sector.isalpha():
        return None
    return SECTOR_TYPOS.get(sector, sector)


def read_jsonl(path: Path | str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSON-lines file.

    Raises:
        EvalError: the file is missing, or a line is not a JSON object.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise EvalError(f"cannot read {path}: {e.strerror}. Check the path.") from e
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise EvalError(f"{path}:{number}: not valid JSON ({e.msg}). Fix or remove the line.") from e
            if not isinstance(record, dict):
                raise EvalError(f"{path}:{number}: expected a JSON object, got {type(record).__name__}.")
            yield number, record


def parse_published(value: object, where: str) -> datetime | None:
    """Return a timezone-aware publication time; a date or a naive time is taken as UTC.

    Raises:
        EvalError: the value is not an ISO date or datetime.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise EvalError(f"{where}: 'published' must be an ISO date string, got {value!r}.")
    try:
        published_at = datetime.fromisoformat(value)
    except ValueError:
        try:
            published_at = datetime.combine(date.fromisoformat(value), datetime.min.time())
        except ValueError as e:
            raise EvalError(
                f"{where}: 'published' is {value!r}, not an ISO date or datetime. Use e.g. 2023-12-11."
            ) from e
    if published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=UTC)
    return published_at


def read_articles(path: Path | str) -> list[Article]:
    """Read articles from a JSON-lines file with ``id``, ``text`` and optional metadata.

    The publication time is taken from ``published``, or from ``date`` as in the Reuters corpus.

    Raises:
        EvalError: the file cannot be read, or a record lacks ``id`` or ``text``.
    """
    articles = []
    for number, record in read_jsonl(path):
        where = f"{path}:{number}"
        if not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
            raise EvalError(
                f"{where}: an article needs string fields 'id' and 'text'; got keys {sorted(record)}."
            )
        published = record.get("published", record.get("date"))
        articles.append(
            Article(
                id=record["id"],
                text=record["text"],
                title=record.get("title") or "",
                published_at=parse_published(published, where),
                url=record.get("url"),
                source=record.get("source"),
            )
        )
    return articles


@dataclass(frozen=True, slots=True)
class GoldParticipant:
    """An actor or recipient of a gold event, normalized: country and three-letter sector, or None."""

    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event of a GSR sentence."""

    record_id: str
    event_type: EventType
    actors: tuple[GoldParticipant, ...]
    recipients: tuple[GoldParticipant, ...]
    mode: str | None


@dataclass(frozen=True, slots=True)
class GsrSentence:
    """A gold sentence with all its events; records sharing a text are one sentence."""

    text: str
    events: tuple[GoldEvent, ...]

    @property
    def id(self) -> str:
        """Return the id of the sentence's first gold record."""
        return self.events[0].record_id


def _participants(raw: object, where: str) -> tuple[GoldParticipant, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise EvalError(f"{where}: actor lists must be JSON arrays, got {raw!r}.")
    return tuple(
        GoldParticipant(
            text=item.get("text") or "",
            country=normalize_country(item.get("code")),
            sector=normalize_sector(item.get("sector")),
        )
        for item in raw
    )


def read_gsr(path: Path | str) -> list[GsrSentence]:
    """Read PLOVER gold-standard records, grouped into sentences in file order.

    Raises:
        EvalError: the file cannot be read, or an event lacks a valid ``code.plover_2021``.
    """
    by_text: dict[str, list[GoldEvent]] = {}
    for number, record in read_jsonl(path):
        where = f"{path}:{number}"
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise EvalError(f"{where}: a gold record needs a non-empty 'text'.")
        for event in record.get("events") or []:
            type_name = (event.get("code") or {}).get("plover_2021")
            if type_name not in EventType.__members__:
                raise EvalError(
                    f"{where}: event type {type_name!r} in code.plover_2021 is not a PLOVER type. "
                    f"Use one of {', '.join(EventType.__members__)}."
                )
            by_text.setdefault(text, []).append(
                GoldEvent(
                    record_id=str(record.get("id", f"line-{number}")),
                    event_type=EventType(type_name),
                    actors=_participants(event.get("source_actor"), where),
                    recipients=_participants(event.get("target_actor"), where),
                    mode=event.get("mode") or None,
                )
            )
    return [GsrSentence(text, tuple(events)) for text, events in by_text.items()]
