"""Do two mentions report the same real-world event? Compatibility checks and a similarity score.

Hard checks first (``compatible``): the same type family, statuses that report the act as
real, days that can overlap (a month-precision date overlaps every day inside it; a date
that only fell back on the publication day may be a few days early), and places not far
apart when both are known precisely (a country-precision place is compatible with any point).
Then a logistic score in 0..1 (``similarity``) of lexical and coded features: the words of
the evidence sentences and of the trigger's clause, names and figures, how precisely the
dates agree, the places, the parties in their roles, the types, whether both are in one
article or sentence. The weights and thresholds are ``ClusterSettings``; the defaults were
fitted (logistic regression on mention pairs, then a search for B-cubed F1) on the develop
part of the clustering gold only (``bench/data/clusters``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from dyad.cluster.mention import Mention, Party, Place

# Types that can name one act: the coder may call a capture a seizure (COERCE) in one report
# and an attack (ASSAULT) in the next, or a labour strike a PROTEST in one and an ASSAULT
# ("strike") in another.
FAMILIES: dict[str, str] = {
    "ASSAULT": "force", "COERCE": "force", "PROTEST": "force", "MOBILIZE": "force",
    "SANCTION": "sanction",
    "AGREE": "cooperate", "CONSULT": "cooperate", "SUPPORT": "cooperate", "COOPERATE": "cooperate",
    "AID": "aid", "CONCEDE": "yield", "RETREAT": "yield",
    "REQUEST": "demand", "ACCUSE": "dispute", "REJECT": "dispute", "THREATEN": "threaten",
}  # fmt: skip
# Triggers of fending off an attack: their actor is the attacked side.
_DEFENCE = re.compile(r"^(repel|repuls|beat|beaten|fought|fend|crush|foil|check|thr[eo]w)")
# Statuses that report the act as real: it happened, a party claims it, a party denies its part.
REPORTED = frozenset(("asserted", "claimed", "denied"))
# How wide a date of each precision is, as evidence: a day is precise, a year says little.
_PRECISION_WEIGHT = {"day": 1.0, "week": 0.6, "month": 0.4, "quarter": 0.2, "season": 0.2, "half": 0.15}
# Places precise enough to measure distances between.
_POINTS = frozenset(("point", "town", "admin2"))
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = frozenset(
    """a an the of in on at to for from by with and or but as that this these those is are was were be
    been being has have had it its their they them he she his her him we our you your i not no said
    says say saying told tell reported reports report according also after before over into about
    than then when while which who whom whose what where would will could can may might should must
    did do does done one two three four five six seven eight nine ten today yesterday tonight week
    month year last next earlier later since until during reuter reuters mln dlrs pct new other some
    more most all any such only very""".split()  # noqa: SIM905
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Weights and thresholds of event clustering (defaults fitted on the develop gold only).

    ``similarity`` is a logistic score of ``FEATURES``, each weighted by the setting of its
    name, plus ``bias``: words of the two evidence sentences (``sentence_words``), words of
    the triggers' clauses within ``context_words`` (``trigger_words``, ``trigger_context``),
    the same dates, how precise they are, the places, the parties in their roles, a conflict
    between named actors, the same type, article, sentence, triggers side by side, capitalised
    names and numbers, the same casualty figure. A mention joins the cluster holding its most
    similar compatible mention when that similarity reaches ``threshold``, unless the
    cluster's own text dates (``core_dates``) or the actor most of it names (``actor_majority``
    of its members or more) rule it out, or, with ``distinct_targets``, it names a target
    none of the cluster's reports name while naming none of theirs (``dyad.cluster.targets``),
    or, with ``distinct_kinds``, it hits a kind of target none of them hits (a vessel, a rig).
    With ``named_background``, a member dated only by its report's day that names an
    operation ("codenamed Karbala-5", ``dyad.cluster.operations``) is compared only with
    reports that name it too. The date tolerances are ``day_window``'s;
    ``max_point_km`` is how far apart two precisely located places may be;
    ``max_members_compared`` bounds the work per cluster (its first and latest members).
    """

    threshold: float = 0.15
    sentence_words: float = 1.6
    trigger_words: float = 2.35
    trigger_context: float = 2.3
    same_dates: float = 1.1
    date_precision: float = 0.8
    places: float = 0.5
    parties: float = 1.5
    actor_conflict: float = -1.3
    same_type: float = 0.7
    same_article: float = 1.3
    same_sentence: float = 1.0
    close_triggers: float = 0.6
    names: float = 1.3
    figures: float = 0.3
    bias: float = -5.95
    context_words: int = 6
    date_slack_days: int = 1
    publication_slack_days: int = 3
    undated_days: int = 30
    max_span_days: int = 400
    max_point_km: float = 400.0
    max_members_compared: int = 60
    actor_majority: float = 0.5
    core_dates: bool = True
    distinct_targets: bool = True
    named_background: bool = True
    distinct_kinds: bool = True


