"""Progress of ``dyad extract`` and ``dyad ingest`` on stderr: done, total, rate and time left.

Shown only when stderr is a terminal, so logs and pipes stay clean. The total is counted
before the run (``dyad.ingest.count_records``); where it cannot be known cheaply (stdin,
URLs, feeds) the bar shows a count without an ETA.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Called with the number of records done so far and the events found in them.
Update = Callable[[int, int], None]


@contextmanager
def record_progress(label: str, total: int | None, *, quiet: bool = False) -> Iterator[Update]:
    """Yield a function that moves a progress bar on stderr to ``(done, events)``."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    counted = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()) if total else ()
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        *counted,
        TextColumn("{task.completed} records" if not total else ""),
        TextColumn("{task.fields[events]} events"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, disable=quiet or not console.is_terminal) as progress:
        task = progress.add_task(label, total=total, events=0)

        def update(done: int, events: int) -> None:
            progress.update(task, completed=done, events=events)

        yield update
