"""Place names that only build a hyphenated modifier: "US-led", "Iran-backed", "anti-Syria".

Such a name says who leads, backs or opposes something, not where anything happened:
"A prominent anti-Syria journalist has been killed ... in eastern Beirut" happened in
Beirut. The name stays a toponym (the ``places`` layer lists it, as GeoWebNews annotates
"London-based"), marked embedded, so it never locates an event or votes for a document's
focus. Names joined to another capitalised name ("the Iraq-Syria border", "Asia-Pacific")
are left alone: they are places in their own right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Lower-case words that are part of an Arabic or French place name after a hyphen
# ("Ras al-Ain", "Sharm el-Sheikh", "Champs-sur-Marne"), not a modifier of it.
_NAME_PARTICLES = frozenset(
    {"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ez", "es", "ed", "er", "en", "ul"}
    | {"sur", "sous", "les", "le", "la", "de", "du", "des", "en", "upon", "on", "under", "by", "am", "im"}
)


def _joined_hyphen(token: Token) -> bool:
    # "US-led" (no space either side), not a dash between clauses ("Iraq - the ministry").
    return token.text in ("-", "\u2010", "\u2011") and not token.whitespace_


def _modifier_word(token: Token) -> bool:
    return token.is_alpha and token.is_lower and token.lower_ not in _NAME_PARTICLES


def is_hyphen_modifier(span: Span) -> bool:
    """Say whether a place name is one half of a hyphenated modifier ("US-led", "pro-Iran")."""
    doc = span.doc
    start, end = span.start, span.end
    joined_after = end + 1 < len(doc) and _joined_hyphen(doc[end]) and not doc[end - 1].whitespace_
    if joined_after and _modifier_word(doc[end + 1]):
        return True
    if start >= 2 and _joined_hyphen(doc[start - 1]) and not doc[start - 2].whitespace_:
        return _modifier_word(doc[start - 2])
    return False
