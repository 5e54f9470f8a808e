"""Tests for the number grammar, on sentences from the example articles and real news."""

import json
from pathlib import Path

import pytest

from dyad.coding.quantities import NumberMention, find_numbers, parse_number

# The shared examples sit beside the checkout, as in tests/evaluation.
EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"


def _article(name: str) -> str:
    with (EXAMPLES / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return json.loads(handle.readline())["text"]


def _only(text: str) -> NumberMention:
    mentions = find_numbers(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


def _by_text(mentions: list[NumberMention]) -> dict[str, NumberMention]:
    return {m.text: m for m in mentions}


# --- the guiding example -------------------------------------------------------------------


def test_around_100_members_is_approx():
    m = _only("ERBIL, Kurdistan Region - Around 100 members of the Iraqi parliament have signed")
    assert (m.text, m.value, m.low, m.high, m.is_approx, m.head) == (
        "Around 100",
        100,
        None,
        None,
        True,
        "members",
    )


def test_nearly_100_signatures():
    m = _only("they have collected nearly 100 signatures from MPs calling for the expulsion")
    assert (m.value, m.is_approx, m.head) == (100, True, "signatures")


def test_over_100_times_sets_low_and_skips_the_date():
    text = (
        "Iran-aligned militias have struck bases of the international coalition in Iraq and Syria "
        "with rockets and drones over 100 times since October 17, against the backdrop"
    )
    m = _only(text)
    assert (m.text, m.value, m.low, m.high, m.is_approx, m.head) == (
        "over 100",
        100,
        100,
        None,
        True,
        "times",
    )


def test_at_least_11_has_no_head_before_a_comma():
    m = _only("American retaliatory attacks, which have killed at least 11, calling them a violation")
    assert (m.text, m.value, m.low, m.is_approx, m.head) == ("at least 11", 11, 11, False, None)


def test_mixed_words_and_digits():
    text = "with the presence of one million and 600 thousand security personnel, there is no"
    m = _only(text)
    assert (m.text, m.value, m.is_approx, m.head) == (
        "one million and 600 thousand",
        1_600_000,
        False,
        "security",
    )


def test_offsets_point_into_the_whole_article():
    text = _article("iraq-mps-coalition")
    mentions = find_numbers(text)
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.text
    values = [m.value for m in mentions]
    # Years (2020, 2017), "since October 17" and "one of" are not figures.
    assert 2020 not in values and 2017 not in values and 17 not in values
    assert values == [100, 100, 1_600_000, 100, 3, 11, 1000]


def test_offset_argument_shifts_every_span():
    sentence = "The raid killed eight workers."
    m = _only(sentence)
    shifted = find_numbers(sentence, offset=500)[0]
    assert (shifted.start_char, shifted.end_char) == (m.start_char + 500, m.end_char + 500)


# --- Reuters examples ----------------------------------------------------------------------


def test_reuters_309_miners_and_reuters_mln():
    mentions = _by_text(find_numbers(_article("reuters21578-309")))
    assert mentions["About 15,000"].value == 15_000
    assert mentions["About 15,000"].is_approx and mentions["About 15,000"].head == "miners"
    assert mentions["Thousands"].value == 1000 and mentions["Thousands"].is_approx
    assert mentions["two mln"].value == 2_000_000 and mentions["two mln"].head == "members"
    # "one of the largest" is not a count of one.
    assert "one" not in mentions


def test_reuters_9208_killed_eight_workers_skips_percent_and_dates():
    text = _article("reuters21578-9208")
    mentions = _by_text(find_numbers(text))
    assert mentions["eight"].value == 8 and mentions["eight"].head == "workers"
    assert not mentions["eight"].is_approx
    assert "51" not in mentions  # "owns 51 pct of the field"
    assert "25" not in mentions  # "last November 25"
    assert mentions["about 800,000"].value == 800_000
    assert mentions["1.15\nmln"].value == 1_150_000


def test_reuters_8440_135_times_but_not_1985():
    m = _only("The Kharg terminal, attacked about 135 times since August\n1985, was last raided in January.")
    assert (m.text, m.value, m.is_approx, m.head) == ("about 135", 135, True, "times")


def test_reuters_8440_hyphenated_tonnage_and_excluded_date_and_code():
    mentions = _by_text(find_numbers(_article("reuters21578-8440")))
    assert mentions["162,046"].value == 162_046 and mentions["162,046"].head == "ton"
    assert "eight" not in mentions  # "on March eight"
    assert "5" not in mentions  # "tanker Khark-5"
    assert "1985" not in mentions
    assert mentions["some 80"].is_approx and mentions["some 80"].head == "km"


def test_reuters_17925_seven_speed_boats():
    m = _only("IRNA said on Sunday Iran had seized\nseven Kuwaiti speed boats and detained their crew")
    assert (m.value, m.head) == (7, "kuwaiti")


def test_reuters_june_17_is_a_date():
    text = "The Hart-Scott-Rodino waiting period on the takeover will\nexpire June 17."
    assert find_numbers(text) == []


# --- qualifiers, ranges and vague amounts --------------------------------------------------


def test_between_range():
    m = _only("Police said between 20 and 30 people were killed in the clashes.")
    assert (m.text, m.value, m.low, m.high, m.is_approx, m.head) == (
        "between 20 and 30",
        20,
        20,
        30,
        True,
        "people",
    )


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Clashes left 20-30 people dead.", 20, 30),
        ("Clashes left 20 to 30 people dead.", 20, 30),
        ("Two or three soldiers were wounded.", 2, 3),
        ("between 5 and 10 million people", 5_000_000, 10_000_000),
    ],
)
def test_other_ranges(text, low, high):
    m = _only(text)
    assert (m.value, m.low, m.high, m.is_approx) == (low, low, high, True)


