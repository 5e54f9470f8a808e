"""``dyad ingest``, ``recode``, ``events``, ``stats``, ``export``: the event store commands.

Thin wrappers over ``dyad.store``: every filter flag goes through ``EventQuery.from_params``,
the same parser the Python API uses.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from dyad.cli import (
    FieldOption,
    HeaderOption,
    InputsArgument,
    OutputOption,
    PublishedOption,
    QuietOption,
    VerboseOption,
    app,
    fail,
    field_option,
    published_option,
    setup_logging,
)
from dyad.errors import DyadError, IngestError, StageError
from dyad.formats import TABLE, ExportFormat, format_choices

if TYPE_CHECKING:
    import polars as pl

    from dyad.store import EventQuery, EventStore
    from dyad.store.runner import IngestReport

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="DuckDB file or postgresql:// DSN. Default: $DYAD_DB, else dyad.duckdb here.",
        show_default=False,
    ),
]

# Filter flags, shared by events, stats and export; parsed by EventQuery.from_params.
TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="PLOVER type(s), e.g. ASSAULT.")]
ModeOpt = Annotated[list[str] | None, typer.Option("--mode", help="PLOVER mode(s), e.g. drone.")]
StatusOpt = Annotated[
    list[str] | None, typer.Option("--status", help="Status(es), or 'all'. Default: asserted.")
]
HistoricalOpt = Annotated[
    str, typer.Option("--historical", help="Background history: exclude, include or only.")
]
ActorCountryOpt = Annotated[
    list[str] | None, typer.Option("--actor-country", help="Actor country code(s), e.g. IRQ.")
]
RecipientCountryOpt = Annotated[
    list[str] | None, typer.Option("--recipient-country", help="Recipient country code(s).")
]
ActorSectorOpt = Annotated[
    list[str] | None, typer.Option("--actor-sector", help="Actor sector(s), e.g. REB.")
]
RecipientSectorOpt = Annotated[
    list[str] | None, typer.Option("--recipient-sector", help="Recipient sector(s).")
]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Words in an actor's text or name.")]
RecipientOpt = Annotated[str | None, typer.Option("--recipient", help="Words in a recipient's text or name.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events dated on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events dated on or before (YYYY-MM-DD).")]
LocationCountryOpt = Annotated[
    list[str] | None, typer.Option("--location-country", help="Location country code(s).")
]
LocationAdmin1Opt = Annotated[
    list[str] | None, typer.Option("--location-admin1", help="Location admin1 code(s).")
]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words in the evidence sentence.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", help="At most this many events.")]


@contextmanager
def _errors(verbose: bool, code: int = 2) -> Iterator[None]:
    """Turn dyad errors into one line and a hint; tracebacks only with --verbose."""
    try:
        yield
    except DyadError as e:
        if verbose:
            raise
        hint = "use --keep-going to record failing articles and go on" if isinstance(e, StageError) else None
        raise fail(str(e), hint, code=1 if isinstance(e, IngestError | StageError) else code) from e


def _query(**params: Any) -> EventQuery:
    from dyad.store import EventQuery

    return EventQuery.from_params(params)


def _open(db: str | None, *, create: bool = False, read_only: bool = True) -> EventStore:
    from dyad.store import EventStore

    return EventStore.open(db, create=create, read_only=read_only)


# --- ingest and recode -------------------------------------------------------------------


@contextmanager
def _progress(label: str, quiet: bool = False) -> Iterator[Any]:
    """A progress bar on stderr: articles done, articles/s, events found; none with ``--quiet``."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[events]} events"),
        TimeElapsedColumn(),
    )
    console = Console(stderr=True)
    with Progress(*columns, console=console, disable=quiet or not console.is_terminal) as progress:
        task = progress.add_task(label, total=None, rate=0.0, events=0)

        def update(report: IngestReport) -> None:
            elapsed = progress.tasks[task].elapsed or 0.0
            progress.update(
                task,
                completed=report.articles_seen,
                events=report.events_written,
                rate=report.articles_seen / elapsed if elapsed else 0.0,
            )

        yield update


def _summary(report: IngestReport, db: str, quiet: bool = False) -> None:
    if not quiet:
        typer.echo(
            f"{report.articles_written} article(s) coded, {report.articles_unchanged} unchanged and skipped, "
            f"{report.events_written} event(s) stored in {db}.",
            err=True,
        )
    for failure in report.failures:
        typer.echo(f"error: {failure.record} failed in {failure.stage}: {failure.error}", err=True)
    if report.failures:
        if not quiet:
            typer.echo(
                f"{len(report.failures)} record(s) or article(s) failed; see the failures table.", err=True
            )
        raise typer.Exit(1)


