"""``Mention``: the parts of one coded event mention that clustering compares.

A mention is built from an output-contract record (``Mention.from_record``, what ``dyad
extract`` writes) or from a stored ``events`` row (``Mention.from_row``), so the same
clustering runs on fresh events and on a store, and neither needs spaCy. Dates become day
intervals (a month-precision "March 1987" spans its 31 days), places keep their precision.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def timex_span(value: str | None) -> tuple[date, date] | None:
    """Return the first and last day a TIMEX-like value can mean, or None.

    ``1987-03-08`` is one day, ``1987-03`` its month, ``1987-W10`` its ISO week, ``1987`` its
    year, ``198`` its decade, ``1987-Q1``/``-H1``/``-SP`` their quarters, halves and seasons.
    ``PRESENT_REF`` and other values without a calendar give None: they overlap nothing.
    """
    if not value:
        return None
    try:
        return _span(value)
    except ValueError:  # an impossible date such as 1987-02-30 in a hand-made record
        return None


def _span(value: str) -> tuple[date, date] | None:
    if match := _DAY.match(value):
        day = date(*map(int, match.groups()))
        return day, day
    if match := _MONTH.match(value):
        year, month = map(int, match.groups())
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match := _WEEK.match(value):
        monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday, monday + timedelta(days=6)
    if match := _YEAR.match(value):
        year = int(match.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    if match := _DECADE.match(value):
        decade = int(match.group(1)) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    if match := _QUARTER.match(value):
        year, quarter = int(match.group(1)), int(match.group(2))
        return _months(year, 3 * quarter - 2, 3 * quarter)
    if match := _HALF.match(value):
        year, half = int(match.group(1)), int(match.group(2))
        return _months(year, 6 * half - 5, 6 * half)
    if match := _SEASON.match(value):
        first, last = _SEASONS[match.group(2)]
        return _months(int(match.group(1)), first, last)
    return None


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    # A winter runs into the next year's February.
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or recipient as clustering sees it: country, sectors, lower-cased name."""

    country: str | None
    sectors: frozenset[str] = frozenset()
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where a mention puts its event: the first resolved location."""

    name: str | None
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One event mention in one article, reduced to what decides whether two report one event.

    ``start``/``end`` bound the days the event may have happened on (None: undated);
    ``date_precision`` is the date's granularity (day, week, month, ...) and ``date_basis``
    where it came from (text, paragraph, publication). ``order`` sorts mentions the way
    they were reported: publication time, article, position in the text.
    """

    event_id: str
    article_id: str
    event_type: str
    modes: tuple[str, ...]
    status: str
    historical: bool
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    start: date | None
    end: date | None
    date_value: str | None
    date_until: str | None
    date_precision: str | None
    date_basis: str | None
    place: Place | None
    countries: frozenset[str]
    figures: Mapping[str, int]
    sentence: str
    trigger: str
    sentence_start: int
    trigger_start: int
    published: datetime | None = None
    source: str | None = None

    @property
    def order(self) -> tuple[str, str, int, int, str]:
        """Return the sort key of reporting order (earliest publication first)."""
        published = self.published.isoformat() if self.published else "9999"
        return (published, self.article_id, self.sentence_start, self.trigger_start, self.event_id)

    @property
    def parties(self) -> tuple[Party, ...]:
        """Return actors and recipients together: who took part, whichever side."""
        return self.actors + self.recipients

    @classmethod
    def from_record(
        cls, record: Mapping[str, Any], *, published: datetime | None = None, source: str | None = None
    ) -> Mention:
        """Build a mention from an output-contract record (``records.event_to_record``)."""
        event_date = record.get("date") or {}
        locations = record.get("location") or []
        first = locations[0] if locations else None
        evidence = record["evidence"]
        figures = {
            role: quantity["value"]
            for role, quantity in (record.get("quantities") or {}).items()
            if quantity and quantity.get("value") is not None
        }
        return cls(
            event_id=record["event_id"],
            article_id=record["article_id"],
            event_type=record["type"],
            modes=tuple(record.get("mode") or ()),
            status=record.get("status") or "asserted",
            historical=bool(record.get("historical")),
            actors=tuple(_party(a) for a in record.get("actor") or ()),
            recipients=tuple(_party(a) for a in record.get("recipient") or ()),
            **_dates(event_date.get("value"), event_date.get("until")),
            date_value=event_date.get("value"),
            date_until=event_date.get("until"),
            date_precision=event_date.get("granularity"),
            date_basis=event_date.get("basis"),
            place=_place(first) if first else None,
            countries=frozenset(loc["country"] for loc in locations if loc.get("country")),
            figures=figures,
            sentence=evidence["sentence"],
            trigger=evidence["trigger"],
            sentence_start=evidence["start"],
            trigger_start=evidence["trigger_start"],
            published=published,
            source=source,
        )

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Mention:
        """Build a mention from a stored ``events`` row, with its article's ``published`` and ``source``."""
        place = None
        if row.get("location_name") or row.get("location_country") or row.get("latitude") is not None:
            place = Place(
                name=row.get("location_name"),
                country=row.get("location_country"),
                admin1=row.get("location_admin1"),
                lat=row.get("latitude"),
                lon=row.get("longitude"),
                precision=row.get("geo_precision"),
            )
        roles = ("killed", "injured", "arrested", "size")
        figures = {role: int(row[role]) for role in roles if row.get(role) is not None}
        if row.get("incidents") is not None:
            figures["count"] = int(row["incidents"])
        return cls(
            event_id=row["event_id"],
            article_id=row["article_id"],
            event_type=row["type"],
            modes=tuple(row.get("mode") or ()),
            status=row.get("status") or "asserted",
            historical=bool(row.get("historical")),
            actors=_row_parties(row, "actor"),
            recipients=_row_parties(row, "recipient"),
            **_dates(row.get("date_value"), row.get("date_until")),
            date_value=row.get("date_value"),
            date_until=row.get("date_until"),
            date_precision=row.get("date_granularity"),
            date_basis=row.get("date_basis"),
            place=place,
            countries=frozenset(row.get("location_countries") or ()),
            figures=figures,
            sentence=row.get("sentence") or "",
            trigger=row.get("trigger_text") or "",
            sentence_start=row.get("sentence_start") or 0,
            trigger_start=row.get("trigger_start") or 0,
            published=row.get("published"),
            source=row.get("source"),
        )


