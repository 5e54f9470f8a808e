"""The ``actors.dictionary.v1`` stage: who each actor and recipient is.

For every actor phrase the coder found, the resolver reads the phrase's words and the parse
around its head, and fills in a canonical name, a country (ISO alpha-3, IGO, ...), PLOVER
sectors, attributes, and ``resolved_by``, the path that decided it:

* ``kb:named``, ``kb:igo``, ``kb:country``: the knowledge base knows the name, or a country
  name, demonym or possessive modifies the head ("the Iraqi government", "Kuwait's Crown Prince");
* ``sector-noun``: the head noun or a title gives the sector ("American journalist Charles Glass");
* ``apposition``: the article says who a person is ("Faleh al-Khazali, a Shiite MP");
  ``+document-country`` when only the sector was said and the country is the article's own;
* ``coreference``: a pronoun or short mention refers back to an earlier resolved one.

A country is never guessed: what the text does not support stays None.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from dyad.actors.knowledge import Entry, KnowledgeBase, load_knowledge, normalize
from dyad.model import Actor, Event, TextSpan
from dyad.nlp import ParsedArticle
from dyad.registry import stages

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

logger = logging.getLogger(__name__)

NAME = "actors.dictionary.v1"

# "Iran-aligned", "US-led", "government-sponsored": the first word is an ally or sponsor,
# not the actor's own country.
_LINK_WORDS = {
    "aligned": "aligned",
    "allied": "aligned",
    "affiliated": "aligned",
    "backed": "aligned",
    "sponsored": "aligned",
    "funded": "aligned",
    "supported": "aligned",
    "linked": "aligned",
    "led": "led_by",
    "run": "led_by",
    "controlled": "led_by",
    "dominated": "led_by",
}
_STATE_WORDS = {"state", "government"}
_SAY_LEMMAS = {"say", "add", "tell", "state", "announce", "insist", "declare", "continue", "reply", "note"}
_FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_THING_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
_QUOTES = {'"', "\u201c", "\u201d", "``", "''"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# How many sentences back a pronoun or short mention may reach.
_COREF_WINDOW = 4
_FUZZY_MIN = 88.0


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one mention was resolved to, with what the coreference step needs to match it."""

    name: str | None = None
    country: str | None = None
    sector: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    resolved_by: str | None = None
    is_person: bool = False
    is_plural: bool = False
    head: str = ""
    titles: frozenset[str] = frozenset()
    is_country: bool = False

    @property
    def is_resolved(self) -> bool:
        return self.country is not None or bool(self.sector)


_EMPTY = Resolution()


@dataclass(frozen=True, slots=True)
class _Match:
    """A run of words ``start..end`` (doc token indexes, end exclusive) found in the KB."""

    start: int
    end: int
    kind: str  # entry, term, link, modifier
    entries: tuple[Entry, ...] = ()
    term_key: str = ""
    attribute: str = ""


@dataclass(slots=True)
class _Mention:
    index: int
    sent: int
    is_subject: bool
    in_quote: bool
    resolution: Resolution


