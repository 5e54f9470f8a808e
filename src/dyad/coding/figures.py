"""Link casualty, size and count figures to the events they belong to.

The number grammar (``quantities.py``) reads "at least 11" or "over 100 times"; this module
decides whose figure it is from the parse: the object of the event's own killing verb
("killed at least 11"), of a killing clause about the event ("attacks, which have killed
at least 11", "the raid killed eight workers"), the number of its actors ("15,000 miners
rallied": size), or of times it happened ("struck ... over 100 times": count). A number
in another clause ("1.6 million security personnel") is linked to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dyad.coding.frames import FrameBook
from dyad.coding.quantities import NumberMention, find_numbers
from dyad.coding.syntax import (
    children,
    conjuncts,
    governing_verb,
    is_bare_passive,
    is_passive,
    phrase_bounds,
    prep_objects,
    result_clause_of,
    subjects,
)
from dyad.model import Event, EventType, Quantity, Status
from dyad.nlp import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# One person: a pronoun that is never a group, and nouns that name a group, not one person.
_ONE_PRONOUNS = frozenset({"he", "him", "she", "her"})
_GROUP_NOUNS = frozenset(
    {"family", "group", "crowd", "convoy", "crew", "unit", "patrol", "force", "army", "police",
     "militia", "team", "squad", "battalion", "brigade", "regiment", "company", "people", "staff",
     "personnel", "village", "town", "household", "couple", "number", "lot", "majority", "dozen"}
)  # fmt: skip

# Nouns that count the dead ("23 fatalities", "12 bodies").
_DEAD_NOUNS = frozenset({"fatality", "death", "dead", "body", "corpse"})

# Conjunctions that make a clause the occasion of the casualty verb above it.
_WHEN_WORDS = frozenset({"when", "as", "after", "while"})

# Types whose actors' number is the event's size (participants).
_SIZED = {EventType.PROTEST, EventType.REQUEST, EventType.MOBILIZE, EventType.ASSAULT, EventType.ACCUSE,
          EventType.REJECT, EventType.THREATEN, EventType.COERCE}  # fmt: skip


def _number_tokens(sent: Span, mentions: list[NumberMention]) -> dict[int, NumberMention]:
    """Map the token index that carries each number phrase to the phrase."""
    found: dict[int, NumberMention] = {}
    for mention in mentions:
        inside = [t for t in sent if t.idx >= mention.start_char and t.idx + len(t) <= mention.end_char]
        numbers = [t for t in inside if t.like_num or t.pos_ == "NUM"] or inside
        if numbers:
            found[numbers[-1].i] = mention
    return found


def _figure(token: Token, numbers: dict[int, NumberMention]) -> NumberMention | None:
    """Return the number phrase that is, or counts, ``token`` ("11", "eight workers").

    A vague amount heads its noun ("Thousands of people"): the parse makes "people" the object
    of "of", so the amount is found above it.
    """
    if token.i in numbers:
        return numbers[token.i]
    before = token.i - 1
    if before in numbers and token.doc[before].dep_ in ("meta", "dep", "npadvmod"):
        return numbers[before]  # "15 Houthis were killed", the figure misread as the verb's
    for child in token.children:
        if child.dep_ in ("nummod", "quantmod", "amod") and child.i in numbers:
            return numbers[child.i]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i in numbers:
        return numbers[token.head.head.i]
    return None


def _is_one(token: Token) -> bool:
    """Tell whether an argument without a number names one person.

    "a policeman", "the commander", "Mahmoud al-Safadi", "him" are one; a group ("a family",
    "a patrol") or a plural is not.
    """
    if token.tag_ in ("PRP", "PRP$"):
        return token.lower_ in _ONE_PRONOUNS
    if token.tag_ == "CD":
        return token.lower_ == "one"  # "killed one and injured two"
    if token.tag_ == "NNP" and (token.ent_type_ or not any(c.dep_ == "det" for c in token.children)):
        # A name is one person; "the mokhtar", a title the tagger took for a name, is a noun;
        # a nationality with "a" is one of its people ("a Palestinian was killed").
        return token.ent_type_ == "PERSON" or (
            token.ent_type_ == "NORP" and any(c.lower_ in ("a", "an") for c in children(token, "det"))
        )
    if token.tag_ not in ("NN", "NNP") or token.lemma_.lower() in _GROUP_NOUNS:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "every", "each") for c in token.children)


def _of_victims(noun: Token) -> list[Token]:
    """Return the people an event noun is done to: its "of" objects ("the killing of 5 ...")."""
    heads = prep_objects(noun, {"of"})
    return [*heads, *(c for head in heads for c in head.conjuncts if c not in heads)]


def _toll_noun(
    parsed: ParsedArticle, trigger: Token, sent: Span, numbers: dict[int, NumberMention]
) -> Quantity | None:
    """Return the count of the dead that a word for them says the attack brought about.

    "The clashes resulted in 23 fatalities", "12 bodies ... were left after the fighting",
    "clashes that caused 5 deaths", "led to the death of 13 fighters": the noun (or its "of")
    counts the dead, the verb ties them to the attack.
    """
    for token in sent:
        if token.lemma_.lower() not in _DEAD_NOUNS:
            continue
        verb = governing_verb(token) or (token.head if token.dep_ in ("nsubj", "nsubjpass") else None)
        if verb is None or not (
            trigger in subjects(verb)
            or _in_attack(verb, trigger)
            or verb.i == _carrier(trigger).i
            # "fought battles ..., resulting in the death of 13 fighters"
            or ((result := result_clause_of(verb)) is not None and result.i in _acts(trigger))
        ):
            continue
        mention = _figure(token, numbers)
        if mention is not None:
            return _quantity(parsed, "killed", mention)
        counted = _headcount(parsed, "killed", _of_victims(token), numbers, needs_figure=True)
        if counted is not None:
            return counted
    return None


def _victims(verb: Token) -> list[Token]:
    """Return the heads of the people a casualty verb is done to, every part of a list.

    "killed two soldiers and 15 militants", "4 from X and 15 from Y were killed", "two soldiers
    were killed along with 15 militants".
    """
    heads = list(children(verb, "dobj", "nsubjpass"))
    if not heads and is_bare_passive(verb):
        heads = list(children(verb, "nsubj"))  # "with 12 civilians killed"
    own_subject = any(children(verb, "nsubj"))  # "5 were killed, and others wounded"
    if not heads and not own_subject and verb.dep_ in ("xcomp", "oprd", "conj") and is_passive(verb.head):
        # "28 fighters were reported killed", "a woman was shot and killed"
        heads = list(children(verb.head, "nsubjpass"))
    heads += [c for head in list(heads) for c in head.conjuncts if c not in heads]
    if any(c.lower_ in ("along", "together") for c in children(verb, "prt", "advmod")):
        heads += prep_objects(verb, {"with"})
    heads += [o for head in list(heads) for o in prep_objects(head, {"with"}) if _is_along(o.head)]
    return _without_subsets(heads)


def _headcount(
    parsed: ParsedArticle,
    role: str,
    heads: Sequence[Token],
    numbers: dict[int, NumberMention],
    *,
    needs_figure: bool = False,
) -> Quantity | None:
    """Return how many people the heads of a victim list name, as the quantity of ``role``.

    A head counts its figure ("15 militants", "two security forces personnel"), or one when it
    names one person; the list sums them. A head the text does not count ("an unknown number
    of fighters") makes the sum a lower bound; with no head counted there is no figure, nor
    with ``needs_figure`` when no head has a written number.
    """
    counts: list[tuple[Token, NumberMention | None]] = []
    uncounted = False
    for head in heads:
        # "Two security forces personnel": the number counts a compound inside the phrase.
        mention = next(
            (m for t in (head, *children(head, "compound")) if (m := _figure(t, numbers)) is not None), None
        )
        if mention is not None or _is_one(head):
            counts.append((head, mention))
        else:
            uncounted = True
    if not counts or (needs_figure and all(m is None for _, m in counts)):
        return None
    if len(counts) == 1 and counts[0][1] is not None and not uncounted:
        return _quantity(parsed, role, counts[0][1])
    value = sum(1 if m is None else m.value or 0 for _, m in counts)
    lows = [1 if m is None else (m.low if m.low is not None else m.value or 0) for _, m in counts]
    bounded = uncounted or any(m is not None and m.low is not None for _, m in counts)
    approx = uncounted or any(m is not None and m.is_approx for _, m in counts)
    bounds = [phrase_bounds(head) for head, _ in counts]
    doc = heads[0].doc
    start, end = doc[min(b[0] for b in bounds)].idx, doc[max(b[1] for b in bounds) - 1]
    return Quantity(
        role,
        value,
        parsed.char_span(start, end.idx + len(end)),
        low=sum(lows) if bounded else None,
        is_approx=approx,
    )


def _without_subsets(heads: list[Token]) -> list[Token]:
    """Drop the heads that list people an earlier head already counts.

    "At least seven people including an official, five policemen and a woman were killed" are
    seven: the parser may hang the list after "including" on the verb beside "people".
    """
    including = min(
        (t.i for head in heads for t in head.subtree if t.lower_ == "including" and t.i > head.i),
        default=None,
    )
    return heads if including is None else [head for head in heads if head.i < including]


def _is_along(prep: Token) -> bool:
    """Tell whether a "with" adds people to a list ("along with", "together with")."""
    return any(c.dep_ == "advmod" and c.lower_ in ("along", "together") for c in prep.children) or (
        prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("along", "together")
    )


# Verbs that with "down" mean to kill a person.
_DOWN_KILLING = frozenset({"gun", "mow"})


def _is_fatal(verb: Token) -> bool:
    """Tell whether an attack verb says it killed ("fatally shot", "shot dead", "beaten to death").

    "Dead" right after the verb is its result whatever the parse hangs it on: "shot dead 3
    fighters" is often read as "dead fighters".
    """
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        any(c.lower_ == "fatally" for c in children(verb, "advmod"))
        # "gunned down 3 soldiers": to gun down is to kill ("shot down" is said of aircraft)
        or (verb.lemma_.lower() in _DOWN_KILLING and any(c.lower_ == "down" for c in children(verb, "prt")))
        # "beaten to death", "stabbed to death": the blow's result
        or any(
            c.lower_ == "to" and any(o.lower_ == "death" for o in children(c, "pobj"))
            for c in children(verb, "prep")
        )
        or any(c.lower_ == "dead" for c in children(verb, "oprd", "acomp", "advmod", "xcomp"))
        or (following is not None and following.lower_ == "dead")
    )


def _is_either_toll(verb: Token, book: FrameBook) -> bool:
    """Tell whether a killing verb shares its object with another casualty verb by "or".

    "killed or wounded 20": the figure counts both, not the dead.
    """
    joined = (verb, *verb.conjuncts)
    if not any(c.dep_ == "cc" and c.lower_ == "or" for t in joined for c in t.children):
        return False
    return any(
        (frame := book.verbs.get(t.lemma_.lower())) is not None and frame.role not in (None, "killed")
        for t in verb.conjuncts
    )


def _quantity(parsed: ParsedArticle, role: str, mention: NumberMention) -> Quantity:
    span = parsed.char_span(mention.start_char, mention.end_char)
    return Quantity(
        role, mention.value, span, low=mention.low, high=mention.high, is_approx=mention.is_approx
    )


def _role_verbs(
    trigger: Token, event_type: EventType, sent: Span, book: FrameBook
) -> list[tuple[Token, str]]:
    """Return the casualty verbs that report this event's toll, with their roles."""
    found = []
    # The clause an event noun is the subject of tells the event ("when an airstrike hit").
    clause = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "nsubj" else trigger
    for token in sent:
        frame = book.verbs.get(token.lemma_.lower())
        if frame is None or frame.role is None or token.pos_ != "VERB":
            continue
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in book.attempting:
            continue  # "attempted to kill a policeman": no one was killed
        if (
            token.i == trigger.i
            or (event_type == EventType.ASSAULT and token.i in _acts(trigger))
            or trigger in subjects(token)
            or trigger in prep_objects(token, {"in"})
            # "air strikes killed at least 25": the parser may read the verb as the noun's clause.
            or (token.dep_ in ("acl", "relcl") and token.head.i == trigger.i)
        ):
            found.append((token, frame.role))
        elif (
            frame.event_type == event_type
            and (result := result_clause_of(token)) is not None
            and result.i in _acts(trigger)
        ):
            # "attacked a station, killing three policemen": the attack's toll (but "opened
            # fire, arresting 12" is an arrest of its own).
            found.append((token, frame.role))
        elif clause.dep_ == "advcl" and clause.head.i == token.i and _is_when_clause(clause):
            # "200 people were killed when jets bombed the market", "... when an airstrike hit
            # a car": the toll of the bombing.
            found.append((token, frame.role))
    return found


def _carrier(trigger: Token) -> Token:
    """Return the verb an event noun is the object of ("launched rocket fire"), or the trigger."""
    verb = governing_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    return verb if verb is not None else trigger


def _acts(trigger: Token) -> set[int]:
    """Return the indices of the verbs that tell the attack's course, the trigger's own included.

    The trigger, the verb it is the object of, and the verbs coordinated with that one under
    the same subject: in "clashed with X and took control of Y, leaving 18 dead" and "conducted
    an attack on X and killed three soldiers", the toll is the attack's.
    """
    # Only a verb the noun is the object of carries it: in "amid protests, three were killed"
    # the killing is no act of the protest.
    carrier = trigger.head if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB" else trigger
    shared = [v for v in carrier.conjuncts if v.pos_ == "VERB" and not any(children(v, "nsubj", "nsubjpass"))]
    return {trigger.i, carrier.i, *(v.i for v in shared)}


# Tolls told without a casualty verb of the event's own: "two soldiers died in an ambush",
# "clashes left dozens dead", "the death toll from the attack rose to 30".
_DYING = {"die": "killed", "perish": "killed"}
_LEFT = {"dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured"}
_TOLL_VERBS = {"rise", "climb", "reach", "stand", "jump", "hit", "increase", "be"}


def _tolls(trigger: Token, sent: Span, numbers: dict[int, NumberMention]) -> list[tuple[str, NumberMention]]:
    """Return the attack's tolls that the sentence tells in other words than a casualty verb."""
    found = []
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma in _DYING and token.pos_ == "VERB":
            # "Two soldiers died ... in an ambush": the dying happened in the attack.
            if any(_in_attack(verb, trigger) for verb in (token, *token.conjuncts)):
                for subject in children(token, "nsubj"):
                    mention = _figure(subject, numbers)
                    if mention is not None:
                        found.append((_DYING[lemma], mention))
        elif lemma == "leave" and (
            trigger in subjects(token)
            or ((result := result_clause_of(token)) is not None and result.i in _acts(trigger))
        ):
            # "Clashes ... left dozens dead", "clashed ..., leaving at least 6 dead and 100
            # injured": each state word takes the number just before it.
            words = [w for part in (token, *token.conjuncts) for w in part.subtree]
            for state in sorted({w.i: w for w in words if w.lower_ in _LEFT}.values(), key=lambda w: w.i):
                before = [i for i in numbers if state.i - 4 <= i < state.i]
                if before:
                    found.append((_LEFT[state.lower_], numbers[max(before)]))
        elif lemma == "toll" and any(
            pobj.i == trigger.i for prep in children(token, "prep") for pobj in children(prep, "pobj")
        ):
            # "The death toll from Saturday's attack rose to 30": the number the toll reaches.
            verb = token.head if token.dep_ in ("nsubj", "nsubjpass") else None
            if verb is not None and verb.lemma_.lower() in _TOLL_VERBS:
                candidates = [o for prep in children(verb, "prep") for o in children(prep, "pobj")]
                candidates += list(children(verb, "dobj", "attr"))
                for candidate in candidates:
                    mention = _figure(candidate, numbers)
                    if mention is not None:
                        role = (
                            "injured"
                            if any(c.lower_ in ("injury", "injuries") for c in token.children)
                            else "killed"
                        )
                        found.append((role, mention))
                        break
    return found


# Prepositions by which a verb gives a count of the dead: "estimated at 200", "rose to 30",
# "coded as 10".
_FIGURE_PREPOSITIONS = frozenset({"at", "as", "to"})
# Statuses under which an attack happened, so a later count of its dead is its toll.
_HAPPENED = frozenset({Status.ASSERTED, Status.CLAIMED})


def _told_toll(sent: Span, numbers: dict[int, NumberMention]) -> NumberMention | None:
    """Return the count of the dead that a sentence states as a fact of its own.

    "At least 12 deaths were reported", "Deaths were estimated at 200", "The death toll rose
    to 30", "Unknown fatalities coded as 10": a word for the dead (a death toll, a number of
    the dead) is the subject, and the count is its own or the object of its verb. A subject
    said to be dead ("18 fighters were reported dead") counts itself.
    """
    for token in sent:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        lemma = token.lemma_.lower()
        if lemma in _DEAD_NOUNS:
            mention = _figure(token, numbers)
        elif token.dep_ == "nsubjpass" and any(
            c.lower_ == "dead" for c in children(token.head, "oprd", "acomp")
        ):
            # "18 Houthi fighters were reported dead", "were confirmed dead"
            mention = _figure(token, numbers)
            if mention is not None:
                return mention
            continue
        elif _counts_the_dead(token):
            mention = None
        else:
            continue
        verb = token.head
        preps = [p for p in children(verb, "prep") if p.lower_ in _FIGURE_PREPOSITIONS]
        objects = [o for p in preps for o in children(p, "pobj")]
        for candidate in [*objects, *children(verb, "attr")]:
            mention = mention or _figure(candidate, numbers)
        if mention is not None:
            return mention
    return None


def _counts_the_dead(noun: Token) -> bool:
    """Tell whether a noun is a count of the dead: "the death toll", "the number of fatalities"."""
    lemma = noun.lemma_.lower()
    if lemma == "toll":
        return any(c.lemma_.lower() in _DEAD_NOUNS for c in children(noun, "compound"))
    return lemma == "number" and any(o.lemma_.lower() in _DEAD_NOUNS for o in prep_objects(noun, {"of"}))


def link_told_toll(
    parsed: ParsedArticle, sent: Span, sentence_events: list[Event], earlier: list[Event]
) -> None:
    """Give a count of the dead told in a sentence of its own to the attack before it.

    "Clashes took place in Nihm. Unknown fatalities coded as 10.", "... The death toll rose to
    30.": a sentence that reports no attack but counts the dead counts those of the latest
    attack the article reported, when that one has no count yet. ``earlier`` (the events of the
    sentences before, in order) is updated in place.
    """
    if any(e.event_type == EventType.ASSAULT for e in sentence_events):
        _link_died_under(parsed, sent, sentence_events)
        return
    attack = next(
        (i for i in range(len(earlier) - 1, -1, -1)
         if earlier[i].event_type == EventType.ASSAULT and earlier[i].status in _HAPPENED),
        None,
    )  # fmt: skip
    if attack is None or any(q.role == "killed" for q in earlier[attack].quantities):
        return
    numbers = _number_tokens(sent, find_numbers(sent.text, offset=sent.start_char))
    mention = _told_toll(sent, numbers) if numbers else None
    if mention is not None:
        toll: Quantity | None = _quantity(parsed, "killed", mention)
    else:
        toll = _died_of_wounds(parsed, sent, numbers)
    if toll is not None:
        event = earlier[attack]
        earlier[attack] = replace(event, quantities=(*event.quantities, toll))


def _link_died_under(parsed: ParsedArticle, sent: Span, events: list[Event]) -> None:
    """Count those who died of an act named as what they died of: "A man died under torture".

    ``events`` (the sentence's) is updated in place.
    """
    numbers: dict[int, NumberMention] | None = None
    for index, event in enumerate(events):
        trigger = parsed.doc_span(event.trigger)
        if (
            event.event_type != EventType.ASSAULT
            or trigger is None
            or any(q.role == "killed" for q in event.quantities)
        ):
            continue
        noun = trigger.root
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("under", "of", "from") else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _DEATH_VERBS:
            continue
        dead = [s for s in children(verb, "nsubj") for s in conjuncts(s)]
        if dead:
            if numbers is None:
                numbers = _number_tokens(sent, find_numbers(sent.text, offset=sent.start_char))
            toll = _headcount(parsed, "killed", dead, numbers)
            if toll is not None:
                events[index] = replace(event, quantities=(*event.quantities, toll))


def _died_of_wounds(parsed: ParsedArticle, sent: Span, numbers: dict[int, NumberMention]) -> Quantity | None:
    """Return the dead a sentence says died of what was done to them, as a count of the killed.

    "The man later succumbed to his wounds", "He died of his injuries", "The two shepherds
    were later found dead": those struck or taken before have died of it. Dying alone ("the
    leader died in 2010") is not a toll.
    """
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma == "find" and any(c.lower_ == "dead" for c in verb.children):
            # "the two shepherds were later found dead"
            found = [s for s in children(verb, "nsubjpass") for s in conjuncts(s)]
            if found:
                return _headcount(parsed, "killed", found, numbers)
        if verb.pos_ != "VERB" or lemma not in _DEATH_VERBS:
            continue
        causes = [o for p in children(verb, "prep") for o in children(p, "pobj")]
        if lemma == "die" and not any(o.lemma_.lower() in _WOUND_NOUNS for o in causes):
            continue
        subjects = [s for s in children(verb, "nsubj") for s in conjuncts(s)]
        if subjects:
            return _headcount(parsed, "killed", subjects, numbers)
    return None


# Verbs of dying of one's wounds ("succumbed"), and what "died of" must name to be a toll.
_DEATH_VERBS = frozenset({"die", "succumb"})
_WOUND_NOUNS = frozenset({"wound", "wounds", "injury", "injuries", "torture"})


def _in_attack(verb: Token, trigger: Token) -> bool:
    """Return whether a verb's clause happened in the attack ("died in an ambush")."""
    return any(
        pobj.i == trigger.i
        for prep in children(verb, "prep")
        if prep.lower_ in ("in", "during", "after")
        for pobj in children(prep, "pobj")
    )


def _is_when_clause(clause: Token) -> bool:
    """Tell whether an adverbial clause says when its head happened ("when", "as", "after")."""
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in _WHEN_WORDS for c in clause.children)


