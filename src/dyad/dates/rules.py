"""The rules that recognise time expressions and compute their values.

Each rule is a regular expression and a handler that reads the match in its context
(``Scanner``) and returns a ``Found`` candidate or None. They run in the order written.
"""

from __future__ import annotations

import re
from datetime import timedelta

from dyad.dates.scanner import Found, Rule, Scanner, rule
from dyad.dates.values import (
    day_number,
    iso_week,
    month_number,
    number_value,
    resolve_weekday,
    season_start,
    shift_month,
    valid_day,
)  # fmt: skip
from dyad.dates.vocabulary import (
    COUNT_NOUNS,
    DAY_RE,
    DAY_WORD_RE,
    DECADE_WORDS,
    MOD_RE,
    MONTH_RE,
    NUM_RE,
    ORDINAL_WORDS,
    SEASON_START,
    SEASONS,
    UNIT_NAMES,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
)  # fmt: skip

__all__ = ["RULES"]

RULES: list[Rule] = []
_rule = rule(RULES)


_REL = r"(?:(?P<rel>last|next|this|coming|past)\s+)?"


@_rule(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")
def _iso_date(s: Scanner, m: re.Match[str]) -> Found | None:
    if not (1 <= int(m["m"]) <= 12):
        return None
    day = valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return Found(m.start(), m.end(), day.isoformat(), "day") if day else None


@_rule(r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d)\b")
def _slash_date(s: Scanner, m: re.Match[str]) -> Found | None:
    # US order, as in the wire copy dyad reads; day-first dates are written with month names.
    day = valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return Found(m.start(), m.end(), day.isoformat(), "day") if day else None


@_rule(
    rf"\b{MOD_RE}(?:(?P<wd>{WEEKDAY_RE}),?\s+)?{_REL}(?P<mon>{MONTH_RE})\s+(?:the\s+)?(?P<day>{DAY_RE})"
    rf"(?:(?:,\s*|\s+)(?P<year>{YEAR_RE}))?"
)
def _month_day(s: Scanner, m: re.Match[str]) -> Found | None:
    month, day = month_number(m["mon"]), day_number(m["day"])
    if day is None:
        return None
    if m["year"]:
        found = valid_day(int(m["year"]), month, day)
        return Found(m.start(), m.end(), found.isoformat(), "day") if found else None
    return Found(m.start(), m.end(), s.day_value(month, day, m.start(), m["rel"]), "day", is_relative=True)


@_rule(
    rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d(?:st|nd|rd|th)?|{DAY_WORD_RE})"
    rf"(?:\s+of)?\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?"
)
def _day_month(s: Scanner, m: re.Match[str]) -> Found | None:
    day = day_number(m["day"])
    if day is None:
        return None
    month = month_number(m["mon"])
    if m["year"]:
        found = valid_day(int(m["year"]), month, day)
        return Found(m.start(), m.end(), found.isoformat(), "day") if found else None
    # "five March" is too often a count; bare cardinal words need "the ... of".
    if m["day"].isalpha() and m["day"].lower() not in ORDINAL_WORDS:
        return None
    return Found(m.start(), m.end(), s.day_value(month, day, m.start(), None), "day", is_relative=True)


@_rule(rf"\b{MOD_RE}(?P<mon>{MONTH_RE})(?:,|\s+of)?\s+(?P<year>{YEAR_RE})")
def _month_year(s: Scanner, m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), f"{m['year']}-{month_number(m['mon']):02d}", "month")


_MONTH_CUES = frozenset({
    "in", "since", "until", "till", "through", "by", "during", "from", "to", "last", "next", "this",
    "early", "late", "mid", "before", "after", "between", "and", "or", "of"
})  # fmt: skip


@_rule(rf"\b{MOD_RE}{_REL}(?P<mon>{MONTH_RE})(?P<poss>['’]s)?")
def _bare_month(s: Scanner, m: re.Match[str]) -> Found | None:
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
    value = s.month_value(month_number(m["mon"]), m.start(), rel)
    return Found(m.start(), end, value, "month", is_relative=True)


