"""Tests for dyad.evaluation.clusters: pairwise and B-cubed scores, the gold file and its split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cluster.records import mention, record

from dyad.errors import EvalError
from dyad.evaluation import Part, read_cluster_gold, score_clustering
from dyad.evaluation.clusters import REPO_GOLD, GoldMention, gold_part, is_cluster_gold, scorecard


def _gold_and_mentions():
    # Four mentions: two reports of one attack (a, b), two of another (c, d).
    sentences = {
        "a": "Iraq said its warplanes hit a vessel in the Gulf off the Iranian coast today.",
        "b": "A military spokesman told the Iraqi news agency INA the latest attack was at 1250 GMT.",
        "c": "Iraq said its warplanes launched two bombing raids on Iran's offshore Nowruz oilfield.",
        "d": "He said today's raids fall within Iraq's policy to deprive Iranian rulers of oil revenue.",
    }
    triggers = {"a": "hit", "b": "attack", "c": "raids", "d": "raids"}
    records = {k: record(f"art-{k}", s, triggers[k], date="1987-03-18") for k, s in sentences.items()}
    gold = [
        GoldMention(
            f"art-{k}", r["evidence"]["trigger_start"], r["evidence"]["trigger_end"], "ASSAULT", label
        )
        for (k, r), label in zip(records.items(), ["x", "x", "y", "y"], strict=True)
    ]
    mentions = [mention(r, "1987-03-18T12:00") for r in records.values()]
    return gold, mentions, {k: m.event_id for k, m in zip(records, mentions, strict=True)}


def test_score_clustering_pairwise_and_bcubed_on_a_hand_made_clustering():
    gold, mentions, ids = _gold_and_mentions()
    # dyad put a, b, c together and d alone.
    assignment = {ids["a"]: "1", ids["b"]: "1", ids["c"]: "1", ids["d"]: "2"}
    score = score_clustering(gold, mentions, assignment)
    # Pairs: gold {ab, cd}; dyad {ab, ac, bc}: one right of three, one found of two.
    assert (score.pairwise.precision, score.pairwise.recall) == pytest.approx((1 / 3, 1 / 2))
    # B-cubed precision: a, b: 2/3 each, c: 1/3, d: 1; recall: a, b: 1, c, d: 1/2.
    assert score.bcubed.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert score.bcubed.recall == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert (score.n_clusters, score.n_gold_clusters, score.missing) == (2, 2, 0)


def test_score_clustering_counts_a_mention_dyad_no_longer_codes_as_its_own_cluster():
    gold, mentions, ids = _gold_and_mentions()
    assignment = {ids["a"]: "1", ids["b"]: "1", ids["c"]: "2", ids["d"]: "2"}
    score = score_clustering(gold, mentions[:3], assignment)
    assert score.missing == 1 and score.bcubed.precision == 1.0 and score.bcubed.recall < 1.0


def test_scorecard_baselines_every_mention_alone_and_type_and_day():
    gold, mentions, ids = _gold_and_mentions()
    card = scorecard(gold, mentions, {ids[k]: "1" if k in "ab" else "2" for k in "abcd"})
    assert card.dyad.bcubed.f1 == 1.0
    assert card.singletons.bcubed.precision == 1.0 and card.singletons.pairwise.recall == 0.0
    # All four are ASSAULT on March 18: one cluster for the type-and-day baseline.
    assert card.type_and_day.n_clusters == 1 and card.type_and_day.bcubed.recall == 1.0


def test_read_cluster_gold_explains_a_bad_line(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"article_id": "a", "cluster": "x"}) + "\n", "utf-8")
    with pytest.raises(EvalError, match="trigger_start"):
        read_cluster_gold(path)


def test_repo_gold_is_split_by_event_and_both_parts_hold_multi_report_events():
    gold = read_cluster_gold(REPO_GOLD)
    assert is_cluster_gold(REPO_GOLD) and len(gold) >= 300
    develop, scored = gold_part(gold, Part.DEVELOP), gold_part(gold, Part.SCORED)
    assert len(develop) + len(scored) == len(gold)
    # An event's mentions are all on one side of the split.
    assert not {g.cluster for g in develop} & {g.cluster for g in scored}
    for part in (develop, scored):
        labels = [g.cluster for g in part]
        assert sum(labels.count(label) > 1 for label in set(labels)) >= 20
        assert len({g.article_id for g in part}) > len(set(labels)) / 2
