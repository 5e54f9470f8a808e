"""The frame coder: finds event triggers in the parse and codes each as a PLOVER event.

For every sentence it looks up verbs and event nouns in the trigger frames, takes the
actor from the subject (or the agent of a passive, or the doer named on an event noun),
the recipient from the object and the frame's prepositions, the status from the
predicates that govern the trigger, and links casualty, size and count figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.actors.knowledge import load_knowledge
from dyad.coding.figures import link_quantities, link_told_toll
from dyad.coding.frames import Frame, FrameBook, load_frames
from dyad.coding.participants import NOT_PARTICIPANTS, Participants, counted
from dyad.coding.reported import ReportedSpeech
from dyad.coding.restatements import Trigger, drop_restatements
from dyad.coding.status import factuality
from dyad.coding.syntax import (
    children,
    conjuncts,
    governing_verb,
    has_negation,
    is_bare_passive,
    is_passive,
    modal,
    phrase_bounds,
    prep_objects,
    shares_passive,
    subjects,
)
from dyad.model import UNATTRIBUTED, Actor, Event, EventType, Status
from dyad.nlp import ParsedArticle
from dyad.registry import stages

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

STAGE_NAME = "coding.frames.v1"

# Prepositions that introduce a recipient for every frame of a type, beyond the frame's own.
_TYPE_PREPS: dict[EventType, tuple[str, ...]] = {
    EventType.ASSAULT: ("on", "against", "at", "targeting"),
    EventType.ACCUSE: ("against",),
    EventType.SANCTION: ("on", "against"),
    EventType.PROTEST: ("against",),
    EventType.CONSULT: ("with",),
    EventType.AGREE: ("with",),
    EventType.COOPERATE: ("with",),
    EventType.AID: ("to",),
    EventType.SUPPORT: ("for",),
    EventType.COERCE: ("on", "against"),
}
# Types a refusal turns into REJECT: "would not yield" is a refusal, not a negated concession.
_REFUSABLE = {EventType.CONCEDE, EventType.AGREE, EventType.RETREAT, EventType.SUPPORT,
              EventType.COOPERATE, EventType.AID, EventType.CONSULT}  # fmt: skip
_ENTITY_DOERS = {"NORP", "GPE", "ORG", "PERSON"}
# PLOVER codes a stated intention by its kind: to cooperate is AGREE, to do harm is THREATEN.
_COOPERATIVE = {EventType.AGREE, EventType.CONSULT, EventType.SUPPORT, EventType.CONCEDE,
                EventType.COOPERATE, EventType.AID, EventType.RETREAT}  # fmt: skip
_HARMFUL = {EventType.SANCTION, EventType.COERCE, EventType.ASSAULT, EventType.PROTEST, EventType.MOBILIZE}
_THREAT_MODES = {
    EventType.ASSAULT: "violence",
    EventType.SANCTION: "relations",
    EventType.MOBILIZE: "violence",
}
# Acts whose target may be a thing (an oilfield, a tanker) when no one is named.
_THINGS_TARGETED = {EventType.ASSAULT, EventType.COERCE}
# Participles used as nouns or attributes ("the wounded", "the seized boats") name no new act.
_NOMINAL_DEPS = {"amod", "nsubj", "nsubjpass", "dobj", "pobj", "compound", "attr"}


def _act_anchor(token: Token, book: FrameBook) -> Token:
    """Return the noun that stands in the clause for an event noun.

    "a mediation effort": the effort; "10 days of war games", "a series of strikes": the days,
    the series. Otherwise the event noun itself.
    """
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        return token.head
    measure = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and measure.lemma_.lower() in book.partitives:
        return measure
    return token


def _is_test(verb: Token) -> bool:
    """Return whether a verb is compounded with "test" ("test-fired", "test-launched")."""
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "test"


def _shared_object(verb: Token) -> list[Token]:
    """Return the object a verb shares with the verb it is coordinated with by "and".

    The parse hangs the object on the last verb only: in "shot and killed a young man" the man
    was shot too. A second verb with a subject of its own ("shot ... and police arrested two")
    shares nothing.
    """
    partners = [c for c in children(verb, "conj") if c.pos_ == "VERB" and not _has_own_subject(c)]
    if not partners or not any(c.dep_ == "cc" and c.lower_ == "and" for c in verb.children):
        return []
    return [o for obj in children(partners[0], "dobj") for o in conjuncts(obj)]


# Verbs whose subject undergoes the act named in their phrase: "died in the attack".
_UNDERGOING = frozenset({"die", "perish", "succumb", "suffer"})
# Modes of weapons that act without a crew of their own ("a car bomb exploded", "shells fell").
_MUNITIONS = frozenset({"explosives", "heavy-weapons"})


def _misread_clause(verb: Token) -> tuple[Token, Token] | None:
    """Return (subject, object) of a past verb the parser read as an adjective, else None.

    "The Syrian army controlled Otaya town", "HTS controlled Taqad village": with no verb
    to head the sentence, the parse makes "controlled" an adjective of the town. A past
    form between two noun phrases of a verbless sentence is its verb.
    """
    root = verb.sent.root
    target = verb.head
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or root.pos_ in ("VERB", "AUX"):
        return None
    if target.i < verb.i or target.pos_ not in ("NOUN", "PROPN"):
        return None
    before = [c for c in verb.children if c.i < verb.i and c.dep_ in ("npadvmod", "nsubj")]
    subject = before[0] if before else (root if root.i < verb.i and root.pos_ in ("NOUN", "PROPN") else None)
    if subject is None or subject.i == target.i:
        return None
    return subject, target


def _is_kicker(noun: Token) -> bool:
    """Say whether a noun ends a headline's kicker: the few words before a colon that open it."""
    doc = noun.doc
    start = noun.sent.start
    return (
        noun.i + 1 < len(doc)
        and doc[noun.i + 1].text == ":"
        and noun.i - start < 4
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[start : noun.i])
    )


