"""Which phrases of a clause name participants: people, groups, institutions, states.

The object of an event verb is often not a participant but a thing ("confiscated weapons
from armed groups", "rejected calls by Kofi Annan", "demanded the withdrawal of Serbian
forces"). PLOVER codes the people or states behind it, so the coder looks through such a
phrase to the participants it names, and drops the phrase when it names none. When an act
has no participant on its receiving end at all ("shelled targets in Jericho", "imposed a
curfew in the town of Cizre"), PLOVER codes the place it was done to as the target.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dyad.coding.syntax import children, conjuncts
from dyad.model import EventType, Status

if TYPE_CHECKING:
    from spacy.tokens import Token

# Named-entity kinds that are participants: people, organisations, states and peoples, places
# (a town shelled is a target), facilities ("the base").
_AGENT_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
# "struck on Sunday", "hit on June 17": times and amounts are never participants.
NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Month names as the parser leaves them untagged before a day ("On Apr 23, gunmen killed").
_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})  # fmt: skip
# Reflexives repeat a participant already coded ("blew themselves up").
_PARTICIPANT_PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "us", "it", "i", "you"}
# Prepositions through which a thing names who is behind it or whom it concerns.
_THROUGH = (
    "of", "from", "by", "with", "to", "against", "among", "between", "for", "toward", "towards", "on", "into",
)  # fmt: skip
# Where an act was done: the place that stands in for its target.
_WHERE = ("in", "at", "into", "inside")
# Heads that only count or measure the participants ("thousands of Kurds", "a group of MPs").
_MEASURES = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
             "scores", "score", "number", "group", "crowd", "handful", "couple", "tens", "band",
             "majority", "minority", "most", "many", "some", "several", "all", "each", "both", "one",
             "part", "parts", "portion", "half", "rest",
             "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}  # fmt: skip

# An agent noun's sectors, or None when the word names no participant ("troops" → MIL).
AgentSectors = Callable[[str], tuple[str, ...] | None]
# The own armed forces an actor sends, withdraws or offers are not its recipients.
_MOVERS = {EventType.AID, EventType.MOBILIZE, EventType.RETREAT, EventType.AGREE}
_OWNERS = {"its", "their", "his", "her", "our"}
_SITES_TARGETED = {EventType.ASSAULT, EventType.COERCE}


def counted(token: Token) -> Token:
    """Return who a measure phrase counts: "Thousands of Iraqi Kurds" → Kurds."""
    current = token
    for _ in range(3):
        if not (current.like_num or current.lower_ in _MEASURES):
            break
        objects = [
            o for prep in children(current, "prep") if prep.lower_ == "of" for o in children(prep, "pobj")
        ]
        if not objects:
            break
        current = objects[0]
    return current


class Participants:
    """Tells participants from things, with the actor lexicon's agent nouns."""

    def __init__(self, agent_sectors: AgentSectors, installations: frozenset[str] = frozenset()) -> None:
        self.agent_sectors = agent_sectors
        self.installations = installations

    def is_agent_noun(self, word: str) -> bool:
        """Return whether a word names people or a body ("troops", "parliament", "coalition")."""
        return self.agent_sectors(word) is not None

    def recipients(
        self,
        trigger: Token,
        carrier: Token,
        candidates: list[Token],
        event_type: EventType,
        embed: Status | None,
    ) -> list[Token]:
        """Return the recipients of an act from its receiving phrases, else where PLOVER finds them.

        In order: participants the phrases name; whom a demand is made of; whom a promised
        act is for; the trigger's own prepositions; the place it was done in; the aim of its
        purpose clause; whom an ultimatum's condition names. An actor's own forces that it
        sends, offers or withdraws are never its recipients.
        """
        # An event noun's place and purpose hang on the verb it is the object of ("arrived in
        # Amman on a visit", "started a hunger strike to protest X").
        verb = carrier if carrier.pos_ in ("VERB", "AUX") else _clause_verb(trigger)
        if event_type in _MOVERS:
            candidates = [t for t in candidates if not self.is_own_force(t)]
        named = self.among(candidates)
        # "were kidnapped on the Awaz'i Road": beside a person or group struck, a road or site
        # named in "on" or "at" says where, not whom. (A state is a participant wherever named.)
        if any(t.ent_type_ not in _PLACE_ENTITIES for t in named):
            named = [t for t in named if not _is_site(t)]
        # "fired a missile at a commercial ship in the Red Sea": a site struck or seized is the
        # target before the place it lies in.
        sites = (
            [
                c
                for c in candidates
                if c.lemma_.lower() in self.installations or c.lower_ in self.installations
            ]
            if event_type in _SITES_TARGETED
            else []
        )
        return (
            named
            or sites
            or (self.addressees(trigger) if embed == Status.DEMANDED else [])
            or (self.complement(trigger) if embed is not None else [])
            or self.infinitive_subjects(trigger)
            or self.prepositional(trigger)
            or place_target(trigger)
            or place_target(verb)
            or self.purpose(verb)
            or (self.conditional(trigger) if event_type == EventType.THREATEN else [])
        )

    def is_own_force(self, token: Token) -> bool:
        """Return whether a phrase is the actor's own forces ("withdraw its troops").

        Forces owned by a pronoun, or bare forces sent ("contribute 4,000 troops to"), are the
        actor's own; forces named by a state or people ("trains Iraqi forces") are not.
        """
        sectors = self.agent_sectors(token.lemma_.lower()) or self.agent_sectors(token.lower_) or ()
        if "MIL" not in sectors:
            return False
        if any(c.lower_ in _OWNERS for c in children(token, "poss")):
            return True
        named = any(c.ent_type_ in _AGENT_ENTITIES for c in token.subtree if c.i != token.i)
        return token.dep_ == "dobj" and not named

    def is_participant(self, token: Token) -> bool:
        """Return whether a phrase head names a participant rather than a thing or an act."""
        if token.ent_type_ in NOT_PARTICIPANTS or token.like_num or _is_dated_month(token):
            return False  # "on Wednesday", "16", "on Apr 23": times and amounts
        if token.pos_ == "PRON":
            return token.lower_ in _PARTICIPANT_PRONOUNS
        if token.ent_type_ in _AGENT_ENTITIES or token.pos_ == "PROPN":
            return True
        if self.is_agent_noun(token.lemma_.lower()) or self.is_agent_noun(token.lower_):
            return True
        # "militia groups", "American retaliatory attacks", "a United Nations appeal": a
        # modifier names who it is.
        return any(
            child.ent_type_ in ("NORP", "GPE")
            or (
                child.dep_ == "compound"
                and (child.ent_type_ in _AGENT_ENTITIES or self.is_agent_noun(child.lower_))
            )
            for child in children(token, "amod", "compound", "nmod")
        )

    def within(self, token: Token, depth: int = 0) -> list[Token]:
        """Return the participants a phrase names: itself, or those it names through "of", "by", ...

        "calls by Kofi Annan" → Kofi Annan; "Saddam Hussein's proposal" → Saddam Hussein;
        "mediation efforts among Serbia's feuding republics" → Serbia; "weapons" → nobody.
        """
        head = counted(token)
        if self.is_participant(head):
            return [head]
        if depth >= 3 or head.lower_ == "behalf":
            return []  # "fighting on Moscow's behalf": whom it is for, not whom it is against
        for owner in children(head, "poss"):
            if self.is_participant(owner):
                return [owner]
        # "the demonstration staged by students", "weapons seized from UN peacekeepers": a
        # participle names who made the thing or whom it was taken from.
        preps = [*children(head, "prep")]
        for clause in children(head, "acl"):
            if clause.tag_ == "VBN":
                preps += [p for p in children(clause, "agent", "prep") if p.lower_ in ("by", "from")]
        # The first preposition that names anyone wins: "the withdrawal of Serbian forces from
        # Bosnia" is about the forces.
        for prep in sorted(preps, key=lambda t: t.i):
            if prep.lower_ not in _THROUGH:
                continue
            found = [
                p
                for pobj in children(prep, "pobj")
                for obj in conjuncts(pobj)
                for p in self.within(obj, depth + 1)
            ]
            if found:
                return found
        return []

    def among(self, tokens: list[Token]) -> list[Token]:
        """Return the participants that receiving phrases name, in order, once each."""
        found: list[Token] = []
        for token in tokens:
            for participant in self.within(token):
                if participant.i not in {f.i for f in found}:
                    found.append(participant)
        return found

    def _subjects_of(self, clause: Token) -> list[Token]:
        return self.among(
            [s for subject in children(clause, "nsubj", "nsubjpass") for s in conjuncts(subject)]
        )

    def addressees(self, trigger: Token) -> list[Token]:
        """Return whom a demand is made of: the subject of its clause ("demanded that Hamas renounce")."""
        for clause in children(trigger, "ccomp", "acl"):
            if clause.dep_ == "acl" and not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                continue  # "a demand to adhere": no one named
            found = self._subjects_of(clause)
            if found:
                return found
        return []

    def infinitive_subjects(self, trigger: Token) -> list[Token]:
        """Return whom an act lets or makes do something: "allowed Ouattara to participate".

        The parser reads "allow X to do" as a clause whose subject is X; X is the recipient.
        """
        for clause in children(trigger, "ccomp"):
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                found = self._subjects_of(clause)
                if found:
                    return found
        return []

    def complement(self, trigger: Token, depth: int = 0) -> list[Token]:
        """Return the recipients of the act a commitment or demand is about.

        "agreed to provide aid for Romania and Poland", "promised to continue military aid to
        Mozambique": PLOVER's AGREE or REQUEST is toward whoever the promised act is toward.
        """
        for clause in children(trigger, "xcomp"):
            objects = [o for obj in children(clause, "dobj") for o in conjuncts(obj)]
            found = (
                self.among(objects)
                or self.prepositional(clause)
                or (self.complement(clause, depth + 1) if depth < 2 else [])
            )
            if found:
                return found
        return []

    def purpose(self, trigger: Token) -> list[Token]:
        """Return whom an act's stated purpose is aimed at.

        "blocked roads to press their demands from President Bouteflika's government",
        "opened fire to disperse demonstrators".
        """
        for clause in children(trigger, "advcl"):
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                continue
            objects = [o for obj in children(clause, "dobj") for o in conjuncts(obj)]
            found = self.among(objects) or self.prepositional(clause)
            if found:
                return found
        return []

    def conditional(self, trigger: Token) -> list[Token]:
        """Return whom an ultimatum is aimed at: "threatened to strike unless Israel rescinded"."""
        for head in (trigger, *children(trigger, "xcomp")):
            for clause in children(head, "advcl"):
                if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                    found = self._subjects_of(clause)
                    if found:
                        return found
        return []

    def prepositional(self, trigger: Token) -> list[Token]:
        """Return participants in the trigger's own prepositions ("lift the curfew on Palestinians")."""
        for prep in sorted(children(trigger, "prep", "dative"), key=lambda t: t.i):
            if prep.lower_ not in _THROUGH or prep.lower_ in ("of", "by"):
                continue
            found = self.among([o for pobj in children(prep, "pobj") for o in conjuncts(pobj)])
            if found:
                return found
        return []


