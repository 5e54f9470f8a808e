"""Score an extractor against an example's ``*.expected.yaml``: must, may and must-not events.

A ``must`` item passes when some emitted event of its type meets every field it gives; a
``may`` item is only reported (matched or not); a ``must_not_events`` entry met by an emitted
event is a violation. The field semantics are those of ``shared/README.md``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import EvalError
from dyad.evaluation.gold import read_articles
from dyad.evaluation.split import Part, select
from dyad.model import Article, EventType

Record = Mapping[str, Any]
Extractor = Callable[[Article], Sequence[Record]]

_QUANTITY_KEYS = ("killed", "injured", "arrested", "size", "count")
_ALLOWED = {
    "item": {
        "id",
        "type",
        "about",
        "actor",
        "recipient",
        "status",
        "historical",
        "mode",
        "date",
        "granularity",
        "location",
        "after",
        *_QUANTITY_KEYS,
    },
    "actor": {"name", "names", "country", "sector"},
    "date": {"value", "latest", "start", "after", "granularity"},
    "location": {"country", "countries"},
    "quantity": {"value", "low", "approx"},
}
# "size: {approx: 100}" accepts an emitted figure within this share of 100.
APPROX_TOLERANCE = 0.2

_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-")
_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Expectation:
    """One item of an expected-events file: an id, an event type and the fields to check."""

    id: str
    event_type: EventType
    fields: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ExpectedEvents:
    """The parsed ``*.expected.yaml`` of one article."""

    must: tuple[Expectation, ...]
    may: tuple[Expectation, ...]
    must_not: tuple[Expectation, ...]


@dataclass(frozen=True, slots=True)
class ItemResult:
    """Whether a must or may item was met, and if not, why (for the closest emitted event)."""

    id: str
    event_type: str
    is_passed: bool
    reason: str
    event_id: str | None = None
    is_found: bool = True  # some event of the item's type was emitted, right or not


@dataclass(frozen=True, slots=True)
class Violation:
    """An emitted event that meets a ``must_not_events`` entry."""

    entry_id: str
    event_type: str
    event_id: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class ExpectedScore:
    """The result of one example: its must items, may items and violations."""

    article_id: str
    must: tuple[ItemResult, ...]
    may: tuple[ItemResult, ...]
    violations: tuple[Violation, ...]
    n_events: int

    @property
    def n_must_passed(self) -> int:
        """Return how many must items were met."""
        return sum(item.is_passed for item in self.must)

    @property
    def n_may_matched(self) -> int:
        """Return how many may items some emitted event met."""
        return sum(item.is_passed for item in self.may)

    @property
    def is_passed(self) -> bool:
        """Return whether every must item was met and nothing forbidden was emitted."""
        return self.n_must_passed == len(self.must) and not self.violations


def _as_text(value: object) -> str:
    # YAML reads 2023-12-10 as a date but 2020-01 and '1987' as strings.
    return value.isoformat() if isinstance(value, date) else str(value)


def _period(value: object) -> tuple[date, date] | None:
    """Return the first and last day of a TIMEX-like value (``1987``, ``1987-03``, ``1987-03-08``)."""
    match = _DATE_PREFIX.match(_as_text(value))
    if not match:
        return None
    year = int(match[1])
    month_first, month_last = (int(match[2]),) * 2 if match[2] else (1, 12)
    try:
        if match[3]:
            day = date(year, month_first, int(match[3]))
            return day, day
        last_day = calendar.monthrange(year, month_last)[1]
        return date(year, month_first, 1), date(year, month_last, last_day)
    except ValueError:
        # "1987-13" or "1987-02-30": not a date, so no date field can hold.
        return None


def _as_list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _validate(spec: Mapping[str, Any], kind: str, where: str) -> None:
    if not isinstance(spec, Mapping):
        raise EvalError(f"{where}: expected a mapping, got {spec!r}.")
    unknown = sorted(set(spec) - _ALLOWED[kind])
    if unknown:
        raise EvalError(
            f"{where}: unknown field(s) {', '.join(unknown)}. "
            f"Known fields: {', '.join(sorted(_ALLOWED[kind]))}."
        )


def _parse_item(raw: object, where: str) -> Expectation:
    if not isinstance(raw, Mapping):
        raise EvalError(f"{where}: each item must be a mapping with 'id' and 'type', got {raw!r}.")
    _validate(raw, "item", where)
    item_id = str(raw.get("id", where))
    type_name = raw.get("type")
    if type_name not in EventType.__members__:
        raise EvalError(
            f"{where} ({item_id}): type {type_name!r} is not a PLOVER type. "
            f"Use one of {', '.join(EventType.__members__)}."
        )
    for key in ("actor", "recipient"):
        if key in raw:
            _validate(raw[key], "actor", f"{where} ({item_id}).{key}")
    if "date" in raw:
        _validate(raw["date"], "date", f"{where} ({item_id}).date")
    if "location" in raw:
        _validate(raw["location"], "location", f"{where} ({item_id}).location")
    for key in _QUANTITY_KEYS:
        if key in raw:
            _validate(raw[key], "quantity", f"{where} ({item_id}).{key}")
    fields = {k: v for k, v in raw.items() if k not in {"id", "type", "about"}}
    return Expectation(item_id, EventType(type_name), fields)


def load_expected(path: Path | str) -> ExpectedEvents:
    """Read an ``*.expected.yaml`` file; the prose ``must_not`` list is not machine-checkable and is skipped.

    Raises:
        EvalError: the file is missing, not YAML, or an item has an unknown field or type.
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvalError(f"cannot read {path}: {e.strerror}. Check the path.") from e
    except yaml.YAMLError as e:
        raise EvalError(f"{path}: not valid YAML ({e}). Fix the file.") from e
    if not isinstance(raw, Mapping):
        raise EvalError(f"{path}: expected a mapping with 'must', 'may' and 'must_not_events'.")
    sections = {}
    for section in ("must", "may", "must_not_events"):
        items = raw.get(section) or []
        if not isinstance(items, list):
            raise EvalError(f"{path}: '{section}' must be a list of items, got {type(items).__name__}.")
        sections[section] = tuple(
            _parse_item(item, f"{path}: {section}[{i}]") for i, item in enumerate(items)
        )
    return ExpectedEvents(sections["must"], sections["may"], sections["must_not_events"])


