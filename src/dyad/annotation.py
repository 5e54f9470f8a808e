"""Every mention of one layer of an article — times, places, quantities or actors — with its value.

This is what ``dyad annotate`` prints: users debug a resolver with it, and each layer is scored
on its own gold set with it (TempEval for times, GeoWebNews for places). Each layer calls the
same code the pipeline uses, so what is shown is what events get:

* ``times``: ``dates.find_time_expressions`` over the whole text, anchored on the publication
  date (no parse: the tense of the clause, which the event resolver also reads, is not used);
* ``quantities``: ``coding.quantities.find_numbers`` on each parsed window, with the noun each
  number counts (``unit``) read from the parse;
* ``places``: ``geo`` toponym recognition and resolution on each parsed window;
* ``actors``: the actors, recipients and speakers of the coded events, then the named people,
  organisations and groups no event took, each resolved by the ``actors`` resolver.

Offsets are Python string offsets into ``Article.text``, as everywhere in dyad.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from dyad.errors import ConfigError, DyadError, StageError
from dyad.model import Actor, Article, TextSpan
from dyad.pipeline import Failure, Pipeline, load_pipeline

if TYPE_CHECKING:
    from dyad.actors import ActorResolver
    from dyad.geo import Gazetteer
    from dyad.nlp import ParsedArticle

__all__ = [
    "ActorValue",
    "Annotator",
    "Layer",
    "Mention",
    "PlaceValue",
    "QuantityValue",
    "TimeValue",
    "annotate",
]

# spaCy entity labels of the actors no event took: people, organisations, nationalities/groups.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


class Layer(StrEnum):
    """The layers ``annotate`` can show."""

    TIMES = "times"
    PLACES = "places"
    QUANTITIES = "quantities"
    ACTORS = "actors"

    @property
    def needs_parse(self) -> bool:
        """Whether the layer needs the parse (times do not: they are read from the text alone)."""
        return self != Layer.TIMES


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time expression's TIMEX3-like value; ``kind`` is date, range, duration, set or offset."""

    value: str | None
    granularity: str
    until: str | None = None
    kind: str = "date"


@dataclass(frozen=True, slots=True)
class PlaceValue:
    """The gazetteer entry a toponym resolved to; all None when the gazetteer knows no such place.

    ``basis`` says where the entry came from: ``gazetteer`` (the name's own), ``demonym``
    (the country a demonym names), ``stated`` (the place the text names right after it, for
    a name the gazetteer lacks), ``focus`` (the town the article is about). ``embedded``
    marks a demonym or a name inside another name ("University of Texas", "US-led"): a
    toponym, but never where an event happened.
    """

    name: str | None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None
    basis: str | None = None
    embedded: bool = False


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A number phrase's value and bounds; ``unit`` is the word it counts ("people", "times")."""

    value: int | None
    low: int | None = None
    high: int | None = None
    approx: bool = False
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class ActorValue:
    """Who an actor phrase was resolved to be; None and empty when the text does not say."""

    name: str | None
    country: str | None = None
    sector: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a layer in an article: the words and what they were resolved to."""

    article_id: str
    layer: Layer
    span: TextSpan
    value: TimeValue | PlaceValue | QuantityValue | ActorValue

    def to_record(self) -> dict[str, Any]:
        """Return the JSON form ``dyad annotate`` writes: ids, text and offsets, then the value's fields."""
        record: dict[str, Any] = {
            "article_id": self.article_id,
            "layer": self.layer.value,
            "text": self.span.text,
            "start": self.span.start_char,
            "end": self.span.end_char,
        }
        for field in fields(self.value):
            item = getattr(self.value, field.name)
            record[field.name] = list(item) if isinstance(item, tuple) else item
        return record


