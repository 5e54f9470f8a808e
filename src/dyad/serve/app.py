"""``create_app``: the FastAPI application over one store, with its settings and limits.

The store is opened once, when the app is built (a missing or locked store fails then, not at
the first request), and shared by the request threads behind one lock: a DuckDB connection
must not run two statements at once, and the queries are short.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request

from dyad.serve.errors import ERROR_SCHEMA, install_error_handlers
from dyad.serve.limits import MAX_BODY_BYTES, RequestLimits
from dyad.store import EventStore

if TYPE_CHECKING:
    from dyad.store.runner import Coder

INGEST_TOKEN_ENV = "DYAD_INGEST_TOKEN"


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """What ``dyad serve`` was started with.

    ``ingest_token`` turns on ``POST /api/ingest`` (and opens the store for writing); without it
    the server only reads.
    """

    db: str | Path | None = None
    ingest_token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES

    @property
    def is_read_only(self) -> bool:
        """Whether the server never writes (no ingest token)."""
        return not self.ingest_token


class StoreAccess:
    """The app's one store, used by one request at a time; the ingest coder, built on first use."""

    def __init__(
        self, store: EventStore, settings: ServeSettings, load_coder: Callable[[], Coder] | None = None
    ) -> None:
        self.settings = settings
        self._store = store
        self._lock = threading.Lock()
        self._load_coder = load_coder
        self._coder: Coder | None = None

    @contextmanager
    def store(self) -> Iterator[EventStore]:
        """Hold the store for one request's reads (or one ingest's writes)."""
        with self._lock:
            yield self._store

    def coder(self) -> Coder:
        """Return the coding pipeline, loading it the first time (spaCy takes seconds to load)."""
        if self._coder is None:
            if self._load_coder is None:
                from dyad.pipeline import load_pipeline

                self._coder = load_pipeline(on_error="skip")
            else:
                self._coder = self._load_coder()
        return self._coder

    def close(self) -> None:
        """Close the store (for DuckDB: release the file)."""
        with self._lock:
            self._store.close()


def access(request: Request) -> StoreAccess:
    """Return the store access of the app serving ``request``."""
    found: StoreAccess = request.app.state.dyad
    return found


def create_app(
    db: str | Path | None = None,
    *,
    ingest_token: str | None = None,
    settings: ServeSettings | None = None,
    load_coder: Callable[[], Any] | None = None,
) -> FastAPI:
    """Build the API and dashboard over the store at ``db`` (default ``$DYAD_DB``, then dyad.duckdb).

    Read-only unless ``ingest_token`` is given: then the store is opened for writing (and made
    if missing) and ``POST /api/ingest`` codes articles into it when a request carries the
    token. ``load_coder`` builds the coder for ingest (default: ``dyad.load_pipeline``).

    Raises:
        StoreError: there is no store at ``db`` (read-only), or it is not a dyad store.
        StoreLockedError: another process is writing the DuckDB file.
    """
    from dyad.serve.ingest import router as ingest_router
    from dyad.serve.pages import install_pages
    from dyad.serve.routes import router

    settings = settings or ServeSettings(db=db, ingest_token=ingest_token)
    store = EventStore.open(settings.db, create=not settings.is_read_only, read_only=settings.is_read_only)
    store_access = StoreAccess(store, settings, load_coder)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store_access.close()

    from dyad import __version__

    app = FastAPI(
        title="dyad",
        version=__version__,
        summary="PLOVER political events from news: query, count, map and export a dyad store.",
        docs_url=None,  # served from vendored assets by pages.py: no CDN
        redoc_url=None,
        lifespan=lifespan,
        responses={
            400: {"description": "A bad filter or parameter", "content": _error_content()},
            422: {"description": "A parameter of the wrong type", "content": _error_content()},
        },
    )
    app.state.dyad = store_access
    app.add_middleware(RequestLimits, max_body_bytes=settings.max_body_bytes)
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(ingest_router)
    install_pages(app)
    return app


def _error_content() -> dict[str, Any]:
    return {"application/json": {"schema": ERROR_SCHEMA}}