class _Document:
    """Per-article state: resolved mentions in order, learned names, the dominant country."""

    def __init__(self, resolver: ActorResolver, parsed: ParsedArticle) -> None:
        self.resolver = resolver
        self.parsed = parsed
        self.doc: Doc = parsed.doc
        published = parsed.article.published_at
        self.when: date | None = published.date() if published is not None else None
        self.text_key = " " + normalize(parsed.article.text) + " "
        self.sent_index = {}
        for i, sent in enumerate(self.doc.sents):
            for token in sent:
                self.sent_index[token.i] = i
        self.quoted = self._quoted_tokens()
        self.cache: dict[int, Resolution] = {}
        self.mentions: list[_Mention] = []
        self.learned: dict[str, Resolution] = {}
        self.country = self._dominant_country()
        for chunk in self.doc.noun_chunks:
            self.resolve_root(chunk.root, chunk.start)

    # --- document facts -------------------------------------------------------------------
    def _quoted_tokens(self) -> set[int]:
        inside, quoted = False, set()
        for token in self.doc:
            if token.text in _QUOTES:
                inside = not inside
                continue
            if inside:
                quoted.add(token.i)
        return quoted

    def _dominant_country(self) -> str | None:
        """Return the country the article is about: most mentioned, subjects counting double."""
        counts: Counter[str] = Counter()
        for chunk in self.doc.noun_chunks:
            weight = 2 if chunk.root.dep_ in _SUBJECT_DEPS else 1
            for match in self.resolver.scan(list(chunk), self):
                if match.kind == "entry" and match.entries[0].kind in ("country", "demonym", "place"):
                    counts[match.entries[0].country or ""] += weight
        counts.pop("", None)
        ranked = counts.most_common(2)
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[1][1] * 1.25 > ranked[0][1]:
            return None  # no clear winner: better no country than a guess
        return ranked[0][0]

    # --- resolution -------------------------------------------------------------------------
    def resolve_root(self, root: Token, start: int | None = None) -> Resolution:
        if root.i in self.cache:
            return self.cache[root.i]
        self.cache[root.i] = _EMPTY  # guards against cycles through possessives
        first = start if start is not None else root.left_edge.i
        tokens = [t for t in self.doc[min(first, root.i) : root.i + 1]]
        result = self.resolver.resolve_phrase(tokens, root, self)
        self.cache[root.i] = result
        if result.is_resolved:
            self.mentions.append(
                _Mention(
                    root.i,
                    self.sent_index.get(root.i, 0),
                    root.dep_ in _SUBJECT_DEPS,
                    root.i in self.quoted,
                    result,
                )
            )
        return result

    def earlier(self, index: int, *, window: int | None = _COREF_WINDOW) -> list[_Mention]:
        sent = self.sent_index.get(index, 0)
        return [m for m in self.mentions if m.index < index and (window is None or sent - m.sent <= window)][
            ::-1
        ]