def _dates(value: str | None, until: str | None) -> dict[str, date | None]:
    span = timex_span(value)
    if span is None:
        return {"start": None, "end": None}
    end = timex_span(until)
    return {"start": span[0], "end": max(span[1], end[1]) if end else span[1]}


def _party(actor: Mapping[str, Any]) -> Party:
    name = actor.get("name") or actor.get("text")
    return Party(
        country=actor.get("country"),
        sectors=frozenset(actor.get("sector") or ()),
        name=" ".join(name.lower().split()) if name else None,
    )


def _row_parties(row: Mapping[str, Any], role: str) -> tuple[Party, ...]:
    # A row keeps the first party whole and every party's countries and sectors as lists.
    countries: Iterable[str] = row.get(f"{role}_countries") or ()
    sectors = frozenset(row.get(f"{role}_sectors") or ())
    first_name = row.get(f"{role}_name") or row.get(f"{role}_text")
    first_country = row.get(f"{role}_country")
    if first_country is None and not sectors and not first_name:
        return ()
    parties = [
        Party(
            country=first_country,
            sectors=sectors,
            name=" ".join(first_name.lower().split()) if first_name else None,
        )
    ]
    parties += [Party(country=c) for c in countries if c != first_country]
    return tuple(parties)


def _place(location: Mapping[str, Any]) -> Place:
    return Place(
        name=location.get("name"),
        country=location.get("country"),
        admin1=location.get("admin1"),
        lat=location.get("lat"),
        lon=location.get("lon"),
        precision=location.get("precision"),
    )
