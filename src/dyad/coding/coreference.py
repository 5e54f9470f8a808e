"""Event coreference within one article: one real event, reported several times, is one event.

News restates: "American retaliatory strikes targeting bases of militia groups", then "US
forces have responded with several retaliatory strikes", then "American retaliatory
attacks, which have killed at least 11". Coded one by one, that is three attacks (GDELT's
duplication). This stage merges mentions that cannot be told apart — same type, status and
period, the same identified actor, no conflicting recipient or date — into the first
mention, completed with what the later ones add (recipients, figures, a stated date).

It also dates a person's undated statements by the stated date of their other statements
in the article: quotes from one speaker in one report come from one occasion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dyad.model import ETHNICITY, UNATTRIBUTED, Actor, Event, EventDate
from dyad.nlp import ParsedArticle
from dyad.registry import stages

STAGE_NAME = "coding.coreference.v1"
_BASIS_RANK = {"text": 0, "paragraph": 1, "publication": 2}


def _actor_rank(actors: tuple[Actor, ...]) -> tuple[int, int, int]:
    if not actors:
        return (0, 0, 0)
    first = actors[0]
    return (first.country is not None, bool(first.sector), first.name is not None)


def _same_actor(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> bool:
    if not a or not b:
        return False
    first, second = a[0], b[0]
    if first.name or second.name:
        return first.name is not None and first.name == second.name
    if first.country is not None and second.country is not None:
        return first.country == second.country and not (
            first.sector and second.sector and not set(first.sector) & set(second.sector)
        )
    # One side's country is unresolved ("MPs"): the same kind of actor, if both kinds are known.
    return (first.country or second.country) is not None and bool(set(first.sector) & set(second.sector))


def _compatible_recipients(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> bool:
    countries_a = {r.country for r in a if r.country}
    countries_b = {r.country for r in b if r.country}
    return not (countries_a and countries_b and not countries_a & countries_b)


def _compatible_dates(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None or "publication" in (a.basis, b.basis):
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Words by which a sentence tells an act besides one already told: "An explosion also killed
# a number of the soldiers" is a second attack on them.
_ADDITIVE = frozenset({"also", "another", "again", "too", "further", "more"})


# What follows a noun phrase's head: "a senior officer of the CID", "the man (32)".
_POSTMODIFIER = re.compile(r"\s+(?:of|from|in|at|with|who|which|that)\s+|\s*[(,]", re.IGNORECASE)


def _head_word(actor: Actor) -> str:
    """Return the head noun of an actor's words: the last word before what modifies it."""
    words = _POSTMODIFIER.split(actor.span.text, maxsplit=1)[0].split() or actor.span.text.split()
    return words[-1].lower()


def _is_told_again(actor: Actor) -> bool:
    """Tell whether an actor is named only as the one already told of ("the perpetrators")."""
    words = actor.span.text.split()
    return bool(words) and words[0].lower() in _DEFINITE and actor.name is None and actor.country is None


def _names_the_same_victims(earlier: tuple[Actor, ...], later: tuple[Actor, ...]) -> bool:
    """Tell whether a later mention's recipients are the earlier one's, named again definitely.

    "A child was shot dead near Al Khulal. ... the child was killed by a Houthi sniper": "the
    child" is the child already told of, so the second killing is the first one.
    """
    heads = {_head_word(r) for r in earlier}
    return bool(later) and all(
        r.span.text.split()[0].lower() in _DEFINITE and _head_word(r) in heads for r in later
    )


def is_same_event(a: Event, b: Event) -> bool:
    """Return whether two mentions of one article report the same event."""
    if a.event_type != b.event_type or a.status != b.status or a.is_historical != b.is_historical:
        return False
    if not _compatible_dates(a.date, b.date):
        return False
    if _same_actor(a.actors, b.actors) and _compatible_recipients(a.recipients, b.recipients):
        return True
    # An act told again of the same victims, its doer told only once (or the same, or only
    # as the doer already told of: "the perpetrators").
    return (
        (not a.actors or not b.actors or _same_actor(a.actors, b.actors) or _is_told_again(b.actors[0]))
        and _names_the_same_victims(a.recipients, b.recipients)
        and not _ADDITIVE & set(b.sentence.text.lower().split())
    )


def is_anaphor(event: Event) -> bool:
    """Return whether a mention refers back to an event already told: "The raid killed eight".

    A definite event noun with no doer of its own ("the raid", "the attack") names an event the
    reader is expected to know from earlier in the article.
    """
    if event.actors or ".noun." not in event.rule:
        return False
    before = event.sentence.text[: event.trigger.start_char - event.sentence.start_char].split()
    return bool(before) and before[-1].lower() in ("the", "this", "that")


