"""Score dyad's time expressions on TempEval-3 documents (``gold/tempeval3_platinum.jsonl``).

Each document is anchored on its creation time (``dct``). Over the gold timexes of type DATE:
span recall (a found expression overlaps the gold span) and value accuracy (an overlapping
found expression has exactly the gold value; for a range either end counts, since TimeML
annotates "from 2009 to 2010" as two timexes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dyad.dates import TimeExpression, find_time_expressions
from dyad.errors import EvalError
from dyad.evaluation.gold import read_jsonl
from dyad.evaluation.split import Part, part_of


@dataclass(slots=True)
class TimexScore:
    """Counts over the gold DATE timexes, and a line per miss."""

    n_gold: int = 0
    span_hits: int = 0
    value_hits: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def span_recall(self) -> float:
        """Return the share of gold DATE timexes overlapped by a found expression."""
        return self.span_hits / self.n_gold if self.n_gold else 0.0

    @property
    def value_accuracy(self) -> float:
        """Return the share of gold DATE timexes whose value an overlapping expression matches."""
        return self.value_hits / self.n_gold if self.n_gold else 0.0


def _values(expression: TimeExpression) -> set[str | None]:
    return {expression.value, expression.until} if expression.kind == "range" else {expression.value}


def score_timexes(path: Path | str, *, part: Part | None = None) -> TimexScore:
    """Run the time-expression finder on the documents of ``path`` in ``part`` (all when None).

    Raises:
        EvalError: a document lacks ``id``, ``text``, an ISO ``dct`` or its ``timexes``.
    """
    score = TimexScore()
    for number, doc in read_jsonl(path):
        try:
            doc_id, text, timexes = str(doc["id"]), doc["text"], doc["timexes"]
            anchor = date.fromisoformat(doc["dct"][:10])
        except (KeyError, TypeError, ValueError) as e:
            raise EvalError(f"{path}:{number}: a TempEval document needs id, text, ISO dct, timexes.") from e
        if part is not None and part_of(doc_id) != part:
            continue
        found = find_time_expressions(text, anchor)
        for timex in timexes:
            if timex["type"] != "DATE":
                continue
            score.n_gold += 1
            overlapping = [e for e in found if e.start_char < timex["end"] and e.end_char > timex["start"]]
            score.span_hits += bool(overlapping)
            if any(timex["value"] in _values(e) for e in overlapping):
                score.value_hits += 1
                continue
            got = ", ".join(f"{e.text!r}={e.value}" for e in overlapping) or "nothing"
            context = " ".join(text[max(0, timex["start"] - 40) : timex["end"] + 20].split())
            score.errors.append(f"{doc_id} {timex['text']!r} gold={timex['value']} got {got} | {context}")
    return score
