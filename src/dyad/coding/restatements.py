"""Which triggers of a sentence restate another's event, and so are folded into it.

"a petition calling for": the call is the petition. "attacks, which have killed 11", "the
raid killed eight workers", "the attack took place when the tanker was hit", "..., killing
three and wounding five", "three people were killed when police opened fire": the killing
and the hitting are the attack, and their victims its recipients.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.coding.frames import Frame
from dyad.coding.syntax import (
    antecedent,
    children,
    governing_verb,
    is_passive,
    prep_objects,
    result_clause_of,
    subjects,
)
from dyad.model import EventType

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that only say an event happened: their subject is the event ("the attack took place").
_HAPPENING = {"take", "occur", "happen", "come"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word of the sentence that triggers a frame."""

    token: Token
    frame: Frame


def drop_restatements(triggers: list[Trigger]) -> tuple[list[Trigger], dict[int, list[Trigger]]]:
    """Drop triggers that restate another trigger's event in the same sentence.

    Returns the kept triggers and, per kept trigger, the verbs folded into it, whose
    recipients are its recipients.
    """
    by_index = {t.token.i: t for t in triggers}
    folded: dict[int, list[Trigger]] = {}
    kept = []
    for trigger in triggers:
        token, frame = trigger.token, trigger.frame
        head = by_index.get(token.head.i)
        if (
            head is not None
            and head.frame.event_type == frame.event_type
            and head.frame.pos == "noun"
            and token.dep_ in ("acl", "relcl")
        ):
            folded.setdefault(head.token.i, []).append(trigger)
            continue
        if frame.role is not None and frame.pos == "verb" and is_passive(token):
            # "Three people were killed when police opened fire": the killing is the toll
            # of the attack in its when-clause, whose victims they are.
            attack = next(
                (
                    by_index[c.i]
                    for c in children(token, "advcl")
                    if c.i in by_index and by_index[c.i].frame.event_type == EventType.ASSAULT
                ),
                None,
            )
            if attack is not None and not any(children(token, "agent")):
                folded.setdefault(attack.token.i, []).append(trigger)
                continue
        if frame.event_type == EventType.ASSAULT and frame.pos == "verb":
            doers = [antecedent(d) for d in subjects(token) + prep_objects(token, {"in"})]
            if token.dep_ in ("advcl", "relcl") and token.head.lemma_.lower() in _HAPPENING:
                doers += subjects(token.head)  # "the attack took place when X was hit"
            event_nouns = [
                d.i for d in doers if d.i in by_index and by_index[d.i].frame.event_type == EventType.ASSAULT
            ]
            if event_nouns:
                folded.setdefault(event_nouns[0], []).append(trigger)
                continue
        if (
            frame.pos == "verb"
            and token.dep_ in ("advcl", "conj", "acl")
            and any(
                by_index.get(o.i) is not None and by_index[o.i].frame.event_type == frame.event_type
                for o in prep_objects(token.head, {"with"}) + list(children(token.head, "dobj"))
            )
        ):
            continue  # "responded with strikes, targeting X": the targeting is the strikes
        if (
            frame.pos == "verb"
            and token.dep_ == "advcl"
            and token.head.i in by_index
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
            and (token.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
            # "took the station, killing 14 fighters": a toll under an act of another type is
            # an attack of its own, not a restatement of the act.
            and not (frame.role is not None and by_index[token.head.i].frame.event_type != frame.event_type)
        ):
            if frame.role is not None:
                # "opened fire on a car, killing a man": the toll of the act, its victims the act's.
                folded.setdefault(token.head.i, []).append(trigger)
            continue  # "demonstrated ..., calling for independence": one act, coded by its main verb
        if frame.role is not None and "leave" in (token.head.lemma_.lower(), token.head.head.lemma_.lower()):
            continue  # "leaving 6 dead and 100 injured": a toll, not an attack of its own
        head_event = result_clause_of(token) if frame.pos == "verb" else None
        if head_event is not None:
            same = [by_index[head_event.i]] if head_event.i in by_index else []
            same += [
                t
                for t in triggers
                if t.frame.pos == "noun"
                and (verb := governing_verb(t.token)) is not None
                and verb.i == head_event.i
            ]
            attack = next((t for t in same if t.frame.event_type == frame.event_type), None)
            if attack is not None:
                # "opened fire on a car, killing a man": the toll of the attack above, and its
                # victims the attack's recipients.
                folded.setdefault(attack.token.i, []).append(trigger)
                continue
        kept.append(trigger)
    return kept, folded
