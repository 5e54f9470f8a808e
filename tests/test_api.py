"""The public surface stays deliberate: the Python API's names and the registered stage names.

A change here is a change users see; update the pinned lists on purpose, and say so in
CHANGELOG.md.
"""

from __future__ import annotations

import inspect

import dyad
from dyad.config import load_config
from dyad.registry import import_builtin_stages, stages

# The stage names users put in their configs and find in every event's `coded_by`.
REGISTERED_STAGES = [
    "actors.dictionary.v1",
    "coding.coreference.v1",
    "coding.frames.v1",
    "dates.relative.v1",
    "geo.gazetteer.v1",
]


def test_all_is_sorted_unique_and_importable() -> None:
    assert dyad.__all__ == sorted(set(dyad.__all__))
    for name in dyad.__all__:
        assert hasattr(dyad, name), name


def test_every_public_name_says_what_it_is() -> None:
    undocumented = [name for name in dyad.__all__ if not inspect.getdoc(getattr(dyad, name))]
    assert undocumented == []


def test_the_stage_registry_is_pinned() -> None:
    import_builtin_stages()
    assert sorted(stages.get_all()) == REGISTERED_STAGES


def test_the_default_pipeline_uses_only_registered_stages_in_order() -> None:
    assert list(load_config().stages) == [
        "coding.frames.v1",
        "actors.dictionary.v1",
        "geo.gazetteer.v1",
        "dates.relative.v1",
        "coding.coreference.v1",
    ]


def test_issue12_extracted_events_are_a_frame_like_a_store_query(pipeline, tmp_path) -> None:
    from datetime import UTC, datetime

    from dyad.records import event_to_record

    article = dyad.Article(
        id="mps",
        text="Iraqi MPs urged the government to expel US forces.",
        published_at=datetime(2023, 12, 11, tzinfo=UTC),
    )
    events = pipeline.extract(article)
    frame = dyad.events_frame(events)
    # Contract records (dyad extract's JSON lines) give the same frame.
    assert frame.equals(dyad.events_frame(event_to_record(e) for e in events))
    with dyad.EventStore.open(tmp_path / "s.duckdb", create=True, read_only=False) as store:
        store.write_batch([(article, [event_to_record(e) for e in events])])
        stored = store.query(status="all", historical="include")
    assert frame.columns == stored.columns
    # The cluster is the store's: it depends on the events the store already holds.
    assert frame["cluster_id"].is_null().all() and stored["cluster_id"].is_not_null().all()
    assert frame.drop("cluster_id").sort("event_id").equals(stored.drop("cluster_id").sort("event_id"))
    # pandas, out of the box, from both.
    table = frame.to_pandas()
    request = table[table["type"] == "REQUEST"].iloc[0]
    assert [request[c] for c in ("actor_country", "actor_sector", "trigger_text")] == ["IRQ", "LEG", "urged"]
    assert stored.to_pandas().shape == table.shape


def test_issue13_serve_names_are_public_and_load_fastapi_only_when_used() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dyad; assert 'fastapi' not in sys.modules; "
        "from dyad import ServeSettings, create_app; assert 'fastapi' in sys.modules; "
        "assert create_app is dyad.serve.create_app and ServeSettings().is_read_only"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert {"ServeSettings", "create_app"} <= set(dyad.__all__)
