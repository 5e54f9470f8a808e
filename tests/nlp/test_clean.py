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


def test_wire_datelines_as_geowebnews_prints_them() -> None:
    # Real openings: a bracketed place, a long dash with no spaces, an agency's colon with
    # no space, an agency then a stray character or nothing, a date with its year.
    cases = {
        "(NEW YORK) — Police officers responding to reports": "Police officers",
        "WASHINGTON—President Donald Trump is dramatically scaling": "President Donald",
        "SOUTH WAZIRISTAN, April 5 (APP):Chief of Army Staff (COAS)": "Chief of Army",
        "BEIRUT (AP) \ufffd A Kurdish militia spokesman says": "A Kurdish militia",
        "MEXICO CITY (AP) Mexico's Senate has passed a resolution": "Mexico's Senate",
        "LOS ANGELES, April 05, 2018 (GLOBE NEWSWIRE) -- Investment firm": "Investment firm",
    }
    for text, body in cases.items():
        assert text[find_body_start(text) :].startswith(body), text


def test_an_acronym_opening_prose_is_no_dateline() -> None:
    text = "NATO (the alliance) said on Monday it would send more troops."
    assert find_body_start(text) == 0
