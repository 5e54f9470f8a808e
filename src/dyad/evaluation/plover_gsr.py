"""Score an extractor against the PLOVER gold-standard sentences.

Event types are scored as (sentence, type) pairs: a sentence's gold is the set of its event
types, and its emitted types are deduplicated, so two ASSAULT mentions in one sentence count once.
Actors are scored only where the type is right, on role-tagged countries and sectors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.errors import EvalError
from dyad.evaluation.gold import GoldEvent, GsrSentence, normalize_country, normalize_sector, read_gsr
from dyad.evaluation.split import Part, select
from dyad.model import Article

Record = Mapping[str, Any]
Extractor = Callable[[Article], Sequence[Record]]

_ROLES = (("actor", "actors"), ("recipient", "recipients"))


def _ratio(numerator: int, denominator: int) -> float:
    # An empty denominator scores 0: nothing found is never a perfect score.
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Counts for one event type: gold pairs, emitted pairs, and pairs in both."""

    support: int
    n_emitted: int
    n_correct: int

    @property
    def recall(self) -> float:
        """Return the share of gold pairs of this type that were emitted."""
        return _ratio(self.n_correct, self.support)

    @property
    def precision(self) -> float:
        """Return the share of emitted pairs of this type that are gold."""
        return _ratio(self.n_correct, self.n_emitted)


