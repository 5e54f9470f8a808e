"""The event filters of the HTTP API: ``EventQuery``'s fields as query parameters.

The parameters are made from ``EventQuery``'s own fields, and their values go to
``EventQuery.from_params`` as the CLI's flags do, so a new filter reaches the API without an
edit here and is checked in one place. Values are strings (lists may repeat the parameter or
use commas: ``type=ASSAULT&type=PROTEST`` or ``type=ASSAULT,PROTEST``). Unknown parameters
are refused with the names that exist, so a misspelt filter never silently matches everything.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Annotated, Any

from fastapi import Query, Request

from dyad.serve.errors import ApiError
from dyad.store import EventQuery

MAX_TEXT_CHARS = 512  # one text filter (actor, recipient, text); longer is a 422
# Page controls are the routes' own parameters, with their limits.
_NOT_FILTERS = {"limit", "offset"}
# The CLI's names for these two (``--type``, ``--mode``) are the API's too.
_PARAMETER_NAMES = {"types": "type", "modes": "mode"}
FILTER_HELP = {
    "types": "PLOVER event type(s), e.g. ASSAULT.",
    "modes": "PLOVER mode(s), e.g. drone.",
    "status": "Status(es), or 'all'. Default: asserted.",
    "historical": "Background history: exclude (default), include or only.",
    "actor_country": "Actor country code(s), e.g. IRQ.",
    "recipient_country": "Recipient country code(s).",
    "actor_sector": "Actor sector code(s), e.g. REB.",
    "recipient_sector": "Recipient sector code(s).",
    "actor": "Words in an actor's text or name.",
    "recipient": "Words in a recipient's text or name.",
    "since": "Events dated on or after (YYYY-MM-DD).",
    "until": "Events dated on or before (YYYY-MM-DD).",
    "location_country": "Location country code(s).",
    "location_admin1": "Location admin1 code(s).",
    "text": "Words in the evidence sentence.",
    "article_id": "Article id(s).",
    "event_id": "Event id(s).",
}


def filter_names() -> dict[str, str]:
    """Return ``{query parameter: EventQuery field}`` for every filter."""
    return {
        _PARAMETER_NAMES.get(f.name, f.name): f.name for f in fields(EventQuery) if f.name not in _NOT_FILTERS
    }


def _parameter(name: str, field_name: str) -> inspect.Parameter:
    field = next(f for f in fields(EventQuery) if f.name == field_name)
    # The dataclass's annotations are strings (postponed evaluation): "tuple[str, ...]" is a list.
    is_list = str(field.type).startswith("tuple")
    help_text = FILTER_HELP.get(field_name, field_name)
    described: Any = (
        Annotated[list[str] | None, Query(description=help_text)]
        if is_list
        else Annotated[str | None, Query(description=help_text, max_length=MAX_TEXT_CHARS)]
    )
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=described)


def event_filters(also: Iterable[str] = ()) -> Callable[..., EventQuery]:
    """Return a FastAPI dependency that reads the filters of a request into an ``EventQuery``.

    ``also`` names the route's own query parameters, which are not filters but are allowed.

    Raises:
        ApiError: (400) a query parameter is neither a filter nor one of ``also``.
        QueryError: (400) a filter value is malformed; the message names it and the fix.
    """
    names = filter_names()
    allowed = set(names) | set(also)

    def dependency(request: Request, **values: Any) -> EventQuery:
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ApiError(
                400,
                f"unknown query parameter(s) {', '.join(map(repr, unknown))}; "
                f"use {', '.join(sorted(allowed))}",
                "see /docs for what each one means",
            )
        return EventQuery.from_params(values)

    request_parameter = inspect.Parameter(
        "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request
    )
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [request_parameter, *(_parameter(name, field_name) for name, field_name in names.items())],
        return_annotation=EventQuery,
    )
    return dependency
