"""Tests for dyad.evaluation.scorecard: the plain-text tables the CLI prints."""

from __future__ import annotations

from pathlib import Path

from dyad.evaluation import format_expected, format_gsr, score_examples, score_plover_gsr
from dyad.model import Article

SHARED = Path(__file__).resolve().parents[3] / "shared"


def test_scorecard_gsr_table_and_errors():
    def extract(article: Article) -> list[dict]:
        return [{"type": "ACCUSE", "actor": [], "recipient": []}] if "accused" in article.text else []

    score = score_plover_gsr(SHARED / "gold" / "plover_gsr_dev.jsonl", extract, limit=5)
    text = format_gsr(score)
    assert text.splitlines()[0] == "PLOVER GSR: 5 sentences, 5 gold events"
    assert "ACCUSE" in text
    assert "sentence(s) with wrong types" not in text
    with_errors = format_gsr(score, show_errors=True)
    assert "PLOVER-GSR01-DISAPPROVE-0012  gold: ACCUSE  emitted: -" in with_errors
    assert "    Archbishop Desmond Tutu on Sunday called for sanctions" in with_errors


def test_scorecard_expected_lists_failures_and_totals():
    scores = score_examples(SHARED / "examples", lambda article: [])
    text = format_expected(scores)
    assert "iraq-mps-coalition: must 0/7, may 0/5, violations 0, events 0  FAIL" in text
    assert "  [FAIL] E4-us-strikes (ASSAULT)" in text
    assert "    no ASSAULT event emitted" in text
    assert text.splitlines()[-1].startswith("TOTAL: must 0/")
