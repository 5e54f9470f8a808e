"""``EventQuery``: the one filter type of the CLI, the Python API and the HTTP API.

``EventQuery.from_params`` is the only place filter values are parsed and checked, so a
filter means the same thing behind every front door. ``where()`` compiles it to a SQL
condition with parameters, written once for DuckDB and PostgreSQL (``backends.Dialect``
spells the one part that differs, "list shares an element with").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from dyad.errors import QueryError
from dyad.model import EventType, Status
from dyad.store.backends import Dialect

Historical = Literal["exclude", "include", "only"]
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which stored events to read. Empty filters match everything.

    Multi-valued filters match any of their values; different filters must all match.
    Country, sector and location filters match any actor (or recipient, location) of the
    event, not only the first. Dates compare ``event_date``, the first day of the event's
    date (events with no resolvable date never match a date range).

    Defaults follow what an analyst means by "events": reported as having happened
    (``status=("asserted",)``), not background history (``historical="exclude"``).
    """

    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    status: tuple[str, ...] = (Status.ASSERTED.value,)
    historical: Historical = "exclude"
    actor_country: tuple[str, ...] = ()
    recipient_country: tuple[str, ...] = ()
    actor_sector: tuple[str, ...] = ()
    recipient_sector: tuple[str, ...] = ()
    actor: str | None = None
    recipient: str | None = None
    since: date | None = None
    until: date | None = None
    location_country: tuple[str, ...] = ()
    location_admin1: tuple[str, ...] = ()
    text: str | None = None
    article_id: tuple[str, ...] = ()
    event_id: tuple[str, ...] = ()
    limit: int | None = None
    # Rows to skip before ``limit`` (pages of the HTTP API); the order is the store's fixed one.
    offset: int | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> EventQuery:
        """Parse filter values from strings or lists of strings (CLI flags, a query string).

        Keys are the field names; ``type``/``mode`` are accepted for ``types``/``modes``,
        and ``status="all"`` (or an empty list) lifts the status filter. None or empty
        values mean "no filter", except for ``status``, whose default is asserted.

        Raises:
            QueryError: a key is unknown or a value is malformed; the message names both.
        """
        aliases = {"type": "types", "mode": "modes"}
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, raw in params.items():
            name = aliases.get(key, key)
            if name not in known:
                raise QueryError(key, raw, f"unknown filter; use one of {', '.join(sorted(known))}")
            if raw is None or (name != "status" and raw in ("", (), [])):
                continue
            values[name] = _PARSERS[name](key, raw)
        return cls(**values)

    def where(self, dialect: Dialect) -> tuple[str, list[Any]]:
        """Return a SQL condition over the ``events`` table, and its parameters in order."""
        p = dialect.param
        clauses: list[str] = []
        params: list[Any] = []

        def one_of(column: str, values: tuple[str, ...]) -> None:
            if values:
                clauses.append(f"{column} IN ({', '.join([p] * len(values))})")
                params.extend(values)

        def shares(column: str, values: tuple[str, ...]) -> None:
            if values:
                clauses.append(dialect.list_has_any(column, len(values)))
                params.extend(values)

        def contains_text(column: str, needle: str | None) -> None:
            if needle:
                clauses.append(f"{column} ILIKE {p}")
                params.append(f"%{_escape_like(needle)}%")

        one_of("type", self.types)
        shares("mode", self.modes)
        one_of("status", self.status)
        if self.historical == "exclude":
            clauses.append("NOT historical")
        elif self.historical == "only":
            clauses.append("historical")
        shares("actor_countries", self.actor_country)
        shares("recipient_countries", self.recipient_country)
        shares("actor_sectors", self.actor_sector)
        shares("recipient_sectors", self.recipient_sector)
        contains_text("actor_names", self.actor)
        contains_text("recipient_names", self.recipient)
        if self.since is not None:
            clauses.append(f"event_date >= {p}")
            params.append(self.since)
        if self.until is not None:
            clauses.append(f"event_date <= {p}")
            params.append(self.until)
        shares("location_countries", self.location_country)
        shares("location_admin1s", self.location_admin1)
        contains_text("sentence", self.text)
        one_of("article_id", self.article_id)
        one_of("event_id", self.event_id)
        return (" AND ".join(clauses) or "TRUE"), params


