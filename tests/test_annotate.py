"""``dyad.annotate`` and ``dyad annotate``: every mention of a layer, with offsets and values."""

import json
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

import dyad
from dyad.annotation import Annotator, Layer
from dyad.cli import app

PUBLISHED = datetime(2023, 12, 11, tzinfo=UTC)  # a Monday


def article(text: str, published: datetime | None = PUBLISHED) -> dyad.Article:
    return dyad.Article(id="a1", text=text, published_at=published)


def records(mentions: list) -> dict[str, dict]:
    """Return {mention text: its JSON record}, checking every offset on the way."""
    out = {}
    for mention in mentions:
        record = mention.to_record()
        assert record["article_id"] == "a1"
        out[record["text"]] = record
    return out


def test_annotate_times_values_granularity_and_offsets():
    text = (
        "Iran-aligned militias have attacked US bases over 100 times since October 17. In January 2020, "
        "parliament voted to expel foreign troops. On Sunday, MPs signed a petition, and talks were held "
        "last week."
    )
    found = records(dyad.annotate(article(text), "times"))
    since = found["since October 17"]
    assert text[since["start"] : since["end"]] == "since October 17"
    assert (since["layer"], since["value"], since["until"], since["granularity"]) == (
        "times",
        "2023-10-17",
        "2023-12-11",
        "day",
    )
    assert (found["January 2020"]["value"], found["January 2020"]["granularity"]) == ("2020-01", "month")
    assert found["Sunday"]["value"] == "2023-12-10"
    assert (found["last week"]["value"], found["last week"]["granularity"]) == ("2023-W49", "week")


def test_annotate_times_without_a_publication_date_leave_relative_values_null():
    found = records(
        dyad.annotate(article("Police arrested him on Sunday, in 2017.", published=None), "times")
    )
    assert found["Sunday"]["value"] is None
    assert found["2017"]["value"] == "2017"


def test_annotate_quantities_values_bounds_and_units(pipeline):
    text = (
        "US retaliatory strikes have killed at least 11 militants. The Iraqi army has one million and 600 "
        "thousand security personnel. Militias struck up to 40 times, and dozens of protesters gathered."
    )
    found = records(Annotator("quantities", pipeline)(article(text)))
    assert {k: found["at least 11"][k] for k in ("value", "low", "high", "approx", "unit")} == {
        "value": 11,
        "low": 11,
        "high": None,
        "approx": False,
        "unit": "militants",
    }
    personnel = found["one million and 600 thousand"]
    assert (personnel["value"], personnel["unit"]) == (1_600_000, "personnel")
    assert (found["up to 40"]["high"], found["up to 40"]["approx"], found["up to 40"]["unit"]) == (
        40,
        True,
        "times",
    )
    assert (found["dozens"]["value"], found["dozens"]["approx"], found["dozens"]["unit"]) == (
        12,
        True,
        "protesters",
    )
    start, end = found["dozens"]["start"], found["dozens"]["end"]
    assert text[start:end] == "dozens"


def test_annotate_places_resolved_with_coordinates(pipeline):
    text = "A drone struck Ain al-Asad air base in Iraq on Sunday, and protesters gathered in Paris."
    found = records(Annotator(Layer.PLACES, pipeline)(article(text)))
    iraq = found["Iraq"]
    assert (iraq["country"], iraq["precision"], iraq["geonameid"]) == ("IRQ", "country", 99237)
    assert text[iraq["start"] : iraq["end"]] == "Iraq"
    paris = found["Paris"]
    assert paris["country"] == "FRA"
    assert paris["lat"] == pytest.approx(48.85, abs=0.1)
    asad = next(record for key, record in found.items() if "Asad" in key)
    assert (asad["country"], asad["basis"], asad["embedded"]) == ("IRQ", "gazetteer", False)
    assert set(asad) >= {"name", "country", "admin1", "lat", "lon", "geonameid", "precision"}


def test_annotate_actors_from_events_and_named_entities(pipeline):
    text = (
        "Faleh al-Khazali, a Shiite MP, said the Iraqi government condemned the US strikes. "
        "Separately, Reuters reported on the talks."
    )
    found = records(Annotator("actors", pipeline)(article(text)))
    government = next(record for key, record in found.items() if key.endswith("Iraqi government"))
    assert (government["country"], government["sector"]) == ("IRQ", ["GOV"])
    assert found["Faleh al-Khazali"]["country"] == "IRQ"
    assert "Reuters" in found  # a named organisation no event took
    assert "Iraqi" not in found  # a modifier inside a larger actor phrase is not its own mention


def test_annotate_unknown_layer_says_which_exist():
    with pytest.raises(dyad.ConfigError, match="times, places, quantities, actors"):
        dyad.annotate(article("text"), "weather")


def test_cli_annotate_jsonl_from_stdin_with_published():
    stdin = json.dumps({"id": "r1", "text": "Gunmen attacked the base on Sunday."}) + "\n"
    result = CliRunner().invoke(
        app,
        ["annotate", "-", "--layer", "times", "--published", "2023-12-11", "--format", "jsonl"],
        input=stdin,
    )
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line) == {
        "article_id": "r1",
        "layer": "times",
        "text": "Sunday",
        "start": 28,
        "end": 34,
        "value": "2023-12-10",
        "granularity": "day",
        "until": None,
        "kind": "date",
    }


def test_cli_annotate_bad_record_is_reported_and_keep_going_continues():
    stdin = (
        "{not json\n"
        + json.dumps({"id": "r2", "text": "It happened in 2017.", "published": "2023-12-11"})
        + "\n"
    )
    stopped = CliRunner().invoke(app, ["annotate", "-", "--layer", "times"], input=stdin)
    assert stopped.exit_code == 1
    assert "error:" in stopped.stderr
    kept = CliRunner().invoke(app, ["annotate", "-", "--layer", "times", "--keep-going"], input=stdin)
    assert kept.exit_code == 1
    assert json.loads(kept.stdout.splitlines()[0])["value"] == "2017"
    assert "1 input record(s) or article(s) failed; 1 mention(s) written" in kept.stderr
