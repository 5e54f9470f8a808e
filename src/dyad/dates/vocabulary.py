"""The words and regular-expression pieces time expressions are built from."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
UNITS = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
    "year": "Y", "years": "Y", "decade": "DE", "decades": "DE", "hour": "H", "hours": "H",
    "minute": "MIN", "minutes": "MIN", "century": "CE", "centuries": "CE",
}  # fmt: skip
UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "H": "hour",
               "MIN": "minute", "CE": "century"}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# (month, day) each season starts; winter starts in December of the value's year.
SEASON_START = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 23), "WI": (12, 21)}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1,
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
# Nouns that make a four-digit number a count, not a year ("2017 people").
COUNT_NOUNS = frozenset({
    "people", "persons", "troops", "soldiers", "men", "women", "children", "refugees", "tonnes", "tons",
    "tonne", "barrels", "bpd", "km", "kilometres", "kilometers", "miles", "dollars", "shares", "cases",
    "deaths", "votes", "units", "workers", "members", "families", "homes", "houses", "acres",
    "hectares", "metres", "meters", "feet", "kg", "mln", "billion", "million", "pct", "percent",
    "residents", "students", "prisoners", "civilians", "fighters", "police", "officers", "jobs", "cars",
    "vehicles", "pence", "cents", "points", "yen", "euros", "pounds", "rupees", "ounces", "lots",
    "contracts"
})  # fmt: skip

MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_WORD_RE = (
    r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|"
    r"three|four|five|six|seven|eight|nine)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|thirtieth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
)
DAY_RE = rf"(?:[0-3]?\d(?:st|nd|rd|th)?(?![\d,.]\d)|{DAY_WORD_RE}(?![a-z-]))"
YEAR_RE = r"(?:1[89]\d\d|20\d\d)(?!\d)"
NUM_RE = (
    r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)"
)
UNIT_RE = r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|centuries|century)"
# Modifiers that narrow an expression without changing its TIMEX value ("early December").
MOD_RE = (
    r"(?:(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|beginning|start|end|close)(?:\s+of)?"
    r"|the\s+(?:end|beginning|start|middle|close|turn)\s+of)[\s-]+)?"
)
FUTURE_RE = re.compile(
    r"\b(?:will|shall|won't|wo\s+n't|'ll|would|due|scheduled|expected\s+to|set\s+to|plans?\s+to|"
    r"planned|planning|going\s+to|intends?\s+to|upcoming|until|till|through|by)\b",
    re.IGNORECASE,
)
PAST_RE = re.compile(r"\b(?:was|were|had|did|ago|last|earlier|previous|since)\b", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+(?=[A-Z\"“])|\n\s*\n")
