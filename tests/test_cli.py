"""The command line: bad input never loses good input, and exit codes say what happened."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from dyad.cli import app

runner = CliRunner()
GOOD = {"id": "good", "published": "2023-12-11", "text": "Iraqi MPs urged the government to expel US forces."}


def write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_extract_writes_contract_records(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [json.dumps(GOOD).encode()])
    result = runner.invoke(app, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    request = next(r for r in records if r["type"] == "REQUEST")
    assert request["actor"][0]["sector"] == ["LEG"]
    assert request["evidence"]["trigger"] == "urged"
    assert request["date"] == {
        "value": "2023-12-11", "until": None, "granularity": "day", "basis": "publication",
        "text": None, "start": None, "end": None,
    }  # fmt: skip


def test_keep_going_reports_each_bad_record_and_codes_the_rest(tmp_path: Path) -> None:
    source = write_lines(
        tmp_path / "mixed.jsonl",
        [
            b"{not json",
            json.dumps({"id": "no-text"}).encode(),
            json.dumps({**GOOD, "id": "bad-date", "published": "11/12/2023 noon"}).encode(),
            b'{"id": "latin1", "text": "caf\xe9"}',
            json.dumps({"id": "empty", "text": "   "}).encode(),
            json.dumps(GOOD).encode(),
        ],
    )
    result = runner.invoke(app, ["extract", str(source), "--keep-going"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(":")[2] for e in errors] == ["1", "2", "3", "4"]
    assert all(str(source) in e for e in errors)
    assert {json.loads(line)["article_id"] for line in result.stdout.splitlines()} == {"good"}


def test_without_keep_going_the_first_bad_record_stops_with_exit_1(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "bad.jsonl", [b"[1, 2]", json.dumps(GOOD).encode()])
    result = runner.invoke(app, ["extract", str(source)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.stderr


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    binary = tmp_path / "image.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = runner.invoke(app, ["extract", str(binary), "--keep-going"])
    assert result.exit_code == 1
    assert "image.jsonl" in result.stderr and "binary" in result.stderr


def test_too_long_article_is_refused_with_a_reason(tmp_path: Path) -> None:
    config = tmp_path / "small.toml"
    config.write_text("[pipeline]\nmax_chars = 200\n")
    long_record = {**GOOD, "id": "long", "text": "Iraqi MPs urged the government to act. " * 20}
    source = write_lines(tmp_path / "in.jsonl", [json.dumps(long_record).encode(), json.dumps(GOOD).encode()])
    result = runner.invoke(app, ["extract", str(source), "--keep-going", "--config", str(config)])
    assert result.exit_code == 1
    assert "'long'" in result.stderr and "max_chars" in result.stderr
    assert {json.loads(line)["article_id"] for line in result.stdout.splitlines()} == {"good"}


def test_unknown_stage_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "typo.toml"
    config.write_text('[pipeline]\nstages = ["geo.gazeteer.v1"]\n')
    source = write_lines(tmp_path / "in.jsonl", [json.dumps(GOOD).encode()])
    result = runner.invoke(app, ["extract", str(source), "--config", str(config)])
    assert result.exit_code == 2
    assert "unknown stage 'geo.gazeteer.v1'" in result.stderr


def test_eval_scores_the_guiding_example(shared: Path) -> None:
    result = runner.invoke(app, ["eval", str(shared / "examples" / "iraq-mps-coalition.expected.yaml")])
    assert result.exit_code == 0, result.output
    assert "must 7/7" in result.stdout and "violations 0" in result.stdout


def test_eval_of_acled_notes_prints_the_acled_scorecard(shared, tmp_path):
    lines = (shared / "gold" / "acled_me2018.jsonl").read_text(encoding="utf-8").splitlines()
    notes = tmp_path / "notes.jsonl"
    notes.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(notes)])
    assert result.exit_code == 0, result.output
    assert "ACLED notes: 2 (2 with deaths)" in result.output
    assert "fatalities exact when > 0 1.000" in result.output


def test_eval_of_a_shared_folder_scores_both_parts(shared, tmp_path):
    root = tmp_path / "shared"
    (root / "gold").mkdir(parents=True)
    lines = (shared / "gold" / "plover_gsr_dev.jsonl").read_text(encoding="utf-8").splitlines()
    (root / "gold" / "plover_gsr_dev.jsonl").write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(root)])
    assert result.exit_code == 0, result.output
    assert "=== develop part ===" in result.output and "=== scored part ===" in result.output
    summary = next(line for line in result.output.splitlines() if line.startswith("PLOVER type recall"))
    figures = summary.removeprefix("PLOVER type recall / precision").split()
    assert len(figures) == 6 and figures[1] == figures[4] == "/"  # develop "R / P", then scored "R / P"


def _command_paths(command=None, path: tuple[str, ...] = ()):
    import typer

    command = command or typer.main.get_command(app)
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _command_paths(sub, (*path, name))
    else:
        yield list(path)


def test_issue12_version_and_short_help_on_every_command() -> None:
    from dyad import __version__

    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.strip() == f"dyad {__version__}"
    paths = list(_command_paths())
    assert ["export"] in paths and ["actors", "lookup"] in paths
    for path in [[], *paths]:
        short, long = runner.invoke(app, [*path, "-h"]), runner.invoke(app, [*path, "--help"])
        assert short.exit_code == 0 and "Usage:" in short.stdout, path
        assert short.stdout == long.stdout, path


def test_issue12_quiet_keeps_errors_and_drops_the_summary(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "mixed.jsonl", [b"{not json", json.dumps(GOOD).encode()])
    loud = runner.invoke(app, ["extract", str(source), "--keep-going"])
    quiet = runner.invoke(app, ["extract", str(source), "--keep-going", "--quiet"])
    assert loud.exit_code == quiet.exit_code == 1
    assert "written from the rest" in loud.stderr and "written from the rest" not in quiet.stderr
    assert quiet.stderr.startswith("error:") and "mixed.jsonl:1" in quiet.stderr
    assert quiet.stdout == loud.stdout


def test_issue12_extract_writes_acled_gdelt_and_geojson(tmp_path: Path) -> None:
    article = {
        "id": "baiji",
        "published": "2018-01-10",
        "text": "The Popular mobilization repelled an attack by Islamic State militants near Baiji, "
        "killing three militants and destroying a vehicle in the process.",
    }
    source = write_lines(tmp_path / "in.jsonl", [json.dumps(article).encode()])
    acled = runner.invoke(app, ["extract", str(source), "--format", "acled"])
    assert acled.exit_code == 0, acled.output
    rows = list(csv.DictReader(io.StringIO(acled.stdout)))
    # One attack, its three dead counted once, in Iraq, near Baiji.
    assert [(r["event_type"], r["fatalities"], r["country"], r["iso"]) for r in rows] == [
        ("Battles", "3", "Iraq", "368")
    ]
    gdelt = runner.invoke(app, ["extract", str(source), "--format", "gdelt"])
    fields = [line.split("\t") for line in gdelt.stdout.splitlines()]
    assert gdelt.exit_code == 0 and fields and all(len(f) == 61 for f in fields)
    assert {f[1] for f in fields} == {"20180110"} and "IZ" in {f[53] for f in fields}
    geojson = runner.invoke(
        app, ["extract", str(source), "--format", "geojson", "-o", str(tmp_path / "m.json")]
    )
    collection = json.loads((tmp_path / "m.json").read_text("utf-8"))
    assert geojson.exit_code == 0 and collection["type"] == "FeatureCollection"
    assert {f["properties"]["location_country"] for f in collection["features"]} == {"IRQ"}
    cameo = runner.invoke(app, ["extract", str(source), "--format", "cameo"])
    assert cameo.exit_code == 0 and cameo.stdout.startswith("event_id\tdate\t")
    assert {row["date"] for row in csv.DictReader(io.StringIO(cameo.stdout), delimiter="\t")} == {"20180110"}
    parquet = tmp_path / "e.parquet"
    assert (
        runner.invoke(app, ["extract", str(source), "--format", "parquet", "-o", str(parquet)]).exit_code == 0
    )
    assert set(pl.read_parquet(parquet)["killed"].drop_nulls()) == {3}
    no_file = runner.invoke(app, ["extract", str(source), "--format", "parquet"])
    assert no_file.exit_code == 2 and "-o FILE.parquet" in no_file.stderr
