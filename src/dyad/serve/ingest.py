"""``POST /api/ingest``: code articles into the store, only with the server's ingest token.

Off unless ``dyad serve`` was given ``--ingest-token`` (or ``$DYAD_INGEST_TOKEN``). The
articles are JSON records as ``dyad ingest`` reads them, parsed by ``dyad.ingest`` and coded
by the same runner, so a record means the same through either door; bad records are
reported per record and the good ones are stored.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from dyad.errors import IngestError
from dyad.ingest import article_from_record
from dyad.model import Article
from dyad.serve.app import access
from dyad.serve.errors import ApiError
from dyad.store.runner import ingest

router = APIRouter(prefix="/api", tags=["ingest"])

MAX_ARTICLES = 500  # per request; the body limit (limits.MAX_BODY_BYTES) also applies


class IngestBody(BaseModel):
    """Articles to code: JSON records with ``text`` and optionally ``id``, ``title``, ``published``, ..."""

    articles: list[dict[str, Any]] = Field(max_length=MAX_ARTICLES)


def _check_token(request: Request, authorization: str | None) -> None:
    expected = access(request).settings.ingest_token
    if not expected:
        raise ApiError(
            403,
            "ingest is off: this server is read-only",
            "start it with `dyad serve --ingest-token TOKEN` (or $DYAD_INGEST_TOKEN) to allow ingest",
        )
    scheme, _, given = (authorization or "").partition(" ")
    # Constant-time comparison: the answer's timing must not leak the token.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "missing or wrong ingest token", "send the header `Authorization: Bearer TOKEN`")


@router.post("/ingest", summary="Code articles and store their events (needs the ingest token)")
def ingest_articles(
    request: Request,
    body: IngestBody,
    authorization: Annotated[
        str | None, Header(description="Bearer TOKEN (the server's ingest token).")
    ] = None,
) -> dict[str, Any]:
    """Code the articles into the store, replacing what was stored for the same ids.

    Unchanged articles (same id and content) are skipped; each bad record is a failure in
    the answer, and the good ones are stored anyway.
    """
    _check_token(request, authorization)
    items: list[Article | IngestError] = []
    for line, record in enumerate(body.articles, start=1):
        try:
            items.append(article_from_record(record, source="<request>", line=line, default_published=None))
        except IngestError as e:
            items.append(e)
    store_access = access(request)
    coder = store_access.coder()
    with store_access.store() as store:
        report = ingest(store, coder, items, keep_going=True)
    return {
        "ok": True,
        "articles_seen": report.articles_seen,
        "articles_written": report.articles_written,
        "articles_unchanged": report.articles_unchanged,
        "events_written": report.events_written,
        "failures": [
            {"record": f.record, "stage": f.stage, "error": f.error, "article_id": f.article_id}
            for f in report.failures
        ],
    }