def link_quantities(
    parsed: ParsedArticle, sent: Span, events: Sequence[Event], book: FrameBook
) -> list[Event]:
    """Return ``events`` with the figures of their sentence linked to them."""
    if not events:
        return []
    # A sentence without a number still counts its victims: "a policeman was killed".
    numbers = _number_tokens(sent, find_numbers(sent.text, offset=sent.start_char))
    linked = []
    for event in events:
        trigger_span = parsed.doc_span(event.trigger)
        if trigger_span is None:
            linked.append(event)
            continue
        trigger = trigger_span.root
        quantities: dict[str, Quantity] = {}
        for verb, role in _role_verbs(trigger, event.event_type, sent, book):
            if role == "killed" and _is_either_toll(verb, book):
                continue  # "killed or wounded 20": how many died is not told
            counted = _headcount(parsed, role, _victims(verb), numbers)
            if counted is not None and role not in quantities:
                quantities[role] = counted
        noun = book.nouns.get(trigger.lemma_.lower()) if trigger.pos_ == "NOUN" else None
        if noun is not None and noun.role is not None:
            # "resulted in the killing of 5 IS militants, 1 PMF fighter": the noun's "of" counts.
            # Only a figure: "after the arrest of the leader" refers to an event, it counts none.
            counted = _headcount(parsed, noun.role, _of_victims(trigger), numbers, needs_figure=True)
            if counted is not None:
                quantities.setdefault(noun.role, counted)
        if event.event_type == EventType.ASSAULT and "killed" not in quantities and _is_fatal(trigger):
            # "was fatally stabbed": the stabbing killed its victim.
            counted = _headcount(parsed, "killed", _victims(trigger), numbers)
            if counted is not None:
                quantities["killed"] = counted
        if event.event_type == EventType.ASSAULT:
            for role, mention in _tolls(trigger, sent, numbers):
                quantities.setdefault(role, _quantity(parsed, role, mention))
            toll = None if "killed" in quantities else _toll_noun(parsed, trigger, sent, numbers)
            if toll is not None:
                quantities["killed"] = toll
        for token in trigger.subtree:
            attached = token.head.i == trigger.i or (
                token.head.dep_ == "prep" and token.head.head.i == trigger.i
            )
            if token.lemma_.lower() == "time" and attached:  # "struck ... (over) 100 times"
                mention = _figure(token, numbers)
                if mention is not None:
                    quantities["count"] = _quantity(parsed, "count", mention)
        if event.event_type in _SIZED and event.actors:
            actor_span = parsed.doc_span(event.actors[0].span)
            mention = _figure(actor_span.root, numbers) if actor_span is not None else None
            if mention is not None:
                quantities["size"] = _quantity(parsed, "size", mention)
        linked.append(replace(event, quantities=tuple(quantities.values())) if quantities else event)
    return linked
