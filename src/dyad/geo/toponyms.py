"""Find the place names in a parsed window and pick each one's gazetteer entry.

Recognition joins spaCy's GPE/LOC/FAC entities with a gazetteer phrase match over proper
nouns, so curated names the model misses ("Ain al-Asad", "Jurf al-Sakhar", "Kharg island")
are found too. Demonyms (NORP: "Iraqi", "Syrian") are not toponyms here: the place
mentions list them apart, embedded (``dyad.geo.mentions``). Names inside an
organisation's name ("University of California") are kept but marked embedded: they are
toponyms, yet they do not say where an event happened.

Organisations named for their site ("Barclays Center"), a country inside an amount ("US
dollars") and a demonym opening an organisation's name ("European Commission") are
toponyms too; the last two are embedded. A one-word name that the article also gives as a
person's surname ("Tom Evans" ... "Evans says") is not a place. Each toponym's entry is
then picked by ``dyad.geo.disambiguation``, with the dateline as a weak hint.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from dyad.errors import ConfigError
from dyad.geo.datelines import read_dateline
from dyad.geo.disambiguation import disambiguate, follows_name_and_comma
from dyad.geo.gazetteer import Gazetteer, Place, name_key
from dyad.geo.geonames import is_spelling_of
from dyad.geo.minor import minor_toponyms
from dyad.geo.modifiers import is_hyphen_modifier
from dyad.geo.smalltowns import has_place_evidence
from dyad.model import TextSpan
from dyad.nlp import ParsedArticle, find_body_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# The finder's grammar (spaCy labels, prepositions) stays here; its open lists of place
# words are data, read below from data/toponym_words.yaml.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Tokens in these entities are never part of a place name: "Paris Hilton", "May 5", "Gulf War".
_BLOCKING_LABELS = frozenset(
    {
        "PERSON",
        "DATE",
        "TIME",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "PRODUCT",
        "NORP",
        "LANGUAGE",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
    }
)

# Entities that name a venue when "at" governs them ("at Anfield", "at Whole Foods").
_VENUE_LABELS = frozenset({"ORG", "PERSON", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
_VENUE_PREPOSITIONS = frozenset({"at", "into", "inside", "outside"})
# Entities the small model gives to towns often enough to check ("in Riverdale").
_RESCUABLE_LABELS = frozenset({"PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})
_PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "from",
        "across",
        "around",
        "into",
        "of",
        "to",
        "via",
        "toward",
        "towards",
    }
)
# Prepositions whose object an organisation entity can be only as a place: "in Dohuk".
_LOCATED_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across", "inside", "into"})
_SITE_LINKS = frozenset({"in", ",", "at", "of", "on"})

_SOURCE = "dyad/geo/data/toponym_words.yaml"


def _read_words() -> dict[str, Any]:
    """Read the finder's word lists, shipped in ``data/toponym_words.yaml``."""
    text = resources.files("dyad.geo").joinpath("data/toponym_words.yaml").read_text("utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"{_SOURCE} is not valid YAML: {e}. Fix the file.") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{_SOURCE} must hold a mapping of list names to words, not {type(data).__name__}.")
    return data


def _word_list(data: dict[str, Any], name: str) -> frozenset[str]:
    """Return the list ``name`` of the word file; fail if it is missing or holds a non-word."""
    words = data.get(name)
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise ConfigError(
            f"{_SOURCE}: {name} must be a list of lower-case words, not {words!r}. "
            'Quote the words YAML reads as true, false or null ("on", "no").'
        )
    return frozenset(words)


# The common words of place names, with what each list is for, live in data/toponym_words.yaml.
_WORDS = _read_words()
_FEATURE_WORDS = _word_list(_WORDS, "feature_words")
REPORTING_LEMMAS = _word_list(_WORDS, "reporting_lemmas")
CONATIVE_LEMMAS = _word_list(_WORDS, "conative_lemmas")
_STREET_HEADS = _word_list(_WORDS, "street_heads")
_FACILITY_HEADS = _STREET_HEADS | _word_list(_WORDS, "facility_heads")
_FACILITY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_FACILITY_HEADS)) + r")\b\.?", re.IGNORECASE)
_TOWNLIKE_HEADS = _word_list(_WORDS, "townlike_heads")
_ORG_SITE_HEADS = _word_list(_WORDS, "org_site_heads")
_GENERIC_WORDS = _word_list(_WORDS, "generic_words")
_DISTRICT_WORDS = _word_list(_WORDS, "district_words")
_SETTLEMENT_WORDS = _word_list(_WORDS, "settlement_words")
_COMPASS_WORDS = _word_list(_WORDS, "compass_words")
_DIRECTIONS = _COMPASS_WORDS - {"the", "greater"}
# Words after a name that say what kind of place it is, and do not make it a longer name.
_KIND_WORDS = (
    _FEATURE_WORDS | _FACILITY_HEADS | _GENERIC_WORDS | _DISTRICT_WORDS | _SETTLEMENT_WORDS | _COMPASS_WORDS
)
_NAME_PARTICLES = _word_list(_WORDS, "name_particles")
_FORCE_HEADS = _word_list(_WORDS, "force_heads")
_NAME_OPENERS = _word_list(_WORDS, "name_openers")


