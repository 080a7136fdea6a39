"""MTF133 (session 51): a figure in digits with "thousand" or "hundred" spelt after it, a number form MT carries
over from the source language, is a minor Locale convention finding that no fix touches; English figures, tables,
code, versions, times, scores, Indian English scales and the scale words of English ("a thousand", "thousands of",
"2 million") are left alone.  The counts that chose it: bench/number_calques_s51.py (tests/bench)."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.model import FixSafety, Severity


def _mtf133(text: str) -> list[str]:
    result = mtfix.check(text, grammar="off", select=("MTF133",))
    return [text[f.start:f.end] for f in result.findings if f.code == "MTF133"]


@pytest.mark.parametrize(("text", "span"), [
    ("About 70 thousand visitors came to the fair in June.", "70 thousand"),
    ("The mill ground 1.5 thousand tonnes of wheat.", "1.5 thousand"),
    ("The mill ground 1,5 thousand tonnes of wheat.", "1,5 thousand"),
    ("A wall 4 hundred metres long was built.", "4 hundred"),
    ("The prize was 25 thousands dollars.", "25 thousands"),
    ("The village had 9\u00a0thousand residents.", "9\u00a0thousand"),
    ("Losses came to 12 million 600 thousand manat.", "600 thousand"),
])
def test_a_figure_with_a_spelt_scale_word_is_flagged(text: str, span: str) -> None:
    assert _mtf133(text) == [span]


@pytest.mark.parametrize("text", [
    "About 70,000 visitors came to the fair in June.",
    "About seventy thousand visitors came, and a hundred more the next day.",
    "Thousands of visitors came; hundreds of them camped.",
    "The budget is 2 million dollars and the loan 3 billion.",
    "The 10 Thousand Islands lie off the coast.",
    "Report to the gate at 06 hundred hours.",
    "A 3 thousand-year-old road was found.",
    "item\tqty\tunit\nwheat\t40\tthousand\nbarley\t12\tthousand",
    "Run `split 40 thousand` to cut the file.",
    "Version 2.4.1 thousand-row tables load at 09:30.",
    "See https://example.org/40 thousand or write to 40thousand@example.org.",
    "The match ended 3-2 thousand miles from home.",
    "The loan was 2 lakh rupees and the grant 5 crore.",
    "Of the 2 hundred of them, most came back.",
])
def test_english_figures_code_tables_and_indian_english_are_left_alone(text: str) -> None:
    assert _mtf133(text) == []


def test_the_finding_is_minor_and_flag_only_and_fix_leaves_the_text_byte_identical() -> None:
    text = "Some 40 thousand people came.\tTotal: 3 hundred cars.\n"
    found = [f for f in mtfix.check(text, grammar="off").findings if f.code == "MTF133"]
    assert [text[f.start:f.end] for f in found] == ["40 thousand", "3 hundred"]
    assert {f.severity for f in found} == {Severity.MINOR}
    assert {f.category for f in found} == {"Locale convention/Number format"}
    assert all(not f.edits and not f.suggestions and f.fix == FixSafety.NONE for f in found)
    assert mtfix.fix(text, grammar="off", unsafe=True, select=("MTF133",)).text == text


def test_the_finding_does_not_raise_the_detectors_suspicion_to_major() -> None:
    """Post-editors keep the form in most MT segments (bench/number_calques_s51.py), so it corroborates nothing
    (corroborate-10); a rule that does, MTF104's capital, still raises it."""
    from mtfix.garble.corroborate import corroborated
    from mtfix.model import Finding
    from mtfix.segment import to_document

    doc = to_document("In the capital 40 thousand people the new plan Discussed, the ministry said.")
    suspicion = Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 14, "garbled", segment=0)
    number = Finding("MTF133", "Locale convention/Number format", Severity.MINOR, 15, 26, "figure", segment=0)
    capital = Finding("MTF104", "Fluency/Grammar", Severity.MINOR, 47, 56, "capital", segment=0)
    anywhere = lambda doc, segment: True  # noqa: E731
    assert [f.severity for f in corroborated(doc, [suspicion, number], may_be_major=anywhere)] == [Severity.MINOR] * 2
    assert corroborated(doc, [suspicion, capital], may_be_major=anywhere)[0].severity is Severity.MAJOR