def _is_dated_month(token: Token) -> bool:
    """Return whether a token is a month with its day ("Apr 23", "23 April"), a time, not a party."""
    if token.lower_.rstrip(".") not in _MONTHS:
        return False
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.like_num for t in (*neighbours, *token.children))


def _clause_verb(token: Token) -> Token:
    """Return the verb whose clause a noun stands in ("remained on alert" → remained), or the noun."""
    current = token
    for _ in range(3):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            break
        current = current.head
    return current if current.pos_ in ("VERB", "AUX") else token


def _is_site(token: Token) -> bool:
    """Return whether a token is a road, site or area named in "on"/"at" ("on the Awaz'i Road")."""
    return token.ent_type_ in ("LOC", "FAC") and token.dep_ == "pobj" and token.head.lower_ in ("on", "at")


def place_target(trigger: Token) -> list[Token]:
    """Return the place an act was done in, as its target: "shelled targets in Jericho"."""
    for prep in _where_preps(trigger, depth=0):
        for pobj in children(prep, "pobj"):
            place = _named_place(pobj, depth=0)
            if place is not None:
                return [place]
    return []


def _where_preps(token: Token, depth: int) -> list[Token]:
    """Return the where-prepositions of a word and of its object's phrase, nearest first.

    "lifted a state of emergency in West Darfur": the place hangs on the object's "of"-noun.
    """
    found = [p for p in children(token, "prep") if p.lower_ in _WHERE]
    if depth < 3:
        # Down the object and its "of"-phrases only: "agreed ... after talks in Beijing" was
        # not done to Beijing.
        for child in children(token, "dobj", "pobj", "prep", "xcomp"):
            if child.dep_ == "prep" and child.lower_ != "of":
                continue
            found += _where_preps(child, depth + 1)
    return found


def _named_place(token: Token, depth: int) -> Token | None:
    """Return the named place a phrase is: "Jericho", "the town of Cizre" → Cizre.

    Also "the capital Kabul", "Montenegro province" and "targets in Jericho".
    """
    if token.ent_type_ in _PLACE_ENTITIES:
        return token
    for child in children(token, "appos", "compound"):
        if child.ent_type_ in _PLACE_ENTITIES:
            return child
    if depth >= 2:
        return None
    for prep in children(token, "prep"):
        if prep.lower_ in ("of", *_WHERE):
            for pobj in children(prep, "pobj"):
                place = _named_place(pobj, depth + 1)
                if place is not None:
                    return place
    return None
