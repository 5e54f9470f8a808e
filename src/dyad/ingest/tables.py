"""CSV and TSV files (a header row, then one article per row) → ``Article`` records.

Spreadsheets and dataframe dumps are the commonest way analysts hold articles. The header
names the columns; each row goes through the same field mapping as a JSON record, so
``title``, ``date``, ``pubDate`` ... mean the same here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from dyad.errors import IngestError
from dyad.ingest.fields import FieldMap
from dyad.ingest.records import article_from_record, default_article_id, excerpt
from dyad.model import Article

# News text runs past csv's default 128 KB field limit; 64 MB still stops a runaway quote
# (one missing closing quote swallowing the rest of the file) from filling memory.
_FIELD_LIMIT = 64 * 1024 * 1024


def read_table(
    stream: BinaryIO,
    *,
    source: str,
    delimiter: str,
    default_published: datetime | None,
    fields: FieldMap | None = None,
) -> Iterator[Article | IngestError]:
    r"""Yield an ``Article`` per row and an ``IngestError`` per bad row, with its line number.

    Args:
        stream: the file's bytes; decoded as UTF-8 (a BOM, as Excel writes, is dropped).
        source: the name used in errors and default ids.
        delimiter: ``","`` for CSV, ``"\t"`` for TSV.
        default_published: publication time for rows without a date.
        fields: which column holds which field, where the usual names do not fit.

    Empty cells count as missing, so an empty date cell takes ``default_published``.
    """
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    # surrogateescape keeps a bad byte from stopping the whole file: the row holding it is
    # reported below and the rows after it are still read.
    # utf-8-sig drops the BOM Excel writes.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    rows = csv.reader(text, delimiter=delimiter)
    try:
        header = next(rows)
    except StopIteration:
        return
    except csv.Error as e:
        yield IngestError(source, 1, f"the header row is not valid CSV ({e})", "Fix the first line.")
        return
    header = [name.strip() for name in header]
    if not any(header):
        yield IngestError(
            source, 1, "the first line is empty, not a header row", "Start with the column names."
        )
        return
    if _has_bad_bytes(header):
        yield _encoding_error(source, 1)
        return
    start = rows.line_num + 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as e:
            yield IngestError(
                source,
                start,
                f"row is not valid CSV ({e})",
                "Quote fields that hold the delimiter, quotes or line breaks; double a quote inside one.",
            )
            start = rows.line_num + 1
            continue
        line, start = start, rows.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        yield _row_article(row, header, source=source, line=line, default_published=default_published,
                           fields=fields)  # fmt: skip


def _row_article(
    row: list[str],
    header: list[str],
    *,
    source: str,
    line: int,
    default_published: datetime | None,
    fields: FieldMap | None,
) -> Article | IngestError:
    if len(row) != len(header):
        return IngestError(
            source,
            line,
            f"row has {len(row)} field(s) but the header has {len(header)}: {excerpt(repr(row))}",
            "Quote fields that hold the delimiter or line breaks, so each row has one cell per column.",
        )
    if _has_bad_bytes(row):
        return _encoding_error(source, line)
    record = {name: (cell if cell.strip() else None) for name, cell in zip(header, row, strict=True)}
    text_key = (fields or FieldMap()).key("text", record)
    if text_key is not None and record[text_key] is None:
        record[text_key] = ""  # an empty text cell is an empty article, not a missing column
    try:
        return article_from_record(
            record,
            source=source,
            line=line,
            default_published=default_published,
            default_id=default_article_id(source, line),
            fields=fields,
        )
    except IngestError as e:
        return e


def _has_bad_bytes(cells: list[str]) -> bool:
    # Undecodable bytes come through surrogateescape as lone surrogates.
    return any(any("\udc80" <= ch <= "\udcff" for ch in cell) for cell in cells)


def _encoding_error(source: str, line: int) -> IngestError:
    return IngestError(
        source,
        line,
        "row is not valid UTF-8",
        "dyad reads UTF-8 only; re-encode the file, e.g. iconv -f latin1 -t utf-8 in.csv > out.csv.",
    )
