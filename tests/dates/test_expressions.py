"""find_time_expressions on sentences from real news reports."""

from datetime import date

import pytest

from dyad.dates import find_time_expressions, resolve_weekday, value_bounds
from dyad.dates.values import shift_value

IRAQ = date(2023, 12, 11)  # a Monday; iraq-mps-coalition.jsonl


def one(text, anchor, wanted):
    """Return the only expression whose text is ``wanted``."""
    found = [e for e in find_time_expressions(text, anchor) if e.text == wanted]
    assert len(found) == 1, find_time_expressions(text, anchor)
    return found[0]


@pytest.mark.parametrize(
    ("text", "anchor", "wanted", "value", "granularity"),
    [
        (
            "Faleh al-Khazali, a Shiite MP, announced on Sunday that they have collected nearly 100 "
            "signatures",
            IRAQ,
            "Sunday",
            "2023-12-10",
            "day",
        ),
        (
            "The parliament's First Deputy Speaker Muhsin al-Mandalawi said on Saturday that the "
            "legislature's resolution",
            IRAQ,
            "Saturday",
            "2023-12-09",
            "day",
        ),
        (
            "In January 2020, angry over the US killing of Soleimani and Muhandis, the Iraqi parliament "
            "passed a non-binding resolution",
            IRAQ,
            "January 2020",
            "2020-01",
            "month",
        ),
        ("since the militant group's territorial defeat in 2017.", IRAQ, "2017", "2017", "year"),
        (
            "In London, Lloyds insurance said the 162,046-ton Iranian tanker Avaj was hit on Saturday",
            date(1987, 3, 23),
            "Saturday",
            "1987-03-21",
            "day",
        ),
        (
            "The last confirmed Iraqi attack took place on March eight, when the Iranian tanker Khark-5 "
            "was hit",
            date(1987, 3, 23),
            "March eight",
            "1987-03-08",
            "day",
        ),
        (
            "Unidentified planes hit the field, 100 miles off Abu Dhabi,\nlast November 25.",
            date(1987, 3, 25),
            "last November 25",
            "1986-11-25",
            "day",
        ),
        (
            "shut since an aerial attack last\nNovember, will reopen",
            date(1987, 3, 25),
            "last\nNovember",
            "1986-11",
            "month",
        ),
        (
            "Saudi Arabia's Crown Prince Abdullah bin Abdul Aziz met for an hour with Vice President "
            "George Bush on Monday",
            date(1987, 10, 19),
            "Monday",
            "1987-10-19",
            "day",
        ),
        (
            "which the Pentagon said came in retaliation for last Friday's Iranian missile attack",
            date(1987, 10, 19),
            "last Friday",
            "1987-10-16",
            "day",
        ),
        (
            "were kidnapped on the Awaz'i Road in the southern suburbs of Beirut on June\n17.",
            date(1987, 6, 18),
            "June\n17",
            "1987-06-17",
            "day",
        ),
        (
            "It said Iranian Charge d'Affaires Mohammad Baqeri was summoned by the Ministry yesterday",
            date(1987, 6, 2),
            "yesterday",
            "1987-06-01",
            "day",
        ),
        (
            "The Iranian News Agency IRNA said on Sunday Iran had seized seven Kuwaiti speed boats",
            date(1987, 6, 2),
            "Sunday",
            "1987-05-31",
            "day",
        ),
        (
            "Kuwait, a target of Iranian anger, today rejected charges",
            date(1987, 6, 2),
            "today",
            "1987-06-02",
            "day",
        ),
        (
            "one of the largest to attend a meeting since South Africa declared a state of emergency last "
            "June",
            date(1987, 3, 2),
            "last June",
            "1986-06",
            "month",
        ),
        (
            "moves proposed by last week's annual meeting of the National Union of Mineworkers",
            date(1987, 3, 2),
            "last week",
            "1987-W09",
            "week",
        ),
        (
            "a national strike at the\nend of this month",
            date(1987, 3, 2),
            "the\nend of this month",
            "1987-03",
            "month",
        ),
        (
            "Microsoft Corp. broke sales records in 2010 when it released its Kinect",
            date(2013, 3, 18),
            "2010",
            "2010",
            "year",
        ),
        (
            "Erdogan has long sought an apology for the raid in May 2010 on the Mavi Marmara",
            date(2013, 3, 22),
            "May 2010",
            "2010-05",
            "month",
        ),
        ("On Feb. 28, Deutsche Bank released an analysis", date(2013, 3, 21), "Feb. 28", "2013-02-28", "day"),
        (
            "The FAA said the closure will begin on April 7, the FAA said.",
            date(2013, 3, 22),
            "April 7",
            "2013-04-07",
            "day",
        ),
        (
            "Evana Roth told CNN in August she thought her husband devised the plan",
            date(2013, 3, 22),
            "August",
            "2012-08",
            "month",
        ),
        (
            "a similar government order for higher-grade fuel four years ago.",
            date(2013, 3, 21),
            "four years ago",
            "2009",
            "year",
        ),
        (
            "The court ruled on 17 June 1987 that the ban was legal.",
            None,
            "17 June 1987",
            "1987-06-17",
            "day",
        ),
        ("The vote was held on Dec. 10, 2023, in Baghdad.", None, "Dec. 10, 2023", "2023-12-10", "day"),
        ("The ministry published the figures on 2023-12-10.", None, "2023-12-10", "2023-12-10", "day"),
        (
            "Greece may well have been too big to fail last year, but Cyprus",
            date(2013, 3, 21),
            "last year",
            "2012",
            "year",
        ),
        ("Google launched Keep this week", date(2013, 3, 22), "this week", "2013-W12", "week"),
        (
            "Last month, after deadly air pollution hit Beijing",
            date(2013, 3, 21),
            "Last month",
            "2013-02",
            "month",
        ),
        ("The talks will resume next week in Geneva.", IRAQ, "next week", "2023-W51", "week"),
        (
            "who earlier this month was forced to step down",
            date(2013, 3, 21),
            "earlier this month",
            "2013-03",
            "month",
        ),
        (
            "Shaheen met the envoy the previous day.",
            date(1987, 6, 2),
            "the previous day",
            "1987-06-01",
            "day",
        ),
        ("the first quarter of 1987 showed a loss", None, "the first quarter of 1987", "1987-Q1", "quarter"),
        ("prices collapsed in the 1990s after the war", None, "the 1990s", "199", "decade"),
        (
            "a New York man accused of faking his death last summer pleaded guilty",
            date(2013, 3, 22),
            "last summer",
            "2012-SU",
            "season",
        ),
        ("But with 20 female senators now in office", date(2013, 3, 21), "now", "PRESENT_REF", "ref"),
    ],
)
def test_expressions_value(text, anchor, wanted, value, granularity):
    found = one(text, anchor, wanted)
    assert (found.value, found.granularity) == (value, granularity)