def test_up_to_sets_high():
    m = _only("Officials said up to 40 people may have died.")
    assert (m.value, m.low, m.high, m.is_approx, m.head) == (40, None, 40, True, "people")


def test_as_many_as_sets_high():
    m = _only("As many as 50 protesters were detained.")
    assert (m.value, m.high, m.is_approx, m.head) == (50, 50, True, "protesters")


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("Police fired tear gas at dozens of protesters.", 12, "protesters"),
        ("Thousands of demonstrators marched on parliament.", 1000, "demonstrators"),
        ("Tens of thousands of people fled the city.", 10_000, "people"),
        ("Hundreds of thousands of refugees crossed the border.", 100_000, "refugees"),
        ("Scores of bodies were found.", 20, "bodies"),
        ("Several hundred police were deployed.", 300, "police"),
        ("A few soldiers were hurt.", 3, "soldiers"),
    ],
)
def test_vague_amounts_follow_the_documented_convention(text, value, head):
    m = _only(text)
    assert (m.value, m.is_approx, m.head, m.low, m.high) == (value, True, head, None, None)


def test_a_dozen_is_exact_and_test_scores_are_not_amounts():
    assert _only("A dozen police officers were injured.").value == 12
    assert not _only("A dozen police officers were injured.").is_approx
    assert find_numbers("Test scores rose in the region.") == []


# --- exclusions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The parliament passed a resolution in 2017.",
        "In January 2020, angry over the US killing of Soleimani",
        "Abu al-Bukhoosh subsidiary owns 51 pct of the field.",
        "Turnout was 51% in the capital.",
        "The loan was worth $50 million.",
        "The company paid 50 mln dlrs.",
        "The attack began at 10:30 local time.",
        "Fighting resumed at 9 a.m. on Tuesday.",
        "It was his 10th visit to the region.",
        "The F-16 jets took off.",
        "It violates UN Resolution 2334.",
        "No one was hurt.",
        "The crowd, one of the largest to attend a meeting",
        "The protests of the 1980s were larger.",
        "The last attack took place on March eight.",
        "a loan request to meet 1987 growth targets",
        "Period ended December 31, 1986",
        "in the fiscal 1985-86 budget",
    ],
)
def test_non_figures_are_skipped(text):
    assert find_numbers(text) == []


