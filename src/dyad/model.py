"""The plain records that flow between dyad's stages.

Nothing here imports spaCy or any third-party package: events outlive the parse,
so the store, the exports and the front doors only ever see these types.
Offsets are Python string offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class EventType(StrEnum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Status(StrEnum):
    """How the text reports an event: its factuality (PLOVER's auxiliary modes)."""

    ASSERTED = "asserted"
    DEMANDED = "demanded"
    THREATENED = "threatened"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"
    DENIED = "denied"
    CLAIMED = "claimed"


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as ingested; the unit the pipeline processes.

    ``published_at`` is timezone-aware, or None when the publication time is unknown.
    """

    id: str
    text: str
    title: str = ""
    published_at: datetime | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A slice of ``Article.text``; invariant: ``text == article.text[start_char:end_char]``."""

    start_char: int
    end_char: int
    text: str


# ``Actor.resolved_by`` of an attacker the text does not name, coded PLOVER's UAF by the coder.
UNATTRIBUTED = "unattributed"
# Part of ``Actor.resolved_by`` when the country is known only from a people's name ("ethnic
# Albanians"); the final stage then places the actor where the event happened.
ETHNICITY = "ethnicity"


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant of an event: the words, and who they were resolved to be.

    ``resolved_by`` names how the identity was found (``kb:country``, ``sector-noun``,
    ``apposition``, ``coreference``, ...), so a user can see why. ``attributes`` keeps
    modifiers that are not a sector, such as ``aligned:IRN`` or ``state-linked``.
    """

    span: TextSpan
    name: str | None = None
    country: str | None = None
    sector: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    resolved_by: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A place an event happened, resolved against the gazetteer.

    ``precision`` follows ACLED's geo_precision in words: point, town, admin1, country.
    """

    span: TextSpan | None
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "town"


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened.

    ``value`` is TIMEX3-like (``2023-12-10``, ``2020-01``, ``1987``); a range ends at
    ``until``. ``basis`` says where it came from: text, paragraph or publication.
    """

    value: str
    granularity: str
    basis: str
    until: str | None = None
    span: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number tied to an event in a role: killed, injured, arrested, size or count.

    ``low`` is a lower bound ("at least 11"), ``high`` an upper bound ("up to 40"),
    ``approx`` marks hedged figures ("nearly", "around", "over").
    """

    role: str
    value: int | None
    span: TextSpan
    low: int | None = None
    high: int | None = None
    is_approx: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event mention. Unresolved parts stay None or empty; that is a real outcome."""

    article_id: str
    event_type: EventType
    trigger: TextSpan
    sentence: TextSpan
    rule: str
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    status: Status = Status.ASSERTED
    is_historical: bool = False
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    date: EventDate | None = None
    locations: tuple[Location, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    speaker: Actor | None = None
    confidence: float = 0.5
    coded_by: tuple[str, ...] = field(default=())

    @property
    def event_id(self) -> str:
        """Return a stable id: the same mention of the same article always hashes the same."""
        key = f"{self.article_id}|{self.trigger.start_char}|{self.trigger.end_char}|{self.event_type}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def quantity(self, role: str) -> Quantity | None:
        """Return the quantity in ``role`` (killed, injured, arrested, size, count), if any."""
        return next((q for q in self.quantities if q.role == role), None)
