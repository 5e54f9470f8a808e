"""``dyad serve`` on the command line: a missing store fails before any port is opened."""

from __future__ import annotations

from typer.testing import CliRunner

from dyad.cli import app


def test_cli_serve_refuses_a_missing_store_with_the_fix(tmp_path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "8999"])
    assert result.exit_code == 2
    assert "no dyad store" in result.output and "dyad ingest" in result.output
    assert not (tmp_path / "none.duckdb").exists()


def test_cli_serve_runs_uvicorn_on_the_app_it_built(served_db, monkeypatch) -> None:
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kwargs: seen.update(app=application, **kwargs))
    result = CliRunner().invoke(app, ["serve", "--db", str(served_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].state.dyad.settings.is_read_only and "read-only" in result.output
