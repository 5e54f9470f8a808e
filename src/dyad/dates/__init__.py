"""Time expressions and event dates.

Input: ``ParsedArticle`` and its events (publication date from ``Article.published_at``).
Output: the same events with ``date`` (an ``EventDate``: value, granularity, basis, until,
span) and ``is_historical`` set. ``find_time_expressions`` works on plain text alone.
"""

from dyad.dates.expressions import TimeExpression, find_time_expressions, resolve_weekday, value_bounds
from dyad.dates.resolver import DateResolver, make_date_resolver

__all__ = [
    "DateResolver",
    "TimeExpression",
    "find_time_expressions",
    "make_date_resolver",
    "resolve_weekday",
    "value_bounds",
]
