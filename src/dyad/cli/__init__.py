"""The ``dyad`` command line: thin wrappers over the Python API, one module per command group.

User-facing strings live here. Exit codes: 0 success, 1 some input or article failed,
2 bad usage or configuration.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from dyad.errors import DyadError, IngestError
from dyad.model import Article

if TYPE_CHECKING:
    from dyad.ingest import FieldMap
    from dyad.pipeline import Failure

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="dyad: news articles in, PLOVER events out.",
    # Click hands these to every subcommand's context: -h works wherever --help does.
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Arguments and options several commands share, written once.
InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="JSONL/JSON, CSV/TSV, .txt, .html, RSS/Atom or WARC files (also .gz), directories, "
        "http(s) URLs of feeds or pages, or - for stdin."
    ),
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="FIELD=NAME: read an article field (id, text, title, published, url, source) from the "
        "key or column NAME; repeatable.",
    ),
]
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date for inputs that have none (YYYY-MM-DD).")
]
KeepGoingOption = Annotated[bool, typer.Option(help="Report bad records and articles, and go on.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
VerboseOption = Annotated[bool, typer.Option(help="Show tracebacks and debug logs.")]
HeaderOption = Annotated[
    bool, typer.Option("--header", help="gdelt: write the column names first (GDELT's own files have none).")
]
# Progress bars and summaries check this; errors are printed whatever it says.
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress or summaries on stderr; errors are still printed.")
]


def fail(message: str, hint: str | None = None, code: int = 2) -> typer.Exit:
    """Print an error (and a hint) on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    if hint:
        typer.echo(f"hint: {hint}", err=True)
    return typer.Exit(code)


@contextmanager
def reported(verbose: bool = False, code: int = 2, hint: str | None = None) -> Iterator[None]:
    """Turn a dyad error into one line (and ``hint``) on stderr and exit ``code``.

    With ``--verbose`` the error is raised with its traceback instead.
    """
    try:
        yield
    except DyadError as e:
        if verbose:
            raise
        raise fail(str(e), hint, code=code) from e


@contextmanager
def output_stream(path: Path | None, newline: str | None = None) -> Iterator[TextIO]:
    """Yield the file ``--output`` names (closed afterwards), or stdout."""
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline=newline) as out:
        yield out


def setup_logging(verbose: bool) -> None:
    """Log warnings, or everything with ``--verbose``."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )


def published_option(published: str | None) -> datetime | None:
    """Parse ``--published``, or fail with the bad value."""
    from dyad.ingest import parse_published

    if published is None:
        return None
    try:
        return parse_published(published)
    except ValueError as e:
        raise fail(f"--published {published!r}: {e}") from e


def field_option(fields: Sequence[str] | None) -> FieldMap | None:
    """Parse ``--field FIELD=NAME`` options, or fail (exit 2) naming the bad one."""
    from dyad.ingest import FieldMap

    if not fields:
        return None
    try:
        return FieldMap.of(fields)
    except ValueError as e:
        raise fail(f"--field: {e}") from e


class Inputs:
    """The good articles of the inputs; each bad record is reported on stderr as it is met.

    Without ``keep_going`` the first bad record stops the reading (``stopped``).
    """

    def __init__(
        self,
        inputs: list[str],
        published: datetime | None,
        keep_going: bool,
        fields: Sequence[str] | None = None,
    ) -> None:
        self.inputs, self.published, self.keep_going = inputs, published, keep_going
        self.fields = field_option(fields)
        self.n_bad = 0
        self.stopped = False

    def __iter__(self) -> Iterator[Article]:
        from dyad.ingest import read_articles

        stdin = sys.stdin.buffer
        for item in read_articles(self.inputs, published=self.published, stdin=stdin, fields=self.fields):
            if isinstance(item, IngestError):
                self.n_bad += 1
                typer.echo(f"error: {item}", err=True)
                if not self.keep_going:
                    self.stopped = True
                    return
                continue
            yield item


def finish(inputs: Inputs, failures: Sequence[Failure], written: str, quiet: bool = False) -> None:
    """Report each failed article and a summary on stderr; exit 1 if anything failed.

    ``written`` says what the rest gave ("12 event(s)"); ``quiet`` leaves out the summary,
    never the errors.
    """
    for failure in failures:
        typer.echo(
            f"error: article {failure.article_id!r} failed in {failure.stage}: {failure.error}", err=True
        )
    n_failed = inputs.n_bad + len(failures)
    if n_failed:
        if not quiet:
            typer.echo(
                f"{n_failed} input record(s) or article(s) failed; {written} written from the rest.", err=True
            )
        raise typer.Exit(1)
    if inputs.stopped:
        raise typer.Exit(1)


def _print_version(value: bool) -> None:
    if value:
        from dyad import __version__

        typer.echo(f"dyad {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print dyad's version and exit."
        ),
    ] = False,
) -> None:
    """dyad: news articles in, PLOVER events out."""


def main() -> None:
    """Run the command line."""
    app()


# Each module registers its commands on ``app`` when imported.
from dyad.cli import actors, annotate, cluster, evaluate, extract, serve, store, watch  # noqa: E402, F401
