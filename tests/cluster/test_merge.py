"""Tests for dyad.cluster.merge: one event from its reports, the disagreement on figures kept."""

from __future__ import annotations

import pytest

from dyad.cluster.merge import merge_cluster

from .records import IRAQ, mention, party, place, record

BASRA = place("Basrah", "IRQ", "town", 30.51, 47.78)

# Three reports of Iran's Karbala-8 offensive east of Basra (April 7, 1987), two tolls.
FIRST = record(
    "reuters21578:13527",
    "The Iranian news agency IRNA said Iranian forces had killed or wounded over 2,600 Iraqis in "
    "their new Karbala-8 offensive and the thrust through Iraqi defences was continuing.",
    "offensive",
    date="1987-04",
    granularity="month",
    actor=[party("IRN", "MIL", text="Iranian forces")],
    recipient=[party("IRQ", text="Iraqis")],
    location=[IRAQ],
    killed=2600,
)
SECOND = record(
    "reuters21578:15142",
    "Iran said over 2,600 Iraqis had been killed or wounded yesterday.",
    "killed",
    date="1987-04-07",
    recipient=[party("IRQ", text="Iraqis")],
    location=[IRAQ],
    killed=2600,
)
THIRD = record(
    "reuters21578:15230",
    "(Iran said its troops had killed or wounded more than 4,000 Iraqis and were stabilising their "
    "new positions.)",
    "killed",
    date="1987-04-08",
    basis="publication",
    actor=[party("IRN", "MIL", text="its troops")],
    recipient=[party("IRQ", text="Iraqis")],
    location=[BASRA],
    killed=4000,
)


def test_merge_cluster_keeps_every_reports_toll():
    event = merge_cluster("c1", [mention(THIRD, "1987-04-08T12:00"), mention(FIRST, "1987-04-07T08:00"),
                                 mention(SECOND, "1987-04-08T09:00", source="Reuters")])  # fmt: skip
    killed = event.figures["killed"]
    assert (killed.low, killed.high, killed.agree) == (2600, 4000, False)
    assert [(r.value, r.article_id) for r in killed.reports] == [
        (2600, "reuters21578:13527"), (2600, "reuters21578:15142"), (4000, "reuters21578:15230"),
    ]  # fmt: skip
    assert (event.n_mentions, event.n_articles, event.n_sources) == (3, 3, 1)


def test_merge_cluster_takes_the_most_precise_date_and_place():
    event = merge_cluster("c1", [mention(FIRST, "1987-04-07T08:00"), mention(SECOND, "1987-04-08T09:00"),
                                 mention(THIRD, "1987-04-08T12:00")])  # fmt: skip
    # The day the text gives beats the month, and beats a day that fell back on the publication.
    assert (event.date_value, event.date_precision, event.date_basis) == ("1987-04-07", "day", "text")
    assert event.place is not None and event.place.name == "Basrah"  # a town beats the country
    assert event.actor is not None and event.actor.country == "IRN"
    assert event.recipient is not None and event.recipient.country == "IRQ"
    assert event.event_ids[0] == FIRST["event_id"]  # reporting order: the earliest first


def test_merge_cluster_refuses_an_empty_cluster():
    with pytest.raises(ValueError, match="at least one"):
        merge_cluster("c1", [])