def _escape_like(text: str) -> str:
    # ILIKE's default escape character is a backslash in both databases.
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _strings(name: str, raw: Any) -> tuple[str, ...]:
    items: Iterable[Any] = [raw] if isinstance(raw, str) else raw
    out: list[str] = []
    for item in items:
        # "IRQ,USA" and ["IRQ", "USA"] mean the same, so a query string can carry lists.
        out.extend(part.strip() for part in str(item).split(",") if part.strip())
    return tuple(out)


def _types(name: str, raw: Any) -> tuple[str, ...]:
    values = tuple(v.upper() for v in _strings(name, raw))
    for value in values:
        if value not in EventType.__members__:
            raise QueryError(name, value, f"not a PLOVER event type; use one of {', '.join(EventType)}")
    return values


def _modes(name: str, raw: Any) -> tuple[str, ...]:
    return tuple(v.lower() for v in _strings(name, raw))


def _status(name: str, raw: Any) -> tuple[str, ...]:
    values = tuple(v.lower() for v in _strings(name, raw))
    if not values or "all" in values:
        return ()
    allowed = [s.value for s in Status]
    for value in values:
        if value not in allowed:
            raise QueryError(name, value, f"use 'all' or one of {', '.join(allowed)}")
    return values


def _historical(name: str, raw: Any) -> str:
    value = str(raw).lower()
    if value not in ("exclude", "include", "only"):
        raise QueryError(name, raw, "use exclude (the default), include or only")
    return value


def _codes(pattern: re.Pattern[str], what: str) -> Any:
    def parse(name: str, raw: Any) -> tuple[str, ...]:
        values = tuple(v.upper() for v in _strings(name, raw))
        for value in values:
            if not pattern.match(value):
                raise QueryError(name, value, f"use {what}")
        return values

    return parse


def _text(name: str, raw: Any) -> str:
    return str(raw)


def _date(name: str, raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError as e:
        raise QueryError(name, raw, "use an ISO date, YYYY-MM-DD") from e


def _offset(name: str, raw: Any) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError) as e:
        raise QueryError(name, raw, "use a whole number, 0 or more") from e
    if value < 0:
        raise QueryError(name, raw, "use a whole number, 0 or more")
    return value


def _limit(name: str, raw: Any) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError) as e:
        raise QueryError(name, raw, "use a positive whole number") from e
    if value < 1:
        raise QueryError(name, raw, "use a positive whole number")
    return value


_PARSERS = {
    "types": _types,
    "modes": _modes,
    "status": _status,
    "historical": _historical,
    "actor_country": _codes(_COUNTRY, "ISO 3166 alpha-3 codes such as IRQ or USA"),
    "recipient_country": _codes(_COUNTRY, "ISO 3166 alpha-3 codes such as IRQ or USA"),
    "actor_sector": _codes(_SECTOR, "PLOVER sector codes such as GOV, MIL, REB"),
    "recipient_sector": _codes(_SECTOR, "PLOVER sector codes such as GOV, MIL, REB"),
    "actor": _text,
    "recipient": _text,
    "since": _date,
    "until": _date,
    "location_country": _codes(_COUNTRY, "ISO 3166 alpha-3 codes such as IRQ or USA"),
    "location_admin1": lambda name, raw: _strings(name, raw),
    "text": _text,
    "article_id": lambda name, raw: _strings(name, raw),
    "event_id": lambda name, raw: _strings(name, raw),
    "limit": _limit,
    "offset": _offset,
}
