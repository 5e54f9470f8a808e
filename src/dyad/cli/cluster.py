"""``dyad cluster``: recompute which stored mentions report the same real-world event.

Ingest clusters as it goes (each batch joins the clusters already stored); this command
recomputes them all from scratch, in reporting order: after a store was filled out of order,
or after an upgrade changed the clustering.
"""

from __future__ import annotations

import typer

from dyad.cli import VerboseOption, app, setup_logging
from dyad.cli.store import DbOption, _errors, _open


@app.command()
def cluster(db: DbOption = None, verbose: VerboseOption = False) -> None:
    """Recompute the event clusters of a store (reports of one real-world event become one event)."""
    setup_logging(verbose)
    with _errors(verbose):
        store = _open(db, read_only=False)
    with store, _errors(verbose):
        n_events = store.count()
        n_clusters = store.recluster()
    typer.echo(f"{n_events} event mention(s) in {n_clusters} event(s).", err=True)
