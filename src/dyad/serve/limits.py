"""Request limits: body size, query-string length, page sizes. Over a limit is a clear 413/414.

The body limit is checked from ``Content-Length`` and again while reading, so a client that
sends more than it declared (or no length at all) is cut off too.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_PAGE = 1000  # events per /api/events page
DEFAULT_PAGE = 100
# An offset makes DuckDB keep every row before it in its top-N sort; past a few thousand it sorts
# everything (2 s at offset 5,000 of 1M events, 0.2 s at 2,000). Further: narrow the filters
# (since/until), or use /api/export or `dyad export`.
MAX_OFFSET = 2_000
MAX_EXPORT = 100_000  # events per /api/export file; larger exports: `dyad export`
MAX_GROUPS = 10_000  # rows of a stats series, actor or place list
MAX_BODY_BYTES = 10 * 1024 * 1024  # a POST /api/ingest body
MAX_QUERY_CHARS = 8192


class _BodyTooLarge(Exception):
    pass


def _error(status: int, message: str, hint: str) -> tuple[dict[str, Any], bytes]:
    body = json.dumps({"ok": False, "status": status, "error": message, "hint": hint}).encode()
    start = {
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    }
    return start, body


class RequestLimits:
    """ASGI middleware that refuses over-long query strings and over-large bodies."""

    def __init__(self, app: ASGIApp, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_CHARS:
            await self._send(
                send,
                414,
                f"the query string is longer than {MAX_QUERY_CHARS} characters",
                "use fewer or shorter filter values",
            )
            return
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._send(send, 413, self._too_large(), "send the articles in smaller batches")
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await self._send(send, 413, self._too_large(), "send the articles in smaller batches")

    def _too_large(self) -> str:
        return f"the request body is larger than {self.max_body_bytes} bytes"

    async def _send(self, send: Send, status: int, message: str, hint: str) -> None:
        start, body = _error(status, message, hint)
        await send(start)
        await send({"type": "http.response.body", "body": body})