_YEAR_PREPS = frozenset({
    "in", "since", "by", "until", "till", "from", "to", "before", "after", "during", "of", "through",
    "between", "and", "early", "late", "mid", "around", "circa", "year", "fiscal", "spring", "summer",
    "autumn", "fall", "winter"
})  # fmt: skip
_DETERMINERS = frozenset({
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that"
})  # fmt: skip


@_rule(rf"(?<![\w$€£.,])(?P<year>{YEAR_RE})(?P<poss>['’]s)?(?![\w%])(?!,\d)(?!\.\d)")
def _year(s: Scanner, m: re.Match[str]) -> Found | None:
    before, after = s.word_before(m.start()), s.word_after(m.end())
    tail = s.text[m.end() : m.end() + 6]
    if after in COUNT_NOUNS and not m["poss"]:
        return None
    if re.match(r"\s*[-–/]\s*(?:\d\d|\d{4})\b", tail) or re.search(
        rf"{YEAR_RE}\s*[-–/]$", s.text[max(0, m.start() - 6) : m.start()]
    ):
        ok = True  # one end of "2009-2010" or "1957-58"
    elif (
        m["poss"]
        or before in _YEAR_PREPS
        or re.search(rf"{YEAR_RE},\s*$", s.text[max(0, m.start() - 8) : m.start()])
    ):
        ok = True
    elif before in _DETERMINERS or before.endswith("'s"):
        ok = after != "" and not s.text[m.end() : m.end() + 2].strip().startswith(("%", "$"))
    else:
        at_start = s.sentence_before(m.start(), 40).strip() == ""
        ok = at_start and (tail.startswith(",") or after in ("was", "is", "will", "saw", "has", "had"))
    if not ok:
        return None
    return Found(m.start(), m.start() + 4, m["year"], "year")


@_rule(r"(?<=\d{2}[-–/])(?P<yy>\d\d)\b(?![-/]\d)")
def _short_year(s: Scanner, m: re.Match[str]) -> Found | None:
    first = re.search(rf"({YEAR_RE})[-–/]$", s.text[max(0, m.start() - 6) : m.start()])
    if not first:
        return None
    century = int(first[1]) // 100 * 100
    year = century + int(m["yy"])
    if year <= int(first[1]):
        year += 100
    return Found(m.start(), m.end(), str(year), "year") if year - int(first[1]) < 10 else None


_DECADE_FOLLOWERS = frozenset({
    "and", "or", "when", "was", "were", "saw", "had", "is", "are", "to", "in", "as", "but", "with"
})  # fmt: skip


@_rule(r"\b(?:the\s+)?(?:(?P<c>1[89]|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s\b")
def _decade(s: Scanner, m: re.Match[str]) -> Found | None:
    after = s.word_after(m.end())
    if m["c"] and re.search(r"['’]s$", m.group(0)) and after and after not in _DECADE_FOLLOWERS:
        return None  # "the 2020's election" is the year's, not the decade's
    if m["c"]:
        return Found(m.start(), m.end(), f"{m['c']}{m['d']}", "decade")
    digit = int(m["d2"])
    century = 20 if s.anchor and 2000 + digit * 10 <= s.anchor.year else 19
    return Found(m.start(), m.end(), f"{century}{digit}", "decade")


@_rule(rf"\b(?:the\s+)?(?P<w>{'|'.join(DECADE_WORDS)})\b", re.IGNORECASE)
def _decade_word(s: Scanner, m: re.Match[str]) -> Found | None:
    if not m.group(0).lower().startswith("the"):
        return None  # "in her forties" is an age
    return Found(m.start(), m.end(), f"19{DECADE_WORDS[m['w'].lower()]}", "decade")


