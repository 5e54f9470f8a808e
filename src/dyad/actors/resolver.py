"""The ``actors.dictionary.v1`` stage: who each actor and recipient is.

For every actor phrase the coder found, the resolver reads the phrase's words and the parse
around its head, and fills in a canonical name, a country (ISO alpha-3, IGO, ...), PLOVER
sectors, attributes, and ``resolved_by``, the path that decided it:

* ``kb:named``, ``kb:igo``, ``kb:country``: the knowledge base knows the name, or a country
  name, demonym or possessive modifies the head ("the Iraqi government", "Kuwait's Crown Prince");
* ``kb:ally``: the phrase is for or led by a leader or group the knowledge base knows
  ("pro-Hadi forces", "Houthi-led fighters"), and takes its country;
* ``sector-noun``: the head noun or a title gives the sector ("American journalist Charles Glass");
* ``apposition``: the article says who a person is ("Faleh al-Khazali, a Shiite MP");
  ``+document-country`` when only the sector was said and the country is the article's own;
* ``coreference``: a pronoun or short mention refers back to an earlier resolved one.

A country is never guessed: what the text does not support stays None.

The work is split by what it holds: ``phrase`` (deciding one phrase), ``matching`` (KB and
lexicon look-ups), ``learning`` (appositions, names), ``coreference`` (pronouns, short
mentions, definite descriptions) and ``document`` (per-article state).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dyad.actors.coreference import FIRST_PERSON, Coreference
from dyad.actors.document import Document, Resolution
from dyad.actors.knowledge import KnowledgeBase, load_knowledge, normalize
from dyad.actors.learning import Learning
from dyad.actors.matching import Matching
from dyad.actors.phrase import Phrase
from dyad.errors import ConfigError
from dyad.model import UNATTRIBUTED, Actor, Event, TextSpan
from dyad.nlp import ParsedArticle
from dyad.registry import stages

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyad.geo.gazetteer import Gazetteer

logger = logging.getLogger(__name__)

NAME = "actors.dictionary.v1"


class ActorResolver(Phrase, Matching, Learning, Coreference):
    """Resolve actor, recipient and speaker phrases against the actor knowledge base."""

    name = NAME

    def __init__(self, kb: KnowledgeBase, places: Gazetteer | None = None) -> None:
        self.kb = kb
        self.places = places

    # --- the stage ------------------------------------------------------------------------
    def __call__(self, parsed: ParsedArticle, events: Sequence[Event]) -> list[Event]:
        """Return ``events`` with their actors, recipients and speaker resolved."""
        if not events:
            return []
        document = Document(self, parsed)
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
        return self._resolve_actor(Actor(span=span), Document(self, parsed), None)

    def resolve_in(self, document: Document, actor: Actor) -> list[Actor]:
        """Resolve one phrase within an already read ``document`` (split if it is a compound)."""
        return self._resolve_actor(actor, document, None)

    def _resolve_actor(self, actor: Actor, document: Document, speaker: Actor | None) -> list[Actor]:
        if actor.resolved_by == UNATTRIBUTED:
            return [actor]  # the coder's unnamed attacker: nothing in its words says who
        span = document.parsed.doc_span(actor.span)
        if span is None or len(span) == 0:
            return [actor]
        named = self._exact_name(span, document)
        if named is not None:
            return [self._fill(actor, named)]
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
        if root.lower_ in FIRST_PERSON and speaker is not None and speaker.resolved_by is not None:
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

    def _exact_name(self, span: Span, document: Document) -> Resolution | None:
        """Resolve a phrase that is, word for word, a named group or body of the knowledge base.

        "Islamic Resistance in Iraq", "Doctors Without Borders", "Lashkar-e-Taiba": a whole
        name wins before its words are read as a head noun and modifiers.
        """
        words = [t for t in span if not (t.i == span.start and t.dep_ == "det")]
        text = "".join(t.text_with_ws for t in words).strip()
        entries = [e for e in self.kb.lookup(text.replace(" - ", "-")) if e.kind in ("named", "igo")]
        if not entries or len(words) < 2:
            return None
        entry = self._pick(entries, document.when)
        country, sectors, _ = entry.at(document.when)
        return Resolution(
            name=entry.name,
            country=country,
            sector=sectors,
            attributes=entry.attributes,
            resolved_by="kb:igo" if entry.kind == "igo" else "kb:named",
            is_person=entry.is_person,
            head=normalize(words[-1].lemma_),
        )

    @staticmethod
    def _fill(actor: Actor, result: Resolution) -> Actor:
        if not result.is_resolved:
            return actor
        return replace(
            actor,
            name=result.name,
            country=result.country,
            sector=result.sector,
            attributes=tuple(dict.fromkeys((*actor.attributes, *result.attributes))),
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


@stages.register(NAME)
def make_actor_resolver(
    actors: list[str] = [],  # noqa: B006 - config lists are read-only
    places: bool = True,
) -> ActorResolver:
    """Build the actor resolver from the shipped knowledge base plus the user files ``actors``.

    ``places``: look up place names inside actor phrases ("Darfur rebels") in the geo
    gazetteer, which the geo stage loads anyway (one copy per process).

    Raises:
        ConfigError: a file is missing or malformed (the message names the file and line).
    """
    if isinstance(actors, str) or not isinstance(actors, list):
        raise ConfigError(
            f'[stages."{NAME}"].actors must be a list of file paths, got {actors!r}. '
            'Write e.g. actors = ["my_actors.yaml"].'
        )
    gazetteer = None
    if places:
        from dyad.geo.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    return ActorResolver(load_knowledge([Path(p) for p in actors]), gazetteer)
