"""Tests for dyad.evaluation.plover_gsr and the GSR reader, on real PLOVER gold-standard records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import EvalError
from dyad.evaluation import read_gsr, score_plover_gsr
from dyad.evaluation.gold import normalize_country, normalize_sector
from dyad.model import Article

GSR = Path(__file__).resolve().parents[3] / "shared" / "gold" / "plover_gsr_dev.jsonl"
# Lines 10 and 132 are one sentence coded twice (ACCUSE and RETREAT): 6 records, 5 sentences.
SUBSET_LINES = (1, 2, 10, 132, 138, 142)


@pytest.fixture
def subset_path(tmp_path):
    lines = GSR.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "gsr_subset.jsonl"
    path.write_text("\n".join(lines[n - 1] for n in SUBSET_LINES) + "\n", encoding="utf-8")
    return path


def gold_records(path):
    """Map each sentence to the records a perfect coder would emit, built from the raw gold."""
    by_text = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        for event in raw["events"]:
            by_text.setdefault(raw["text"], []).append(
                {
                    "type": event["code"]["plover_2021"],
                    "actor": [
                        {
                            "text": a["text"],
                            "country": a["code"],
                            "sector": [a["sector"]] if a["sector"] else [],
                        }
                        for a in event["source_actor"]
                    ],
                    "recipient": [
                        {
                            "text": a["text"],
                            "country": a["code"],
                            "sector": [a["sector"]] if a["sector"] else [],
                        }
                        for a in event["target_actor"]
                    ],
                }
            )
    return by_text


def test_plover_gsr_reader_groups_shared_sentences(subset_path):
    sentences = read_gsr(subset_path)
    assert len(sentences) == 5
    montenegro = sentences[2]
    assert montenegro.text.startswith("Montenegro's prime minister has been indicted")
    assert [str(e.event_type) for e in montenegro.events] == ["ACCUSE", "RETREAT"]
    assert montenegro.id == "PLOVER-GSR01-DISAPPROVE-0008"
    assert len(read_gsr(GSR)) == 162


def test_plover_gsr_reader_normalizes_old_codes(subset_path):
    japan = read_gsr(subset_path)[4]
    assert japan.events[0].actors[0].country == "JPN"
    un = read_gsr(subset_path)[1]
    assert [(a.country, a.sector) for a in un.events[0].actors] == [("IGO", "MIL"), ("IGO", "CVL")]


def test_plover_gsr_normalizers():
    assert [normalize_country(c) for c in ("JAP", "ITL", "VTN", "CIV", "UNO", "IGO", "", None)] == [
        "JPN",
        "ITA",
        "VNM",
        "CIV",
        "IGO",
        "IGO",
        None,
        None,
    ]
    assert [normalize_sector(s) for s in ("CVLalb", "CIV", "***", "GOVMOS", "", None)] == [
        "CVL",
        "CVL",
        None,
        "GOV",
        None,
        None,
    ]


def test_plover_gsr_perfect_extractor_scores_one(subset_path):
    by_text = gold_records(subset_path)
    seen = []

    def extract(article: Article) -> list[dict]:
        seen.append(article)
        return by_text[article.text]

    score = score_plover_gsr(subset_path, extract)
    assert score.n_sentences == 5
    assert (score.n_gold, score.n_emitted, score.n_correct) == (6, 6, 6)
    assert score.recall == score.precision == score.f1 == 1.0
    assert all(s.recall == s.precision == 1.0 for s in score.per_type.values())
    assert score.per_type["ACCUSE"].support == 3
    assert score.n_events_matched == score.n_gold_events == 6
    assert score.country.f1 == 1.0
    assert score.sector.f1 == 1.0
    assert [a.id for a in seen][:2] == ["PLOVER-GSR01-DISAPPROVE-0012", "PLOVER-GSR01-INVESTIGATE-0002"]
    assert all(s.is_correct for s in score.sentences)


def test_plover_gsr_wrong_type_extractor_scores_zero(subset_path):
    by_text = gold_records(subset_path)

    def extract(article: Article) -> list[dict]:
        # AID is not a gold type of any subset sentence.
        return [{**r, "type": "AID"} for r in by_text[article.text]]

    score = score_plover_gsr(subset_path, extract)
    assert score.recall == score.precision == 0.0
    assert score.n_emitted == 5  # deduplicated per sentence
    assert score.per_type["AID"].precision == 0.0
    assert score.per_type["ACCUSE"].recall == 0.0
    assert score.n_events_matched == 0
    assert score.country.tp == 0
    montenegro = score.sentences[2]
    assert montenegro.missed == ("ACCUSE", "RETREAT")
    assert montenegro.spurious == ("AID",)


def test_plover_gsr_actor_scores_use_normalized_codes(subset_path):
    def extract(article: Article) -> list[dict]:
        if article.text.startswith("Japan said"):
            return [
                {
                    "type": "SANCTION",
                    "actor": [{"text": "Japan", "country": "JPN", "sector": ["GOV"]}],
                    "recipient": [{"text": "Serbia", "country": "SRB", "sector": []}],
                },
            ]
        if article.text.startswith("The United Nations has sent"):
            # PLOVER 2021 codes the UN as UNO; the CAMEO-era gold says IGO.
            return [
                {
                    "type": "ACCUSE",
                    "actor": [{"text": "The United Nations", "country": "UNO", "sector": ["MIL"]}],
                    "recipient": [{"text": "Bosnia", "country": "BIH", "sector": []}],
                },
                {"type": "ACCUSE", "actor": [], "recipient": []},
            ]
        return []

    score = score_plover_gsr(subset_path, extract)
    assert score.n_events_matched == 2
    # Japan: JPN and SRB right. UN: one IGO of two, BIH right. The empty ACCUSE is not the best match.
    assert (score.country.tp, score.country.fp, score.country.fn) == (4, 0, 1)
    # Japan: GOV emitted, no gold sector. UN: MIL right, CVL missed.
    assert (score.sector.tp, score.sector.fp, score.sector.fn) == (1, 1, 1)
    assert score.sector.precision == 0.5


def test_plover_gsr_limit_and_missing_type(subset_path):
    assert score_plover_gsr(subset_path, lambda article: [], limit=2).n_sentences == 2
    with pytest.raises(EvalError, match="without a string 'type'"):
        score_plover_gsr(subset_path, lambda article: [{"actor": []}])


def test_plover_gsr_bad_gold_file(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "x", "text": "A.", "events": [{"code": {"plover_2021": "FIGHT"}}]}\n', encoding="utf-8"
    )
    with pytest.raises(EvalError, match="bad.jsonl:1: event type 'FIGHT'"):
        read_gsr(path)
    with pytest.raises(EvalError, match="cannot read"):
        read_gsr(tmp_path / "missing.jsonl")
