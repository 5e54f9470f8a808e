"""How many records the inputs hold, counted cheaply, for a progress bar's total and ETA.

Counting must cost little next to coding (which reads some thousands of words a second):
a file of one article counts 1, a JSON-lines file its non-blank lines, a CSV/TSV file its
rows. Inputs whose count needs a full parse (feeds, archives, JSON arrays) or cannot be
read twice (stdin, URLs) make the total unknown.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from dyad.ingest.sources import (
    HTML_SUFFIXES,
    JSON_LINES_SUFFIXES,
    STDIN_NAME,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    input_kind,
    open_input,
    walk,
)

_CHUNK = 1 << 20


def count_records(inputs: Sequence[str | Path]) -> int | None:
    """Return the number of records in ``inputs``, or None when it cannot be counted cheaply."""
    total = 0
    for name in inputs:
        if str(name) == STDIN_NAME or str(name).lower().startswith(("http://", "https://")):
            return None
        path = Path(name)
        files = list(walk(path)) if path.is_dir() else [path]
        for file in files:
            count = _count_file(file)
            if count is None:
                return None
            total += count
    return total


def _count_file(path: Path) -> int | None:
    suffix, _ = input_kind(path)
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        return 1
    try:
        if suffix in JSON_LINES_SUFFIXES:
            return _count_json_lines(path)
        if suffix in TABLE_SUFFIXES:
            with open_input(path) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
                return max(0, sum(1 for _ in csv.reader(text, delimiter=TABLE_SUFFIXES[suffix])) - 1)
    except (OSError, EOFError, csv.Error):
        return 1  # an unreadable file is reported as one error when it is read
    return None if path.exists() else 1


def _count_json_lines(path: Path) -> int | None:
    count = 0
    with open_input(path) as file:
        head = file.read(64).lstrip()
        if head.startswith(b"["):
            return None  # a JSON array: one document, counted only by parsing it
        file.seek(0)
        for line in file:
            if line.strip():
                count += 1
    return count