@dataclass(frozen=True, slots=True)
class MatchCounts:
    """True positives, false positives and false negatives over a multiset of codes."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp)."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn)."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)

    def __add__(self, other: MatchCounts) -> MatchCounts:
        return MatchCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class GsrSentenceResult:
    """One gold sentence: its gold types and the types the extractor emitted for it."""

    id: str
    text: str
    gold_types: tuple[str, ...]
    emitted_types: tuple[str, ...]

    @property
    def missed(self) -> tuple[str, ...]:
        """Return the gold types that were not emitted."""
        return tuple(t for t in self.gold_types if t not in self.emitted_types)

    @property
    def spurious(self) -> tuple[str, ...]:
        """Return the emitted types that are not gold."""
        return tuple(t for t in self.emitted_types if t not in self.gold_types)

    @property
    def is_correct(self) -> bool:
        """Return whether the emitted types are exactly the gold types."""
        return not self.missed and not self.spurious


@dataclass(frozen=True, slots=True)
class GsrScore:
    """The scores of one extractor on a GSR file.

    ``country`` and ``sector`` are summed over the gold events that an emitted event of the
    same type matched (``n_events_matched`` of ``n_gold_events``).
    """

    sentences: tuple[GsrSentenceResult, ...]
    per_type: Mapping[str, TypeScore]
    country: MatchCounts
    sector: MatchCounts
    n_gold_events: int
    n_events_matched: int

    @property
    def n_sentences(self) -> int:
        """Return the number of distinct gold sentences."""
        return len(self.sentences)

    @property
    def n_gold(self) -> int:
        """Return the number of gold (sentence, type) pairs."""
        return sum(s.support for s in self.per_type.values())

    @property
    def n_emitted(self) -> int:
        """Return the number of emitted (sentence, type) pairs."""
        return sum(s.n_emitted for s in self.per_type.values())

    @property
    def n_correct(self) -> int:
        """Return the number of emitted pairs that are gold."""
        return sum(s.n_correct for s in self.per_type.values())

    @property
    def recall(self) -> float:
        """Return the share of gold (sentence, type) pairs that were emitted."""
        return _ratio(self.n_correct, self.n_gold)

    @property
    def precision(self) -> float:
        """Return the share of emitted (sentence, type) pairs that are gold."""
        return _ratio(self.n_correct, self.n_emitted)

    @property
    def f1(self) -> float:
        """Return the harmonic mean of type precision and recall."""
        return _f1(self.precision, self.recall)


def _record_type(record: Record, article_id: str) -> str:
    event_type = record.get("type")
    if not isinstance(event_type, str):
        raise EvalError(
            f"the extractor returned a record without a string 'type' for {article_id!r}: {dict(record)!r}. "
            "Records must follow the output contract (dyad.records.event_to_record)."
        )
    return event_type


def _gold_codes(event: GoldEvent) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    countries: Counter[tuple[str, str]] = Counter()
    sectors: Counter[tuple[str, str]] = Counter()
    for role, attribute in _ROLES:
        for participant in getattr(event, attribute):
            if participant.country:
                countries[role, participant.country] += 1
            if participant.sector:
                sectors[role, participant.sector] += 1
    return countries, sectors


def _emitted_codes(record: Record) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    countries: Counter[tuple[str, str]] = Counter()
    sectors: Counter[tuple[str, str]] = Counter()
    for role, _ in _ROLES:
        for actor in record.get(role) or ():
            country = normalize_country(actor.get("country"))
            if country:
                countries[role, country] += 1
            for code in actor.get("sector") or ():
                sector = normalize_sector(code)
                if sector:
                    sectors[role, sector] += 1
    return countries, sectors


def _counts(gold: Counter[tuple[str, str]], emitted: Counter[tuple[str, str]]) -> MatchCounts:
    tp = sum((gold & emitted).values())
    return MatchCounts(tp=tp, fp=sum(emitted.values()) - tp, fn=sum(gold.values()) - tp)


def _score_actors(
    gold_events: Sequence[GoldEvent], records: Sequence[Record], article_id: str
) -> tuple[MatchCounts, MatchCounts, int]:
    """Match each gold event to the unused emitted event of its type with the best actor overlap."""
    country_total, sector_total, n_matched = MatchCounts(), MatchCounts(), 0
    unused = list(records)
    for event in gold_events:
        candidates = [r for r in unused if _record_type(r, article_id) == event.event_type]
        if not candidates:
            continue
        gold_countries, gold_sectors = _gold_codes(event)
        scored = []
        for record in candidates:
            emitted_countries, emitted_sectors = _emitted_codes(record)
            scored.append(
                (record, _counts(gold_countries, emitted_countries), _counts(gold_sectors, emitted_sectors))
            )
        # max() keeps the first of equals, so ties go to the earliest emitted event.
        best, best_country, best_sector = max(scored, key=lambda item: item[1].tp + item[2].tp)
        unused.remove(best)
        country_total += best_country
        sector_total += best_sector
        n_matched += 1
    return country_total, sector_total, n_matched


def score_gsr_sentences(sentences: Sequence[GsrSentence], extract: Extractor) -> GsrScore:
    """Run ``extract`` on each gold sentence and score the records it returns.

    Each sentence is passed as an ``Article`` whose id is the sentence's first record id and
    whose text is the sentence alone, with no publication time (the gold has none).

    Raises:
        EvalError: the extractor returned a record without a ``type``.
    """
    support: Counter[str] = Counter()
    emitted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    country, sector = MatchCounts(), MatchCounts()
    n_matched = 0
    results = []
    for sentence in sentences:
        article = Article(id=sentence.id, text=sentence.text)
        records = list(extract(article))
        gold_types = {str(event.event_type) for event in sentence.events}
        emitted_types = {_record_type(record, article.id) for record in records}
        support.update(gold_types)
        emitted.update(emitted_types)
        correct.update(gold_types & emitted_types)
        sentence_country, sentence_sector, sentence_matched = _score_actors(
            sentence.events, records, article.id
        )
        country += sentence_country
        sector += sentence_sector
        n_matched += sentence_matched
        results.append(
            GsrSentenceResult(
                sentence.id, sentence.text, tuple(sorted(gold_types)), tuple(sorted(emitted_types))
            )
        )
    per_type = {
        event_type: TypeScore(support[event_type], emitted[event_type], correct[event_type])
        for event_type in sorted(support.keys() | emitted.keys())
    }
    return GsrScore(
        sentences=tuple(results),
        per_type=per_type,
        country=country,
        sector=sector,
        n_gold_events=sum(len(s.events) for s in sentences),
        n_events_matched=n_matched,
    )


def score_plover_gsr(
    path: Path | str, extract: Extractor, *, limit: int | None = None, part: Part | None = None
) -> GsrScore:
    """Score ``extract`` on the PLOVER gold-standard file at ``path``.

    ``part`` keeps the sentences of that part of the held-out split (a sentence's key is its
    text, so its records stay together); ``limit`` then scores only the first ``limit``.

    Raises:
        EvalError: the gold file cannot be read, or the extractor returned a malformed record.
    """
    sentences = select(read_gsr(path), lambda sentence: sentence.text, part)
    if limit is not None:
        sentences = sentences[:limit]
    return score_gsr_sentences(sentences, extract)
