"""Evaluation: score an extractor against gold data, and render the scorecards.

Input: an extractor (``Article`` → event records in the output-contract shape) and gold files:
the PLOVER gold-standard sentences, or an example article with its ``*.expected.yaml``.
Output: ``GsrScore`` (type precision/recall per sentence and type, actor country and sector F1)
and ``ExpectedScore`` (must items met, may items matched, must-not violations), and plain-text
tables of them. Scoring works on records, not ``Event`` objects, so it measures exactly what
``dyad extract`` writes.
"""

from dyad.evaluation.expected import (
    Expectation,
    ExpectedEvents,
    ExpectedScore,
    ItemResult,
    Violation,
    load_expected,
    score_examples,
    score_expected,
    score_records,
)
from dyad.evaluation.gold import read_articles, read_gsr
from dyad.evaluation.plover_gsr import (
    GsrScore,
    GsrSentenceResult,
    MatchCounts,
    TypeScore,
    score_gsr_sentences,
    score_plover_gsr,
)
from dyad.evaluation.scorecard import format_expected, format_gsr

__all__ = [
    "Expectation",
    "ExpectedEvents",
    "ExpectedScore",
    "GsrScore",
    "GsrSentenceResult",
    "ItemResult",
    "MatchCounts",
    "TypeScore",
    "Violation",
    "format_expected",
    "format_gsr",
    "load_expected",
    "read_articles",
    "read_gsr",
    "score_examples",
    "score_expected",
    "score_gsr_sentences",
    "score_plover_gsr",
    "score_records",
]
