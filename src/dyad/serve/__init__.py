"""``dyad serve``: the HTTP API and the offline dashboard over one event store.

Input: a store (``dyad.store``) and HTTP requests. Output: JSON (events, one event with its
article and evidence, stats series, actors, places, dyads), the store's export files, and
the dashboard's static pages. Every filter goes through ``EventQuery.from_params``, as the
CLI's flags do, so a filter means the same here; nothing here writes SQL. Read-only unless
an ingest token is given, and then only ``POST /api/ingest`` writes, through the same runner
``dyad ingest`` uses.
"""

from dyad.serve.app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
