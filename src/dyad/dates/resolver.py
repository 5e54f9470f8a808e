"""The ``dates.relative.v1`` stage: give each event the date of the clause it is in.

The date of an event is, in order of preference:

1. a time expression in the trigger's own phrase ("the assassination of X in 2020");
2. one attached to the trigger's clause ("In January 2020, ... parliament passed");
3. one attached to a clause that governs it ("IRNA said on Sunday Iran had seized");
   never one from a clause embedded under another verb, so background does not leak
   ("said that ... starting from the assassination ... in 2020" is not dated 2020);
4. the last such date of an earlier sentence of the same paragraph (basis ``paragraph``);
5. the publication date (basis ``publication``), when the article has one.

Weekdays and months without a year are resolved against the tense of the clause that holds
them: "will meet on Monday" looks forward, "met on Monday" back.

"10 days before Abu al-Bukhoosh was attacked" dates the main clause from another event: the
event of the ``before``/``after`` clause or noun, if it has a date from the text, else the
nearest earlier event of the same type (or trigger word) that has one ("was attacked"
re-mentions the raid dated "last November 25"). When neither exists the event gets no date:
counting from the publication day would be confidently wrong.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dyad.dates.expressions import TimeExpression, find_time_expressions, value_bounds
from dyad.dates.values import shift_value
from dyad.dates.vocabulary import NUMBER_WORDS, ORDINAL_WORDS
from dyad.model import Event, EventDate, TextSpan
from dyad.registry import stages

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyad.nlp import ParsedArticle

__all__ = ["DateResolver", "make_date_resolver"]

NAME = "dates.relative.v1"

# Dependencies that start a clause of their own below their head.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass",
                          "parataxis", "conj", "pcomp"})  # fmt: skip
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_LEMMAS = frozenset({"schedule", "plan", "expect", "due", "set", "intend", "go", "prepare"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n[ \t]+")
_OFFSET_WORDS = frozenset({"before", "after"})


@dataclass(frozen=True, slots=True)
class _Anchored:
    """A time expression placed in the parse."""

    expression: TimeExpression
    root: Token
    clause: Token
    # Where the expression's sentence starts (token index, char offset).
    sent_start: int
    sent_start_char: int
    # For an offset ("10 days before X"): the head of X, the event or time it counts from.
    target: Token | None = None


class _Window:
    """The parsed window's text and sentences, computed once per article.

    ``Doc.text`` and ``Token.sent`` rebuild their result on every access; per event that
    was most of this stage's time.
    """

    def __init__(self, parsed: ParsedArticle) -> None:
        self.text = parsed.doc.text
        self._sentences = list(parsed.doc.sents)
        self._starts = [sent.start for sent in self._sentences]

    def sentence_of(self, token: Token) -> Span:
        """Return the sentence holding ``token``."""
        return self._sentences[bisect_right(self._starts, token.i) - 1]


def _is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    return token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_DEPS


def _clause_head(token: Token) -> Token:
    """Return the head of the clause ``token`` belongs to (itself, for a verb)."""
    while not _is_clause_head(token):
        token = token.head
    return token


def _governing_clauses(clause: Token) -> list[Token]:
    """Return the clause heads above ``clause``, nearest first."""
    heads = []
    while clause.head.i != clause.i:
        clause = _clause_head(clause.head)
        heads.append(clause)
    return heads


def _is_future(clause: Token) -> bool:
    """Tell whether the clause speaks of the future ("will", "is scheduled to", "plans to")."""
    for token in (clause, *_governing_clauses(clause)[:1]):
        if any(child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX for child in token.children):
            return True
        if token is not clause and token.lemma_ in _FUTURE_LEMMAS and clause.dep_ == "xcomp":
            return True
    return clause.lemma_ in _FUTURE_LEMMAS and any(c.dep_ == "xcomp" for c in clause.children)


def _offset_attachment(span: Span, clause: Token) -> tuple[Token, Token | None]:
    """Return the clause an offset dates and the head it counts from.

    "10 days before [Abu al-Bukhoosh was attacked]": "before" marks the clause it counts
    from, so the offset dates the clause above. "two days after [the attack]": "after" is a
    preposition of the clause it dates, and its object is what it counts from.
    """
    relation = next((t for t in reversed(span) if t.lower_ in _OFFSET_WORDS), None)
    if relation is None:
        return clause, None
    if relation.dep_ == "mark" and relation.head.i != relation.i:
        counted_from = relation.head
        above = counted_from.head if counted_from.head.i != counted_from.i else counted_from
        return _clause_head(above), counted_from
    target = next((c for c in relation.children if c.dep_ in ("pobj", "pcomp")), None)
    return _clause_head(relation.head), target


def _is_pluperfect(clause: Token) -> bool:
    return clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)


class DateResolver:
    """Set ``date`` and ``is_historical`` on every event of an article.

    ``historical_days``: an event whose date ends more than this many days before the
    publication date is background (``is_historical``).
    """

    name = NAME

    def __init__(self, historical_days: int = 30) -> None:
        self.historical_days = historical_days

    def __call__(self, parsed: ParsedArticle, events: Sequence[Event]) -> list[Event]:
        """Return the events with their date, historical flag and this stage in ``coded_by``."""
        published = parsed.article.published_at
        anchor = published.date() if published else None
        window = _Window(parsed)
        anchored = self._anchor_expressions(parsed, anchor, window)
        resolved = [self._resolve(parsed, event, anchored, anchor, window) for event in events]
        # Offsets count from other events, so they are settled once every event has its own date.
        dated = [event for event, _ in resolved]
        return [
            self._resolve_offset(parsed, event, pending, dated, anchor) if pending else event
            for event, pending in resolved
        ]

    def _anchor_expressions(
        self, parsed: ParsedArticle, anchor: date | None, window: _Window
    ) -> list[_Anchored]:
        anchored = []
        for expression in find_time_expressions(window.text, anchor, offset=parsed.offset):
            span = parsed.doc_span(TextSpan(expression.start_char, expression.end_char, expression.text))
            if span is None or len(span) == 0:
                continue
            root = span.root
            sent = window.sentence_of(root)
            clause, target = _clause_head(root), None
            if expression.kind == "offset":
                clause, target = _offset_attachment(span, clause)
            anchored.append(_Anchored(expression, root, clause, sent.start, sent.start_char, target))
        return anchored

    def _resolve(
        self,
        parsed: ParsedArticle,
        event: Event,
        anchored: list[_Anchored],
        anchor: date | None,
        window: _Window,
    ) -> tuple[Event, _Anchored | None]:
        """Return the event dated, or undated with the offset expression still to count from."""
        coded_by = (*event.coded_by, NAME) if NAME not in event.coded_by else event.coded_by
        trigger_span = parsed.doc_span(event.trigger)
        if trigger_span is not None and any(
            a.expression.kind == "offset" and a.target is not None and a.target.i == trigger_span.root.i
            for a in anchored
        ):
            # "10 days before [Abu al-Bukhoosh was attacked]": the text uses this event as the
            # reference point and does not date it here; undated beats the publication date.
            return replace(event, date=None, is_historical=False, coded_by=coded_by), None
        remembered = _anniversary(parsed, trigger_span.root, anchor) if trigger_span is not None else None
        if remembered is not None:
            # "on the one-year anniversary of Moscow's invasion": the invasion is background,
            # dated by the count of years back from the report.
            return replace(event, date=remembered, is_historical=True, coded_by=coded_by), None
        found = (
            self._choose(parsed, trigger_span.root, anchored, window) if trigger_span is not None else None
        )
        event_date: EventDate | None = None
        pluperfect = False
        if found is not None and found[0].expression.kind == "offset":
            return replace(event, date=None, is_historical=False, coded_by=coded_by), found[0]
        if found is not None:
            choice, basis, own_clause = found
            expression = self._retense(choice, anchor)
            event_date = EventDate(
                value=expression.value or "",
                granularity=expression.granularity,
                basis=basis,
                until=expression.until,
                span=TextSpan(expression.start_char, expression.end_char, expression.text),
            )
            # "had seized the town in 2014" is background; "said on Sunday it had seized" is not.
            pluperfect = own_clause and _is_pluperfect(_clause_head(trigger_span.root))
        elif anchor is not None:
            event_date = EventDate(value=anchor.isoformat(), granularity="day", basis="publication")
        historical = self._is_historical(event_date, anchor, pluperfect)
        return replace(event, date=event_date, is_historical=historical, coded_by=coded_by), None

    def _resolve_offset(
        self,
        parsed: ParsedArticle,
        event: Event,
        pending: _Anchored,
        events: list[Event],
        anchor: date | None,
    ) -> Event:
        """Date ``event`` by its offset from the event it counts from; undated if that one has no date."""
        expression = pending.expression
        target = pending.target
        start = self._counted_from(parsed, target, events) if target is not None else None
        moved = shift_value(start.value, expression.offset) if start and expression.offset else None
        if moved is None:
            return event
        event_date = EventDate(
            value=moved[0],
            granularity=moved[1],
            basis="text",
            span=TextSpan(expression.start_char, expression.end_char, expression.text),
        )
        return replace(event, date=event_date, is_historical=self._is_historical(event_date, anchor, False))

    @staticmethod
    def _counted_from(parsed: ParsedArticle, target: Token, events: list[Event]) -> EventDate | None:
        """Return the text date of the event ``target`` heads, or of the latest earlier mention of it."""
        position = target.idx + parsed.offset

        def has_text_date(event: Event) -> bool:
            return event.date is not None and event.date.basis != "publication" and event.date.until is None

        own = next((e for e in events if e.trigger.start_char <= position < e.trigger.end_char), None)
        if own is not None and has_text_date(own):
            return own.date
        earlier = []
        for other in events:
            if other.trigger.start_char >= position or not has_text_date(other):
                continue
            if own is not None and other.event_type == own.event_type:
                earlier.append(other)
                continue
            span = parsed.doc_span(other.trigger)
            if span is not None and span.root.lemma_ == target.lemma_:
                earlier.append(other)
        if not earlier:
            return None
        return max(earlier, key=lambda e: e.trigger.start_char).date

    def _choose(
        self,
        parsed: ParsedArticle,
        trigger: Token,
        anchored: list[_Anchored],
        window: _Window,
    ) -> tuple[_Anchored, str, bool] | None:
        """Return the governing expression, its basis, and whether it is in the trigger's own clause."""
        usable = [
            a
            for a in anchored
            if (a.expression.kind in ("date", "range") and value_bounds(a.expression.value))
            or (a.expression.kind == "offset" and a.target is not None)
        ]
        clause = _clause_head(trigger)
        sentence = window.sentence_of(trigger)
        in_sentence = [a for a in usable if a.sent_start == sentence.start]
        # 1. The trigger's own phrase: the expression hangs below the trigger, no clause between.
        for a in in_sentence:
            token = a.root
            while not _is_clause_head(token) and token.i != trigger.i:
                token = token.head
            if token.i == trigger.i:
                return a, "text", True
        # 2. The trigger's clause, then 3. the clauses governing it, nearest first.
        for head in (clause, *_governing_clauses(clause)):
            candidates = [a for a in in_sentence if a.clause.i == head.i]
            if candidates:
                nearest = min(candidates, key=lambda a: abs(a.root.i - trigger.i))
                return nearest, "text", head.i == clause.i
        # 4. An earlier sentence of the same paragraph, if its date governs that sentence.
        paragraph_start = self._paragraph_start(window.text, sentence.start_char)
        earlier = [
            a for a in usable
            if paragraph_start <= a.sent_start_char < sentence.start_char and self._governs_sentence(a)
        ]  # fmt: skip
        if earlier:
            return earlier[-1], "paragraph", False
        return None

    @staticmethod
    def _governs_sentence(anchored_expression: _Anchored) -> bool:
        """Tell whether the expression belongs to its sentence's main clause."""
        clause = anchored_expression.clause
        return clause.dep_ == "ROOT" or (clause.dep_ == "conj" and clause.head.dep_ == "ROOT")

    @staticmethod
    def _paragraph_start(text: str, position: int) -> int:
        starts = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, position)]
        return starts[-1] if starts else 0

    @staticmethod
    def _retense(choice: _Anchored, anchor: date | None) -> TimeExpression:
        """Re-resolve a weekday or a yearless month by the tense of the clause that holds it."""
        expression = choice.expression
        if expression.offset is not None:
            return expression  # counted from an earlier date, not from the anchor
        if anchor is None or not expression.is_relative or not _is_future(choice.clause):
            return expression
        again = find_time_expressions(expression.text, anchor, offset=expression.start_char, future=True)
        if len(again) == 1 and again[0].end_char == expression.end_char and expression.kind == "date":
            return again[0]
        return expression

    def _is_historical(self, event_date: EventDate | None, anchor: date | None, pluperfect: bool) -> bool:
        if event_date is None or anchor is None or event_date.basis == "publication":
            return False
        bounds = value_bounds(event_date.until or event_date.value)
        if bounds is None:
            return False
        latest = bounds[1]
        if latest < anchor - timedelta(days=self.historical_days):
            return True
        return pluperfect and latest < anchor


