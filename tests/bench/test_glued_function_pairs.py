"""bench/glued_function_pairs.py (session 34, not adopted): the separating test it weighed splits two
function words glued into one token and leaves real English words made of two function words alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

pairs = pytest.importorskip("bench.glued_function_pairs")


@pytest.fixture(scope="module")
def closed() -> frozenset[str]:
    return pairs.closed_class()


def test_closed_class_comes_from_the_project_lists(closed: frozenset[str]) -> None:
    assert {"of", "the", "they", "are", "in", "and"} <= closed
    assert all(len(w) >= 2 and w.isalpha() for w in closed)


@pytest.mark.parametrize("token, split", [("ofthe", ("of", "the")), ("theyare", ("they", "are")),
                                          ("andthe", ("and", "the")), ("tothe", ("to", "the"))])
def test_glued_pairs_pass_the_test(closed: frozenset[str], token: str, split: tuple[str, str]) -> None:
    assert pairs.splits(token, closed) == [split]
    assert pairs.glued(token, split)
    assert pairs.new_glued(token, closed) == split


@pytest.mark.parametrize("word", pairs.REAL_WORDS)
def test_real_words_are_left_alone(closed: frozenset[str], word: str) -> None:
    assert not any(pairs.glued(word, s) for s in pairs._any_splits(word))
    assert pairs.new_glued(word, closed) is None


def test_capitalised_tokens_are_left_alone(closed: frozenset[str]) -> None:
    assert pairs.new_glued("Ofthe", closed) is None  # a name or a heading: casing is part of the test


def test_split_text_splits_only_the_glued_pairs(closed: frozenset[str]) -> None:
    text, done = pairs._split_text("The end ofthe road runs into the hills.", closed)
    assert text == "The end of the road runs into the hills."
    assert done == ["ofthe"]
