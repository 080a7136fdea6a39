"""Spaces a detokeniser left in MT output (MTF125–MTF127), end to end through ``fix``.

The rule examples (``tests/test_rule_examples.py``) check each rule alone; these check that
``fix`` repairs the shapes in a document, touches nothing else, and leaves the look-alikes of
professional English alone.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline

CODES = {"MTF125", "MTF126", "MTF127"}


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


def _codes(pipeline: Pipeline, text: str) -> list[str]:
    return sorted(f.code for f in pipeline.check(text).findings if f.code in CODES)


def test_the_three_shapes_are_repaired_in_one_document(safe):
    text = ("Turnout fell in the 1980 s. The mayor was re - elected and a 60-year - old "
            "farmer called the plan ' a gift '. The paper used the word \" ferry \" twice.")
    # the quotes' spaces (MTF127) are an unsafe fix: a padded literal has the same shape
    assert safe.fix(text).text == (
        "Turnout fell in the 1980s. The mayor was re-elected and a 60-year-old "
        "farmer called the plan ' a gift '. The paper used the word \" ferry \" twice.")
    assert safe.fix(text, unsafe=True).text == (
        "Turnout fell in the 1980s. The mayor was re-elected and a 60-year-old "
        "farmer called the plan 'a gift'. The paper used the word \"ferry\" twice.")
    assert _codes(safe, text) == ["MTF125", "MTF126", "MTF126", "MTF127", "MTF127"]


def test_a_deliberately_padded_literal_is_not_changed_by_safe_fixes(safe):
    text = 'To join the two names, type " and " between them, the manual says.'
    assert safe.fix(text).text == text


def test_a_space_before_the_per_cent_sign_is_house_style_and_stays(safe):
    # European style guides set "2.4 %"; MLQE-PE post-editors closed it up, but it is not an error
    text = "Inflation eased to 2.4 % in April, the statistics office said."
    assert safe.fix(text).text == text


@pytest.mark.parametrize("text", [
    "Turnout fell in the 1980s.",
    "The runner finished in 9.8 s and the relay in 38 s.",
    "He came back over the year - up to 400 people, she said.",
    "Re - the minutes, see below.",
    "The students ' books and the teachers ' pay were both cut.",
    'He called it "the deal of the century " and left.',
    "He said \"yes\" and \"no\" in the same breath.",
])
def test_look_alikes_are_left_alone(safe, text):
    assert safe.fix(text).text == text
    assert _codes(safe, text) == []
