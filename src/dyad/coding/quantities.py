"""Number grammar for casualty, size and count figures.

Finds number phrases in plain text ("at least 11", "nearly 100 signatures", "one million and 600
thousand security personnel", "dozens of protesters") and reads their value, bounds and hedging.
It is pure Python so that it runs before or without spaCy, and every mention keeps character
offsets into the text it came from.

What it skips on purpose, because such numbers are never casualty, size or count figures:
years ("in 2017", "since August 1985"), dates ("June 17", "March eight"), clock times ("10:30",
"9 a.m."), percentages ("51 pct", "51%"), money ("$50 million", "50 mln dlrs"), ordinals ("10th"),
decades ("1980s"), identifiers ("Khark-5", "F-16", "Resolution 2334") and "one" where it is not a
count ("one of the largest", "no one").

Vague amounts follow ACLED's published convention for fatalities: the most conservative reading,
one unit of the word used, so "tens" is 10, "dozens" 12 and "hundreds" 100 (and by the same rule
"thousands" 1,000, "tens of thousands" 10,000, "hundreds of thousands" 100,000, "millions"
1,000,000). ACLED gives no figure for "several" or "a few"; dyad uses 3, the smallest count those
words are used for, and "a couple" is 2. "scores" is 20 (one score). All of these are marked
``is_approx``. "a dozen" is an exact 12.

Qualifiers map onto ``low``/``high``/``is_approx``:

==========================================  =========================================
"at least N", "no fewer than N"             low=N
"more than N", "over N", "upwards of N"     low=N, approx (low is kept inclusive)
"N or more"                                 low=N, approx
"nearly/almost/around/about/some N" etc.    approx
"up to N", "as many as N"                   high=N, approx
"fewer than N", "under N", "at most N"      high=N, approx
"between N and M", "N to M", "N-M", "N or M" low=N, high=M, approx
==========================================  =========================================

``value`` is always the figure written (the lower one for a range), so callers that need one
number get the conservative one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from typing import Any

import yaml
from numerizer import numerize

from dyad.errors import ConfigError

__all__ = ["NumberMention", "find_numbers", "parse_number"]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number phrase in a text, with its qualifiers.

    Attributes:
        start_char: Offset of the phrase's first character (qualifier included).
        end_char: Offset just past the phrase's last character.
        text: The phrase as written, e.g. ``"over 100"``.
        value: The figure written, or the conventional one for vague amounts; the lower figure
            of a range.
        low: Lower bound ("at least 11", "more than 100", the start of a range), else None.
        high: Upper bound ("up to 40", "as many as 50", the end of a range), else None.
        is_approx: True when the figure is hedged or vague ("nearly", "over", "dozens").
        head: The lower-cased word right after the phrase ("people", "times"), skipping "of"
            and a determiner ("dozens of the protesters" → "protesters"); None if a punctuation
            mark or the end of text comes first.
    """

    start_char: int
    end_char: int
    text: str
    value: int | None
    low: int | None
    high: int | None
    is_approx: bool
    head: str | None


# Tokens: a digit group (commas and decimals inside, letters glued on so "10th", "1980s" and
# "2mln" stay one token to be judged whole), a word (with an inner apostrophe), or one symbol.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*[A-Za-z]*|[A-Za-z]+(?:['’][A-Za-z]+)?|\S")
_DIGITS_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")

_SOURCE = "dyad/coding/data/numbers.yaml"
# The bounds a qualifier can set; the grammar below reads these names (see numbers.yaml).
_QUALIFIER_KINDS = frozenset({"low", "low~", "high~", "~", "between"})


def _read_words() -> dict[str, Any]:
    """Read the grammar's word lists, shipped in ``data/numbers.yaml``."""
    text = resources.files("dyad.coding").joinpath("data/numbers.yaml").read_text("utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"{_SOURCE} is not valid YAML: {e}. Fix the file.") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{_SOURCE} must hold a mapping of list names to words, not {type(data).__name__}.")
    return data