DEFAULT_SETTINGS = ClusterSettings()


def family(event_type: str) -> str:
    """Return the type family an event type belongs to (its own name for unknown types)."""
    return FAMILIES.get(event_type, event_type)


def day_window(mention: Mention, settings: ClusterSettings = DEFAULT_SETTINGS) -> tuple[date, date] | None:
    """Return the days ``mention``'s event may have happened on, widened by the tolerances.

    The end is pushed ``date_slack_days`` later, so two windows overlap when their dates
    are that many days apart (wire copy written around midnight, "last night" and "today").
    A date that fell back on the publication day (``fell_back``) may be
    ``publication_slack_days`` early; an undated mention of a dated article may be up to
    ``undated_days`` old. None: the mention is undated in an undated article, or its date is
    vaguer than ``max_span_days``.
    """
    slack = timedelta(days=settings.date_slack_days)
    if mention.start is None or mention.end is None:
        if mention.published is None or not settings.undated_days:
            return None
        day = mention.published.date()
        return day - timedelta(days=settings.undated_days), day + slack
    start, end = mention.start, mention.end
    if fell_back(mention):
        if mention.published is not None:
            start = end = mention.published.date()
        start -= timedelta(days=settings.publication_slack_days)
    if (end - start).days > settings.max_span_days:
        return None
    return start, end + slack


def fell_back(mention: Mention) -> bool:
    """Return whether the mention's date says no more than when it was reported.

    True for a date that fell back on the publication day, and for one after it: an act
    reported as done cannot have happened after the report, so such a date is a misread
    ("shelled on Monday" taken for the coming Monday) and only the report's day is known.
    """
    if mention.date_basis == "publication":
        return True
    published = mention.published
    return published is not None and mention.start is not None and mention.start > published.date()


def compatible(a: Mention, b: Mention, settings: ClusterSettings = DEFAULT_SETTINGS) -> bool:
    """Return whether ``a`` and ``b`` may report one event: nothing rules it out."""
    if family(a.event_type) != family(b.event_type):
        return False
    if a.status not in REPORTED or b.status not in REPORTED:
        return False
    wa, wb = day_window(a, settings), day_window(b, settings)
    if wa is None or wb is None or wa[0] > wb[1] or wb[0] > wa[1]:
        return False
    distance = _point_distance(a.place, b.place)
    return distance is None or distance <= settings.max_point_km


# The features ``similarity`` weighs, in the order of ``pair_features``.
FEATURES = (
    "sentence_words", "trigger_words", "trigger_context", "same_dates", "date_precision", "places",
    "parties", "actor_conflict", "same_type", "same_article", "same_sentence", "close_triggers",
    "names", "figures",
)  # fmt: skip
# Triggers this close in one sentence are usually one act told twice ("attacked and hit").
_CLOSE_CHARS = 40


def pair_features(a: Mention, b: Mention, settings: ClusterSettings = DEFAULT_SETTINGS) -> tuple[float, ...]:
    """Return the features of a pair of mentions, named by ``FEATURES``, each in 0..1."""
    k = settings.context_words
    near_a, near_b = _near_trigger(a, k), _near_trigger(b, k)
    same_sentence = a.article_id == b.article_id and a.sentence_start == b.sentence_start
    return (
        # One sentence shares all its words with itself: that says nothing about two triggers in it.
        0.0 if same_sentence else _jaccard(_content(a.sentence), _content(b.sentence)),
        _jaccard(_words(near_a), _words(near_b)),
        fuzz.token_set_ratio(near_a, near_b) / 100,
        float(a.start == b.start and a.end == b.end),
        min(_date_weight(a), _date_weight(b)),
        _place_score(a.place, b.place),
        _party_score(a, b),
        float(_actor_conflict(a, b)),
        float(a.event_type == b.event_type),
        float(a.article_id == b.article_id),
        float(same_sentence),
        float(same_sentence and abs(a.trigger_start - b.trigger_start) <= _CLOSE_CHARS),
        0.0 if same_sentence else _jaccard(_names(a.sentence), _names(b.sentence)),
        _figures(a, b),
    )


def similarity(a: Mention, b: Mention, settings: ClusterSettings = DEFAULT_SETTINGS) -> float:
    """Return how likely two compatible mentions report one event, 0..1 (a logistic score)."""
    features = pair_features(a, b, settings)
    score = settings.bias + sum(
        getattr(settings, name) * x for name, x in zip(FEATURES, features, strict=True)
    )
    return 1 / (1 + math.exp(-score))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z0-9-]+|\d[\d,.]*\d|\d)")


@lru_cache(maxsize=65536)
def _names(sentence: str) -> frozenset[str]:
    """Return the capitalised words and numbers of a sentence (not its first word): names, figures."""
    return frozenset(w.lower().replace(",", "") for w in _NAME.findall(sentence) if w.lower() not in _STOP)


