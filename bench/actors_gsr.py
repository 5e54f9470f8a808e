"""How well the actor resolver does when given the right spans: PLOVER GSR dev actors.

For each gold source/target actor whose text occurs in the sentence, resolve that span and
compare the country and the sector (first three letters; the gold appends ethnicity or
religion codes such as ``CVLkur``). Run: ``.venv/bin/python bench/actors_gsr.py [gold.jsonl]``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from dyad.actors import load_knowledge, make_actor_resolver
from dyad.model import Article, TextSpan
from dyad.nlp import ParsedArticle, load_nlp

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "plover_gsr_dev.jsonl"


def main(path: Path = GOLD) -> None:
    """Print country and sector accuracy over the gold actors found in their sentences."""
    nlp = load_nlp()
    started = time.perf_counter()
    load_knowledge()
    load_s = time.perf_counter() - started
    # The resolver also loads the geo gazetteer (shared with the geo stage in a pipeline).
    resolver = make_actor_resolver()
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = country_ok = sector_total = sector_ok = 0
    misses = []
    started = time.perf_counter()
    for record in records:
        text = record["text"]
        parsed = ParsedArticle(Article(record["id"], text), nlp(text), 0)
        for event in record["events"]:
            for role in ("source_actor", "target_actor"):
                for gold in event.get(role) or []:
                    start = text.find(gold["text"])
                    if start < 0:
                        continue
                    span = TextSpan(start, start + len(gold["text"]), gold["text"])
                    actors = resolver.resolve_span(parsed, span)
                    got_country = next((a.country for a in actors if a.country), None)
                    got_sector = next((a.sector[0] for a in actors if a.sector), None)
                    total += 1
                    country_ok += got_country == gold["code"]
                    gold_sector = (gold.get("sector") or "")[:3] or None
                    if gold_sector not in (None, "***"):
                        sector_total += 1
                        sector_ok += got_sector == gold_sector
                    if got_country != gold["code"] or (
                        gold_sector not in (None, "***") and got_sector != gold_sector
                    ):
                        misses.append(
                            f"  {gold['text']!r}: gold {gold['code']} {gold_sector}, "
                            f"got {got_country} {got_sector}"
                        )
    elapsed = time.perf_counter() - started
    print(f"knowledge base loaded in {load_s:.2f}s")
    print(f"actors resolved: {total} in {elapsed:.2f}s (parse included)")
    print(f"country accuracy: {country_ok}/{total} = {country_ok / max(total, 1):.1%}")
    print(
        f"sector accuracy (gold sector given): {sector_ok}/{sector_total} = "
        f"{sector_ok / max(sector_total, 1):.1%}"
    )
    print("misses:")
    print("\n".join(misses))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD)
