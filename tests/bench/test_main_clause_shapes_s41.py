"""bench/main_clause_shapes.py (session 41, issue 11): which sentences it counts as having a finite verb but no
main clause, and which it leaves. Examples written for this test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import main_clause_shapes as mcs  # noqa: E402

from mtfix.garble import tagger  # noqa: E402
from mtfix.garble.tagger import tokenize  # noqa: E402


@pytest.fixture(scope="module")
def shapes_of():
    tg = tagger.load()

    def run(sentence: str) -> set[str]:
        words = [t.text for t in tokenize(sentence)]
        return mcs.shapes(words, tg.tag(words))

    return run


@pytest.mark.parametrize(("sentence", "shape"), [
    ("Said: the new bridge over the river will open in May.", "reporting_opens"),
    ("The new bridge, which cost four million and took three years to build.", "subject_relative_only"),
    ("Because the harvest was poor across the whole valley this year.", "conj_no_comma"),
    ("Although the committee approved the budget for the new library.", "conj_one_clause"),
])
def test_counted(shapes_of, sentence: str, shape: str) -> None:
    assert shape in shapes_of(sentence)


@pytest.mark.parametrize(("sentence", "shape"), [
    ("Because the harvest was poor, the farmers sold their cattle early.", "conj_one_clause"),
    ("If the door sticks in winter, open it from the inside.", "conj_one_clause"),
    ("When the rain stopped the children ran back to the field.", "conj_one_clause"),
    ("The mayor said that the new bridge will open in May.", "reporting_opens"),
    ("The new bridge, which cost four million, is open to traffic.", "relative_only"),
    ("The new bridge, which cost four million, was opened in May.", "relative_only"),
    ("Because it works.", "conj_no_comma"),  # under six words: never counted
])
def test_left(shapes_of, sentence: str, shape: str) -> None:
    assert shape not in shapes_of(sentence)
