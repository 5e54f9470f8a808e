import json
from datetime import UTC, datetime
from pathlib import Path

from dyad.errors import IngestError
from dyad.ingest import read_articles
from dyad.model import Article

SHARED = Path(__file__).parents[2].parent / "shared"
GUIDING_EXAMPLE = SHARED / "examples" / "iraq-mps-coalition.jsonl"

GOOD_1 = {"id": "a1", "text": "Protesters marched in Baghdad on Friday.", "published": "2023-12-08"}
GOOD_2 = {"id": "a2", "text": "Militias struck a base near Erbil.", "title": "Base attacked"}


def write_lines(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode("utf-8") for line in lines))
    return path


def test_jsonl_guiding_example_reads_every_field():
    [article] = list(read_articles([GUIDING_EXAMPLE]))
    assert isinstance(article, Article)
    assert article.id == "iraq-mps-coalition"
    assert article.title == "Iraqi MPs call for expelling coalition forces"
    assert article.published_at == datetime(2023, 12, 11, tzinfo=UTC)
    assert article.source == "Rudaw (Erbil)"
    assert article.url is None
    assert article.text.startswith("ERBIL, Kurdistan Region - Around 100 members of the Iraqi parliament")
    assert article.text.endswith("since the militant group’s territorial defeat in 2017.")
    assert len(article.text) == 2592


def test_jsonl_bad_lines_do_not_lose_good_ones(tmp_path):
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            json.dumps(GOOD_1),
            '{"id": "broken", "text": "unterminated',
            "",
            "[1, 2]",
            json.dumps({"id": "no-text", "title": "Headline only"}),
            GUIDING_EXAMPLE.read_text(encoding="utf-8").strip(),
            b'{"id": "latin1", "text": "Caf\xe9 bombed"}',
            json.dumps(GOOD_2),
        ],
    )
    results = list(read_articles([path]))
    kinds = [type(result).__name__ for result in results]
    assert kinds == [
        "Article",
        "IngestError",
        "IngestError",
        "IngestError",
        "Article",
        "IngestError",
        "Article",
    ]
    assert [result.line for result in results if isinstance(result, IngestError)] == [2, 4, 5, 7]
    articles = [result for result in results if isinstance(result, Article)]
    assert [article.id for article in articles] == ["a1", "iraq-mps-coalition", "a2"]
    assert articles[0].published_at == datetime(2023, 12, 8, tzinfo=UTC)
    assert articles[0].text == "Protesters marched in Baghdad on Friday."
    assert articles[2].title == "Base attacked"
    assert articles[2].published_at is None


def only_error(path: Path) -> IngestError:
    [error] = list(read_articles([path]))
    assert isinstance(error, IngestError)
    return error


def test_jsonl_malformed_line_shows_excerpt(tmp_path):
    path = write_lines(
        tmp_path / "wire.jsonl", ["", '{"id": "x", "text": "Forces of the US-led coalition, "title": 1}']
    )
    error = only_error(path)
    assert (error.source, error.line) == (str(path), 2)
    assert error.problem == (
        "not valid JSON (Expecting ',' delimiter, column 55): "
        '\'{"id": "x", "text": "Forces of the US-led coalition, "title": 1}\''
    )
    assert str(error).startswith(f"{path}:2: not valid JSON")
    assert "one complete JSON object" in error.fix


def test_jsonl_malformed_deep_in_long_line_shows_the_fault(tmp_path):
    line = '{"id": "long", "text": "' + "word " * 2000 + '", "title": nope}'
    error = only_error(write_lines(tmp_path / "wire.jsonl", [line]))
    assert error.problem.startswith(f"not valid JSON (Expecting value, column {len(line) - 4}): '…")
    assert error.problem.endswith('word ", "title": nope}\'')
    assert len(error.problem) < 160


