"""``ingest`` on a Dask cluster: workers code batches of articles, this process writes them.

The client reads the inputs, drops articles already stored with the same content, and sends
each batch (plain ``Article`` records) to a worker. Each worker process loads the pipeline
once, through a worker plugin, and returns compact event records: the contract dicts the
store writes, never spaCy objects. The client writes the batches in input order, one
transaction each, through the same ``EventStore.write_batch`` as ``runner.ingest``: one
writer, and a store that ends with the rows a single-process run gives.

Exactly once: a worker that dies mid-batch (killed, out of memory) has its batch run again
elsewhere (Dask's ``allowed-failures``; task errors are retried ``retries`` times), and the
client takes one result per batch. ``write_batch`` replaces what was stored for its
articles, so a batch written twice still leaves its rows once.

Imports Dask: only ``dyad ingest --dask`` loads this module.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import ConfigError, DyadError, IngestError, PartitionError
from dyad.model import Article
from dyad.records import event_to_record
from dyad.store.runner import Coder, IngestReport, Progress, commit_batch
from dyad.store.store import EventStore, StoredFailure, content_hash, dyad_version

try:
    import cloudpickle
    from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker
except ImportError as e:  # the `dask` extra is not installed
    raise ConfigError(
        "dyad ingest --dask needs Dask, which is not installed here. Install it with "
        "`pip install 'dyad[dask]'` (dask and distributed 2026.8.0), on the workers too"
    ) from e

logger = logging.getLogger(__name__)

# A zero-argument callable that builds the pipeline on a worker; it is pickled and sent
# there, so it must be importable on the workers (``functools.partial(load_pipeline, config)``).
Loader = Callable[[], Coder]


@dataclass(frozen=True, slots=True)
class CodedPartition:
    """What a worker returns for one batch: event records per article id, failures, or the error."""

    coded: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    failures: list[StoredFailure] = field(default_factory=list)
    error: DyadError | None = None


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per worker process and codes one batch at a time with it."""

    def __init__(self, loader: Loader, version: str) -> None:
        self.loader = loader
        self.version = version
        self._coder: Coder | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        # cloudpickle, as Dask sends functions: a loader from a script or notebook goes by value.
        return {"loader": cloudpickle.dumps(self.loader), "version": self.version}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.loader, self.version = cloudpickle.loads(state["loader"]), state["version"]
        self._coder = None
        self._lock = threading.Lock()

    async def setup(self, worker: Any) -> None:
        """Load the pipeline off the event loop, so the worker keeps answering the scheduler."""
        if dyad_version() != self.version:
            raise ConfigError(
                f"the Dask worker {worker.address} has dyad {dyad_version()}, this client has dyad "
                f"{self.version}. Install the same dyad on every worker"
            )
        await asyncio.to_thread(self._load)

    async def teardown(self, worker: Any) -> None:
        """Release what the pipeline holds, once the batch or load in progress is done."""
        await asyncio.to_thread(self._close)

    def _close(self) -> None:
        with self._lock:
            close = getattr(self._coder, "close", None)
            if close is not None:
                close()
            self._coder = None

    def _load(self) -> Coder:
        with self._lock:
            if self._coder is None:
                self._coder = self.loader()
            return self._coder

    def code(self, articles: list[Article]) -> CodedPartition:
        """Code ``articles``; a dyad error is returned, not raised, so Dask does not retry it."""
        coder = self._load()
        # One batch at a time: a pipeline (and its failures list) is not shared between threads.
        with self._lock:
            seen = len(coder.failures)
            try:
                coded = [
                    (article.id, [event_to_record(e) for e in events])
                    for article, events in coder.process(articles)
                ]
            except DyadError as e:
                return CodedPartition(error=e)
            failures = [
                StoredFailure(record=f.article_id, stage=f.stage, error=f.error, article_id=f.article_id)
                for f in coder.failures[seen:]
            ]
        return CodedPartition(coded, failures)


def code_partition(plugin_name: str, articles: list[Article]) -> CodedPartition:
    """Code one batch on this worker with the pipeline its plugin loaded (the Dask task)."""
    plugin: PipelinePlugin = get_worker().plugins[plugin_name]
    return plugin.code(articles)


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int | None = None) -> Iterator[Client]:
    """Yield a client of the cluster at ``scheduler``, or of a new local one with ``workers`` processes.

    A local cluster runs one thread per worker process (the pipeline is CPU-bound) and is shut
    down afterwards; ``workers`` defaults to the number of CPUs.

    Raises:
        ConfigError: the scheduler cannot be reached.
    """
    if scheduler is None:
        n = workers or os.cpu_count() or 1
        # Any free port for the dashboard: two ingests (or anything on 8787) must not clash.
        with (
            LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
            ) as cluster,
            Client(cluster) as client,
        ):
            logger.info("local Dask cluster of %d worker(s); dashboard at %s", n, client.dashboard_link)
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as e:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {scheduler!r}: {e}. Start one with `dask scheduler` "
            "and workers with `dask worker ADDRESS`, or leave out --scheduler for a local cluster"
        ) from e
    with client:
        yield client


