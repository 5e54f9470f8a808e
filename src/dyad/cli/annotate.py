"""``dyad annotate``: print every time, place, quantity or actor mention of articles."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dyad.cli import (
    Inputs,
    InputsArgument,
    KeepGoingOption,
    OutputOption,
    PublishedOption,
    QuietOption,
    VerboseOption,
    app,
    finish,
    output_stream,
    published_option,
    reported,
    setup_logging,
)


class AnnotateFormat(StrEnum):
    """Formats ``dyad annotate`` writes."""

    JSONL = "jsonl"


class LayerChoice(StrEnum):
    """The layers, as the command line spells them (mirrors ``dyad.annotation.Layer``)."""

    TIMES = "times"
    PLACES = "places"
    QUANTITIES = "quantities"
    ACTORS = "actors"


@app.command()
def annotate(
    inputs: InputsArgument,
    layer: Annotated[LayerChoice, typer.Option(help="Which mentions to print.")],
    published: PublishedOption = None,
    output_format: Annotated[
        AnnotateFormat, typer.Option("--format", help="Output format.")
    ] = AnnotateFormat.JSONL,
    keep_going: KeepGoingOption = False,
    config: Annotated[
        Path | None, typer.Option(help="A TOML config file overriding the defaults (all layers but times).")
    ] = None,
    output: OutputOption = None,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
) -> None:
    """Print every mention of one layer (times, places, quantities, actors), one JSON object per line."""
    from dyad.annotation import Annotator, Layer
    from dyad.pipeline import load_pipeline

    setup_logging(verbose)
    good_articles = Inputs(inputs, published_option(published), keep_going)
    on_error = "skip" if keep_going else "raise"
    with reported(verbose):
        chosen = Layer(layer.value)
        pipeline = load_pipeline(config, on_error=on_error) if chosen.needs_parse else None
        annotator = Annotator(chosen, pipeline, on_error=on_error)

    n_mentions = 0
    with (
        reported(verbose, code=1, hint="use --keep-going to skip failing articles"),
        output_stream(output) as out,
    ):
        for _article, mentions in annotator.process(good_articles):
            for mention in mentions:
                out.write(json.dumps(mention.to_record(), ensure_ascii=False) + "\n")
                n_mentions += 1
            out.flush()
    finish(good_articles, annotator.failures, f"{n_mentions} mention(s)", quiet)
