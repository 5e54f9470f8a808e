"""An HTML page → its article text and title, without navigation and footers.

trafilatura does the boilerplate removal. It gives up (returns nothing) on pages
too small or too odd to score, and then a plain tag strip is better than losing
the article.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import trafilatura

# Elements whose content is never article text.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "svg"})
# Elements that start a new line when flattened, so paragraphs do not run together.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
     "nav", "aside", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "title"}
)  # fmt: skip


def extract_page(html: str) -> tuple[str, str]:
    """Return ``(text, title)`` of the article in an HTML page.

    Boilerplate (menus, footers, comments) is removed with trafilatura; if it finds no
    article, all visible text is kept instead. ``title`` is ``""`` when unknown.
    """
    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    title = getattr(document, "title", None) or ""
    text = getattr(document, "text", None)
    if text:
        return text, title
    fallback_text, fallback_title = strip_tags(html)
    return fallback_text, title or fallback_title


def strip_tags(html: str) -> tuple[str, str]:
    """Return ``(text, title)``: the visible text, one line per block element, and ``<title>``."""
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts)), _tidy("".join(parser.title_parts)).replace("\n", " ")


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\f\v\xa0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._is_in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._is_in_title = self._is_in_title or tag == "title"
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._is_in_title = self._is_in_title and tag != "title"
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._is_in_title:
            self.title_parts.append(data)
        if not self._skip_depth:
            self.parts.append(data)
