"""MTF116's narrowing to places or times must close its clause (session 45, RF2): "good to firm, firm in places."
is a going report's restatement, but a copy whose "in places", "at times", "at first" ... runs on into a clause
("muddy, muddy in places near the lock gates", "busy, busy at first and then empty") keeps a lost synonym's shape
and is reported, as it was before en-generic 1.46."""

from __future__ import annotations

import pytest

from mtfix.pipeline import Pipeline


def _copies(pipeline: Pipeline, text: str) -> list[str]:
    return [text[f.start:f.end] for f in pipeline.check(text).findings if f.code == "MTF116"]


@pytest.mark.parametrize(("text", "word"), [
    ("The towpath was muddy, muddy in places near the lock gates.", "muddy"),
    ("The pitch looked bare, bare in parts of the goalmouth.", "bare"),
    ("The clinic was busy, busy at first and then almost empty.", "busy"),
    ("The market stayed calm, calm at times during the auction.", "calm"),
    ("The bridge was closed, closed for a time by the police.", "closed"),
])
def test_a_narrowing_that_runs_on_is_reported(pipeline: Pipeline, text: str, word: str) -> None:
    assert _copies(pipeline, text) and all(word in c for c in _copies(pipeline, text)), _copies(pipeline, text)


@pytest.mark.parametrize("text", [
    "Going at Tramore: yielding, yielding in places.",
    "Wind: strong, strong at times later.",
    "Ground conditions: soft, soft in parts; racing goes ahead.",
    "The swell was heavy, heavy at first, then easing by noon.",
    "Forecast for the pass: icy, icy at times tonight",
])
def test_a_narrowing_that_closes_its_clause_is_left(pipeline: Pipeline, text: str) -> None:
    assert _copies(pipeline, text) == []
