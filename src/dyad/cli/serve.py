"""``dyad serve``: the HTTP API and the dashboard over a store (a thin wrapper over ``dyad.serve``)."""

from __future__ import annotations

from typing import Annotated

import typer

from dyad.cli import VerboseOption, app, reported, setup_logging
from dyad.cli.store import DbOption


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on. The default is this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    ingest_token: Annotated[
        str | None,
        typer.Option(
            "--ingest-token",
            envvar="DYAD_INGEST_TOKEN",
            help="Allow POST /api/ingest for requests with 'Authorization: Bearer TOKEN'; "
            "opens the store for writing. Default: off (read-only).",
            show_default=False,
        ),
    ] = None,
    verbose: VerboseOption = False,
) -> None:
    """Serve the HTTP API (/api, docs at /docs) and the dashboard (/) over a store."""
    import uvicorn

    from dyad.serve import create_app

    setup_logging(verbose)
    with reported(verbose):
        application = create_app(db, ingest_token=ingest_token or None)
    mode = "read-write: POST /api/ingest needs the token" if ingest_token else "read-only"
    typer.echo(f"dyad serve: http://{host}:{port}/ (dashboard), /docs (API), {mode}", err=True)
    uvicorn.run(application, host=host, port=port, log_level="debug" if verbose else "warning")