def _times(article: Article) -> list[Mention]:
    # Imported here, like every layer's finder, so ``import dyad`` does not compile their patterns.
    from dyad.dates import find_time_expressions

    anchor = article.published_at.date() if article.published_at else None
    return [
        Mention(
            article.id,
            Layer.TIMES,
            TextSpan(e.start_char, e.end_char, e.text),
            TimeValue(e.value, e.granularity, e.until, e.kind),
        )
        for e in find_time_expressions(article.text, anchor)
    ]


def _quantities(parsed: ParsedArticle) -> list[Mention]:
    # Imported here: numerizer loads spaCy, which ``import dyad`` should not pay for.
    from dyad.coding.quantities import find_numbers

    doc = parsed.doc
    mentions = []
    for n in find_numbers(doc.text, offset=parsed.offset):
        span = parsed.char_span(n.start_char - parsed.offset, n.end_char - parsed.offset)
        value = QuantityValue(n.value, n.low, n.high, n.is_approx, _unit(parsed, span) or n.head)
        mentions.append(Mention(parsed.article.id, Layer.QUANTITIES, span, value))
    return mentions


def _unit(parsed: ParsedArticle, span: TextSpan) -> str | None:
    """Return the noun a number phrase counts: "personnel" in "1.6 million security personnel".

    The word right after the number (``NumberMention.head``) is often a modifier ("security",
    "retaliatory"); the parse knows the noun the number modifies, or the object of its "of".
    """
    tokens = parsed.doc_span(span)
    if tokens is None or len(tokens) == 0:
        return None
    # The phrase's root carries its attachment ("million" in "one million and 600 thousand").
    number = tokens.root
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].lower_
    head = number.head
    inside = tokens.start <= head.i < tokens.end
    if (
        number.dep_ in ("nummod", "quantmod", "amod", "compound")
        and not inside
        and head.pos_ in ("NOUN", "PROPN")
    ):
        return head.lower_
    return None


