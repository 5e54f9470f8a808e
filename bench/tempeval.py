"""Score ``dyad.dates.find_time_expressions`` on the TempEval-3 platinum set.

Usage::

    .venv/bin/python bench/tempeval.py [path/to/tempeval3_platinum.jsonl] [--errors]

Each document is anchored on its document creation time (``dct``). For the gold timexes of
type DATE it prints span recall (a found expression overlaps the gold span) and value
accuracy (an overlapping found expression has exactly the gold value; for a range either
end counts, since TimeML annotates "from 2009 to 2010" as two timexes).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dyad.dates import TimeExpression, find_time_expressions

DEFAULT_GOLD = Path("/work/shared/gold/tempeval3_platinum.jsonl")


@dataclass
class Score:
    """Counts over the gold DATE timexes."""

    gold: int = 0
    span_hits: int = 0
    value_hits: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def span_recall(self) -> float:
        """Share of gold DATE timexes overlapped by a found expression."""
        return self.span_hits / self.gold if self.gold else 0.0

    @property
    def value_accuracy(self) -> float:
        """Share of gold DATE timexes whose value an overlapping expression matches exactly."""
        return self.value_hits / self.gold if self.gold else 0.0


def _values(expression: TimeExpression) -> set[str | None]:
    return {expression.value, expression.until} if expression.kind == "range" else {expression.value}


def score_file(path: Path) -> Score:
    """Run the finder on every document of ``path`` and count hits on DATE timexes."""
    score = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found = find_time_expressions(doc["text"], date.fromisoformat(doc["dct"][:10]))
        for timex in doc["timexes"]:
            if timex["type"] != "DATE":
                continue
            score.gold += 1
            overlapping = [e for e in found if e.start_char < timex["end"] and e.end_char > timex["start"]]
            if overlapping:
                score.span_hits += 1
            if any(timex["value"] in _values(e) for e in overlapping):
                score.value_hits += 1
            else:
                got = ", ".join(f"{e.text!r}={e.value}" for e in overlapping) or "nothing"
                context = doc["text"][max(0, timex["start"] - 40) : timex["end"] + 20].replace("\n", " ")
                score.errors.append(
                    f"{doc['id']} {timex['text']!r} gold={timex['value']} got {got} | {context}"
                )
    return score


def main() -> None:
    """Print the TempEval figure (and, with ``--errors``, every miss)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", action="store_true", help="list the misses")
    args = parser.parse_args()
    score = score_file(args.gold)
    if args.errors:
        for error in score.errors:
            print(error)
    print(
        f"TempEval-3 platinum, DATE timexes: n={score.gold} "
        f"span_recall={score.span_recall:.3f} value_accuracy={score.value_accuracy:.3f}"
    )


if __name__ == "__main__":
    main()
