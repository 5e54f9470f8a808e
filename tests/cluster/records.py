"""Hand-made output-contract records around real sentences, for the clustering tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from dyad.cluster import Mention


def party(country: str | None, *sectors: str, text: str = "") -> dict[str, Any]:
    return {"text": text or country, "name": None, "country": country, "sector": list(sectors),
            "attributes": [], "resolved_by": None, "start": None, "end": None}  # fmt: skip


def place(name: str, country: str | None, precision: str, lat: float, lon: float) -> dict[str, Any]:
    return {"text": name, "name": name, "country": country, "admin1": None, "lat": lat, "lon": lon,
            "geonameid": None, "precision": precision, "start": None, "end": None}  # fmt: skip


GULF = place("Persian Gulf", None, "country", 27.0, 51.0)
KHARG = place("Kharg island", "IRN", "point", 29.26, 50.33)
IRAQ = place("Iraq", "IRQ", "country", 33.0, 44.0)


def record(
    article_id: str,
    sentence: str,
    trigger: str,
    event_type: str = "ASSAULT",
    *,
    date: str | None = None,
    granularity: str = "day",
    basis: str = "text",
    actor: list[dict[str, Any]] | None = None,
    recipient: list[dict[str, Any]] | None = None,
    location: list[dict[str, Any]] | None = None,
    killed: int | None = None,
    sentence_start: int = 0,
    status: str = "asserted",
) -> dict[str, Any]:
    """Return a contract record whose evidence is ``sentence`` with ``trigger`` in it."""
    trigger_start = sentence_start + sentence.index(trigger)
    key = f"{article_id}|{trigger_start}|{event_type}"
    return {
        "article_id": article_id,
        "event_id": hashlib.sha1(key.encode()).hexdigest()[:16],
        "type": event_type, "mode": [], "context": [], "cameo": None, "quad": None, "score": None,
        "status": status, "historical": False,
        "actor": actor or [], "recipient": recipient or [],
        "date": None if date is None else {"value": date, "until": None, "granularity": granularity,
                                           "basis": basis, "text": None, "start": None, "end": None},
        "location": location or [],
        "quantities": {} if killed is None else {
            "killed": {"value": killed, "low": None, "high": None, "approx": False, "text": str(killed)}
        },
        "speaker": None,
        "evidence": {"sentence": sentence, "start": sentence_start, "end": sentence_start + len(sentence),
                     "trigger": trigger, "trigger_start": trigger_start,
                     "trigger_end": trigger_start + len(trigger)},
        "confidence": 0.8, "rule": "test", "coded_by": [],
    }  # fmt: skip


def mention(record: dict[str, Any], published: str, source: str = "Reuters") -> Mention:
    return Mention.from_record(
        record, published=datetime.fromisoformat(published).replace(tzinfo=UTC), source=source
    )
