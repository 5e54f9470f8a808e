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
* "last November" is the most recent November before the anchor's month.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

__all__ = ["TimeExpression", "find_time_expressions", "resolve_weekday", "value_bounds"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in text, with its normalised value.

    ``kind`` is ``date``, ``range`` (``value`` is the start, ``until`` the end), ``duration``
    or ``set``. ``value`` is None when the expression needs an anchor and none was given.
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


# -- vocabulary ------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_UNITS = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
    "year": "Y", "years": "Y", "decade": "DE", "decades": "DE", "hour": "H", "hours": "H",
    "minute": "MIN", "minutes": "MIN", "century": "CE", "centuries": "CE",
}  # fmt: skip
_UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "H": "hour",
               "MIN": "minute", "CE": "century"}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# (month, day) each season starts; winter starts in December of the value's year.
_SEASON_START = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 23), "WI": (12, 21)}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1,
}  # fmt: skip
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
# Nouns that make a four-digit number a count, not a year ("2017 people").
_COUNT_NOUNS = frozenset({
    "people", "persons", "troops", "soldiers", "men", "women", "children", "refugees", "tonnes", "tons",
    "tonne", "barrels", "bpd", "km", "kilometres", "kilometers", "miles", "dollars", "shares", "cases",
    "deaths", "votes", "units", "workers", "members", "families", "homes", "houses", "acres",
    "hectares", "metres", "meters", "feet", "kg", "mln", "billion", "million", "pct", "percent",
    "residents", "students", "prisoners", "civilians", "fighters", "police", "officers", "jobs", "cars",
    "vehicles", "pence", "cents", "points", "yen", "euros", "pounds", "rupees", "ounces", "lots",
    "contracts"
})  # fmt: skip

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_WORD_RE = (
    r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|"
    r"three|four|five|six|seven|eight|nine)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|thirtieth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
)
_DAY_RE = rf"(?:[0-3]?\d(?:st|nd|rd|th)?(?![\d,.]\d)|{_DAY_WORD_RE}(?![a-z-]))"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_NUM_RE = (
    r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)"
)
_UNIT_RE = r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|centuries|century)"
# Modifiers that narrow an expression without changing its TIMEX value ("early December").
_MOD_RE = (
    r"(?:(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|beginning|start|end|close)(?:\s+of)?"
    r"|the\s+(?:end|beginning|start|middle|close|turn)\s+of)[\s-]+)?"
)
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won't|wo\s+n't|'ll|would|due|scheduled|expected\s+to|set\s+to|plans?\s+to|"
    r"planned|planning|going\s+to|intends?\s+to|upcoming|until|till|through|by)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(r"\b(?:was|were|had|did|ago|last|earlier|previous|since)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+(?=[A-Z\"“])|\n\s*\n")


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    value: str | None
    granularity: str
    until: str | None = None
    kind: str = "date"
    is_relative: bool = False
    weekday: int | None = None


# -- value arithmetic ------------------------------------------------------------------


def resolve_weekday(anchor: date, weekday: int, future: bool = False) -> date:
    """Return the date of ``weekday`` (Monday = 0) nearest ``anchor`` in the given direction.

    Past (the default in news): the most recent such day up to and including the anchor, so
    "on Monday" in a Monday article is that Monday. Future: the next such day from the anchor
    on, the anchor included.
    """
    if future:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _week(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _season_start(year: int, code: str) -> date:
    month, day = _SEASON_START[code]
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
        return _season_start(year, code), _season_start(*following[code]) - timedelta(days=1)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}", value):
        return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):
        return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    return None


def _number(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word)
    if len(parts) == 2:
        tens, ones = _NUMBER_WORDS.get(parts[0]), _NUMBER_WORDS.get(parts[1])
        return tens + ones if tens and ones else None
    return _NUMBER_WORDS.get(word)


