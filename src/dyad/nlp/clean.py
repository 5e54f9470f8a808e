"""Find where the prose of an article starts, and cut long articles into windows.

Datelines ("ERBIL, Kurdistan Region - ", "WASHINGTON, June 18 (Reuters) -") and bylines
are where a report was filed, not where its events happened; parsed as prose they become
subjects ("Kurdistan Region - Around 100 members"). dyad skips them rather than deleting
them, so every offset still points into the original text.
"""

from __future__ import annotations

import re

# An upper-case place (in brackets too), optional ", Region/Country", optional date or
# agency, then a dash or colon. Wires drop the spaces round a long dash ("WASHINGTON—The")
# and after an agency's colon ("(APP):Chief"); after an agency the separator may be a
# stray character or nothing ("BEIRUT (AP) The", "(AP) \ufffd A").
_DATELINE = re.compile(
    r"""^\s*
    (?P<open>\()?
    (?P<place>[A-Z][A-Z .'\-]{1,40}?)              # ERBIL / NEW YORK / ABU DHABI
    (?(open)\))
    (?:,\s*[A-Z][\w .'\-]{1,40}?)?                  # , Kurdistan Region / , Iraq
    (?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?   # , June 18 / , April 05, 2018
    (?:\s*\((?P<agency>[A-Z][\w ]{1,20})\))?      # (Reuters)
    (?:
        \s*(?:-{1,2}|\u2013|\u2014|:)\s+
      | \s*[\u2013\u2014](?=[A-Z])
      | (?(agency)\s*(?::|[^\w\s"'(])?\s*(?=[A-Z])|(?!))
    )""",
    re.VERBOSE,
)
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*\n")

WINDOW_CHARS = 100_000


def find_body_start(text: str) -> int:
    """Return the offset where the article's prose starts, after any byline and dateline."""
    start = 0
    byline = _BYLINE.match(text)
    if byline:
        start = byline.end()
    dateline = _DATELINE.match(text, start)
    if dateline and dateline.group("place").strip().isupper():
        start = dateline.end()
    return start


def split_windows(text: str, start: int = 0, max_chars: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """Cut ``text[start:]`` into ``(start, end)`` windows of at most ``max_chars``.

    Cuts fall on paragraph breaks, else line breaks, else sentence ends, else spaces, so
    that a sentence is almost never split. Short articles are one window.
    """
    windows: list[tuple[int, int]] = []
    end_of_text = len(text)
    while start < end_of_text:
        end = min(start + max_chars, end_of_text)
        if end < end_of_text:
            cut = -1
            for separator in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(separator, start + max_chars // 2, end)
                if cut != -1:
                    end = cut + len(separator)
                    break
        if text[start:end].strip():
            windows.append((start, end))
        start = end
    return windows
