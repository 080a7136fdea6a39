"""MTF103 on a capitalised function word: "andThe ministers" is not split into "and The ministers"
(a capital left in mid-sentence) by a safe fix (session 13).  Session 14: a function word glued to a
name the word list does not know ("inAnkara", "andBaku") is split; camelCase identifiers and brand
shapes in prose ("the isValid flag", "call getUser first", "iPhone") are left alone.  Session 15: a function word
glued to a capitalised everyday word ("aboutEnergy", "toTable") is an unsafe split, and none where it reads as code."""

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
    # a verb's past form after a function word: a splice of MT pieces, never a name of code
    ("The ministry said it was according toThanked Azerbaijan for the aid.", "according to Thanked Azerbaijan"),
    ("The two sides were close andSigned the text on Friday.", "and Signed the text"),
])
def test_a_name_or_a_past_form_is_still_split_safely(pipeline, text, fixed):
    assert _glued(pipeline, text).fix is FixSafety.SAFE
    assert fixed in pipeline.fix(text).text


@pytest.mark.parametrize("text,fixed", [
    ("Delegates from the region spoke aboutEnergy security.", "about Energy security"),
    ("The city moved part of its budget fromHousing repairs to new roads.", "from Housing repairs"),
    ("The report mentions toTable twice.", "to Table twice"),
])
def test_a_function_word_glued_to_a_capitalised_everyday_word_is_an_unsafe_split(pipeline, text, fixed):
    # session 15: an identifier ("toTable") and MT glue ("aboutEnergy") have the same shape, and nothing in
    # such a sentence tells them apart: flagged, split only with --unsafe-fixes
    assert _glued(pipeline, text).fix is FixSafety.UNSAFE
    assert pipeline.fix(text).text == text
    assert fixed in pipeline.fix(text, unsafe=True).text


@pytest.mark.parametrize("text", [
    # no word goes on after it: a name for a thing, not the start of a glued piece
    "The frame is written out by toTable.",
    "Pass the result to fromImage (or to asText) before saving.",
    "The converter calls it, and the output goes through toTable: that is all.",
    # two camelCase words with content tails on a line: the line names code
    "The fields are toTable, fromImage and asText in the new release.",
    # a document that writes code elsewhere (backticks, a call, a snake_case name)
    "Install it and call `load_frame` first.\n\nThe report mentions toTable twice.",
    "Run read_csv(path) on the file.\nThe report mentions toTable twice.",
    "Call reset() on the file.\nThe report mentions toTable twice.",
])
def test_a_bare_identifier_is_left_alone_where_it_reads_as_code(pipeline, text):
    assert [text[f.start : f.end] for f in pipeline.check(text).findings if f.code == "MTF103"] == []
    assert pipeline.fix(text, unsafe=True).text == text


@pytest.mark.parametrize("text", [
    # brackets in MT ("Hong Kong(China)") and glue of function words are no sign of code
    "Flights to Hong Kong(China) resumed.\nDelegates spoke aboutEnergy security andThe ministers left.",

])
def test_what_is_no_code_leaves_the_glue_flagged(pipeline, text):
    assert "aboutEnergy" in [text[f.start : f.end] for f in pipeline.check(text).findings if f.code == "MTF103"]


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