def _day_number(word: str) -> int | None:
    word = word.lower().strip()
    if m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", word):
        day = int(m[1])
    else:
        parts = re.split(r"[- ]", word)
        if len(parts) == 2:
            tens = _NUMBER_WORDS.get(parts[0], 0)
            ones = _ORDINAL_WORDS.get(parts[1]) or _NUMBER_WORDS.get(parts[1], 0)
            day = tens + ones
        else:
            day = _ORDINAL_WORDS.get(word) or _NUMBER_WORDS.get(word, 0)
    return day if 1 <= day <= 31 else None


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _valid_day(year: int, month: int, day: int) -> date | None:
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


# -- the scanner -----------------------------------------------------------------------


class _Scanner:
    """One pass over one text: every rule adds candidates; the longest win."""

    def __init__(self, text: str, anchor: date | None, future: bool | None) -> None:
        self.text = text
        self.anchor = anchor
        self.future = future
        self.found: list[_Found] = []

    # context ---------------------------------------------------------------------------

    def sentence_before(self, start: int, limit: int = 90) -> str:
        window = self.text[max(0, start - limit) : start]
        breaks = list(_SENTENCE_BREAK.finditer(window))
        return window[breaks[-1].end() :] if breaks else window

    def is_future(self, start: int) -> bool:
        if self.future is not None:
            return self.future
        before = self.sentence_before(start, 60)
        last_future = max((m.end() for m in _FUTURE_RE.finditer(before)), default=-1)
        last_past = max((m.end() for m in _PAST_RE.finditer(before)), default=-1)
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
        candidate = _valid_day(anchor.year, month, day) or _valid_day(anchor.year - 1, month, day)
        if candidate is None:
            return None
        if relation == "last":
            if candidate >= anchor:
                candidate = _valid_day(candidate.year - 1, month, day)
        elif relation == "next":
            if candidate <= anchor:
                candidate = _valid_day(candidate.year + 1, month, day)
        elif relation != "this":
            if self.is_future(start):
                if (anchor - candidate).days > 61:
                    candidate = _valid_day(candidate.year + 1, month, day)
            elif (candidate - anchor).days > 61:
                candidate = _valid_day(candidate.year - 1, month, day)
        return candidate.isoformat() if candidate else None

    def add(self, found: _Found | None) -> None:
        if found is not None and found.end > found.start:
            self.found.append(found)

    # rules -----------------------------------------------------------------------------

    def scan(self) -> list[_Found]:
        for rule in _RULES:
            for match in rule.pattern.finditer(self.text):
                self.add(rule.handler(self, match))
        return _longest_first(self.found)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Callable[[_Scanner, re.Match[str]], _Found | None]


_RULES: list[_Rule] = []


def _rule(
    pattern: str, flags: int = 0
) -> Callable[[Callable[[_Scanner, re.Match[str]], _Found | None]], None]:
    def register(handler: Callable[[_Scanner, re.Match[str]], _Found | None]) -> None:
        _RULES.append(_Rule(re.compile(pattern, flags), handler))

    return register


_REL = r"(?:(?P<rel>last|next|this|coming|past)\s+)?"


