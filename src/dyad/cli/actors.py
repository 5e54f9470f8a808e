"""``dyad actors``: inspect the actor knowledge base."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from dyad.cli import app, fail, reported

actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor knowledge base.")
app.add_typer(actors_app, name="actors")


@actors_app.command("lookup")
def lookup_command(
    name: Annotated[str, typer.Argument(help='A name or phrase, e.g. "Kataib Hezbollah" or "Iraqi MPs".')],
    on: Annotated[
        str | None, typer.Option("--date", help="Resolve offices held on this day (YYYY-MM-DD).")
    ] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor files (same format as the shipped ones)."),
    ] = None,
) -> None:
    """Show how NAME resolves: country, sector, attributes, how, and the KB entry and role."""
    from dyad.actors import lookup, make_actor_resolver

    when = None
    if on is not None:
        try:
            when = date.fromisoformat(on)
        except ValueError as e:
            raise fail(f"--date {on!r} is not a date", "write it as YYYY-MM-DD") from e
    with reported():
        resolver = make_actor_resolver([str(p) for p in actors or []])
        found = lookup(name, when, resolver=resolver)
    for actor in found.actors:
        typer.echo(f"text:        {actor.span.text}")
        typer.echo(f"name:        {actor.name or '-'}")
        typer.echo(f"country:     {actor.country or '-'}")
        typer.echo(f"sector:      {'/'.join(actor.sector) or '-'}")
        typer.echo(f"attributes:  {', '.join(actor.attributes) or '-'}")
        typer.echo(f"resolved_by: {actor.resolved_by or 'unresolved'}")
    for item in found.entries:
        entry = item.entry
        typer.echo(f"kb entry:    {entry.name} ({entry.kind}, {entry.origin})")
        typer.echo(
            f"  on {when.isoformat() if when else 'today'}: {item.country or '-'} "
            f"{'/'.join(item.sector) or '-'}" + (f", {item.role}" if item.role else "")
        )
        for role in entry.roles:
            if role.title:
                span = f"{role.start or '…'} – {role.end or 'now'}"
                typer.echo(
                    f"  role: {role.title} ({role.country or entry.country}, {'/'.join(role.sector)}) {span}"
                )
    if not found.entries and not any(a.resolved_by for a in found.actors):
        typer.echo("no knowledge-base entry and no sector word: the name would stay unresolved", err=True)
        raise typer.Exit(1)
