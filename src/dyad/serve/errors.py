"""One JSON shape for every error the API returns: ``{"ok": false, "status": N, "error": "..."}``.

Handlers turn dyad's own errors (a bad filter, a bad input record, a store problem), FastAPI's
validation errors and HTTP errors into that shape, so a client checks one thing whatever
went wrong. ``error`` says what was wrong and what to do; ``hint`` may add where to look.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.errors import IngestError, QueryError, StoreError

logger = logging.getLogger(__name__)

# Documented in the OpenAPI spec for every route, so clients see the one shape.
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["ok", "status", "error"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "status": {"type": "integer"},
        "error": {"type": "string"},
        "hint": {"type": "string"},
    },
}


class ApiError(Exception):
    """An error a route raises on purpose, with its HTTP status and a message saying the fix."""

    def __init__(self, status: int, message: str, hint: str | None = None) -> None:
        self.status = status
        self.message = message
        self.hint = hint
        super().__init__(message)


def error_response(status: int, message: str, hint: str | None = None) -> JSONResponse:
    """Return the one error shape as a response."""
    body: dict[str, Any] = {"ok": False, "status": status, "error": message}
    if hint:
        body["hint"] = hint
    return JSONResponse(body, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    # One line per bad parameter: where it was, its name, what was wrong with it.
    parts = []
    for error in exc.errors():
        location = [str(item) for item in error.get("loc", ())]
        where = location[0] if location else "request"
        name = ".".join(location[1:]) or where
        value = error.get("input")
        shown = "" if value is None or isinstance(value, dict | list) else f" {str(value)[:60]!r}"
        parts.append(f"bad {where} parameter {name}{shown}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one JSON shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.hint)

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(IngestError)
    async def _ingest_error(request: Request, exc: IngestError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        # The request was fine; the store was busy or changed under it: trying again may work.
        return error_response(503, str(exc), "try again in a moment")

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc), "see /docs for each parameter")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404 and exc.detail == "Not Found":
            return error_response(
                404, f"no such page or endpoint: {request.url.path}", "the API is under /api; see /docs"
            )
        if exc.status_code == 405:
            return error_response(405, f"{request.method} is not allowed on {request.url.path}", "see /docs")
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The details go to the server log, not to the client.
        logger.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error in dyad serve", "the server log has the details")
