"""Score toponym recognition and resolution on GeoWebNews (``gold/geowebnews.jsonl``).

Gold: the toponyms that carry coordinates. Predictions are what ``dyad annotate --layer
places`` lists, dateline included (GeoWebNews annotates datelines as toponyms). Recall uses
span overlap; a predicted toponym is a false positive only if it overlaps no gold annotation
at all (coordinates or not). ``acc@161`` is end to end: gold toponyms with an overlapping
prediction resolved within 161 km, over all gold toponyms; ``acc@161|found`` is the same over
the recognized ones (the GeoWebNews protocol's geocoding figure, Gritta et al. 2019).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyad.errors import EvalError
from dyad.evaluation.gold import read_jsonl
from dyad.evaluation.split import Part, part_of
from dyad.geo import Gazetteer, km, place_mentions
from dyad.model import Article
from dyad.nlp import ParsedArticle, load_nlp

NEAR_KM = 161.0


@dataclass(slots=True)
class ToponymScore:
    """Counts over the gold toponyms with coordinates, and over the predictions."""

    n_gold: int = 0
    n_found: int = 0
    n_near: int = 0
    n_predicted: int = 0
    n_false: int = 0

    @property
    def recall(self) -> float:
        """Return the share of gold toponyms overlapped by a prediction."""
        return self.n_found / self.n_gold if self.n_gold else 0.0

    @property
    def precision(self) -> float:
        """Return the share of predictions that overlap some gold annotation."""
        return 1 - self.n_false / self.n_predicted if self.n_predicted else 0.0

    @property
    def accuracy_161(self) -> float:
        """Return the share of gold toponyms found and resolved within 161 km."""
        return self.n_near / self.n_gold if self.n_gold else 0.0

    @property
    def accuracy_161_found(self) -> float:
        """Return the share of found gold toponyms resolved within 161 km."""
        return self.n_near / self.n_found if self.n_found else 0.0


def score_toponyms(path: Path | str, gazetteer: Gazetteer, *, part: Part | None = None) -> ToponymScore:
    """Score place mentions on the GeoWebNews articles of ``path`` in ``part`` (all when None).

    Raises:
        EvalError: an article lacks ``id``, ``text`` or its ``toponyms``.
    """
    nlp = load_nlp()
    score = ToponymScore()
    for number, row in read_jsonl(path):
        if not isinstance(row.get("text"), str) or not isinstance(row.get("toponyms"), list):
            raise EvalError(f"{path}:{number}: a GeoWebNews article needs 'text' and a 'toponyms' list.")
        if part is not None and part_of(str(row.get("id"))) != part:
            continue
        article = Article(str(row.get("id")), row["text"])
        # The whole text is parsed: GeoWebNews datelines are annotated toponyms too.
        parsed = ParsedArticle(article, nlp(article.text), 0)
        mentions = place_mentions(parsed, gazetteer) if article.text else []
        annotated = [(g["start"], g["end"]) for g in row["toponyms"]]
        score.n_predicted += len(mentions)
        score.n_false += sum(not any(m.start < e and s < m.end for s, e in annotated) for m in mentions)
        for gold in row["toponyms"]:
            if gold["lat"] is None:
                continue
            hits = [m for m in mentions if m.start < gold["end"] and gold["start"] < m.end]
            score.n_gold += 1
            score.n_found += bool(hits)
            score.n_near += any(
                m.lat is not None
                and m.lon is not None
                and km(m.lat, m.lon, gold["lat"], gold["lon"]) <= NEAR_KM
                for m in hits
            )
    return score