@_rule(
    r"\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>nineteenth|twentieth|twenty-first|eighteenth))"
    r"[\s-]+century\b|\b(?P<this>this|last|next)\s+century\b",
    re.IGNORECASE,
)
def _century(s: Scanner, m: re.Match[str]) -> Found | None:
    if m["this"]:
        if s.anchor is None:
            return Found(m.start(), m.end(), None, "century", is_relative=True)
        shift = {"this": 0, "last": -1, "next": 1}[m["this"].lower()]
        return Found(m.start(), m.end(), f"{s.anchor.year // 100 + shift:02d}", "century", is_relative=True)
    number = int(m["n"]) if m["n"] else {"eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                                          "twenty-first": 21}[m["w"].lower()]  # fmt: skip
    return Found(m.start(), m.end(), f"{number - 1:02d}", "century")


@_rule(
    rf"\b{MOD_RE}(?:(?P<rel>last|next|this|previous|coming|following|same)\s+)?(?P<wd>{WEEKDAY_RE})"
    r"(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
def _weekday(s: Scanner, m: re.Match[str]) -> Found | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    end = m.end()
    if m.group(0).endswith(("'s", "’s")):
        end -= 2
    if s.anchor is None:
        return Found(m.start(), end, None, "day", is_relative=True, weekday=weekday)
    rel, anchor = (m["rel"] or "").lower(), s.anchor
    if rel in ("last", "previous"):
        day = resolve_weekday(anchor - timedelta(days=1), weekday)
    elif rel in ("next", "coming", "following"):
        day = resolve_weekday(anchor + timedelta(days=1), weekday, future=True)
    elif rel == "this":
        day = resolve_weekday(anchor, weekday, future=weekday >= anchor.weekday())
    else:
        day = resolve_weekday(anchor, weekday, future=s.is_future(m.start()))
    return Found(m.start(), end, day.isoformat(), "day", is_relative=True, weekday=weekday)


_DEICTIC_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2, "the previous day": -1, "the day before": -1, "a day earlier": -1,
    "the next day": 1, "the following day": 1, "a day later": 1,
}  # fmt: skip
# The ones that count from the narrative's last date rather than from the publication day.
_ANAPHORIC_DAYS = frozenset({
    "the previous day", "the day before", "a day earlier", "the next day", "the following day", "a day later",
})  # fmt: skip


@_rule(
    r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow"
    r"|this\s+(?:morning|afternoon|evening)|last\s+night|the\s+(?:previous|next|following)\s+day"
    r"|the\s+day\s+before(?=\s*(?:[.,;:)\"”]|$))|a\s+day\s+(?:earlier|later))\b(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
def _deictic_day(s: Scanner, m: re.Match[str]) -> Found | None:
    text = re.sub(r"\s+", " ", m.group(0).lower())
    key = next(k for k in sorted(_DEICTIC_DAYS, key=len, reverse=True) if text.startswith(k))
    end = m.end() - (2 if re.search(r"['’]s$", m.group(0)) else 0)
    days = _DEICTIC_DAYS[key]
    # "the previous day" counts from the last time the text named; expressions.py moves it
    # there, and keeps this anchor-based value when the text named none.
    offset = f"{'-' if days < 0 else ''}P{abs(days)}D" if key in _ANAPHORIC_DAYS else None
    if s.anchor is None:
        return Found(m.start(), end, None, "day", is_relative=True, offset=offset)
    day = s.anchor + timedelta(days=days)
    return Found(m.start(), end, day.isoformat(), "day", is_relative=True, offset=offset)


@_rule(
    rf"\b{MOD_RE}(?:(?P<earlier>earlier|later)\s+(?:this|in\s+the)\s+|(?P<rel>the\s+last|last|next|this|"
    r"the\s+previous|the\s+coming|the\s+current|the\s+same|previous|coming)\s+)(?:fiscal\s+)?"
    r"(?P<unit>week|weekend|month|year|quarter)\b(?:['’]s)?",
    re.IGNORECASE,
)
def _relative_unit(s: Scanner, m: re.Match[str]) -> Found | None:
    unit = m["unit"].lower()
    rel = (m["rel"] or "this").lower().replace("the ", "")
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    end = m.end() - (2 if re.search(r"['’]s$", m.group(0)) else 0)
    granularity = {"weekend": "week"}.get(unit, unit)
    if s.anchor is None:
        return Found(m.start(), end, None, granularity, is_relative=True)
    a = s.anchor
    if unit == "week":
        value = iso_week(a + timedelta(weeks=shift))
    elif unit == "weekend":
        # Said on a weekday, "the weekend" is the one just past; "last weekend" too.
        base = a + timedelta(weeks=shift) if rel in ("next", "coming") else a
        if rel in ("last", "previous") or (rel == "this" and a.weekday() < 5 and not s.is_future(m.start())):
            base = a - timedelta(days=a.weekday() + 1)
        value = iso_week(base) + "-WE"
    elif unit == "month":
        year, month = shift_month(a.year, a.month, shift)
        value = f"{year:04d}-{month:02d}"
    elif unit == "quarter":
        index = a.year * 4 + (a.month - 1) // 3 + shift
        value = f"{index // 4:04d}-Q{index % 4 + 1}"
    else:
        value = f"{a.year + shift:04d}"
    return Found(m.start(), end, value, granularity, is_relative=True)


@_rule(rf"\b(?P<num>{NUM_RE})\s+(?P<unit>{UNIT_RE})\s+(?P<dir>ago|earlier|before|later|after|from\s+now)\b",
       re.IGNORECASE)  # fmt: skip
def _units_ago(s: Scanner, m: re.Match[str]) -> Found | None:
    direction = m["dir"].lower()
    number, unit = number_value(m["num"]), UNITS[m["unit"].lower()]
    if number is None or unit in ("H", "MIN"):
        return None
    granularity = UNIT_NAMES[unit]
    if direction in ("earlier", "before", "later", "after"):
        return _relative_offset(s, m, number, unit, direction)
    sign = -1 if direction == "ago" else 1
    if s.anchor is None:
        return Found(m.start(), m.end(), None, granularity, is_relative=True)
    a = s.anchor
    if unit == "D":
        value = (a + timedelta(days=sign * number)).isoformat()
    elif unit == "W":
        value = iso_week(a + timedelta(weeks=sign * number))
    elif unit == "M":
        year, month = shift_month(a.year, a.month, sign * number)
        value = f"{year:04d}-{month:02d}"
    elif unit == "Y":
        value = f"{a.year + sign * number:04d}"
    elif unit == "DE":
        value = f"{(a.year + sign * 10 * number) // 10:03d}"
        granularity = "decade"
    else:
        value = f"{(a.year // 100 + sign * number):02d}"
    return Found(m.start(), m.end(), value, granularity, is_relative=True)


def _relative_offset(s: Scanner, m: re.Match[str], number: int, unit: str, direction: str) -> Found | None:
    """Read "two days later" and "10 days before the attack": a distance from another time.

    Neither counts from the publication day. "later"/"earlier", or "before"/"after" with
    nothing after them, count from the last time the text named (``kind`` date, value set in
    expressions.py); "before X"/"after X" count from X, an event the parse must find (``kind``
    offset, no value here) or a date right after (also settled in expressions.py).
    """
    if unit not in ("D", "W", "M", "Y"):
        return None
    sign = "-" if direction in ("earlier", "before") else ""
    offset = f"{sign}P{number}{unit}"
    granularity = UNIT_NAMES[unit]
    follows_something = direction in ("before", "after") and re.match(r"\s*[\w\"“]", s.text[m.end() :])
    kind = "offset" if follows_something else "date"
    return Found(m.start(), m.end(), None, granularity, kind=kind, is_relative=True, offset=offset)


@_rule(
    rf"\b(?:(?:the\s+)?(?:past|last|next|coming|first|previous)\s+)?(?P<num>{NUM_RE})[\s-]+(?P<unit>{UNIT_RE})"
    r"(?![-\w])",
    re.IGNORECASE,
)
def _duration(s: Scanner, m: re.Match[str]) -> Found | None:
    number, unit = number_value(m["num"]), UNITS[m["unit"].lower()]
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
    return Found(m.start(), m.end(), value, UNIT_NAMES[unit], kind="duration")


@_rule(
    r"\b(?:(?P<qual>every|each)\s+(?P<unit>day|week|month|year|(?P<wd>monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday))|(?P<adv>daily|weekly|monthly|annually|yearly))\b",
    re.IGNORECASE,
)
def _set(s: Scanner, m: re.Match[str]) -> Found | None:
    if m["wd"]:
        return Found(m.start(), m.end(), f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}", "day", kind="set")
    word = (m["unit"] or m["adv"]).lower()
    code = {"day": "D", "daily": "D", "week": "W", "weekly": "W", "month": "M", "monthly": "M"}.get(word, "Y")
    return Found(m.start(), m.end(), f"P1{code}", UNIT_NAMES[code], kind="set")


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@_rule(
    r"\b(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
    rf"(?:\s+of\s+(?:(?P<rel>this|last|next)\s+year|(?P<y1>{YEAR_RE}))|\s+(?P<y2>{YEAR_RE}))?"
    rf"|(?P<y3>{YEAR_RE})\s+(?P<q3>first|second|third|fourth)[\s-]+(?P<unit3>quarter|half)"
    rf"|\bQ(?P<qn>[1-4])(?:\s+(?P<y4>{YEAR_RE}))?)\b",
    re.IGNORECASE,
)
def _quarter(s: Scanner, m: re.Match[str]) -> Found | None:
    number = int(m["qn"]) if m["qn"] else _QUARTER_WORDS[(m["q"] or m["q3"]).lower()]
    unit = (m["unit"] or m["unit3"] or "quarter").lower()
    if unit == "half" and number > 2:
        return None
    code, granularity = ("Q", "quarter") if unit == "quarter" else ("H", "half")
    year_text = m["y1"] or m["y2"] or m["y3"] or m["y4"]
    if year_text:
        return Found(m.start(), m.end(), f"{year_text}-{code}{number}", granularity)
    if s.anchor is None:
        return Found(m.start(), m.end(), None, granularity, is_relative=True)
    a = s.anchor
    current = (a.month - 1) // 3 + 1 if code == "Q" else (a.month - 1) // 6 + 1
    if m["rel"]:
        year = a.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    elif s.is_future(m.start()):
        year = a.year if number >= current else a.year + 1
    else:
        # Results for "the fourth quarter" reported in March are last year's.
        year = a.year if number <= current else a.year - 1
    return Found(m.start(), m.end(), f"{year}-{code}{number}", granularity, is_relative=True)


@_rule(
    rf"\b{MOD_RE}(?:(?P<rel>last|next|this|the\s+coming|the\s+past|the|in\s+the)\s+)"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>{YEAR_RE}))?\b"
    rf"|\b(?P<season2>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?(?P<year2>{YEAR_RE})\b",
    re.IGNORECASE,
)
def _season(s: Scanner, m: re.Match[str]) -> Found | None:
    code = SEASONS[(m["season"] or m["season2"]).lower()]
    year_text = m["year"] or m["year2"]
    if year_text:
        return Found(m.start(), m.end(), f"{year_text}-{code}", "season")
    rel = (m["rel"] or "").lower().replace("the ", "").replace("in ", "")
    if code == "FA" and rel in ("", "the"):
        return None  # "the fall of Kabul"
    if s.anchor is None:
        return Found(m.start(), m.end(), None, "season", is_relative=True)
    a = s.anchor
    starts = sorted((season_start(y, c), y) for y in range(a.year - 2, a.year + 2) for c in [code])
    current = max(st for y in range(a.year - 1, a.year + 1) for st in
                  (season_start(y, c) for c in SEASON_START) if st <= a)  # fmt: skip
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
    return Found(m.start(), m.end(), f"{chosen}-{code}", "season", is_relative=True)


@_rule(
    r"\b(?:(?P<present>now|currently|nowadays|presently|at\s+present|at\s+the\s+moment|these\s+days)"
    r"|(?:in\s+)?(?P<past>the\s+past)(?!\s+(?:\d|few|several|two|three|four|five|six|week|month|year|decade|day))"
    r"|at\s+(?P<time>the\s+time)\b(?!\s+of)|in\s+(?P<future>the\s+future))\b",
    re.IGNORECASE,
)
def _reference(s: Scanner, m: re.Match[str]) -> Found | None:
    if m["present"]:
        return Found(m.start("present"), m.end("present"), "PRESENT_REF", "ref")
    if m["past"] or m["time"]:
        group = "past" if m["past"] else "time"
        return Found(m.start(group), m.end(group), "PAST_REF", "ref")
    return Found(m.start("future"), m.end("future"), "FUTURE_REF", "ref")