def test_one_followed_by_a_noun_is_a_count():
    m = _only("One soldier was killed and another wounded.")
    assert (m.value, m.head) == (1, "soldier")


def test_a_four_digit_count_is_not_a_year():
    m = _only("About 2000 people marched through the capital.")
    assert (m.value, m.is_approx, m.head) == (2000, True, "people")


# --- parse_number --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("1.6 million", 1_600_000),
        ("eight", 8),
        ("eleven", 11),
        ("15,000", 15_000),
        ("one million and 600 thousand", 1_600_000),
        ("twenty-one", 21),
        ("a hundred and fifty thousand", 150_000),
        ("two mln", 2_000_000),
        ("half a million", 500_000),
        ("one and a half million", 1_500_000),
        ("dozens", 12),
        ("tens of thousands", 10_000),
        ("two and a half thousand", 2_500),  # outside the grammar: numerizer fallback
    ],
)
def test_parse_number(phrase, value):
    assert parse_number(phrase) == value


@pytest.mark.parametrize("phrase", ["first", "2.5", "the army", "", "eight workers"])
def test_parse_number_rejects_non_numbers(phrase):
    assert parse_number(phrase) is None


# --- the link from a figure to its event and role (figures.py, through the pipeline) -----------


def _figures(pipeline, text: str) -> dict[str, dict[str, tuple]]:
    """Return {trigger: {role: (value, low, high, approx, text)}} for the events of one sentence."""
    from datetime import UTC, datetime

    import dyad

    article = dyad.Article(id="q", text=text, published_at=datetime(2023, 12, 11, tzinfo=UTC))
    return {
        event.trigger.text: {
            q.role: (q.value, q.low, q.high, q.is_approx, q.span.text) for q in event.quantities
        }
        for event in pipeline.extract(article)
    }


@pytest.mark.parametrize(
    ("text", "trigger", "role", "figure"),
    [
        ("Gunmen killed at least 11 people in an attack on a market in Kirkuk on Sunday.", "attack", "killed",
         (11, 11, None, False, "at least 11")),
        ("An explosion in Kabul wounded more than 30 people, police said.", "wounded", "injured",
         (30, 30, None, True, "more than 30")),
        ("Police arrested 45 protesters in Tehran on Monday.", "arrested", "arrested",
         (45, None, None, False, "45")),
        ("Security forces detained dozens of demonstrators after the rally.", "detained", "arrested",
         (12, None, None, True, "dozens")),
        ("About 15,000 miners rallied in Johannesburg on Saturday.", "rallied", "size",
         (15000, None, None, True, "About 15,000")),
        ("Hundreds of students marched in Khartoum.", "marched", "size", (100, None, None, True, "Hundreds")),
        ("Militias have attacked US forces over 100 times since October 17.", "attacked", "count",
         (100, 100, None, True, "over 100")),
        ("Nearly 200 people were killed when jets bombed the market.", "bombed", "killed",
         (200, None, None, True, "Nearly 200")),
    ],
)  # fmt: skip
def test_figures_link_to_their_event_and_role(pipeline, text, trigger, role, figure):
    assert _figures(pipeline, text)[trigger][role] == figure


def test_figures_context_number_is_not_a_size(pipeline):
    # "1.6 million security personnel" describes the army, not the protest.
    figures = _figures(
        pipeline,
        "Thousands of people protested in Baghdad, where the army has 1.6 million security personnel.",
    )
    assert figures["protested"] == {"size": (1000, None, None, True, "Thousands")}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels attacked the town, which has 20,000 residents, on Tuesday.", "attacked"),
        (
            "Soldiers shelled the village on Friday; a separate flood killed 40 people in the north.",
            "shelled",
        ),
    ],
)
def test_figures_number_of_another_clause_does_not_attach(pipeline, text, trigger):
    assert _figures(pipeline, text)[trigger] == {}
