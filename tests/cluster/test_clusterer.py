"""Tests for dyad.cluster: reports of one real-world event join, others do not, ids stay stable.

The sentences are Reuters-21578 reports of the 1987 Gulf tanker war; their fields are coded by
hand as dyad codes them, so the tests need no model.
"""

from __future__ import annotations

from datetime import date

from dyad.cluster import Clusterer, Mention, cluster_mentions, compatible, timex_span
from dyad.cluster.clusterer import _dates_the_act
from dyad.cluster.compare import day_window, fell_back
from dyad.cluster.merge import merge_cluster

from .records import GULF, IRAQ, KHARG, mention, party, place, record

# Two reports, five days apart, of the March 8 missile attack on the tanker Khark-5.
KHARK5_FIRST = record(
    "reuters21578:6404",
    "The last confirmed Iraqi attack on shipping was on March 8, when an Iranian tanker was hit by "
    "a missile south of Iran's Kharg island oil export terminal.",
    "attack",
    date="1987-03-08",
    actor=[party("IRQ", text="Iraqi")],
    recipient=[party("IRN", text="Iranian tanker")],
    location=[GULF],
)
KHARK5_LATER = record(
    "reuters21578:8440",
    "The last confirmed Iraqi attack took place on March eight, when the Iranian tanker Khark-5 was "
    "hit south of Kharg.",
    "attack",
    date="1987-03-08",
    actor=[party("IRQ", text="Iraqi")],
    recipient=[party("IRN", text="the Iranian tanker Khark-5")],
    location=[KHARG],
)
# An attack on shipping in another month: the Greek bulk carrier Pamit, April 29.
PAMIT = record(
    "reuters21578:17403",
    "Lloyds Shipping Intelligence earlier today said the Greek bulk carrier Pamit, 84,137 tonnes dw, "
    "was attacked and hit in the engine room this morning in the northern Gulf.",
    "attacked",
    date="1987-04-29",
    recipient=[party("GRC", text="the Greek bulk carrier Pamit")],
    location=[GULF],
)


def test_clusterer_joins_two_reports_of_one_tanker_attack():
    first, later = mention(KHARK5_FIRST, "1987-03-18T07:32"), mention(KHARK5_LATER, "1987-03-23T09:02")
    assignment = cluster_mentions([later, first])
    # One event; its id is the earliest report's event id.
    assert assignment == {first.event_id: first.event_id, later.event_id: first.event_id}


def test_clusterer_keeps_an_attack_in_another_month_apart():
    first, pamit = mention(KHARK5_FIRST, "1987-03-18T07:32"), mention(PAMIT, "1987-04-29T12:54")
    assignment = cluster_mentions([first, pamit])
    assert assignment[pamit.event_id] == pamit.event_id != assignment[first.event_id]
    assert not compatible(first, pamit)


def test_clusterer_continues_from_stored_clusters_and_keeps_their_ids():
    first, later = mention(KHARK5_FIRST, "1987-03-18T07:32"), mention(KHARK5_LATER, "1987-03-23T09:02")
    stored = cluster_mentions([first])
    # The next batch: a fresh clusterer seeded with what the store holds.
    clusterer = Clusterer()
    clusterer.seed(first, stored[first.event_id])
    assert clusterer.add(later) == first.event_id
    assert len(clusterer) == 1


def test_clusterer_keeps_the_founding_id_when_an_earlier_report_arrives_later():
    first, later = mention(KHARK5_FIRST, "1987-03-18T07:32"), mention(KHARK5_LATER, "1987-03-23T09:02")
    clusterer = Clusterer()
    clusterer.add(later)
    # The earlier report is ingested afterwards: it joins, the cluster keeps its id.
    assert clusterer.add(first) == later.event_id


def test_mention_month_precision_overlaps_the_days_inside_it():
    assert timex_span("1987-03") == (timex_span("1987-03-01")[0], timex_span("1987-03-31")[1])
    offensive = mention(
        record(
            "reuters21578:1938",
            "Iran launched the new offensive, codenamed Karbala-7, on Tuesday night among the "
            "snow-capped peaks of the Haj Omran border area of northeast Iraq.",
            "offensive",
            date="1987-03-03",
            actor=[party("IRN")],
            location=[IRAQ],
        ),
        "1987-03-05T08:00",
    )
    last_week = mention(
        record(
            "reuters21578:3464",
            "Iran attacked across snow-capped peaks of northeastern Iraq last week in an area which saw "
            "heavy fighting in mid-1983.",
            "attacked",
            date="1987-W10",
            granularity="week",
            actor=[party("IRN")],
            location=[IRAQ],
        ),
        "1987-03-11T08:00",
    )
    in_april = mention(
        record(
            "reuters21578:13365",
            "Iran launched a major offensive towards the major southern Iraqi port of Basra in April.",
            "offensive",
            date="1987-04",
            granularity="month",
            actor=[party("IRN")],
            location=[IRAQ],
        ),
        "1987-04-07T08:00",
    )
    assert compatible(offensive, last_week)  # the week of March 2-8 holds March 3
    assert not compatible(offensive, in_april)


