"""Per-article state of actor resolution: what each mention resolved to, and how.

``Resolution`` is what one phrase resolved to; ``Document`` holds the article's resolved
mentions in order (for coreference), the names it taught (for in-document learning) and
the country the article is mostly about (for titles with no country of their own).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dyad.actors.knowledge import Entry, normalize
from dyad.nlp import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyad.actors.resolver import ActorResolver

QUOTES = {'"', "\u201c", "\u201d", "``", "''"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# How many sentences back a pronoun or short mention may reach.
COREF_WINDOW = 4


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


EMPTY = Resolution()


@dataclass(frozen=True, slots=True)
class Match:
    """A run of words ``start..end`` (doc token indexes, end exclusive) found in the KB."""

    start: int
    end: int
    kind: str  # entry, term, link, modifier
    entries: tuple[Entry, ...] = ()
    term_key: str = ""
    attribute: str = ""


@dataclass(slots=True)
class Mention:
    index: int
    sent: int
    is_subject: bool
    in_quote: bool
    resolution: Resolution


class Document:
    """Per-article state: resolved mentions in order, learned names, the dominant country."""

    def __init__(self, resolver: ActorResolver, parsed: ParsedArticle, when: date | None = None) -> None:
        self.resolver = resolver
        self.parsed = parsed
        self.doc: Doc = parsed.doc
        published = parsed.article.published_at
        # The date that decides who held which office: given, else the publication date.
        self.when: date | None = when or (published.date() if published is not None else None)
        self.text_key = " " + normalize(parsed.article.text) + " "
        self.sent_index = {}
        for i, sent in enumerate(self.doc.sents):
            for token in sent:
                self.sent_index[token.i] = i
        self.quoted = self._quoted_tokens()
        self.cache: dict[int, Resolution] = {}
        self.mentions: list[Mention] = []
        self.learned: dict[str, Resolution] = {}
        self.countries: set[str] = set()
        self.country = self._dominant_country()
        for chunk in self.doc.noun_chunks:
            self.resolve_root(chunk.root, chunk.start)

    # --- document facts -------------------------------------------------------------------
    def _quoted_tokens(self) -> set[int]:
        inside, quoted = False, set()
        for token in self.doc:
            if token.text in QUOTES:
                inside = not inside
                continue
            if inside:
                quoted.add(token.i)
        return quoted

    def _dominant_country(self) -> str | None:
        """Return the country the article is about: most mentioned, subjects counting double."""
        counts: Counter[str] = Counter()
        for chunk in self.doc.noun_chunks:
            weight = 2 if chunk.root.dep_ in SUBJECT_DEPS else 1
            for match in self.resolver.scan(list(chunk), self):
                if match.kind == "entry" and match.entries[0].kind in ("country", "demonym", "place"):
                    counts[match.entries[0].country or ""] += weight
        counts.pop("", None)
        self.countries = set(counts)
        ranked = counts.most_common(2)
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            # No clear winner (twice the runner-up): better no country than a guess. A
            # Kuwaiti official in a story naming Iran a little more often is not Iranian.
            return None
        return ranked[0][0]

    # --- resolution -------------------------------------------------------------------------
    def resolve_root(self, root: Token, start: int | None = None) -> Resolution:
        if root.i in self.cache:
            return self.cache[root.i]
        self.cache[root.i] = EMPTY  # guards against cycles through possessives
        first = start if start is not None else root.left_edge.i
        tokens = [t for t in self.doc[min(first, root.i) : root.i + 1]]
        result = self.resolver.resolve_phrase(tokens, root, self)
        self.cache[root.i] = result
        if result.is_resolved:
            self.mentions.append(
                Mention(
                    root.i,
                    self.sent_index.get(root.i, 0),
                    root.dep_ in SUBJECT_DEPS,
                    root.i in self.quoted,
                    result,
                )
            )
        return result

    def earlier(self, index: int, *, window: int | None = COREF_WINDOW) -> list[Mention]:
        sent = self.sent_index.get(index, 0)
        return [m for m in self.mentions if m.index < index and (window is None or sent - m.sent <= window)][
            ::-1
        ]
