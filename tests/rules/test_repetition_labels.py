"""A word said twice (or three times) after a speaker's label and its colon is an utterance ("Hon. Members: Hear,
hear!", session 17), which MTF116 and MTF106 leave alone; what follows any other colon in lower case is no
utterance: a label's value that MT gave twice ("Decision: rejected, rejected.") or a loop ("energy, energy,
energy") is still reported (session 17 review)."""

from __future__ import annotations

import pytest

from mtfix.pipeline import Pipeline


def _codes(pipeline: Pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


@pytest.mark.parametrize(("text", "code"), [
    ("Decision: rejected, rejected.", "MTF116"),
    ("The agenda: budget, budget.", "MTF116"),
    ("Topics discussed: energy, energy, energy.", "MTF106"),
])
def test_a_repeat_after_a_colon_in_lower_case_is_reported(pipeline: Pipeline, text: str, code: str) -> None:
    assert code in _codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "Hon. Members: Hear, hear!",
    "The Speaker: Order, order! The House will come to order.",
    "He replied: “Sorry, sorry.”",
    "The Speaker: Order, order, order!",
    "He said it twice: Sorry, sorry.",
])
def test_an_utterance_after_a_speakers_label_is_left_alone(pipeline: Pipeline, text: str) -> None:
    assert not _codes(pipeline, text) & {"MTF116", "MTF106"}
