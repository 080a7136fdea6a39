"""Session 22, precision on professional text: what the audit of a fifth set of genres found
(``tests/data/professional_fifth_genres.txt``), each with the machine-translation shape that must still be
flagged."""

from __future__ import annotations

import pytest

from mtfix.model import Severity


def _codes(pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


def _majors(pipeline, text: str) -> list[str]:
    return [f.code for f in pipeline.check(text).findings if f.severity.rank >= Severity.MAJOR.rank]


@pytest.mark.parametrize(
    "text",
    [
        # a standard's or a manual's label in capitals, with or without its number, opens the sentence after it
        "NOTE 1 This clause does not apply to devices powered solely by batteries.",
        "NOTE This value is informative only and may change in a later edition.",
        "EXAMPLE 2 The tolerance of a shaft of 20 mm is given in Table 4.",
        "WARNING The blade stays sharp after the power is switched off.",
    ],
)
def test_a_label_in_capitals_opens_its_sentence(pipeline, text):
    assert "MTF104" not in _codes(pipeline, text)
    assert _majors(pipeline, text) == []
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # a capital after an ordinary word, or after a label that does not open the sentence, stays flagged
        "Talks were held in Tbilisi and There were no results.",
        "The NOTE was sent and The ministry replied.",
        "Officials said NOTE This was the final offer.",
    ],
)
def test_a_capital_in_mid_sentence_is_still_flagged(pipeline, text):
    assert "MTF104" in _codes(pipeline, text)


def test_an_acronym_that_is_no_word_is_no_label(pipeline):
    assert "MTF104" in _codes(pipeline, "OSCE This year the mission was closed in the capital.")


@pytest.mark.parametrize(
    "text",
    [
        # an irregular verb's "-s" form after its singular subject is the sentence's verb, not a lost one
        "Margaret, 60s, sits alone at the table, a cold cup of tea in front of her.",
        "The revolving credit facility bears interest at SOFR plus a margin of 1.25% to 1.75%.",
    ],
)
def test_an_irregular_present_is_the_verb(pipeline, text):
    assert "MTF402" not in _codes(pipeline, text)
    assert _majors(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a bracket glued to the word before it, its space inside: the space moves out, rather than going
        # ("Road(Bus Stops)" would mend one slip and keep the other)
        (
            "Take the bus to Taj Express Road( Bus Stops) and walk from there.",
            "Take the bus to Taj Express Road (Bus Stops) and walk from there.",
        ),
        (
            "The State Service of Public Services( ASAN ) opened a branch.",
            "The State Service of Public Services (ASAN) opened a branch.",
        ),
        # a bracket after a space keeps the space before it
        ("The agency ( ASAN ) opened a branch.", "The agency (ASAN) opened a branch."),
    ],
)
def test_a_space_inside_a_glued_bracket_moves_out(pipeline, text, fixed):
    assert pipeline.fix(text).text == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a call in code keeps its name glued to its bracket (a dotted or lower-case name)
        ("Call Math.Max( a, b ) to compare them.", "Call Math.Max(a, b) to compare them."),
        ("Call print( x ) to see it.", "Call print(x) to see it."),
    ],
)
def test_a_call_keeps_its_bracket_glued(pipeline, text, fixed):
    assert pipeline.fix(text).text == fixed
