"""Factuality of a coded event: asserted, or only demanded, threatened, planned, ...

PLOVER calls these auxiliary modes; no other coder sets them. The status comes from the
closest predicate that governs the trigger: "called for expelling X" makes the expulsion
demanded, "vowed to keep up raids" makes the raids threatened, "was scheduled to meet"
makes the meeting planned, "denied attacking" makes the attack denied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.coding.frames import Frame, FrameBook
from dyad.coding.syntax import clause_ancestors, has_negation, modal, subjects
from dyad.model import Status

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that make what they govern a plan rather than a fact.
PLANNING = {"plan", "intend", "prepare", "schedule", "expect", "aim", "set", "due", "hope",
            "want", "seek", "propose", "consider", "mean", "willing", "ready",
            "prepared", "determined", "poised", "likely", "about"}  # fmt: skip
# Dependencies through which a governing predicate reaches the trigger's clause.
_COMPLEMENT = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "nsubjpass", "oprd"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}


@dataclass(frozen=True, slots=True)
class Factuality:
    """The status of one trigger, and the speaker it is attributed to, if any."""

    status: Status
    speaker: Token | None = None
    # Where the status came from: "own" (the trigger's modal or negation), "governed" (a
    # governing trigger, such as "call for"), "planning" (a verb of planning), or "none".
    source: str = "none"


def _own_status(trigger: Token, reported: bool) -> Status | None:
    if has_negation(trigger):
        return Status.NEGATED
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in trigger.children):
        return Status.HYPOTHETICAL
    aux = modal(trigger)
    if aux in ("will", "shall"):
        return Status.PLANNED
    if aux == "would":
        return Status.PLANNED if reported else Status.HYPOTHETICAL
    if aux in ("could", "might", "may", "can"):
        return Status.HYPOTHETICAL
    if aux in ("should", "must"):
        return Status.DEMANDED
    return None


def _governed_status(
    head: Token, book: FrameBook, frame_of: Callable[[Token], Frame | None]
) -> Status | None:
    """Return the status a predicate gives to what it governs, if it gives one."""
    lemma = head.lemma_.lower()
    frame = frame_of(head)
    if frame is not None and frame.embed is not None:
        return frame.embed
    governed = book.governors.get(head.lower_) or book.governors.get(lemma)
    if governed is not None and head.pos_ in ("NOUN", "PROPN"):
        return governed
    if lemma in PLANNING and head.pos_ in ("VERB", "ADJ", "AUX"):
        return Status.PLANNED
    return None


def factuality(
    trigger: Token, book: FrameBook, frame_of: Callable[[Token], Frame | None], *, is_verb: bool
) -> Factuality:
    """Return how the text reports the event of ``trigger``, and who reports it.

    ``frame_of`` tells which governing words are triggers themselves ("call for" governs
    its complement as demanded).
    """
    speaker = None
    status: Status | None = None
    source = "none"
    via_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    for dep, head in clause_ancestors(trigger):
        if status is None and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in head.children):
            status, source = Status.HYPOTHETICAL, "governed"  # "... if he gave them a veto"
        if dep not in _COMPLEMENT or (dep == "advcl" and not via_infinitive):
            break
        if status is None and (dep in ("advcl", "xcomp") and via_infinitive or dep == "ccomp"):
            # "passed a non-binding resolution to expel", "reiterated its demand that Israel
            # ease": the clause belongs to the verb's object.
            for obj in head.children:
                if obj.dep_ == "dobj" and (status := _governed_status(obj, book, frame_of)) is not None:
                    source = "governed"
                    break
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in book.reporting and dep == "ccomp":
            subject = subjects(head)
            speaker = subject[0] if subject else None
            if status is None and head.lemma_.lower() in book.claiming:
                status = Status.CLAIMED
            break
        if status is None:
            status = _governed_status(head, book, frame_of)
            if status is not None:
                source = (
                    "planning" if frame_of(head) is None and head.lemma_.lower() in PLANNING else "governed"
                )
        if status is None and modal(head) in ("must", "should"):
            status, source = Status.DEMANDED, "governed"  # "must allocate resources to help"
        if dep in ("xcomp", "ccomp", "acl"):
            via_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    own = _own_status(trigger, reported=speaker is not None) if is_verb else None
    if own is None and not is_verb and has_negation(trigger):
        own = Status.NEGATED
    if own is not None and (status is None or own == Status.NEGATED):
        status, source = own, "own"
    if speaker is None:
        for _dep, head in clause_ancestors(trigger):
            if head.lemma_.lower() in book.reporting and head.pos_ == "VERB":
                subject = subjects(head)
                speaker = subject[0] if subject else None
                break
    return Factuality(status or Status.ASSERTED, speaker, source)
