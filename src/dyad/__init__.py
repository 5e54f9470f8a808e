"""dyad: news articles in, PLOVER political event records out.

The Python API. ``load_pipeline()`` builds the pipeline; ``pipeline.extract(article)``
returns the events of one article and ``pipeline.process(articles)`` streams many.
``events_frame(events)`` makes them a polars frame of flat rows (``.to_pandas()`` for pandas).
``open_store(db).query(type="ASSAULT", ...)`` reads a store that ``dyad ingest`` filled, as the
same frame.
``annotate(article, "times")`` lists the mentions of one layer (times, places, quantities, actors).
``create_app(db)`` is the HTTP API and dashboard of ``dyad serve`` over a store (FastAPI).
"""

import logging

from dyad.annotation import Annotator, Layer, Mention, annotate
from dyad.config import Config, load_config
from dyad.errors import (
    ConfigError,
    DyadError,
    DyadWarning,
    EvalError,
    IngestError,
    PartitionError,
    QueryError,
    StageError,
    StoreError,
    StoreLockedError,
)
from dyad.ingest import FieldMap, read_articles
from dyad.model import Actor, Article, Event, EventDate, EventType, Location, Quantity, Status, TextSpan
from dyad.pipeline import Pipeline, Stage, load_pipeline
from dyad.store import EventQuery, EventStore, events_frame, open_store

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

# dyad serve's names import FastAPI only when first used, so `import dyad` stays light.
_SERVE_NAMES = ("ServeSettings", "create_app")


def __getattr__(name: str) -> object:
    if name in _SERVE_NAMES:
        from dyad import serve

        return getattr(serve, name)
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Annotator",
    "Article",
    "Config",
    "ConfigError",
    "DyadError",
    "DyadWarning",
    "EvalError",
    "Event",
    "EventDate",
    "EventQuery",
    "EventStore",
    "EventType",
    "FieldMap",
    "IngestError",
    "Layer",
    "Location",
    "Mention",
    "PartitionError",
    "Pipeline",
    "Quantity",
    "QueryError",
    "ServeSettings",
    "Stage",
    "StageError",
    "Status",
    "StoreError",
    "StoreLockedError",
    "TextSpan",
    "annotate",
    "create_app",
    "events_frame",
    "load_config",
    "load_pipeline",
    "open_store",
    "read_articles",
]
