"""The ``dyad`` command line: thin wrappers over the Python API, one module per command group.

User-facing strings live here. Exit codes: 0 success, 1 some input or article failed,
2 bad usage or configuration.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from datetime import datetime

import typer

from dyad.errors import IngestError
from dyad.model import Article

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="dyad: news articles in, PLOVER events out."
)


def fail(message: str, hint: str | None = None, code: int = 2) -> typer.Exit:
    """Print an error (and a hint) on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    if hint:
        typer.echo(f"hint: {hint}", err=True)
    return typer.Exit(code)


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


class Inputs:
    """The good articles of the inputs; each bad record is reported on stderr as it is met.

    Without ``keep_going`` the first bad record stops the reading (``stopped``).
    """

    def __init__(self, inputs: list[str], published: datetime | None, keep_going: bool) -> None:
        self.inputs, self.published, self.keep_going = inputs, published, keep_going
        self.n_bad = 0
        self.stopped = False

    def __iter__(self) -> Iterator[Article]:
        from dyad.ingest import read_articles

        for item in read_articles(self.inputs, published=self.published, stdin=sys.stdin.buffer):
            if isinstance(item, IngestError):
                self.n_bad += 1
                typer.echo(f"error: {item}", err=True)
                if not self.keep_going:
                    self.stopped = True
                    return
                continue
            yield item


def main() -> None:
    """Run the command line."""
    app()


# Each module registers its commands on ``app`` when imported.
from dyad.cli import actors, annotate, evaluate, extract, store  # noqa: E402, F401
