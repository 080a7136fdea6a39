"""A sentence does not start in lower case: pysbd's splits before a lower-case word are undone."""

from __future__ import annotations

import pytest

from mtfix.segment import split_segments


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize("text", [
    "Print the labels on 4 x 6 in. thermal paper.",
    "Pour in approx. two litres of water.",
    "The price is 40 euros incl. delivery.",
    "The est. cost of the bridge is lower.",
    "Use ca. ten grams of salt.",
    "The band played at the hall on Friday\nand the crowd sang along.",
])
def test_no_segment_starts_after_an_abbreviation_before_a_lower_case_word(text: str) -> None:
    assert _split(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("Add approx. two cups. Then stir.", ["Add approx. two cups.", "Then stir."]),
    ("Sales fell. iPhone sales rose.", ["Sales fell.", "iPhone sales rose."]),  # a name holds a capital
    ("It opened in 2019. Workers came.", ["It opened in 2019.", "Workers came."]),
])
def test_sentences_before_a_capital_or_a_name_still_split(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_a_number_is_no_abbreviation() -> None:
    assert _split("The bridge opened in 1998. the road came later.") == [
        "The bridge opened in 1998.", "the road came later."]


def test_a_lost_subject_after_a_full_stop_is_still_found() -> None:
    """The segment goes on past "district. said", but the rule on sentences that start with their
    verb (MTF121) still reads "said" as a sentence's first word."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    text = "The minister toured the northern district. said that the new clinic would open in June."
    result = Pipeline(Config(grammar="off", select=("MTF121",))).check(text)
    assert len(result.document.segments) == 1
    assert [(f.code, text[f.start:f.end]) for f in result.findings] == [("MTF121", "said")]