def _name_matches(expected: str, actor: Mapping[str, Any]) -> bool:
    """Return whether an emitted actor names ``expected``: the full name, or its last word (surname)."""
    haystack = f"{actor.get('name') or ''} | {actor.get('text') or ''}".lower()
    expected = expected.strip().lower()
    if expected in haystack:
        return True
    surname = expected.split()[-1]
    # Arabic names drop the article on later mention: "Faleh al-Khazali" ... "said Khazali".
    surname = _ARABIC_ARTICLE.sub("", surname)
    return re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", haystack) is not None


def _actor_fails(spec: Mapping[str, Any], actor: Mapping[str, Any]) -> bool:
    if "name" in spec and not _name_matches(str(spec["name"]), actor):
        return True
    if "country" in spec and (actor.get("country") or "").upper() != str(spec["country"]).upper():
        return True
    if "sector" in spec:
        emitted = {str(s).upper() for s in actor.get("sector") or ()}
        if not emitted & {str(s).upper() for s in _as_list(spec["sector"])}:
            return True
    return False


def _describe_actor(actor: Mapping[str, Any]) -> str:
    sectors = "/".join(actor.get("sector") or ()) or "-"
    return f"{actor.get('name') or actor.get('text') or '?'} [{actor.get('country') or '-'} {sectors}]"


