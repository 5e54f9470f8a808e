"""Find time expressions in plain text and normalise them against an anchor date.

Values are TIMEX3-like: ``2023-12-10`` (day), ``2020-01`` (month), ``2017`` (year),
``2023-W49`` (ISO week), ``2023-W49-WE`` (weekend), ``1987-Q1`` (quarter), ``1987-H1``
(half), ``2012-SU`` (season), ``199`` (decade), ``19`` (century), ``PRESENT_REF`` /
``PAST_REF`` / ``FUTURE_REF``, durations ``P5Y`` and sets ``P1W``. Pure Python: the resolver
adds what only the parse can tell (the tense of the governing clause).

News conventions built in, where ``dateparser`` gets them wrong:

* a weekday ("on Sunday") is the most recent such day up to and including the anchor,
  unless the context is future;
* a month or month-day without a year that would fall more than about two months after
  the anchor belongs to the previous year ("October 17" in a January article);
* "last November" is the most recent November before the anchor's month;
* "the previous day" and "two days later" count from the last date the text named (the
  publication day when it named none); "10 days before the attack" counts from an event,
  which only the parse can find, so it is left to the resolver (``kind`` offset), unless a
  date follows ("two days after March 5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from dyad.dates.rules import RULES
from dyad.dates.scanner import Found, Scanner
from dyad.dates.values import resolve_weekday, shift_value, value_bounds

__all__ = ["TimeExpression", "find_time_expressions", "resolve_weekday", "value_bounds"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in text, with its normalised value.

    ``kind`` is ``date``, ``range`` (``value`` is the start, ``until`` the end), ``duration``,
    ``set`` or ``offset`` (a distance from an event: "10 days before Abu al-Bukhoosh was
    attacked"; ``value`` None, ``offset`` e.g. ``-P10D``). ``value`` is None when the
    expression needs an anchor and none was given, or when its antecedent had no usable value.
    ``offset`` is also kept on anaphoric dates ("the previous day": ``-P1D``).
    ``is_relative`` says the value depends on the anchor; ``weekday`` (Monday = 0) is set
    when the expression names a day of the week, so a caller that knows the tense better
    can re-resolve it with :func:`resolve_weekday`.
    """

    start_char: int
    end_char: int
    text: str
    value: str | None
    granularity: str
    until: str | None = None
    kind: str = "date"
    is_relative: bool = False
    weekday: int | None = None
    offset: str | None = None


# -- anaphora --------------------------------------------------------------------------

# How far back (in characters) a "the previous day" looks for the date it counts from: about
# two short news paragraphs. Beyond that the antecedent is too likely to be another story line.
_ANTECEDENT_REACH = 600


def _resolve_anaphora(text: str, found: list[Found], anchor: date | None) -> list[Found]:
    """Count "the previous day" and "two days later" from the last dated expression before them.

    Also folds "two days after" + a following date into one date ("two days after March 5").
    """
    out: list[Found] = []
    previous: Found | None = None
    i = 0
    while i < len(found):
        item = found[i]
        if item.offset is not None and item.kind == "offset":
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt is not None and nxt.kind == "date" and not text[item.end : nxt.start].strip():
                moved = shift_value(nxt.value, item.offset)
                if moved is not None:
                    item = replace(item, end=nxt.end, value=moved[0], granularity=moved[1], kind="date",
                                   offset=None, is_relative=nxt.is_relative)  # fmt: skip
                    i += 1
        elif item.offset is not None:
            near = previous is not None and item.start - previous.end <= _ANTECEDENT_REACH
            if near and previous is not None:
                moved = shift_value(previous.value, item.offset)
            elif anchor is not None and item.offset.startswith("-"):
                # "Five years earlier" with no date before it: earlier than the report.
                moved = shift_value(anchor.isoformat(), item.offset)
            else:
                # "Three weeks later" with no date before it: later than an unknown time.
                moved = None
            item = replace(
                item, value=moved[0] if moved else None, granularity=moved[1] if moved else item.granularity
            )
        if item.kind == "date" and value_bounds(item.value):
            previous = item
        out.append(item)
        i += 1
    return out


# -- ranges ----------------------------------------------------------------------------

_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*")


def _combine_ranges(text: str, found: list[Found], anchor: date | None) -> list[Found]:
    """Merge "between X and Y", "from X to Y" and "since X" into ranges."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        item = found[i]
        before = text[max(0, item.start - 12) : item.start]
        opener = re.search(r"\b(between|from|since)\s+$", before, re.IGNORECASE)
        if opener and item.kind == "date" and item.value and value_bounds(item.value):
            word = opener[1].lower()
            start = item.start - len(opener.group(0))
            nxt = found[i + 1] if i + 1 < len(found) else None
            if word != "since" and nxt and nxt.kind == "date" and value_bounds(nxt.value):
                gap = text[item.end : nxt.start]
                joiner = "and" if word == "between" else r"to|until|till|through|-|–"
                if re.fullmatch(rf"\s*(?:{joiner})\s*", gap, re.IGNORECASE):
                    out.append(replace(item, start=start, end=nxt.end, until=nxt.value, kind="range",
                                       is_relative=item.is_relative or nxt.is_relative))  # fmt: skip
                    i += 2
                    continue
            if word == "since":
                until = anchor.isoformat() if anchor else None
                out.append(replace(item, start=start, until=until, kind="range"))
                i += 1
                continue
        out.append(item)
        i += 1
    return out


def find_time_expressions(
    text: str, anchor: date | None, *, offset: int = 0, future: bool | None = None
) -> list[TimeExpression]:
    """Return the time expressions of ``text``, normalised against ``anchor``, in text order.

    Args:
        text: plain text, any length.
        anchor: the publication date (or another reference day); None leaves every
            expression that needs it with value None.
        offset: added to every character offset, for text cut from a longer article.
        future: force the tense used for weekdays and months without a year; None reads
            it from the words before each expression ("will", "scheduled", "until" ...).
    """
    found = Scanner(text, anchor, future).scan(RULES)
    found = _combine_ranges(text, _resolve_anaphora(text, found, anchor), anchor)
    return [
        TimeExpression(
            start_char=f.start + offset,
            end_char=f.end + offset,
            text=text[f.start : f.end],
            value=f.value,
            granularity=f.granularity,
            until=f.until,
            kind=f.kind,
            is_relative=f.is_relative,
            weekday=f.weekday,
            offset=f.offset,
        )
        for f in found
    ]
