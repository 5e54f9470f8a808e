"""dyad's errors cross process boundaries (Dask workers hand them back) unchanged."""

from __future__ import annotations

import pickle

import pytest

from dyad.errors import (
    ConfigError,
    IngestError,
    PartitionError,
    QueryError,
    StageError,
    StoreLockedError,
)


@pytest.mark.parametrize(
    "error",
    [
        ConfigError("unknown stage 'x.v1'"),
        IngestError("in.jsonl", 3, "not valid JSON", "Each line must be one JSON object"),
        StageError("geo.gazetteer.v1", "a1", ValueError("bad offset")),
        PartitionError(["a1", "a2", "a3", "a4"], 3, RuntimeError("worker died")),
        QueryError("type", "BOMBING", "use a PLOVER type"),
        StoreLockedError("held by process 12", pid=12),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_pickle_with_message_and_attributes(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and vars(copy) == vars(error)


def test_errors_partition_error_is_a_stage_error_naming_its_articles():
    error = PartitionError(["a1", "a2", "a3", "a4"], 3, RuntimeError("worker died"))
    assert isinstance(error, StageError) and error.stage == "dask" and error.article_ids[0] == "a1"
    assert "4 article(s) ('a1', 'a2', 'a3', ...) was lost after 3 tries" in str(error)
