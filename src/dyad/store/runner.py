"""Run the coder over articles into a store, batch by batch: ``ingest`` and ``recode``.

Each batch is filtered (articles stored with the same content are skipped before parsing),
coded, then written in one transaction. So a run killed at any point leaves whole
articles only, and the next run picks up where the last commit ended.

The pipeline is passed in (anything with ``process`` and ``failures``, as ``dyad.Pipeline``
has); the store never builds one itself, so it stays free of spaCy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dyad.errors import IngestError
from dyad.model import Article, Event
from dyad.records import event_to_record
from dyad.store.store import EventStore, StoredFailure

logger = logging.getLogger(__name__)


class Coder(Protocol):
    """What the runner needs of a pipeline."""

    failures: list[Any]

    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]: ...


@dataclass(slots=True)
class IngestReport:
    """What a run did: articles seen, skipped as unchanged, written; events; failures."""

    articles_seen: int = 0
    articles_unchanged: int = 0
    articles_written: int = 0
    events_written: int = 0
    batches: int = 0
    failures: list[StoredFailure] = field(default_factory=list)


# Called after each committed batch with the running report.
Progress = Callable[[IngestReport], None]


def ingest(
    store: EventStore,
    coder: Coder,
    items: Iterable[Article | IngestError],
    *,
    batch_size: int = 32,
    keep_going: bool = False,
    on_batch: Progress | None = None,
) -> IngestReport:
    """Code ``items`` (articles, and errors in place of bad input records) into ``store``.

    Unchanged articles are skipped; new and changed ones are coded and replace what was
    stored for them. With ``keep_going``, bad records are stored as failures and the run
    goes on; without, the articles before the bad record are committed and its error is
    raised.

    Raises:
        IngestError: a bad input record, without ``keep_going``.
        StageError: a stage failed, when the coder was built with ``on_error="raise"``;
            the batch in progress is not written.
    """
    report = IngestReport()
    batch: dict[str, Article] = {}
    bad: list[StoredFailure] = []
    for item in items:
        if isinstance(item, IngestError):
            failure = StoredFailure(record=_where(item), stage="ingest", error=str(item))
            if not keep_going:
                _flush(store, coder, batch, [], report, on_batch)
                raise item
            bad.append(failure)
            continue
        report.articles_seen += 1
        # The same id twice in one batch: the later record wins, as it would across batches.
        batch.pop(item.id, None)
        batch[item.id] = item
        if len(batch) >= batch_size:
            _flush(store, coder, batch, bad, report, on_batch)
            batch, bad = {}, []
    _flush(store, coder, batch, bad, report, on_batch)
    return report


def recode(
    store: EventStore, coder: Coder, *, batch_size: int = 32, on_batch: Progress | None = None
) -> IngestReport:
    """Re-run ``coder`` over every stored article and replace its events."""
    report = IngestReport()
    for articles in store.stored_articles(batch_size):
        report.articles_seen += len(articles)
        _write(store, coder, articles, [], report, on_batch)
    return report


def _flush(
    store: EventStore,
    coder: Coder,
    batch: dict[str, Article],
    bad: list[StoredFailure],
    report: IngestReport,
    on_batch: Progress | None,
) -> None:
    if not batch and not bad:
        return
    unchanged = store.unchanged(list(batch.values()))
    report.articles_unchanged += len(unchanged)
    todo = [article for article in batch.values() if article.id not in unchanged]
    _write(store, coder, todo, bad, report, on_batch)


def _write(
    store: EventStore,
    coder: Coder,
    articles: Sequence[Article],
    bad: list[StoredFailure],
    report: IngestReport,
    on_batch: Progress | None,
) -> None:
    seen_failures = len(coder.failures)
    coded = [(article, [event_to_record(e) for e in events]) for article, events in coder.process(articles)]
    failures = bad + [
        StoredFailure(record=f.article_id, stage=f.stage, error=f.error, article_id=f.article_id)
        for f in coder.failures[seen_failures:]
    ]
    commit_batch(store, coded, failures, report, on_batch)


def commit_batch(
    store: EventStore,
    coded: list[tuple[Article, list[dict[str, Any]]]],
    failures: list[StoredFailure],
    report: IngestReport,
    on_batch: Progress | None,
) -> None:
    """Write one batch of coded articles and failures in one transaction, and count it."""
    n_events = store.write_batch(coded, failures)
    report.batches += 1
    report.articles_written += len(coded)
    report.events_written += n_events
    report.failures.extend(failures)
    logger.info(
        "committed batch %d: %d article(s), %d event(s), %d failure(s)",
        report.batches,
        len(coded),
        n_events,
        len(failures),
    )
    if on_batch is not None:
        on_batch(report)


def _where(error: IngestError) -> str:
    return f"{error.source}:{error.line}" if error.line is not None else error.source
