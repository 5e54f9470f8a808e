"""The same query tests on DuckDB and PostgreSQL (the `db` fixture runs each on both).

Each filter is checked against the contract records computed in Python from the coded
examples, so the two databases must agree with the records and with each other.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import polars as pl
import pytest

from dyad.errors import QueryError
from dyad.store import EventQuery
from dyad.store.frames import first_day


def all_records(coded):
    return [record for _, records in coded for record in records]


def expected_ids(coded, keep, *, status=("asserted",), historical="exclude"):
    ids = []
    for r in all_records(coded):
        if status and r["status"] not in status:
            continue
        if historical == "exclude" and r["historical"] or historical == "only" and not r["historical"]:
            continue
        if keep(r):
            ids.append(r["event_id"])
    return sorted(ids)


def got_ids(frame: pl.DataFrame) -> list[str]:
    return sorted(frame["event_id"].to_list())


def test_query_default_is_asserted_and_not_historical(filled, coded_examples):
    frame = filled.query()
    assert got_ids(frame) == expected_ids(coded_examples, lambda r: True)
    assert set(frame["status"]) == {"asserted"}
    assert not frame["historical"].any()
    # The examples hold events of other statuses and background history: the default hides them.
    assert filled.query(status="all", historical="include").height == len(all_records(coded_examples))


def test_query_status_and_historical_filters(filled, coded_examples):
    demanded = filled.query(status="demanded", historical="include")
    assert got_ids(demanded) == expected_ids(
        coded_examples, lambda r: True, status=("demanded",), historical="include"
    )
    assert demanded.height > 0
    only = filled.query(status="all", historical="only")
    assert got_ids(only) == expected_ids(coded_examples, lambda r: True, status=(), historical="only")
    assert only.height > 0


def test_query_type_and_actor_country(filled, coded_examples):
    frame = filled.query(type="ASSAULT", actor_country="IRQ")
    assert got_ids(frame) == expected_ids(
        coded_examples,
        lambda r: r["type"] == "ASSAULT" and any(a["country"] == "IRQ" for a in r["actor"]),
    )
    # Iraq's air raids on Iranian tankers and platforms in the Reuters examples.
    assert frame.height >= 3


def test_query_mode_recipient_and_sector(filled, coded_examples):
    aerial = filled.query(mode="aerial", status="all", historical="include")
    assert got_ids(aerial) == expected_ids(
        coded_examples, lambda r: "aerial" in r["mode"], status=(), historical="include"
    )
    assert aerial.height > 0
    to_usa = filled.query(recipient_country=["USA", "IRN"])
    assert got_ids(to_usa) == expected_ids(
        coded_examples, lambda r: any(a["country"] in ("USA", "IRN") for a in r["recipient"])
    )
    legislators = filled.query(actor_sector="LEG", status="all")
    assert got_ids(legislators) == expected_ids(
        coded_examples, lambda r: any("LEG" in a["sector"] for a in r["actor"]), status=()
    )
    assert legislators.height > 0  # the Iraqi MPs


def test_query_actor_name_and_evidence_text(filled, coded_examples):
    frame = filled.query(actor="militia", status="all", historical="include")
    assert got_ids(frame) == expected_ids(
        coded_examples,
        lambda r: any("militia" in (a["text"] or "").lower() + (a["name"] or "").lower() for a in r["actor"]),
        status=(),
        historical="include",
    )
    assert frame.height > 0
    tankers = filled.query(text="TANKER")  # case-insensitive
    assert got_ids(tankers) == expected_ids(
        coded_examples, lambda r: "tanker" in r["evidence"]["sentence"].lower()
    )
    assert tankers.height > 0
    # LIKE wildcards in the search text are taken literally.
    assert filled.query(text="%").height == len(
        expected_ids(coded_examples, lambda r: "%" in r["evidence"]["sentence"])
    )


def test_query_date_range_and_location(filled, coded_examples):
    since, until = date(1987, 3, 1), date(1987, 3, 31)
    march = filled.query(since="1987-03-01", until="1987-03-31")

    def in_march(r):
        day = first_day((r["date"] or {}).get("value"))
        return day is not None and since <= day <= until

    assert got_ids(march) == expected_ids(coded_examples, in_march)
    assert march.height > 0
    in_iran = filled.query(location_country="IRN")
    assert got_ids(in_iran) == expected_ids(
        coded_examples, lambda r: any(loc["country"] == "IRN" for loc in r["location"])
    )
    assert in_iran.height > 0


def test_query_object_and_keywords_mean_the_same(filled):
    query = EventQuery.from_params({"type": "assault,protest", "actor_country": ["irq"], "limit": "2"})
    assert query.types == ("ASSAULT", "PROTEST") and query.actor_country == ("IRQ",)
    assert filled.query(query).equals(filled.query(type=["ASSAULT", "PROTEST"], actor_country="IRQ", limit=2))


def test_query_columns_hold_the_contract_fields(filled, coded_examples):
    by_id = {r["event_id"]: r for r in all_records(coded_examples)}
    frame = filled.query(status="all", historical="include")
    for row in frame.iter_rows(named=True):
        record = by_id[row["event_id"]]
        assert row["type"] == record["type"] and row["mode"] == record["mode"]
        assert row["cameo"] == record["cameo"] and row["score"] == record["score"]
        assert row["trigger_text"] == record["evidence"]["trigger"]
        assert row["actor_country"] == (record["actor"][0]["country"] if record["actor"] else None)
        killed = record["quantities"].get("killed")
        assert row["killed"] == (killed["value"] if killed else None)
    # The full record comes back exactly as the coder wrote it.
    assert sorted(filled.records(status="all", historical="include"), key=lambda r: r["event_id"]) == sorted(
        by_id.values(), key=lambda r: r["event_id"]
    )


def test_stats_weekly_dyad_counts_match_the_events(filled):
    stats = filled.stats(["week", "dyad"])
    # Weeks count events dated to the day or week; "in 1987" is in no particular week.
    events = filled.query().filter(pl.col("date_granularity").is_in(["day", "week"]))
    expected = Counter(
        (day - date.resolution * day.weekday(), actor, recipient)
        for day, actor, recipient in events.select(
            "event_date", "actor_country", "recipient_country"
        ).iter_rows()
    )
    got = {
        (w, a, r): n
        for w, a, r, n in stats.select("week", "actor_country", "recipient_country", "events").iter_rows()
    }
    assert got == dict(expected)
    assert set(stats.columns) >= {"score_mean", "score_sum", "conflict", "cooperation", "killed"}


def test_stats_by_type_scores(filled):
    stats = filled.stats(["type"], measures=("events", "articles", "score_mean", "killed"))
    assault = stats.filter(pl.col("type") == "ASSAULT").row(0, named=True)
    events = filled.query(type="ASSAULT")
    assert assault["events"] == events.height
    assert assault["articles"] == events["article_id"].n_unique()
    assert assault["score_mean"] == pytest.approx(events["score"].mean())
    assert assault["score_mean"] < -8  # ASSAULT is PLOVER's most conflictual type
    assert assault["killed"] == events["killed"].sum()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": "BOMB"}, "type"),
        ({"status": "rumoured"}, "status"),
        ({"historical": "maybe"}, "historical"),
        ({"actor_country": "Iraq"}, "actor_country"),
        ({"since": "17 October"}, "since"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_query_bad_filter_names_the_filter(params, field):
    with pytest.raises(QueryError) as error:
        EventQuery.from_params(params)
    assert error.value.field == field
    assert str(next(iter(params.values()))).lower() in str(error.value).lower()


def test_query_pages_are_slices_of_the_whole_order(filled):
    # Pages are cut on the sort keys first, then their rows read (issue 13): the same rows in
    # the same order as slicing the whole answer.
    every = filled.query(status="all", historical="include")
    for limit, offset in ((1, None), (3, 2), (5, every.height - 2), (every.height + 5, None)):
        page = filled.query(EventQuery(status=(), historical="include", limit=limit, offset=offset))
        assert page.equals(every.slice(offset or 0, limit))
        lines = filled.record_lines(EventQuery(status=(), historical="include", limit=limit, offset=offset))
        assert [json.loads(line)["event_id"] for line in lines] == page["event_id"].to_list()


BY = [["week", "dyad"], ["day", "actor"], ["dyad", "month"], ["type", "day"], ["month"]]


@pytest.mark.parametrize("by", BY)
def test_stats_max_rows_are_the_first_groups(filled, by):
    # A long series is counted over the events up to the last group kept (issue 13): the
    # same rows as the whole series cut, whether that cut is found or not.
    whole = filled.stats(by)
    for max_rows in (1, 2, 3, whole.height // 2, whole.height, whole.height + 1):
        assert filled.stats(by, max_rows=max_rows).equals(whole.head(max_rows)), max_rows


def test_stats_max_rows_and_most_rank_the_groups(filled):
    whole = filled.stats(["week", "dyad"], measures=("events", "score_mean"))
    assert filled.stats(["week", "dyad"], measures=("events", "score_mean"), max_rows=3).equals(whole.head(3))
    # Most events first, ties in the groups' own order.
    ranked = whole.with_row_index("order").sort(["events", "order"], descending=[True, False]).drop("order")
    most = filled.stats(["week", "dyad"], measures=("events", "score_mean"), most="events", max_rows=4)
    assert most.equals(ranked.head(4))
    with pytest.raises(QueryError) as error:
        filled.stats(["type"], measures=("events",), most="killed")
    assert error.value.field == "most"


def test_places_are_the_located_place_groups_and_a_count_of_the_rest(filled):
    groups = filled.stats(["place"], measures=("events", "killed"))
    located = groups.filter(pl.col("latitude").is_not_null() & pl.col("longitude").is_not_null())
    ranked = located.with_row_index("order").sort(["events", "order"], descending=[True, False]).drop("order")
    places, unlocated = filled.places(max_rows=5)
    assert places.equals(ranked.head(5))
    assert filled.places()[0].equals(ranked)
    assert unlocated == groups["events"].sum() - located["events"].sum()
