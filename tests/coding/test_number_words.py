"""Tests for the number grammar's word lists, read from data/numbers.yaml."""

import pytest

from dyad.coding import quantities
from dyad.coding.quantities import find_numbers
from dyad.errors import ConfigError


def test_number_words_yaml_words_stay_words():
    # Plain YAML reads "no" and "on" as booleans; the shipped file quotes them.
    assert "no" in quantities._LABELS
    assert "on" in quantities._YEAR_AFTER and "on" in quantities._ONE_NOT_COUNT
    assert quantities._QUALIFIERS[("nearly",)] == "~"
    assert quantities._FEW[("a", "couple", "of")] == 2


def test_number_words_drive_the_grammar():
    # One word of each kind of list: a unit, a scale, a vague plural, a qualifier, money, a label.
    assert [(m.text, m.value) for m in find_numbers("about two dozen people")] == [("about two dozen", 24)]
    assert [m.value for m in find_numbers("hundreds of protesters")] == [100]
    assert find_numbers("50 mln dlrs and Resolution 2334") == []


def test_number_words_unquoted_boolean_is_refused():
    with pytest.raises(ConfigError, match="labels must be a list of lower-case words"):
        quantities._word_list({"labels": ["number", False]}, "labels")


def test_number_words_capitalised_word_is_refused():
    with pytest.raises(ConfigError, match="months"):
        quantities._word_list({"months": ["January"]}, "months")


def test_number_words_value_must_be_a_number():
    with pytest.raises(ConfigError, match="units must map lower-case words to int"):
        quantities._word_values({"units": {"one": True}}, "units", int)


def test_number_words_unknown_qualifier_kind_is_refused():
    with pytest.raises(ConfigError, match=r"qualifiers use \['lowish'\]"):
        quantities._qualifiers({"qualifiers": {"at least": "lowish"}})


def test_number_words_missing_list_is_named():
    with pytest.raises(ConfigError, match="tens must map"):
        quantities._word_values({}, "tens", int)
