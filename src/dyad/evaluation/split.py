"""The held-out discipline: every dev set is split into a part to develop on and a part only scored.

dyad is judged on data it has never seen. A change that lifts the develop part but not the
scored part was fitted to the develop sentences, and is reverted. The split is a keyed hash of
each item's stable key (a gold sentence's text, an example's file name, a note's or document's
id), so it is fixed across runs and machines, needs no stored list, and an item keeps its part
when others are added or removed. Failures are only ever listed for the develop part
(``dyad eval --show-errors``): reading the scored part's failures would make it a develop part.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TypeVar

# Changing the seed or the share reshuffles every set and voids all earlier scored figures.
SEED = "dyad-heldout-2026"
SCORED_PERCENT = 35

T = TypeVar("T")


class Part(StrEnum):
    """Which part of a dev set an item belongs to."""

    DEVELOP = "develop"
    SCORED = "scored"


def part_of(key: str) -> Part:
    """Return the part the item with stable ``key`` belongs to (about 35 in 100 are scored)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8, key=SEED.encode("utf-8")).digest()
    return Part.SCORED if int.from_bytes(digest, "big") % 100 < SCORED_PERCENT else Part.DEVELOP


def select(items: Iterable[T], key: Callable[[T], str], part: Part | None) -> list[T]:
    """Return the items of ``part`` in their order; all of them when ``part`` is None."""
    return [item for item in items if part is None or part_of(key(item)) == part]