@app.command()
def ingest(
    inputs: InputsArgument,
    db: DbOption = None,
    keep_going: Annotated[
        bool, typer.Option(help="Store bad records and failing articles as failures, and go on.")
    ] = False,
    published: PublishedOption = None,
    config: Annotated[Path | None, typer.Option(help="A TOML config file overriding the defaults.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per committed batch.", min=1)] = 32,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
    field: FieldOption = None,
    dask: Annotated[
        bool,
        typer.Option(
            "--dask",
            help="Code on a Dask cluster: a local one of --workers processes, or the one --scheduler names.",
        ),
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of a running Dask scheduler, e.g. tcp://host:8786 (implies --dask).",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Worker processes of the local Dask cluster. Default: CPUs.", min=1),
    ] = None,
) -> None:
    """Code articles and store them with their events; unchanged articles are skipped."""
    from dyad.cli.progress import record_progress
    from dyad.ingest import read_articles
    from dyad.ingest.totals import count_records
    from dyad.pipeline import load_pipeline
    from dyad.store.runner import ingest as run_ingest
    from dyad.store.store import resolve_db

    setup_logging(verbose)
    default_published = published_option(published)
    fields = field_option(field)
    if workers is not None and (scheduler is not None or not dask):
        raise fail(
            "--workers sizes the local Dask cluster that --dask starts",
            "a running cluster has the workers its `dask worker` commands started; leave out --workers"
            if scheduler is not None
            else "add --dask",
        )
    with _errors(verbose):
        # Open the store first: a locked or foreign file fails before the model loads.
        store = _open(db, create=True, read_only=False)
    with store, _errors(verbose):
        on_error: Literal["raise", "skip"] = "skip" if keep_going else "raise"
        # On Dask each worker loads its own pipeline.
        pipeline = None if dask or scheduler is not None else load_pipeline(config, on_error=on_error)
        items = read_articles(inputs, published=default_published, stdin=sys.stdin.buffer, fields=fields)
        total = count_records(inputs)
        with record_progress("ingest", total, quiet=quiet) as progress:

            def update(report: IngestReport) -> None:
                progress(report.articles_seen + len(report.failures), report.events_written)

            if pipeline is None:
                report = _ingest_on_dask(
                    store, items, config, on_error, scheduler, workers, batch_size, update, verbose
                )
            else:
                with pipeline:
                    report = run_ingest(
                        store, pipeline, items, batch_size=batch_size, keep_going=keep_going, on_batch=update
                    )
    _summary(report, str(resolve_db(db)), quiet)


def _ingest_on_dask(
    store: EventStore,
    items: Iterator[Any],
    config: Path | None,
    on_error: Literal["raise", "skip"],
    scheduler: str | None,
    workers: int | None,
    batch_size: int,
    on_batch: Callable[[IngestReport], None],
    verbose: bool,
) -> IngestReport:
    """Run ``dyad ingest`` with the batches coded on Dask workers (``dyad.store.dask_runner``)."""
    import logging
    from functools import partial

    from dyad.config import load_config
    from dyad.pipeline import load_pipeline
    from dyad.store.dask_runner import dask_client, ingest_dask

    if not verbose:
        # Dask logs each worker's start and stop at INFO: keep its warnings, but not the one of
        # every shutdown, when a worker with a loaded pipeline takes over 4 s to exit and is killed.
        logging.getLogger("distributed").setLevel(logging.WARNING)
        logging.getLogger("distributed.nanny").addFilter(lambda r: "still alive after" not in r.getMessage())
    # Checked here, before any worker starts; each worker builds its pipeline from it.
    settings = load_config(config)
    loader = partial(load_pipeline, settings, on_error=on_error)
    with dask_client(scheduler, workers=workers) as client:
        return ingest_dask(
            store,
            loader,
            items,
            client=client,
            batch_size=batch_size,
            keep_going=on_error == "skip",
            on_batch=on_batch,
        )


@app.command()
def recode(
    db: DbOption = None,
    keep_going: Annotated[bool, typer.Option(help="Record failing articles and go on.")] = False,
    config: Annotated[Path | None, typer.Option(help="A TOML config file overriding the defaults.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per committed batch.", min=1)] = 32,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
) -> None:
    """Re-run the current coder over every stored article, replacing its events."""
    from dyad.pipeline import load_pipeline
    from dyad.store.runner import recode as run_recode
    from dyad.store.store import resolve_db

    setup_logging(verbose)
    with _errors(verbose):
        store = _open(db, read_only=False)
    with store, _errors(verbose):
        pipeline = load_pipeline(config, on_error="skip" if keep_going else "raise")
        with pipeline, _progress("recode", quiet) as update:
            report = run_recode(store, pipeline, batch_size=batch_size, on_batch=update)
    _summary(report, str(resolve_db(db)), quiet)