def _places(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[Mention]:
    from dyad.geo import place_mentions

    # An unresolved toponym is still a mention (null fields): the gazetteer's gap is what the
    # user debugs. The dateline comes first, as where the report was filed.
    return [
        Mention(
            parsed.article.id,
            Layer.PLACES,
            TextSpan(m.start, m.end, m.text),
            PlaceValue(
                m.name, m.country, m.admin1, m.lat, m.lon, m.geonameid, m.precision, m.basis, m.is_embedded
            ),
        )
        for m in place_mentions(parsed, gazetteer)
    ]


def _actors(parsed: ParsedArticle, pipeline: Pipeline, resolver: ActorResolver) -> list[Mention]:
    found: dict[tuple[int, int], Actor] = {}
    for event in pipeline.run_stages(parsed):
        for actor in (*event.actors, *event.recipients, *((event.speaker,) if event.speaker else ())):
            found.setdefault((actor.span.start_char, actor.span.end_char), actor)
    taken = list(found)
    from dyad.actors.document import Document

    document = Document(resolver, parsed)  # read the article once for all its entities
    for entity in parsed.doc.ents:
        if entity.label_ not in _ACTOR_LABELS:
            continue
        if entity.root.dep_ in _MODIFIER_DEPS and not entity.start <= entity.root.head.i < entity.end:
            continue  # "Iraqi" of "the Iraqi parliament": the phrase is the actor, not its modifier
        span = parsed.text_span(entity)
        if any(span.start_char < end and start < span.end_char for start, end in taken):
            continue
        for actor in resolver.resolve_in(document, Actor(span=span)):
            found.setdefault((actor.span.start_char, actor.span.end_char), actor)
    return [
        Mention(
            parsed.article.id, Layer.ACTORS, actor.span, ActorValue(actor.name, actor.country, actor.sector)
        )
        for _, actor in sorted(found.items())
    ]


def _stage(pipeline: Pipeline, kind: type) -> Any:
    return next((stage for stage in pipeline.stages if isinstance(stage, kind)), None)


class Annotator:
    """Finds the mentions of one layer in articles.

    Places and actors need the parse and the pipeline's resources (the gazetteer, the actor
    knowledge base), quantities the parse: pass the ``pipeline`` to reuse its settings, or one
    is loaded with the shipped config. Times need neither and load nothing.

    ``on_error="skip"`` records an article that fails in ``failures`` and goes on.

    Raises:
        ConfigError: ``layer`` is not a layer, or a resource is missing.
    """

    def __init__(
        self,
        layer: Layer | str,
        pipeline: Pipeline | None = None,
        *,
        on_error: str = "raise",
    ) -> None:
        try:
            self.layer = Layer(layer)
        except ValueError as e:
            choices = ", ".join(item.value for item in Layer)
            raise ConfigError(f"unknown layer {layer!r}; choose one of {choices}") from e
        self.on_error = on_error
        self._failures: list[Failure] = []
        # Times never parse, so a pipeline given for them is not used.
        self.pipeline = pipeline if self.layer.needs_parse else None
        self.gazetteer: Gazetteer | None = None
        self.actor_resolver: ActorResolver | None = None
        if not self.layer.needs_parse:
            return
        if self.pipeline is None:
            self.pipeline = load_pipeline(on_error="skip" if on_error == "skip" else "raise")
        if self.layer == Layer.PLACES:
            from dyad.geo import load_gazetteer
            from dyad.geo.resolver import LocationResolver

            stage = _stage(self.pipeline, LocationResolver)
            self.gazetteer = stage.gazetteer if stage is not None else load_gazetteer()
        else:
            from dyad.actors import ActorResolver, make_actor_resolver

            self.actor_resolver = _stage(self.pipeline, ActorResolver) or make_actor_resolver()

    @property
    def failures(self) -> list[Failure]:
        """The articles that failed, when ``on_error="skip"`` (including the pipeline's)."""
        return self._failures + (self.pipeline.failures if self.pipeline is not None else [])

    def __call__(self, article: Article) -> list[Mention]:
        """Return the mentions of the layer in one article."""
        return next(self.process([article]))[1]

    def process(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Mention]]]:
        """Yield each article with its mentions of the layer, in text order."""
        if self.pipeline is None:  # times: read from the text alone
            for article in articles:
                yield article, self._guarded(article.id, lambda a=article: _times(a))
            return
        pipeline = self.pipeline
        for article, windows in pipeline.parse(articles):
            mentions: list[Mention] = []
            for parsed in windows:
                mentions.extend(self._guarded(article.id, lambda p=parsed: self._parsed_layer(p, pipeline)))
            yield article, sorted(mentions, key=lambda m: (m.span.start_char, m.span.end_char))

    def _parsed_layer(self, parsed: ParsedArticle, pipeline: Pipeline) -> list[Mention]:
        if self.layer == Layer.QUANTITIES:
            return _quantities(parsed)
        if self.layer == Layer.PLACES:
            assert self.gazetteer is not None
            return _places(parsed, self.gazetteer)
        assert self.actor_resolver is not None
        return _actors(parsed, pipeline, self.actor_resolver)

    def _guarded(self, article_id: str, find: Any) -> list[Mention]:
        try:
            return list(find())
        except DyadError:
            raise
        except Exception as e:
            error = StageError(f"annotate.{self.layer.value}", article_id, e)
            if self.on_error == "raise":
                raise error from e
            self._failures.append(Failure(article_id, error.stage, str(e)))
            return []


def annotate(article: Article, layer: Layer | str, pipeline: Pipeline | None = None) -> list[Mention]:
    """Return every mention of ``layer`` (times, places, quantities, actors) in ``article``.

    Places and actors parse the article with ``pipeline`` (or the shipped one, loaded once per
    call: build an ``Annotator`` to annotate many articles).

    Raises:
        ConfigError: ``layer`` is not a layer, or a resource is missing.
    """
    return Annotator(layer, pipeline)(article)
