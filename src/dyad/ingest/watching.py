"""Polling feeds: conditional GET, and what the last poll of each feed said.

``dyad watch`` asks each feed only for what changed since its last answer (``If-None-Match``
with the ETag, ``If-Modified-Since`` with the Last-Modified date); a 304 costs one request
and no parsing. The validators are kept in a small JSON state file, so a restarted watcher
does not fetch and re-read every feed whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dyad.errors import IngestError
from dyad.ingest.fetch import fetch, is_url, read_response
from dyad.model import Article


@dataclass(slots=True)
class WatchState:
    """Per feed URL, the validators of its last answer: ``{"etag": ..., "last_modified": ...}``."""

    path: Path
    feeds: dict[str, dict[str, str | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> WatchState:
        """Read the state file at ``path``; a missing one is an empty state.

        Raises:
            IngestError: the file exists but is not a state file dyad wrote.
        """
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            feeds = dict(data["feeds"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise IngestError(
                str(path),
                None,
                f"not a readable dyad watch state file ({e})",
                "Delete it (the next poll then fetches every feed whole) or give another --state file.",
            ) from None
        return cls(path, feeds)

    def save(self) -> None:
        """Write the state atomically, so a watcher killed mid-write leaves the old file whole."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"feeds": self.feeds}, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)


@dataclass(frozen=True, slots=True)
class Poll:
    """One feed's answer: ``not_modified`` (a 304), or its items as articles and errors."""

    feed: str
    not_modified: bool
    items: list[Article | IngestError]
    etag: str | None = None
    last_modified: str | None = None


def poll_feed(feed: str, state: WatchState, *, published: datetime | None = None) -> Poll:
    """Fetch ``feed`` conditionally and read its items; a local file is read whole every time.

    A feed that cannot be fetched gives one ``IngestError`` among the items, so the watcher
    reports it and polls again next round.
    """
    if not is_url(feed):
        from dyad.ingest.sources import read_articles

        return Poll(feed, False, list(read_articles([feed], published=published)))
    known = state.feeds.get(feed, {})
    try:
        response = fetch(feed, etag=known.get("etag"), last_modified=known.get("last_modified"))
    except IngestError as e:
        return Poll(feed, False, [e])
    if response.status == 304:
        return Poll(feed, True, [], known.get("etag"), known.get("last_modified"))
    items: Iterator[Article | IngestError] = read_response(response, published=published)
    return Poll(feed, False, list(items), response.etag, response.last_modified)


def remember(state: WatchState, poll: Poll) -> None:
    """Keep ``poll``'s validators for the next conditional GET of its feed."""
    if is_url(poll.feed) and (poll.etag or poll.last_modified):
        state.feeds[poll.feed] = {"etag": poll.etag, "last_modified": poll.last_modified}
