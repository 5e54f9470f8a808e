"""The scanner: one pass of every rule over one text, with the context rules consult.

Rules (``rules.py``) add ``Found`` candidates; overlapping candidates are settled longest first.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from dyad.dates.values import valid_day
from dyad.dates.vocabulary import FUTURE_RE, PAST_RE, SENTENCE_BREAK

__all__ = ["Found", "Rule", "Scanner", "longest_first", "rule"]


@dataclass(slots=True)
class Found:
    """A candidate expression: character offsets into the scanned text and its value."""

    start: int
    end: int
    value: str | None
    granularity: str
    until: str | None = None
    kind: str = "date"
    is_relative: bool = False
    weekday: int | None = None
    # "-P1D" for "the previous day", "P2D" for "two days after ...": the expression is that far
    # from another time (an earlier expression, or an event), not from the anchor.
    offset: str | None = None


class Scanner:
    """One pass over one text: every rule adds candidates; the longest win."""

    def __init__(self, text: str, anchor: date | None, future: bool | None) -> None:
        self.text = text
        self.anchor = anchor
        self.future = future
        self.found: list[Found] = []

    # context ---------------------------------------------------------------------------

    def sentence_before(self, start: int, limit: int = 90) -> str:
        window = self.text[max(0, start - limit) : start]
        breaks = list(SENTENCE_BREAK.finditer(window))
        return window[breaks[-1].end() :] if breaks else window

    def is_future(self, start: int) -> bool:
        if self.future is not None:
            return self.future
        before = self.sentence_before(start, 60)
        last_future = max((m.end() for m in FUTURE_RE.finditer(before)), default=-1)
        last_past = max((m.end() for m in PAST_RE.finditer(before)), default=-1)
        return last_future > last_past

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z$€£']+)[\s(]*$", self.text[max(0, start - 30) : start])
        return m[1].lower() if m else ""

    def word_after(self, end: int) -> str:
        m = re.match(r"\s*([A-Za-z]+)", self.text[end : end + 30])
        return m[1].lower() if m else ""

    # month / day resolution ------------------------------------------------------------

    def month_value(self, month: int, start: int, relation: str | None) -> str | None:
        anchor = self.anchor
        if anchor is None:
            return None
        year = anchor.year
        if relation == "last":
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif relation == "next":
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif relation != "this":
            first = date(year, month, 1)
            if self.is_future(start):
                if (anchor - date(year, month, calendar.monthrange(year, month)[1])).days > 61:
                    year += 1
            elif (first - anchor).days > 61:
                year -= 1
        return f"{year:04d}-{month:02d}"

    def day_value(self, month: int, day: int, start: int, relation: str | None) -> str | None:
        anchor = self.anchor
        if anchor is None:
            return None
        candidate = valid_day(anchor.year, month, day) or valid_day(anchor.year - 1, month, day)
        if candidate is None:
            return None
        if relation == "last":
            if candidate >= anchor:
                candidate = valid_day(candidate.year - 1, month, day)
        elif relation == "next":
            if candidate <= anchor:
                candidate = valid_day(candidate.year + 1, month, day)
        elif relation != "this":
            if self.is_future(start):
                if (anchor - candidate).days > 61:
                    candidate = valid_day(candidate.year + 1, month, day)
            elif (candidate - anchor).days > 61:
                candidate = valid_day(candidate.year - 1, month, day)
        return candidate.isoformat() if candidate else None

    def add(self, found: Found | None) -> None:
        if found is not None and found.end > found.start:
            self.found.append(found)

    # rules -----------------------------------------------------------------------------

    def scan(self, rules: Iterable[Rule]) -> list[Found]:
        """Run every rule over the text; return the candidates that survive, in text order."""
        for each in rules:
            for match in each.pattern.finditer(self.text):
                self.add(each.handler(self, match))
        return longest_first(self.found)


@dataclass(frozen=True)
class Rule:
    """A pattern and the handler that turns its matches into candidates."""

    pattern: re.Pattern[str]
    handler: Callable[[Scanner, re.Match[str]], Found | None]


Handler = Callable[[Scanner, re.Match[str]], Found | None]


def rule(registry: list[Rule]) -> Callable[..., Callable[[Handler], None]]:
    """Return a decorator, ``@rule(pattern, flags)``, that appends its handler to ``registry``."""

    def decorate(pattern: str, flags: int = 0) -> Callable[[Handler], None]:
        def register(handler: Handler) -> None:
            registry.append(Rule(re.compile(pattern, flags), handler))

        return register

    return decorate


def longest_first(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)