def test_mention_country_precision_place_is_compatible_with_a_point_inside_it():
    kharg = mention(KHARK5_LATER, "1987-03-23T09:02")
    in_iran = mention(
        {**KHARK5_FIRST, "location": [place("Iran", "IRN", "country", 32.0, 53.0)]}, "1987-03-18"
    )
    assert compatible(kharg, in_iran)
    # Two points 600 km apart on the same day are two attacks.
    bandar_abbas = place("Bandar Abbas", "IRN", "town", 27.19, 56.27)
    far = mention({**KHARK5_FIRST, "location": [bandar_abbas]}, "1987-03-18")
    assert not compatible(kharg, far)


def test_mention_from_row_reads_what_the_store_keeps():
    row = {
        "event_id": "e1", "article_id": "a1", "type": "ASSAULT", "mode": ["aerial"], "status": "asserted",
        "historical": False, "actor_country": "IRQ", "actor_countries": ["IRQ"], "actor_sectors": ["MIL"],
        "actor_text": "Iraqi warplanes", "recipient_countries": [], "recipient_sectors": [],
        "date_value": "1987-03", "date_until": None, "date_granularity": "month", "date_basis": "text",
        "location_name": "Kharg island", "location_country": "IRN", "latitude": 29.26, "longitude": 50.33,
        "geo_precision": "point", "location_countries": ["IRN"], "killed": 1, "sentence": "x",
        "trigger_text": "x", "sentence_start": 0, "trigger_start": 0, "published": None, "source": None,
    }  # fmt: skip
    m = Mention.from_row(row)
    assert (m.start.isoformat(), m.end.isoformat()) == ("1987-03-01", "1987-03-31")
    assert m.actors[0].country == "IRQ" and m.actors[0].sectors == {"MIL"} and m.figures == {"killed": 1}
    assert m.place is not None and m.place.precision == "point" and m.recipients == ()


# Two reports of the U.S. shelling of Iran's Rostam platforms on Monday, 19 October 1987; the
# coder read the second's "on Monday" (in an article of Tuesday the 20th) as the coming Monday.
ROSTAM = record(
    "reuters21578:20092",
    "On Monday U.S. Navy warships blasted the Rostam platform, and Navy personnel stormed a second "
    "platform a few miles away.",
    "blasted",
    date="1987-10-19",
    actor=[party("USA", "MIL", text="U.S. Navy warships")],
    recipient=[party("IRN", text="the Rostam platform")],
    location=[GULF],
)
ROSTAM_MISREAD = record(
    "reuters21578:20090",
    "The rigs, one of which was heavily shelled by four American destroyers on Monday, were still "
    "burning almost 24 hours after the attack and could cause widespread pollution in the Gulf, the "
    "minister told a news conference in Tehran.",
    "shelled",
    date="1987-10-26",
    actor=[party("USA", "MIL", text="four American destroyers")],
    location=[GULF],
)


def test_issue14_compare_a_date_after_the_report_counts_as_the_report_day():
    blasted = mention(ROSTAM, "1987-10-20T06:10")
    shelled = mention(ROSTAM_MISREAD, "1987-10-20T05:41")
    # An act reported as done cannot postdate its report: only the report's day is known.
    assert fell_back(shelled) and not fell_back(blasted)
    assert day_window(shelled) == (date(1987, 10, 17), date(1987, 10, 21))
    assert compatible(blasted, shelled)
    # Nor does the misread date stand for the event when the two are merged.
    merged = merge_cluster("rostam", [shelled, blasted])
    assert merged.date_value == "1987-10-19"


# Chad's capture of the Ouadi Doum air base on Sunday, 22 March 1987, as two reports tell it.
OUADI_DOUM_TODAY = record(
    "reuters21578:9209",
    "Chad's military high command said today troops killed 1,269 Libyan soldiers in routing a "
    "5,000-strong force to capture Tripoli's major air base in northern Chad on Sunday.",
    "killed",
    date="1987-03-25",
    recipient=[party("LBY", text="1,269 Libyan soldiers")],
    killed=1269,
)
OUADI_DOUM_MARCH_22 = record(
    "reuters21578:12736",
    "Libyan forces are still bombing the key Ouadi Doum airstrip in northern Chad captured by Chadian "
    "troops on March 22, French Defence Minister Andre Giraud said.",
    "captured",
    "COERCE",
    date="1987-03-22",
    actor=[party("TCD", text="Chadian troops")],
)


def test_issue14_clusterer_core_dates_come_from_days_other_than_the_report():
    today = mention(OUADI_DOUM_TODAY, "1987-03-25T07:15")
    march_22 = mention(OUADI_DOUM_MARCH_22, "1987-04-03T02:07")
    # "said today" dates the report, not the battle: it must not narrow the cluster's days.
    assert not _dates_the_act(today)
    assert _dates_the_act(march_22)
    clusterer = Clusterer()
    clusterer.add(today)
    assert [c.core for c in clusterer._clusters.values()] == [None]