def test_expressions_since_is_a_range_until_the_anchor():
    text = (
        "Iran-aligned militias have struck bases of the international coalition in Iraq and Syria "
        "with rockets and drones over 100 times since October 17, against the backdrop"
    )
    found = one(text, IRAQ, "since October 17")
    assert (found.kind, found.value, found.until) == ("range", "2023-10-17", "2023-12-11")
    assert text[found.start_char : found.end_char] == "since October 17"


def test_expressions_since_month_year():
    found = one(
        "The Kharg terminal, attacked about 135 times since August\n1985, was last raided in January.",
        date(1987, 3, 23),
        "since August\n1985",
    )
    assert (found.kind, found.value, found.granularity, found.until) == (
        "range",
        "1985-08",
        "month",
        "1987-03-23",
    )


def test_expressions_between_and_from_to_are_ranges():
    between = one(
        "Prices rose between March 1 and March 15, 1987, traders said.",
        date(1987, 3, 23),
        "between March 1 and March 15, 1987",
    )
    assert (between.value, between.until) == ("1987-03-01", "1987-03-15")
    span = one("He served as prime minister from 2006 to 2014.", None, "from 2006 to 2014")
    assert (span.kind, span.value, span.until) == ("range", "2006", "2014")


def test_expressions_month_later_than_anchor_means_last_year():
    found = one("Militias have attacked the base since October 17.", date(2024, 1, 15), "since October 17")
    assert found.value == "2023-10-17"
    early = one(
        "This flu season started in early December, a month earlier than usual.",
        date(2013, 3, 22),
        "early December",
    )
    assert early.value == "2012-12"


def test_expressions_weekday_equal_to_the_anchor_is_the_anchor():
    found = one("The two leaders met on Monday in Washington.", date(1987, 10, 19), "Monday")
    assert found.value == "1987-10-19"
    assert found.weekday == 0


def test_expressions_future_weekday_looks_forward():
    found = one("The council will vote on Thursday.", IRAQ, "Thursday")
    assert found.value == "2023-12-14"


def test_expressions_without_anchor_keep_relative_expressions_with_no_value():
    found = find_time_expressions("The army said on Sunday it had seized the town yesterday.", None)
    assert [(e.text, e.value, e.is_relative) for e in found] == [
        ("Sunday", None, True),
        ("yesterday", None, True),
    ]


def test_expressions_offset_shifts_positions():
    text = "He spoke on Sunday."
    found = find_time_expressions(text, IRAQ, offset=100)
    assert (found[0].start_char, found[0].end_char) == (112, 118)


@pytest.mark.parametrize(
    "text",
    [
        "About 2017 people marched through the capital.",
        "The field produced 2000 barrels per day.",
        "Shares fell to 1995 pence.",
        "You may want to march on the palace.",
    ],
)
def test_expressions_numbers_and_verbs_are_not_dates(text):
    assert [e for e in find_time_expressions(text, IRAQ) if e.kind == "date"] == []


