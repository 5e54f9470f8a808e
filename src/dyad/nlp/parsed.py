"""``ParsedArticle``: an article with the spaCy parse of one window of its text.

This is the one type that holds a ``Doc``; it also converts spaCy spans to plain
``TextSpan`` records, so nothing downstream keeps a ``Span``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.model import Article, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article and the parse of ``article.text[offset:offset + len(doc.text)]``."""

    article: Article
    doc: Doc
    offset: int = 0

    def text_span(self, item: Span | Token) -> TextSpan:
        """Return the ``TextSpan`` of a spaCy span or token, in article offsets."""
        if hasattr(item, "start_char"):
            start, end = item.start_char, item.end_char
        else:
            start, end = item.idx, item.idx + len(item)
        return self.char_span(start, end)

    def char_span(self, start: int, end: int) -> TextSpan:
        """Return the ``TextSpan`` for doc offsets ``start``..``end``, in article offsets."""
        start_char, end_char = start + self.offset, end + self.offset
        return TextSpan(start_char, end_char, self.article.text[start_char:end_char])

    def doc_span(self, span: TextSpan) -> Span | None:
        """Return the doc span covering an article ``TextSpan`` (expanded to tokens), if any."""
        return self.doc.char_span(
            span.start_char - self.offset, span.end_char - self.offset, alignment_mode="expand"
        )
