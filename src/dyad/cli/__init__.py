"""The ``dyad`` command line: thin wrappers over the Python API, one module per command group.

User-facing strings live here. Exit codes: 0 success, 1 some input or article failed,
2 bad usage or configuration.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="dyad: news articles in, PLOVER events out."
)


def fail(message: str, hint: str | None = None, code: int = 2) -> typer.Exit:
    """Print an error (and a hint) on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    if hint:
        typer.echo(f"hint: {hint}", err=True)
    return typer.Exit(code)


def main() -> None:
    """Run the command line."""
    app()


# Each module registers its commands on ``app`` when imported.
from dyad.cli import actors, annotate, evaluate, extract, store  # noqa: E402, F401