def test_expressions_year_pairs_and_possessives():
    values = [
        e.value
        for e in find_time_expressions(
            "One exception was the swine flu pandemic of 2009-2010, and the expedition of 1957-58.", None
        )
    ]
    assert values == ["2009", "2010", "1957", "1958"]
    assert one("The 2020's election was contested.", None, "2020").value == "2020"


def test_resolve_weekday_includes_the_anchor_day():
    assert resolve_weekday(date(2023, 12, 11), 0, future=False) == date(2023, 12, 11)
    assert resolve_weekday(date(2023, 12, 11), 6, future=False) == date(2023, 12, 10)
    assert resolve_weekday(date(2023, 12, 11), 3, future=True) == date(2023, 12, 14)


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ("2020-01", (date(2020, 1, 1), date(2020, 1, 31))),
        ("2023-W49", (date(2023, 12, 4), date(2023, 12, 10))),
        ("1987-Q1", (date(1987, 1, 1), date(1987, 3, 31))),
        ("199", (date(1990, 1, 1), date(1999, 12, 31))),
        ("PRESENT_REF", None),
    ],
)
def test_value_bounds(value, bounds):
    assert value_bounds(value) == bounds


def test_expressions_previous_day_counts_from_the_last_named_date():
    text = "Police arrested 20 people on Sunday. The previous day, protesters had blocked roads."
    assert one(text, IRAQ, "Sunday").value == "2023-12-10"
    previous = one(text, IRAQ, "The previous day")
    assert (previous.value, previous.granularity, previous.offset) == ("2023-12-09", "day", "-P1D")


def test_expressions_previous_day_without_an_earlier_date_counts_from_the_anchor():
    assert one("Rebels seized the town the previous day.", IRAQ, "the previous day").value == "2023-12-10"


@pytest.mark.parametrize(
    ("text", "wanted", "value", "granularity"),
    [
        ("Troops entered the city on March 3. Two days later, rebels withdrew.", "Two days later",
         "2023-03-05", "day"),
        ("In January 2020 parliament voted to expel the troops. A month later it met again.", "A month later",
         "2020-02", "month"),
        ("Five years earlier, the war had ended.", "Five years earlier", "2018", "year"),
        ("He was killed two days after March 5.", "two days after March 5", "2023-03-07", "day"),
    ],
)  # fmt: skip
def test_expressions_offsets_count_from_the_text_not_the_report(text, wanted, value, granularity):
    found = one(text, IRAQ, wanted)
    assert (found.value, found.granularity, found.kind) == (value, granularity, "date")


def test_expressions_later_with_nothing_before_it_is_unknown():
    assert one("The vote came three weeks later.", IRAQ, "three weeks later").value is None


def test_expressions_offset_from_an_event_is_left_to_the_resolver():
    found = one(
        "Sassan was heavily damaged by an Iraqi air raid only 10 days before Abu al-Bukhoosh was attacked.",
        date(1987, 3, 25),
        "10 days before",
    )
    assert (found.kind, found.value, found.offset) == ("offset", None, "-P10D")


def test_expressions_timex_values_and_granularity_of_the_issue_examples():
    text = (
        "The strike on 10 December 2023 followed talks last week. Earlier this month, MPs recalled "
        "that in January 2020 parliament voted, as it had in 2017. Parliament currently has 329 seats."
    )
    got = {e.text: (e.value, e.granularity) for e in find_time_expressions(text, IRAQ)}
    assert got == {
        "10 December 2023": ("2023-12-10", "day"),
        "last week": ("2023-W49", "week"),
        "Earlier this month": ("2023-12", "month"),
        "January 2020": ("2020-01", "month"),
        "2017": ("2017", "year"),
        "currently": ("PRESENT_REF", "ref"),
    }


def test_expressions_year_rollover_in_a_january_article():
    found = one("Militias have attacked US bases since October 17.", date(2024, 1, 10), "since October 17")
    assert (found.value, found.until, found.kind) == ("2023-10-17", "2024-01-10", "range")


def test_expressions_weekday_equal_to_the_anchor_past_and_future():
    # IRAQ is a Monday: "on Monday" in a past clause is that same day; a future clause looks ahead from it.
    assert one("Gunmen attacked the base on Monday.", IRAQ, "Monday").value == "2023-12-11"
    assert one("The minister will travel to Erbil on Sunday.", IRAQ, "Sunday").value == "2023-12-17"


@pytest.mark.parametrize(
    ("value", "offset", "moved"),
    [
        ("1986-11-25", "-P10D", ("1986-11-15", "day")),
        ("1986-11", "-P10D", ("1986", "year")),  # 1986-10-22 .. 1986-11-20 share only the year
        ("2020-01", "P1M", ("2020-02", "month")),
        ("2023-03-03", "-P5Y", ("2018", "year")),
        ("2023-12-30", "P1W", ("2024-W01", "week")),
        ("PRESENT_REF", "P1D", None),
    ],
)
def test_values_shift_value_keeps_only_what_both_ends_share(value, offset, moved):
    assert shift_value(value, offset) == moved
