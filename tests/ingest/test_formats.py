"""Issue 12's inputs: field names, date formats, CSV/TSV, gzip, JSON arrays, pages' metadata."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dyad.errors import IngestError
from dyad.ingest import FieldMap, parse_published, read_articles
from dyad.ingest.totals import count_records
from dyad.model import Article

SHARED = Path(__file__).resolve().parents[3] / "shared"
LEDE = "Militants attacked a police station in Basra on Friday, killing three officers, police said."


def split(results) -> tuple[list[Article], list[IngestError]]:
    results = list(results)
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, IngestError)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sat, 03 Jan 2015 07:58:00 -0500", datetime(2015, 1, 3, 12, 58, tzinfo=UTC)),
        ("Sat, 03 Jan 2015 12:58:00 GMT", datetime(2015, 1, 3, 12, 58, tzinfo=UTC)),
        ("7:58 AM ET, Sat January 3, 2015", datetime(2015, 1, 3, 12, 58, tzinfo=UTC)),
        ("January 3, 2015", datetime(2015, 1, 3, tzinfo=UTC)),
        ("26-FEB-1987 15:01:01.79", datetime(1987, 2, 26, 15, 1, 1, 790000, tzinfo=UTC)),
        ("1987-02-26T15:07:13", datetime(1987, 2, 26, 15, 7, 13, tzinfo=UTC)),
    ],
)
def test_parse_published_reads_common_formats(value, expected):
    parsed = parse_published(value)
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_parse_published_rfc822_keeps_its_offset():
    assert parse_published("Sat, 03 Jan 2015 07:58:00 -0500").utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize("value", ["yesterday", "2 days ago", "January 3", "11/12/2023"])
def test_parse_published_never_guesses(value):
    with pytest.raises(ValueError, match=repr(value)):
        parse_published(value)


def test_fields_synonyms_date_publish_and_pubdate(tmp_path):
    path = tmp_path / "scraped.jsonl"
    path.write_text(
        json.dumps({"guid": "n1", "maintext": LEDE, "headline": "Clashes", "date_publish": "2024-01-05",
                    "link": "https://example.com/n1"}) + "\n"
        + json.dumps({"id": "n2", "body": LEDE, "pubDate": "Fri, 05 Jan 2024 10:00:00 +0000"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    first, second = read_articles([path])
    assert (first.id, first.title, first.url) == ("n1", "Clashes", "https://example.com/n1")
    assert first.text == LEDE
    assert first.published_at == datetime(2024, 1, 5, tzinfo=UTC)
    assert second.published_at == datetime(2024, 1, 5, 10, tzinfo=UTC)


def test_fields_explicit_mapping_wins(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(
        json.dumps({"key": "k1", "story_text": LEDE, "when": "2024-01-05T10:00:00+03:00", "date": "x"})
        + "\n",
        encoding="utf-8",
    )
    [article] = read_articles([path], fields={"published": "when", "text": "story_text", "id": "key"})
    assert article.id == "k1"
    assert article.text == LEDE
    assert article.published_at == datetime(2024, 1, 5, 7, tzinfo=UTC)
    assert article.published_at.utcoffset() == timedelta(hours=3)


def test_fields_bad_spec_is_refused():
    with pytest.raises(ValueError, match="unknown article field 'author'"):
        FieldMap.of(["author=byline"])
    with pytest.raises(ValueError, match="not FIELD=NAME"):
        FieldMap.of(["published"])


def test_fields_reuters_corpus_date_gives_published_at():
    corpus = SHARED / "corpus" / "reuters21578.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()[:200]
    articles = [a for a in read_articles([corpus]) if isinstance(a, Article)][:200]
    assert len(articles) == len(lines)
    record = json.loads(lines[0])
    assert articles[0].id == record["id"] == "reuters21578:4"
    assert articles[0].published_at == datetime(1987, 2, 26, 15, 7, 13, tzinfo=UTC)
    assert all(a.published_at is not None for a in articles)


def test_csv_rows_with_header_and_one_error_per_bad_row(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(
        "id,title,date,text,url\n"
        f'c1,Basra attack,"Sat, 03 Jan 2015 07:58:00 -0500","{LEDE}",https://example.com/c1\n'
        "c2,Too many,2015-01-03,x,y,z\n"
        'c3,,,"Line one.\nLine two.",\n'
        "c4,Bad date,sometime,Text.,\n"
        "c5,Last,2015-01-04,The last row.,\n",
        encoding="utf-8",
    )
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["c1", "c3", "c5"]
    c1 = articles[0]
    assert (c1.title, c1.url, c1.text) == ("Basra attack", "https://example.com/c1", LEDE)
    assert c1.published_at == datetime(2015, 1, 3, 12, 58, tzinfo=UTC)
    assert articles[1].text == "Line one.\nLine two."
    assert articles[1].published_at is None
    assert [(e.line, e.problem.split(":")[0]) for e in errors] == [
        (3, "row has 6 field(s) but the header has 5"),
        (6, "invalid 'date' value 'sometime'"),
    ]
    assert str(errors[0]).startswith(f"{path}:3: row has 6 field(s)")


def test_tsv_and_field_option_for_a_column(tmp_path):
    path = tmp_path / "wire.tsv"
    path.write_text(f"doc\tstory\tstamp\nt1\t{LEDE}\t2015-01-03\n", encoding="utf-8")
    [article] = read_articles([path], fields=["id=doc", "text=story", "published=stamp"])
    assert (article.id, article.text, article.published_at) == ("t1", LEDE, datetime(2015, 1, 3, tzinfo=UTC))


def test_csv_bad_utf8_row_is_one_error(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"id,text\nl1,Caf\xe9 bombed.\nl2,Fine.\n")
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["l2"]
    assert [(e.line, e.problem) for e in errors] == [(2, "row is not valid UTF-8")]


def test_gzip_of_jsonl_and_csv(tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": LEDE, "date": "2015-01-03"}) + "\n{broken\n")
    with gzip.open(tmp_path / "b.csv.gz", "wt", encoding="utf-8") as f:
        f.write(f"id,text\ng2,{LEDE.replace(',', '')}\n")
    articles, errors = split(read_articles([tmp_path]))
    assert [a.id for a in articles] == ["g1", "g2"]
    assert articles[0].published_at == datetime(2015, 1, 3, tzinfo=UTC)
    assert [(e.source, e.line) for e in errors] == [(str(tmp_path / "a.jsonl.gz"), 2)]
    assert count_records([tmp_path]) == 3


def test_gzip_truncated_keeps_what_came_before(tmp_path):
    data = gzip.compress(
        "".join(json.dumps({"id": f"t{i}", "text": LEDE * 20}) + "\n" for i in range(200)).encode()
    )
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, errors = split(read_articles([path]))
    assert articles and articles[0].id == "t0"
    assert len(errors) == 1
    assert "cannot be read to the end" in errors[0].problem


def test_json_array_elements_with_their_lines(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(
        "[\n"
        f'  {{"id": "j1", "text": "{LEDE}", "date": "2015-01-03"}},\n'
        '  {"id": "j2", "title": "no text"},\n'
        '  "a string",\n'
        '  {"id": "j3", "content": "Third."}\n'
        "]\n",
        encoding="utf-8",
    )
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["j1", "j3"]
    assert articles[0].published_at == datetime(2015, 1, 3, tzinfo=UTC)
    assert [e.line for e in errors] == [3, 4]
    assert "no 'text' field" in errors[0].problem
    assert errors[1].problem.startswith("element 3 is a JSON string, not an object")


def test_json_object_holding_records(tmp_path):
    path = tmp_path / "api.json"
    body = {"status": "ok", "articles": [{"id": "w1", "text": LEDE}, {"id": "w2", "body": "Second."}]}
    path.write_text(json.dumps(body, indent=2), encoding="utf-8")
    assert [a.id for a in read_articles([path])] == ["w1", "w2"]


def test_json_broken_array_keeps_the_elements_before(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "b1", "text": "One."},\n {"id": "b2", "text": ]', encoding="utf-8")
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["b1"]
    assert len(errors) == 1
    assert errors[0].line == 2


def test_json_lines_still_stream_with_a_broken_first_line(tmp_path):
    path = tmp_path / "lines.json"
    path.write_text('{"id": "x1", "text": \n{"id": "x2", "text": "Two."}\n', encoding="utf-8")
    articles, errors = split(read_articles([path]))
    assert [a.id for a in articles] == ["x2"]
    assert [e.line for e in errors] == [1]


PAGE = f"""<html><head><title>Clashes in Basra - Example News</title>
<link rel="canonical" href="https://example.com/2024/clashes">
<meta property="article:published_time" content="2024-01-05T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Clashes in Basra</h1>
<p>{LEDE}</p><p>The government condemned the attack and promised to find those responsible.</p>
</article><footer>Copyright 2023 Example News</footer></body></html>"""


def test_html_keeps_title_date_url_and_no_headline_in_text(tmp_path):
    path = tmp_path / "clashes.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_articles([path], published=datetime(2020, 1, 1, tzinfo=UTC))
    assert article.id == "clashes"
    assert article.title.startswith("Clashes in Basra")
    assert article.text.startswith("Militants attacked")
    assert article.published_at == datetime(2024, 1, 5, tzinfo=UTC)
    assert article.url == "https://example.com/2024/clashes"
