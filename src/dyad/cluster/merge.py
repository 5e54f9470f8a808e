"""``EventCluster``: the one event a cluster of mentions reports, its fields merged.

The most precise date and place win (a day over a month, a date the text gives over one
that fell back on the publication day; a point over a town over a country). Actor and
recipient are the ones most mentions name. Casualty figures keep their disagreement: the
lowest and highest value and every report's own value with its article and source, since
"at least 11 killed" in one report and "15 dead" in another are both news.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from dyad.cluster.compare import fell_back
from dyad.cluster.mention import Mention, Party, Place

_BASIS_RANK = {"text": 0, "paragraph": 1, "publication": 2}
_PLACE_RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4}
FIGURE_ROLES = ("killed", "injured", "arrested", "size", "count")


@dataclass(frozen=True, slots=True)
class Figure:
    """One report's figure for one role: the value, and which article and source gave it."""

    value: int
    article_id: str
    source: str | None


@dataclass(frozen=True, slots=True)
class FigureRange:
    """A role's figures across the reports: lowest, highest, and each report's own."""

    low: int
    high: int
    reports: tuple[Figure, ...]

    @property
    def agree(self) -> bool:
        """Return whether every report gives the same figure."""
        return self.low == self.high


@dataclass(frozen=True, slots=True)
class EventCluster:
    """A real-world event as all its mentions report it."""

    cluster_id: str
    event_type: str
    modes: tuple[str, ...]
    start: date | None
    end: date | None
    date_value: str | None
    date_until: str | None
    date_precision: str | None
    date_basis: str | None
    place: Place | None
    actor: Party | None
    recipient: Party | None
    figures: dict[str, FigureRange]
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    sources: tuple[str, ...]
    first_published: datetime | None
    sentence: str

    @property
    def n_mentions(self) -> int:
        """Return how many mentions report the event."""
        return len(self.event_ids)

    @property
    def n_articles(self) -> int:
        """Return how many articles report the event."""
        return len(self.article_ids)

    @property
    def n_sources(self) -> int:
        """Return how many sources report it (articles without a source count as one unknown source)."""
        return len(self.sources)


def merge_cluster(cluster_id: str, mentions: Sequence[Mention]) -> EventCluster:
    """Merge the mentions of one cluster into its event.

    Raises:
        ValueError: ``mentions`` is empty (a cluster has at least its founding mention).
    """
    if not mentions:
        raise ValueError(f"cluster {cluster_id!r} has no mentions; a cluster needs at least one")
    ordered = sorted(mentions, key=lambda m: m.order)
    dated = [m for m in ordered if m.start is not None and m.end is not None]
    best_date = min(dated, key=_date_rank) if dated else None
    placed = [m for m in ordered if m.place is not None]
    best_place = min(placed, key=lambda m: _PLACE_RANK.get(m.place.precision or "", 5)) if placed else None  # type: ignore[union-attr]
    types = Counter(m.event_type for m in ordered)
    modes = Counter(mode for m in ordered for mode in m.modes)
    return EventCluster(
        cluster_id=cluster_id,
        event_type=max(types, key=lambda t: (types[t], t == ordered[0].event_type)),
        modes=tuple(mode for mode, _ in modes.most_common()),
        start=best_date.start if best_date else None,
        end=best_date.end if best_date else None,
        date_value=best_date.date_value if best_date else None,
        date_until=best_date.date_until if best_date else None,
        date_precision=best_date.date_precision if best_date else None,
        date_basis=best_date.date_basis if best_date else None,
        place=best_place.place if best_place else None,
        actor=_most_named([m.actors for m in ordered]),
        recipient=_most_named([m.recipients for m in ordered]),
        figures=_figures(ordered),
        event_ids=tuple(m.event_id for m in ordered),
        article_ids=tuple(dict.fromkeys(m.article_id for m in ordered)),
        sources=tuple(dict.fromkeys(m.source or "" for m in ordered)),
        first_published=next((m.published for m in ordered if m.published), None),
        sentence=ordered[0].sentence,
    )


def _date_rank(m: Mention) -> tuple[bool, int, int]:
    # A date after the report is a misread (``fell_back``) and loses to any other; then
    # narrowest first, then the text's own dates before fallbacks.
    misread = m.date_basis != "publication" and fell_back(m)
    width = (m.end - m.start).days if m.start and m.end else 10**6
    return (misread, width, _BASIS_RANK.get(m.date_basis or "", 3))


def _most_named(parties: Sequence[tuple[Party, ...]]) -> Party | None:
    """Return the first party with the country most mentions name in that role (None: none named)."""
    counts = Counter(p.country for group in parties for p in group[:1] if p.country)
    if not counts:
        return next((group[0] for group in parties if group), None)
    country = counts.most_common(1)[0][0]
    return next(group[0] for group in parties if group and group[0].country == country)


def _figures(mentions: Sequence[Mention]) -> dict[str, FigureRange]:
    figures: dict[str, FigureRange] = {}
    for role in FIGURE_ROLES:
        # One article's figure counts once, however many of its mentions repeat it.
        reports = tuple(
            dict.fromkeys(
                Figure(m.figures[role], m.article_id, m.source)
                for m in mentions
                if m.figures.get(role) is not None
            )
        )
        if reports:
            values = [r.value for r in reports]
            figures[role] = FigureRange(low=min(values), high=max(values), reports=reports)
    return figures
