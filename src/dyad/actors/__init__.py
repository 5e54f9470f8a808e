"""Actor resolution: who the actors, recipients and speakers of events are.

Input: ``ParsedArticle`` and the coder's ``Event`` records, whose ``Actor`` spans are
unresolved. Output: the same events with each ``Actor``'s canonical name, country (ISO
alpha-3, IGO, ...), PLOVER sectors, attributes and ``resolved_by`` filled in, from the
knowledge base in ``data/*.yaml`` (plus user files) and what the article itself says.
"""

from dyad.actors.knowledge import KnowledgeBase, load_knowledge
from dyad.actors.mentions import EntryOnDate, Lookup, actor_mentions, lookup
from dyad.actors.resolver import ActorResolver, make_actor_resolver

__all__ = [
    "ActorResolver",
    "EntryOnDate",
    "KnowledgeBase",
    "Lookup",
    "actor_mentions",
    "load_knowledge",
    "lookup",
    "make_actor_resolver",
]
