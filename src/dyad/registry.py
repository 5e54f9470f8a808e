"""The ``stages`` registry: name → factory of a pipeline stage.

Stage names are versioned (``<package>.<implementation>.v<N>``); the name is recorded on
every event it touches (``Event.coded_by``). Third-party packages register stages through
the ``dyad_stages`` entry point group.
"""

from __future__ import annotations

import importlib

import catalogue

stages = catalogue.create("dyad", "stages", entry_points=True)

BUILTIN_STAGE_MODULES = (
    "dyad.coding.coder",
    "dyad.coding.coreference",
    "dyad.actors.resolver",
    "dyad.geo.resolver",
    "dyad.dates.resolver",
)


def import_builtin_stages() -> None:
    """Import the modules whose decorators register dyad's own stages."""
    for module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)
