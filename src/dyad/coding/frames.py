"""Trigger frames: the readable word lists that say which words signal which event.

The shipped frames live in ``data/frames.yaml``; users add or override entries with files
of the same shape. A frame maps a lemma (and optionally a particle) to a PLOVER type,
modes, the prepositions that introduce its recipient, and how it governs its complement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import ConfigError
from dyad.model import EventType, Status

_FRAME_KEYS = {
    "type", "mode", "context", "preps", "embed", "role", "requires", "light", "requires_object",
    "requires_modifier", "requires_light_verb", "requires_object_frame", "transitive", "stance",
    "verbal", "finder", "requires_subject",
}  # fmt: skip
_LIST_SECTIONS = (
    "act_heads",
    "occurrence_verbs",
    "partitives",
    "withdrawable_presence",
    "labour_strike_modifiers",
    "reporting",
    "claiming",
    "attempting",
    "light_verbs",
    "accusation_cues",
    "non_participants",
    "installations",
    "territories",
)


@dataclass(frozen=True, slots=True)
class Frame:
    """How one trigger word codes an event."""

    key: str
    event_type: EventType
    pos: str  # "verb" or "noun"
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    embed: Status | None = None
    role: str | None = None
    is_light: bool = False
    requires_object: tuple[str, ...] = ()
    requires_modifier: tuple[str, ...] = ()
    requires_subject: tuple[str, ...] = ()
    requires_light_verb: bool = False
    requires_object_frame: bool = False
    is_transitive: bool = False
    is_stance: bool = False
    is_finding: bool = False
    verbal: EventType | None = None

    @property
    def rule(self) -> str:
        """Return the rule id recorded on events coded by this frame."""
        return f"{self.event_type.lower()}.{self.pos}.{self.key.replace(' ', '-')}.v1"


@dataclass(frozen=True)
class FrameBook:
    """All frames and word lists the coder uses, indexed for lookup."""

    verbs: dict[str, Frame] = field(default_factory=dict)
    phrasal: dict[str, Frame] = field(default_factory=dict)
    nouns: dict[str, Frame] = field(default_factory=dict)
    reporting: frozenset[str] = frozenset()
    claiming: frozenset[str] = frozenset()
    attempting: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    labour_strike_modifiers: frozenset[str] = frozenset()
    accusation_cues: frozenset[str] = frozenset()
    non_participants: frozenset[str] = frozenset()
    installations: frozenset[str] = frozenset()
    territories: frozenset[str] = frozenset()
    withdrawable_presence: frozenset[str] = frozenset()
    act_heads: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    partitives: frozenset[str] = frozenset()
    instruments: dict[str, str] = field(default_factory=dict)
    governors: dict[str, Status] = field(default_factory=dict)


def _frame(source: str, section: str, key: str, raw: Any) -> Frame:
    where = f"{source}: {section}.{key}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must be a mapping like {{type: ASSAULT}}, got {raw!r}.")
    unknown = set(raw) - _FRAME_KEYS
    if unknown:
        raise ConfigError(f"{where} has unknown key(s) {sorted(unknown)}. Known keys: {sorted(_FRAME_KEYS)}.")
    type_name = str(raw.get("type", "")).upper()
    if type_name not in EventType.__members__:
        raise ConfigError(
            f"{where} has type {raw.get('type')!r}, which is not a PLOVER type. "
            f"Use one of {', '.join(EventType.__members__)}."
        )
    verbal = str(raw.get("verbal", "")).upper() or None
    if verbal is not None and verbal not in EventType.__members__:
        raise ConfigError(f"{where} has verbal {raw.get('verbal')!r}, which is not a PLOVER type.")
    embed = raw.get("embed")
    if embed is not None and embed not in {s.value for s in Status}:
        raise ConfigError(f"{where} has embed {embed!r}; use one of {', '.join(s.value for s in Status)}.")

    def strings(name: str) -> tuple[str, ...]:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}.{name} must be a list of strings, got {value!r}.")
        return tuple(value)

    return Frame(
        key=key,
        event_type=EventType(type_name),
        pos="noun" if section == "nouns" else "verb",
        mode=strings("mode"),
        context=strings("context"),
        preps=strings("preps"),
        embed=Status(embed) if embed else None,
        role=raw.get("role"),
        is_light=bool(raw.get("light", False)),
        requires_object=strings("requires_object"),
        requires_modifier=strings("requires_modifier"),
        requires_subject=strings("requires_subject"),
        requires_light_verb=bool(raw.get("requires_light_verb", False)),
        requires_object_frame=bool(raw.get("requires_object_frame", False)),
        is_transitive=bool(raw.get("transitive", False)),
        is_stance=bool(raw.get("stance", False)),
        is_finding=bool(raw.get("finder", False)),
        verbal=EventType(verbal) if verbal else None,
    )


def _read(source: str, text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        raise ConfigError(f"{source} is not valid YAML: {e}. Fix the file.") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{source} must hold a mapping with sections verbs, nouns, phrasal, ...")
    return data


def load_frames(extra_files: list[str | Path] | tuple[str | Path, ...] = ()) -> FrameBook:
    """Return the shipped frames, overridden entry by entry by ``extra_files``.

    Raises:
        ConfigError: a file is missing, not YAML, or has a malformed entry.
    """
    shipped = resources.files("dyad.coding").joinpath("data/frames.yaml").read_text("utf-8")
    sources = [("dyad/coding/data/frames.yaml", shipped)]
    for path in extra_files:
        try:
            sources.append((str(path), Path(path).read_text("utf-8")))
        except OSError as e:
            raise ConfigError(f"frames file {path} cannot be read: {e}. Check the path.") from e
    sections: dict[str, dict[str, Frame]] = {"verbs": {}, "phrasal": {}, "nouns": {}}
    lists: dict[str, set[str]] = {name: set() for name in _LIST_SECTIONS}
    instruments: dict[str, str] = {}
    governors: dict[str, Status] = {}
    for source, text in sources:
        data = _read(source, text)
        for section, frames in sections.items():
            for key, raw in (data.get(section) or {}).items():
                frames[str(key).lower()] = _frame(source, section, str(key).lower(), raw)
        for name in _LIST_SECTIONS:
            lists[name].update(str(word).lower() for word in data.get(name) or [])
        instruments.update({str(k).lower(): str(v) for k, v in (data.get("instruments") or {}).items()})
        for word, status in (data.get("governors") or {}).items():
            if status not in {s.value for s in Status}:
                raise ConfigError(f"{source}: governors.{word} is {status!r}; use a status such as demanded.")
            governors[str(word).lower()] = Status(status)
    return FrameBook(
        verbs=sections["verbs"],
        phrasal=sections["phrasal"],
        nouns=sections["nouns"],
        instruments=instruments,
        governors=governors,
        **{name: frozenset(words) for name, words in lists.items()},
    )
