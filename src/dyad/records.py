"""Event → output-contract record: the JSON shape ``dyad extract`` writes (see DESIGN.md).

This mapping is the stable contract tools outside dyad read; field names never change here
without a version bump.
"""

from __future__ import annotations

from typing import Any

from dyad.model import Actor, Event, Location, TextSpan
from dyad.plover import QUADS, score, to_cameo


def _span_fields(span: TextSpan | None) -> dict[str, Any]:
    """Return the text and offsets of a span, all None when the span is unknown."""
    if span is None:
        return {"text": None, "start": None, "end": None}
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def actor_record(actor: Actor) -> dict[str, Any]:
    """Return the contract form of one actor or recipient."""
    fields = _span_fields(actor.span)
    return {
        "text": fields["text"],
        "name": actor.name,
        "country": actor.country,
        "sector": list(actor.sector),
        "attributes": list(actor.attributes),
        "resolved_by": actor.resolved_by,
        "start": fields["start"],
        "end": fields["end"],
    }


def location_record(location: Location) -> dict[str, Any]:
    """Return the contract form of one event location."""
    fields = _span_fields(location.span)
    return {
        "text": fields["text"],
        "name": location.name,
        "country": location.country,
        "admin1": location.admin1,
        "lat": location.lat,
        "lon": location.lon,
        "geonameid": location.geonameid,
        "precision": location.precision,
        "start": fields["start"],
        "end": fields["end"],
    }


def event_to_record(event: Event) -> dict[str, Any]:
    """Return the output-contract record of an event."""
    event_date = event.date
    return {
        "article_id": event.article_id,
        "event_id": event.event_id,
        "type": event.event_type.value,
        "mode": list(event.mode),
        "context": list(event.context),
        "cameo": to_cameo(event.event_type, event.mode),
        "quad": QUADS[event.event_type],
        "score": score(event.event_type, event.mode),
        "status": event.status.value,
        "historical": event.is_historical,
        "actor": [actor_record(a) for a in event.actors],
        "recipient": [actor_record(a) for a in event.recipients],
        "date": None
        if event_date is None
        else {
            "value": event_date.value,
            "until": event_date.until,
            "granularity": event_date.granularity,
            "basis": event_date.basis,
            **_span_fields(event_date.span),
        },
        "location": [location_record(loc) for loc in event.locations],
        "quantities": {
            q.role: {
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "approx": q.is_approx,
                "text": q.span.text,
            }
            for q in event.quantities
        },
        "speaker": actor_record(event.speaker) if event.speaker else None,
        "evidence": {
            "sentence": event.sentence.text,
            "start": event.sentence.start_char,
            "end": event.sentence.end_char,
            "trigger": event.trigger.text,
            "trigger_start": event.trigger.start_char,
            "trigger_end": event.trigger.end_char,
        },
        "confidence": event.confidence,
        "rule": event.rule,
        "coded_by": list(event.coded_by),
    }
