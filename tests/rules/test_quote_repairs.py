"""Quotation marks MT sets on the wrong side of a space (MTF107, MTF115, MTF122), end to end.

The rule examples (``tests/rules/test_rule_examples.py``) check each rule alone; these check what
``fix`` makes of a document: the repairs compose, touch nothing else, and respect sentence bounds.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


def _codes(pipeline: Pipeline, text: str) -> list[str]:
    return [f.code for f in pipeline.check(text).findings if f.code in {"MTF107", "MTF115", "MTF122"}]


def test_curly_quote_before_a_reporting_verb_is_moved_before_the_space(safe):
    text = "“The ferry will run twice a day, “said the port director. Tickets cost ten manat."
    assert safe.fix(text).text == "“The ferry will run twice a day,” said the port director. Tickets cost ten manat."


def test_closing_quote_glued_to_a_lower_case_word_gets_its_space(safe):
    text = "“The bridge opens in June,”says the ministry. The road follows."
    assert safe.fix(text).text == "“The bridge opens in June,” says the ministry. The road follows."


def test_a_glued_closing_quote_whose_quotation_opened_in_another_sentence_is_left_alone(safe):
    # the ” closes nothing opened in its own sentence (a stray mark), or follows a number (inches)
    for text in ("The port reopened on “Monday”. The new quay is long”and the cranes are new.",
                 "“The quay is 40”long,” the engineer said."):
        assert "MTF115" not in _codes(safe, text), text
        assert safe.fix(text).text == text


def test_straight_quote_before_a_reporting_verb_is_reported_and_fixed_only_as_unsafe(safe):
    text = '"Nobody asked the farmers about the new tax, "said the party leader.'
    assert _codes(safe, text) == ["MTF122"]
    assert safe.fix(text).text == text
    unsafe = Pipeline(Config(grammar="off", unsafe_fixes=True))
    assert unsafe.fix(text).text == '"Nobody asked the farmers about the new tax," said the party leader.'


def test_a_quotation_that_starts_with_a_reporting_verb_is_left_alone(safe):
    for text in ("She called the deal, “said and done”, a relief.", 'He wrote, "said the mayor" in the margin.'):
        assert _codes(safe, text) == []
        assert safe.fix(text).text == text
