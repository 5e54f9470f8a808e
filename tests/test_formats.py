"""One list of format names (``dyad.formats``) behind every ``--format`` and the exporters."""

from __future__ import annotations

import subprocess
import sys

from dyad.cli.extract import OutputFormat
from dyad.cli.store import ListFormat
from dyad.formats import EVENT_ROW_FORMATS, TABLE, ExportFormat
from dyad.serve.routes import _MEDIA_TYPES
from dyad.store import exports


def test_every_format_choice_is_an_export_format_or_the_table() -> None:
    formats = [f.value for f in ExportFormat]
    assert [f.value for f in ListFormat] == [TABLE, *formats]
    assert [f.value for f in OutputFormat] == ["jsonl", TABLE, *formats[1:]]
    # A choice is the export format of the same name.
    assert ListFormat.CSV == ExportFormat.CSV and OutputFormat("gdelt") in EVENT_ROW_FORMATS


def test_the_exporters_and_the_api_write_every_format() -> None:
    assert exports.ExportFormat is ExportFormat and exports.EVENT_ROW_FORMATS is EVENT_ROW_FORMATS
    assert set(_MEDIA_TYPES) == set(ExportFormat)


def test_the_command_line_starts_without_the_exporters() -> None:
    code = "import sys, dyad.cli.store, dyad.cli.extract; print('dyad.store.exports' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
