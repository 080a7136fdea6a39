"""Segmentation seg-8 (session 18, precision on institutional genres): an academic rank before a name
("Assoc. Prof. Rustam Nazarov"), an approximation before a quantity ("approx. £2.1bn", "ca. 1500") and a
reference before an identifier ("ref. HR-2025-014") end no sentence, inside a line or at its end; a piece that
would start with a comma right after the period goes on with it ("on Tues., Jan. 2")."""

from __future__ import annotations

import pytest

from mtfix.segment import split_segments


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize("text", [
    "The delegation also included Assoc. Prof. Rustam Nazarov, Dean of the Faculty of Law.",
    "The lecture was given by Asst. Prof. Aigerim Seitkali of Nazarbayev University.",
    "The Treasury said the measures would cost approx. £2.1bn over five years.",
    "The project, worth approx. US$1.5bn, includes 320 km of new railway.",
    "The plant will supply approx. 3.4 TWh a year to the grid.",
    "Approx. 70% of respondents used the service every week.",
    "The fund invested an average of approx. €230,000 in each start-up.",
    "The manuscript dates from ca. 1350 and was copied in Herat.",
    "Please send your CV, quoting ref. HR-2025-014 in the subject line.",
    "The embassy will reopen on Tues., Jan. 2.",
    "Their daughter was born at 3.30 a.m., weighing 8 lb., 2 oz., and was fine.",
])
def test_no_sentence_ends_inside(text: str) -> None:
    assert _split(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("The results were approx. The team will publish them soon.",
     ["The results were approx.", "The team will publish them soon."]),
    ("He was appointed an Assoc. The board approved it.",
     ["He was appointed an Assoc.", "The board approved it."]),
    ("The figure is a guess, not a ref. Officials said so.",
     ["The figure is a guess, not a ref.", "Officials said so."]),
    ("He is a laid-back kind of guy. ;) I want to take him out.",
     ["He is a laid-back kind of guy.", ";) I want to take him out."]),
    ("She painted many, many flowers. , were registered cars in 1990.",
     ["She painted many, many flowers.", ", were registered cars in 1990."]),
])
def test_before_a_word_that_starts_a_sentence_it_still_ends(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_at_a_line_end_too() -> None:
    text = "The delegation included Assoc.\nProf. Rustam Nazarov and the bridge cost approx.\n£2.1bn in all.\n"
    assert _split(text) == [text.strip()]


@pytest.mark.parametrize(("text", "expected"), [
    ("The bag weighs 3 kg approx. 2 kg of it is water.", ["The bag weighs 3 kg approx.", "2 kg of it is water."]),
    ("The ticket costs 40 EUR approx. 15 EUR of it is tax.", ["The ticket costs 40 EUR approx.", "15 EUR of it is tax."]),
    ("The hall seats 300 ca. 120 seats were sold.", ["The hall seats 300 ca.", "120 seats were sold."]),
    ("The trip was 40 km approx.\n12 km of it ran uphill.\n", ["The trip was 40 km approx.", "12 km of it ran uphill."]),
])
def test_an_approximation_after_its_quantity_may_end_a_sentence(text: str, expected: list[str]) -> None:
    """Review of seg-8: "approx."/"ca." after the quantity it qualifies (postpositive: "3 kg approx.") ends
    a sentence as before seg-8, even before a number; before its quantity it goes on ("rose from 10 to approx.
    20 per cent" stays one sentence)."""
    assert _split(text) == expected


@pytest.mark.parametrize("text", [
    "Turnout rose from 10 to approx. 20 per cent in the north.",
    "In 2024 approx. 40% of respondents used the service.",
    "In 2024, approx. 40% of respondents used the service.",
    "On 12 May approx. 300 people gathered in the square.",
])
def test_an_approximation_after_a_year_a_date_or_a_function_word_goes_on(text: str) -> None:
    assert _split(text) == [text]