def test_jsonl_non_object_names_the_json_type(tmp_path):
    error = only_error(write_lines(tmp_path / "wire.jsonl", ['"just a string"']))
    assert error.line == 1
    assert error.problem == "expected a JSON object, got a JSON string: '\"just a string\"'"


def test_jsonl_record_without_text(tmp_path):
    error = only_error(write_lines(tmp_path / "wire.jsonl", ['{"id": "a1", "message": "Militias struck."}']))
    assert str(error).startswith(
        f"{tmp_path / 'wire.jsonl'}:1: record has no 'text' field (its keys: id, message)"
    )


def test_jsonl_non_string_text(tmp_path):
    error = only_error(write_lines(tmp_path / "wire.jsonl", ['{"id": "a1", "text": ["Militias", "struck"]}']))
    assert error.problem == "'text' must be a string, got array ['Militias', 'struck']"


def test_jsonl_invalid_published_shows_value_and_format(tmp_path):
    error = only_error(write_lines(tmp_path / "wire.jsonl", ['{"text": "x", "published": "12/11/2023"}']))
    assert error.problem == "invalid 'published' value '12/11/2023'"
    assert "2023-12-11T09:30:00+03:00" in error.fix


def test_jsonl_non_utf8_line_names_byte_and_offset(tmp_path):
    path = write_lines(
        tmp_path / "wire.jsonl", [json.dumps(GOOD_1), b'{"text": "Caf\xe9"}', json.dumps(GOOD_2)]
    )
    first, error, last = read_articles([path])
    assert isinstance(first, Article)
    assert isinstance(last, Article)
    assert last.id == "a2"
    assert isinstance(error, IngestError)
    line_start = len(json.dumps(GOOD_1)) + 1
    assert error.line == 2
    assert error.problem == (
        "line is not valid UTF-8: byte 0xe9 at byte offset 13 of the line "
        f"(offset {line_start + 13} in the input)"
    )
    assert "UTF-8" in error.fix


def test_jsonl_blank_lines_bom_and_crlf_are_fine(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(GOOD_1).encode() + b"\r\n   \r\n\r\n" + json.dumps(GOOD_2).encode()
    )
    assert [article.id for article in read_articles([path])] == ["a1", "a2"]


def test_jsonl_missing_ids_are_stem_and_line(tmp_path):
    path = write_lines(tmp_path / "wire.jsonl", ['{"text": "one"}', "", '{"text": "two"}'])
    assert [article.id for article in read_articles([path])] == ["wire:1", "wire:3"]


def test_jsonl_duplicate_ids_are_not_errors(tmp_path):
    path = write_lines(tmp_path / "wire.jsonl", [json.dumps(GOOD_1), json.dumps(GOOD_1)])
    assert [article.id for article in read_articles([path])] == ["a1", "a1"]


def test_jsonl_empty_text_is_an_article(tmp_path):
    [article] = read_articles([write_lines(tmp_path / "wire.jsonl", ['{"id": "empty", "text": "   "}'])])
    assert isinstance(article, Article)
    assert article.text == "   "


def test_jsonl_binary_file_is_one_error(tmp_path):
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 100)
    error = only_error(path)
    assert error.line is None
    assert error.problem == "looks like a binary file (NUL byte at offset 8 in the first 8 KB)"


def test_jsonl_utf16_file_is_reported_as_binary(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(json.dumps(GOOD_1).encode("utf-16"))
    error = only_error(path)
    assert error.problem.startswith("looks like a binary file")
    assert "UTF-16" in error.fix


def test_jsonl_20mb_record_streams_whole(tmp_path):
    body = "Militias struck coalition bases. " * 640_000
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as file:
        file.write(json.dumps({"id": "huge", "text": body}) + "\n")
        file.write(json.dumps(GOOD_2) + "\n")
    results = read_articles([path])
    huge = next(results)
    assert huge.id == "huge"
    assert len(huge.text) == len(body) == 21_120_000
    assert next(results).id == "a2"
