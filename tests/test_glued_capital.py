"""MTF103 on a capitalised function word: "andThe ministers" is not split into "and The ministers"
(a capital left in mid-sentence) by a safe fix (session 13).  Session 14: a function word glued to a
name the word list does not know ("inAnkara", "andBaku") is split; camelCase identifiers and brand
shapes in prose ("the isValid flag", "call getUser first", "iPhone") are left alone."""

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


@pytest.mark.parametrize("text,glued,fixed", [
    ("Ministers from Armenia and Georgia met inYerevan on Monday.", "inYerevan", "in Yerevan"),
    ("The road ofNakhchivan was closed by snow on Tuesday.", "ofNakhchivan", "of Nakhchivan"),
    ("Trade between Georgia andBaku grew by a fifth last year.", "andBaku", "and Baku"),
])
def test_a_function_word_glued_to_an_unknown_name_is_an_unsafe_split(pipeline, text, glued, fixed):
    f = _glued(pipeline, text)
    assert text[f.start : f.end] == glued
    assert f.fix is FixSafety.UNSAFE
    assert pipeline.fix(text).text == text
    assert fixed in pipeline.fix(text, unsafe=True).text


def test_a_glued_name_the_document_also_writes_alone_is_a_safe_split(pipeline):
    text = "Baku hosted the talks. Delegates flew from Tbilisi toBaku on Sunday."
    f = _glued(pipeline, text)
    assert text[f.start : f.end] == "toBaku" and f.fix is FixSafety.SAFE
    assert pipeline.fix(text).text == text.replace("toBaku", "to Baku")


@pytest.mark.parametrize("text", [
    "Check the isValid flag before the form is sent.",
    "Call getUser first, then read the hasItems property.",
    "The setName method and the isEnabled option are documented.",
    "Call toString on the result, or use forEach over the list.",
    "Use toEqual for objects; the onClick handler fires once.",
    "The inStock field is true for every listed item.",
    "Write `inAnkara` and `toBaku` exactly as the schema spells them.",
    "Set isReady = true before the first request.",
    "Use toJson to serialise it, and ofNullable for the empty case.",
    "She ordered an iPhone on eBay, ate at McDonald's, watched YouTube and learned JavaScript.",
    "Provide updatedAt in the example format, and createdBy as the user's name.",
    "The request sets logoImageBlob, aboutText and usageText for the registry.",
    '{"createdAt": 1458074191, "onEnter": {"events": []}}',
    "The report mentions asString, toInt and withColumn twice.",
])
def test_identifiers_and_brand_shapes_in_prose_are_left_alone(pipeline, text):
    assert [text[f.start : f.end] for f in pipeline.check(text).findings if f.code == "MTF103"] == []
    assert pipeline.fix(text, unsafe=True).text == text
