"""Fixtures for dyad serve: a real store of the coded examples, the app over it, a live server.

| fixture | what |
|---|---|
| `served_db` | path of a DuckDB store holding `../shared/examples/*.jsonl`, coded once per session |
| `app` | `create_app(served_db)`: the FastAPI app, read-only |
| `client` | a `TestClient` over `app` (errors come back as responses, 500s included) |
| `live_server` | base URL of a real uvicorn server on 127.0.0.1 serving `served_db`, in a thread |
| `browser` | Playwright's chromium, Debian's `/usr/bin/chromium`; fails (not skips) without it |
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.ingest import read_articles
from dyad.records import event_to_record
from dyad.serve import create_app
from dyad.store import EventStore

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def served_db(tmp_path_factory, shared, pipeline) -> Path:
    path = tmp_path_factory.mktemp("serve") / "examples.duckdb"
    articles = list(read_articles(sorted((shared / "examples").glob("*.jsonl"))))
    coded = [
        (article, [event_to_record(e) for e in events]) for article, events in pipeline.process(articles)
    ]
    with EventStore.open(path, create=True, read_only=False) as store:
        store.write_batch(coded)
    return path


@pytest.fixture(scope="session")
def app(served_db):
    return create_app(served_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app, raise_server_exceptions=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(served_db) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(served_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("dyad serve did not start on 127.0.0.1 within 20 s", pytrace=False)
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing, so the dashboard's browser tests cannot run. Install it with "
            "`apt-get install chromium` (scripts/install does this when run as root)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()
