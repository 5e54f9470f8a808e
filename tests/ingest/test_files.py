from datetime import UTC, datetime
from pathlib import Path

from dyad.errors import IngestError
from dyad.ingest import read_articles
from dyad.ingest.webpage import strip_tags
from dyad.model import Article

SHARED = Path(__file__).parents[2].parent / "shared"
GUIDING_TEXT = SHARED / "examples" / "iraq-mps-coalition.txt"

LEDE = (
    "Around 100 members of the Iraqi parliament have signed on a petition calling for issuing a "
    "binding resolution to expel forces of the US-led coalition against the Islamic State (ISIS) "
    "from the country, labeling the foreign presence as a threat to Iraqi security."
)
SECOND = (
    "The Iraqi government has recently been under mounting pressure to expel the international "
    "coalition forces from the country, following a series of US strikes on Iran-aligned militias."
)
PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Iraqi MPs call for expelling coalition forces | Rudaw</title>
<script>window.analytics = {{"page": "article"}};</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article><h1>Iraqi MPs call for expelling coalition forces</h1>
<p>{LEDE}</p>
<p>{SECOND}</p></article>
<footer><p>Copyright 2023 Rudaw Media Network. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def only(path: Path, **kwargs) -> Article | IngestError:
    [result] = list(read_articles([path], **kwargs))
    return result


def test_files_txt_guiding_example_is_whole_file():
    article = only(GUIDING_TEXT)
    assert isinstance(article, Article)
    assert article.id == "iraq-mps-coalition"
    assert article.text == GUIDING_TEXT.read_text(encoding="utf-8")
    assert article.text.startswith("Iraqi MPs call for expelling coalition forces\n\nERBIL, Kurdistan Region")
    assert article.title == ""
    assert article.published_at is None


def test_files_txt_takes_published_argument(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Militias struck a base near Erbil.", encoding="utf-8")
    article = only(path, published=datetime(2023, 12, 11, 9, 30))
    assert article.published_at == datetime(2023, 12, 11, 9, 30, tzinfo=UTC)


def test_files_txt_crlf_becomes_newline_and_bom_is_dropped(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(b"\xef\xbb\xbfERBIL -\r\nMilitias struck.\rAgain.")
    assert only(path).text == "ERBIL -\nMilitias struck.\nAgain."


def test_files_txt_empty_file_is_an_article(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    article = only(path)
    assert isinstance(article, Article)
    assert (article.id, article.text) == ("empty", "")


def test_files_txt_non_utf8_names_line_and_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("First line.\nCafé bombed.\n".encode("latin-1"))
    error = only(path)
    assert isinstance(error, IngestError)
    assert (error.source, error.line) == (str(path), 2)
    assert error.problem == "not valid UTF-8: byte 0xe9 at byte offset 15"
    assert "iconv" in error.fix


def test_files_binary_txt_is_one_error(tmp_path):
    path = tmp_path / "archive.txt"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"x" * 20_000)
    error = only(path)
    assert isinstance(error, IngestError)
    assert str(error) == (
        f"{path}: looks like a binary file (NUL byte at offset 5 in the first 8 KB). "
        "Give dyad UTF-8 text: .jsonl, .txt or .html files; re-save UTF-16 text as UTF-8."
    )


def test_files_html_boilerplate_is_removed(tmp_path):
    path = tmp_path / "rudaw-11122023.html"
    path.write_text(PAGE, encoding="utf-8")
    article = only(path, published=datetime(2023, 12, 11, tzinfo=UTC))
    assert isinstance(article, Article)
    assert article.id == "rudaw-11122023"
    assert LEDE in article.text
    assert SECOND in article.text
    for boilerplate in ("Subscribe to our newsletter", "Copyright 2023", "Privacy policy", "analytics"):
        assert boilerplate not in article.text
    assert article.title == "Iraqi MPs call for expelling coalition forces"
    assert article.published_at == datetime(2023, 12, 11, tzinfo=UTC)


def test_files_htm_fragment_falls_back_to_tag_strip(tmp_path):
    # trafilatura finds no article in a bare fragment; the text must survive anyway.
    path = tmp_path / "fragment.htm"
    path.write_text("<p>Militias struck a base near Erbil &amp; fled.</p>", encoding="utf-8")
    article = only(path)
    assert isinstance(article, Article)
    assert article.text == "Militias struck a base near Erbil & fled."


def test_files_strip_tags_keeps_blocks_apart_and_drops_scripts():
    text, title = strip_tags(
        "<html><head><title>Strike\n near Erbil</title><style>p {color: red}</style></head>"
        "<body><script>track();</script><p>Militias  struck.</p><div>Two\xa0were hurt.<br>One died.</div>"
        "</body></html>"
    )
    assert text == "Militias struck.\nTwo were hurt.\nOne died."
    assert title == "Strike near Erbil"
