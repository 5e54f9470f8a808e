"""Score event clustering against a gold of mentions labelled with the real-world event they report.

The gold (``bench/data/clusters/gold.jsonl``; how it was made: its README) lists event
mentions by article id and trigger offsets, each with a cluster label. The articles are
read from a shared folder (``corpus/reuters21578.jsonl`` and ``examples/*.jsonl``), coded,
clustered, and dyad's cluster of each gold mention is compared with the gold's:

* pairwise: precision and recall of the mention pairs put together;
* B-cubed: per mention, the share of its dyad cluster that is in its gold cluster
  (precision) and the share of its gold cluster found in its dyad cluster (recall), averaged.

A gold mention dyad no longer emits (the coder changed) counts as a cluster of its own, so
it costs recall; ``missing`` says how many. The split into a develop and a scored part is by
gold cluster (``split.part_of("cluster:" + label)``), so one event's mentions are never on
both sides. Baselines (every mention alone; one cluster per type and day) put the figures
in proportion.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from dyad.cluster import ClusterSettings, Mention, cluster_mentions
from dyad.cluster.compare import DEFAULT_SETTINGS
from dyad.errors import EvalError
from dyad.evaluation.split import Part, part_of
from dyad.model import Article

CORPUS = "corpus/reuters21578.jsonl"
EXAMPLES = "examples"
# Where the clustering gold lives in a dyad checkout (it is not shipped in the package).
REPO_GOLD = Path(__file__).resolve().parents[3] / "bench" / "data" / "clusters" / "gold.jsonl"

Extractor = Callable[[Article], list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One labelled mention: where its trigger is, and which real-world event it reports."""

    article_id: str
    trigger_start: int
    trigger_end: int
    event_type: str
    cluster: str


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall (0 when both are 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """Pairwise and B-cubed scores of one clustering of the gold mentions (of one part)."""

    n_mentions: int
    n_gold_clusters: int
    n_clusters: int
    missing: int
    pairwise: PRF
    bcubed: PRF


@dataclass(frozen=True, slots=True)
class ClusterScorecard:
    """dyad's clustering and two baselines, scored on the same gold mentions."""

    dyad: ClusterScore
    singletons: ClusterScore
    type_and_day: ClusterScore


def read_cluster_gold(path: Path) -> list[GoldMention]:
    """Read a clustering gold file (JSON lines with article_id, trigger_start/end, type, cluster).

    Raises:
        EvalError: the file is missing, or a line is not a gold mention.
    """
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as e:
        raise EvalError(f"cannot read the clustering gold {str(path)!r}: {e.strerror}") from e
    gold = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold.append(
                GoldMention(
                    article_id=row["article_id"],
                    trigger_start=int(row["trigger_start"]),
                    trigger_end=int(row["trigger_end"]),
                    event_type=row["type"],
                    cluster=row["cluster"],
                )
            )
        except (ValueError, KeyError, TypeError) as e:
            raise EvalError(
                f"{path}:{number}: not a clustering gold mention ({e!r}). Each line needs article_id, "
                "trigger_start, trigger_end, type and cluster"
            ) from e
    return gold


def is_cluster_gold(path: Path) -> bool:
    """Return whether a .jsonl file is a clustering gold (its first record has a cluster label)."""
    try:
        with path.open(encoding="utf-8") as lines:
            first = json.loads(next((line for line in lines if line.strip()), "{}"))
    except (OSError, ValueError):
        return False
    return isinstance(first, dict) and {"cluster", "trigger_start", "article_id"} <= first.keys()


def gold_part(gold: Iterable[GoldMention], part: Part | None) -> list[GoldMention]:
    """Return the gold mentions of one part (split by cluster), or all of them."""
    return [g for g in gold if part is None or part_of(f"cluster:{g.cluster}") == part]


def read_gold_articles(root: Path, article_ids: Iterable[str]) -> list[Article]:
    """Return the articles with these ids from a shared folder's corpus and examples.

    Raises:
        EvalError: an article of the gold is in neither.
    """
    wanted = set(article_ids)
    found: dict[str, Article] = {}
    files = [root / CORPUS, *sorted((root / EXAMPLES).glob("*.jsonl"))]
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("id") in wanted and record["id"] not in found:
                found[record["id"]] = _article(record)
    lost = sorted(wanted - found.keys())
    if lost:
        raise EvalError(
            f"{len(lost)} article(s) of the clustering gold are not in {root} ({', '.join(lost[:3])}, ...). "
            "Point dyad eval at the shared folder that holds corpus/reuters21578.jsonl and examples/"
        )
    return [found[i] for i in sorted(found)]


def _article(record: Mapping[str, Any]) -> Article:
    raw = record.get("published") or record.get("date")
    published = datetime.fromisoformat(raw) if raw else None
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return Article(
        id=record["id"],
        text=record["text"],
        title=record.get("title") or "",
        published_at=published,
        source=record.get("source"),
    )


def mentions_of(articles: Sequence[Article], extract: Extractor) -> list[Mention]:
    """Code ``articles`` and return their event mentions, each with its article's date and source."""
    mentions = []
    for article in articles:
        for record in extract(article):
            mentions.append(
                Mention.from_record(record, published=article.published_at, source=article.source)
            )
    return mentions


def score_clustering(
    gold: Sequence[GoldMention], mentions: Sequence[Mention], assignment: Mapping[str, str]
) -> ClusterScore:
    """Score ``assignment`` (event id → cluster id) of ``mentions`` on the ``gold`` mentions."""
    found = _match(gold, mentions)
    predicted = {
        i: assignment.get(found[i].event_id, f"missing:{i}") if i in found else f"missing:{i}"
        for i in range(len(gold))
    }
    truth = {i: g.cluster for i, g in enumerate(gold)}
    return ClusterScore(
        n_mentions=len(gold),
        n_gold_clusters=len(set(truth.values())),
        n_clusters=len(set(predicted.values())),
        missing=len(gold) - len(found),
        pairwise=_pairwise(truth, predicted),
        bcubed=_bcubed(truth, predicted),
    )


def score_cluster_gold(
    root: Path,
    gold_path: Path,
    extract: Extractor,
    *,
    part: Part | None = None,
    settings: ClusterSettings = DEFAULT_SETTINGS,
) -> ClusterScorecard:
    """Code the gold's articles from the shared folder ``root``, cluster them, and score a part.

    Raises:
        EvalError: the gold cannot be read, or its articles are not under ``root``.
    """
    gold = gold_part(read_cluster_gold(gold_path), part)
    articles = read_gold_articles(root, {g.article_id for g in gold})
    mentions = mentions_of(articles, extract)
    return scorecard(gold, mentions, cluster_mentions(mentions, settings))


def scorecard(
    gold: Sequence[GoldMention], mentions: Sequence[Mention], assignment: Mapping[str, str]
) -> ClusterScorecard:
    """Score an assignment and the two baselines on the same gold mentions."""
    alone = {m.event_id: m.event_id for m in mentions}
    by_type_day = {
        m.event_id: f"{m.event_type}|{m.start}|{m.end}" if m.start else m.event_id for m in mentions
    }
    return ClusterScorecard(
        dyad=score_clustering(gold, mentions, assignment),
        singletons=score_clustering(gold, mentions, alone),
        type_and_day=score_clustering(gold, mentions, by_type_day),
    )


def _match(gold: Sequence[GoldMention], mentions: Sequence[Mention]) -> dict[int, Mention]:
    """Find each gold mention among dyad's: the same trigger offsets, else an overlapping trigger."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    found: dict[int, Mention] = {}
    for i, g in enumerate(gold):
        candidates = by_article.get(g.article_id, [])
        exact = [m for m in candidates if m.trigger_start == g.trigger_start]
        overlapping = [
            m
            for m in candidates
            if m.trigger_start < g.trigger_end and g.trigger_start < m.trigger_start + len(m.trigger)
        ]
        pool = exact or overlapping
        if pool:
            found[i] = next((m for m in pool if m.event_type == g.event_type), pool[0])
    return found


def _pairwise(truth: Mapping[int, str], predicted: Mapping[int, str]) -> PRF:
    same_gold = {pair for pair in combinations(sorted(truth), 2) if truth[pair[0]] == truth[pair[1]]}
    same_dyad = {pair for pair in combinations(sorted(truth), 2) if predicted[pair[0]] == predicted[pair[1]]}
    both = len(same_gold & same_dyad)
    return PRF(
        precision=both / len(same_dyad) if same_dyad else 1.0,
        recall=both / len(same_gold) if same_gold else 1.0,
    )


def _bcubed(truth: Mapping[int, str], predicted: Mapping[int, str]) -> PRF:
    if not truth:
        return PRF(1.0, 1.0)
    pair_counts = Counter((truth[i], predicted[i]) for i in truth)
    gold_sizes, dyad_sizes = Counter(truth.values()), Counter(predicted.values())
    precision = recall = 0.0
    for i in truth:
        both = pair_counts[(truth[i], predicted[i])]
        precision += both / dyad_sizes[predicted[i]]
        recall += both / gold_sizes[truth[i]]
    return PRF(precision / len(truth), recall / len(truth))