_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def _anniversary(parsed: ParsedArticle, trigger: Token, anchor: date | None) -> EventDate | None:
    """Return the date of an event the text marks the anniversary of, counted from the report.

    "the one-year anniversary of the invasion", "the 10th anniversary of the uprising": the
    month that many years before publication. None when the event is no anniversary's or
    the years are not given.
    """
    if anchor is None or trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return None
    anniversary = trigger.head.head
    if anniversary.lemma_.lower() != "anniversary":
        return None
    years = None
    for word in anniversary.lefts:
        text = word.lower_
        if text in ORDINAL_WORDS and ORDINAL_WORDS[text] > 0:
            years = ORDINAL_WORDS[text]
        elif (ordinal := _ORDINAL_SUFFIX.match(text)) is not None:
            years = int(ordinal.group(1))
        elif word.lemma_.lower() == "year":  # "one-year", "20-year"
            count = next((c for c in word.children if c.dep_ == "nummod"), None)
            if count is not None:
                years = NUMBER_WORDS.get(count.lower_) or (int(count.text) if count.text.isdigit() else None)
    if not years or years > anchor.year:
        return None
    start = anniversary.left_edge.i
    phrase = anniversary.doc[start if anniversary.doc[start].dep_ != "det" else start + 1 : anniversary.i + 1]
    span = parsed.text_span(phrase)
    return EventDate(
        value=f"{anchor.year - years:04d}-{anchor.month:02d}", granularity="month", basis="text", span=span
    )


@stages.register(NAME)
def make_date_resolver(historical_days: int = 30) -> DateResolver:
    """Build the date resolver; ``historical_days`` sets when an event counts as background."""
    return DateResolver(historical_days)
