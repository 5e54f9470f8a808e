"""Tests for the toponym finder's word lists, read from data/toponym_words.yaml."""

import pytest

from dyad.errors import ConfigError
from dyad.geo import toponyms


def test_toponym_words_lists_are_frozen_word_sets():
    assert "say" in toponyms.REPORTING_LEMMAS
    assert isinstance(toponyms.REPORTING_LEMMAS, frozenset)
    assert "city hall" in toponyms._GENERIC_WORDS  # a two-word entry stays one entry


def test_toponym_words_streets_are_facilities():
    assert toponyms._STREET_HEADS <= toponyms._FACILITY_HEADS
    assert "hospital" in toponyms._FACILITY_HEADS


def test_toponym_words_unquoted_boolean_is_refused():
    with pytest.raises(ConfigError, match="feature_words must be a list of lower-case words"):
        toponyms._word_list({"feature_words": ["island", True]}, "feature_words")


def test_toponym_words_missing_list_is_named():
    with pytest.raises(ConfigError, match="district_words"):
        toponyms._word_list({}, "district_words")