def in_place_frame(span: Span) -> bool:
    """Say whether the words around a name frame it as a place, whatever its entity label.

    "in X" (directions between allowed: "in northeast Lattakia"), "the town of X",
    "X village", "X district". A subject or a name with no such frame keeps its label.
    """
    return _preposition_before(span, _COMPASS_WORDS) is not None or in_settlement_frame(span)


def _preposition_before(span: Span, between: frozenset[str]) -> int | None:
    """Return the index of the preposition of place before ``span``, past words of ``between``.

    "in northeast Lattakia": the "in" before the direction. "of", "to" and "from" do not
    count: "the capture of X", "a visit to X", "came from X" say no more than that X is named.
    """
    doc = span.doc
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in between:
        before -= 1
    if before >= 0 and doc[before].lower_ in _PLACE_PREPOSITIONS - {"of", "to", "from"}:
        return before
    return None


def in_settlement_frame(span: Span) -> bool:
    """Say whether a word for a settlement frames a name: "the town of X", "X village".

    Strong enough for a name the model calls an organisation: "in X" alone is not ("worked
    in Google").
    """
    doc = span.doc
    before = span.start - 1
    if before >= 1 and doc[before].lower_ == "of" and doc[before - 1].lower_ in _SETTLEMENT_WORDS:
        return True
    return span.end < len(doc) and doc[span.end].lower_ in _SETTLEMENT_WORDS


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in the text and what it was resolved to.

    ``token_start``/``token_end`` index the window's ``Doc``; ``place`` is None when the
    gazetteer knows no such name. ``source`` is the spaCy label or ``gazetteer``.
    ``priors`` are the candidates' context-free scores. ``contained`` says how a name the
    gazetteer does not know was placed (ACLED codes such places at the nearest town):
    ``"stated"`` in the place the text names right after it, ``"focus"`` in the town the
    article is about; None for a gazetteer match or an unplaced name.
    """

    span: TextSpan
    token_start: int
    token_end: int
    candidates: tuple[Place, ...]
    place: Place | None
    source: str
    is_embedded: bool = False
    priors: tuple[float, ...] = ()
    contained: str | None = None

    @property
    def is_contained(self) -> bool:
        """Say whether the place is a container's, not the name's own gazetteer entry."""
        return self.contained is not None


def find_toponyms(
    parsed: ParsedArticle, gazetteer: Gazetteer, demonyms: Counter[str] | None = None
) -> list[Toponym]:
    """Return the toponyms of the window after the dateline, in text order, resolved.

    ``demonyms`` are the window's ``demonym_countries``, for a caller that has counted them
    (the location stage adds the countries of the events' participants): countries the
    text speaks of, weak evidence for the reading of an ambiguous name.
    """
    doc = parsed.doc
    body_start = find_body_start(parsed.article.text) - parsed.offset
    org_of: dict[int, Span] = {}
    found: list[Toponym] = []
    taken: set[int] = set()
    misread = _misread_organisations(doc)
    for ent in doc.ents:
        if ent.label_ == "ORG" and (ent.start, ent.end) not in misread:
            org_of.update(dict.fromkeys(range(ent.start, ent.end), ent))
    blocked = _blocked_tokens(doc, gazetteer, misread)
    surnames = _surnames(doc)
    place_keys = {name_key(e.text) for e in doc.ents if e.label_ in PLACE_LABELS}
    for ent in doc.ents:
        if ent.start_char < body_start or not _is_place_entity(ent, place_keys):
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        if gazetteer.is_national_demonym(span.text) and not gazetteer.has_key(name_key(span.text)):
            continue  # "Ukrainian troops" tagged as a place: a demonym, never an event's place
        if _is_surname(span, surnames):
            taken.update(range(span.start, span.end))
            continue
        candidates = gazetteer.candidates(span.text)
        if not candidates and len(span) > 1 and span[-1].lower_ in _DISTRICT_WORDS:
            # "Orange County", "Guma LGA": the district of that name, placed at its namesake town.
            candidates = gazetteer.candidates(span[:-1].text)
        site = _is_facility(span) or span[-1].lower_ in _ORG_SITE_HEADS
        if site and span[-1].lower_ not in _TOWNLIKE_HEADS:
            # "Trump Tower" is no town called Trump Tower; "Washington Square" in New
            # Orleans is no Pennsylvania suburb. Only curated sites match a site's name.
            candidates = [(p, score) for p, score in candidates if p.kind != "city"]
        if (
            not candidates
            and not site
            and ent.label_ in ("GPE", "LOC")
            and (has_place_evidence(span, gazetteer) or in_place_frame(span))
        ):
            candidates = gazetteer.small_towns(span.text)
        inside = _phrase_matches(span, gazetteer, taken, set())
        if site and not candidates:
            # A building or site stands in the town its name holds ("Colchester General
            # Hospital"), else in the town the article is about (see ``_contain``).
            # Only a name inside it: "Washington Square" is no town of Washington Square, PA.
            town = next((m for m in inside if len(m) < len(span) and _is_town(m, gazetteer)), None)
            candidates = gazetteer.candidates(town.text) if town is not None else []
        if candidates or site:
            found.append(_toponym(parsed, span, candidates, ent.label_))
            taken.update(range(span.start, span.end))
            continue
        if any(t.lower_ in _NAME_PARTICLES for t in span[1:-1]):
            # "Taba al-Hamra", "Ras al-Ain": one Arabic name the gazetteer lacks, not the towns
            # its words spell abroad.
            found.append(_toponym(parsed, span, [], ent.label_))
            taken.update(range(span.start, span.end))
            continue
        # "Greece Italy", "Asia-Pacific", "Mosul Dam": the known places inside the name.
        for inner in inside:
            found.append(_toponym(parsed, inner, gazetteer.candidates(inner.text), ent.label_))
            taken.update(range(inner.start, inner.end))
        # "Donington Park, Leicestershire" tagged as one name: the words before the comma
        # are a place of their own, in the place after it.
        comma = next((t.i for t in span if t.text == ","), span.end)
        if comma > span.start and not any(k in taken for k in range(span.start, comma)):
            found.append(_toponym(parsed, doc[span.start : comma], [], ent.label_))
            taken.update(range(span.start, comma))
    for span, candidates, source in minor_toponyms(doc, gazetteer, taken, body_start):
        # Demonyms opening organisation names and countries in amounts are embedded.
        found.append(_toponym(parsed, span, candidates, source, embedded=source != "road"))
        taken.update(range(span.start, span.end))
    for match in _phrase_matches(doc[:], gazetteer, taken, blocked):
        if match.start_char < body_start or _is_surname(match, surnames):
            continue
        org = org_of.get(match.start)
        candidates = gazetteer.candidates(match.text)
        if (
            org is not None
            and (org.start, org.end) == (match.start, match.end)
            and not gazetteer.is_own_name(match.text)
            and not in_settlement_frame(org)
        ):
            # "Hamas" (ORG) is only an old name of Hamm: an organisation, not a town. One
            # only ever placed ("in Dohuk") is a town when the name is a spelling of its
            # own ("Dihok"), not a nickname ("worked in Google" is no Topeka).
            located = _is_located_object(org, doc)
            candidates = (
                [(p, s) for p, s in candidates if is_spelling_of(match.text, p.name)] if located else []
            )
        if candidates:  # none left: a capitalised acronym ("SUV", "OAS") that names no town
            found.append(_toponym(parsed, match, candidates, "gazetteer", _embedded(match, org_of)))
    found.sort(key=lambda t: t.token_start)
    found = _organisation_names(_without_direction_prefixes(found, doc), doc)
    found = [
        replace(t, is_embedded=True)
        if _is_beneficiary(doc[t.token_start : t.token_end])
        or _is_named_thing(doc, t.token_start)
        or _names_a_force(doc[t.token_start : t.token_end])
        else t
        for t in found
    ]
    hints = dateline_toponyms(parsed.article.text, gazetteer)
    if demonyms is None:
        demonyms = demonym_countries(parsed, gazetteer)
    return _contain(disambiguate(found, doc, hints, demonyms), doc, hints, demonyms)


def _is_named_thing(doc: Doc, start: int) -> bool:
    """Say whether a place name follows a capitalised word that opens another kind of name.

    "Operation Olive Branch forces" names a campaign: Olive Branch is no town there.
    """
    opener = doc[start - 1] if start > 0 else None
    return opener is not None and opener.text[:1].isupper() and opener.lower_ in _NAME_OPENERS


def _names_a_force(span: Span) -> bool:
    """Say whether a place name only names armed men ("Olive Branch factions", "Afrin fighters").

    A name that modifies the word for a force says whose or which force it is, the way a
    demonym does ("Syrian forces"): not where the force acted.
    """
    root = span.root
    return root.dep_ == "compound" and root.head.i >= span.end and root.head.lemma_.lower() in _FORCE_HEADS


def _is_beneficiary(span: Span) -> bool:
    """Say whether a place name stands for those an act is done for ("on Moscow's behalf").

    "fighting on Moscow's behalf in Ukraine" is fought in Ukraine for Russia's government;
    the name is a party, never where the act happened.
    """
    root = span.root
    if root.dep_ == "poss":
        return root.head.lower_ == "behalf"
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "behalf"


def _without_direction_prefixes(toponyms: list[Toponym], doc: Doc) -> list[Toponym]:
    """Drop a lone direction word read as a place when a proper name follows it.

    "Eastern Qalamoon", "Western Bekaa": the word only says which part of the name after it
    is meant, even where the gazetteer lacks that name; a region called "Eastern" (Uganda's,
    Ghana's) is never what such a text means.
    """
    kept = []
    for t in toponyms:
        is_direction = t.token_end - t.token_start == 1 and t.span.text.lower() in _COMPASS_WORDS
        if not is_direction or not _name_goes_on(doc, t.token_end):
            kept.append(t)
        elif t.source != "gazetteer":
            kept.append(replace(t, candidates=(), place=None, priors=()))
    return kept


def _organisation_names(toponyms: list[Toponym], doc: Doc) -> list[Toponym]:
    """Mark the small towns whose name the article gives an organisation as that organisation.

    One name, one referent: once the article names "the Wagner Group", a later "Wagner is
    battling" is the group, not Wagner in Bahia. A city of its own size (``_NAMESAKE_CEILING``),
    a region or a country keeps its place ("the Kyiv Independent" leaves Kyiv a city).
    """
    heads = {
        name_key(" ".join(t.text for t in ent[:-1] if t.lower_ != "the"))
        for ent in doc.ents
        if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].pos_ in ("PROPN", "NOUN")
    }
    return [
        replace(t, is_embedded=True)
        if name_key(t.span.text) in heads
        and t.place is not None
        and t.place.kind == "city"
        and t.place.population < _NAMESAKE_CEILING
        else t
        for t in toponyms
    ]


def _toponym(
    parsed: ParsedArticle,
    span: Span,
    candidates: list[tuple[Place, float]],
    source: str,
    embedded: bool = False,
) -> Toponym:
    return Toponym(
        parsed.text_span(span),
        span.start,
        span.end,
        tuple(place for place, _ in candidates),
        candidates[0][0] if candidates else None,
        source,
        embedded or is_hyphen_modifier(span),
        tuple(score for _, score in candidates),
    )


def _misread_organisations(doc: Doc) -> set[tuple[int, int]]:
    """Return the (start, end) of the organisation entities the words show to be places.

    The small model calls many Middle Eastern towns organisations. Two frames no
    organisation takes: a direction between a preposition and the name ("in northern
    Hama", "in rural Idleb"), and a preposition of place inside the name itself ("Sarmin in
    Idleb", "Kafr Nabl near Maarat"), which is two places, one in the other.
    """
    misread = set()
    for ent in doc.ents:
        if ent.label_ != "ORG" or not ent.text[:1].isupper():
            continue
        inner = any(t.lower_ in ("in", "near") and t.i > ent.start and t.i < ent.end - 1 for t in ent)
        # At least one lower-case direction after the preposition: "in Hama" alone is not
        # enough ("worked in Google"), and "Eastern Ghouta" holds its direction in its name.
        preposition = _preposition_before(ent, _DIRECTIONS)
        directed = preposition is not None and preposition < ent.start - 1 and doc[ent.start - 1].is_lower
        if inner or directed:
            misread.add((ent.start, ent.end))
    return misread


def _is_located_object(ent: Span, doc: Doc) -> bool:
    """Say whether an organisation entity is only the object of a preposition of place.

    The small model calls many Middle Eastern towns organisations ("a protest in Dohuk").
    An organisation is somewhere rather than being somewhere: one that is only ever a
    preposition's object ("in", "near", "outside"; not "at", which takes venues: "at
    Google"), never a subject, owner or name modifier in the article, is read as the place
    its name is. "Hamas said ... in Hamas" stays the group.
    """
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ not in _LOCATED_PREPOSITIONS:
        return False
    key = name_key(ent.text)
    return not any(
        name_key(other.text) == key and other.root.dep_ != "pobj"
        for other in doc.ents
        if other.label_ == "ORG" and other.start != ent.start
    )


def _blocked_tokens(doc: Doc, gazetteer: Gazetteer, misread: set[tuple[int, int]]) -> set[int]:
    """Return the tokens of non-place entities that the phrase matcher must skip.

    The small model often tags a town as a person ("in Riverdale", "Klamath Falls,
    Oregon"). A whole PERSON/NORP/PRODUCT entity that is a gazetteer name stays
    matchable when the text treats it as a place: a locative preposition before it, a
    ", State" after it, or the same name tagged as a place elsewhere in the article.
    """
    place_keys = {name_key(e.text) for e in doc.ents if e.label_ in PLACE_LABELS}
    blocked: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _BLOCKING_LABELS or (ent.start, ent.end) in misread:
            continue
        tokens = range(ent.start, ent.end)
        key = name_key(ent.text.removesuffix("'s").removesuffix("\u2019s"))
        if (
            ent.label_ == "ORG"
            and gazetteer.has_key(key)
            and ent.text[:1].isupper()
            and in_settlement_frame(ent)
        ):
            continue  # "the city of Kalar": a town the model calls an organisation
        if ent.label_ in _RESCUABLE_LABELS and gazetteer.has_key(key) and ent.text[:1].isupper():
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            after = doc[ent.end : ent.end + 2]
            parent = len(after) == 2 and after[0].text == "," and gazetteer.has_key(name_key(after[1].text))
            if (
                key in place_keys
                or before in _PLACE_PREPOSITIONS
                or parent
                or _is_big_city_object(ent, gazetteer)
                or _is_listed_with_places(ent)
                or _is_stated_container(ent, gazetteer)
                or in_place_frame(ent)
            ):
                continue
        blocked.update(tokens)
    return blocked


def _is_listed_with_places(ent: Span) -> bool:
    """Say whether a name is coordinated with a place ("stops in Hilversum and Almelo").

    The members of a list are of one kind: a town the model calls a person or product
    ("Žilina, Nitra, Prešov and Košice") is a town when a place stands beside it.
    """
    root = ent.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [child for child in root.children if child.dep_ == "conj"]
    return any(t.ent_type_ in PLACE_LABELS for t in linked)


def _is_stated_container(ent: Span, gazetteer: Gazetteer) -> bool:
    """Say whether a name is the county or country stated after a place ("Brands Hatch, Kent.").

    A subdivision's or country's own name after a comma that follows a proper name, and
    ending the phrase, names where that place lies; a person there would be acting ("...,
    Kent said").
    """
    doc = ent.doc
    if not follows_name_and_comma(ent) or (ent.end < len(doc) and not doc[ent.end].is_punct):
        return False
    return gazetteer.is_own_name(ent.text) and any(
        p.kind in ("admin1", "country") for p in gazetteer.lookup(ent.text)
    )


# A one-word name this large is a city when the sentence acts on it, whatever the model says.
_BIG_CITY = 100_000


def _is_big_city_object(ent: Span, gazetteer: Gazetteer) -> bool:
    """Say whether a one-word "person" is a big city that a verb acts on ("shelled Kharkiv").

    A subject stays a person ("Houston said"): only an object or a preposition's object is
    rescued, and only when the name is a large city's own name.
    """
    if len(ent) != 1 or ent.root.dep_ not in ("dobj", "pobj", "conj", "appos"):
        return False
    found = gazetteer.lookup(ent.text)
    return (
        bool(found)
        and found[0].kind == "city"
        and (found[0].population or 0) >= _BIG_CITY
        and gazetteer.is_own_name(ent.text)
    )


def _is_place_entity(ent: Span, place_keys: set[str]) -> bool:
    """Say whether an entity names a place, whatever the small model's label for it.

    GPE/LOC/FAC do. So does a person, group or organisation label on a name that the
    model tags as a place elsewhere in the article (one name, one referent: "Samos"),
    and an organisation named for a building or site ("Barclays Center", "Holy Redeemer
    Church", "Cloverhill District Court"), which news uses as the place it is.
    """
    if ent.label_ in PLACE_LABELS:
        return True
    if ent.label_ in _RESCUABLE_LABELS | {"ORG"} and name_key(ent.text) in place_keys:
        return ent.text[:1].isupper()
    if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ in _ORG_SITE_HEADS:
        return True
    return _is_venue(ent)


def _is_venue(ent: Span) -> bool:
    """Say whether a name right after "at" is where something happens ("gathered at Anfield").

    "at" before a proper name locates it, whatever the small model calls the name: a
    stadium tagged as a person ("Anfield"), a shop or gallery as an organisation ("Whole
    Foods", "Sullivan Goss"). Only "at" and the words of going in or being outside ("into
    Anfield"), right before the name (an article between): "in" and "on" also take
    members and media ("in the Army", "on Twitter"). A possessive ("at Google's offices")
    is the owner, not the site.
    """
    name = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
    if ent.label_ not in _VENUE_LABELS or not name.text[:1].isupper() or ent.start == 0:
        return False
    doc = ent.doc
    before = ent.start - 1
    if doc[before].lower_ == "the" and before > 0:
        before -= 1
    after = doc[ent.end].text if ent.end < len(doc) else ""
    return (
        doc[before].lower_ in _VENUE_PREPOSITIONS
        and ent.root.head.i == before
        and after not in ("'s", "\u2019s")
    )


def _is_town(span: Span, gazetteer: Gazetteer) -> bool:
    """Say whether a name inside a site's name is the town the site stands in.

    Only a place's own name ("Colchester" of "Colchester General Hospital"), not an old
    or foreign alternate ("Trump" is a name of Harvest, Alabama).
    """
    found = gazetteer.lookup(span.text)
    return bool(found) and found[0].kind in ("city", "point", "admin1") and gazetteer.is_own_name(span.text)


def _surnames(doc: Doc) -> set[str]:
    """Return the last names of the people the article names in full ("Tom Evans")."""
    return {
        name_key(ent[-1].text)
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text[:1].isupper()
    }


def _is_surname(span: Span, surnames: set[str]) -> bool:
    """Say whether a one-word name is a person named earlier or later ("Evans says ...").

    The small model tags a bare surname as a place when it is also a town; once the text
    names "Tom Evans", a bare "Evans" is him, unless a locative word says otherwise.
    """
    if len(span) != 1 or span.text.isupper() or name_key(span.text) not in surnames:
        return False
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before not in _PLACE_PREPOSITIONS


def _is_facility(span: Span) -> bool:
    """Say whether a name is a street, building or site ("Royal Street", "Rogers Centre")."""
    return span[-1].lower_.rstrip(".") in _FACILITY_HEADS


def _embedded(match: Span, org_of: dict[int, Span]) -> bool:
    """Say whether a match is part of a longer organisation name ("Bank of England").

    The small model often tags a bare place as ORG ("Abu Dhabi's offshore oilfield"), so
    an ORG that is only the place, or the place and a possessive, does not count.
    """
    org = org_of.get(match.start) or org_of.get(match.end - 1)
    if org is None:
        return False
    rest = [t for t in org if t.i < match.start or t.i >= match.end]
    return any(t.text not in ("'s", "\u2019s", "'") for t in rest)


def _phrase_matches(span: Span, gazetteer: Gazetteer, taken: set[int], blocked: set[int]) -> list[Span]:
    """Return the longest gazetteer names over capitalized proper-noun runs in ``span``.

    Tokens of a person, date or event entity are skipped unless the name is one of the
    curated supplement's: the small model reads "Ain al-Asad" as a person. A name that is
    only the first words of a street or building ("Press" of "Press Street") is no match.
    """
    doc = span.doc
    matches: list[Span] = []
    i = span.start
    longest = min(gazetteer.max_words, 8)
    while i < span.end:
        if i in taken or not doc[i].text[:1].isupper():
            i += 1
            continue
        for j in range(min(span.end, i + longest * 2), i, -1):
            candidate = doc[i:j]
            if any(k in taken for k in range(i, j)) or not _plausible(candidate):
                continue
            key = name_key(candidate.text)
            if not gazetteer.has_key(key) or key in _GENERIC_WORDS:
                continue
            if j < len(doc) and doc[j].lower_.rstrip(".") in _STREET_HEADS and doc[j].text[:1].isupper():
                continue
            if any(k in blocked for k in range(i, j)) and not any(
                p.source == "supplement" for p in gazetteer.lookup(candidate.text)
            ):
                continue
            matches.append(candidate)
            i = j - 1
            break
        i += 1
    return matches


def _name_goes_on(doc: Doc, end: int) -> bool:
    """Say whether the proper name that a gazetteer match begins goes on past ``end``.

    "Tal" of "Tal Kalbah", "Eastern" of "Eastern Ghouta" may be a namesake found inside a
    name the gazetteer lacks (see ``_is_lone_namesake``). Words that only say what kind of
    place the name is ("Mosul Dam", "Aleppo Governorate") do not continue it.
    """
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.lower_ in _NAME_PARTICLES and end + 1 < len(doc):
        after = doc[end + 1]
        return after.text == "-" or (after.text[:1].isupper() and after.pos_ == "PROPN")
    return (
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and nxt.lower_ not in _KIND_WORDS
        and nxt.ent_type_ not in ("DATE", "TIME", "CARDINAL")
    )


def _plausible(span: Span) -> bool:
    """Say whether a token run can be a place name at all, before looking it up."""
    last = span[-1]
    if not (last.text[:1].isupper() or last.is_digit or last.lower_ in _FEATURE_WORDS):
        return False
    if not any(t.pos_ == "PROPN" for t in span) and not _is_placed_capital_noun(span):
        return False
    # Two-letter names ("US", "UK", "BC") only as capitals, never as "Us" or "Bc".
    return not (len(span) == 1 and len(span.text) <= 2 and not span.text.isupper())


def _is_placed_capital_noun(span: Span) -> bool:
    """Say whether a capitalised run the tagger calls common nouns stands where a place does.

    Apostrophes and hyphens of transliterations ("in Dar'a", "in Deir-Ezzor") make the
    small model tag a town a noun; capitalised inside a sentence after a preposition of
    place, it is a name.
    """
    return (
        not span[0].is_sent_start
        and all(t.text[:1].isupper() for t in span if t.is_alpha)
        and _preposition_before(span, _COMPASS_WORDS) is not None
    )


def _contain(
    toponyms: list[Toponym], doc: Doc, hints: list[Toponym], demonyms: Counter[str]
) -> list[Toponym]:
    """Place the names the gazetteer lacks in their container or town: streets, venues, villages.

    The container is the place stated right after the name ("Collins Avenue in Miami
    Beach", "Knockhill, Fife"), else the article's focus town (``_focus_town``). Local
    news names its streets, shops and hamlets without their town, because the reader knows
    it; ACLED codes such places at the nearest town the same way. The toponym is marked
    ``contained`` so a reader can tell this from a gazetteer match. Left alone: a name
    inside a hyphenated modifier ("Zaporizhzhia-born") locates nothing, and a name that
    speaks ("Yeutter said", "Goodrich told analysts") is a person or a firm, so the focus
    does not place it.

    A lone foreign namesake (``_is_lone_namesake``) is a name the gazetteer lacks when it
    is part of a longer name, and no place at all when the phrase matcher found it alone
    ("Vice", a Peruvian town, in "Vice President"). ``demonyms`` counts the countries the
    article's demonyms name: "Israeli" makes "Metula" no stray namesake.
    """
    named = [
        t
        for t in (*hints[:1], *toponyms)
        if t.place is not None and t.place.country and not t.is_embedded and not t.is_contained
    ]
    countries = Counter(t.place.country for t in named if t.place is not None)
    main = countries.most_common(1)[0][0] if countries else None
    support = countries + demonyms
    kept = []
    for t in toponyms:
        lone = _is_lone_namesake(t, main, countries[main or ""], support, _name_goes_on(doc, t.token_end))
        if not lone and not _is_stray_town(t, countries, support):
            kept.append(t)
        elif t.source != "gazetteer":
            kept.append(replace(t, place=None))
    toponyms = kept
    focus = _focus_town(named, main)
    speakers = _speakers(doc)
    # One name, one place: "New Quay, Ceredigion" once stated holds for every later "New Quay".
    stated: dict[str, Place] = {}
    contained = []
    for index, t in enumerate(toponyms):
        if t.place is None and not t.is_embedded:
            key = name_key(t.span.text)
            container = _stated_container(toponyms, index, doc)
            if container is not None:
                stated.setdefault(key, container)
            container = container or stated.get(key)
            if container is not None:
                contained.append(replace(t, place=container, contained="stated"))
            elif focus is not None and key not in speakers:
                contained.append(replace(t, place=focus, contained="focus"))
            else:
                contained.append(t)
        else:
            contained.append(t)
    return contained


def _speakers(doc: Doc) -> set[str]:
    """Return the keys of the one-word names that say, tell or announce something in the text."""
    return {
        name_key(token.text)
        for token in doc
        if token.dep_ == "nsubj" and token.pos_ == "PROPN" and token.head.lemma_.lower() in REPORTING_LEMMAS
    }


def demonym_countries(parsed: ParsedArticle, gazetteer: Gazetteer) -> Counter[str]:
    """Count the countries the demonyms of the window's body name ("Israeli", "Syrian")."""
    body_start = find_body_start(parsed.article.text) - parsed.offset
    counts: Counter[str] = Counter()
    for ent in parsed.doc.ents:
        if ent.label_ == "NORP" and ent.start_char >= body_start:
            place = gazetteer.demonym(ent.text)
            if place is not None and place.country:
                counts[place.country] += 1
    return counts


# A town this large is named abroad in its own right ("talks in Geneva" in a Brazil story).
_NAMESAKE_CEILING = 100_000


def _is_lone_namesake(
    toponym: Toponym, main: str | None, main_votes: int, support: Counter[str], goes_on: bool = False
) -> bool:
    """Say whether a town read inside a longer name is a far namesake, not what the text means.

    "Robert Trent Jones Golf Club" holds a Philippine town Jones, "Marjory Stoneman Douglas
    High School" the Isle of Man's Douglas. A small town that only the phrase matcher or a
    site's name found, in a country nothing else in an article about another country
    names (no other place, no demonym), is a person's name or a word. When the proper name
    goes on past the match (``goes_on``: "Tal Kalbah town in western Idleb", "Eastern Ghouta"),
    one place of the main country is enough to tell, and a region's name is as suspect.
    """
    place = toponym.place
    kinds = ("city", "admin1") if goes_on else ("city",)
    if place is None or place.kind not in kinds or main is None or place.country in (None, main):
        return False
    if main_votes < (1 if goes_on else 2) or place.population >= _NAMESAKE_CEILING:
        return False
    inside = toponym.source == "gazetteer" or len(toponym.span.text.split()) > len(place.name.split())
    own_vote = 0 if toponym.is_embedded else 1
    return inside and support[place.country or ""] <= own_vote


# Below this a town abroad is more likely a namesake of a village the gazetteer lacks.
_STRAY_CEILING = 50_000


def _is_stray_town(toponym: Toponym, places: Counter[str], support: Counter[str]) -> bool:
    """Say whether a small town is the foreign namesake of a village the gazetteer lacks.

    When the report names a place of another country, and its places, demonyms and
    participants speak of that country at least twice, a small town of a country nothing
    else in it names is a local name spelled like a town abroad: "Talan ... in Sadah" among
    Houthi and Hadi forces is a Yemeni village, not Talant in Burgundy. The name then stays
    a place the gazetteer lacks, and its stated container or the article's focus places it.
    Voices alone never make a town stray: "Israeli tanks fired east of Deir al Balah" names
    the attacker's country, not the place's.
    """
    place = toponym.place
    if place is None or place.kind != "city" or place.population >= _STRAY_CEILING or toponym.is_embedded:
        return False
    if place.is_capital or place.source == "supplement":
        return False  # dyad's own supplement lists the towns it means, with no population
    own_vote = 0 if toponym.is_contained else 1
    others = places.copy()
    others[place.country or ""] -= own_vote
    top = next((c for c, n in others.most_common() if n > 0 and c != place.country), None)
    return top is not None and support[top] >= 2 and support[place.country or ""] <= own_vote


def _focus_town(named: list[Toponym], main: str | None) -> Place | None:
    """Return the town the article is about: the one it names most, the earliest on a tie.

    ``named`` are the dateline's place and the body's resolved places, in text order.
    Only a town of the country the article names most (``main``) counts: a stray match
    elsewhere ("Villanueva", a surname and a Colombian town, in a Manila court report) must
    not place the article's streets abroad. A site named for its town ("Colchester General
    Hospital") is a mention of the town too. An article that names no town of that country
    is about the county or state it names most ("a lifeboat from New Quay ... Ceredigion").
    """
    # Counter keeps first-seen order, and most_common is stable: ties go to the earliest.
    for kinds in (("city",), ("admin1", "admin2")):
        places = Counter(
            t.place
            for t in named
            if t.place is not None
            and t.place.kind in kinds
            and t.place.country == main
            and t.place.lat is not None
        )
        if places:
            return places.most_common(1)[0][0]
    return None


def _stated_container(toponyms: list[Toponym], index: int, doc: Doc) -> Place | None:
    """Return the place named right after a name: "X in Y", "X, Y", "X at Y", "X of Y".

    A town or site holds the name; so does a county, state or country ("Knockhill, Fife",
    "Torkula village in Benue"), at that coarser precision.
    """
    if index + 1 >= len(toponyms):
        return None
    here, after = toponyms[index], toponyms[index + 1]
    if after.place is None or after.place.kind == "region" or after.is_embedded or after.is_contained:
        return None
    if after.token_start - here.token_end != 1 or doc[here.token_end].lower_ not in _SITE_LINKS:
        return None
    return after.place


def dateline_toponyms(text: str, gazetteer: Gazetteer) -> list[Toponym]:
    """Return the places of the article's dateline ("RALEIGH, N.C. (AP) -"): the place, then its container.

    The dateline says where the report was filed, so these are kept apart from the body's
    toponyms: a hint for disambiguation, and an event location only when nothing else is.
    """
    return [
        Toponym(
            part.span,
            -1,
            -1,
            tuple(p for p, _ in part.candidates),
            part.candidates[0][0],
            "dateline",
            priors=tuple(score for _, score in part.candidates),
        )
        for part in read_dateline(text, gazetteer)
    ]


def dateline_toponym(parsed: ParsedArticle, gazetteer: Gazetteer) -> Toponym | None:
    """Return the dateline's own place ("ERBIL" of "ERBIL, Kurdistan Region -"), if any."""
    found = dateline_toponyms(parsed.article.text, gazetteer)
    return found[0] if found else None
