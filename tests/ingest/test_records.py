from datetime import UTC, datetime, timedelta, timezone

import pytest

from dyad.errors import IngestError
from dyad.ingest import article_from_record, parse_published


def test_parse_published_date_is_midnight_utc():
    assert parse_published("2023-12-11") == datetime(2023, 12, 11, tzinfo=UTC)


def test_parse_published_naive_datetime_is_utc():
    parsed = parse_published("2023-12-11T09:30:00")
    assert parsed == datetime(2023, 12, 11, 9, 30, tzinfo=UTC)
    assert parsed.utcoffset() == timedelta(0)


def test_parse_published_keeps_offset():
    parsed = parse_published("2023-12-11T09:30:00+03:00")
    assert parsed.utcoffset() == timedelta(hours=3)
    assert parsed == datetime(2023, 12, 11, 6, 30, tzinfo=UTC)


def test_parse_published_accepts_z_and_surrounding_space():
    assert parse_published(" 2023-12-11T06:30:00Z ") == datetime(2023, 12, 11, 6, 30, tzinfo=UTC)


@pytest.mark.parametrize("value", ["yesterday", "", "2023-13-01", "January 3", "no date at all"])
def test_parse_published_rejects_unreadable_with_value_and_format(value):
    with pytest.raises(ValueError, match="expected a date such as 2023-12-11") as info:
        parse_published(value)
    assert repr(value) in str(info.value)


def test_article_from_record_fills_every_field():
    record = {
        "id": "iraq-mps-coalition",
        "text": "Around 100 members of the Iraqi parliament have signed on a petition.",
        "title": "Iraqi MPs call for expelling coalition forces",
        "published": "2023-12-11",
        "url": "https://www.rudaw.net/english/middleeast/iraq/11122023",
        "source": "Rudaw (Erbil)",
    }
    article = article_from_record(record, source="in.jsonl", line=1, default_published=None)
    assert article.id == "iraq-mps-coalition"
    assert article.text == record["text"]
    assert article.title == "Iraqi MPs call for expelling coalition forces"
    assert article.published_at == datetime(2023, 12, 11, tzinfo=UTC)
    assert article.url == "https://www.rudaw.net/english/middleeast/iraq/11122023"
    assert article.source == "Rudaw (Erbil)"


def test_article_from_record_numeric_id_becomes_string():
    article = article_from_record(
        {"id": 17925, "text": "x"}, source="r.jsonl", line=3, default_published=None
    )
    assert article.id == "17925"


def test_article_from_record_missing_id_is_stem_and_line():
    article = article_from_record({"text": "x"}, source="data/wire.jsonl", line=12, default_published=None)
    assert article.id == "wire:12"


def test_article_from_record_uses_default_published_only_when_absent():
    default = datetime(2024, 1, 2, tzinfo=timezone(timedelta(hours=3)))
    without = article_from_record({"text": "x"}, source="a.jsonl", line=1, default_published=default)
    null = article_from_record(
        {"text": "x", "published": None}, source="a.jsonl", line=2, default_published=default
    )
    own = article_from_record(
        {"text": "x", "published": "2023-12-11"}, source="a.jsonl", line=3, default_published=default
    )
    assert without.published_at == default
    assert null.published_at == default
    assert own.published_at == datetime(2023, 12, 11, tzinfo=UTC)


def test_article_from_record_null_optionals_become_defaults():
    article = article_from_record(
        {"text": "x", "title": None, "url": None, "source": None},
        source="a.jsonl",
        line=1,
        default_published=None,
    )
    assert (article.title, article.url, article.source, article.published_at) == ("", None, None, None)


def test_article_from_record_empty_text_is_an_article():
    article = article_from_record(
        {"id": "blank", "text": "  \n"}, source="a.jsonl", line=1, default_published=None
    )
    assert article.text == "  \n"


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"id": "a1", "title": "t"}, "record has no 'text' field (its keys: id, title)"),
        ({"text": 42}, "'text' must be a string, got number 42"),
        ({"text": None}, "'text' must be a string, got null None"),
        ({"text": "x", "published": "11/12/2023"}, "invalid 'published' value '11/12/2023'"),
        ({"text": "x", "date": "sometime"}, "invalid 'date' value 'sometime'"),
        ({"text": "x", "published": 1702252800}, "'published' must be a string, got number 1702252800"),
        ({"text": "x", "id": True}, "'id' must be a non-empty string or number, got boolean True"),
        ({"text": "x", "id": " "}, "'id' must be a non-empty string or number, got string ' '"),
        ({"text": "x", "title": ["a"]}, "'title' must be a string or null, got array ['a']"),
    ],
)
def test_article_from_record_bad_field_names_source_line_and_problem(record, problem):
    with pytest.raises(IngestError) as info:
        article_from_record(record, source="wire.jsonl", line=7, default_published=None)
    error = info.value
    assert (error.source, error.line, error.problem) == ("wire.jsonl", 7, problem)
    assert str(error).startswith(f"wire.jsonl:7: {problem}. ")
    assert error.fix


def test_article_from_record_invalid_published_says_expected_format():
    with pytest.raises(IngestError, match=r"Use a date such as 2023-12-11"):
        article_from_record(
            {"text": "x", "published": "Dec 11"}, source="a.jsonl", line=1, default_published=None
        )