# --- events, stats, export ---------------------------------------------------------------


class EventsFormat(StrEnum):
    """Formats ``dyad stats`` writes."""

    TABLE = "table"
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


# Formats ``dyad events`` writes: a table, or any export format (``dyad export``'s, ExportFormat).
ListFormat = format_choices("ListFormat", TABLE)


TABLE_COLUMNS = (
    "event_date", "type", "mode", "status", "actor_text", "actor_country", "recipient_text",
    "recipient_country", "location_name", "killed", "trigger_text",
)  # fmt: skip


def _print_frame(frame: pl.DataFrame, columns: tuple[str, ...] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    from dyad.store.exports import flat_frame

    frame = flat_frame(frame.select(columns) if columns else frame)
    table = Table()
    for name in frame.columns:
        table.add_column(name)
    for row in frame.iter_rows():
        table.add_row(*("" if value is None else str(value) for value in row))
    Console(width=200).print(table)


@app.command()
def events(
    db: DbOption = None,
    event_type: TypeOpt = None,
    mode: ModeOpt = None,
    status: StatusOpt = None,
    historical: HistoricalOpt = "exclude",
    actor_country: ActorCountryOpt = None,
    recipient_country: RecipientCountryOpt = None,
    actor_sector: ActorSectorOpt = None,
    recipient_sector: RecipientSectorOpt = None,
    actor: ActorOpt = None,
    recipient: RecipientOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    location_country: LocationCountryOpt = None,
    location_admin1: LocationAdmin1Opt = None,
    text: TextOpt = None,
    limit: LimitOpt = None,
    output_format: Annotated[
        ListFormat, typer.Option("--format", help="table, or an export format (see dyad export).")
    ] = ListFormat.TABLE,
    output: OutputOption = None,
    header: HeaderOption = False,
    clusters: Annotated[
        bool,
        typer.Option(
            "--clusters",
            help="One row per real-world event (all the articles reporting it merged), with its "
            "N mentions, articles and sources. Formats: table, jsonl, csv, parquet.",
        ),
    ] = False,
    verbose: VerboseOption = False,
) -> None:
    """List stored events that match the filters (one row per mention, or per event with --clusters)."""
    with _errors(verbose):
        query = _query(
            type=event_type, mode=mode, status=status or None, historical=historical,
            actor_country=actor_country, recipient_country=recipient_country, actor_sector=actor_sector,
            recipient_sector=recipient_sector, actor=actor, recipient=recipient, since=since, until=until,
            location_country=location_country, location_admin1=location_admin1, text=text, limit=limit,
        )  # fmt: skip
        with _open(db) as store:
            if clusters:
                _write_clusters(store.clusters(query), output_format, output)
                return
            if output_format == ListFormat.TABLE:
                _print_frame(store.query(query), TABLE_COLUMNS)
                return
            _write_export(store, output_format.value, output, query, header)


CLUSTER_TABLE_COLUMNS = (
    "event_date", "type", "actor_country", "recipient_country", "location_name", "killed_low",
    "killed_high", "n_mentions", "n_articles", "n_sources", "sentence",
)  # fmt: skip


def _write_clusters(frame: pl.DataFrame, fmt: ListFormat, output: Path | None) -> None:
    """Write ``dyad events --clusters``: a table, JSON lines, CSV or Parquet."""
    import polars as pl

    if fmt == ListFormat.TABLE:
        _print_frame(frame.with_columns(pl.col("sentence").str.slice(0, 80)).select(CLUSTER_TABLE_COLUMNS))
        return
    if fmt not in (ListFormat.JSONL, ListFormat.CSV, ListFormat.PARQUET):
        raise fail(
            f"--clusters writes table, jsonl, csv or parquet, not {fmt.value}",
            "the mention formats (cameo, acled, gdelt, geojson) are written without --clusters; "
            "dyad export --format gdelt gives one row per event with its NumSources",
        )
    if fmt == ListFormat.PARQUET:
        if output is None:
            raise fail("Parquet is a binary file format and needs a file: add -o FILE.parquet")
        frame.write_parquet(output)
        return
    target = output if output is not None else sys.stdout.buffer
    if fmt == ListFormat.CSV:
        from dyad.store.exports import flat_frame

        flat_frame(frame).write_csv(target)
    else:
        frame.write_ndjson(target)
    if output is None:
        sys.stdout.flush()


def _write_export(
    store: EventStore, fmt: str, output: Path | None, query: EventQuery, header: bool = False
) -> None:
    from dyad.store.exports import export

    if fmt == "parquet" and output is None:
        raise fail("Parquet is a binary file format and needs a file: add -o FILE.parquet")
    export(store, fmt, output if output is not None else sys.stdout.buffer, query, header=header)
    if output is None:
        sys.stdout.flush()


class StatsBy(StrEnum):
    """Dimensions of ``dyad stats``."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    TYPE = "type"
    ACTOR = "actor"
    DYAD = "dyad"
    LOCATION = "location"


@app.command()
def stats(
    by: Annotated[
        list[StatsBy], typer.Option("--by", help="Group by (repeat to combine, e.g. week and dyad).")
    ],
    db: DbOption = None,
    event_type: TypeOpt = None,
    mode: ModeOpt = None,
    status: StatusOpt = None,
    historical: HistoricalOpt = "exclude",
    actor_country: ActorCountryOpt = None,
    recipient_country: RecipientCountryOpt = None,
    actor_sector: ActorSectorOpt = None,
    recipient_sector: RecipientSectorOpt = None,
    actor: ActorOpt = None,
    recipient: RecipientOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    location_country: LocationCountryOpt = None,
    location_admin1: LocationAdmin1Opt = None,
    text: TextOpt = None,
    measure: Annotated[
        list[str] | None,
        typer.Option(
            "--measure",
            help="Columns: events, articles, score_mean, score_sum, conflict, cooperation, killed. "
            "Default: all but articles.",
        ),
    ] = None,
    output_format: Annotated[
        EventsFormat, typer.Option("--format", help="Output format.")
    ] = EventsFormat.TABLE,
    output: OutputOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Count events and PLOVER conflict–cooperation scores per day/week/month, type, actor, dyad or place."""
    import polars as pl

    with _errors(verbose):
        query = _query(
            type=event_type, mode=mode, status=status or None, historical=historical,
            actor_country=actor_country, recipient_country=recipient_country, actor_sector=actor_sector,
            recipient_sector=recipient_sector, actor=actor, recipient=recipient, since=since, until=until,
            location_country=location_country, location_admin1=location_admin1, text=text,
        )  # fmt: skip
        with _open(db) as store:
            if measure:
                frame = store.stats([b.value for b in by], query, measures=measure)
            else:
                frame = store.stats([b.value for b in by], query)
    if output_format == EventsFormat.TABLE:
        _print_frame(frame.with_columns(pl.col(pl.Float64).round(2)))
        return
    target = output if output is not None else sys.stdout.buffer
    if output_format == EventsFormat.PARQUET:
        if output is None:
            raise fail("Parquet is a binary file format and needs a file: add -o FILE.parquet")
        frame.write_parquet(output)
    elif output_format == EventsFormat.CSV:
        frame.write_csv(target)
    else:
        frame.write_ndjson(target)


@app.command("export")
def export_events(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="jsonl (contract records), csv, parquet, cameo (Phoenix TSV), acled (ACLED's CSV), "
            "gdelt (GDELT 2.0 events TSV), geojson (located events).",
        ),
    ],
    output: OutputOption = None,
    header: HeaderOption = False,
    db: DbOption = None,
    event_type: TypeOpt = None,
    mode: ModeOpt = None,
    status: StatusOpt = None,
    historical: HistoricalOpt = "exclude",
    actor_country: ActorCountryOpt = None,
    recipient_country: RecipientCountryOpt = None,
    actor_sector: ActorSectorOpt = None,
    recipient_sector: RecipientSectorOpt = None,
    actor: ActorOpt = None,
    recipient: RecipientOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    location_country: LocationCountryOpt = None,
    location_admin1: LocationAdmin1Opt = None,
    text: TextOpt = None,
    verbose: VerboseOption = False,
) -> None:
    """Export stored events: JSON lines, CSV, Parquet, CAMEO (Phoenix/ICEWS TSV), ACLED, GDELT or GeoJSON."""
    with _errors(verbose):
        query = _query(
            type=event_type, mode=mode, status=status or None, historical=historical,
            actor_country=actor_country, recipient_country=recipient_country, actor_sector=actor_sector,
            recipient_sector=recipient_sector, actor=actor, recipient=recipient, since=since, until=until,
            location_country=location_country, location_admin1=location_admin1, text=text,
        )  # fmt: skip
        with _open(db) as store:
            _write_export(store, output_format.value, output, query, header)
