"""The docs keep up with the code: every command and option is in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import typer

from dyad.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands(command, path: tuple[str, ...] = ("dyad",)):
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))
    else:
        yield " ".join(path), command


def test_every_command_and_option_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = []
    for name, command in _commands(typer.main.get_command(app)):
        if f"`{name}" not in text:
            missing.append(name)
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help",) and f"`{opt}" not in text:
                    missing.append(f"{name} {opt}")
    assert missing == [], f"add these to docs/cli.md: {missing}"