@dataclass(slots=True)
class _Pending:
    """A batch on its way: its articles (the client keeps them), bad records, and the worker's answer."""

    articles: list[Article]
    bad: list[StoredFailure]
    future: Future | None = None  # None: nothing to code (all unchanged, or only bad records)


def ingest_dask(
    store: EventStore,
    loader: Loader,
    items: Iterable[Article | IngestError],
    *,
    client: Client,
    batch_size: int = 32,
    keep_going: bool = False,
    on_batch: Progress | None = None,
    retries: int = 2,
    in_flight: int | None = None,
) -> IngestReport:
    """Code ``items`` on the workers of ``client`` into ``store``, as ``runner.ingest`` does in-process.

    Same results as ``runner.ingest``: unchanged articles skipped, batches of ``batch_size``
    committed whole and in input order, bad records stored as failures with ``keep_going``,
    else the batches before the bad record committed and its error raised. At most
    ``in_flight`` batches (default: twice the workers' threads) are read ahead of the writer.

    Raises:
        ConfigError: the pipeline cannot be built on a worker, or the workers run another dyad.
        IngestError: a bad input record, without ``keep_going``.
        StageError: a stage failed, when the loader builds the pipeline with ``on_error="raise"``.
        PartitionError: a batch was lost after its retries (a worker died on it each time),
            without ``keep_going``; with it, the batch's articles are stored as failures.
    """
    report = IngestReport()
    run = uuid.uuid4().hex[:12]
    plugin_name = f"dyad-pipeline-{run}"
    limit = in_flight or max(2, 2 * sum(client.nthreads().values()))
    queue: deque[_Pending] = deque()
    # Content hashes of articles sent but not written yet: the same article again in a later
    # batch is as unchanged as one already in the store.
    sent: dict[str, str] = {}
    n_sent = 0

    def send(batch: dict[str, Article], bad: list[StoredFailure]) -> None:
        nonlocal n_sent
        if not batch and not bad:
            return
        articles = list(batch.values())
        stored = store.unchanged(articles)
        # An article still on its way is newer than the stored one: compare with that.
        unchanged = {
            a.id for a in articles if (sent[a.id] == content_hash(a) if a.id in sent else a.id in stored)
        }
        report.articles_unchanged += len(unchanged)
        todo = [a for a in articles if a.id not in unchanged]
        pending = _Pending(todo, bad)
        if todo:
            sent.update((a.id, content_hash(a)) for a in todo)
            pending.future = client.submit(
                code_partition, plugin_name, todo, key=f"dyad-batch-{run}-{n_sent}", retries=retries
            )
        n_sent += 1
        queue.append(pending)

    def write_next() -> None:
        pending = queue.popleft()
        result = CodedPartition()
        if pending.future is not None:
            try:
                result = pending.future.result()
            except Exception as e:  # KilledWorker, or an error its retries did not cure
                ids = [a.id for a in pending.articles]
                if not keep_going:
                    raise PartitionError(ids, retries + 1, e) from e
                logger.warning("batch of %d article(s) lost on the cluster: %r", len(ids), e)
                lost = f"lost on the Dask cluster after its retries: {e!r}"
                failures = [StoredFailure(record=i, stage="dask", error=lost, article_id=i) for i in ids]
                result = CodedPartition(failures=failures)
            finally:
                pending.future.release()
            if result.error is not None:
                raise result.error
        by_id = dict(result.coded)
        coded = [(a, by_id[a.id]) for a in pending.articles if a.id in by_id]
        failures = pending.bad + result.failures
        commit_batch(store, coded, failures, report, on_batch)
        for article in pending.articles:
            if sent.get(article.id) == content_hash(article):
                del sent[article.id]

    try:
        # Loads the pipeline on every worker now: a bad config or resource fails before any batch.
        client.register_plugin(PipelinePlugin(loader, dyad_version()), name=plugin_name)
        batch: dict[str, Article] = {}
        bad: list[StoredFailure] = []
        for item in items:
            if isinstance(item, IngestError):
                if not keep_going:
                    send(batch, [])
                    while queue:
                        write_next()
                    raise item
                bad.append(StoredFailure(record=_where(item), stage="ingest", error=str(item)))
                continue
            report.articles_seen += 1
            # The same id twice in one batch: the later record wins, as it would across batches.
            batch.pop(item.id, None)
            batch[item.id] = item
            if len(batch) >= batch_size:
                send(batch, bad)
                batch, bad = {}, []
                while len(queue) >= limit:
                    write_next()
        send(batch, bad)
        while queue:
            write_next()
    finally:
        futures = [p.future for p in queue if p.future is not None]
        if futures:
            client.cancel(futures)
        client.unregister_worker_plugin(plugin_name)
    return report


def _where(error: IngestError) -> str:
    return f"{error.source}:{error.line}" if error.line is not None else error.source
