"""The ``Stage`` protocol and the ``Pipeline`` that runs the parse and the stages in order."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from dyad.config import Config, load_config
from dyad.errors import ConfigError, DyadError, StageError
from dyad.model import Article, Event
from dyad.nlp import ParsedArticle, find_body_start, load_nlp, split_windows
from dyad.registry import import_builtin_stages, stages

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)


class Stage(Protocol):
    """One step of event extraction for one article.

    Receives the parsed article and the events found so far; returns the events to keep,
    new or updated. Never mutates its inputs. Dropping an event means not returning it.
    """

    name: str

    def __call__(self, parsed: ParsedArticle, events: Sequence[Event]) -> list[Event]: ...


@runtime_checkable
class Closable(Protocol):
    """A stage that holds resources to release."""

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Failure:
    """An article the pipeline could not process, kept when ``on_error="skip"``."""

    article_id: str
    stage: str
    error: str


def build_stage(name: str, settings: dict[str, Any]) -> Stage:
    """Build the registered stage ``name`` with its settings.

    Raises:
        ConfigError: the stage is unknown or a setting is not one it accepts.
    """
    import_builtin_stages()
    registered = sorted(stages.get_all())
    if name not in registered:
        raise ConfigError(
            f"unknown stage {name!r} in [pipeline].stages. Registered stages: "
            f"{', '.join(registered)}. Check the spelling or install the package that provides it."
        )
    factory = stages.get(name)
    accepted = set(inspect.signature(factory).parameters)
    unknown = sorted(set(settings) - accepted)
    if unknown:
        raise ConfigError(
            f"unknown setting(s) {', '.join(unknown)} for stage {name!r}. "
            f"It accepts: {', '.join(sorted(accepted)) or 'nothing'}."
        )
    return factory(**settings)


class Pipeline:
    """Runs the spaCy model, then each stage in order, one article at a time.

    ``on_error="raise"`` stops at the first failing article; ``"skip"`` records it in
    ``failures`` and goes on with the next.
    """

    def __init__(
        self,
        nlp: Language,
        stage_list: Sequence[Stage],
        config: Config,
        *,
        on_error: Literal["raise", "skip"] = "raise",
    ) -> None:
        self.nlp = nlp
        self.stages = list(stage_list)
        self.config = config
        self.on_error = on_error
        self.failures: list[Failure] = []

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release what the stages hold."""
        for stage in self.stages:
            if isinstance(stage, Closable):
                stage.close()

    def extract(self, article: Article) -> list[Event]:
        """Return the events of one article."""
        return next(self.process([article]))[1]

    def _windows(self, articles: Iterable[Article]) -> Iterator[tuple[str, tuple[Article, int, bool]]]:
        for article in articles:
            if len(article.text) > self.config.max_chars:
                self._fail(
                    article.id,
                    "nlp",
                    DyadError(
                        f"article {article.id!r} has {len(article.text):,} characters, more than "
                        f"[pipeline].max_chars = {self.config.max_chars:,}; split it or raise the limit"
                    ),
                )
                yield "", (article, 0, True)
                continue
            body_start = find_body_start(article.text)
            windows = split_windows(article.text, body_start, self.config.window_chars)
            if not windows:
                yield "", (article, 0, True)
                continue
            for i, (start, end) in enumerate(windows):
                yield article.text[start:end], (article, start, i == len(windows) - 1)

    def parse(
        self, articles: Iterable[Article], *, batch_size: int = 16
    ) -> Iterator[tuple[Article, list[ParsedArticle]]]:
        """Yield each article with the parses of its windows, parsing in batches with ``nlp.pipe``.

        An empty article, or one refused for its length (see ``failures``), has no windows.
        """
        windows: list[ParsedArticle] = []
        for doc, (article, offset, is_last) in self.nlp.pipe(
            self._windows(articles), as_tuples=True, batch_size=batch_size
        ):
            if doc.text.strip():
                windows.append(ParsedArticle(article, doc, offset))
            if is_last:
                yield article, windows
                windows = []

    def process(
        self, articles: Iterable[Article], *, batch_size: int = 16
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with its events, parsing in batches with ``nlp.pipe``."""
        for article, windows in self.parse(articles, batch_size=batch_size):
            yield article, [event for parsed in windows for event in self.run_stages(parsed)]

    def run_stages(self, parsed: ParsedArticle) -> list[Event]:
        """Return the events of one parsed window after every stage; none if one failed and was skipped."""
        events: list[Event] = []
        for stage in self.stages:
            try:
                events = stage(parsed, events)
            except Exception as e:
                if self.on_error == "raise":
                    raise StageError(stage.name, parsed.article.id, e) from e
                self._fail(parsed.article.id, stage.name, e)
                return []
        return events

    def _fail(self, article_id: str, stage: str, error: BaseException) -> None:
        if self.on_error == "raise":
            raise error if isinstance(error, DyadError) else StageError(stage, article_id, error)
        self.failures.append(Failure(article_id, stage, str(error)))
        logger.warning("article %s failed in %s: %s", article_id, stage, error)


def load_pipeline(
    config: Config | Path | str | None = None,
    *,
    on_error: Literal["raise", "skip"] = "raise",
    overrides: dict[str, Any] | None = None,
) -> Pipeline:
    """Build the pipeline from the shipped config, a config file, or a ``Config``.

    Every resource is loaded now, so a missing or malformed one fails here, not at
    article 40,000.

    Raises:
        ConfigError: a stage, setting, model or resource is missing or malformed.
    """
    if not isinstance(config, Config):
        config = load_config(config, overrides)
    nlp = load_nlp(config.nlp)
    stage_list = [build_stage(name, config.stage_settings.get(name, {})) for name in config.stages]
    return Pipeline(nlp, stage_list, config, on_error=on_error)
