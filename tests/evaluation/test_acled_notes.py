"""Tests for dyad.evaluation.acled_notes, on real ACLED notes coded by the real pipeline."""

from __future__ import annotations

import json

import pytest

from dyad.errors import EvalError
from dyad.evaluation import is_acled_notes, read_acled_notes, score_acled_notes
from dyad.evaluation.acled_notes import score_note
from dyad.records import event_to_record

# The first note of the file: "In north-east Jawf, the military killed 10 Houthi fighters and
# arrested 52 ..." — a battle in Yemen with ten dead.
FIRST_NOTE_ID = "acled-d3m:train:1365936"


@pytest.fixture
def notes_path(shared, tmp_path):
    lines = (shared / "gold" / "acled_me2018.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    return path


def test_reads_the_gold_of_a_note(notes_path):
    note = read_acled_notes(notes_path)[0]
    assert note.id == FIRST_NOTE_ID
    assert note.event_types == {"Battles"}
    assert (note.country, note.fatalities, note.date) == ("Yemen", 10, "2018-01-01")


def test_either_type_of_a_protest_or_riot_note_counts(shared):
    notes = read_acled_notes(shared / "gold" / "acled_me2018.jsonl")
    assert any(note.event_types == {"Protests", "Riots"} for note in notes)


def test_the_main_event_of_a_battle_note_is_scored(pipeline, notes_path):
    note = read_acled_notes(notes_path)[0]
    score = score_acled_notes(notes_path, lambda a: [event_to_record(e) for e in pipeline.extract(a)])
    result = next(r for r in score.results if r.note.id == note.id)
    assert result.is_type_right
    assert result.fatalities == 10
    assert result.date == "2018-01-01"


def test_the_main_event_is_placed_in_the_notes_country(pipeline, notes_path):
    # "... taken back al-Karan mountain from the Houthi rebels in as-Sabihah region of southern
    # Lahij province. According to the spokesman, at least 7 Houthi militiamen were killed"
    score = score_acled_notes(notes_path, lambda a: [event_to_record(e) for e in pipeline.extract(a)])
    result = score.results[1]
    assert result.country == "Yemen"
    assert result.fatalities == 7
    assert result.km is not None


def test_a_note_without_events_scores_nothing(notes_path):
    note = read_acled_notes(notes_path)[0]
    result = score_note(note, [])
    assert (result.event_type, result.fatalities, result.country, result.km) == (None, 0, None, None)
    assert not result.is_type_right


def test_a_note_without_gold_is_refused_with_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Clashes.", "gold": {"country": "Yemen"}}) + "\n")
    with pytest.raises(EvalError, match=r"bad.jsonl:1: gold needs 'event_type_2020'"):
        read_acled_notes(path)


def test_acled_notes_are_told_from_plover_gold(shared, notes_path):
    assert is_acled_notes(notes_path)
    assert not is_acled_notes(shared / "gold" / "plover_gsr_dev.jsonl")
