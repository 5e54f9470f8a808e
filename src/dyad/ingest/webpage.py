"""An HTML page → its article text, title, date and URL, without navigation and footers.

trafilatura does the boilerplate removal and reads the page's metadata (``<title>``,
``og:url``/canonical link, the publication date in meta tags or the page). It gives up
(returns nothing) on pages too small or too odd to score, and then a plain tag strip is
better than losing the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import trafilatura

# Elements whose content is never article text.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "svg"})
# Elements that start a new line when flattened, so paragraphs do not run together.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
     "nav", "aside", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "title"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    """What a page gives an article: its text (without the headline), title, date and URL.

    ``published`` is the date as the page states it (trafilatura writes ``YYYY-MM-DD``);
    ``title``, ``published`` and ``url`` are empty or None when the page does not say.
    """

    text: str
    title: str = ""
    published: str | None = None
    url: str | None = None


def extract_page(html: str) -> Page:
    """Return the article in an HTML page: its text, title, date and canonical URL.

    Boilerplate (menus, footers, comments) is removed with trafilatura; if it finds no
    article, all visible text is kept instead. The headline is kept as the title only:
    left at the top of the text, it would run into the first sentence, which has no full
    stop between them ("Clashes in Basra Militants attacked ..." made "Clashes" an actor).
    """
    # Dates from markup only (meta tags, JSON-LD, <time>): the extensive search takes a year
    # from "Copyright 2023" and calls it the publication date.
    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    title = _one_line(getattr(document, "title", None) or "")
    text = getattr(document, "text", None)
    if not text:
        text, fallback_title = strip_tags(html)
        title = title or fallback_title
    return Page(
        text=drop_leading_title(text, title),
        title=title,
        published=getattr(document, "date", None) or None,
        url=getattr(document, "url", None) or None,
    )


def drop_leading_title(text: str, title: str) -> str:
    """Return ``text`` without its first line when that line is the title (or the title's start).

    Pages print the headline above the body, and ``<title>`` often adds the site name
    ("Clashes in Basra - News"), so a first line that begins the title counts too.
    """
    first, newline, rest = text.partition("\n")
    headline = _one_line(first).casefold()
    if newline and headline and title and _one_line(title).casefold().startswith(headline):
        return rest.lstrip("\n")
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
