"""bench/repeated_attribution.py (session 49, not adopted): the shapes it counts (a reporting verb twice with its
subject repeated as a noun, after "according to" the same noun, one verb doubled) on examples written for it, and
the decision rule it prints."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

attribution = pytest.importorskip("bench.repeated_attribution")


def shapes(text: str) -> set[str]:
    from mtfix.garble.tagger import load, tokenize

    words = [t.text for t in tokenize(text)]
    return attribution.shapes_of(words, load().tag(words), text)


@pytest.mark.parametrize("text, shape", [
    ("The ministry said that the talks would resume next week, the ministry said.", "repeated_noun"),
    ("The council stated that the bridge will close in May, the council noted.", "repeated_noun"),
    ("According to the agency, wheat prices rose by four percent in March, the agency reported.", "according_noun"),
    ("The utility reported reported a loss for the second quarter.", "doubled"),
    ("Officials said, said that the border crossing would stay open.", "doubled"),
])
def test_each_shape_is_found(text: str, shape: str) -> None:
    assert shape in shapes(text)


@pytest.mark.parametrize("text", [
    "The minister said that the talks would resume, the spokesman said.",  # two speakers
    "The agency said prices rose in March and added that wages fell.",  # "X said … and added"
    '"The ministry will act soon," the ministry spokesman said on Monday.',  # quote, then its speaker
    "The court ruled that the said company must pay the fine.",  # "said" as an adjective
    "Police said the driver was unhurt. Police said the road reopened at noon.",  # two sentences, one speaker
    "Ministry says talks to resume; union says strike goes ahead",  # headline
    "- The mayor said the park will open.\n- The mayor said the pool will not.",  # a list
    "He said: \"Reports say she reported it.\"",  # quotes inside quotes
    "According to the agency, prices rose, officials said.",  # another speaker after "according to"
])
def test_fluent_shapes_are_left_alone(text: str) -> None:
    assert not shapes(text) & {"repeated_noun", "according_noun", "doubled"}


def test_decision_needs_enough_mt_and_a_clear_ratio() -> None:
    def table(mt: int, human: int) -> dict[str, dict[str, Counter[str]]]:
        return {"mt": {"a": Counter(segments=1000, doubled=mt)}, "human": {"b": Counter(segments=1000, doubled=human)}}

    assert attribution.decide(table(10, 2))["doubled"]["adopt"]
    assert not attribution.decide(table(10, 6))["doubled"]["adopt"]  # under twice the human rate
    assert not attribution.decide(table(3, 0))["doubled"]["adopt"]  # too few MT segments
    assert not attribution.decide(table(0, 0))["doubled"]["adopt"]
