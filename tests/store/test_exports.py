"""Exports re-read cleanly: ACLED columns, Parquet through polars, valid CAMEO codes, JSON lines."""

from __future__ import annotations

import csv
import io
import json

import polars as pl

from dyad.acled import acled_type
from dyad.store import EventQuery
from dyad.store.exports import ACLED_COLUMNS, CAMEO_COLUMNS, export, valid_cameo_codes

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
