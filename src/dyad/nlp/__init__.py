"""Linguistic annotation: the only package that loads spaCy.

Input: ``Article``. Output: ``ParsedArticle`` (the article with a spaCy ``Doc`` over one
window of its text). Also finds the dateline and byline so they are never parsed as prose.
"""

from dyad.nlp.clean import find_body_start, split_windows
from dyad.nlp.load import load_nlp
from dyad.nlp.parsed import ParsedArticle

__all__ = ["ParsedArticle", "find_body_start", "load_nlp", "split_windows"]
