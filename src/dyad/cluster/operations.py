"""Which named operation a report tells of: "a major offensive, codenamed Karbala-5" names Karbala-5.

A war's campaigns follow one another along one front, and the reports of two of them share
their actor, target, place and words ("Iran launched a major offensive ... towards Basra");
a campaign's code name tells them apart. A name is what follows "Operation", "codenamed" or
"dubbed" (capitalised words: "Operation Nimble Archer"), or a capitalised word joined to a
number ("Karbala-8", "Fajr-10").
"""

from __future__ import annotations

import re
from functools import lru_cache

_NAMED = re.compile(
    r"\b(?:[Oo]peration|[Cc]ode-?named|[Dd]ubbed)\s+\"?([A-Z][A-Za-z]*(?:[ -][A-Z0-9][A-Za-z0-9]*)*)"
    r"|\b([A-Z][A-Za-z]+-\d+)\b"
)


@lru_cache(maxsize=65536)
def operation_names(sentence: str) -> frozenset[str]:
    """Return the lower-cased operation names ``sentence`` gives, one space between words."""
    return frozenset(
        " ".join((named or numbered).lower().split()) for named, numbered in _NAMED.findall(sentence)
    )