@_rule(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")
def _iso_date(s: _Scanner, m: re.Match[str]) -> _Found | None:
    if not (1 <= int(m["m"]) <= 12):
        return None
    day = _valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Found(m.start(), m.end(), day.isoformat(), "day") if day else None


@_rule(r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d)\b")
def _slash_date(s: _Scanner, m: re.Match[str]) -> _Found | None:
    # US order, as in the wire copy dyad reads; day-first dates are written with month names.
    day = _valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Found(m.start(), m.end(), day.isoformat(), "day") if day else None


@_rule(
    rf"\b{_MOD_RE}(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?{_REL}(?P<mon>{_MONTH_RE})\s+(?:the\s+)?(?P<day>{_DAY_RE})"
    rf"(?:(?:,\s*|\s+)(?P<year>{_YEAR_RE}))?"
)
def _month_day(s: _Scanner, m: re.Match[str]) -> _Found | None:
    month, day = _month(m["mon"]), _day_number(m["day"])
    if day is None:
        return None
    if m["year"]:
        found = _valid_day(int(m["year"]), month, day)
        return _Found(m.start(), m.end(), found.isoformat(), "day") if found else None
    return _Found(m.start(), m.end(), s.day_value(month, day, m.start(), m["rel"]), "day", is_relative=True)


@_rule(
    rf"\b(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d(?:st|nd|rd|th)?|{_DAY_WORD_RE})"
    rf"(?:\s+of)?\s+(?P<mon>{_MONTH_RE})(?:,?\s+(?P<year>{_YEAR_RE}))?"
)
def _day_month(s: _Scanner, m: re.Match[str]) -> _Found | None:
    day = _day_number(m["day"])
    if day is None:
        return None
    month = _month(m["mon"])
    if m["year"]:
        found = _valid_day(int(m["year"]), month, day)
        return _Found(m.start(), m.end(), found.isoformat(), "day") if found else None
    # "five March" is too often a count; bare cardinal words need "the ... of".
    if m["day"].isalpha() and m["day"].lower() not in _ORDINAL_WORDS:
        return None
    return _Found(m.start(), m.end(), s.day_value(month, day, m.start(), None), "day", is_relative=True)


@_rule(rf"\b{_MOD_RE}(?P<mon>{_MONTH_RE})(?:,|\s+of)?\s+(?P<year>{_YEAR_RE})")
def _month_year(s: _Scanner, m: re.Match[str]) -> _Found | None:
    return _Found(m.start(), m.end(), f"{m['year']}-{_month(m['mon']):02d}", "month")


_MONTH_CUES = frozenset({
    "in", "since", "until", "till", "through", "by", "during", "from", "to", "last", "next", "this",
    "early", "late", "mid", "before", "after", "between", "and", "or", "of"
})  # fmt: skip


@_rule(rf"\b{_MOD_RE}{_REL}(?P<mon>{_MONTH_RE})(?P<poss>['’]s)?")
def _bare_month(s: _Scanner, m: re.Match[str]) -> _Found | None:
    # "May" and "March" are also a modal and a verb: a bare month needs a temporal cue.
    cued = m["rel"] or m.group(0) != m["mon"] + (m["poss"] or "") or m["poss"]
    if not cued and s.word_before(m.start()) not in _MONTH_CUES:
        return None
    if not m["mon"][0].isupper() or (
        m["mon"] in ("May", "March")
        and m["poss"] is None
        and s.word_after(m.end()) in ("be", "have", "not", "on", "to")
    ):
        return None
    end = m.end() - len(m["poss"] or "")
    rel = {"coming": "next", "past": "last"}.get(m["rel"] or "", m["rel"])
    value = s.month_value(_month(m["mon"]), m.start(), rel)
    return _Found(m.start(), end, value, "month", is_relative=True)


_YEAR_PREPS = frozenset({
    "in", "since", "by", "until", "till", "from", "to", "before", "after", "during", "of", "through",
    "between", "and", "early", "late", "mid", "around", "circa", "year", "fiscal", "spring", "summer",
    "autumn", "fall", "winter"
})  # fmt: skip
_DETERMINERS = frozenset({
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that"
})  # fmt: skip


@_rule(rf"(?<![\w$€£.,])(?P<year>{_YEAR_RE})(?P<poss>['’]s)?(?![\w%])(?!,\d)(?!\.\d)")
def _year(s: _Scanner, m: re.Match[str]) -> _Found | None:
    before, after = s.word_before(m.start()), s.word_after(m.end())
    tail = s.text[m.end() : m.end() + 6]
    if after in _COUNT_NOUNS and not m["poss"]:
        return None
    if re.match(r"\s*[-–/]\s*(?:\d\d|\d{4})\b", tail) or re.search(
        rf"{_YEAR_RE}\s*[-–/]$", s.text[max(0, m.start() - 6) : m.start()]
    ):
        ok = True  # one end of "2009-2010" or "1957-58"
    elif (
        m["poss"]
        or before in _YEAR_PREPS
        or re.search(rf"{_YEAR_RE},\s*$", s.text[max(0, m.start() - 8) : m.start()])
    ):
        ok = True
    elif before in _DETERMINERS or before.endswith("'s"):
        ok = after != "" and not s.text[m.end() : m.end() + 2].strip().startswith(("%", "$"))
    else:
        at_start = s.sentence_before(m.start(), 40).strip() == ""
        ok = at_start and (tail.startswith(",") or after in ("was", "is", "will", "saw", "has", "had"))
    if not ok:
        return None
    return _Found(m.start(), m.start() + 4, m["year"], "year")


@_rule(r"(?<=\d{2}[-–/])(?P<yy>\d\d)\b(?![-/]\d)")
def _short_year(s: _Scanner, m: re.Match[str]) -> _Found | None:
    first = re.search(rf"({_YEAR_RE})[-–/]$", s.text[max(0, m.start() - 6) : m.start()])
    if not first:
        return None
    century = int(first[1]) // 100 * 100
    year = century + int(m["yy"])
    if year <= int(first[1]):
        year += 100
    return _Found(m.start(), m.end(), str(year), "year") if year - int(first[1]) < 10 else None


_DECADE_FOLLOWERS = frozenset({
    "and", "or", "when", "was", "were", "saw", "had", "is", "are", "to", "in", "as", "but", "with"
})  # fmt: skip


@_rule(r"\b(?:the\s+)?(?:(?P<c>1[89]|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s\b")
def _decade(s: _Scanner, m: re.Match[str]) -> _Found | None:
    after = s.word_after(m.end())
    if m["c"] and re.search(r"['’]s$", m.group(0)) and after and after not in _DECADE_FOLLOWERS:
        return None  # "the 2020's election" is the year's, not the decade's
    if m["c"]:
        return _Found(m.start(), m.end(), f"{m['c']}{m['d']}", "decade")
    digit = int(m["d2"])
    century = 20 if s.anchor and 2000 + digit * 10 <= s.anchor.year else 19
    return _Found(m.start(), m.end(), f"{century}{digit}", "decade")


@_rule(rf"\b(?:the\s+)?(?P<w>{'|'.join(_DECADE_WORDS)})\b", re.IGNORECASE)
def _decade_word(s: _Scanner, m: re.Match[str]) -> _Found | None:
    if not m.group(0).lower().startswith("the"):
        return None  # "in her forties" is an age
    return _Found(m.start(), m.end(), f"19{_DECADE_WORDS[m['w'].lower()]}", "decade")


@_rule(
    r"\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>nineteenth|twentieth|twenty-first|eighteenth))"
    r"[\s-]+century\b|\b(?P<this>this|last|next)\s+century\b",
    re.IGNORECASE,
)
def _century(s: _Scanner, m: re.Match[str]) -> _Found | None:
    if m["this"]:
        if s.anchor is None:
            return _Found(m.start(), m.end(), None, "century", is_relative=True)
        shift = {"this": 0, "last": -1, "next": 1}[m["this"].lower()]
        return _Found(m.start(), m.end(), f"{s.anchor.year // 100 + shift:02d}", "century", is_relative=True)
    number = int(m["n"]) if m["n"] else {"eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                                          "twenty-first": 21}[m["w"].lower()]  # fmt: skip
    return _Found(m.start(), m.end(), f"{number - 1:02d}", "century")


@_rule(
    rf"\b{_MOD_RE}(?:(?P<rel>last|next|this|previous|coming|following|same)\s+)?(?P<wd>{_WEEKDAY_RE})"
    r"(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
def _weekday(s: _Scanner, m: re.Match[str]) -> _Found | None:
    weekday = _WEEKDAYS[m["wd"].lower()]
    end = m.end()
    if m.group(0).endswith(("'s", "’s")):
        end -= 2
    if s.anchor is None:
        return _Found(m.start(), end, None, "day", is_relative=True, weekday=weekday)
    rel, anchor = (m["rel"] or "").lower(), s.anchor
    if rel in ("last", "previous"):
        day = resolve_weekday(anchor - timedelta(days=1), weekday)
    elif rel in ("next", "coming", "following"):
        day = resolve_weekday(anchor + timedelta(days=1), weekday, future=True)
    elif rel == "this":
        day = resolve_weekday(anchor, weekday, future=weekday >= anchor.weekday())
    else:
        day = resolve_weekday(anchor, weekday, future=s.is_future(m.start()))
    return _Found(m.start(), end, day.isoformat(), "day", is_relative=True, weekday=weekday)


_DEICTIC_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2, "the previous day": -1, "the day before": -1, "a day earlier": -1,
    "the next day": 1, "the following day": 1, "a day later": 1,
}  # fmt: skip


@_rule(
    r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow"
    r"|this\s+(?:morning|afternoon|evening)|last\s+night|the\s+(?:previous|next|following)\s+day"
    r"|the\s+day\s+before(?=\s*(?:[.,;:)\"”]|$))|a\s+day\s+(?:earlier|later))\b(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
def _deictic_day(s: _Scanner, m: re.Match[str]) -> _Found | None:
    text = re.sub(r"\s+", " ", m.group(0).lower())
    key = next(k for k in sorted(_DEICTIC_DAYS, key=len, reverse=True) if text.startswith(k))
    end = m.end() - (2 if re.search(r"['’]s$", m.group(0)) else 0)
    if s.anchor is None:
        return _Found(m.start(), end, None, "day", is_relative=True)
    day = s.anchor + timedelta(days=_DEICTIC_DAYS[key])
    return _Found(m.start(), end, day.isoformat(), "day", is_relative=True)


@_rule(
    rf"\b{_MOD_RE}(?:(?P<earlier>earlier|later)\s+(?:this|in\s+the)\s+|(?P<rel>the\s+last|last|next|this|"
    r"the\s+previous|the\s+coming|the\s+current|the\s+same|previous|coming)\s+)(?:fiscal\s+)?"
    r"(?P<unit>week|weekend|month|year|quarter)\b(?:['’]s)?",
    re.IGNORECASE,
)
def _relative_unit(s: _Scanner, m: re.Match[str]) -> _Found | None:
    unit = m["unit"].lower()
    rel = (m["rel"] or "this").lower().replace("the ", "")
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    end = m.end() - (2 if re.search(r"['’]s$", m.group(0)) else 0)
    granularity = {"weekend": "week"}.get(unit, unit)
    if s.anchor is None:
        return _Found(m.start(), end, None, granularity, is_relative=True)
    a = s.anchor
    if unit == "week":
        value = _week(a + timedelta(weeks=shift))
    elif unit == "weekend":
        # Said on a weekday, "the weekend" is the one just past; "last weekend" too.
        base = a + timedelta(weeks=shift) if rel in ("next", "coming") else a
        if rel in ("last", "previous") or (rel == "this" and a.weekday() < 5 and not s.is_future(m.start())):
            base = a - timedelta(days=a.weekday() + 1)
        value = _week(base) + "-WE"
    elif unit == "month":
        year, month = _shift_month(a.year, a.month, shift)
        value = f"{year:04d}-{month:02d}"
    elif unit == "quarter":
        index = a.year * 4 + (a.month - 1) // 3 + shift
        value = f"{index // 4:04d}-Q{index % 4 + 1}"
    else:
        value = f"{a.year + shift:04d}"
    return _Found(m.start(), end, value, granularity, is_relative=True)


@_rule(rf"\b(?P<num>{_NUM_RE})\s+(?P<unit>{_UNIT_RE})\s+(?P<dir>ago|earlier|before|later|after|from\s+now)\b",
       re.IGNORECASE)  # fmt: skip
def _units_ago(s: _Scanner, m: re.Match[str]) -> _Found | None:
    direction = m["dir"].lower()
    if direction in ("earlier", "before", "later", "after"):
        return None  # relative to some other event, not to the anchor: leave to the duration rule
    number, unit = _number(m["num"]), _UNITS[m["unit"].lower()]
    if number is None or unit in ("H", "MIN"):
        return None
    sign = -1 if direction == "ago" else 1
    granularity = _UNIT_NAMES[unit]
    if s.anchor is None:
        return _Found(m.start(), m.end(), None, granularity, is_relative=True)
    a = s.anchor
    if unit == "D":
        value = (a + timedelta(days=sign * number)).isoformat()
    elif unit == "W":
        value = _week(a + timedelta(weeks=sign * number))
    elif unit == "M":
        year, month = _shift_month(a.year, a.month, sign * number)
        value = f"{year:04d}-{month:02d}"
    elif unit == "Y":
        value = f"{a.year + sign * number:04d}"
    elif unit == "DE":
        value = f"{(a.year + sign * 10 * number) // 10:03d}"
        granularity = "decade"
    else:
        value = f"{(a.year // 100 + sign * number):02d}"
    return _Found(m.start(), m.end(), value, granularity, is_relative=True)


@_rule(
    rf"\b(?:(?:the\s+)?(?:past|last|next|coming|first|previous)\s+)?(?P<num>{_NUM_RE})[\s-]+(?P<unit>{_UNIT_RE})"
    r"(?![-\w])",
    re.IGNORECASE,
)
def _duration(s: _Scanner, m: re.Match[str]) -> _Found | None:
    number, unit = _number(m["num"]), _UNITS[m["unit"].lower()]
    if number is None:
        return None
    if m["num"].lower() in ("a", "an") and not re.match(
        r"(?i)(?:the\s+)?(?:past|last|next|coming)", m.group(0)
    ):
        return None  # "a year" alone is rarely a time expression worth keeping
    value = f"PT{number}{unit[0]}" if unit in ("H", "MIN") else f"P{number}{unit}"
    if unit == "DE":
        value = f"P{number * 10}Y"
    elif unit == "CE":
        value = f"P{number * 100}Y"
    return _Found(m.start(), m.end(), value, _UNIT_NAMES[unit], kind="duration")


@_rule(
    r"\b(?:(?P<qual>every|each)\s+(?P<unit>day|week|month|year|(?P<wd>monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday))|(?P<adv>daily|weekly|monthly|annually|yearly))\b",
    re.IGNORECASE,
)
def _set(s: _Scanner, m: re.Match[str]) -> _Found | None:
    if m["wd"]:
        return _Found(m.start(), m.end(), f"XXXX-WXX-{_WEEKDAYS[m['wd'].lower()] + 1}", "day", kind="set")
    word = (m["unit"] or m["adv"]).lower()
    code = {"day": "D", "daily": "D", "week": "W", "weekly": "W", "month": "M", "monthly": "M"}.get(word, "Y")
    return _Found(m.start(), m.end(), f"P1{code}", _UNIT_NAMES[code], kind="set")


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@_rule(
    r"\b(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
    rf"(?:\s+of\s+(?:(?P<rel>this|last|next)\s+year|(?P<y1>{_YEAR_RE}))|\s+(?P<y2>{_YEAR_RE}))?"
    rf"|(?P<y3>{_YEAR_RE})\s+(?P<q3>first|second|third|fourth)[\s-]+(?P<unit3>quarter|half)"
    rf"|\bQ(?P<qn>[1-4])(?:\s+(?P<y4>{_YEAR_RE}))?)\b",
    re.IGNORECASE,
)
def _quarter(s: _Scanner, m: re.Match[str]) -> _Found | None:
    number = int(m["qn"]) if m["qn"] else _QUARTER_WORDS[(m["q"] or m["q3"]).lower()]
    unit = (m["unit"] or m["unit3"] or "quarter").lower()
    if unit == "half" and number > 2:
        return None
    code, granularity = ("Q", "quarter") if unit == "quarter" else ("H", "half")
    year_text = m["y1"] or m["y2"] or m["y3"] or m["y4"]
    if year_text:
        return _Found(m.start(), m.end(), f"{year_text}-{code}{number}", granularity)
    if s.anchor is None:
        return _Found(m.start(), m.end(), None, granularity, is_relative=True)
    a = s.anchor
    current = (a.month - 1) // 3 + 1 if code == "Q" else (a.month - 1) // 6 + 1
    if m["rel"]:
        year = a.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    elif s.is_future(m.start()):
        year = a.year if number >= current else a.year + 1
    else:
        # Results for "the fourth quarter" reported in March are last year's.
        year = a.year if number <= current else a.year - 1
    return _Found(m.start(), m.end(), f"{year}-{code}{number}", granularity, is_relative=True)


@_rule(
    rf"\b{_MOD_RE}(?:(?P<rel>last|next|this|the\s+coming|the\s+past|the|in\s+the)\s+)"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>{_YEAR_RE}))?\b"
    rf"|\b(?P<season2>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?(?P<year2>{_YEAR_RE})\b",
    re.IGNORECASE,
)
def _season(s: _Scanner, m: re.Match[str]) -> _Found | None:
    code = _SEASONS[(m["season"] or m["season2"]).lower()]
    year_text = m["year"] or m["year2"]
    if year_text:
        return _Found(m.start(), m.end(), f"{year_text}-{code}", "season")
    rel = (m["rel"] or "").lower().replace("the ", "").replace("in ", "")
    if code == "FA" and rel in ("", "the"):
        return None  # "the fall of Kabul"
    if s.anchor is None:
        return _Found(m.start(), m.end(), None, "season", is_relative=True)
    a = s.anchor
    starts = sorted((_season_start(y, c), y) for y in range(a.year - 2, a.year + 2) for c in [code])
    current = max(st for y in range(a.year - 1, a.year + 1) for st in
                  (_season_start(y, c) for c in _SEASON_START) if st <= a)  # fmt: skip
    if rel in ("last", "past"):
        chosen = max(y for st, y in starts if st < current)
    elif rel in ("next", "coming"):
        chosen = min(y for st, y in starts if st > a)
    elif rel == "this" or not s.is_future(m.start()):
        chosen = max(y for st, y in starts if st <= a) if rel != "this" else a.year
        if rel == "this" and code == "WI" and a.month <= 3:
            chosen = a.year - 1
    else:
        chosen = min(y for st, y in starts if st > a - timedelta(days=90))
    return _Found(m.start(), m.end(), f"{chosen}-{code}", "season", is_relative=True)


@_rule(
    r"\b(?:(?P<present>now|currently|nowadays|presently|at\s+present|at\s+the\s+moment|these\s+days)"
    r"|(?:in\s+)?(?P<past>the\s+past)(?!\s+(?:\d|few|several|two|three|four|five|six|week|month|year|decade|day))"
    r"|at\s+(?P<time>the\s+time)\b(?!\s+of)|in\s+(?P<future>the\s+future))\b",
    re.IGNORECASE,
)
def _reference(s: _Scanner, m: re.Match[str]) -> _Found | None:
    if m["present"]:
        return _Found(m.start("present"), m.end("present"), "PRESENT_REF", "ref")
    if m["past"] or m["time"]:
        group = "past" if m["past"] else "time"
        return _Found(m.start(group), m.end(group), "PAST_REF", "ref")
    return _Found(m.start("future"), m.end("future"), "FUTURE_REF", "ref")


def _longest_first(found: list[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


# -- ranges ----------------------------------------------------------------------------

_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*")


def _combine_ranges(text: str, found: list[_Found], anchor: date | None) -> list[_Found]:
    """Merge "between X and Y", "from X to Y" and "since X" into ranges."""
    out: list[_Found] = []
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
    found = _combine_ranges(text, _Scanner(text, anchor, future).scan(), anchor)
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
        )
        for f in found
    ]
