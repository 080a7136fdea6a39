"""The reviewer's read of session 40's capitals changes (en-generic 1.36): a capital "A" before "major", "minor",
"flat", "sharp" or "natural" is a musical key only where the word ends its phrase ("in A minor, Op. 5"), and the
article elsewhere ("for A major overhaul"); MTF119's safe fix after a pronoun only lowers a past form that is an
everyday word lower-cased (not "Googled", "Skyped": verbs made of names).  Sentences written for these tests."""

from __future__ import annotations

import pytest

ARTICLE = [
    "The bridge was closed for A major overhaul of its deck.",
    "The debate ended with A sharp exchange between the leaders.",
    "Police said that A minor player was hurt in the crash.",
    "The family moved to A flat near the station.",
    "The runners ran at A natural pace on the hills.",
]
KEYS = [
    "The orchestra closed with a symphony in A major, the composer's last.",
    "The quartet played a sonata in A minor, Op. 5, after the interval.",
    "The bells are tuned to A flat\nfor the festival.",
    "The choir sang a mass in A minor by a young composer.",
]


@pytest.mark.parametrize("text", ARTICLE)
def test_a_capital_article_before_an_adjective_is_still_found(pipeline, text):
    found = [f for f in pipeline.check(text).findings if f.code == "MTF104" and text[f.start:f.end] == "A"]
    assert found, text


@pytest.mark.parametrize("text", KEYS)
def test_a_musical_key_is_left_alone(pipeline, text):
    assert not [f for f in pipeline.check(text).findings if f.code == "MTF104"]


@pytest.mark.parametrize(("text", "word"), [
    ("Before the interview she Googled the company and its owners.", "Googled"),
    ("The students said they Skyped their families every week.", "Skyped"),
])
def test_a_verb_made_of_a_name_keeps_its_capital_under_safe_fixes(pipeline, text, word):
    found = [f for f in pipeline.check(text).findings if f.code == "MTF119"]
    assert found and found[0].fix.value == "unsafe", found
    assert word in pipeline.fix(text).text


def test_an_everyday_past_after_a_pronoun_is_still_a_safe_fix(pipeline):
    text = "Reporters asked why he Questioned the figures."
    assert pipeline.fix(text).text == "Reporters asked why he questioned the figures."
