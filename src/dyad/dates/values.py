"""TIMEX3-like value arithmetic: weeks, months, seasons, the calendar span of a value."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dyad.dates.vocabulary import MONTHS, NUMBER_WORDS, ORDINAL_WORDS, SEASON_START

__all__ = [
    "covering_value", "day_number", "iso_week", "month_number", "number_value", "parse_offset",
    "resolve_weekday", "season_start", "shift_day", "shift_month", "shift_value", "valid_day", "value_bounds",
]  # fmt: skip


def resolve_weekday(anchor: date, weekday: int, future: bool = False) -> date:
    """Return the date of ``weekday`` (Monday = 0) nearest ``anchor`` in the given direction.

    Past (the default in news): the most recent such day up to and including the anchor, so
    "on Monday" in a Monday article is that Monday. Future: the next such day from the anchor
    on, the anchor included.
    """
    if future:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def iso_week(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def season_start(year: int, code: str) -> date:
    month, day = SEASON_START[code]
    return date(year, month, day)


def value_bounds(value: str | None) -> tuple[date, date] | None:
    """Return the first and last calendar day a TIMEX-like value covers, or None.

    None for references (``PRESENT_REF``), durations, sets and malformed values.
    """
    if not value:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return (monday + timedelta(days=5) if m[3] else monday), monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, first = int(m[1]), (int(m[2]) - 1) * 3 + 1
        return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        year = int(m[1])
        return (
            (date(year, 1, 1), date(year, 6, 30)) if m[2] == "1" else (date(year, 7, 1), date(year, 12, 31))
        )
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year, code = int(m[1]), m[2]
        following = {"SP": (year, "SU"), "SU": (year, "FA"), "FA": (year, "WI"), "WI": (year + 1, "SP")}
        return season_start(year, code), season_start(*following[code]) - timedelta(days=1)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}", value):
        return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):
        return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    return None


def number_value(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word)
    if len(parts) == 2:
        tens, ones = NUMBER_WORDS.get(parts[0]), NUMBER_WORDS.get(parts[1])
        return tens + ones if tens and ones else None
    return NUMBER_WORDS.get(word)


def day_number(word: str) -> int | None:
    word = word.lower().strip()
    if m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", word):
        day = int(m[1])
    else:
        parts = re.split(r"[- ]", word)
        if len(parts) == 2:
            tens = NUMBER_WORDS.get(parts[0], 0)
            ones = ORDINAL_WORDS.get(parts[1]) or NUMBER_WORDS.get(parts[1], 0)
            day = tens + ones
        else:
            day = ORDINAL_WORDS.get(word) or NUMBER_WORDS.get(word, 0)
    return day if 1 <= day <= 31 else None


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def valid_day(year: int, month: int, day: int) -> date | None:
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def shift_day(day: date, amount: int, unit: str) -> date:
    """Return ``day`` moved by ``amount`` units (``D``, ``W``, ``M``, ``Y``), clipping to month ends."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = amount if unit == "M" else amount * 12
    year, month = shift_month(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def covering_value(first: date, last: date) -> tuple[str, str] | None:
    """Return the finest value (and granularity) naming one day, month or year that spans both days.

    None when they fall in different years: a wider value would claim more than we know.
    """
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None


def parse_offset(offset: str) -> tuple[int, str] | None:
    """Read a signed offset such as ``-P10D`` or ``P2W`` into (amount, unit)."""
    m = re.fullmatch(r"(-?)P(\d+)([DWMY])", offset)
    if m is None:
        return None
    return (-1 if m[1] else 1) * int(m[2]), m[3]


def shift_value(value: str | None, offset: str) -> tuple[str, str] | None:
    """Return ``value`` moved by ``offset`` ("-P10D"), as (value, granularity), or None.

    The whole span of the value moves, so "10 days before November 1986" is only known to
    the month or year both moved ends share, and nothing when they straddle a new year.
    """
    bounds = value_bounds(value)
    step = parse_offset(offset)
    if bounds is None or step is None:
        return None
    moved = covering_value(shift_day(bounds[0], *step), shift_day(bounds[1], *step))
    if moved is None:
        return None
    # "five years earlier" is as precise as a year, even counted from a day (TIMEX3 does the same).
    moved_value, granularity = moved
    unit = step[1]
    if unit == "Y":
        return moved_value[:4], "year"
    if unit == "M" and granularity == "day":
        return moved_value[:7], "month"
    if unit == "W" and granularity == "day":
        return iso_week(date.fromisoformat(moved_value)), "week"
    return moved
