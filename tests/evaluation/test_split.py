"""Tests for dyad.evaluation.split: the fixed held-out split of every dev set."""

from __future__ import annotations

from dyad.evaluation import Part, part_of, read_gsr, select


def test_split_is_fixed_and_keeps_about_a_third_scored(shared):
    sentences = read_gsr(shared / "gold" / "plover_gsr_dev.jsonl")
    parts = [part_of(s.text) for s in sentences]
    assert parts == [part_of(s.text) for s in sentences]  # the same on every call
    share = parts.count(Part.SCORED) / len(parts)
    assert 0.25 < share < 0.45


def test_the_guiding_example_is_a_develop_item():
    assert part_of("iraq-mps-coalition") == Part.DEVELOP


def test_select_keeps_order_and_the_parts_partition_the_items(shared):
    sentences = read_gsr(shared / "gold" / "plover_gsr_dev.jsonl")
    develop = select(sentences, lambda s: s.text, Part.DEVELOP)
    scored = select(sentences, lambda s: s.text, Part.SCORED)
    assert len(develop) + len(scored) == len(sentences)
    assert not {s.text for s in develop} & {s.text for s in scored}
    assert [s for s in sentences if s in develop] == develop
    assert select(sentences, lambda s: s.text, None) == sentences