def _check_participants(role: str, spec: Mapping[str, Any], record: Record) -> list[str]:
    actors = list(record.get(role) or ())
    emitted = ", ".join(_describe_actor(a) for a in actors) or "none"
    failures = []
    single = {k: spec[k] for k in ("name", "country", "sector") if k in spec}
    if single and not any(not _actor_fails(single, actor) for actor in actors):
        wanted = ", ".join(f"{k}={_as_list(v) if k == 'sector' else v}" for k, v in single.items())
        failures.append(f"{role}: none with {wanted} (emitted: {emitted})")
    for name in _as_list(spec.get("names", [])):
        if not any(_name_matches(str(name), actor) for actor in actors):
            failures.append(f"{role}: none named {name} (emitted: {emitted})")
    return failures


def _check_date(spec: Mapping[str, Any], record: Record) -> list[str]:
    event_date = record.get("date")
    if not event_date or not event_date.get("value"):
        return ["date: none emitted"]
    value = str(event_date["value"])
    period = _period(value)
    failures = []
    for key in ("value", "start"):
        if key in spec and not value.startswith(_as_text(spec[key])):
            failures.append(f"date.{key}: expected {_as_text(spec[key])}, got {value}")
    if "latest" in spec:
        latest = _period(spec["latest"])
        # A month or year value is earliest on its first day: "2023-12" is not after 2023-12-10.
        if period is None or latest is None or period[0] > latest[1]:
            failures.append(f"date.latest: expected on or before {_as_text(spec['latest'])}, got {value}")
    if "after" in spec:
        after = _period(spec["after"])
        if period is None or after is None or period[0] < after[0]:
            failures.append(f"date.after: expected on or after {_as_text(spec['after'])}, got {value}")
    if "granularity" in spec and event_date.get("granularity") != spec["granularity"]:
        failures.append(
            f"date.granularity: expected {spec['granularity']}, got {event_date.get('granularity')}"
        )
    return failures


def _check_location(spec: Mapping[str, Any], record: Record) -> list[str]:
    countries = {(location.get("country") or "").upper() for location in record.get("location") or ()}
    countries.discard("")
    emitted = ", ".join(sorted(countries)) or "none"
    failures = []
    if "country" in spec and str(spec["country"]).upper() not in countries:
        failures.append(f"location.country: expected {spec['country']}, got {emitted}")
    missing = [c for c in _as_list(spec.get("countries", [])) if str(c).upper() not in countries]
    if missing:
        failures.append(f"location.countries: missing {', '.join(missing)} (emitted: {emitted})")
    return failures


def _check_quantity(role: str, spec: Mapping[str, Any], record: Record) -> list[str]:
    quantity = (record.get("quantities") or {}).get(role)
    if not quantity:
        return [f"{role}: none emitted"]
    known = [n for n in (quantity.get("value"), quantity.get("low")) if n is not None]
    if not known:
        return [f"{role}: emitted without a figure"]
    figure = quantity["value"] if quantity.get("value") is not None else quantity["low"]
    failures = []
    if "value" in spec and figure != spec["value"]:
        failures.append(f"{role}: expected {spec['value']}, got {figure}")
    if "low" in spec and max(known) < spec["low"]:
        failures.append(f"{role}: expected at least {spec['low']}, got {max(known)}")
    approx = spec.get("approx")
    # bool is an int in Python: "approx: true" is the hedge flag, "approx: 100" a figure.
    if isinstance(approx, bool):
        if bool(quantity.get("approx")) != approx:
            failures.append(f"{role}.approx: expected {approx}, got {bool(quantity.get('approx'))}")
    elif approx is not None and abs(figure - approx) > APPROX_TOLERANCE * approx:
        failures.append(f"{role}: expected about {approx} (within {APPROX_TOLERANCE:.0%}), got {figure}")
    return failures


