"""``Clusterer``: mentions of one event across articles become one cluster, incrementally.

Mentions arrive in reporting order. Each is compared with the clusters that share its type
family and a week its date can fall in (the blocking index), and joins the one it is most
similar to when that similarity reaches the threshold; otherwise it founds a new cluster.
A cluster's id is its founding mention's ``event_id`` and never changes as mentions join, so
ids stay stable across incremental runs; clusters already formed are never merged or split
by later mentions. ``cluster_mentions`` runs it once over a list.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from dyad.cluster.compare import (
    DEFAULT_SETTINGS,
    ClusterSettings,
    compatible,
    day_window,
    family,
    fell_back,
    is_defence,
    sentence_names,
    sentence_words,
    similarity,
)
from dyad.cluster.mention import Mention
from dyad.cluster.operations import operation_names
from dyad.cluster.targets import names_any, target_kinds, target_names

_EPOCH = date(1, 1, 1)
_WEEK = 7


@dataclass(slots=True)
class _Cluster:
    cluster_id: str
    members: list[Mention] = field(default_factory=list)
    # The days all members dated by their own text (``_dates_the_act``) agree on: a later
    # report must fit in them.
    core: tuple[date, date] | None = None
    # How many members name each actor country (and how many name any): who the cluster says acted.
    actors: Counter[str] = field(default_factory=Counter)
    named_actors: int = 0
    # Every content word of its members' sentences: a mention sharing none is not compared.
    words: set[str] = field(default_factory=set)
    # The names its members give their targets (``target_names``), and every capitalised
    # word of their sentences: a mention naming a target none of them name, and none of these
    # targets, reports another raid.
    targets: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    # The kinds of thing its members' acts hit (``target_kinds``): a report hitting another
    # kind hit another target.
    kinds: set[str] = field(default_factory=set)


class Clusterer:
    """Assign mentions to event clusters; seed it with stored clusters to continue incrementally."""

    def __init__(self, settings: ClusterSettings = DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self._clusters: dict[str, _Cluster] = {}
        self._index: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._assigned: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._clusters)

    def seed(self, mention: Mention, cluster_id: str) -> None:
        """Add an already clustered mention (from the store) to cluster ``cluster_id``."""
        cluster = self._clusters.get(cluster_id)
        if cluster is None:
            cluster = self._clusters[cluster_id] = _Cluster(cluster_id)
        self._join(cluster, mention)

    def add(self, mention: Mention) -> str:
        """Cluster one mention and return its cluster id (an existing one, or its own event id)."""
        known = self._assigned.get(mention.event_id)
        if known is not None:
            return known
        best, best_score = None, self.settings.threshold
        for cluster in self._candidates(mention):
            score = self._link(mention, cluster)
            if score >= best_score:
                best, best_score = cluster, score
        if best is None:
            best = self._clusters[mention.event_id] = _Cluster(mention.event_id)
        self._join(best, mention)
        return best.cluster_id

    def add_all(self, mentions: Iterable[Mention]) -> dict[str, str]:
        """Cluster mentions in reporting order; return ``{event_id: cluster_id}`` for them."""
        return {m.event_id: self.add(m) for m in sorted(mentions, key=lambda m: m.order)}

    def clusters(self) -> Iterator[tuple[str, list[Mention]]]:
        """Yield every cluster id with its mentions, in the order the clusters were founded."""
        for cluster in self._clusters.values():
            yield cluster.cluster_id, list(cluster.members)

    # -- internals ------------------------------------------------------------------------

    def _join(self, cluster: _Cluster, mention: Mention) -> None:
        cluster.members.append(mention)
        cluster.words |= sentence_words(mention.sentence)
        cluster.targets |= target_names(mention)
        cluster.names |= sentence_names(mention.sentence)
        cluster.kinds |= target_kinds(mention)
        countries = {p.country for p in mention.actors if p.country}
        if countries and not is_defence(mention):
            cluster.actors.update(sorted(countries))
            cluster.named_actors += 1
        window = day_window(mention, self.settings)
        if window is not None and _dates_the_act(mention):
            if cluster.core is None:
                cluster.core = window
            else:
                start, end = max(cluster.core[0], window[0]), min(cluster.core[1], window[1])
                cluster.core = (start, end) if start <= end else cluster.core
        self._assigned[mention.event_id] = cluster.cluster_id
        for key in self._keys(mention):
            bucket = self._index[key]
            if not bucket or bucket[-1] != cluster.cluster_id:
                bucket.append(cluster.cluster_id)

    def _keys(self, mention: Mention) -> list[tuple[str, int]]:
        window = day_window(mention, self.settings)
        if window is None:
            return []
        first, last = ((d - _EPOCH).days // _WEEK for d in window)
        kind = family(mention.event_type)
        return [(kind, week) for week in range(first, last + 1)]

    def _candidates(self, mention: Mention) -> list[_Cluster]:
        """Return the clusters of the mention's family and weeks that share a content word with it."""
        words = sentence_words(mention.sentence)
        seen: dict[str, _Cluster] = {}
        for key in self._keys(mention):
            for cluster_id in self._index.get(key, ()):
                if cluster_id not in seen:
                    seen[cluster_id] = self._clusters[cluster_id]
        return [cluster for cluster in seen.values() if not cluster.words.isdisjoint(words)]

    def _link(self, mention: Mention, cluster: _Cluster) -> float:
        """Return the similarity of ``mention`` to its closest compatible member (0: none, or barred)."""
        window = day_window(mention, self.settings)
        core = cluster.core
        if self.settings.core_dates and core and window and (window[0] > core[1] or core[0] > window[1]):
            return 0.0
        if self.settings.actor_majority and _against_actors(mention, cluster, self.settings.actor_majority):
            return 0.0
        if self.settings.distinct_targets and _against_targets(mention, cluster):
            return 0.0
        if self.settings.distinct_kinds and _against_kinds(mention, cluster):
            return 0.0
        scores = []
        members = cluster.members
        limit = self.settings.max_members_compared
        if len(members) > limit:
            # The founders and the latest reports: enough to recognise a long-running story.
            members = members[: limit // 2] + members[-(limit - limit // 2) :]
        for other in members:
            if self.settings.named_background and _background_of_another(other, mention):
                continue
            if compatible(mention, other, self.settings):
                scores.append(similarity(mention, other, self.settings))
        return max(scores, default=0.0)


def _dates_the_act(mention: Mention) -> bool:
    """Return whether the mention's own text dates its act to a day other than the report's.

    Only such dates make a cluster's core. A text date on the report's day is most often the
    report's "today" ("Chad's high command said today troops killed 1,269 Libyan soldiers ...
    to capture Tripoli's major air base ... on Sunday"), which says when the act was told, not
    when it happened; letting it narrow the core would bar the reports that give the act's day.
    """
    if mention.date_basis != "text" or fell_back(mention):
        return False
    published = mention.published
    return published is None or not (mention.start == mention.end == published.date())


def _background_of_another(member: Mention, mention: Mention) -> bool:
    """Return whether ``member`` is an undated reference to an operation ``mention`` does not name.

    "Iran launched a major offensive, codenamed Karbala-5, towards ... Basra in January", in
    an April report, fell back on the report's day: nothing but the name dates it, so it
    vouches only for reports that name Karbala-5, not for those of April's "new Tehran
    offensive" on the same front. A report that names the operation may still join a
    cluster of reports that do not ("their new Karbala-8 offensive"): those are dated.
    """
    names = operation_names(member.sentence)
    return bool(names) and fell_back(member) and names.isdisjoint(operation_names(mention.sentence))


def _against_targets(mention: Mention, cluster: _Cluster) -> bool:
    """Return whether ``mention`` and the cluster name their targets and none of each other's.

    "Iraqi planes yesterday raided the nearby Ardeshir oil field" against a cluster of the
    raids "on Iran's offshore Nowruz oilfield": neither names the other's field. A target the
    cluster's reports name anywhere in their sentences is not another ("the Rashadat (formerly
    Rostam) field").
    """
    targets = target_names(mention)
    if not targets or not cluster.targets:
        return False
    return not names_any(targets, cluster.names) and not names_any(
        cluster.targets, sentence_names(mention.sentence)
    )


def _against_kinds(mention: Mention, cluster: _Cluster) -> bool:
    """Return whether ``mention`` hit a kind of target none of the cluster's reports hit.

    "Iraq said today its warplanes had attacked a supertanker and four Iranian oil sites"
    (a vessel) against the cluster of "Iraqi planes yesterday raided the nearby Ardeshir oil
    field" (a field). Reports whose target's kind is unknown are not kept out.
    """
    kinds = target_kinds(mention)
    return bool(kinds and cluster.kinds) and kinds.isdisjoint(cluster.kinds)


def _against_actors(mention: Mention, cluster: _Cluster, share: float) -> bool:
    """Return whether ``mention`` names an actor other than the one most of the cluster names."""
    countries = {p.country for p in mention.actors if p.country}
    if not countries or is_defence(mention) or not cluster.actors:
        return False
    named = cluster.named_actors
    top = max(cluster.actors.values())
    # Ties have no majority actor to go against: any of them will do.
    leaders = {country for country, count in cluster.actors.items() if count == top}
    return named >= 2 and top / named >= share and not leaders & countries


def cluster_mentions(
    mentions: Iterable[Mention], settings: ClusterSettings = DEFAULT_SETTINGS
) -> dict[str, str]:
    """Cluster ``mentions`` from scratch; return ``{event_id: cluster_id}``."""
    return Clusterer(settings).add_all(mentions)
