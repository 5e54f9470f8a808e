"""Walks over the dependency parse that the coder shares: subjects, objects, phrases.

Works on spaCy tokens through their attributes only (``dep_``, ``head``, ``children``),
so the coder never imports spaCy itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE_PRONOUNS = {"WDT", "WP"}
# Dependents that start a new clause or a new participant: not part of an argument's phrase.
_PHRASE_CUT = {"relcl", "acl", "appos", "ccomp", "advcl", "parataxis", "xcomp"}
# Coordination is cut only at the head: "Kurdish and Iraqi forces" is one phrase, two actors.
_HEAD_CUT = {"conj", "cc"}
# Where-phrases say where a participant is, not who it is ("bases of the coalition in Iraq").
_LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "along", "around", "off", "within"}
# Verbs whose object does what follows ("urged the government to act"); with any other verb
# the subject does ("summoned the ambassador to protest": Iran protests).
_OBJECT_CONTROL = {
    "ask", "urge", "order", "force", "compel", "persuade", "allow", "permit", "invite", "call",
    "encourage", "push", "press", "pressure", "instruct", "tell", "warn", "advise", "help",
    "authorize", "authorise", "require", "request", "appeal", "implore", "beg", "oblige", "enable",
    "lead", "prompt", "cause", "get", "want", "expect", "need",
}  # fmt: skip
# Documents speak for whoever issued them.
_DOCUMENTS = {"statement", "declaration", "communique", "letter", "resolution", "message", "note", "appeal"}
_SUBJECT_SHARING = {"xcomp", "conj", "advcl", "acl", "pcomp"}


def conjuncts(token: Token) -> list[Token]:
    """Return the token and the heads it is coordinated with ("Jordan and Britain").

    In "Glass, a journalist, and Usayran, the son of the minister" the parser often hangs
    the second name on the first one's apposition; a name coordinated there is a conjunct.
    """
    found = [token, *(t for t in token.conjuncts if t.i > token.i)]
    for appos in children(token, "appos"):
        found += [t for t in appos.conjuncts if t.i > appos.i and t.pos_ == "PROPN"]
    return found


def phrase_bounds(token: Token) -> tuple[int, int]:
    """Return the token index range [start, end) of the noun phrase headed by ``token``.

    The phrase keeps determiners, modifiers and "of"-phrases but not relative clauses,
    appositions or coordinated heads, which are participants or clauses of their own.
    """
    kept = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            is_name = child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == current.i + 1
            if (child.dep_ in _PHRASE_CUT and not is_name) or (
                current.i == token.i and child.dep_ in _HEAD_CUT
            ):
                continue  # but "the tanker Khark-5" keeps its name: an appositive with no comma
            if child.dep_ == "prep" and (
                child.lower_ in _LOCATIVE
                or any(o.ent_type_ in ("DATE", "TIME") for o in children(child, "pobj"))
            ):
                continue  # "the British ambassador on Monday": when, not who
            kept.append(child)
            stack.append(child)
    indices = sorted(t.i for t in kept)
    # Keep the phrase contiguous around the head: a gap means a cut clause sat inside.
    start = token.i
    while start - 1 in indices:
        start -= 1
    end = token.i + 1
    while end in indices:
        end += 1
    doc = token.doc
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    # "the Islamic State (ISIS)": keep a parenthesis whole, or leave it out.
    opened = sum(t.text == "(" for t in doc[start:end]) - sum(t.text == ")" for t in doc[start:end])
    if opened > 0:
        if end < len(doc) and doc[end].text == ")":
            end += 1
        else:
            end = max(t.i for t in doc[start:end] if t.text == "(")
            while end - 1 > start and doc[end - 1].is_punct:
                end -= 1
    return start, end


def children(token: Token, *deps: str) -> Iterator[Token]:
    """Yield the children of ``token`` with one of the dependency labels ``deps``."""
    return (child for child in token.children if child.dep_ in deps)


def prep_objects(token: Token, preps: tuple[str, ...] | set[str] | frozenset[str]) -> list[Token]:
    """Return the objects of ``token``'s prepositions named in ``preps`` ("attack ON the base")."""
    found = []
    for prep in children(token, "prep", "agent", "dative"):
        if prep.lower_ in preps:
            found.extend(o for pobj in children(prep, "pobj") for o in conjuncts(pobj))
    return found