def _is_required(word: Token, frame: Frame) -> bool:
    """Tell whether a word is one of the objects a frame requires ("control" a village)."""
    return word.lemma_.lower() in frame.requires_object or word.lower_ in frame.requires_object


def _has_own_subject(verb: Token) -> bool:
    """Tell whether a verb has a subject of its own (not one it shares through coordination)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _responsibility_claim(token: Token) -> Token | None:
    """Return the verb of "claimed responsibility for [the bombing]", or None."""
    if token.dep_ != "pobj" or token.head.lower_ != "for":
        return None
    noun = token.head.head
    verb = noun.head
    if noun.lemma_.lower() == "responsibility" and noun.dep_ == "dobj" and verb.lemma_.lower() in _CLAIMING:
        # "No group has claimed responsibility": no one took it.
        denied = has_negation(verb) or any(
            has_negation(s) or s.lower_ in ("nobody", "none") for s in subjects(verb)
        )
        return None if denied else verb
    return None


# Verbs with which a group takes an attack as its own.
_CLAIMING = {"claim", "take", "accept", "admit", "assume"}


class FrameCoder(ReportedSpeech):
    """Codes events from dependency frames; the first stage of the pipeline."""

    name = STAGE_NAME

    def __init__(self, book: FrameBook, participants: Participants) -> None:
        self.book = book
        self.participants = participants

    def __call__(self, parsed: ParsedArticle, events: Sequence[Event]) -> list[Event]:
        """Return ``events`` followed by the events coded in this window of the article."""
        coded: list[Event] = []
        for sent in parsed.doc.sents:
            sentence_events = self.code_sentence(parsed, sent)
            link_told_toll(parsed, sent, sentence_events, coded)
            coded.extend(sentence_events)
        return [*events, *coded]

    # -- triggers ---------------------------------------------------------------------------

    def frame_for(self, token: Token) -> Frame | None:
        """Return the frame ``token`` triggers in its context, or None."""
        book = self.book
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX"):
            misread = _misread_clause(token)
            if token.dep_ in _NOMINAL_DEPS and token.tag_ in ("VBN", "VBD", "JJ", "VBG") and misread is None:
                return None
            for child in token.children:
                # A preposition before the verb opens a phrase of its own ("On March 27th, ...").
                if child.dep_ in ("prt", "prep", "dobj", "acomp") and child.i > token.i:
                    frame = book.phrasal.get(f"{lemma} {child.lower_}")
                    if frame is not None and frame.requires_object:
                        # "took to the streets": the particle's object is what makes it an act.
                        objects = [*children(token, "dobj"), *children(child, "pobj")]
                        frame = frame if any(_is_required(o, frame) for o in objects) else None
                    if frame is not None:
                        return frame
            frame = book.verbs.get(lemma)
            if frame is None:
                return None
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if misread is not None:
                objects.append(misread[1])
            if frame.requires_object and not any(_is_required(o, frame) for o in objects):
                return None
            if frame.requires_subject and not any(
                counted(s).lemma_.lower() in frame.requires_subject for s in subjects(token)
            ):
                return None  # "leaders gathered in Brussels": no crowd, no protest
            if frame.is_transitive and misread is None and not any(o.dep_ == "dobj" for o in objects):
                return None  # "returned home" is no release
            if frame.requires_object_frame and any(
                self._noun_frame(c) for o in objects for c in conjuncts(o)
            ):
                return None  # "provide training": the noun codes the event
            if lemma == "strike" and not objects and self._strikers(subjects(token)):
                # "Around 100 workers of South Pars striked": workers strike by stopping work.
                return replace(frame, event_type=EventType.PROTEST, mode=("strike",), key="strike-labour")
            if frame.event_type == EventType.ASSAULT and _is_test(token):
                # "test-fired a ballistic missile": a show of force, not an attack.
                return replace(frame, event_type=EventType.MOBILIZE, mode=(), key=f"test-{frame.key}")
            return frame
        if token.pos_ in ("NOUN", "PROPN") and (
            token.dep_ != "compound" or token.head.lower_ in book.act_heads  # "a mediation effort"
        ):
            return self._noun_frame(token)
        return None

    def _noun_frame(self, token: Token) -> Frame | None:
        book = self.book
        frame = book.nouns.get(token.lower_) or book.nouns.get(token.lemma_.lower())
        if frame is None:
            return None
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        if frame.requires_modifier and not modifiers & set(frame.requires_modifier):
            return None
        verb = governing_verb(_act_anchor(token, book))  # "declared a state of emergency"
        if frame.requires_light_verb and (verb is None or verb.lemma_.lower() not in book.light_verbs):
            return None
        went_on = (
            token.dep_ == "pobj"
            and token.head.lower_ == "on"
            and token.head.head.lemma_.lower() in ("go", "be")
        )
        if token.lemma_.lower() == "strike" and (modifiers & book.labour_strike_modifiers or went_on):
            # "went on a strike", "are on strike": the labour idiom.
            mode = ("hunger",) if "hunger" in modifiers else ("strike",)
            return replace(frame, event_type=EventType.PROTEST, mode=mode, key="strike-labour")
        return frame

    def _strikers(self, people: list[Token]) -> bool:
        """Say whether those who strike are workers, who strike by stopping work."""
        return any(
            "LAB" in (self.participants.agent_sectors(counted(p).lemma_.lower()) or ()) for p in people
        )

    # -- arguments --------------------------------------------------------------------------

    def _verb_arguments(self, token: Token, frame: Frame) -> tuple[list[Token], list[Token]]:
        preps = (*frame.preps, *_TYPE_PREPS.get(frame.event_type, ()))
        misread = _misread_clause(token)
        if misread is not None:
            subject, target = misread
            return conjuncts(subject), [*conjuncts(target), *prep_objects(token, set(preps))]
        if is_passive(token) and frame.is_stance and not any(children(token, "agent")):
            # "Israel is opposed to French mediation": a stance held by the subject.
            actors = [o for subj in children(token, "nsubjpass") for o in conjuncts(subj)]
            recipients = []
        elif is_bare_passive(token):
            actors = []  # "with 12 civilians killed": the subject suffered the act
            recipients = [o for subj in children(token, "nsubj") for o in conjuncts(subj)]
        elif is_passive(token) or shares_passive(token):
            actors = [o for agent in children(token, "agent") for pobj in children(agent, "pobj")
                      for o in conjuncts(pobj)]  # fmt: skip
            if not actors:
                # "2 soldiers were killed and 1 was injured by an IED", "was shot and killed
                # by guards": one agent for both.
                actors = [o for verb in token.conjuncts if is_passive(verb) or shares_passive(verb)
                          for agent in children(verb, "agent") for pobj in children(agent, "pobj")
                          for o in conjuncts(pobj)]  # fmt: skip
            # A bare participle ("and killed") has its sufferer on the passive it joins.
            sufferer = token if is_passive(token) else token.head
            recipients = [o for subj in children(sufferer, "nsubjpass") for o in conjuncts(subj)]
            if not recipients and token.dep_ in ("acl", "relcl"):
                recipients = conjuncts(token.head)  # "vessels seized by Iran"
        else:
            actors = subjects(token)
            previous = None if token.is_sent_start else token.doc[token.i - 1]
            if (
                token.dep_ == "advcl"
                and token.tag_ == "VBG"
                and previous is not None
                and previous.pos_ in ("NOUN", "PROPN")
                and previous.dep_ in ("pobj", "dobj")
            ):
                actors = conjuncts(previous)  # "signatures from MPs calling for": a reduced relative
            recipients = [o for obj in children(token, "dobj", "dative") for o in conjuncts(obj)]
            if not recipients and not any(children(token, "prep")):
                recipients = _shared_object(token)  # "shot and killed a young man": both
            if not recipients and token.dep_ == "relcl" and actors and actors[0].i != token.head.i:
                recipients = conjuncts(token.head)  # "militia groups they blame": the groups
        recipients += prep_objects(token, set(preps))
        if frame.requires_object and frame.event_type == EventType.ASSAULT:
            # "launched four artillery shells at the Jobar neighborhood": the weapon is what was
            # launched, and its target the recipient, however the parser hangs the "at".
            weapons = [o for o in recipients if o.dep_ == "dobj" and _is_required(o, frame)]
            recipients = [o for o in recipients if o not in weapons]
            recipients += [t for weapon in weapons for t in prep_objects(weapon, set(preps))]
        for dobj in children(token, "dobj"):
            recipients += prep_objects(dobj, {"to"}) if frame.event_type == EventType.AID else []
        if frame.is_finding:
            # "police found the bodies of 5 men in Baghdad": the finders killed no one, and
            # the dead are the only recipients.
            actors = []
            recipients = [d for o in recipients if _is_required(o, frame) for d in prep_objects(o, {"of"})]
        if frame.event_type == EventType.ACCUSE and not recipients:
            # "alleged that rebels had executed 12 prisoners": the accused did what is alleged.
            recipients = [s for clause in children(token, "ccomp") for s in subjects(clause)]
        return actors, recipients

    def _noun_arguments(
        self, token: Token, frame: Frame, trigger_indices: set[int]
    ) -> tuple[list[Token], list[Token]]:
        preps = set(frame.preps) | set(_TYPE_PREPS.get(frame.event_type, ()))
        # "a mediation effort between X and Y": the act noun's head carries the arguments.
        token = _act_anchor(token, self.book)
        actors: list[Token] = []
        recipients: list[Token] = []
        for child in token.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in _ENTITY_DOERS
            ):
                actors.append(child)
        if _is_kicker(token):
            actors = []  # "Ukraine war: Russians fire ...": a headline's topic, not who acts
        actors += prep_objects(token, {"by"})
        claim = _responsibility_claim(token)
        if claim is not None and not actors:
            actors = subjects(claim)  # "IS claimed responsibility for the bombing"
        if (
            not actors
            and token.dep_ == "attr"
            and token.head.lemma_.lower() in ("be", "become", "appear", "seem")
        ):
            actors = subjects(token.head)  # "His remark was an endorsement": the remark's maker
        recipients += prep_objects(token, preps)
        for clause in children(token, "acl"):
            if clause.lemma_.lower() in ("target", "hit", "against"):
                recipients += [o for obj in children(clause, "dobj") for o in conjuncts(obj)]
        verb = governing_verb(token)
        # "launched artillery, mortar and rocket fire": a coordinated noun stands where the
        # first of its coordination does.
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        # The doer of "launched strikes" / "responded with strikes" is the verb's subject; not
        # so for "responding to the kidnapping", where the noun is what is responded to.
        takes_doer = first.dep_ == "dobj" or (
            first.dep_ == "pobj" and first.head.lower_ in ("with", "on", "in")
        )
        # "died under torture", "the town came under attack": the subject undergoes it.
        undergoes = first.dep_ == "pobj" and first.head.lower_ == "under"
        # "were converging for a rally": a verb that acts on nothing else gathers its subject
        # for the act (but "arrested for the attack" and "condemned X for it" do not).
        gathers = (
            token.dep_ == "pobj"
            and token.head.lower_ == "for"
            and verb is not None
            and verb.pos_ == "VERB"
            and not is_passive(verb)
            and not any(children(verb, "dobj"))
        )
        # When the governing verb is an event of its own ("signed an agreement", "halted
        # aid"), the noun is what that act is about, and its subject is that act's actor.
        if (
            verb is not None
            and not actors
            and verb.i not in trigger_indices
            and (
                (takes_doer and (verb.lemma_.lower() in self.book.light_verbs or frame.is_light))
                or undergoes
                or gathers
            )
        ):
            if undergoes or verb.lemma_.lower() in _UNDERGOING:
                recipients += subjects(verb)  # "seven people died in the attack": its victims
            else:
                actors = subjects(verb)
            # "held talks with X", "launched a mediation effort between X and Y": the parse
            # often hangs the noun's preposition on the light verb.
            recipients += prep_objects(verb, preps)
        happened = token.head if token.dep_ == "nsubj" and token.head.pos_ == "VERB" else None
        if happened is not None and happened.lemma_.lower() in self.book.occurrence_verbs:
            # "Clashes broke out between regime forces and rebels": the parties hang on the
            # verb that says the act happened.
            parties = prep_objects(happened, {"between"})
            if parties and not actors:
                actors, recipients = parties[:1], recipients + parties[1:]  # one side, then the other
            recipients += prep_objects(happened, preps - {"between"})
        if verb is not None and not recipients:
            for clause in children(verb, "advcl"):
                if clause.lemma_.lower() in ("target", "hit") and clause.tag_ == "VBG":
                    recipients += [o for obj in children(clause, "dobj") for o in conjuncts(obj)]
        return actors, recipients

    def _actors(self, parsed: ParsedArticle, tokens: list[Token], trigger: Token) -> tuple[Actor, ...]:
        seen: set[int] = set()
        actors = []
        for token in tokens:
            if (
                token.i in seen
                or token.i == trigger.i
                or token.like_num
                or token.lower_ in self.book.non_participants
                or token.ent_type_ in NOT_PARTICIPANTS
            ):
                continue
            seen.add(token.i)
            start, end = phrase_bounds(token)
            if start <= trigger.i < end and token.i != trigger.i and trigger.dep_ != "compound":
                start, end = token.i, token.i + 1
            span = token.doc[start:end]
            actors.append(Actor(span=parsed.text_span(span)))
        return tuple(actors)

    # -- events -----------------------------------------------------------------------------

    def code_sentence(self, parsed: ParsedArticle, sent: Span) -> list[Event]:
        """Return the events of one sentence."""
        triggers = [Trigger(t, f) for t in sent if (f := self.frame_for(t)) is not None]
        triggers, folded = drop_restatements(triggers)
        indices = {trigger.token.i for trigger in triggers}
        coded = [
            self._event(parsed, sent, trigger, indices, folded.get(trigger.token.i, []))
            for trigger in triggers
        ]
        events = [event for event, _ in coded if not self._is_vacuous(event)]
        references = {event.trigger.start_char for event, is_reference in coded if is_reference}
        events += self._reported_accusations(parsed, sent, triggers)
        events += self._reported_obligations(parsed, sent, indices)
        events = link_quantities(parsed, sent, events, self.book)
        # A bare event noun with no doer and no figure, in a circumstance ("after clashes") or
        # as what another act is about ("halted aid", "rejected an appeal"), is a reference to
        # an event, not a report of one; PLOVER codes only the act around it.
        return [e for e in events if e.trigger.start_char not in references or e.quantities]

    @staticmethod
    def _is_vacuous(event: Event) -> bool:
        """Return whether an event adds nothing: a request for a request."""
        return event.event_type == EventType.REQUEST and event.status == Status.DEMANDED

    def _event(
        self,
        parsed: ParsedArticle,
        sent: Span,
        trigger: Trigger,
        trigger_indices: set[int],
        folded: list[Trigger],
    ) -> tuple[Event, bool]:
        """Return the event of a trigger, and whether it is only a reference to an event."""
        token, frame = trigger.token, trigger.frame
        is_verb = frame.pos == "verb"
        if is_verb:
            actor_tokens, recipient_tokens = self._verb_arguments(token, frame)
        else:
            actor_tokens, recipient_tokens = self._noun_arguments(token, frame, trigger_indices)
        victims: list[Token] = []
        for restatement in folded:
            # "The raid killed eight workers": the workers are the raid's recipients; those of
            # a toll clause ("..., killing a man") only stand in when it names no one struck.
            _, restated = self._verb_arguments(restatement.token, restatement.frame)
            is_toll = restatement.token.dep_ == "advcl" and restatement.token.tag_ == "VBG"
            (victims if is_toll else recipient_tokens).extend(r for r in restated if r.i != token.i)
        anchor = _act_anchor(token, self.book)
        governor = governing_verb(anchor) if not is_verb else None
        # Someone who "came under attack" or "died under torture" was struck: an event told.
        undergone = anchor.dep_ == "pobj" and anchor.head.lower_ == "under" and bool(recipient_tokens)
        # A noun described by a clause of its own ("a rally ... to protest X") is an event told.
        is_reference = (
            not is_verb
            and not folded
            and not undergone
            and (
                (not actor_tokens and anchor.dep_ not in ("nsubj", "nsubjpass", "ROOT"))
                or (governor is not None and governor.i in trigger_indices)
            )
        )
        # An event noun takes the tense, mood and negation of the light verb that carries it:
        # "would tighten the blockade" is as future as "would blockade".
        carrier = token
        light = None if is_verb else governor
        if (
            light is not None
            and light.i not in trigger_indices
            and light.lemma_.lower() in self.book.light_verbs
        ):
            carrier = light
        facts = factuality(carrier, self.book, self.frame_for, is_verb=carrier.pos_ in ("VERB", "AUX"))
        event_type, status, rule = frame.event_type, facts.status, frame.rule
        mode = frame.mode
        if event_type == EventType.RETREAT and "withdraw" in mode and self._withdraws_presence(token):
            event_type, rule = EventType.SANCTION, f"{rule}+presence"
        if event_type == EventType.AID and is_verb and self._holds_ground(list(children(token, "dobj"))):
            # "handed over control of the village to regime forces", "gave up the town": ground
            # given away is a withdrawal from it, not aid.
            event_type, rule, mode = EventType.RETREAT, f"{rule}+ground", ("withdraw",)
        if (
            status == Status.NEGATED
            and event_type in _REFUSABLE
            and modal(carrier) in ("will", "would", "can", "could")
        ):
            event_type, status, rule, mode = EventType.REJECT, Status.ASSERTED, f"{rule}+refusal", ()
        if frame.verbal is not None and self._attacks_an_idea(token):
            # "the union attacked the loss figures": words, not force; and only someone can
            # say them ("the drought hit production" is no event at all).
            event_type, rule, mode = frame.verbal, f"{rule}+verbal", ()
            is_reference = is_reference or not any(
                self.participants.is_participant(counted(a)) for a in actor_tokens
            )
        if event_type == EventType.ASSAULT:
            mode = self._modes(token, actor_tokens, mode, fires=bool(frame.requires_object))
        speaker_token = facts.speaker
        if speaker_token is not None and (speaker_token.i == token.i or speaker_token in actor_tokens):
            speaker_token = None
        # A conditional "may halt X if Y" commits the speaker as much as "would": a threat or
        # a promise.
        is_conditional = any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless")
            for clause in children(carrier, "advcl")
            for c in clause.children
        )
        if facts.source in ("own", "planning") and (
            status == Status.PLANNED
            or (status == Status.HYPOTHETICAL and (modal(carrier) == "would" or is_conditional))
        ):
            # "will withdraw ... unless X arranges a ceasefire" is an ultimatum: a threat.
            is_ultimatum = any(
                c.dep_ == "mark" and c.lower_ == "unless"
                for clause in children(carrier, "advcl")
                for c in clause.children
            )
            if event_type in _COOPERATIVE and event_type != EventType.AGREE and not is_ultimatum:
                event_type, status, rule = EventType.AGREE, Status.ASSERTED, f"{rule}+intent"
                mode = ()
            elif event_type in _HARMFUL or is_ultimatum:
                threat_mode = _THREAT_MODES.get(event_type) or (mode[0] if mode else None)
                event_type, status, rule = EventType.THREATEN, Status.ASSERTED, f"{rule}+threat"
                mode = (threat_mode,) if threat_mode else ()
        elif facts.source == "own" and status == Status.DEMANDED and speaker_token is not None:
            # "Russia said Sudan must return the helicopter": Russia demands it of Sudan.
            recipient_tokens = actor_tokens
            actor_tokens, speaker_token = [speaker_token], None
            event_type, status, rule, mode = EventType.REQUEST, Status.ASSERTED, f"{rule}+demand", ()
        actor_tokens = [counted(t) for t in actor_tokens]
        # "suspended part of a military aid program for Bosnia": look past the measure first.
        candidates = [
            counted(t) for t in recipient_tokens if counted(t).lower_ not in self.book.non_participants
        ]
        if event_type == EventType.ASSAULT and any(c.dep_ == "pobj" for c in candidates):
            # "fired a missile at a ship": the missile is what was fired, the ship the target
            # (but "shot down a drone" keeps the drone).
            candidates = [
                c for c in candidates if not (c.dep_ == "dobj" and c.lemma_.lower() in self.book.instruments)
            ]
        recipient_tokens = self.participants.recipients(token, carrier, candidates, event_type, frame.embed)
        if victims and not self.participants.among(recipient_tokens):
            # "opened fire on a car, killing a man": the man is whom the attack struck.
            recipient_tokens = [*recipient_tokens, *self.participants.among(victims)]
        if not recipient_tokens and event_type in _THINGS_TARGETED:
            # "planes hit the field": an installation struck or seized is the target itself;
            # of "fired a missile at a ship", the ship.
            things = [t for t in candidates if t.lemma_.lower() not in self.book.instruments]
            sites = [t for t in things if t.lemma_.lower() in self.book.installations]
            recipient_tokens = sites or things
        context = frame.context
        if event_type == EventType.COERCE and "seize" in mode and self._holds_ground([*candidates, token]):
            # "captured the village", "took control of Nihm": occupying territory (CAMEO 192).
            context = tuple(dict.fromkeys((*context, "military", "territory")))
        actors = self._actors(parsed, actor_tokens, token)
        if not is_verb and _responsibility_claim(_act_anchor(token, self.book)) is not None:
            # Who claims an attack is its actor by their own word: say so on the actor.
            actors = tuple(replace(a, attributes=(*a.attributes, "claimed-responsibility")) for a in actors)
        if not actors and event_type == EventType.ASSAULT:
            actors = self._unattributed(parsed, token, is_verb)
        elif event_type == EventType.ASSAULT and all(self._is_ownerless_weapon(t) for t in actor_tokens):
            # "a car bomb exploded": a weapon of no one named stands for the unnamed attacker
            # ("Iraqi jets" are Iraq's).
            actors = self._weapons(parsed, actor_tokens)
        recipients = self._actors(parsed, recipient_tokens, token)
        speaker = None
        if speaker_token is not None:
            start, end = phrase_bounds(speaker_token)
            speaker = Actor(span=parsed.text_span(token.doc[start:end]))
        confidence = 0.5 + 0.2 * bool(actors) + 0.15 * bool(recipients) + 0.1 * is_verb
        event = Event(
            article_id=parsed.article.id,
            event_type=event_type,
            trigger=parsed.text_span(token),
            sentence=parsed.text_span(sent),
            rule=rule,
            mode=mode,
            context=context,
            status=status,
            actors=actors,
            recipients=recipients,
            speaker=speaker,
            confidence=round(min(confidence, 0.95), 2),
            coded_by=(STAGE_NAME,),
        )
        return event, is_reference

    def _holds_ground(self, objects: list[Token]) -> bool:
        """Tell whether what was seized is ground: a place name or a word for one ("the town").

        ``objects`` are the seized things and the trigger: "took control of the district",
        "taken control over the mountains": the ground is what the control is of or over.
        """
        heads = list(objects)
        # "control of a number of towns", "a string of mountains": two "of"s deep at most.
        for _ in range(2):
            heads += [
                o
                for t in heads
                for prep in children(t, "prep")
                if prep.lower_ in ("of", "over")
                for o in children(prep, "pobj")
                if o not in heads
            ]
        # "Jabal Hamam", "Tal al-Waz": the generic word opens the name.
        words = [*heads, *(c for h in heads if h.pos_ == "PROPN" for c in children(h, "compound"))]
        if any(
            w.ent_type_ in ("GPE", "LOC", "FAC")
            or w.lemma_.lower() in self.book.territories
            or w.lower_ in self.book.territories
            for w in words
        ):
            return True
        # "captured Ain Dara from YPG fighters": a name taken from someone is ground they held
        # ("seized weapons from the militants" takes a thing, and is no name).
        taken_from = any(prep.lower_ == "from" for t in objects for prep in children(t, "prep"))
        return taken_from and any(
            h.pos_ == "PROPN" and h.ent_type_ not in ("PERSON", "ORG", "NORP") for h in objects[:-1]
        )

    def _unattributed(self, parsed: ParsedArticle, token: Token, is_verb: bool) -> tuple[Actor, ...]:
        """Return the unnamed attacker of violence no one is said to have done, as PLOVER's UAF.

        "A roadside bombing ... killed one U.S. soldier", "was killed in a car bomb explosion":
        the attack or its weapon stands for an unidentified armed force; it is not guessed.
        """
        phrase = None
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in token.children)
        if (
            not is_verb
            and token.dep_ in ("nsubj", "nsubjpass", "ROOT")
            and not definite
            and not _is_kicker(token)
        ):
            # "The raid killed eight workers" refers back to a raid told before, and is merged
            # into it; only a new one ("A roadside bombing") gets an unnamed attacker here.
            phrase = phrase_bounds(token)
        elif is_verb and is_passive(token):
            for prep in children(token, "prep"):
                for pobj in children(prep, "pobj"):
                    if prep.lower_ in ("in", "by") and any(
                        t.lower_ in self.book.instruments for t in pobj.subtree
                    ):
                        phrase = phrase_bounds(pobj)
            # "were killed when a car bomb exploded": the weapon in the when-clause.
            for clause in children(token, "advcl"):
                for subject in children(clause, "nsubj"):
                    if phrase is None and any(t.lower_ in self.book.instruments for t in subject.subtree):
                        phrase = phrase_bounds(subject)
        if phrase is None:
            return ()
        span = parsed.text_span(token.doc[phrase[0] : phrase[1]])
        return (Actor(span=span, sector=("UAF",), attributes=("unattributed",), resolved_by=UNATTRIBUTED),)

    def _is_ownerless_weapon(self, word: Token) -> bool:
        # Munitions only: "unidentified planes" have a crew, an actor of their own.
        return self.book.instruments.get(word.lemma_.lower()) in _MUNITIONS and not any(
            t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") or t.dep_ == "poss"
            for t in word.subtree
        )

    @staticmethod
    def _weapons(parsed: ParsedArticle, subjects: list[Token]) -> tuple[Actor, ...]:
        """Return the unnamed attacker a weapon stands for, as the subject of its own act."""
        start, end = phrase_bounds(subjects[0])
        span = parsed.text_span(subjects[0].doc[start:end])
        return (Actor(span=span, sector=("UAF",), attributes=("unattributed",), resolved_by=UNATTRIBUTED),)

    def _attacks_an_idea(self, token: Token) -> bool:
        """Return whether a verb's direct objects are all ideas: no one, no place, no installation."""
        objects = [o for obj in children(token, "dobj") for o in conjuncts(obj)]
        return bool(objects) and not any(
            self.participants.is_participant(counted(o))
            or counted(o).lemma_.lower() in self.book.installations
            or counted(o).lower_ in self.book.installations
            for o in objects
        )

    def _withdraws_presence(self, token: Token) -> bool:
        """Return whether a withdrawal pulls out peacekeepers, inspectors or envoys, not troops."""
        for obj in children(token, "dobj", "nsubjpass"):
            words = {t.lower_ for t in obj.subtree} | {t.lemma_.lower() for t in obj.subtree}
            if words & self.book.withdrawable_presence:
                return True
        return False

    def _modes(
        self, token: Token, actor_tokens: list[Token], base: tuple[str, ...], *, fires: bool = False
    ) -> tuple[str, ...]:
        """Add the modes the event's instruments state ("with rockets and drones", "air raid").

        ``fires``: the verb acts only with a weapon as its object ("fired", "launched"), which
        states the mode however it is told ("A rocket was fired", "launched 20 shells on").
        """
        words = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        if fires:
            words += [t for obj in children(token, "dobj", "nsubjpass") for t in _noun_phrase(obj)]
        if token.dep_ == "advcl" and token.tag_ == "VBG":
            # "triggered a road-side bomb, killing 3": the toll's blow is its clause's object.
            words += [t for obj in children(token.head, "dobj", "nsubj") for t in _noun_phrase(obj)]
        passives = [v for v in token.conjuncts if is_passive(v)] if is_passive(token) else []
        for prep in [*children(token, "prep", "agent"), *(a for v in passives for a in children(v, "agent"))]:
            # "with rockets", "killed by an improvised explosive device"
            if prep.lower_ in ("with", "by", "using"):
                words += [t for t in prep.subtree]
            elif prep.lower_ in ("in", "during"):
                # "killed in an IED explosion", "during an airstrike": the blow's own phrase
                # (not a place after it: "killed in Gaza, where airstrikes ...").
                words += [t for pobj in children(prep, "pobj") for t in _noun_phrase(pobj)]
        for clause in children(token, "advcl", "xcomp"):
            if clause.lemma_.lower() == "use":  # "attacked using a rocket"
                words += [t for obj in children(clause, "dobj") for t in obj.subtree]
            elif any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as") for c in clause.children):
                # "were injured when their vehicle struck a landmine"
                words += [t for arg in children(clause, "nsubj", "dobj") for t in _noun_phrase(arg)]
        if any(children(token, "prep")):
            # "fired artillery shells at soldiers": with a target named, the object is what was
            # fired (but "destroyed a tank" names the target, no weapon).
            words += [
                t
                for obj in children(token, "dobj")
                if obj.lemma_.lower() in self.book.instruments or obj.lower_ in self.book.instruments
                for t in obj.subtree
            ]
        for actor in actor_tokens:
            words += [t for t in actor.subtree if t.i >= actor.i - 3]
        modes = list(base)
        for word in words:
            mode = self.book.instruments.get(word.lower_)
            if mode and mode not in modes:
                modes.append(mode)
        return tuple(modes)


def _noun_phrase(noun: Token) -> list[Token]:
    """Return a noun and the words that name its kind: "a suspected IS IED explosion"."""
    return [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod"))]


@stages.register(STAGE_NAME)
def make_frame_coder(frames: list[str] | None = None) -> FrameCoder:
    """Build the frame coder from the shipped frames plus the user's ``frames`` files.

    Raises:
        ConfigError: a frames file is missing or malformed.
    """
    lexicon = load_knowledge()

    def agent_sectors(word: str) -> tuple[str, ...] | None:
        # A lexicon noun for people or bodies ("troops", "parliament"), or a word that names
        # an actor by itself ("coalition", "Hezbollah").
        term = lexicon.term(word)
        if term is not None:
            return term.sector if term.kind in ("person", "body") else None
        entries = lexicon.names.get(word) or lexicon.weak.get(word)
        return tuple(s for e in entries for s in e.sector) if entries else None

    book = load_frames([Path(f) for f in frames or []])
    return FrameCoder(book, Participants(agent_sectors, book.installations))
