"""Dateline skipping and window cutting."""

from dyad.nlp.clean import find_body_start, split_windows


def test_dateline_is_skipped_with_offsets_kept() -> None:
    text = "ERBIL, Kurdistan Region - Around 100 members of the Iraqi parliament have signed"
    start = find_body_start(text)
    assert text[start:].startswith("Around 100 members")


def test_wire_dateline_with_date_and_agency() -> None:
    text = "WASHINGTON, June 18 (Reuters) - The United States said"
    assert text[find_body_start(text) :].startswith("The United States")


def test_prose_is_not_a_dateline() -> None:
    text = "Kuwait, a target of Iranian anger - today rejected charges"
    assert find_body_start(text) == 0


def test_windows_cut_at_paragraphs_and_cover_the_text() -> None:
    paragraph = "Iraqi MPs urged the government to act. " * 50
    text = "\n\n".join([paragraph] * 10)
    windows = split_windows(text, 0, max_chars=5000)
    assert len(windows) > 1
    assert all(end - start <= 5000 for start, end in windows)
    assert "".join(text[start:end] for start, end in windows) == text
    assert all(text[end - 2 : end] == "\n\n" for _, end in windows[:-1])