def is_passive(verb: Token) -> bool:
    """Return whether a verb is in the passive voice ("were kidnapped")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def shares_passive(verb: Token) -> bool:
    """Return whether a bare participle shares a passive verb's voice ("was shot and killed by").

    The parser hangs the subject on the first verb and the agent on the last; the bare
    participle coordinated with a passive has neither auxiliary nor subject of its own.
    """
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and is_passive(verb.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def is_bare_passive(verb: Token) -> bool:
    """Return whether a participle without an auxiliary tells what was done to its subject.

    After a preposition ("with 12 civilians killed and 20 wounded", "resulting in one fighter
    killed") or after a passive it is coordinated with ("a vehicle was destroyed and four
    soldiers killed"), the clause is passive, and the parser makes the sufferers its subject.
    """
    clause = verb.head if verb.dep_ == "conj" else verb
    return (
        (clause.dep_ == "pcomp" or (clause is not verb and verb.tag_ == "VBN" and is_passive(clause)))
        and verb.tag_ in ("VBN", "VBD")
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
    )


# Verbs that charge their object with an act told in an "of"/"for"/"with" gerund.
_CHARGING = frozenset({"accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce",
                       "suspect", "fault", "indict", "convict", "praise", "thank", "credit"})  # fmt: skip


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Return the subjects of ``verb``: its own, or the one it shares with the verb it depends on.

    Relative pronouns stand for the noun their clause modifies ("attacks, which have killed").
    Infinitives under verbs of asking take the asker's object ("urged the government to act").
    """
    if depth > 6:
        return []
    own = list(children(verb, "nsubj", "csubj"))
    marks = [m for m in children(verb, "mark") if m.i < verb.i]
    if len(own) > 1 and marks:
        # The parser hung two subjects on one verb ("The crowd, ..., since South Africa
        # declared"): the one after the verb's own "since" is its own.
        own = [c for c in own if c.i > marks[0].i] or own
    for child in own[:1]:
        if child.tag_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return conjuncts(verb.head)
        return conjuncts(child)
    for agent in children(verb, "agent"):
        return [o for pobj in children(agent, "pobj") for o in conjuncts(pobj)]
    if verb.dep_ == "relcl":
        return [] if is_passive(verb) else conjuncts(verb.head)
    if any(children(verb, "nsubjpass")) and verb.dep_ in ("advcl", "ccomp"):
        # "damaged by a raid 10 days before Abu al-Bukhoosh was attacked": a passive clause
        # with its own subject names no doer; it does not borrow the main clause's.
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":
        objects = list(children(head, "dobj"))
        if objects and head.lemma_.lower() in _OBJECT_CONTROL:
            return conjuncts(objects[0])
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
            return subjects(head.head, depth + 1)  # "Syria is willing to withdraw"
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.lemma_.lower() in _DOCUMENTS
        and head.dep_ == "dobj"
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return subjects(head.head, depth + 1)  # "X issued a declaration demanding ...": X demands
    if verb.dep_ in _SUBJECT_SHARING and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth + 1)
    if verb.dep_ == "pcomp" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        charged = list(children(head.head, "dobj"))
        if charged and head.lower_ in ("of", "for", "with") and head.head.lemma_.lower() in _CHARGING:
            # "accused Ukraine of striking a hospital": the one accused is who struck.
            return conjuncts(charged[0])
        return subjects(head.head, depth + 1)
    return []


def antecedent(token: Token) -> Token:
    """Return what a relative pronoun stands for ("raids ... in which 20 were killed" → raids)."""
    if token.tag_ not in RELATIVE_PRONOUNS:
        return token
    for dep, head in clause_ancestors(token):
        if dep == "relcl":
            return head
    return token


def governing_verb(token: Token) -> Token | None:
    """Return the verb a noun is the object of, directly or through one preposition."""
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return head
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if token.dep_ == "conj":
        return governing_verb(token.head)
    return None


def clause_ancestors(token: Token) -> Iterator[tuple[str, Token]]:
    """Yield (dependency label, head) pairs walking up from ``token`` to the sentence root."""
    current = token
    while current.head.i != current.i:
        yield current.dep_, current.head
        current = current.head


def has_negation(token: Token) -> bool:
    """Return whether ``token`` is negated ("did not attack", "never", "no attacks")."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


_MODAL_FORMS = {"wo": "will", "'ll": "will", "'d": "would", "ca": "can", "sha": "shall"}


def modal(token: Token) -> str | None:
    """Return the modal or future auxiliary of a verb, lower-cased ("will", "would", ...)."""
    for child in token.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            return _MODAL_FORMS.get(child.lower_, child.lower_)
    return None


def result_clause_of(token: Token) -> Token | None:
    """Return the verb a participial clause tells the result of, or None.

    "Gunmen attacked a police station, killing three policemen and wounding five": both
    "killing" and "wounding" tell the attack's toll; they have no subject of their own.
    """
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i and clause.head.tag_ == "VBG":
        clause = clause.head
    if clause.dep_ != "advcl" or token.tag_ != "VBG" or clause.tag_ != "VBG":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
        return None
    return clause.head
