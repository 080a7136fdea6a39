"""MTF103 on a capitalised function word: "andThe ministers" is not split into "and The ministers"
(a capital left in mid-sentence) by a safe fix (session 13)."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    with Pipeline(Config(grammar="off", select=("MTF103",))) as p:
        yield p


def _glued(pipeline, text: str):
    (f,) = [f for f in pipeline.check(text).findings if f.code == "MTF103"]
    return f


@pytest.mark.parametrize("text,glued,fixed", [
    ("Prices of bread rose in March andThe unions called a strike.", "andThe", "and the"),
    ("The court heard the case fromThe two journalists on Tuesday.", "fromThe", "from the"),
    ("Officials said the talks would resume, butThey gave no date.", "butThey", "but they"),
])
def test_a_stray_capital_after_a_word_the_sentence_goes_on_from_is_an_unsafe_fix(pipeline, text, glued, fixed):
    f = _glued(pipeline, text)
    assert text[f.start : f.end] == glued
    assert f.fix is FixSafety.UNSAFE
    assert pipeline.fix(text).text == text  # not applied without --unsafe-fixes
    assert fixed in pipeline.fix(text, unsafe=True).text


@pytest.mark.parametrize("text,glued", [
    ("The storm closed the mountain roadsThe schools stayed shut on Friday.", "roadsThe"),
    ("Exports fell sharply in the last two yearsThe outlook is better.", "yearsThe"),
    ("The museum shows daily life in the old quarterThe Soviet era is its theme.", "quarterThe"),
])
def test_a_capital_after_another_word_may_start_a_sentence_no_fix(pipeline, text, glued):
    f = _glued(pipeline, text)
    left, right = glued[:-3], glued[-3:]
    assert text[f.start : f.end] == glued
    assert f.fix is FixSafety.NONE and not f.edits
    assert f"{left}. {right}" in f.suggestions
    assert pipeline.fix(text, unsafe=True).text == text


@pytest.mark.parametrize("text,fixed", [
    ("The interview was first published byThe Guardian on Monday.", "by The Guardian"),
    ("Delegates from the region spoke aboutEnergy security.", "about Energy security"),
])
def test_a_name_or_a_content_word_is_still_split_safely(pipeline, text, fixed):
    assert _glued(pipeline, text).fix is FixSafety.SAFE
    assert fixed in pipeline.fix(text).text
