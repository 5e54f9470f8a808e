"""``dyad eval``: score the coder against gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from dyad.cli import app, fail, reported
from dyad.model import Article


@app.command(name="eval")
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(help="PLOVER gold .jsonl files, *.expected.yaml files, or directories of examples."),
    ],
    config: Annotated[Path | None, typer.Option(help="A TOML config file overriding the defaults.")] = None,
    show_errors: Annotated[bool, typer.Option(help="List the sentences the coder got wrong.")] = False,
) -> None:
    """Score the coder against gold files and print a scorecard."""
    from dyad.evaluation import format_expected, format_gsr, score_examples, score_expected, score_plover_gsr
    from dyad.pipeline import load_pipeline
    from dyad.records import event_to_record

    with reported():
        pipeline = load_pipeline(config)

    def extract_records(article: Article) -> list[dict[str, Any]]:
        return [event_to_record(event) for event in pipeline.extract(article)]

    def extract_reported(article: Article) -> list[dict[str, Any]]:
        # PLOVER's gold codes acts that were reported as done; a demanded or planned act is
        # coded there by its governing REQUEST, THREATEN or AGREE, which dyad also emits.
        return [r for r in extract_records(article) if r["status"] in ("asserted", "claimed")]

    with reported():
        for path in gold:
            if path.is_dir():
                typer.echo(format_expected(score_examples(path, extract_records)))
            elif path.name.endswith(".expected.yaml"):
                articles = path.with_name(path.name.removesuffix(".expected.yaml") + ".jsonl")
                typer.echo(format_expected([score_expected(articles, path, extract_records)]))
            elif path.suffix == ".jsonl":
                typer.echo(format_gsr(score_plover_gsr(path, extract_reported), show_errors=show_errors))
            else:
                raise fail(
                    f"cannot score {path}: expected a .jsonl gold file, a .expected.yaml file or a directory"
                )
