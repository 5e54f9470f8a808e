"""``dyad extract``: code articles and write event records."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from dyad.cli import (
    FieldOption,
    HeaderOption,
    Inputs,
    InputsArgument,
    KeepGoingOption,
    OutputOption,
    PublishedOption,
    QuietOption,
    VerboseOption,
    app,
    fail,
    finish,
    output_stream,
    published_option,
    reported,
    setup_logging,
)
from dyad.cli.progress import record_progress
from dyad.formats import EVENT_ROW_FORMATS, TABLE, ExportFormat, format_choices
from dyad.model import Article

# Formats ``dyad extract`` writes: JSON lines (the default), a table, or any other export format.
OutputFormat = format_choices("OutputFormat", ExportFormat.JSONL, TABLE)
# Built from all the events at the end, as ``dyad export`` builds them from the store.
ROW_FORMATS = EVENT_ROW_FORMATS


CSV_COLUMNS = (
    "article_id", "event_id", "type", "mode", "status", "historical",
    "actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector",
    "date", "location", "location_country", "killed", "injured", "size", "count",
    "trigger", "sentence", "rule", "confidence",
)  # fmt: skip


def _flat_row(record: dict[str, Any]) -> dict[str, Any]:
    def join(items: Iterable[Any]) -> str:
        return "; ".join(str(item) for item in items if item)

    quantities = record["quantities"]
    return {
        "article_id": record["article_id"],
        "event_id": record["event_id"],
        "type": record["type"],
        "mode": join(record["mode"]),
        "status": record["status"],
        "historical": record["historical"],
        "actor": join(a["text"] for a in record["actor"]),
        "actor_country": join(a["country"] for a in record["actor"]),
        "actor_sector": join("/".join(a["sector"]) for a in record["actor"]),
        "recipient": join(a["text"] for a in record["recipient"]),
        "recipient_country": join(a["country"] for a in record["recipient"]),
        "recipient_sector": join("/".join(a["sector"]) for a in record["recipient"]),
        "date": (record["date"] or {}).get("value"),
        "location": join(loc["name"] for loc in record["location"]),
        "location_country": join(loc["country"] for loc in record["location"]),
        **{
            role: (quantities.get(role) or {}).get("value") for role in ("killed", "injured", "size", "count")
        },
        "trigger": record["evidence"]["trigger"],
        "sentence": record["evidence"]["sentence"],
        "rule": record["rule"],
        "confidence": record["confidence"],
    }


def _print_table(records: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("type", "status", "actor", "recipient", "date", "where", "figures", "trigger"):
        table.add_column(column)
    for record in records:
        row = _flat_row(record)

        def who(role: str, row: dict[str, Any] = row) -> str:
            parts = [row[role], row[f"{role}_country"], row[f"{role}_sector"]]
            return " ".join(p for p in (parts[0], f"[{parts[1]} {parts[2]}]".replace("[ ]", "")) if p)

        figures = ", ".join(
            f"{role}={row[role]}" for role in ("killed", "injured", "size", "count") if row[role]
        )
        status = row["status"] + (" (hist.)" if row["historical"] else "")
        table.add_row(
            row["type"] + (f" {row['mode']}" if row["mode"] else ""), status, who("actor"), who("recipient"),
            str(row["date"] or ""), row["location_country"], figures, row["trigger"],
        )  # fmt: skip
    Console(width=200).print(table)


@app.command()
def extract(
    inputs: InputsArgument,
    published: PublishedOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.JSONL,
    keep_going: KeepGoingOption = False,
    config: Annotated[Path | None, typer.Option(help="A TOML config file overriding the defaults.")] = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor file (format of dyad/actors/data/*.yaml); repeatable."),
    ] = None,
    header: HeaderOption = False,
    quiet: QuietOption = False,
    field: FieldOption = None,
) -> None:
    """Extract PLOVER event records from news articles."""
    from dyad.ingest.totals import count_records
    from dyad.pipeline import load_pipeline
    from dyad.records import event_to_record

    setup_logging(verbose)
    if output_format == OutputFormat.PARQUET and output is None:
        raise fail("Parquet is a binary file format and needs a file: add -o FILE.parquet")
    good_articles = Inputs(inputs, published_option(published), keep_going, field)
    with reported(verbose):
        overrides = None
        if actors:
            # --actors adds to the config's actor files; a malformed one fails here, at start-up.
            from dyad.config import load_config

            stage = load_config(config).stage_settings.get("actors.dictionary.v1", {})
            files = [*stage.get("actors", []), *(str(p) for p in actors)]
            overrides = {"stages": {"actors.dictionary.v1": {"actors": files}}}
        pipeline = load_pipeline(config, on_error="skip" if keep_going else "raise", overrides=overrides)

    table_rows: list[dict[str, Any]] = []
    coded: list[Article] = []
    n_events = 0
    with (
        reported(verbose, code=1, hint="use --keep-going to skip failing articles"),
        output_stream(output, newline="") as out,
    ):
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS) if output_format == OutputFormat.CSV else None
        if writer is not None:
            writer.writeheader()
        with pipeline, record_progress("extract", count_records(inputs), quiet=quiet) as progress:
            for article, events in pipeline.process(good_articles):
                progress(len(coded) + 1 + good_articles.n_bad, n_events + len(events))
                coded.append(article)
                for event in events:
                    record = event_to_record(event)
                    n_events += 1
                    if output_format == OutputFormat.JSONL:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    elif writer is not None:
                        writer.writerow(_flat_row(record))
                    else:
                        table_rows.append(record)
                out.flush()
    if output_format == OutputFormat.TABLE:
        _print_table(table_rows)
    elif output_format in ROW_FORMATS:
        _write_rows(table_rows, coded, output_format, output, header)
    finish(good_articles, pipeline.failures, f"{n_events} event(s)", quiet)


def _write_rows(
    records: list[dict[str, Any]], articles: list[Article], fmt: str, output: Path | None, header: bool
) -> None:
    """Write Parquet, CAMEO, ACLED, GDELT or GeoJSON rows through the store's exporters (no store needed)."""
    from datetime import UTC, datetime

    import polars as pl

    from dyad.store.exports import write_events
    from dyad.store.frames import event_frame
    from dyad.store.store import dyad_version

    now = datetime.now(UTC).replace(tzinfo=None)
    article_rows = pl.DataFrame(
        [{"article_id": a.id, "source": a.source, "url": a.url, "ingested_at": now} for a in articles],
        schema={
            "article_id": pl.String,
            "source": pl.String,
            "url": pl.String,
            "ingested_at": pl.Datetime("us"),
        },
    )
    write_events(
        event_frame(records, dyad_version()), article_rows, fmt, output or sys.stdout.buffer, header=header
    )
    sys.stdout.flush()