def merge(base: Event, other: Event) -> Event:
    """Return ``base`` completed with what ``other`` adds; ``base`` keeps its evidence and id."""
    recipients = list(base.recipients)
    known = {(r.country, r.name, r.sector) for r in recipients}
    for recipient in other.recipients:
        if (recipient.country, recipient.name, recipient.sector) not in known and (
            recipient.country or recipient.sector or recipient.name
        ):
            recipients.append(recipient)
            known.add((recipient.country, recipient.name, recipient.sector))
    roles = {q.role for q in base.quantities}
    quantities = base.quantities + tuple(q for q in other.quantities if q.role not in roles)
    locations = base.locations + tuple(
        loc
        for loc in other.locations
        if (loc.name, loc.country) not in {(x.name, x.country) for x in base.locations}
    )
    event_date = base.date
    if other.date is not None and (
        event_date is None or _BASIS_RANK[other.date.basis] < _BASIS_RANK[event_date.basis]
    ):
        event_date = other.date
    actors = other.actors if _actor_rank(other.actors) > _actor_rank(base.actors) else base.actors
    return replace(
        base,
        actors=actors,
        recipients=tuple(recipients),
        quantities=quantities,
        locations=locations,
        date=event_date,
        mode=base.mode + tuple(m for m in other.mode if m not in base.mode),
        confidence=round(min(0.95, max(base.confidence, other.confidence) + 0.05), 2),
        coded_by=base.coded_by if STAGE_NAME in base.coded_by else (*base.coded_by, STAGE_NAME),
    )


def _date_statements(events: list[Event]) -> list[Event]:
    """Give a named person's undated events the stated date of their other events."""
    stated: dict[str, EventDate] = {}
    for event in events:
        for person in (*event.actors[:1], *((event.speaker,) if event.speaker else ())):
            if person.name and event.date is not None and event.date.basis == "text":
                stated.setdefault(person.name, event.date)
    dated = []
    for event in events:
        person = event.actors[0].name if event.actors else None
        if person in stated and event.date is not None and event.date.basis == "publication":
            event = replace(event, date=replace(stated[person], basis="paragraph"))
        dated.append(event)
    return dated


class EventCoreference:
    """Merges the mentions of one event within an article."""

    name = STAGE_NAME

    @staticmethod
    def _antecedent(merged: list[Event], anaphor: Event) -> int | None:
        """Return the index of the latest earlier event of the anaphor's type and status."""
        for i in range(len(merged) - 1, -1, -1):
            kept = merged[i]
            if (
                kept.event_type == anaphor.event_type
                and kept.status == anaphor.status
                and kept.trigger.start_char < anaphor.trigger.start_char
                and kept.sentence != anaphor.sentence
            ):
                return i
        return None

    def __call__(self, parsed: ParsedArticle, events: Sequence[Event]) -> list[Event]:
        """Return the events with restatements merged into their first mention."""
        merged: list[Event] = []
        for event in _date_statements(list(events)):
            for i, kept in enumerate(merged):
                # Two mentions in one sentence are two acts the writer chose to list.
                if kept.sentence != event.sentence and is_same_event(kept, event):
                    merged[i] = merge(kept, event)
                    break
            else:
                antecedent = self._antecedent(merged, event) if is_anaphor(event) else None
                if antecedent is None:
                    merged.append(event)
                else:
                    merged[antecedent] = merge(merged[antecedent], replace(event, date=None))
        return [_placed(event) for event in merged]


# Sectors of people who belong where they are (not refugees, not journalists, not soldiers).
_PEOPLE_OF_A_PLACE = {"CVL", "LAB", "EDU"}
_POSSESSIVES = {"their", "its", "his", "her", "our", "my", "your"}


def _placed(event: Event) -> Event:
    """Give participants whose country the words do not settle the country where the event was.

    An unnamed attacker takes the country where it struck, as ACLED's "Unidentified Armed
    Group (Iraq)" does; a people named by ethnicity ("ethnic Albanians", "Kurdish fighters")
    takes the country where it acts, and so do civilians, workers and students of no stated
    country. It is done here, last, because the event's location is final only once
    restatements are merged.
    """
    country = next((loc.country for loc in event.locations if loc.country), None)
    if country is None:
        return event

    def place(actor: Actor) -> Actor:
        if actor.resolved_by == UNATTRIBUTED and actor.country is None:
            return replace(actor, country=country)
        same = next((loc for loc in event.locations if loc.span == actor.span and loc.country), None)
        if actor.country is None and same is not None:
            # "shelled Kharkiv": the target is the place itself.
            return replace(actor, country=same.country, resolved_by=actor.resolved_by or "location")
        if (
            actor.country is None
            and actor.sector
            and set(actor.sector) <= _PEOPLE_OF_A_PLACE
            # "their crew": whose they are decides, not where they were caught.
            and actor.span.text.split(maxsplit=1)[0].lower() not in _POSSESSIVES
        ):
            # "About 15,000 miners attended a rally", "students at Cumhuriyet University":
            # residents, workers and students are people of the place they act in.
            return replace(
                actor, country=country, resolved_by=f"{actor.resolved_by or 'sector-noun'}+location"
            )
        if actor.resolved_by and ETHNICITY in actor.resolved_by.split("+") and actor.country != country:
            return replace(actor, country=country, resolved_by=f"{actor.resolved_by}+location")
        return actor

    return replace(
        event, actors=tuple(map(place, event.actors)), recipients=tuple(map(place, event.recipients))
    )


@stages.register(STAGE_NAME)
def make_event_coreference() -> EventCoreference:
    """Build the event coreference stage."""
    return EventCoreference()
