"""Within-document coreference: pronouns, short names and definite descriptions."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyad.actors.document import EMPTY, SUBJECT_DEPS, Document, Resolution
from dyad.actors.knowledge import KnowledgeBase, normalize

if TYPE_CHECKING:
    from spacy.tokens import Token

_SAY_LEMMAS = {"say", "add", "tell", "state", "announce", "insist", "declare", "continue", "reply", "note"}
FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_THING_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}


class Coreference:
    """Refer a mention back to an earlier resolved one (mixed into ``ActorResolver``)."""

    kb: KnowledgeBase

    def _definite(
        self, root: Token, term_key: str, sectors: tuple[str, ...], document: Document
    ) -> Resolution | None:
        """Resolve "the Ministry", "the Crown Prince", "the Shiite lawmaker" to an earlier mention."""
        determiner = next((c.lower_ for c in root.children if c.dep_ == "det"), None)
        if determiner not in ("the", "this", "that", "these", "those") or any(
            c.lower_ in ("foreign", "other", "some", "all") and c.lower_ not in term_key.split()
            for c in root.children
        ):
            return None  # only a definite description refers back ("the Ministry", not "drones")
        if root.pos_ == "PROPN" and any(
            c.dep_ == "compound"
            and c.pos_ == "PROPN"
            and c.i < root.i
            and normalize(c.text) not in term_key.split()
            for c in root.children
        ):
            return None  # "Foreign Undersecretary Suleiman al-Shaheen" is a name with a title
        term = self.kb.term(term_key)
        is_body = term is not None and term.kind == "body"
        last_word = term_key.split()[-1]
        earlier = document.earlier(root.i)
        for mention in document.earlier(root.i, window=None):
            r = mention.resolution
            if r.country is None and not r.name:
                continue
            if r.head == last_word or last_word in r.titles or term_key in r.titles:
                return r
        if not sectors:
            return None
        for mention in earlier:
            r = mention.resolution
            if (
                r.country is not None
                and set(r.sector) & set(sectors)
                and r.is_person == (not is_body)
                and not r.is_plural
                and root.tag_ not in ("NNS", "NNPS")
            ):
                return replace(r, name=r.name if not is_body else None)
        if is_body or (sectors and sectors[0] == "GOV"):
            # "Kuwait ... rejected charges ... the Foreign Ministry said": a state body with
            # no country belongs to the state that is the subject of the story so far.
            for mention in document.earlier(root.i, window=None):
                r = mention.resolution
                if mention.is_subject and r.is_country and r.country is not None:
                    return Resolution(
                        country=r.country,
                        sector=sectors,
                        resolved_by="coreference",
                        head=normalize(root.lemma_),
                        titles=frozenset({term_key}),
                    )
        return None

    def _owner_or_antecedent(self, root: Token, document: Document) -> Resolution | None:
        """Resolve an unknown common noun through its owner or an earlier mention.

        "its warplanes", "His remark": the owner named by the possessive pronoun. "the field"
        after "Abu Dhabi's offshore Abu al-Bukhoosh oilfield": the earlier mention whose head
        ends in the same noun.
        """
        owner = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None:
            owned = self._pronoun(owner, document)
            return replace(owned, resolved_by="coreference") if owned.is_resolved else None
        determiner = next((c.lower_ for c in root.children if c.dep_ == "det"), None)
        if determiner not in ("the", "this", "that"):
            return None
        head = normalize(root.lemma_)
        for mention in document.earlier(root.i):
            r = mention.resolution
            if r.is_resolved and r.head.endswith(head):  # "oilfield" ... "the field"
                return replace(r, resolved_by="coreference")
        return None

    def _pronoun(self, root: Token, document: Document) -> Resolution:
        word = root.lower_
        if word in FIRST_PERSON:
            speaker = self._quote_speaker(root, document)
            return replace(speaker, resolved_by="coreference") if speaker is not None else EMPTY
        earlier = document.earlier(root.i)
        if word in _PERSON_PRONOUNS:
            fits = [m for m in earlier if m.resolution.is_person and not m.resolution.is_plural]
        elif word in _THING_PRONOUNS:
            fits = [m for m in earlier if not m.resolution.is_person and not m.resolution.is_plural]
        elif word in _PLURAL_PRONOUNS:
            fits = [m for m in earlier if m.resolution.is_plural or not m.resolution.is_person]
        else:
            return EMPTY
        fits = [m for m in fits if not m.in_quote or root.i in document.quoted]
        chosen = next((m for m in fits if m.is_subject), None) or (fits[0] if fits else None)
        if chosen is None:
            return EMPTY
        return replace(chosen.resolution, resolved_by="coreference")

    def _quote_speaker(self, root: Token, document: Document) -> Resolution | None:
        """Return who speaks a quote containing "we": the subject of its "said"."""
        if root.i not in document.quoted:
            return None
        sent = root.sent
        for token in sent:
            if token.lemma_ in _SAY_LEMMAS and token.i not in document.quoted:
                subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None and subject.i != root.i:
                    found = document.resolve_root(subject)
                    if found.is_resolved:
                        return found
        return None
