"""Session 47 (analysis-28): a preposition before the question mark of a wh-question is English stranding ("What can I
fill it with?", "Which port did the ship sail from?"), no source's postposition (MTF406); a postposition after its noun
before a full stop or comma, "according to" in any sentence, and the source order MTF404 names are still found."""

from __future__ import annotations

import pytest


def _codes(pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


def _signs(text: str) -> set[str]:
    from mtfix.garble.checker import detector

    return {s.name for s in detector().predict(text).analysis.signs}


@pytest.mark.parametrize(
    "text",
    [
        "What did the committee finally vote for?",
        "Which harbour did the cargo ship sail from?",
        "So what are the farmers in the valley so worried about?",
        "After the long meeting, who were the delegates waiting for?",
        "What is the new bridge over the river made of?",
        "Whose garden did the children play football in?",
        "Where does all this extra money come from?",
        "\"What were you thinking of?\" she asked.",
    ],
)
def test_a_wh_question_strands_its_preposition_as_english_does(pipeline, text):
    assert "stranded_adposition" not in _signs(text)
    assert "MTF406" not in _codes(pipeline, text)
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # no wh-word: a yes/no question or a statement keeps the sign after a noun
        "Was the budget approved, the new parliament with?",
        "The plan, the ministry according to, was approved.",
        "The meeting was held, the officials with.",
        # "according to" left before the mark is a source's postposition whatever the sentence is
        "What is the reason for the delay, the ministry according to?",
        "Which law was adopted, the deputies according to?",
    ],
)
def test_a_postposition_outside_a_wh_question_is_still_stranded(pipeline, text):
    assert "MTF406" in _codes(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The governor on Tuesday in the northern district arrived.",
        "The president the new law on Friday signed.",
        "After the ceremony the guests to the hall in Tbilisi went.",
    ],
)
def test_source_order_keeps_its_verb_final_sign(pipeline, text):
    assert "MTF404" in _codes(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Only then did the committee agree to the plan.",
        "So said the chairman of the board.",
        "The committee had met the year before.",
        "She had arrived in Baku two days ago.",
        "They talked the whole night through.",
        "A week later the results came.",
        "The man with the hat laughed.",
    ],
)
def test_inversions_english_has_get_no_source_order_finding(pipeline, text):
    assert not {"MTF404", "MTF406"} & _codes(pipeline, text)
