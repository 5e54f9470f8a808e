"""Build parsed articles and hand-made events from real text for the geo tests."""

from __future__ import annotations

import json
from pathlib import Path

from dyad.model import Actor, Article, Event, EventType, TextSpan
from dyad.nlp import ParsedArticle, find_body_start, load_nlp

SHARED = Path(__file__).resolve().parents[3] / "shared"  # ../shared beside the repo, as CI has it

EXAMPLES = SHARED / "examples"


def load_example(name: str) -> Article:
    record = json.loads((EXAMPLES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return Article(id=record["id"], text=record["text"], title=record.get("title", ""))


def parse(article: Article) -> ParsedArticle:
    """Parse the body as the pipeline does: from the end of the dateline."""
    offset = find_body_start(article.text)
    return ParsedArticle(article, load_nlp()(article.text[offset:]), offset)


def span_of(article: Article, text: str, after: str = "") -> TextSpan:
    start = article.text.index(text, article.text.index(after) if after else 0)
    return TextSpan(start, start + len(text), text)


def make_event(
    parsed: ParsedArticle,
    trigger: str,
    after: str,
    event_type: EventType = EventType.ASSAULT,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
) -> Event:
    """Return an event whose trigger is the first ``trigger`` after the words ``after``."""
    article = parsed.article
    trigger_span = span_of(article, trigger, after)
    sentence = parsed.doc_span(trigger_span).sent
    return Event(
        article_id=article.id,
        event_type=event_type,
        trigger=trigger_span,
        sentence=parsed.text_span(sentence),
        rule="test.hand-made",
        actors=tuple(Actor(_in_sentence(article, a, sentence.start_char + parsed.offset)) for a in actors),
        recipients=tuple(
            Actor(_in_sentence(article, r, sentence.start_char + parsed.offset)) for r in recipients
        ),
    )


def _in_sentence(article: Article, text: str, sentence_start: int) -> TextSpan:
    start = article.text.index(text, sentence_start)
    return TextSpan(start, start + len(text), text)
