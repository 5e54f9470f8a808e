"""What the resolver says about names outside the event pipeline.

``actor_mentions`` lists every actor-like phrase of a parsed article with who it resolved to
(for ``dyad annotate --layer actors``); ``lookup`` shows how one name resolves on a date and
which knowledge-base entries and roles stand behind it (for ``dyad actors lookup``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dyad.actors.document import Document
from dyad.actors.knowledge import Entry, normalize
from dyad.actors.resolver import ActorResolver, make_actor_resolver
from dyad.model import Actor, Article
from dyad.nlp import ParsedArticle, load_nlp


@lru_cache(maxsize=1)
def _shipped_resolver() -> ActorResolver:
    return make_actor_resolver()


def _day(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


def actor_mentions(
    parsed: ParsedArticle,
    published: date | datetime | None = None,
    *,
    resolver: ActorResolver | None = None,
) -> list[Actor]:
    """Return every resolved actor mention of ``parsed``, in text order.

    Each noun phrase the resolver can say something about (country, sector or name) is
    one ``Actor`` whose ``span`` gives ``text``, ``start_char`` and ``end_char`` in article
    offsets, with ``name``, ``country``, ``sector``, ``attributes`` and ``resolved_by``.
    A coordination is split ("Kurdish and Iraqi forces" → two actors). Offices are those
    held on ``published`` (default: the article's ``published_at``). Pronouns are left
    out: they are references, not mentions a reader would highlight.

    ``resolver`` defaults to the shipped knowledge base; pass the pipeline's own stage to
    include user actor files.
    """
    resolver = resolver or _shipped_resolver()
    document = Document(resolver, parsed, _day(published))
    found: list[Actor] = []
    for chunk in parsed.doc.noun_chunks:
        if chunk.root.pos_ == "PRON":
            continue
        span = parsed.text_span(chunk)
        found += [a for a in resolver.resolve_in(document, Actor(span=span)) if a.resolved_by]
    return found


@dataclass(frozen=True, slots=True)
class EntryOnDate:
    """A knowledge-base entry named by a lookup, and what it was on the date asked."""

    entry: Entry
    country: str | None
    sector: tuple[str, ...]
    role: str | None


@dataclass(frozen=True, slots=True)
class Lookup:
    """How a name resolves: the resolved actor and the KB entries behind the name."""

    actors: tuple[Actor, ...]
    entries: tuple[EntryOnDate, ...]


def lookup(name: str, when: date | None = None, *, resolver: ActorResolver | None = None) -> Lookup:
    """Resolve ``name`` as a phrase on its own, as the pipeline would on ``when``.

    A compound ("Kurdish and Iraqi forces") gives several actors.

    Raises:
        ConfigError: no spaCy model is installed.
    """
    resolver = resolver or _shipped_resolver()
    published = datetime(when.year, when.month, when.day) if when is not None else None
    parsed = ParsedArticle(Article("lookup", name, published_at=published), load_nlp()(name), 0)
    document = Document(resolver, parsed, when)
    actors = resolver.resolve_in(document, Actor(span=parsed.char_span(0, len(name))))
    entries = []
    for entry in dict.fromkeys(resolver.kb.lookup(name, normalize(name))):
        country, sector, role = entry.at(when)
        entries.append(EntryOnDate(entry, country, sector, role))
    return Lookup(tuple(actors), tuple(entries))