def check_fields(fields: Mapping[str, Any], record: Record) -> list[str]:
    """Return why ``record`` does not meet ``fields`` (one line per failed field); empty if it does."""
    failures: list[str] = []
    for key, spec in fields.items():
        if key in ("actor", "recipient"):
            failures += _check_participants(key, spec, record)
        elif key in ("status", "historical"):
            if record.get(key) != spec:
                failures.append(f"{key}: expected {spec}, got {record.get(key)}")
        elif key == "mode":
            wanted = [str(m) for m in _as_list(spec)]
            if not set(wanted) & set(record.get("mode") or ()):
                failures.append(f"mode: expected one of {wanted}, got {list(record.get('mode') or ())}")
        elif key == "date":
            failures += _check_date(spec, record)
        elif key in ("granularity", "after"):
            failures += _check_date({key: spec}, record)
        elif key == "location":
            failures += _check_location(spec, record)
        elif key in _QUANTITY_KEYS:
            failures += _check_quantity(key, spec, record)
    return failures


def _evidence(record: Record) -> str:
    return str((record.get("evidence") or {}).get("sentence") or "")


def _match_item(item: Expectation, records: Sequence[Record]) -> ItemResult:
    candidates = [r for r in records if r.get("type") == item.event_type]
    if not candidates:
        return ItemResult(
            item.id, str(item.event_type), False, f"no {item.event_type} event emitted", is_found=False
        )
    failures = [(check_fields(item.fields, record), record) for record in candidates]
    # min() keeps the first of equals: ties go to the earliest emitted event.
    best_failures, best = min(failures, key=lambda pair: len(pair[0]))
    if not best_failures:
        return ItemResult(item.id, str(item.event_type), True, "", best.get("event_id"))
    sentence = _evidence(best)
    where = f" in {sentence[:80]!r}" if sentence else ""
    reason = f"closest of {len(candidates)} {item.event_type} event(s){where}: " + "; ".join(best_failures)
    return ItemResult(item.id, str(item.event_type), False, reason, best.get("event_id"))


def score_records(expected: ExpectedEvents, records: Sequence[Record], article_id: str) -> ExpectedScore:
    """Score emitted records against parsed expectations."""
    violations = tuple(
        Violation(entry.id, str(entry.event_type), record.get("event_id"), _evidence(record))
        for entry in expected.must_not
        for record in records
        if record.get("type") == entry.event_type and not check_fields(entry.fields, record)
    )
    return ExpectedScore(
        article_id=article_id,
        must=tuple(_match_item(item, records) for item in expected.must),
        may=tuple(_match_item(item, records) for item in expected.may),
        violations=violations,
        n_events=len(records),
    )


def score_expected(jsonl_path: Path | str, yaml_path: Path | str, extract: Extractor) -> ExpectedScore:
    """Run ``extract`` on the one article of ``jsonl_path`` and score it against ``yaml_path``.

    Raises:
        EvalError: either file cannot be read, or the JSON-lines file does not hold exactly one article.
    """
    expected = load_expected(yaml_path)
    articles = read_articles(jsonl_path)
    if len(articles) != 1:
        raise EvalError(
            f"{jsonl_path}: an example file holds exactly one article, found {len(articles)}. "
            "Split it into one file per article."
        )
    records = list(extract(articles[0]))
    return score_records(expected, records, articles[0].id)


def _example_name(yaml_path: Path) -> str:
    return yaml_path.name.removesuffix(".expected.yaml")


def score_examples(
    directory: Path | str, extract: Extractor, *, part: Part | None = None
) -> list[ExpectedScore]:
    """Score every ``NAME.expected.yaml`` in ``directory`` with its ``NAME.jsonl``, in name order.

    ``part`` keeps the examples of that part of the held-out split (keyed by ``NAME``).

    Raises:
        EvalError: the directory has no expected files, or one lacks its article file.
    """
    directory = Path(directory)
    yaml_paths = sorted(directory.glob("*.expected.yaml"))
    if not yaml_paths:
        raise EvalError(f"no *.expected.yaml files in {directory}. Point to the examples directory.")
    scores = []
    for yaml_path in select(yaml_paths, _example_name, part):
        jsonl_path = yaml_path.with_name(yaml_path.name.removesuffix(".expected.yaml") + ".jsonl")
        if not jsonl_path.exists():
            raise EvalError(f"{yaml_path} has no article file {jsonl_path.name} next to it.")
        scores.append(score_expected(jsonl_path, yaml_path, extract))
    return scores