def _word_list(data: dict[str, Any], name: str) -> list[str]:
    """Return the list ``name`` of the word file; fail if it is missing or holds a non-word."""
    words = data.get(name)
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise ConfigError(
            f"{_SOURCE}: {name} must be a list of lower-case words, not {words!r}. "
            'Quote the words YAML reads as true, false or null ("on", "no", "~").'
        )
    return words


def _word_values(data: dict[str, Any], name: str, kind: type[int] | type[str]) -> dict[str, Any]:
    """Return the mapping ``name`` of the word file, word or phrase → ``kind``."""
    values = data.get(name)
    if not isinstance(values, dict) or not all(
        isinstance(k, str) and k == k.lower() and type(v) is kind for k, v in values.items()
    ):
        raise ConfigError(
            f"{_SOURCE}: {name} must map lower-case words to {kind.__name__} values, not {values!r}. "
            'Quote the words YAML reads as true, false or null ("on", "no", "~").'
        )
    return values


def _phrases(values: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    """Key a mapping of phrases ("at least") by their words (``("at", "least")``)."""
    return {tuple(phrase.split()): value for phrase, value in values.items()}


def _qualifiers(data: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """Return the qualifiers ("at least" → "low"), checking each names a bound the grammar reads."""
    qualifiers = _phrases(_word_values(data, "qualifiers", str))
    unknown = sorted(set(qualifiers.values()) - _QUALIFIER_KINDS)
    if unknown:
        raise ConfigError(f"{_SOURCE}: qualifiers use {unknown}; use one of {sorted(_QUALIFIER_KINDS)}.")
    return qualifiers


# Every word list of the grammar, with what it is for, lives in data/numbers.yaml.
_WORDS = _read_words()
_UNITS: dict[str, int] = _word_values(_WORDS, "units", int)
_TENS: dict[str, int] = _word_values(_WORDS, "tens", int)
_SCALES: dict[str, int] = _word_values(_WORDS, "scales", int)
_VAGUE_PLURALS: dict[str, int] = _word_values(_WORDS, "vague_plurals", int)
_FEW: dict[tuple[str, ...], int] = _phrases(_word_values(_WORDS, "few", int))
_NEEDS_OF = set(_word_list(_WORDS, "vague_needs_of"))
_QUALIFIERS: dict[tuple[str, ...], str] = _qualifiers(_WORDS)
_MAX_QUALIFIER = max(len(k) for k in _QUALIFIERS)
_MONTHS = set(_word_list(_WORDS, "months"))
_PERCENT = set(_word_list(_WORDS, "percent"))
_MONEY_AFTER = set(_word_list(_WORDS, "money_after"))
_MONEY_BEFORE = set(_word_list(_WORDS, "money_before"))
_CLOCK_RE = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|gmt\b|utc\b|o['’]clock\b|hrs\b|hours?\s+gmt)", re.I)
_LABELS = set(_word_list(_WORDS, "labels"))
_YEAR_BEFORE = set(_word_list(_WORDS, "year_before"))
_PLURAL_NO_S = set(_word_list(_WORDS, "plural_no_s"))
_YEAR_AFTER = set(_word_list(_WORDS, "year_after"))
_ONE_NOT_COUNT = set(_word_list(_WORDS, "one_not_count"))
# Skipped after "of" on the way to the head; a closed word class, so it stays with the grammar.
_OF_DETERMINERS = {"the", "these", "those", "his", "her", "their", "its", "our"}


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Core:
    """A bare number phrase over tokens ``[first, last)``."""

    value: Fraction
    first: int
    last: int
    vague: bool
    scaled: int | None  # the last scale applied, so "20 to 30 million" can lend it to 20
    words_only: bool


def _tokenize(text: str) -> list[_Token]:
    return [_Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _digit_value(token: str) -> tuple[Fraction, int | None] | None:
    """Read a digit token ("15,000", "1.6", "2mln"); None for ordinals, decades and codes."""
    match = _DIGITS_RE.match(token)
    if match is None:
        return None
    number, suffix = match.group(), token[match.end() :].lower()
    if suffix and suffix not in _SCALES:
        return None  # "10th", "1980s", "5G", "20km": ordinals, decades and unit-glued codes
    value = Fraction(number.replace(",", ""))
    if suffix:
        return value * _SCALES[suffix], _SCALES[suffix]
    return value, None


def _glued(tokens: list[_Token], i: int) -> bool:
    """Tell whether tokens ``i`` and ``i + 1`` touch with no space between them."""
    return i + 1 < len(tokens) and tokens[i].end == tokens[i + 1].start


def _word_value(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """Read a number word at ``i`` ("eight", "twenty-one", "twenty one"): (value, next index)."""
    word = tokens[i].low
    if word in _UNITS:
        return _UNITS[word], i + 1
    if word not in _TENS:
        return None
    value, j = _TENS[word], i + 1
    if j + 1 < len(tokens) and tokens[j].text in "-‐" and _glued(tokens, i) and _glued(tokens, j):
        unit = tokens[j + 1].low
        if unit in _UNITS and 0 < _UNITS[unit] < 10:
            return value + _UNITS[unit], j + 2
    if j < len(tokens) and tokens[j].low in _UNITS and 0 < _UNITS[tokens[j].low] < 10:
        return value + _UNITS[tokens[j].low], j + 1
    return value, j


def _scale_at(tokens: list[_Token], i: int) -> int | None:
    return _SCALES.get(tokens[i].low) if i < len(tokens) else None


def _exact_core(tokens: list[_Token], i: int) -> _Core | None:
    """Read a written-out or digit number starting at ``i``, mixing both as news does.

    The classic total/current accumulator: small parts add into ``current``, "hundred"
    multiplies it, and larger scales move it into ``total`` ("one million and 600 thousand").
    "and" is only read after a scale and before a smaller part, so "between 20 and 30" stays
    two numbers.
    """
    total, current = Fraction(0), Fraction(0)
    j, words_only, scaled, last_kind = i, True, None, None
    last_big = None  # the last scale moved into total, to check "and" is followed by less
    hundred_and = False  # an "and" already joined a part to the hundreds
    while j < len(tokens):
        tok = tokens[j]
        if last_kind in (None, "scale", "and"):
            # Digits never follow a scale without "and": "a million 1990" is two numbers.
            digits = _digit_value(tok.text) if tok.text[0].isdigit() and last_kind != "scale" else None
            if digits is not None:
                if last_kind is None and _identifier_before(tokens, j):
                    return None
                current += digits[0]
                words_only, j, last_kind = False, j + 1, "part"
                if digits[1] is not None:
                    total, current, scaled, last_kind = total + current, Fraction(0), digits[1], "scale"
                continue
            word = _word_value(tokens, j)
            if word is not None:
                current += word[0]
                j, last_kind = word[1], "part"
                continue
            if last_kind is None and tok.low in ("a", "half") and j + 1 < len(tokens):
                # "a hundred", "a dozen", "half a million"
                if tok.low == "a" and _scale_at(tokens, j + 1):
                    current, j, last_kind = Fraction(1), j + 1, "part"
                    continue
                if tok.low == "half" and tokens[j + 1].low == "a" and _scale_at(tokens, j + 2):
                    current, j, last_kind = Fraction(1, 2), j + 2, "part"
                    continue
            if last_kind != "scale":
                break
        scale = _scale_at(tokens, j)
        if last_kind == "part" and scale is not None and not (scale <= 100 and hundred_and):
            if scale == 100:
                current = (current or 1) * scale
            else:
                total, current = total + (current or 1) * scale, Fraction(0)
                last_big = scale
            scaled, j, last_kind = scale, j + 1, "scale"
            continue
        if (
            last_kind == "part"
            and tok.low == "and"
            and [t.low for t in tokens[j + 1 : j + 3]] == ["a", "half"]
            and _scale_at(tokens, j + 3)
        ):
            current, j = current + Fraction(1, 2), j + 3  # "one and a half million"
            continue
        if last_kind == "scale" and tok.low == "and" and j + 1 < len(tokens) and scaled == 100:
            # "a hundred and fifty (thousand)": the part joins the hundreds, and only a
            # larger scale may follow, so "one hundred and two hundred" is not 10,200.
            part = _word_value(tokens, j + 1)
            if part is None and tokens[j + 1].text[0].isdigit() and not hundred_and:
                digits = _digit_value(tokens[j + 1].text)
                part = (int(digits[0]), j + 2) if digits and digits[1] is None else None
            if part is not None and _scale_at(tokens, part[1]) in (12, 100):
                break  # "one hundred and two hundred": a second number, not a part
            if part is not None and part[0] < 100 and not hundred_and:
                current, j, last_kind, hundred_and = current + part[0], part[1], "part", True
                continue
            break
        if last_kind == "scale" and tok.low == "and" and j + 1 < len(tokens):
            nxt = _exact_core(tokens, j + 1)
            if nxt is not None and (last_big is None or nxt.value < last_big):
                return _Core(
                    total + current + nxt.value,
                    i,
                    nxt.last,
                    False,
                    nxt.scaled or scaled,
                    words_only and nxt.words_only,
                )
        break
    if last_kind is None:
        return None
    return _Core(total + current, i, j, False, scaled, words_only)


def _vague_core(tokens: list[_Token], i: int) -> _Core | None:
    """Read "dozens", "tens of thousands", "several hundred", "a few" at ``i``."""
    lows = [t.low for t in tokens[i : i + 4]]
    if lows and lows[0] in _VAGUE_PLURALS and (lows[0] not in _NEEDS_OF or lows[1:2] == ["of"]):
        value = _VAGUE_PLURALS[lows[0]]
        if len(lows) > 2 and lows[1] == "of" and lows[2] in _VAGUE_PLURALS:
            inner = _VAGUE_PLURALS[lows[2]]
            if inner > value:  # "tens of thousands", "hundreds of millions"
                return _Core(Fraction(value * inner), i, i + 3, True, inner, True)
        return _Core(Fraction(value), i, i + 1, True, None, True)
    for words, few in _FEW.items():
        if tuple(lows[: len(words)]) == words:
            j = i + len(words)
            scale = _scale_at(tokens, j)
            if scale is not None:  # "several hundred" → 3 × 100
                return _Core(Fraction(few * scale), i, j + 1, True, scale, True)
            return _Core(Fraction(few), i, j, True, None, True)
    return None


def _core(tokens: list[_Token], i: int) -> _Core | None:
    return _vague_core(tokens, i) or _exact_core(tokens, i)


def _identifier_before(tokens: list[_Token], j: int) -> bool:
    """Tell whether the digits at ``j`` are part of a code like "Khark-5", "F-16" or "A320"."""
    tok = tokens[j]
    if j == 0:
        return False
    prev = tokens[j - 1]
    if prev.end == tok.start and (prev.text[-1].isalpha() or prev.text in "#/:."):
        return True
    if prev.end == tok.start and j >= 2 and tokens[j - 2].end == prev.start:
        before = tokens[j - 2].text[-1]
        if prev.text in "-‐":
            # "Khark-5" and the "86" of "1985-86" are no amounts, but "20-30" is a range
            return before.isalpha() or re.fullmatch(r"(18|19|20)\d\d", tokens[j - 2].text) is not None
        if prev.text in "/:":
            return before.isdigit()  # the "15" of "3/15" or the "30" of "10:30"
    return False


def _is_year(tokens: list[_Token], core: _Core, before: int) -> bool:
    """Tell whether a bare four-digit number is a year.

    In news a comma-less 1800-2100 is nearly always a year ("1986 results", "due 1991"), so it
    counts as an amount only before a plural noun that no year modifies ("2000 protesters",
    "about 2000 people"); "over 1985" is a comparison, so a qualifier alone does not decide.
    """
    tok = tokens[core.first]
    if core.last - core.first != 1 or not re.fullmatch(r"\d{4}", tok.text):
        return False
    if not 1800 <= int(tok.text) <= 2100:
        return False
    prev = tokens[before - 1].low if before > 0 else ""
    nxt = tokens[core.last] if core.last < len(tokens) else None
    if prev in _YEAR_BEFORE or prev in _MONTHS or prev in ("'s", "’s", ","):
        return True  # the comma: "December 31, 1986"
    if nxt is None or not nxt.text[0].islower() or nxt.low in _YEAR_AFTER:
        return True
    return not (nxt.low.endswith("s") or nxt.low in _PLURAL_NO_S)


def _is_excluded(
    text: str, tokens: list[_Token], core: _Core, before: int, after: int, *, qualified: bool = False
) -> bool:
    """Tell whether a number is a year, date, time, percentage, money, label or non-count "one".

    Args:
        text: The whole text, for looking at raw characters around the phrase.
        tokens: Its tokens.
        core: The number.
        before: Index of the first token of the phrase (qualifier included).
        after: Index just past the phrase (range and postfixes included).
        qualified: Whether a qualifier precedes; "at least one of the victims" is a count.
    """
    first, last = tokens[core.first], tokens[core.last - 1]
    prev = tokens[before - 1] if before > 0 else None
    nxt = tokens[after] if after < len(tokens) else None
    small = core.value <= 31 and core.scaled is None and not core.vague
    if prev is not None and prev.low in _MONTHS and (prev.text[0].isupper()) and small:
        return True  # "June 17", "March eight"
    if nxt is not None and nxt.low in _MONTHS and nxt.text[0].isupper() and small:
        return True  # "17 June"
    if _is_year(tokens, core, before):
        return True
    if nxt is not None and (
        nxt.low in _PERCENT
        or (nxt.low == "per" and after + 1 < len(tokens) and tokens[after + 1].low == "cent")
    ):
        return True
    if nxt is not None and nxt.low in _MONEY_AFTER:
        return True
    if prev is not None and (prev.low in _MONEY_BEFORE or prev.text in _MONEY_BEFORE):
        return True
    if prev is not None and prev.low in _LABELS and not core.vague and core.scaled is None:
        return True
    if prev is not None and prev.text == "." and before >= 2 and tokens[before - 2].low in ("no", "nos"):
        return True  # "No. 5"
    if _CLOCK_RE.match(text, last.end) and core.value <= 24:
        return True
    if nxt is not None and nxt.text in ":/" and _glued(tokens, after - 1) and _glued(tokens, after):
        return True  # "10:30", "24/7", "3/15/87"
    if first.low == "one" and core.last - core.first == 1 and not qualified:
        if prev is not None and prev.low in ("no", "every", "any", "each", "the", "this", "that"):
            return True
        return nxt is None or not nxt.text[0].isalpha() or nxt.low in _ONE_NOT_COUNT
    return False


def _qualifier(tokens: list[_Token], i: int) -> tuple[str, int] | None:
    for size in range(_MAX_QUALIFIER, 0, -1):
        key = tuple(t.low for t in tokens[i : i + size])
        if len(key) == size and key in _QUALIFIERS:
            return _QUALIFIERS[key], size
    return None


def _range_end(tokens: list[_Token], core: _Core, between: bool) -> _Core | None:
    """Read the upper end of "N to M", "N-M", "N or M" or "between N and M" after ``core``."""
    j = core.last
    if j >= len(tokens) or core.vague:
        return None
    link = tokens[j].low
    if between:
        if link != "and":
            return None
    elif link not in ("to", "or", "-", "–", "—"):
        return None
    if link == "or" and j + 1 < len(tokens) and tokens[j + 1].low == "more":
        return None
    end = _exact_core(tokens, j + 1)
    if end is None:
        return None
    low = _lend_scale(core, end)
    return end if end.value > low else None


def _lend_scale(core: _Core, end: _Core) -> Fraction:
    """Give "20" the scale of "30 million" in "20 to 30 million" when that keeps low < high."""
    if core.scaled is None and end.scaled is not None and core.value * end.scaled <= end.value:
        return core.value * end.scaled
    return core.value


def _head(tokens: list[_Token], j: int) -> str | None:
    """Return the lower-cased word after the phrase ending at token ``j``."""
    if j < len(tokens) and tokens[j].text in "-‐" and _glued(tokens, j - 1) and _glued(tokens, j):
        j += 1  # "162,046-ton" → "ton", "10-year-old" → "year"
    if j < len(tokens) and tokens[j].low == "of":
        j += 1
        if j < len(tokens) and tokens[j].low in _OF_DETERMINERS:
            j += 1
    if j >= len(tokens) or not tokens[j].text[0].isalpha():
        return None
    word = tokens[j].low
    if word in _UNITS or word in _TENS or word in _VAGUE_PLURALS:
        return None  # "four of five wellheads": the next number carries its own head
    return re.split(r"['’]", word)[0]


def _as_int(value: Fraction) -> int | None:
    return int(value) if value.denominator == 1 else None


def find_numbers(text: str, *, offset: int = 0) -> list[NumberMention]:
    """Find the number phrases in ``text`` that can be casualty, size or count figures.

    Args:
        text: Plain text, e.g. one sentence or a whole article.
        offset: Added to every character offset, so that mentions found in a sentence point
            into the article it came from.

    Returns:
        The mentions in text order. Years, dates, times, percentages, money, ordinals and
        labels are left out (see the module docstring), as are non-integral figures ("2.5").

    Examples:
        >>> [(m.text, m.value, m.low, m.is_approx, m.head) for m in find_numbers("over 100 times")]
        [('over 100', 100, 100, True, 'times')]
    """
    tokens = _tokenize(text)
    mentions: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        qualifier = _qualifier(tokens, i)
        kind, start = (qualifier[0], i + qualifier[1]) if qualifier else ("", i)
        core = _core(tokens, start) if start < len(tokens) else None
        if core is None:
            i += 1
            continue
        end_tok = _range_end(tokens, core, between=kind == "between")
        if kind == "between" and end_tok is None:
            kind = ""  # "between 20 people": no range, so no hedge either
        after = end_tok.last if end_tok else core.last
        postfix = ""
        if end_tok is None and after + 1 < len(tokens):
            pair = (tokens[after].low, tokens[after + 1].low)
            if pair in (("or", "more"), ("or", "so")):
                postfix, after = pair[1], after + 2
        if _is_excluded(text, tokens, core, start, after, qualified=qualifier is not None) or (
            end_tok is not None and _is_excluded(text, tokens, end_tok, start, after)
        ):
            i = after
            continue
        low_value = _lend_scale(core, end_tok) if end_tok else core.value
        value = _as_int(low_value)
        if value is None:
            i = after
            continue  # "2.5 km": no count of people or incidents is fractional
        low = high = None
        approx = core.vague or kind.endswith("~") or postfix != ""
        if kind.startswith("low") or postfix == "more":
            low = value
        elif kind.startswith("high"):
            high = value
        elif kind == "~":
            approx = True
        if end_tok is not None:
            low, high, approx = value, _as_int(end_tok.value), True
        first = i if (qualifier and kind != "between") or end_tok is not None else start
        span_start, span_end = tokens[first].start, tokens[after - 1].end
        mentions.append(
            NumberMention(
                start_char=span_start + offset,
                end_char=span_end + offset,
                text=text[span_start:span_end],
                value=value,
                low=low,
                high=high,
                is_approx=approx,
                head=_head(tokens, after),
            )
        )
        i = after
    return mentions


def parse_number(phrase: str) -> int | None:
    """Read the value of a bare number phrase.

    The grammar above reads digits, number words and their mixes; numerizer is the fallback
    for forms outside it ("two and a half thousand"), but only when it returns plain digits,
    because it mangles vague words ("a few" → "1 few", "tens of thousands" → "tens of1000s")
    and ordinals ("first" → "1st").

    Args:
        phrase: A number with nothing around it, e.g. ``"1.6 million"``, ``"eight"``,
            ``"15,000"``, ``"one million and 600 thousand"``, ``"dozens"``.

    Returns:
        The integer value (the conventional one for vague amounts), or None when the phrase
        is not a whole number phrase or its value is not an integer.
    """
    tokens = _tokenize(phrase.strip())
    if not tokens:
        return None
    core = _core(tokens, 0)
    if core is not None and core.last == len(tokens):
        return _as_int(core.value)
    numerized = numerize(phrase.strip())
    if re.fullmatch(r"\d+", numerized):
        return int(numerized)
    return None