def _figures(a: Mention, b: Mention) -> float:
    """Return 1 when both mentions give the same figure in some role (killed, injured, ...), else 0."""
    return float(any(a.figures.get(role) == value for role, value in b.figures.items()))


# Where a clause that may tell another act begins: punctuation, and the subordinators news
# copy ties a second event on with ("... on Monday in retaliation for Friday's attack").
_CLAUSE = re.compile(
    r"[,;:()\"]|--|\b(?:after|before|when|while|following|since|because|but|as|in retaliation for|"
    r"in response to|which|who|where)\b",
    re.IGNORECASE,
)


def _near_trigger(m: Mention, k: int) -> str:
    """Return the content words within ``k`` words of the trigger in its clause: what the mention says."""
    return _clause_words(m.sentence, max(0, m.trigger_start - m.sentence_start), k)


@lru_cache(maxsize=65536)
def _clause_words(sentence: str, offset: int, k: int) -> str:
    before, after = sentence[:offset], sentence[offset:]
    starts = [match.end() for match in _CLAUSE.finditer(before)]
    before = before[starts[-1] :] if starts else before
    end = next((match.start() for match in _CLAUSE.finditer(after) if match.start() > 0), len(after))
    after = after[:end]
    left = _WORD.findall(before.lower())[-k:]
    right = _WORD.findall(after.lower())[: k + 1]
    return " ".join(_stem(w) for w in left + right if w not in _STOP)


def sentence_names(sentence: str) -> frozenset[str]:
    """Return the capitalised words and numbers of a sentence (not its first word), lower-cased."""
    return _names(sentence)


def sentence_words(sentence: str) -> frozenset[str]:
    """Return the content words of a sentence (lower-cased, stemmed, without function words)."""
    return _content(sentence)


@lru_cache(maxsize=65536)
def _content(sentence: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(sentence.lower()) if w not in _STOP and len(w) > 1)


def _stem(word: str) -> str:
    # Enough to let "attacks"/"attacked" and "platforms"/"platform" meet; not a real stemmer.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _date_weight(m: Mention) -> float:
    # How much a date says: a day more than a month; one that only fell back on the
    # publication day less than one the text gives.
    if m.start is None or m.end is None:
        return 0.0
    width = (m.end - m.start).days + 1
    if width == 1:
        weight = _PRECISION_WEIGHT["day"]
    else:
        weight = _PRECISION_WEIGHT.get(m.date_precision or "", 0.1) if width <= 184 else 0.1
    return weight * (0.6 if fell_back(m) else 1.0)


def _place_score(a: Place | None, b: Place | None) -> float:
    if a is None or b is None:
        return 0.3
    if a.name and a.name == b.name:
        return 1.0
    distance = _point_distance(a, b)
    if distance is not None:
        return max(0.0, 1.0 - distance / 300.0)
    if a.country and b.country:
        return 0.5 if a.country == b.country else 0.0
    return 0.3


def _point_distance(a: Place | None, b: Place | None) -> float | None:
    """Return the km between two precisely located places; None when either is coarse or unknown."""
    if a is None or b is None or a.precision not in _POINTS or b.precision not in _POINTS:
        return None
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return _haversine(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def is_defence(mention: Mention) -> bool:
    """Return whether the trigger fends off an attack ("repelled"): its actor is the attacked side."""
    return bool(_DEFENCE.match(mention.trigger.lower()))


def _party_score(a: Mention, b: Mention) -> float:
    # Actors with actors and recipients with recipients; a mention of fending off an attack
    # ("Iraq repelled an Iranian attack") names the sides the other way round from the
    # attacker's report ("Iran attacked Iraq"), so for those the crossed roles count too.
    direct = (_overlap(a.actors, b.actors) + _overlap(a.recipients, b.recipients)) / 2
    if not (_DEFENCE.match(a.trigger.lower()) or _DEFENCE.match(b.trigger.lower())):
        return direct
    crossed = (_overlap(a.actors, b.recipients) + _overlap(a.recipients, b.actors)) / 2
    return max(direct, crossed)


def _overlap(a: tuple[Party, ...], b: tuple[Party, ...]) -> float:
    ca, cb = {p.country for p in a if p.country}, {p.country for p in b if p.country}
    if not ca or not cb:
        return 0.5
    return len(ca & cb) / len(ca | cb)


def _actor_conflict(a: Mention, b: Mention) -> bool:
    """Return whether both mentions name their actors' countries and none is shared."""
    ca = {p.country for p in a.actors if p.country}
    cb = {p.country for p in b.actors if p.country}
    if not ca or not cb or ca & cb:
        return False
    if _DEFENCE.match(a.trigger.lower()) or _DEFENCE.match(b.trigger.lower()):
        return not (ca & {p.country for p in b.recipients} or cb & {p.country for p in a.recipients})
    return True
