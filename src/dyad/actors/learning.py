"""In-document learning: who a person is from the article itself ("X, a Shiite MP").

Also the bare proper names found in the knowledge base, exactly or fuzzily, and the
organisation a member, official or relative belongs to.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyad.actors.document import Document, Match, Resolution
from dyad.actors.knowledge import KnowledgeBase, normalize

if TYPE_CHECKING:
    from spacy.tokens import Token


class Learning:
    """Names, appositions and affiliations (mixed into ``ActorResolver``)."""

    kb: KnowledgeBase

    def _organisation(
        self, root: Token, modifiers: list[Match], document: Document, head: Match | None
    ) -> Resolution | None:
        """Return the body a member/son/official belongs to: a modifier or the "of" phrase."""
        for match in reversed(modifiers):
            if match.kind == "entry":
                entry = self._pick(match.entries, document.when)
                country, sectors, _ = entry.at(document.when)
                if entry.kind in ("named", "igo", "institution") or country:
                    return Resolution(
                        name=entry.name,
                        country=country,
                        sector=sectors,
                        attributes=entry.attributes,
                        resolved_by="kb:"
                        + entry.kind.replace("institution", "country")
                        .replace("demonym", "country")
                        .replace("place", "country"),
                    )
            if match.kind == "term" and (head is None or match is not head):
                term = self.kb.term(match.term_key)
                if term is not None:
                    return Resolution(sector=term.sector, resolved_by="sector-noun")
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "from", "in"):
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return document.resolve_root(objects[0])
        return None

    @staticmethod
    def _proper_name(tokens: list[Token], root: Token, matches: list[Match]) -> str:
        """Return the run of proper-noun words ending at ``root``, without titles before it."""
        covered = {
            i for m in matches if m.kind in ("term", "entry", "modifier") for i in range(m.start, m.end)
        }
        words: list[Token] = []
        for token in reversed([t for t in tokens if t.i <= root.i]):
            if token.i != root.i and (
                token.i in covered
                or token.pos_ not in ("PROPN", "PUNCT")
                or token.dep_ == "poss"
                or token.tag_ == "POS"
            ):
                break
            words.append(token)
        words.reverse()
        while words and words[0].pos_ == "PUNCT":
            words.pop(0)
        return "".join(t.text_with_ws for t in words).strip() or root.text

    def _person(self, name: str, document: Document) -> Resolution | None:
        """Resolve a bare proper name: learned in this article, the KB (exact, then fuzzy)."""
        key = normalize(name)
        learned = document.learned.get(key) or document.learned.get(key.split()[-1] if key else "")
        if learned is not None:
            return replace(learned, resolved_by="coreference")
        entries = self.kb.lookup(name, key) if key else []
        how = "kb:named"
        if not entries and key:
            entries, how = self._fuzzy(key), "kb:named+fuzzy"
        if not entries:
            return None
        entry = self._pick(entries, document.when)
        country, sectors, _ = entry.at(document.when)
        result = Resolution(
            name=entry.name,
            country=country,
            sector=sectors,
            attributes=entry.attributes,
            resolved_by=how.replace("named", "igo") if entry.kind == "igo" else how,
            is_person=entry.is_person,
            head=key.split()[-1],
        )
        self._learn(name, result, document)
        return result

    def _apposition(
        self, root: Token, name: str, document: Document, base: Resolution | None = None
    ) -> Resolution | None:
        """Learn who a person is from "X, a Shiite MP" or "X, who is deputy prime minister of Y"."""
        described = None
        for child in root.children:
            if child.dep_ == "appos":
                described = document.resolve_root(child)
            elif child.dep_ == "relcl" and child.lemma_ == "be":
                attr = next((c for c in child.children if c.dep_ == "attr"), None)
                if attr is not None:
                    described = document.resolve_root(attr)
            if described is not None and described.is_resolved:
                break
        if described is None or not described.is_resolved:
            return None
        country, how = described.country, "apposition"
        if "document-country" in (described.resolved_by or ""):
            how = "apposition+document-country"  # "a Shiite MP": the sector said, the country assumed
        if base is not None and base.country is not None:
            country = base.country
        if country is None and document.country is not None:
            country, how = document.country, "apposition+document-country"
        result = Resolution(
            name=name,
            country=country,
            sector=described.sector or (base.sector if base else ()),
            attributes=tuple(dict.fromkeys((*(base.attributes if base else ()), *described.attributes))),
            resolved_by=how,
            is_person=True,
            head=normalize(root.text),
            titles=described.titles | {described.head} | (base.titles if base else frozenset()),
        )
        self._learn(name, result, document)
        return result

    @staticmethod
    def _learn(name: str, result: Resolution, document: Document) -> None:
        key = normalize(name)
        if not key:
            return
        document.learned.setdefault(key, result)
        if result.is_person and " " in key:
            document.learned.setdefault(key.split()[-1], result)
