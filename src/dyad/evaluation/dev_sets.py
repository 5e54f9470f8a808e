"""The whole scorecard: every dev set of a shared folder, its develop and its scored part.

A shared folder holds ``gold/plover_gsr_dev.jsonl``, ``examples/``, ``gold/acled_me2018.jsonl``,
``gold/tempeval3_platinum.jsonl`` and ``gold/geowebnews.jsonl``; each set present is scored on
both parts of the held-out split (``dyad.evaluation.split``) and summed up in one table, so a
change is measured everywhere at once and a fitted change shows as a develop-only gain. The
event-clustering gold lives in the dyad checkout (``bench/data/clusters``) and labels articles
of the shared corpus; it is scored too when both are there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dyad.evaluation.acled_notes import Extractor, score_acled_notes
from dyad.evaluation.clusters import REPO_GOLD, ClusterScorecard, score_cluster_gold
from dyad.evaluation.expected import score_examples
from dyad.evaluation.plover_gsr import score_plover_gsr
from dyad.evaluation.scorecard import (
    format_acled,
    format_clusters,
    format_expected,
    format_gsr,
    format_timexes,
    format_toponyms,
)
from dyad.evaluation.split import Part
from dyad.evaluation.timexes import score_timexes
from dyad.evaluation.toponyms import score_toponyms
from dyad.geo import Gazetteer

PLOVER = "gold/plover_gsr_dev.jsonl"
EXAMPLES = "examples"
ACLED = "gold/acled_me2018.jsonl"
TEMPEVAL = "gold/tempeval3_platinum.jsonl"
GEOWEBNEWS = "gold/geowebnews.jsonl"


def is_dev_folder(path: Path) -> bool:
    """Return whether ``path`` is a shared folder with at least one dev set in it."""
    return path.is_dir() and any((path / name).exists() for name in (PLOVER, ACLED, TEMPEVAL, GEOWEBNEWS))


@dataclass(frozen=True, slots=True)
class Extractors:
    """How the scorecard gets events: all of them, the reported ones (for PLOVER), the gazetteer."""

    records: Extractor
    reported: Extractor
    gazetteer: Callable[[], Gazetteer]


def _part_figures(
    root: Path, extract: Extractors, part: Part, show_errors: bool, cluster_gold: Path | None = None
) -> tuple[dict[str, str], str]:
    """Score every set on ``part``: the summary figures by name, and the detailed scorecards."""
    figures: dict[str, str] = {}
    details: list[str] = []
    if (root / PLOVER).exists():
        gsr = score_plover_gsr(root / PLOVER, extract.reported, part=part)
        figures |= {
            "PLOVER type recall / precision": f"{gsr.recall:.3f} / {gsr.precision:.3f}",
            "PLOVER country F1 / sector F1": f"{gsr.country.f1:.3f} / {gsr.sector.f1:.3f}",
        }
        details.append(format_gsr(gsr, show_errors=show_errors))
    if (root / EXAMPLES).is_dir():
        examples = score_examples(root / EXAMPLES, extract.records, part=part)
        must = [item for score in examples for item in score.must]
        figures |= {
            "examples must right / found": f"{sum(i.is_passed for i in must)}/{len(must)}, "
            f"{sum(i.is_found for i in must)}/{len(must)}",
            "examples violations": str(sum(len(score.violations) for score in examples)),
        }
        if show_errors:
            details.append(format_expected(examples))
    if (root / ACLED).exists():
        acled = score_acled_notes(root / ACLED, extract.records, part=part)
        figures |= {
            "ACLED type": f"{acled.type_accuracy:.3f}",
            "ACLED fatalities exact (> 0) / false": (
                f"{acled.fatalities_exact:.3f} / {acled.false_fatalities:.3f}"
            ),
            "ACLED country / within 50 km": f"{acled.country_accuracy:.3f} / {acled.near_accuracy:.3f}",
            "ACLED date": f"{acled.date_accuracy:.3f}",
        }
        details.append(format_acled(acled))
    if (root / TEMPEVAL).exists():
        timexes = score_timexes(root / TEMPEVAL, part=part)
        figures["TempEval DATE value accuracy"] = f"{timexes.value_accuracy:.3f}"
        details.append(format_timexes(timexes, show_errors=show_errors))
    if (root / GEOWEBNEWS).exists():
        toponyms = score_toponyms(root / GEOWEBNEWS, extract.gazetteer(), part=part)
        figures["GeoWebNews acc@161 / recall"] = f"{toponyms.accuracy_161:.3f} / {toponyms.recall:.3f}"
        details.append(format_toponyms(toponyms))
    if cluster_gold is not None and cluster_gold.exists() and (root / "corpus").is_dir():
        card: ClusterScorecard = score_cluster_gold(root, cluster_gold, extract.records, part=part)
        figures["event clusters B-cubed F1 / pairwise F1"] = (
            f"{card.dyad.bcubed.f1:.3f} / {card.dyad.pairwise.f1:.3f}"
        )
        details.append(format_clusters(card))
    return figures, "\n\n".join(details)


def dev_scorecard(
    root: Path, extract: Extractors, *, show_errors: bool = False, cluster_gold: Path | None = REPO_GOLD
) -> str:
    """Return the scorecard of every dev set under ``root``: details per part, then the summary.

    ``show_errors`` lists failures of the develop part only: the scored part's failures are
    never shown, so that nothing is ever fitted to them. ``cluster_gold`` is the event-clustering
    gold (the checkout's, by default; None leaves clustering out).
    """
    develop, develop_details = _part_figures(root, extract, Part.DEVELOP, show_errors, cluster_gold)
    scored, scored_details = _part_figures(root, extract, Part.SCORED, False, cluster_gold)
    width = max(map(len, develop), default=10)
    lines = [
        "=== develop part ===", develop_details, "", "=== scored part ===", scored_details, "",
        f"{'measure':<{width}}  {'develop':>20}  {'scored':>20}",
    ]  # fmt: skip
    lines += [f"{name:<{width}}  {develop[name]:>20}  {scored.get(name, '-'):>20}" for name in develop]
    return "\n".join(lines)
