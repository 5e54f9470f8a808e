"""Exceptions raised by dyad.

* DyadError
  x ConfigError          bad or missing configuration or resource; raised while building
  x IngestError          one input record could not be read (has .source, .line)
  x StageError           a stage failed on one article (has .stage, .article_id)
  x EvalError            a gold file could not be read
  x StoreError           the event store cannot be opened, is not a dyad store, or failed
  |  x StoreLockedError  another process holds the DuckDB file (has .pid)
  x QueryError           a store filter has a bad value (has .field, .value)

Messages say what happened, the offending value, and what to do about it.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""


class ConfigError(DyadError):
    """Configuration or a shipped/user resource is missing or malformed."""


class IngestError(DyadError):
    """One input record could not be read; the others still can be."""

    def __init__(self, source: str, line: int | None, problem: str, fix: str) -> None:
        self.source = source
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}. {fix}")


class StageError(DyadError):
    """A pipeline stage failed on one article."""

    def __init__(self, stage: str, article_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.article_id = article_id
        super().__init__(f"stage {stage!r} failed on article {article_id!r}: {cause!r}")


class EvalError(DyadError):
    """A gold or expected-events file could not be read."""


class DyadWarning(UserWarning):
    """A data problem that did not stop the run."""


class StoreError(DyadError):
    """The event store cannot be opened, is not a dyad store, or a write failed."""


class StoreLockedError(StoreError):
    """Another process holds the DuckDB file; ``pid`` names it when DuckDB says which."""

    def __init__(self, message: str, pid: int | None = None) -> None:
        self.pid = pid
        super().__init__(message)


class QueryError(DyadError):
    """A store filter has a value dyad cannot use; ``field`` names the filter."""

    def __init__(self, field: str, value: object, fix: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"bad {field} filter {value!r}: {fix}")
