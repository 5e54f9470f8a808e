"""Load and check dyad's configuration: shipped defaults, then a user TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dyad.errors import ConfigError


@dataclass(frozen=True)
class Config:
    """Settings of one pipeline: which model, which stages, and each stage's options."""

    nlp: tuple[str, ...]
    stages: tuple[str, ...]
    window_chars: int = 100_000
    max_chars: int = 5_000_000
    stage_settings: dict[str, dict[str, Any]] = field(default_factory=dict)


def _merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError as e:
        raise ConfigError(f"config file {path} does not exist. Check the path given to --config.") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"config file {path} is not valid TOML: {e}. Fix the file.") from e


def load_config(path: Path | str | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Return the shipped defaults, updated by the TOML file at ``path`` and ``overrides``.

    Raises:
        ConfigError: the file is missing, not TOML, or holds values of the wrong kind.
    """
    default_text = resources.files("dyad").joinpath("default_config.toml").read_text("utf-8")
    raw = tomllib.loads(default_text)
    if path is not None:
        raw = _merge(raw, _read_toml(Path(path)))
    if overrides:
        raw = _merge(raw, overrides)
    pipeline = raw.get("pipeline", {})
    nlp = pipeline.get("nlp")
    stages = pipeline.get("stages")
    if isinstance(nlp, str):
        nlp = [nlp]
    if not isinstance(nlp, list) or not all(isinstance(n, str) for n in nlp):
        raise ConfigError(f"[pipeline].nlp must be a model name or a list of names, got {nlp!r}.")
    if not isinstance(stages, list) or not all(isinstance(s, str) for s in stages):
        raise ConfigError(f"[pipeline].stages must be a list of stage names, got {stages!r}.")
    for key in ("window_chars", "max_chars"):
        value = pipeline.get(key)
        if not isinstance(value, int) or value <= 0:
            raise ConfigError(f"[pipeline].{key} must be a positive integer, got {value!r}.")
    stage_settings = raw.get("stages", {})
    if not isinstance(stage_settings, dict):
        raise ConfigError("[stages] must be a table of stage name → settings.")
    return Config(
        nlp=tuple(nlp),
        stages=tuple(stages),
        window_chars=pipeline["window_chars"],
        max_chars=pipeline["max_chars"],
        stage_settings={name: dict(value) for name, value in stage_settings.items()},
    )
