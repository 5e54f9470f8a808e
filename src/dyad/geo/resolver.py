"""The ``geo.gazetteer.v1`` stage: each event's location from the toponyms around it.

Where an event happened is decided in this order, and the first that gives a place wins:

1. places attached to the trigger by a chain of locative phrases (in, at, near, off, ...,
   "of" in between), directly or through the trigger's argument ("killed in a car bomb
   explosion in a residential sector of eastern Beirut"; "struck bases of the coalition
   in Iraq and Syria"); only when none is, for material events, a place that is, or
   modifies, the trigger's object ("struck Iran's Kharg terminal");
2. places elsewhere in the event's sentence that are not the name of an actor or recipient
   of any of its events, not a subject, not attached to a reporting verb ("In London,
   Lloyd's said ..." is where the speaker is, not where the attack was);
3. the document focus: the most-mentioned country of the body, at country precision;
4. the dateline place, only when the body names no place at all. A dateline alone never
   locates an event that the body places elsewhere;
5. for a material event of a text that names no place it knows, the country of whom it was
   done to, at country precision ("Houthi fighters killed 4 Saudi soldiers": Saudi Arabia);
6. for a material event still unplaced, the most-mentioned country of every place the text
   names, those inside participants' names and beside speakers included ("farmers from
   Isfahan staged a protest", "Tacoma police said"), at country precision;
7. then the country of whom the text's other acts are done to ("Turkish forces controlled
   the airport, following clashes with YPG": Syria), and last the country of who did it
   ("the Syrian army shelled Kabani": Syria). An attack happens on its target's ground more
   often than on its doer's, and a foreign force's own country is the weakest guess.

Embedded toponyms never locate an event: names inside an organisation's name and names
that only build a hyphenated modifier ("US-led", "Iran-backed", "anti-Syria").
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dyad.errors import ConfigError
from dyad.geo.gazetteer import Gazetteer, Place, load_gazetteer
from dyad.geo.toponyms import (
    CONATIVE_LEMMAS,
    REPORTING_LEMMAS,
    Toponym,
    dateline_toponym,
    demonym_countries,
    find_toponyms,
)
from dyad.model import Actor, Event, EventType, Location, TextSpan
from dyad.nlp import ParsedArticle
from dyad.registry import stages

if TYPE_CHECKING:
    from spacy.tokens import Token

logger = logging.getLogger(__name__)

NAME = "geo.gazetteer.v1"
LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "off",
        "across",
        "inside",
        "on",
        "into",
        "within",
        "around",
        "throughout",
        "along",
        "from",
        "toward",
        "towards",
        "over",
        "between",
        "among",
        "through",
        "nearby",
    }
)
# Events that happen to a place: their object is where they happened ("struck Kharg").
MATERIAL_TYPES = frozenset(
    {
        EventType.ASSAULT,
        EventType.COERCE,
        EventType.MOBILIZE,
        EventType.PROTEST,
        EventType.AID,
        EventType.RETREAT,
    }
)
_NOUN_LINKS = frozenset({"conj", "appos", "compound", "poss", "nmod", "amod", "pobj", "npadvmod", "case"})
_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "npadvmod", "oprd", "dative", "advmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent"})


class LocationResolver:
    """Set ``Event.locations`` from the toponyms of the parsed window."""

    name = NAME

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, parsed: ParsedArticle, events: Sequence[Event]) -> list[Event]:
        """Return the events with ``locations`` set and this stage added to ``coded_by``."""
        if not events:
            return []
        # Demonyms ("Iraqi", "Syrian") and the countries of the events' participants
        # ("Houthi forces") say which countries the text is about: evidence for the reading
        # of an ambiguous name, and for the focus, never a place of their own.
        demonyms = demonym_countries(parsed, self.gazetteer) + Counter(
            actor.country for event in events for actor in (*event.actors, *event.recipients) if actor.country
        )
        # A name placed only by the article's focus town ("at Whole Foods", or a company the
        # model tags as a place) is a guess: listed as a mention, it never locates an event,
        # nor votes for the focus it was placed by.
        toponyms = [
            t
            for t in find_toponyms(parsed, self.gazetteer, demonyms)
            if t.place is not None and t.contained != "focus"
        ]
        dateline = None if toponyms else self._dateline(parsed)
        # Everyone a sentence's events name: "angry over the US killing of Soleimani, the
        # parliament passed a resolution": the US is who killed, not where parliament met.
        named: dict[int, list[TextSpan]] = {}
        for event in events:
            named.setdefault(event.sentence.start_char, []).extend(
                a.span for a in (*event.actors, *event.recipients)
            )
        # Every place the text names, participants' and speakers' included, for the last
        # fallback: the same for each event, so counted once.
        named_country = _focus([t for t in toponyms if not t.is_embedded], demonyms, self.gazetteer)
        # Whom the text's acts are done to: an unplaced act by a foreign force ("Turkish forces
        # controlled the airport, following clashes with YPG") is on its targets' ground.
        targets = [actor for event in events for actor in event.recipients]
        resolved = []
        for event in events:
            spans = [a.span for a in (*event.actors, *event.recipients)]
            background = [t for t in toponyms if not t.is_embedded and _free_place(parsed, t, spans)]
            locations = (
                self._locate(parsed, event, toponyms, named.get(event.sentence.start_char, []))
                or _focus(background, demonyms, self.gazetteer)
                or dateline
                or self._participants_country(event, event.recipients)
                or (named_country if event.event_type in MATERIAL_TYPES else ())
                or self._participants_country(event, targets)
                or self._participants_country(event, event.actors)
            )
            resolved.append(
                dataclasses.replace(event, locations=tuple(locations), coded_by=(*event.coded_by, NAME))
            )
        return resolved

    def _locate(
        self, parsed: ParsedArticle, event: Event, toponyms: list[Toponym], named: Sequence[TextSpan]
    ) -> tuple[Location, ...]:
        trigger_span = parsed.doc_span(event.trigger)
        if trigger_span is None:
            return ()
        trigger = trigger_span.root
        sentence = [
            t
            for t in toponyms
            if event.sentence.start_char <= t.span.start_char < event.sentence.end_char and not t.is_embedded
        ]
        argument_spans = [a.span for a in (*event.actors, *event.recipients)]
        ties = [(t, _attached(parsed, t, trigger, event.event_type, argument_spans)) for t in sentence]
        # A place reached through the trigger's chain of locative phrases ("killed in a car
        # bomb explosion in a residential sector of eastern Beirut") says where it happened.
        # A place that is only the object or its modifier counts when no locative phrase
        # names one, or when it lies in a country that one names ("struck Ain al-Asad air
        # base in western Iraq"); "attacked Syria's allies in Tripoli" stays in Tripoli.
        locative = [t for t, tie in ties if tie == _LOCATIVE]
        countries = {t.place.country for t in locative if t.place is not None}
        objects = [
            t
            for t, tie in ties
            if tie == _OBJECT and (not locative or t.place is not None and t.place.country in countries)
        ]
        if locative or objects:
            return _locations(sorted([*locative, *objects], key=lambda t: t.token_start))
        free = [t for t in sentence if _free_place(parsed, t, [*argument_spans, *named])]
        return _locations(free)

    def _participants_country(self, event: Event, participants: Sequence[Actor]) -> tuple[Location, ...]:
        if event.event_type not in MATERIAL_TYPES:
            return ()
        for actor in participants:
            country = self.gazetteer.country(actor.country) if actor.country else None
            if country is not None:
                return (_location(country, actor.span, precision="country"),)
        return ()

    def _dateline(self, parsed: ParsedArticle) -> tuple[Location, ...]:
        toponym = dateline_toponym(parsed, self.gazetteer)
        if toponym is None or toponym.place is None:
            return ()
        return (_location(toponym.place, toponym.span),)


def _token_of(parsed: ParsedArticle, toponym: Toponym) -> Token:
    return parsed.doc[toponym.token_start : toponym.token_end].root


def _inside(toponym: Toponym, spans: Sequence[TextSpan]) -> TextSpan | None:
    for span in spans:
        if span.start_char <= toponym.span.start_char and toponym.span.end_char <= span.end_char:
            return span
    return None


def _is_argument_name(parsed: ParsedArticle, toponym: Toponym, spans: Sequence[TextSpan]) -> bool:
    """Say whether the toponym is itself an actor/recipient ("Kuwait rejected ...")."""
    span = _inside(toponym, spans)
    if span is None:
        return False
    doc_span = parsed.doc_span(span)
    return doc_span is not None and doc_span.root.i in range(toponym.token_start, toponym.token_end)


_LOCATIVE = "locative"
_OBJECT = "object"


def _attached(
    parsed: ParsedArticle,
    toponym: Toponym,
    trigger: Token,
    event_type: EventType,
    argument_spans: Sequence[TextSpan],
) -> str | None:
    """Say how the toponym is tied to the trigger: ``_LOCATIVE``, ``_OBJECT`` or None.

    Locative: a chain of prepositional phrases, "of" included, leads from the trigger
    to it. Object: for material events, it is (or modifies) the trigger's object.
    """
    token = _token_of(parsed, toponym)
    saw_locative = False
    steps = 0
    while token.head is not token and steps < 12:
        steps += 1
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
            saw_locative = True
        # "support for Israel in its war on Gaza": a place behind a non-spatial preposition
        # belongs to that phrase, not to the event.
        if token.dep_ == "prep" and token.lower_ not in LOCATIVE_PREPOSITIONS | {"of"}:
            return None
        head = token.head
        if head.i == trigger.i:
            if saw_locative or token.dep_ == "prep" and token.lower_ in LOCATIVE_PREPOSITIONS:
                return _LOCATIVE
            is_object = event_type in MATERIAL_TYPES and token.dep_ in (
                "dobj",
                "nsubjpass",
                "pobj",
                "npadvmod",
            )
            if is_object and (token.dep_ == "dobj" or not _is_argument_name(parsed, toponym, argument_spans)):
                return _OBJECT
            return None
        # A clause boundary: the place belongs to another predicate.
        if head.pos_ in ("VERB", "AUX") and head.i != trigger.i:
            return None
        if token.dep_ not in _NOUN_LINKS | _ARGUMENT_DEPS | {"prep", "pcomp", "acl", "det"}:
            return None
        token = head
    return None


def _free_place(parsed: ParsedArticle, toponym: Toponym, argument_spans: Sequence[TextSpan]) -> bool:
    """Say whether a sentence place may locate an event it is not syntactically tied to."""
    if _is_argument_name(parsed, toponym, argument_spans):
        return False
    # Climb to the predicate the place hangs from. A place inside a subject names a
    # participant ("US forces have responded"); a reporting verb locates the speaker only.
    head = _token_of(parsed, toponym)
    # How the place itself is tied: its first preposition other than "of", else its own
    # dependency on the verb ("enter Turkey": dobj).
    link: Token | None = None
    for _ in range(12):
        if head.dep_ in _SUBJECT_DEPS:
            return False
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        if head.dep_ == "prep" and head.lower_ not in LOCATIVE_PREPOSITIONS | {"of"}:
            break
        is_own_tie = (head.dep_ == "prep" and head.lower_ != "of") or head.head.pos_ in ("VERB", "AUX")
        if link is None and is_own_tie:
            link = head
        head = head.head
    return head.lemma_.lower() not in REPORTING_LEMMAS and not _is_unreached_goal(head, link)


def _is_unreached_goal(verb: Token, link: Token | None) -> bool:
    """Say whether a place is where a verb of trying or meaning to was going, not where it was.

    "as he attempted to cross into Turkey", "trying to enter Israel": the goal of an
    infinitive under attempt, try, plan is not reached; its source ("from Idleb") and its
    "in" place ("trying to cross the border in Idleb") are where the person was.
    """
    if link is None or verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in CONATIVE_LEMMAS:
        return False
    return link.dep_ == "dobj" or link.dep_ == "prep" and link.lower_ in ("into", "to", "toward", "towards")


def _focus(toponyms: list[Toponym], demonyms: Counter[str], gazetteer: Gazetteer) -> tuple[Location, ...]:
    """Return the most-mentioned country of the window, at country precision.

    Place names count, and so do demonyms ("the Iraqi government"), but only countries
    that a place name also mentions can be chosen, so the location keeps a text span.
    """
    counts: Counter[str] = Counter(
        t.place.country for t in toponyms if t.place and t.place.country and not t.is_embedded
    )
    if not counts:
        return ()
    for country in counts:
        counts[country] += demonyms[country]
    top = max(counts.values())
    first = next(t for t in toponyms if t.place and counts.get(t.place.country or "") == top)
    country = gazetteer.country(first.place.country) if first.place and first.place.country else None
    if country is None:
        return ()
    return (_location(country, first.span, precision="country"),)


def _locations(toponyms: list[Toponym]) -> tuple[Location, ...]:
    """Turn toponyms into locations, one per place, dropping a country a finer place is in."""
    places: dict[tuple[str, str | None], Toponym] = {}
    for toponym in toponyms:
        if toponym.place is not None:
            places.setdefault((toponym.place.name, toponym.place.country), toponym)
    finer = {t.place.country for t in places.values() if t.place and t.place.kind != "country"}
    kept = [
        t for t in places.values() if t.place and not (t.place.kind == "country" and t.place.country in finer)
    ]
    return tuple(_location(t.place, t.span) for t in kept if t.place)


def _location(place: Place, span: TextSpan | None, precision: str | None = None) -> Location:
    return Location(
        span=span,
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        precision=precision or place.precision,
    )


@stages.register(NAME)
def make_location_resolver(min_population: int = 5000) -> LocationResolver:
    """Build the location resolver, loading the gazetteer now.

    Args:
        min_population: cities smaller than this are not candidates (capitals always are).

    Raises:
        ConfigError: a gazetteer data file is missing or malformed, or the setting is invalid.
    """
    if not isinstance(min_population, int) or min_population < 0:
        raise ConfigError(
            f'[stages."{NAME}"].min_population must be a whole number >= 0, got {min_population!r}.'
        )
    return LocationResolver(load_gazetteer(min_population))
