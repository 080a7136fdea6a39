"""Session 40 (en-generic 1.36): MTF104 leaves alone a capital "A" that names a letter — a musical key or note, or a
class before a plural the article never takes — and still flags the article capitalised in mid-sentence."""

from __future__ import annotations

import pytest


def _codes(pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "The programme opens with a serenade in A major for strings.",
        "Her encore was a short nocturne in A minor.",
        "The oboe gives the orchestra an A, and the strings tune to A natural.",
        "Pupils with A levels in maths may skip the first module.",
        "The bank sold part of its A shares in the spring.",
        "Heavy lorries are diverted on to A roads during the works.",
    ],
)
def test_a_letter_named_by_a_is_no_capitalised_article(pipeline, text):
    assert "MTF104" not in _codes(pipeline, text)
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended and A statement was issued by the ministry.",
        "The mayor said that A new bridge would open in May.",
        "He said that A means of transport was found.",
        "The ministry said that A series of talks was planned.",
        "The agency said that A news conference was held.",
    ],
)
def test_a_capitalised_article_is_still_flagged(pipeline, text):
    assert "MTF104" in _codes(pipeline, text)
