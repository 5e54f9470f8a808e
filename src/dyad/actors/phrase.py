"""Deciding what one phrase is: its head, its modifiers, its owner and its "of" phrase."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyad.actors.document import Document, Match, Resolution
from dyad.actors.knowledge import KnowledgeBase, normalize
from dyad.model import ETHNICITY

if TYPE_CHECKING:
    from spacy.tokens import Token


# A place named with one of these words is a settlement, whose people act (CVL), not the
# seat of a government ("the town of Cizre", "the regional capital Juba").
SETTLEMENT_WORDS = frozenset(
    {"city", "town", "village", "regional", "provincial", "district", "suburb", "camp", "township"}
)
# "Israel's militia ally", "Iran's rivals": the owner names the other side of a relation,
# not the country of the one named.
_RELATIONAL = frozenset(
    {"ally", "allies", "enemy", "enemies", "rival", "rivals", "foe", "foes", "opponent", "opponents",
     "adversary", "adversaries", "neighbour", "neighbours", "neighbor", "neighbors", "proxy", "proxies"}
)  # fmt: skip
# Person nouns that say only that someone speaks or acts for a body, not which kind.
_GENERIC_HEADS = frozenset(
    {"official", "officials", "officer", "officers", "spokesman", "spokeswoman", "spokesperson",
     "member", "members", "agent", "agents", "representative", "representatives", "personnel"}
)  # fmt: skip
# Titles that make an unknown named person an official of the country the story is about.
_DOMESTIC_TITLES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "OPP", "ELI"})


def term_kind(kb: KnowledgeBase, key: str) -> str | None:
    """Return the lexicon kind (person, body, title, weapon) of ``key``."""
    term = kb.term(key)
    return term.kind if term is not None else None


class Phrase:
    """Resolve one noun phrase (mixed into ``ActorResolver``)."""

    kb: KnowledgeBase

    def resolve_phrase(self, tokens: list[Token], root: Token, document: Document) -> Resolution:
        """Resolve the phrase ``tokens`` (ending at its head ``root``) in ``document``."""
        if root.pos_ == "PRON":
            return self._pronoun(root, document)
        tokens = [t for t in tokens if not (t.dep_ == "det" and t.i != root.i)]
        matches = self.scan(tokens, document)
        head = next((m for m in matches if m.start <= root.i < m.end and m.kind in ("entry", "term")), None)
        if head is None and root.pos_ == "PROPN":
            # "Crown Prince Abdullah bin Abdul Aziz": a known name followed by more of the name.
            for m in reversed(matches):
                if (
                    m.kind == "entry"
                    and m.entries[0].is_person
                    and all(t.pos_ in ("PROPN", "PUNCT") for t in root.doc[m.end : root.i + 1])
                ):
                    head = m
                    break
        modifiers = [m for m in matches if m is not head and m.end <= root.i + 1]
        attributes = [m.attribute for m in matches if m.kind == "link"]
        owner = next((c for c in root.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)

        if owner is not None and root.lemma_.lower() in _RELATIONAL:
            # "Israel's militia ally" is not Israeli: drop the owner's words from the modifiers.
            modifiers = [m for m in modifiers if not (m.start <= owner.i < m.end)]
        country, country_by = self._modifier_country(modifiers, document)
        ally = next((m.entries[0] for m in matches if m.kind == "link" and m.entries), None)
        if country is None and ally is not None:
            country, country_by = ally.at(document.when)[0], "kb:ally"
        for match in modifiers:
            if match.kind == "entry" and match.entries[0].kind == "demonym":
                attributes += match.entries[0].attributes  # "Kurdish" → ethnicity:kurdish
        if owner is not None and country is None and root.lemma_.lower() not in _RELATIONAL:
            owned = document.resolve_root(owner)
            if owned.country is not None:
                country, country_by = owned.country, owned.resolved_by or "kb:country"

        sectors: tuple[str, ...] = ()
        name: str | None = None
        resolved_by: str | None = None
        is_person = root.pos_ == "PROPN" or root.ent_type_ == "PERSON"
        titles = frozenset(m.term_key for m in modifiers if m.kind == "term")
        is_country = False

        if head is not None and head.kind == "entry":
            entry = self._pick(head.entries, document.when)
            entry_country, sectors, _title = entry.at(document.when)
            name, is_person = entry.name, entry.is_person
            doc = root.doc
            titles = titles | {
                key
                for a in range(head.start, head.end)
                for b in range(a + 1, min(a + 3, head.end) + 1)
                if self.kb.term(key := normalize(doc[a:b].text)) is not None
            }
            attributes += entry.attributes
            is_country = entry.kind in ("country", "demonym")
            if entry.kind == "demonym":
                # "Iraqis", "the Palestinians": the people of a country; "a Palestinian", "one
                # Israeli": a person of it, no role told. A bare singular is the country.
                people = root.tag_ in ("NNS", "NNPS") or _is_one_of_many(root)
                name, sectors = None, ("CVL",) if people else ()
                is_country = not people
            if (
                entry_country is None
                and entry.kind in ("igo", "named")
                and country is not None
                and not entry.is_person
            ):
                pass  # a multinational body keeps no country even with a national modifier
            country = (
                entry_country if entry_country is not None or entry.kind in ("igo", "named") else country
            )
            resolved_by = {"named": "kb:named", "igo": "kb:igo"}.get(entry.kind, "kb:country")
            if entry.kind in ("igo", "named") and entry.is_person is False and root.pos_ == "PROPN":
                pass
            if not sectors:
                sectors = self._modifier_sectors(modifiers)
        elif head is not None and head.kind == "term":
            term = self.kb.term(head.term_key)
            sectors = term.sector if term else ()
            if head.term_key in _GENERIC_HEADS:
                # "intelligence officials", "police officers", "party officials": the body
                # named before a generic head says what they are.
                sectors = self._modifier_sectors(modifiers) or sectors
            titles = titles | {head.term_key}
            # Only the bare noun is an affiliation: "Cairo's security chief" is police (COP),
            # "a Hamas chief" takes Hamas's sectors.
            affiliation = self.kb.affiliations.get(head.term_key)
            if affiliation is not None or head.term_key.split()[-1] in self.kb.kin:
                org = self._organisation(root, modifiers, document, head)
                if org is not None and (org.country or org.sector):
                    country = country or org.country
                    if head.term_key.split()[-1] in self.kb.kin:
                        sectors = ("ELI",) if set(org.sector) & {"GOV", "MIL", "LEG", "JUD", "ELI"} else ()
                    elif org.sector:
                        sectors = org.sector
                    attributes += org.attributes
            if country is None:
                # "deputy prime minister of Saudi Arabia": the country in the "of" phrase.
                # "deputy prime minister of Saudi Arabia", "rebels in the Ivory Coast".
                for prep in root.children:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if prep.dep_ != "prep" or pobj is None:
                        continue
                    if prep.lower_ == "of" or prep.lower_ in ("in", "from", "throughout"):
                        owned = document.resolve_root(pobj)
                        # "Doctors from two American aid groups": where people come from is theirs.
                        if (
                            prep.lower_ in ("of", "from")
                            or owned.is_country
                            or owned.country
                            and not owned.sector
                        ):
                            country, country_by = owned.country, owned.resolved_by
                        if prep.lower_ == "of" and owned.name and not owned.is_person and not owned.country:
                            # "forces of the US-led coalition": the coalition's own forces.
                            name, attributes = owned.name, [*attributes, *owned.attributes]
                            country_by = owned.resolved_by
                        if country is not None or name is not None:
                            break
            resolved_by = (
                country_by
                if country is not None
                else self._join("sector-noun", country_by)
                if name is not None
                else "sector-noun"
            )
            is_person = is_person and term is not None and term.kind != "body"
            if root.pos_ == "PROPN" and term is not None and term.kind == "body":
                is_person = False
        else:
            # No KB name and no lexicon word at the head: the affiliation or kin noun, or an
            # unknown proper name with a title.
            noun = normalize(root.lemma_)
            if noun in self.kb.affiliations or noun in self.kb.kin:
                org = self._organisation(root, modifiers, document, None)
                if org is not None and org.is_resolved:
                    country = country or org.country
                    if noun in self.kb.kin:
                        sectors = ("ELI",) if set(org.sector) & {"GOV", "MIL", "LEG", "JUD", "ELI"} else ()
                    else:
                        sectors = org.sector or self.kb.affiliations.get(noun, ())
                    attributes += org.attributes
                    resolved_by = (
                        country_by
                        if country_by and country == country_by
                        else (org.resolved_by or "kb:country")
                    )
                else:
                    sectors = self.kb.affiliations.get(noun, ())
                    resolved_by = "sector-noun" if sectors else country_by
            if root.pos_ == "PROPN" or noun in self.kb.affiliations:
                sectors = sectors or self._modifier_sectors(modifiers)
            if root.pos_ == "PROPN":
                name = self._proper_name(tokens, root, matches)
                known = self._person(name, document) if " " in name or not (sectors or country) else None
                if known is not None and known.resolved_by != "coreference":
                    return replace(known, sector=known.sector or sectors, country=known.country or country)
                if sectors or country:
                    resolved_by = "sector-noun" if sectors else country_by
                else:
                    if known is not None:
                        return known
                    appositive = self._apposition(root, name, document)
                    if appositive is not None:
                        return appositive
            elif resolved_by is None and country is not None:
                resolved_by = country_by

        sectors = self._apply_modifiers(sectors, matches, attributes)
        if head is not None and head.kind == "term" and country is None:
            antecedent = self._definite(root, head.term_key, sectors, document)
            if antecedent is not None:
                return replace(
                    antecedent,
                    attributes=tuple(dict.fromkeys((*antecedent.attributes, *attributes))),
                    resolved_by=self._join(
                        resolved_by if resolved_by != "sector-noun" else None, "coreference"
                    ),
                )
        if root.pos_ == "PROPN" and is_person and resolved_by == "sector-noun":
            name = name or self._proper_name(tokens, root, matches)
            learned = self._apposition(
                root,
                name,
                document,
                base=Resolution(
                    name=name,
                    country=country,
                    sector=sectors,
                    attributes=tuple(attributes),
                    resolved_by=resolved_by,
                    is_person=True,
                    head=normalize(root.text),
                    titles=titles,
                ),
            )
            if learned is not None:
                return learned
        if country is None and not sectors and name is None and root.pos_ == "NOUN":
            referred = self._owner_or_antecedent(root, document)
            if referred is not None:
                if referred.country is not None:
                    self._learn_compound_name(root, referred.country, document)
                return referred
        if head is not None and head.kind == "term" and term_kind(self.kb, head.term_key) == "weapon":
            sectors = self._weapon_owner(sectors, modifiers, country)
        if country is None:
            country, sectors, found_by = self._fallback_country(
                tokens, root, sectors, attributes if name is None else [], document
            )
            resolved_by = self._join(resolved_by, found_by) if found_by else resolved_by
        elif (
            head is not None
            and head.kind == "entry"
            and head.entries[0].kind == "place"
            and any(t.lower_ in SETTLEMENT_WORDS for t in tokens)
        ):
            sectors = ("CVL",)  # "the southern regional capital Juba": a city, not a government
        if country is not None and name is None and self._by_ethnicity(matches, tokens, country):
            # "ethnic Albanians demonstrated in Serbia", "Kurdish fighters attacked a post in
            # Hakkari": a people is not a state; where they act decides (coding/coreference.py).
            resolved_by = self._join(resolved_by, ETHNICITY)
            if any(t.lower_ == "ethnic" for t in tokens):
                attributes.append(f"ethnicity:{root.lemma_.lower().removesuffix('s')}")
        result = Resolution(
            name=name,
            country=country,
            sector=sectors,
            attributes=tuple(dict.fromkeys(attributes)),
            resolved_by=resolved_by if (country or sectors or name) else None,
            is_person=is_person,
            is_plural=root.tag_ in ("NNS", "NNPS"),
            head=normalize(root.lemma_),
            titles=titles,
            is_country=is_country,
        )
        if root.pos_ == "PROPN" and name is not None and result.is_resolved:
            self._learn(name, result, document)
        elif root.pos_ == "NOUN" and country is not None and name is None:
            self._learn_compound_name(root, country, document)
        return result

    def _learn_compound_name(self, root: Token, country: str, document: Document) -> None:
        """Remember a thing's proper name with its owner's country for later bare mentions.

        "its Sassan field" is Iran's: a later bare "Sassan" is the same field, and Iran's.
        """
        names = [t for t in root.children if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if names and not any(t.ent_type_ in ("GPE", "NORP") for t in names):
            place = Resolution(country=country, resolved_by="coreference", head=normalize(names[-1].text))
            self._learn(" ".join(t.text for t in names), place, document)

    @staticmethod
    def _join(*parts: str | None) -> str:
        return "+".join(dict.fromkeys(p for p in parts if p))

    def _modifier_country(self, modifiers: list[Match], document: Document) -> tuple[str | None, str | None]:
        """Return the country of the nearest country-bearing modifier before the head."""
        for match in reversed(modifiers):
            if match.kind != "entry":
                continue
            entry = self._pick(match.entries, document.when)
            country, _, _ = entry.at(document.when)
            if country is not None:
                return country, {"named": "kb:named", "igo": "kb:igo"}.get(entry.kind, "kb:country")
        return None, None

    def _by_ethnicity(self, matches: list[Match], tokens: list[Token], country: str) -> bool:
        """Return whether ``country`` comes only from a people's name, not from a state's.

        "ethnic Albanians", "Kurdish fighters" (an ethnic demonym) yes; "Iraqi Kurds" no.
        """
        demonyms = [m for m in matches if m.kind == "entry" and m.entries[0].kind in ("demonym", "country")]
        if not demonyms:
            return False
        ethnic_word = any(t.lower_ == "ethnic" for t in tokens)
        return all(
            ethnic_word or any(a.startswith("ethnicity:") for a in m.entries[0].attributes) for m in demonyms
        )

    def _modifier_sectors(self, modifiers: list[Match]) -> tuple[str, ...]:
        """Return the sectors of the lexicon word or named body nearest the head."""
        for match in reversed(modifiers):
            if match.kind == "term":
                term = self.kb.term(match.term_key)
                if term is not None:
                    return term.sector
            if match.kind == "entry" and match.entries[0].kind in ("named", "igo", "institution"):
                sectors = match.entries[0].sector
                if sectors:
                    return sectors
        return ()

    def _apply_modifiers(
        self, sectors: tuple[str, ...], matches: list[Match], attributes: list[str]
    ) -> tuple[str, ...]:
        for match in matches:
            if match.kind == "link" and match.attribute and sectors and set(sectors) >= {"PRM", "REB"}:
                sectors = ("PRM",)  # a sponsored or aligned militia is not in opposition to its sponsor
            if match.kind != "modifier":
                continue
            modifier = self.kb.modifiers[match.term_key]
            if modifier.attribute:
                attributes.append(modifier.attribute)
            if modifier.prefer and set(sectors) & set(modifier.prefer):
                sectors = tuple(s for s in sectors if s in modifier.prefer)
            if modifier.sector and (not modifier.replaces or set(sectors) & set(modifier.replaces)):
                sectors = modifier.sector
        return sectors

    @staticmethod
    def _weapon_owner(
        sectors: tuple[str, ...], modifiers: list[Match], country: str | None
    ) -> tuple[str, ...]:
        """Return who fires a weapon: "Hezbollah rockets" are Hezbollah's, "Israeli rockets" MIL.

        A weapon with no owner in the phrase stays UAF: "rockets hit the base" names no one.
        """
        for match in reversed(modifiers):
            if (
                match.kind == "entry"
                and match.entries[0].kind in ("named", "igo")
                and match.entries[0].sector
            ):
                return match.entries[0].sector
        return ("MIL",) if country is not None else sectors

    def _fallback_country(
        self,
        tokens: list[Token],
        root: Token,
        sectors: tuple[str, ...],
        attributes: list[str],
        document: Document,
    ) -> tuple[str | None, tuple[str, ...], str | None]:
        """Find a country the KB names did not give: a leader, a place, the story's country.

        In order: "Vietnamese-led forces" (the leading state, for a force with no country of
        its own: the caller passes no ``attributes`` for a named body such as the multinational
        "US-led coalition"); a place inside the phrase from the gazetteer ("Darfur rebels", "Tel Aviv",
        a place as an actor being its people, CVL); and, for a named person with an
        official's title ("Judge Alejandro Rivera"), the country the article is about.
        """
        if sectors and sectors[0] not in ("UAF", "UNK"):
            leader = next((a.split(":", 1)[1] for a in attributes if a.startswith("led_by:")), None)
            if leader is not None:
                return leader, sectors, "led-by"
        place = self.place_country(tokens, root, document)
        if place is not None:
            country, is_root = place
            return country, sectors or (("CVL",) if is_root else ()), "gazetteer"
        if (
            root.pos_ == "PROPN"
            and root.ent_type_ in ("PERSON", "")
            and document.country is not None
            and set(sectors) & _DOMESTIC_TITLES
        ):
            return document.country, sectors, "document-country"
        return None, sectors, None


def _is_one_of_many(root: Token) -> bool:
    """Say whether a singular noun is counted as one of its kind: "a Palestinian", "one Israeli"."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in root.children
    )
