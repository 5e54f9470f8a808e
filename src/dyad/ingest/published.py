"""Publication dates in any common format → timezone-aware datetimes.

Feeds, scrapers and spreadsheets write dates every which way: ISO 8601 from APIs, RFC 822
from RSS (``Sat, 03 Jan 2015 07:58:00 -0500``), and printed dates from pages ("7:58 AM ET,
Sat January 3, 2015"). The parsers are tried from the fastest and strictest to the most
lenient, so the common ISO case never pays for dateparser.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime
from typing import Any

PUBLISHED_FORMATS = (
    "a date such as 2023-12-11, 2023-12-11T09:30:00+03:00, 'Mon, 11 Dec 2023 09:30:00 GMT' "
    "or 'December 11, 2023 9:30 AM'"
)

# dateparser reads printed dates in many languages. Its relative parser ("yesterday",
# "2 hours ago") would date an article from the clock of the machine that reads it, and a date
# without a year would take the current one: both invent a publication date, so both are off.
# Nothing here touches the network; naive values are UTC, as in the ISO path.
# 11/12/2023 with both numbers up to 12: no parser can know the order the writer meant.
_AMBIGUOUS = re.compile(r"^(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\d{2,4}\b")

_ISO_SHAPE = re.compile(r"^\d{4}-\d")

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
}


def parse_published(value: str) -> datetime:
    """Parse a publication date or datetime into a timezone-aware datetime.

    ISO 8601 is tried first, then RFC 822 (RSS ``pubDate``, e-mail ``Date``), then
    dateparser for printed dates. A bare date means midnight UTC; a datetime without an
    offset is taken as UTC. Relative words ("yesterday") and dates without a year are
    refused rather than resolved against today.

    Raises:
        ValueError: if no parser reads ``value``; the message shows the value and the
            formats accepted.
    """
    text = value.strip()
    if _AMBIGUOUS.match(text) and len({int(n) for n in _AMBIGUOUS.match(text).groups()}) == 2:  # type: ignore[union-attr]
        raise ValueError(
            f"ambiguous publication date {value!r}: day and month could be either way round "
            "(11/12 is 11 December in most of the world, November 12 in the US); "
            "write it as YYYY-MM-DD"
        )
    # An ISO-shaped value that ISO rejects (2023-13-01) is a typo, not a printed date to guess at.
    printed = None if not text or _ISO_SHAPE.match(text) else _printed(text)
    parsed = _iso(text) or _rfc822(text) or printed
    if parsed is None:
        raise ValueError(f"invalid publication date {value!r}: expected {PUBLISHED_FORMATS}")
    if parsed.tzinfo is None:
        # Wire feeds mostly omit the offset; UTC keeps every published_at comparable.
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    # RFC 822 dates start with a weekday name or the day number; skip the call otherwise.
    if not text[:1].isalnum() or "," not in text and not text[:1].isdigit():
        return None
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _printed(text: str) -> datetime | None:
    # Imported here: dateparser loads its language data on import, which most runs never need.
    import dateparser

    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return parsed if isinstance(parsed, datetime) else None
