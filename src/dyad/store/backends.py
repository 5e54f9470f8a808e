"""Connections to DuckDB and PostgreSQL, and the few places their SQL differs.

Everything else (the schema, the queries, the exports) is written once against ``Backend``.
The differences: parameter markers, type names, "list contains", and the fast bulk-write
path (DuckDB reads an Arrow table in place; PostgreSQL takes ``COPY ... FROM STDIN``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from dyad.errors import StoreError, StoreLockedError
from dyad.store.frames import to_polars_schema
from dyad.store.schema import Table

POSTGRES_PREFIXES = ("postgresql://", "postgres://")
COPY_ROWS = 50_000  # rows per CSV slice sent to COPY


class Dialect:
    """SQL spelling of one database."""

    name = "duckdb"
    param = "?"
    types = {
        "text": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN", "date": "DATE",
        "timestamp": "TIMESTAMP", "text[]": "VARCHAR[]",
        # Not DuckDB's JSON type: it re-parses every record on insert (over half the bulk
        # insert time), and DuckDB's JSON functions read VARCHAR just the same.
        "json": "VARCHAR",
    }  # fmt: skip

    # A column naming one row of a table within a statement, for reading a page in two steps:
    # sort and cut on the narrow sort keys, then read the wide rows of just that page (in
    # DuckDB, a top-N over all 60 columns reads them for every matching row).
    row_key: str | None = "rowid"

    def list_has_any(self, column: str, n_values: int) -> str:
        """SQL true when the list ``column`` shares an element with ``n_values`` parameters."""
        params = ", ".join([self.param] * n_values)
        return f"list_has_any({column}, [{params}])"


class PostgresDialect(Dialect):
    """PostgreSQL's spelling."""

    name = "postgresql"
    param = "%s"
    # JSON, not JSONB: it keeps the record's text (and key order) exactly as written.
    types = {**Dialect.types, "text": "TEXT", "float": "DOUBLE PRECISION", "text[]": "TEXT[]", "json": "JSON"}
    # PostgreSQL reads pages through its indexes and row-wise heap; one plain query it is.
    row_key = None

    def list_has_any(self, column: str, n_values: int) -> str:
        params = ", ".join([self.param] * n_values)
        return f"{column} && ARRAY[{params}]::TEXT[]"


