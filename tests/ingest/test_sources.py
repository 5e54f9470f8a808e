import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dyad.errors import IngestError
from dyad.ingest import read_articles
from dyad.model import Article

SHARED = Path(__file__).parents[2].parent / "shared"
GUIDING_EXAMPLE = SHARED / "examples" / "iraq-mps-coalition.jsonl"


def ids(results) -> list[str]:
    return [result.id if isinstance(result, Article) else f"error:{result.problem}" for result in results]


def test_sources_directory_is_recursive_sorted_and_filtered(tmp_path, caplog):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "nested").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "z.txt").write_text("Zed.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "a-1", "text": "One."}\n{"id": "a-2", "text": "Two."}\n')
    (tmp_path / "b" / "page.HTML").write_text("<p>Militias struck a base near Erbil.</p>", encoding="utf-8")
    (tmp_path / "b" / "nested" / "c.txt").write_text("Deep.", encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".cache" / "old.txt").write_text("Hidden.", encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="dyad.ingest.sources"):
        results = list(read_articles([tmp_path]))
    assert ids(results) == ["a-1", "a-2", "c", "page", "z"]
    skipped = " ".join(record.getMessage() for record in caplog.records)
    assert "notes.md" in skipped
    assert "old.txt" in skipped


def test_sources_inputs_keep_their_order(tmp_path):
    (tmp_path / "first.txt").write_text("First.", encoding="utf-8")
    results = read_articles([GUIDING_EXAMPLE, tmp_path / "first.txt", GUIDING_EXAMPLE])
    assert ids(results) == ["iraq-mps-coalition", "first", "iraq-mps-coalition"]


def test_sources_missing_path_is_an_error_and_the_rest_still_read(tmp_path):
    missing = tmp_path / "nowhere.jsonl"
    first, error, last = read_articles([GUIDING_EXAMPLE, missing, str(GUIDING_EXAMPLE)])
    assert isinstance(first, Article)
    assert isinstance(last, Article)
    assert isinstance(error, IngestError)
    assert str(error).startswith(f"{missing}: no such file or directory. Check the path")


def test_sources_unsupported_file_named_explicitly(tmp_path):
    path = tmp_path / "events.docx"
    path.write_text("id,text\n1,Militias struck.\n", encoding="utf-8")
    [error] = read_articles([path])
    assert isinstance(error, IngestError)
    assert error.problem == "unsupported file type '.docx'"
    assert ".jsonl" in error.fix


def test_sources_published_default_naive_is_utc_and_record_value_wins(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"id": "dated", "text": "x", "published": "2023-12-11T09:30:00+03:00"}\n'
        '{"id": "undated", "text": "y"}\n'
        '{"id": "naive", "text": "z", "published": "2023-12-11 09:30"}\n',
        encoding="utf-8",
    )
    dated, undated, naive = read_articles([path], published=datetime(2024, 1, 5, 12, 0))
    assert dated.published_at == datetime(2023, 12, 11, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert dated.published_at.utcoffset() == timedelta(hours=3)
    assert undated.published_at == datetime(2024, 1, 5, 12, 0, tzinfo=UTC)
    assert undated.published_at.tzinfo is UTC
    assert naive.published_at == datetime(2023, 12, 11, 9, 30, tzinfo=UTC)


def test_sources_stdin_text_stream_of_json_lines():
    stdin = io.StringIO("\n  \n" + GUIDING_EXAMPLE.read_text(encoding="utf-8") + '{"text": "No id."}\n')
    guiding, anonymous = read_articles(["-"], stdin=stdin)
    assert guiding.id == "iraq-mps-coalition"
    assert guiding.published_at == datetime(2023, 12, 11, tzinfo=UTC)
    assert anonymous.id == "stdin:4"


def test_sources_stdin_bytes_bad_line_keeps_the_rest():
    stdin = io.BytesIO(
        b'{"id": "a1", "text": "One."}\n{"text": "Caf\xe9"}\nnot json\n{"id": "a4", "text": "Four."}\n'
    )
    first, bad_bytes, bad_json, last = read_articles(["-"], stdin=stdin)
    assert (first.id, last.id) == ("a1", "a4")
    assert (bad_bytes.source, bad_bytes.line) == ("<stdin>", 2)
    assert bad_bytes.problem.startswith("line is not valid UTF-8: byte 0xe9")
    assert (bad_json.source, bad_json.line) == ("<stdin>", 3)
    assert str(bad_json).startswith("<stdin>:3: not valid JSON (Expecting value, column 1): 'not json'")


def test_sources_stdin_plain_text_is_one_article():
    text = "ERBIL, Kurdistan Region - Around 100 members of the Iraqi parliament have signed.\n\nMore.\n"
    [article] = read_articles(["-"], stdin=io.StringIO(text), published=datetime(2023, 12, 11, tzinfo=UTC))
    assert article.id == "stdin"
    assert article.text == text
    assert article.published_at == datetime(2023, 12, 11, tzinfo=UTC)


def test_sources_stdin_plain_bytes_not_utf8_is_an_error():
    [error] = read_articles(["-"], stdin=io.BytesIO("Caf\u00e9 bombed.\n".encode("latin-1")))
    assert isinstance(error, IngestError)
    assert str(error).startswith("<stdin>:1: not valid UTF-8: byte 0xe9 at byte offset 3")


class LazyLines(io.TextIOBase):
    """A stdin whose lines are made on demand, counting how many were taken."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.n_taken = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.n_taken += 1
        return line


def test_sources_stdin_json_lines_stream_without_reading_ahead():
    stdin = LazyLines(json.dumps({"id": f"a{i}", "text": "Militias struck."}) + "\n" for i in range(1000))
    results = read_articles(["-"], stdin=stdin)
    assert next(results).id == "a0"
    assert stdin.n_taken == 1
    assert next(results).id == "a1"
    assert stdin.n_taken == 2


def test_sources_single_name_instead_of_list_is_a_type_error():
    with pytest.raises(TypeError, match="takes a list of inputs"):
        list(read_articles(str(GUIDING_EXAMPLE)))
