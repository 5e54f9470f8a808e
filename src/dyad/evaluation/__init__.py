"""Evaluation: score an extractor against gold data, and render the scorecards.

Input: an extractor (``Article`` → event records in the output-contract shape) and gold files:
the PLOVER gold-standard sentences, example articles with their ``*.expected.yaml``, ACLED's
coded notes, TempEval-3 timexes, GeoWebNews toponyms; or a shared folder holding them all.
Output: ``GsrScore`` (type precision/recall per sentence and type, actor country and sector F1),
``ExpectedScore`` (must items met, may items matched, must-not violations), ``AcledScore``
(type, fatalities, country, distance, date of each note's main event), ``TimexScore``,
``ToponymScore``, ``ClusterScorecard`` (pairwise and B-cubed scores of event clustering
against a gold of labelled mentions), and plain-text tables of them. Every set is split into a develop and a
scored part (``split``); ``dev_scorecard`` reports both. Scoring works on records, not
``Event`` objects, so it measures exactly what ``dyad extract`` writes.
"""

from dyad.evaluation.acled_notes import (
    AcledNote,
    AcledScore,
    is_acled_notes,
    read_acled_notes,
    score_acled_notes,
)
from dyad.evaluation.clusters import (
    ClusterScore,
    ClusterScorecard,
    GoldMention,
    is_cluster_gold,
    read_cluster_gold,
    score_cluster_gold,
    score_clustering,
)
from dyad.evaluation.dev_sets import Extractors, dev_scorecard, is_dev_folder
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
from dyad.evaluation.scorecard import (
    format_acled,
    format_clusters,
    format_expected,
    format_gsr,
    format_timexes,
    format_toponyms,
)
from dyad.evaluation.split import Part, part_of, select
from dyad.evaluation.timexes import TimexScore, score_timexes
from dyad.evaluation.toponyms import ToponymScore, score_toponyms

__all__ = [
    "AcledNote",
    "AcledScore",
    "ClusterScore",
    "ClusterScorecard",
    "GoldMention",
    "Extractors",
    "Part",
    "TimexScore",
    "ToponymScore",
    "dev_scorecard",
    "format_acled",
    "format_clusters",
    "format_timexes",
    "format_toponyms",
    "is_acled_notes",
    "is_cluster_gold",
    "is_dev_folder",
    "part_of",
    "read_acled_notes",
    "read_cluster_gold",
    "score_acled_notes",
    "score_cluster_gold",
    "score_clustering",
    "score_timexes",
    "score_toponyms",
    "select",
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