class Backend(Protocol):
    """One open database: run SQL, read polars frames, bulk-write frames, transactions."""

    dialect: Dialect
    location: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows (empty for statements without a result)."""
        ...

    def frame(
        self, sql: str, params: Sequence[Any] = (), schema: dict[str, Any] | None = None
    ) -> pl.DataFrame:
        """Run a query and return its result as a polars DataFrame, cast to ``schema`` if given."""
        ...

    def write_frame(self, table: Table, frame: pl.DataFrame) -> None:
        """Append the rows of ``frame`` (columns named as ``table``'s) to ``table``."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """Commit everything inside the block at once, or nothing if it raises."""
        ...

    def close(self) -> None:
        """Release the connection (and DuckDB's file lock)."""
        ...


def _cast(frame: pl.DataFrame, schema: dict[str, Any] | None) -> pl.DataFrame:
    if not schema:
        return frame
    return frame.cast({name: dtype for name, dtype in schema.items() if name in frame.columns})


class DuckDBBackend:
    """An embedded DuckDB file: one writing process at a time, many readers when none writes."""

    dialect = Dialect()

    def __init__(self, path: Path, *, read_only: bool) -> None:
        import duckdb

        self.location = str(path)
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as e:
            raise _explain_duckdb_open_error(path, e) from e

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        result = self.con.execute(sql, list(params))
        # DuckDB 2 keeps a result open until it is read to the end, even an empty one.
        rows = result.fetchall()
        return rows if result.description else []

    def frame(
        self, sql: str, params: Sequence[Any] = (), schema: dict[str, Any] | None = None
    ) -> pl.DataFrame:
        return _cast(pl.from_arrow(self.con.sql(sql, params=list(params)).to_arrow_table()), schema)

    def write_frame(self, table: Table, frame: pl.DataFrame) -> None:
        if frame.is_empty():
            return
        typed = frame.select(table.column_names).cast(to_polars_schema(table))
        # Arrow string views, as polars holds them: no copy of the strings on the way out.
        arrow = typed.to_arrow(compat_level=pl.CompatLevel.newest())
        columns = ", ".join(table.column_names)
        # DuckDB scans the Arrow buffers in place: no per-row Python work.
        self.con.register("dyad_incoming", arrow)
        try:
            self.con.execute(f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM dyad_incoming")
        finally:
            self.con.unregister("dyad_incoming")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    def close(self) -> None:
        self.con.close()


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<exe>.*?) \(PID (?P<pid>\d+)\)")


def _explain_duckdb_open_error(path: Path, error: Exception) -> StoreError:
    """Turn DuckDB's open errors into messages that say what holds the file and what to do."""
    text = str(error)
    holder = _LOCK_HOLDER.search(text)
    if holder:
        pid = int(holder.group("pid"))
        command = _command_line(pid) or holder.group("exe")
        return StoreLockedError(
            f"the dyad store {str(path)!r} is in use by another process: PID {pid} ({command}). "
            "A DuckDB file has one writer at a time. Wait for that process to finish (an ingest "
            f"commits as it goes, so stopping it loses nothing committed: kill {pid}), or use "
            "PostgreSQL (--db postgresql://...) for concurrent writers and readers",
            pid=pid,
        )
    if "not a valid DuckDB database" in text or "Corrupt" in text or "corrupt" in text:
        return StoreError(
            f"{str(path)!r} is not a dyad store: DuckDB cannot read it ({text}). dyad leaves it "
            "untouched; pass --db with another path (or set DYAD_DB) to create a new store"
        )
    return StoreError(f"cannot open the dyad store {str(path)!r}: {text}")


def _command_line(pid: int) -> str | None:
    """Return the command line of a local process, when /proc shows it."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return " ".join(part.decode("utf-8", "replace") for part in raw.split(b"\0") if part) or None


class PostgresBackend:
    """A PostgreSQL database reached through a ``postgresql://`` DSN (psycopg 3)."""

    dialect = PostgresDialect()

    def __init__(self, dsn: str) -> None:
        import psycopg

        self.location = _redact(dsn)
        try:
            self.con = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.location}: {str(e).strip()}. Check that the "
                "server is running and the DSN (user, host, database) is right"
            ) from e

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            cur.execute(sql, list(params) or None)
            return cur.fetchall() if cur.description else []

    def frame(
        self, sql: str, params: Sequence[Any] = (), schema: dict[str, Any] | None = None
    ) -> pl.DataFrame:
        with self.con.cursor() as cur:
            cur.execute(sql, list(params) or None)
            names = [d.name for d in cur.description or ()]
            rows = cur.fetchall()
        wanted = {name: (schema or {}).get(name) for name in names}
        if all(dtype is not None for dtype in wanted.values()):
            return pl.DataFrame(rows, schema=wanted, orient="row")
        return _cast(pl.DataFrame(rows, schema=names, orient="row", infer_schema_length=None), schema)

    def write_frame(self, table: Table, frame: pl.DataFrame) -> None:
        if frame.is_empty():
            return
        frame = frame.select(table.column_names).cast(to_polars_schema(table))
        # COPY in CSV is PostgreSQL's fastest load path; polars writes the CSV in native code,
        # a slice at a time so a million events never sit in memory as one CSV text.
        csv_frame = frame.with_columns(
            [_pg_array_literal(c.name) for c in table.columns if c.kind == "text[]"]
        )
        columns = ", ".join(table.column_names)
        with (
            self.con.cursor() as cur,
            cur.copy(f"COPY {table.name} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '')") as copy,
        ):
            for chunk in csv_frame.iter_slices(COPY_ROWS):
                buffer = io.BytesIO()
                chunk.write_csv(buffer, include_header=False, null_value="", quote_style="non_numeric")
                copy.write(buffer.getbuffer())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.con.transaction():
            yield

    def close(self) -> None:
        self.con.close()


def _pg_array_literal(column: str) -> pl.Expr:
    """A list column as PostgreSQL array literal text: ``{"GOV","MIL"}``, elements quoted."""
    quoted = (
        '"'
        + pl.element().str.replace_all("\\", "\\\\", literal=True).str.replace_all('"', '\\"', literal=True)
        + '"'
    )
    return pl.concat_str(pl.lit("{"), pl.col(column).list.eval(quoted).list.join(","), pl.lit("}")).alias(
        column
    )


def _redact(dsn: str) -> str:
    """The DSN without its password, for messages."""
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", dsn)


def connect(db: str | Path, *, read_only: bool = False) -> Backend:
    """Open a DuckDB file or, for a ``postgresql://`` DSN, a PostgreSQL database."""
    if isinstance(db, str) and db.startswith(POSTGRES_PREFIXES):
        return PostgresBackend(db)
    return DuckDBBackend(Path(db), read_only=read_only)
