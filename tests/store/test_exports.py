"""Exports re-read cleanly: ACLED and GDELT by their users' pandas code, GeoJSON, Parquet, CAMEO, JSONL."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pandas as pd
import polars as pl

from dyad.acled import acled_type, inter_code, interaction
from dyad.model import Article
from dyad.records import event_to_record
from dyad.store import EventQuery, EventStore
from dyad.store.acled_export import merge_mentions
from dyad.store.exports import ACLED_COLUMNS, CAMEO_COLUMNS, GDELT_COLUMNS, export, valid_cameo_codes

ACLED_EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip


def test_export_acled_csv_reads_back_with_acled_columns(filled, tmp_path):
    path = tmp_path / "acled.csv"
    n = export(filled, "acled", path, EventQuery())
    frame = pl.read_csv(path)
    assert tuple(frame.columns) == ACLED_COLUMNS
    assert frame.height == n > 0
    for event_type, sub_event_type in frame.select("event_type", "sub_event_type").iter_rows():
        assert sub_event_type in ACLED_EVENT_TYPES[event_type]
    # The tanker raids: Iraq's air strikes are ACLED air/drone strikes in Iran, with a note.
    strikes = frame.filter(pl.col("sub_event_type") == "Air/drone strike")
    assert strikes.height > 0 and "Iran" in set(strikes["country"])
    assert frame["notes"].str.len_chars().min() > 20 and not frame["notes"].str.contains("\n").any()
    assert frame["fatalities"].min() >= 0


def test_export_acled_mapping_leaves_out_what_acled_does_not_code():
    assert acled_type("ASSAULT", ["drone"], []) == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_type("ASSAULT", [], ["CVL"]) == ("Violence against civilians", "Attack")
    assert acled_type("PROTEST", ["riot"], []) == ("Riots", "Violent demonstration")
    assert acled_type("ACCUSE", [], []) is None
    # Ground seized by force is a battle over territory, by whoever holds it now.
    assert acled_type("COERCE", ["seize"], [], ["military", "territory"], ["MIL"]) == (
        "Battles",
        "Government regains territory",
    )
    assert acled_type("COERCE", ["seize"], [], ["military", "territory"], ["REB"]) == (
        "Battles",
        "Non-state actor overtakes territory",
    )
    assert acled_type("COERCE", ["seize"], [], [], [])[0] == "Strategic developments"


def test_export_parquet_reads_back_in_polars(filled, tmp_path):
    path = tmp_path / "events.parquet"
    n = export(filled, "parquet", path, EventQuery(types=("ASSAULT",)))
    frame = pl.read_parquet(path)
    assert frame.height == n > 0
    assert frame.equals(filled.query(type="ASSAULT"))
    assert frame.schema["mode"] == pl.List(pl.String) and frame.schema["event_date"] == pl.Date


def test_export_cameo_has_valid_codes_only(filled):
    out = io.BytesIO()
    n = export(filled, "cameo", out, EventQuery(status=()))
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8")), delimiter="\t"))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    assert len(rows) == n > 0
    valid = valid_cameo_codes()
    for row in rows:
        assert row["code"] in valid
        assert row["root_code"] == row["code"][:2]
        assert row["quad_class"] in {"1", "2", "3", "4"}
        assert len(row["date"]) == 8 and row["date"].isdigit()
    # Iraq's government or forces as a CAMEO actor code: country then agent.
    assert any(row["source"].startswith("IRQ") for row in rows)


def test_export_jsonl_is_the_contract_records(filled, coded_examples):
    out = io.BytesIO()
    n = export(filled, "jsonl", out, EventQuery(status=(), historical="include"))
    lines = out.getvalue().decode("utf-8").splitlines()
    expected = {json.dumps(r, ensure_ascii=False) for _, records in coded_examples for r in records}
    assert len(lines) == n == len(expected)
    assert set(lines) == expected


def test_export_csv_flattens_lists(filled, tmp_path):
    path = tmp_path / "events.csv"
    export(filled, "csv", path, EventQuery(modes=("aerial",)))
    frame = pl.read_csv(path)
    assert frame.height > 0 and frame["mode"].str.contains("aerial").all()


# --- ACLED, GDELT and GeoJSON as their users' code reads them -------------------------------

# Written out as an ACLED user's script has them: the codebook's columns in the export's order.
ACLED_CODEBOOK = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip
# And GDELT 2.0's event table, as a GDELT user's script names the header-less columns.
GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip


def test_export_acled_has_the_codebook_columns_in_order():
    assert list(ACLED_COLUMNS) == ACLED_CODEBOOK and len(ACLED_COLUMNS) == 31
    assert list(GDELT_COLUMNS) == GDELT_EVENT_COLUMNS and len(GDELT_COLUMNS) == 61


def test_issue12_acled_users_script_runs_on_the_export(filled, tmp_path):
    path = tmp_path / "acled.csv"
    export(filled, "acled", path, EventQuery())

    # An ACLED user's script, unchanged: monthly deaths by country and event type, civilian targeting.
    df = pd.read_csv(path)
    df["month"] = pd.to_datetime(df["event_date"]).dt.to_period("M")
    deaths = df.groupby(["country", "event_type", "month"])["fatalities"].sum()
    civilians = df[df["civilian_targeting"] == "Civilian targeting"]

    assert list(df.columns[:-1]) == ACLED_CODEBOOK
    # The guiding example: US retaliatory strikes killed at least 11 in Iraq in December 2023.
    iraq = deaths.xs("Iraq", level="country")
    assert iraq[iraq.index.get_level_values("month") == pd.Period("2023-12", "M")].sum() == 11
    # year stays whole numbers; undated events are left out, not written as empty years.
    assert pd.api.types.is_integer_dtype(df["year"]) and (df["year"] == df["month"].dt.year).all()
    assert set(df["time_precision"]) <= {1, 2, 3}
    # The kidnapping of the journalist Charles Glass in Beirut is violence against civilians.
    glass = civilians[civilians["actor2"] == "Charles Glass"]
    assert glass[["country", "event_type", "disorder_type", "region", "iso"]].values.tolist() == [
        ["Lebanon", "Violence against civilians", "Political violence", "Middle East", 422]
    ]
    assert (civilians["inter2"] == 7).all()
    assert (df["interaction"].dropna().astype(int).astype(str).str.len() == 2).all()
    # ACLED's spelling is ASCII: "Khuzestan", not GeoNames' "Khūzestān".
    assert df["admin1"].dropna().map(str.isascii).all() and df["location"].dropna().map(str.isascii).all()
    assert df["timestamp"].min() > 1_700_000_000


def test_issue12_one_sentence_gives_one_acled_event_and_its_deaths_once(db, pipeline):
    article = Article(
        id="acled-1359313",
        text="Security forces killed five Islamic State militants while repelling an attack on the "
        "village of Albu Sayf south of Mosul.",
        published_at=datetime(2018, 1, 3, tzinfo=UTC),
    )
    records = [event_to_record(e) for e in pipeline.extract(article)]
    with EventStore.open(db, create=True, read_only=False) as store:
        store.write_batch([(article, records)])
        out = io.BytesIO()
        n = export(store, "acled", out, EventQuery())
    acled = pd.read_csv(io.BytesIO(out.getvalue()))
    assert n == len(acled) == 1
    assert acled["fatalities"].sum() == 5
    assert acled.loc[0, "event_type"] == "Battles" and acled.loc[0, "actor1"] == "Security forces"
    assert acled.loc[0, "inter1"] == 1 and acled.loc[0, "country"] == "Iraq"


def test_export_acled_merges_only_mentions_that_share_a_sentence_and_its_toll():
    def row(event_type, sentence_start, fatalities, actor1=None, actor2=None):
        return {
            "event_type": event_type, "fatalities": fatalities, "actor1": actor1, "actor2": actor2,
            "inter1": 1 if actor1 else None, "inter2": None, "interaction": None, "location": None,
            "latitude": None, "longitude": None, "assoc_actor_1": None, "assoc_actor_2": None,
            "_article_id": "a", "_sentence_start": sentence_start,
        }  # fmt: skip

    rows = [
        row("Strategic developments", 0, 3, actor1="The Popular mobilization"),
        row("Battles", 0, 3, actor2="Islamic State militants"),
        row("Battles", 0, 17),  # another toll in the same sentence: another event
        row("Battles", 90, 3),  # the same toll in another sentence: another event
        row("Battles", 0, 0),  # no toll: nothing says it is the same event
    ]
    merged = merge_mentions(rows)
    assert [(r["event_type"], r["_sentence_start"], r["fatalities"]) for r in merged] == [
        ("Battles", 0, 3), ("Battles", 0, 17), ("Battles", 90, 3), ("Battles", 0, 0),
    ]  # fmt: skip
    assert (
        merged[0]["actor1"] == "The Popular mobilization" and merged[0]["actor2"] == "Islamic State militants"
    )
    assert merged[0]["interaction"] == "10"


def test_issue12_gdelt_users_script_runs_on_the_export(filled):
    out = io.BytesIO()
    n = export(filled, "gdelt", out, EventQuery())

    # A GDELT user's script, unchanged: quad classes per day, and the points of a map.
    df = pd.read_csv(io.BytesIO(out.getvalue()), sep="\t", header=None, names=GDELT_EVENT_COLUMNS)
    quads = df.groupby("SQLDATE")["QuadClass"].value_counts()
    points = df.dropna(subset=["ActionGeo_Lat", "ActionGeo_Long"])[
        [
            "ActionGeo_FullName",
            "ActionGeo_CountryCode",
            "ActionGeo_ADM1Code",
            "ActionGeo_Type",
            "ActionGeo_Lat",
            "ActionGeo_Long",
        ]
    ]

    assert len(df) == n > 0
    assert pd.api.types.is_integer_dtype(df["SQLDATE"]) and pd.api.types.is_integer_dtype(df["GLOBALEVENTID"])
    assert df["GLOBALEVENTID"].is_unique
    # The militias' attacks since October 17, 2023 are material conflict that day.
    assert quads.loc[(20231017, 4)] >= 1
    assert set(df["QuadClass"]) <= {1, 2, 3, 4}
    # CAMEO codes keep their leading zero in the file ("043"), as in GDELT's.
    raw = [line.split("\t") for line in out.getvalue().decode("utf-8").splitlines()]
    code, root = GDELT_EVENT_COLUMNS.index("EventCode"), GDELT_EVENT_COLUMNS.index("EventRootCode")
    assert all(len(row) == 61 and row[code].startswith(row[root]) and len(row[root]) == 2 for row in raw)
    # Goldstein follows the CAMEO code: an assault (18) is -9, fighting (19) -10.
    assert (df.loc[df["EventRootCode"] == 18, "GoldsteinScale"] <= -8).all()
    assert (df.loc[df["EventRootCode"] == 19, "GoldsteinScale"] <= -9.5).all()
    # One row per event: its mentions, articles and sources counted over its cluster (issue 14);
    # every example comes from its own article, and each article's source counts once.
    assert (df["NumMentions"] >= df["NumArticles"]).all() and (df["NumArticles"] >= df["NumSources"]).all()
    assert (df["NumSources"] >= 1).all()
    # FIPS 10-4 place codes, as GDELT writes them: Ukraine is UP, not ISO's UA.
    kherson = points[points["ActionGeo_FullName"] == "Kherson, Ukraine"].iloc[0]
    assert (kherson["ActionGeo_CountryCode"], kherson["ActionGeo_ADM1Code"], kherson["ActionGeo_Type"]) == (
        "UP", "UP08", 4,
    )  # fmt: skip
    assert (round(kherson["ActionGeo_Lat"], 2), round(kherson["ActionGeo_Long"], 2)) == (46.64, 32.61)
    washington = points[points["ActionGeo_FullName"].str.startswith("Washington", na=False)].iloc[0]
    assert (washington["ActionGeo_ADM1Code"], washington["ActionGeo_Type"]) == ("USDC", 3)
    assert set(df["DATEADDED"].astype(str).str.len()) == {14}


def test_export_gdelt_header_only_when_asked(filled):
    plain, headed = io.BytesIO(), io.BytesIO()
    export(filled, "gdelt", plain, EventQuery(types=("ASSAULT",)))
    export(filled, "gdelt", headed, EventQuery(types=("ASSAULT",)), header=True)
    first = headed.getvalue().decode("utf-8").splitlines()[0]
    assert first.split("\t") == GDELT_EVENT_COLUMNS
    assert headed.getvalue().decode("utf-8").splitlines()[1:] == plain.getvalue().decode("utf-8").splitlines()


def test_export_geojson_is_a_feature_collection_of_located_events(filled):
    out = io.BytesIO()
    n = export(filled, "geojson", out, EventQuery())
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == n > 0
    located = filled.query().filter(pl.col("latitude").is_not_null())
    assert {f["id"] for f in collection["features"]} == set(located["event_id"])
    where = {row["event_id"]: (row["longitude"], row["latitude"]) for row in located.iter_rows(named=True)}
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        # RFC 7946: longitude first.
        assert (lon, lat) == where[feature["id"]] and -180 <= lon <= 180 and -90 <= lat <= 90
    kherson = [f for f in collection["features"] if f["properties"]["location_name"] == "Kherson"]
    assert kherson and kherson[0]["properties"]["location_country"] == "UKR"


def test_issue12_acled_protest_is_the_protesters_alone_with_the_crowd_size(db, pipeline):
    article = Article(
        id="isfahan",
        text="Hundreds of farmers protested in Isfahan against the government on Sunday, demanding water.",
        published_at=datetime(2021, 11, 21, tzinfo=UTC),
    )
    with EventStore.open(db, create=True, read_only=False) as store:
        store.write_batch([(article, [event_to_record(e) for e in pipeline.extract(article)])])
        out = io.BytesIO()
        export(store, "acled", out, EventQuery())
    protest = pd.read_csv(io.BytesIO(out.getvalue()), dtype={"interaction": str}).iloc[0]
    assert (protest["disorder_type"], protest["event_type"], protest["sub_event_type"]) == (
        "Demonstrations", "Protests", "Peaceful protest",
    )  # fmt: skip
    assert (protest["actor1"], protest["inter1"], protest["interaction"]) == ("farmers", 6, "60")
    assert pd.isna(protest["actor2"]) and protest["tags"] == "crowd size=hundreds"
    assert (protest["country"], protest["admin1"], protest["region"], protest["iso"]) == (
        "Iran", "Isfahan", "Middle East", 364,
    )  # fmt: skip
    assert (protest["event_date"], protest["time_precision"]) == ("2021-11-21", 1)


def test_export_acled_actor_types_follow_the_codebook():
    force = ("Protests", "Excessive force against protesters")
    # Police firing on protesters: state forces (1) against protesters (6), interaction 16.
    assert (inter_code(["COP"], "IRN", force, True), inter_code(["CVL"], "IRN", force, False)) == (1, 6)
    assert interaction(6, 1) == "16" and interaction(6, None) == "60" and interaction(None, 7) is None
    assert inter_code(["CVL"], None, ("Protests", "Peaceful protest"), True) == 6
    assert inter_code(["GOV"], "IRQ", ("Riots", "Mob violence"), True) == 5
    assert inter_code(["REB"], "YEM", ("Battles", "Armed clash"), True) == 2
    assert inter_code(["UAF"], "IRQ", ("Battles", "Armed clash"), True) == 3
    assert inter_code(["MIL"], "IGO", ("Battles", "Armed clash"), True) == 8
    assert inter_code(["JRN"], "LBN", ("Violence against civilians", "Attack"), False) == 7
    assert inter_code([], "USA", ("Battles", "Armed clash"), True) is None
