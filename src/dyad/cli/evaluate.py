"""``dyad eval``: score the coder against gold files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from dyad.cli import app, fail, reported
from dyad.model import Article

# Where a dyad checkout keeps the shared folder: beside it (as the tests expect).
DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared"


class PartChoice(StrEnum):
    """Which part of the held-out split a single gold file is scored on."""

    ALL = "all"
    DEVELOP = "develop"
    SCORED = "scored"


@app.command(name="eval")
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="A shared folder (every dev set in it, both parts), PLOVER gold or ACLED notes .jsonl "
            "files, *.expected.yaml files, or directories of examples."
        ),
    ],
    config: Annotated[Path | None, typer.Option(help="A TOML config file overriding the defaults.")] = None,
    part: Annotated[
        PartChoice, typer.Option(help="For one gold file: all of it, or one part of the held-out split.")
    ] = PartChoice.ALL,
    show_errors: Annotated[
        bool, typer.Option(help="List what the coder got wrong (in a shared folder: the develop part only).")
    ] = False,
    shared: Annotated[
        Path | None,
        typer.Option(
            help="For an event-clustering gold: the shared folder with its articles "
            "(corpus/, examples/). Default: ../shared beside the dyad checkout."
        ),
    ] = None,
) -> None:
    """Score the coder against gold files and print a scorecard."""
    from dyad.evaluation import (
        Extractors,
        Part,
        dev_scorecard,
        format_acled,
        format_clusters,
        format_expected,
        format_gsr,
        is_acled_notes,
        is_cluster_gold,
        is_dev_folder,
        score_acled_notes,
        score_cluster_gold,
        score_examples,
        score_expected,
        score_plover_gsr,
    )
    from dyad.geo import load_gazetteer
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

    chosen = None if part == PartChoice.ALL else Part(part.value)
    with reported():
        for path in gold:
            if is_dev_folder(path):
                extractors = Extractors(extract_records, extract_reported, load_gazetteer)
                typer.echo(dev_scorecard(path, extractors, show_errors=show_errors))
            elif path.is_dir():
                typer.echo(format_expected(score_examples(path, extract_records, part=chosen)))
            elif path.name.endswith(".expected.yaml"):
                articles = path.with_name(path.name.removesuffix(".expected.yaml") + ".jsonl")
                typer.echo(format_expected([score_expected(articles, path, extract_records)]))
            elif path.suffix == ".jsonl" and is_cluster_gold(path):
                root = shared if shared is not None else DEFAULT_SHARED
                card = score_cluster_gold(root, path, extract_records, part=chosen)
                typer.echo(format_clusters(card))
            elif path.suffix == ".jsonl" and is_acled_notes(path):
                typer.echo(format_acled(score_acled_notes(path, extract_records, part=chosen)))
            elif path.suffix == ".jsonl":
                score = score_plover_gsr(path, extract_reported, part=chosen)
                typer.echo(format_gsr(score, show_errors=show_errors))
            else:
                raise fail(
                    f"cannot score {path}: expected a shared folder, a .jsonl gold file, "
                    "a .expected.yaml file or a directory of examples"
                )
