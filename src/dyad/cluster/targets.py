"""Which target a mention's act names: "raided the nearby Ardeshir oil field" names Ardeshir.

One actor often strikes several targets on one day ("Iraqi planes raided Iran's Nowruz
oilfield ... the tanker Avaj was hit ... the Ardeshir field"), and the reports of those
raids share their actor, day, type and words; only the target's name tells them apart. A
target name is a capitalised word of the act's first recipient (the one a stored row keeps
whole) other than a country's or people's name ("Iranian targets" say whose, not which) or
a word for a kind of thing ("Sea", "front", "Guards"). Two names are the same when one
begins like the other ("Iran", "Iranian").

A target without a name still has a kind: "attacked a supertanker and four Iranian oil
sites" hit a vessel, "raided the nearby Ardeshir oil field" a field; the kind is the head
noun of the first recipient's phrase, read through a short table (``target_kinds``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pycountry

from dyad.cluster.compare import is_defence, sentence_names
from dyad.cluster.mention import Mention

# Acts done to a target that a name can single out.
_TARGETED = frozenset(("ASSAULT", "COERCE"))
# Capitalised words in a target's phrase that say what kind of thing it is, not which one ("the
# Red Sea port", "the Qutaiba front", "the Iranian Revolutionary Guards"), and a clock's "GMT".
_KINDS = frozenset(
    """gulf sea strait island islands bay river city town port province front army corps division
    brigade brigades guards revolutionary forces force navy air base field oil gmt""".split()  # noqa: SIM905
)
# Peoples whose name does not begin like their country's (those that do are found by prefix).
_PEOPLES = frozenset(("american", "british", "french", "soviet", "dutch", "swiss", "welsh", "greek"))
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Head nouns of targets, by the kind of thing they are: two reports that hit different kinds
# hit different things. A tanker is a ship; a gunboat is not (Iran's small craft, 8 October
# 1987, against the platforms shelled on the 19th).
_TARGET_KIND_WORDS = {
    "rig": "platform rig oilrig",
    "vessel": "ship tanker supertanker vessel freighter warship carrier hulk",
    "boat": "boat gunboat speedboat",
    "field": "field oilfield",
    "terminal": "terminal jetty",
    "base": "base airbase airstrip airfield",
    "aircraft": "aircraft plane warplane jet helicopter",
}
_TARGET_KINDS = {
    form: kind
    for kind, words in _TARGET_KIND_WORDS.items()
    for word in words.split()
    for form in (word, word + "s")
}
# Where a recipient's head phrase ends: a preposition, a conjunction, a relative, a number
# ("Iran's Rostam oil rig 120 miles east of Bahrain", "a supertanker and four ... sites").
_HEAD_END = re.compile(
    r"\b(?:of|in|at|near|off|on|and|which|that|who|from|to|with|east|west|north|south)\b|[,;(\d]"
)


def target_names(mention: Mention) -> frozenset[str]:
    """Return the lower-cased proper names the act gives its target; empty when it names none.

    Only attacks and seizures have such targets, and not when the trigger fends an attack
    off ("repelled"): then the recipient is the attacker.
    """
    if mention.event_type not in _TARGETED or is_defence(mention):
        return frozenset()
    if not mention.recipients or not mention.recipients[0].name:
        return frozenset()
    return _capitalised(mention.sentence, mention.recipients[0].name)


def target_kinds(mention: Mention) -> frozenset[str]:
    """Return the kind of thing the act's first recipient is ("vessel", "rig", ...); empty if unknown."""
    if mention.event_type not in _TARGETED or is_defence(mention):
        return frozenset()
    if not mention.recipients or not mention.recipients[0].name:
        return frozenset()
    kind = _TARGET_KINDS.get(_head(mention.recipients[0].name))
    return frozenset((kind,)) if kind else frozenset()


@lru_cache(maxsize=65536)
def _head(name: str) -> str:
    words = _WORD.findall(_HEAD_END.split(name, 1)[0])
    return words[-1] if words else ""


def names_any(targets: Iterable[str], names: frozenset[str] | set[str]) -> bool:
    """Return whether any of ``targets`` is among ``names``, as itself or its adjective."""
    return any(t in names or any(same_name(t, n) for n in names) for t in targets)


def same_name(a: str, b: str) -> bool:
    """Return whether two lower-cased words are one name: equal, or a name and its adjective.

    They must begin alike for at least 4 letters and for all but 2 of the shorter one:
    "iran"/"iranian", "lebanon"/"lebanese", "palestine"/"palestinian".
    """
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= 4 and common >= shorter - 2


@lru_cache(maxsize=65536)
def _capitalised(sentence: str, name: str) -> frozenset[str]:
    # The recipient's words the sentence writes capitalised (a stored name is lower-cased).
    words = set(_WORD.findall(name))
    return frozenset(
        w
        for w in sentence_names(sentence)
        if w in words and w.isalpha() and w not in _KINDS and not _is_country_word(w)
    )


@lru_cache(maxsize=65536)
def _is_country_word(word: str) -> bool:
    return word in _PEOPLES or any(same_name(word, name) for name in _country_words())


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    # The first word of every country's name and common name: "iran", "saudi", "united".
    words = set()
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            if name:
                words.add(_WORD.findall(name.lower())[0])
    return frozenset(w for w in words if len(w) >= 4)
