"""A noun repeated as fluent English repeats it (session 33, :func:`mtfix.garble.misreads.ordinary_repeat`): an
instruction names its object again ("To install the package, run ... the name of the package."), and a thing is
mentioned again with its article or a demonstrative.  The findings level judges MTF401 without the repeated-noun input
then; machine translation's repeats of bare nouns in genitive chains keep it."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.garble import misreads
from mtfix.garble.checker import detector


def _mtf401(text: str) -> str | None:
    return next((f.severity.value for f in mtfix.check(text, grammar="off").findings if f.code == "MTF401"), None)


@pytest.mark.parametrize("text", [
    "To install the package, run pip install with the name of the package.",
    "To update the plugin, copy the folder of the plugin into the folder of the editor.",
    "To remove the filter, lift the cover of the tank and pull the filter out of the tank.",
    "In this village, the well is the heart of the village, and the village lives by the well.",
])
def test_an_ordinary_repeat_makes_no_major(text: str) -> None:
    assert _mtf401(text) != "major"


@pytest.mark.parametrize("text", [
    "The development of the economy of the region and the development of culture of region were discussed at "
    "meeting of development.",
    "According to the head of department, the department of education and department of culture will hold the "
    "meeting of departments of the city.",
])
def test_bare_nouns_repeated_in_genitive_chains_stay_major(text: str) -> None:
    assert _mtf401(text) == "major"


def test_the_correction_takes_out_the_repeat_input_only() -> None:
    pred = detector().predict("To install the package, run pip install with the name of the package.")
    assert pred.contributions["repeated_nouns"] > 0
    fixed = misreads.corrected(pred)
    assert fixed.contributions["repeated_nouns"] == 0.0
    assert fixed.probability == pytest.approx(misreads.without(pred, "repeated_nouns"))
    assert fixed.probability < pred.probability
    assert {k: v for k, v in fixed.contributions.items() if k != "repeated_nouns"} == \
        {k: v for k, v in pred.contributions.items() if k != "repeated_nouns"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Save the report as a text file and send the report to the office.", True),  # an instruction
    ("The storm came to the coast, and the storm stayed on the coast.", True),  # re-mentions with "the"
    ("The development of economy and development of culture were discussed.", False),  # bare repeats
    ("The minister visited the new hospital in the capital on Monday.", False),  # no repeat
    ("We compared our list with his list before the meeting started.", True),  # possessives re-mention (misreads-5)
])
def test_which_repeats_are_ordinary(text: str, expected: bool) -> None:
    assert misreads.ordinary_repeat(detector().analyse(text)) is expected