class ActorResolver:
    """Resolve actor, recipient and speaker phrases against the actor knowledge base."""

    name = NAME

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # --- the stage ------------------------------------------------------------------------
    def __call__(self, parsed: ParsedArticle, events: Sequence[Event]) -> list[Event]:
        """Return ``events`` with their actors, recipients and speaker resolved."""
        if not events:
            return []
        document = _Document(self, parsed)
        out = []
        for event in events:
            speaker = self._resolve_actor(event.speaker, document, None)[0] if event.speaker else None
            actors = tuple(a for actor in event.actors for a in self._resolve_actor(actor, document, speaker))
            recipients = tuple(
                a for actor in event.recipients for a in self._resolve_actor(actor, document, speaker)
            )
            coded_by = event.coded_by if self.name in event.coded_by else (*event.coded_by, self.name)
            out.append(
                replace(event, actors=actors, recipients=recipients, speaker=speaker, coded_by=coded_by)
            )
        return out

    def resolve_span(self, parsed: ParsedArticle, span: TextSpan) -> list[Actor]:
        """Resolve one phrase of ``parsed`` (a convenience for tests and benchmarks)."""
        return self._resolve_actor(Actor(span=span), _Document(self, parsed), None)

    def _resolve_actor(self, actor: Actor, document: _Document, speaker: Actor | None) -> list[Actor]:
        span = document.parsed.doc_span(actor.span)
        if span is None or len(span) == 0:
            return [actor]
        parts = self._split(span)
        if len(parts) > 1:
            actors = []
            shared_country = None
            for tokens, root in parts:
                result = self.resolve_phrase(tokens, root, document)
                if result.country is None and shared_country is not None:
                    result = replace(result, country=shared_country)
                shared_country = shared_country or result.country
                # The evidence is this conjunct's contiguous words: "Kurdish" of "Kurdish and Iraqi forces".
                run = [tokens[0]]
                for token in tokens[1:]:
                    if token.i != run[-1].i + 1:
                        break
                    run.append(token)
                text_span = document.parsed.char_span(run[0].idx, run[-1].idx + len(run[-1]))
                actors.append(self._fill(Actor(span=text_span), result))
            return actors
        # English noun phrases are head-final: of the words attached outside the span, the last.
        outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
        root = outside[-1] if outside else span.root
        if root.lower_ in _FIRST_PERSON and speaker is not None and speaker.resolved_by is not None:
            return [
                replace(
                    actor,
                    name=speaker.name,
                    country=speaker.country,
                    sector=speaker.sector,
                    attributes=speaker.attributes,
                    resolved_by="coreference",
                )
            ]
        result = document.resolve_root(root, span.start)
        return [self._fill(actor, result)]

    @staticmethod
    def _fill(actor: Actor, result: Resolution) -> Actor:
        if not result.is_resolved:
            return actor
        return replace(
            actor,
            name=result.name,
            country=result.country,
            sector=result.sector,
            attributes=result.attributes,
            resolved_by=result.resolved_by,
        )

    @staticmethod
    def _split(span: Iterable[Token]) -> list[tuple[list[Token], Token]]:
        """Split a coordination into its conjuncts: "Kurdish and Iraqi forces" → two phrases."""
        tokens = list(span)
        inside = {t.i for t in tokens}
        root = next(t for t in tokens if t.head.i not in inside or t.head.i == t.i)
        conjuncts = [c for c in root.children if c.dep_ == "conj" and c.i in inside]
        if conjuncts:
            parts = []
            first_end = min(c.left_edge.i for c in conjuncts)
            head_tokens = [t for t in tokens if t.i < first_end and t.dep_ not in ("cc", "punct")]
            parts.append((head_tokens or [root], root))
            for conj in conjuncts:
                words = [t for t in tokens if conj.left_edge.i <= t.i <= conj.i]
                parts.append((words, conj))
            return parts
        for mod in root.children:
            if mod.i in inside and mod.i < root.i and mod.dep_ in ("amod", "compound", "nmod", "npadvmod"):
                mod_conj = [c for c in mod.children if c.dep_ == "conj" and c.i in inside and c.i < root.i]
                if mod_conj:
                    parts = [([mod, root], root)]
                    parts += [([c, *[t for t in tokens if c.i < t.i <= root.i]], root) for c in mod_conj]
                    return parts
        return [(tokens, root)]

    # --- reading one phrase -----------------------------------------------------------------
    def scan(self, tokens: list[Token], document: _Document | None) -> list[_Match]:
        """Find KB names, lexicon terms and link modifiers in ``tokens``, longest first."""
        matches: list[_Match] = []
        i, n = 0, len(tokens)
        while i < n:
            token = tokens[i]
            link = self._link(tokens, i)
            if link is not None:
                matches.append(link)
                i = tokens.index(document.doc[link.end - 1]) + 1 if document else i + 1
                continue
            found = None
            for j in range(min(n, i + self.kb.max_words + 2), i, -1):
                words = tokens[i:j]
                text = " ".join(t.text for t in words)
                key = normalize(text)
                if not key:
                    break
                entries = self.kb.lookup(text.replace(" - ", "-"), key)
                if not entries and document is not None and key in self.kb.weak:
                    entries = [
                        e for e in self.kb.weak[key] if any(f" {c} " in document.text_key for c in e.context)
                    ]
                if entries:
                    found = _Match(words[0].i, words[-1].i + 1, "entry", tuple(entries))
                    break
                lemma_key = normalize(" ".join([*(t.text for t in words[:-1]), words[-1].lemma_]))
                for candidate in (key, lemma_key):
                    if self.kb.term(candidate) is not None:
                        found = _Match(words[0].i, words[-1].i + 1, "term", term_key=candidate)
                        break
                if found:
                    break
                if j == i + 1 and key in self.kb.modifiers:
                    found = _Match(words[0].i, words[-1].i + 1, "modifier", term_key=key)
            if found:
                matches.append(found)
                i += found.end - found.start
            else:
                if "-" in token.text:  # "U.S.-flagged": the part before the hyphen
                    head, _, tail = token.text.rpartition("-")
                    entries = self.kb.lookup(head)
                    if entries and tail.lower() not in _LINK_WORDS:
                        matches.append(_Match(token.i, token.i + 1, "entry", tuple(entries)))
                i += 1
        return matches

    def _link(self, tokens: list[Token], i: int) -> _Match | None:
        """Match "Iran-aligned", "US-led", "pro-Iranian", "state-linked" at ``tokens[i]``."""
        token = tokens[i]
        if "-" in token.text and token.text not in ("-",):
            head, _, tail = token.text.rpartition("-")
            if head.lower() == "pro":
                return self._link_match(token.i, token.i + 1, tail, "aligned")
            if tail.lower() in _LINK_WORDS:
                return self._link_match(token.i, token.i + 1, head, _LINK_WORDS[tail.lower()])
        if i + 2 < len(tokens) and tokens[i + 1].text == "-":
            nxt = tokens[i + 2]
            if token.lower_ == "pro":
                return self._link_match(token.i, nxt.i + 1, nxt.text, "aligned")
            if nxt.lower_ in _LINK_WORDS:
                return self._link_match(token.i, nxt.i + 1, token.text, _LINK_WORDS[nxt.lower_])
        return None

    def _link_match(self, start: int, end: int, ally: str, relation: str) -> _Match | None:
        if ally.lower() in _STATE_WORDS:
            return _Match(start, end, "link", attribute="state-linked")
        entries = [e for e in self.kb.lookup(ally) if e.country]
        if not entries:
            return None
        return _Match(start, end, "link", attribute=f"{relation}:{entries[0].country}")

    # --- deciding -----------------------------------------------------------------------------
    def resolve_phrase(self, tokens: list[Token], root: Token, document: _Document) -> Resolution:
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

        country, country_by = self._modifier_country(modifiers, document)
        for match in modifiers:
            if match.kind == "entry" and match.entries[0].kind == "demonym":
                attributes += match.entries[0].attributes  # "Kurdish" → ethnicity:kurdish
        if owner is not None and country is None:
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
                # "Iraqis", "the Palestinians": the people of a country.
                name, sectors = None, ("CVL",) if root.tag_ in ("NNS", "NNPS") else ()
                is_country = root.tag_ not in ("NNS", "NNPS")
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
            titles = titles | {head.term_key}
            affiliation = self.kb.affiliations.get(head.term_key.split()[-1])
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
                        if prep.lower_ == "of" or owned.is_country or owned.country and not owned.sector:
                            country, country_by = owned.country, owned.resolved_by
                        if country is not None:
                            break
            resolved_by = country_by if country is not None else "sector-noun"
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
                return referred
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
        return result

    @staticmethod
    def _join(*parts: str | None) -> str:
        return "+".join(dict.fromkeys(p for p in parts if p))

    def _pick(self, entries: Sequence[Entry], when: date | None) -> Entry:
        """Choose among entries sharing a name: the one in office on ``when``, else the first."""
        if len(entries) == 1:
            return entries[0]
        covering = [e for e in entries if e.covers(when) and e.roles]
        return covering[0] if covering else entries[0]

    def _modifier_country(
        self, modifiers: list[_Match], document: _Document
    ) -> tuple[str | None, str | None]:
        """Return the country of the nearest country-bearing modifier before the head."""
        for match in reversed(modifiers):
            if match.kind != "entry":
                continue
            entry = self._pick(match.entries, document.when)
            country, _, _ = entry.at(document.when)
            if country is not None:
                return country, {"named": "kb:named", "igo": "kb:igo"}.get(entry.kind, "kb:country")
        return None, None

    def _modifier_sectors(self, modifiers: list[_Match]) -> tuple[str, ...]:
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
        self, sectors: tuple[str, ...], matches: list[_Match], attributes: list[str]
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

    def _organisation(
        self, root: Token, modifiers: list[_Match], document: _Document, head: _Match | None
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
    def _proper_name(tokens: list[Token], root: Token, matches: list[_Match]) -> str:
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

    def _person(self, name: str, document: _Document) -> Resolution | None:
        """Resolve a bare proper name: learned in this article, the KB (exact, then fuzzy)."""
        key = normalize(name)
        learned = document.learned.get(key) or document.learned.get(key.split()[-1] if key else "")
        if learned is not None:
            return replace(learned, resolved_by="coreference")
        entries = self.kb.lookup(name, key) if key else []
        if not entries and key:
            entries = self._fuzzy(key)
        if not entries:
            return None
        entry = self._pick(entries, document.when)
        country, sectors, _ = entry.at(document.when)
        result = Resolution(
            name=entry.name,
            country=country,
            sector=sectors,
            attributes=entry.attributes,
            resolved_by="kb:" + ("igo" if entry.kind == "igo" else "named"),
            is_person=entry.is_person,
            head=key.split()[-1],
        )
        self._learn(name, result, document)
        return result

    def _fuzzy(self, key: str) -> list[Entry]:
        """Fuzzy-match a person's name, only against aliases sharing the surname's first letters."""
        last = key.split()[-1]
        if len(last) < 4:
            return []
        best, best_score = None, _FUZZY_MIN
        for alias in self.kb.fuzzy_buckets.get(last[:3], ()):
            score = fuzz.ratio(key, alias) if " " in key else fuzz.ratio(last, alias.split()[-1])
            if score > best_score:
                best, best_score = alias, score
        return list(self.kb.names.get(best, ())) if best else []

    def _apposition(
        self, root: Token, name: str, document: _Document, base: Resolution | None = None
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
    def _learn(name: str, result: Resolution, document: _Document) -> None:
        key = normalize(name)
        if not key:
            return
        document.learned.setdefault(key, result)
        if result.is_person and " " in key:
            document.learned.setdefault(key.split()[-1], result)

    def _definite(
        self, root: Token, term_key: str, sectors: tuple[str, ...], document: _Document
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

    def _owner_or_antecedent(self, root: Token, document: _Document) -> Resolution | None:
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

    def _pronoun(self, root: Token, document: _Document) -> Resolution:
        word = root.lower_
        if word in _FIRST_PERSON:
            speaker = self._quote_speaker(root, document)
            return replace(speaker, resolved_by="coreference") if speaker is not None else _EMPTY
        earlier = document.earlier(root.i)
        if word in _PERSON_PRONOUNS:
            fits = [m for m in earlier if m.resolution.is_person and not m.resolution.is_plural]
        elif word in _THING_PRONOUNS:
            fits = [m for m in earlier if not m.resolution.is_person and not m.resolution.is_plural]
        elif word in _PLURAL_PRONOUNS:
            fits = [m for m in earlier if m.resolution.is_plural or not m.resolution.is_person]
        else:
            return _EMPTY
        fits = [m for m in fits if not m.in_quote or root.i in document.quoted]
        chosen = next((m for m in fits if m.is_subject), None) or (fits[0] if fits else None)
        if chosen is None:
            return _EMPTY
        return replace(chosen.resolution, resolved_by="coreference")

    def _quote_speaker(self, root: Token, document: _Document) -> Resolution | None:
        """Return who speaks a quote containing "we": the subject of its "said"."""
        if root.i not in document.quoted:
            return None
        sent = root.sent
        for token in sent:
            if token.lemma_ in _SAY_LEMMAS and token.i not in document.quoted:
                subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
                if subject is not None and subject.i != root.i:
                    found = document.resolve_root(subject)
                    if found.is_resolved:
                        return found
        return None


@stages.register(NAME)
def make_actor_resolver(actors: list[str] = []) -> ActorResolver:  # noqa: B006 - config lists are read-only
    """Build the actor resolver from the shipped knowledge base plus the user files ``actors``.

    Raises:
        ConfigError: a file is missing or malformed (the message names the file and line).
    """
    return ActorResolver(load_knowledge([Path(p) for p in actors]))
