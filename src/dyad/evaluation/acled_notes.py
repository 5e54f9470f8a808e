"""Score an extractor against ACLED's coded notes: type, fatalities, country, place and date.

ACLED codes one event per note. dyad's event for a note is its main event: the first event,
in text order, that was reported as done (asserted or claimed) and that ACLED's taxonomy has
(``dyad.acled.acled_type``, the mapping the ACLED export writes). Its ACLED type is right when
it is one of the gold's (``event_type_2020``, where "A|B" means either); its country and
coordinates are those of its first located place, right within ``NEAR_KM`` of ACLED's.
A note's fatalities are the sum over its sentences of the largest killed figure of a reported
event in the sentence (ACLED sums every side's dead; a sentence's figures are one toll, told
once per event it feeds), so a note with no killed figure reports 0, ACLED's convention.
The note's ``date`` is its publication date: ACLED dates the event itself, so an event dated
away from it ("on Monday") must be dated by the text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.acled import acled_country_name, acled_type
from dyad.errors import EvalError
from dyad.evaluation.gold import parse_published, read_jsonl
from dyad.evaluation.split import Part, select
from dyad.geo import km
from dyad.model import Article

Record = Mapping[str, Any]
Extractor = Callable[[Article], Sequence[Record]]

NEAR_KM = 50.0
_REPORTED = ("asserted", "claimed")


@dataclass(frozen=True, slots=True)
class AcledNote:
    """One ACLED note with the fields dyad is scored on."""

    id: str
    text: str
    date: str
    event_types: frozenset[str]
    country: str
    lat: float | None
    lon: float | None
    fatalities: int


@dataclass(frozen=True, slots=True)
class NoteResult:
    """What dyad made of one note, next to the gold."""

    note: AcledNote
    event_type: str | None
    fatalities: int
    country: str | None
    km: float | None
    date: str | None

    @property
    def is_type_right(self) -> bool:
        """Return whether the main event's ACLED type is one of the gold's."""
        return self.event_type in self.note.event_types


@dataclass(slots=True)
class AcledScore:
    """Counts over the notes scored."""

    results: list[NoteResult] = field(default_factory=list)

    def _share(self, hits: int, total: int) -> float:
        return hits / total if total else 0.0

    @property
    def n_notes(self) -> int:
        """Return the number of notes scored."""
        return len(self.results)

    @property
    def type_accuracy(self) -> float:
        """Return the share of notes whose main event has a gold ACLED type."""
        return self._share(sum(r.is_type_right for r in self.results), self.n_notes)

    @property
    def no_event(self) -> float:
        """Return the share of notes that yield no event ACLED codes."""
        return self._share(sum(r.event_type is None for r in self.results), self.n_notes)

    @property
    def fatal(self) -> list[NoteResult]:
        """Return the results of the notes ACLED gives a death toll."""
        return [r for r in self.results if r.note.fatalities > 0]

    @property
    def fatalities_exact(self) -> float:
        """Return the share of fatal notes whose summed killed figure is ACLED's exactly."""
        return self._share(sum(r.fatalities == r.note.fatalities for r in self.fatal), len(self.fatal))

    @property
    def fatalities_missing(self) -> float:
        """Return the share of fatal notes with no killed figure at all."""
        return self._share(sum(r.fatalities == 0 for r in self.fatal), len(self.fatal))

    @property
    def false_fatalities(self) -> float:
        """Return the share of notes without deaths for which dyad reports some."""
        calm = [r for r in self.results if r.note.fatalities == 0]
        return self._share(sum(r.fatalities > 0 for r in calm), len(calm))

    @property
    def country_accuracy(self) -> float:
        """Return the share of notes whose main event is placed in ACLED's country."""
        return self._share(sum(r.country == r.note.country for r in self.results), self.n_notes)

    @property
    def near_accuracy(self) -> float:
        """Return the share of notes whose main event is placed within ``NEAR_KM`` of ACLED's point."""
        return self._share(sum(r.km is not None and r.km <= NEAR_KM for r in self.results), self.n_notes)

    @property
    def date_accuracy(self) -> float:
        """Return the share of notes whose main event is dated on ACLED's day."""
        return self._share(sum(r.date == r.note.date for r in self.results), self.n_notes)


def is_acled_notes(path: Path | str) -> bool:
    """Return whether the first record of a JSON-lines file is an ACLED note (a ``gold`` object)."""
    for _, record in read_jsonl(path):
        return isinstance(record.get("gold"), dict)
    return False


def read_acled_notes(path: Path | str) -> list[AcledNote]:
    """Read ACLED notes: ``id``, ``text``, ``date`` and a ``gold`` object with ACLED's coding.

    Raises:
        EvalError: the file cannot be read, or a note lacks a field it is scored on.
    """
    notes = []
    for number, record in read_jsonl(path):
        where = f"{path}:{number}"
        gold = record.get("gold")
        if not isinstance(record.get("text"), str) or not isinstance(gold, dict):
            raise EvalError(f"{where}: an ACLED note needs a string 'text' and a 'gold' object.")
        kinds = gold.get("event_type_2020")
        if not isinstance(kinds, str) or not isinstance(gold.get("country"), str):
            raise EvalError(f"{where}: gold needs 'event_type_2020' and 'country' strings; fix the note.")
        parse_published(record.get("date"), where)
        notes.append(
            AcledNote(
                id=str(record.get("id", f"line-{number}")),
                text=record["text"],
                date=str(record.get("date") or "")[:10],
                event_types=frozenset(kinds.split("|")),
                country=gold["country"],
                lat=gold.get("latitude"),
                lon=gold.get("longitude"),
                fatalities=int(gold.get("fatalities") or 0),
            )
        )
    return notes


def _acled_kind(record: Record) -> str | None:
    def sectors(role: str) -> list[str]:
        return [s for actor in record[role] for s in actor.get("sector") or []]

    kinds = acled_type(
        record["type"], record["mode"], sectors("recipient"), record["context"], sectors("actor")
    )
    return kinds[0] if kinds else None


def _fatalities(records: Sequence[Record]) -> int:
    largest: dict[int, int] = {}
    for record in records:
        killed = record["quantities"].get("killed")
        figure = killed and (killed["value"] or killed["low"])
        if figure:
            sentence = record["evidence"]["start"]
            largest[sentence] = max(largest.get(sentence, 0), figure)
    return sum(largest.values())


def score_note(note: AcledNote, records: Sequence[Record]) -> NoteResult:
    """Score what the extractor emitted for one note."""
    reported = sorted(
        (r for r in records if r["status"] in _REPORTED and _acled_kind(r)),
        key=lambda r: r["evidence"]["trigger_start"],
    )
    main = reported[0] if reported else None
    place = next((p for p in main["location"] if p["country"]), None) if main else None
    distance = None
    if place and place["lat"] is not None and note.lat is not None and note.lon is not None:
        distance = km(place["lat"], place["lon"], note.lat, note.lon)
    return NoteResult(
        note=note,
        event_type=_acled_kind(main) if main else None,
        fatalities=_fatalities(reported),
        country=acled_country_name(place["country"]) if place else None,
        km=distance,
        date=(main["date"] or {}).get("value") if main else None,
    )


def score_acled_notes(path: Path | str, extract: Extractor, *, part: Part | None = None) -> AcledScore:
    """Score ``extract`` on the notes of ``path`` in ``part`` (all when None)."""
    score = AcledScore()
    for note in select(read_acled_notes(path), lambda n: n.id, part):
        article = Article(id=note.id, text=note.text, published_at=parse_published(note.date, note.id))
        score.results.append(score_note(note, extract(article)))
    return score
