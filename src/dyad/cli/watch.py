"""``dyad watch FEED...``: poll feeds and ingest each new item once into the event store."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dyad.cli import PublishedOption, QuietOption, VerboseOption, app, published_option, setup_logging
from dyad.cli.store import DbOption, _errors, _open
from dyad.errors import IngestError

if TYPE_CHECKING:
    from dyad.ingest.watching import WatchState
    from dyad.pipeline import Pipeline
    from dyad.store import EventStore


def default_state(db: str) -> Path:
    """Return where the feeds' validators are kept: beside a DuckDB file, else in this folder."""
    if db.startswith(("postgresql://", "postgres://")):
        return Path("dyad-watch.json")
    return Path(db + ".watch.json")


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs (or feed files) to poll.")],
    db: DbOption = None,
    interval: Annotated[
        float, typer.Option("--interval", help="Seconds between polls of every feed.", min=1)
    ] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, then exit.")] = False,
    state: Annotated[
        Path | None,
        typer.Option(
            "--state",
            help="File keeping each feed's ETag/Last-Modified. Default: DB.watch.json.",
            show_default=False,
        ),
    ] = None,
    published: PublishedOption = None,
    config: Annotated[Path | None, typer.Option(help="A TOML config file overriding the defaults.")] = None,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
) -> None:
    """Poll feeds (conditional GET) and ingest each new item once; bad items are stored as failures."""
    from dyad.ingest.watching import WatchState
    from dyad.pipeline import load_pipeline
    from dyad.store.store import resolve_db

    setup_logging(verbose)
    default_published = published_option(published)
    location = str(resolve_db(db))
    with _errors(verbose):
        watch_state = WatchState.load(state or default_state(location))
        store = _open(db, create=True, read_only=False)
    with store, _errors(verbose):
        pipeline = load_pipeline(config, on_error="skip")
        with pipeline:
            while True:
                for feed in feeds:
                    _poll_once(feed, store, pipeline, watch_state, default_published, quiet)
                watch_state.save()
                if once:
                    return
                time.sleep(interval)


def _poll_once(
    feed: str,
    store: EventStore,
    pipeline: Pipeline,
    state: WatchState,
    published: datetime | None,
    quiet: bool,
) -> None:
    from dyad.ingest.watching import poll_feed, remember
    from dyad.store.runner import ingest as run_ingest

    poll = poll_feed(feed, state, published=published)
    if poll.not_modified:
        if not quiet:
            typer.echo(f"{feed}: not modified", err=True)
        return
    # An item already stored (same guid or link) is not coded again, whatever a feed
    # changed in its summary: feeds re-send old items on every poll.
    stored = set(store.articles()["article_id"].to_list())
    fresh = [item for item in poll.items if isinstance(item, IngestError) or item.id not in stored]
    for item in fresh:
        if isinstance(item, IngestError):
            typer.echo(f"error: {item}", err=True)
    report = run_ingest(store, pipeline, fresh, keep_going=True)
    remember(state, poll)
    if not quiet:
        typer.echo(
            f"{feed}: {report.articles_written} new item(s) coded, {report.events_written} event(s) stored, "
            f"{len(poll.items) - len(fresh)} already stored, {len(report.failures)} failed.",
            err=True,
        )
