"""Exceptions raised by dyad.

* DyadError
  x ConfigError          bad or missing configuration or resource; raised while building
  x IngestError          one input record could not be read (has .source, .line)
  x StageError           a stage failed on one article (has .stage, .article_id)
  |  x PartitionError    a batch of articles was lost on a Dask cluster (has .article_ids)
  x EvalError            a gold file could not be read
  x StoreError           the event store cannot be opened, is not a dyad store, or failed
  |  x StoreLockedError  another process holds the DuckDB file (has .pid)
  x QueryError           a store filter has a bad value (has .field, .value)

Messages say what happened, the offending value, and what to do about it. Every error
pickles (``dyad ingest --dask`` hands them back from worker processes).
"""

from __future__ import annotations

from typing import Any


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its message and attributes, not by calling __init__ again: the errors with
        # arguments of their own (IngestError, StageError, ...) could not be unpickled otherwise.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[DyadError], args: tuple[Any, ...], state: dict[str, Any]) -> DyadError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


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


class PartitionError(StageError):
    """A batch of articles sent to a Dask worker was lost after its retries."""

    def __init__(self, article_ids: list[str], tries: int, cause: BaseException) -> None:
        self.stage = "dask"
        self.article_ids = article_ids
        self.article_id = article_ids[0] if article_ids else ""
        shown = ", ".join(repr(a) for a in article_ids[:3]) + (", ..." if len(article_ids) > 3 else "")
        DyadError.__init__(
            self,
            f"a Dask partition of {len(article_ids)} article(s) ({shown}) was lost after {tries} "
            f"tries: {cause!r}. The batches before it are stored; run the command again to go on "
            "(stored articles are skipped)",
        )


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
