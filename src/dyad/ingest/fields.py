"""Which key or column of an input record holds which article field.

Scrapers and datasets name the same things differently: news-please writes ``maintext`` and
``date_publish``, RSS exports ``pubDate`` and ``link``, the Reuters corpus ``date``. A
``FieldMap`` finds each field under its usual names, or under the one name the user gave
(``--field published=COL``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The article fields an input record can fill, each with the names it is found under, in
# order of preference (a record with both "published" and "date" is dated by "published").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "article_id", "doc_id", "docid", "uuid", "_id"),
    "text": ("text", "body", "content", "maintext", "article_text", "full_text", "story"),
    "title": ("title", "headline", "heading"),
    "published": (
        "published", "published_at", "date", "date_publish", "pubDate", "pub_date", "publish_date",
        "date_published", "publication_date", "datetime", "updated",
    ),
    "url": ("url", "link", "uri", "canonical_url", "source_url"),
    "source": ("source", "publisher", "outlet", "source_domain", "site_name"),
}  # fmt: skip
FIELD_NAMES = tuple(SYNONYMS)


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Article field → the one record key the user named for it; other fields use ``SYNONYMS``."""

    explicit: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, fields: FieldMap | Mapping[str, str] | Iterable[str] | None) -> FieldMap:
        """Build a map from a ``FieldMap``, ``{"published": "COL"}``, ``["published=COL"]`` or None.

        Raises:
            ValueError: a spec is not ``FIELD=NAME`` or names an unknown field; the message
                lists the fields.
        """
        if fields is None:
            return cls()
        if isinstance(fields, FieldMap):
            return fields
        if isinstance(fields, Mapping):
            pairs = list(fields.items())
        else:
            pairs = [_split_spec(spec) for spec in fields]
        for name, key in pairs:
            if name not in SYNONYMS:
                raise ValueError(
                    f"unknown article field {name!r} in field mapping {name}={key}: "
                    f"use one of {', '.join(FIELD_NAMES)}"
                )
            if not isinstance(key, str) or not key:
                raise ValueError(f"field {name!r} maps to {key!r}: give the record key as a non-empty string")
        return cls(dict(pairs))

    def key(self, name: str, record: Mapping[str, Any]) -> str | None:
        """Return the key of ``record`` that holds article field ``name``, or None if it has none.

        A user-named key is used alone. Otherwise the synonyms are tried in order, exactly
        and then ignoring case ("PubDate", "Text" from spreadsheet headers).
        """
        if name in self.explicit:
            wanted = self.explicit[name]
            return wanted if wanted in record else None
        candidates = SYNONYMS[name]
        for candidate in candidates:
            if candidate in record:
                return candidate
        folded = {str(k).casefold(): k for k in record}
        for candidate in candidates:
            if candidate.casefold() in folded:
                return str(folded[candidate.casefold()])
        return None

    def describe(self, name: str) -> str:
        """Name where field ``name`` is looked for, for error messages."""
        if name in self.explicit:
            return f"'{self.explicit[name]}' (--field {name}={self.explicit[name]})"
        return f"'{name}'"


def _split_spec(spec: str) -> tuple[str, str]:
    name, sep, key = str(spec).partition("=")
    if not sep or not name.strip() or not key.strip():
        raise ValueError(
            f"field mapping {spec!r} is not FIELD=NAME: write e.g. published=pub_time "
            f"(fields: {', '.join(FIELD_NAMES)})"
        )
    return name.strip(), key.strip()
