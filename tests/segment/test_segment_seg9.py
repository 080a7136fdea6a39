"""Segmentation seg-9 (session 21): a title or honorific at the end of a line goes on to the name on the
next ("signed by Mr.⏎Smith") when that line is indented deeper (a hanging indent, a quoted letter), and when
the name starts with an initial ("Mr.⏎J. Smith"), an apostrophe ("Mr.⏎O'Brien") or in capitals ("Mrs.⏎AL-SUDANI"):
pysbd ended a sentence at the title, so the name's half was checked as a sentence of its own."""

from __future__ import annotations

import pytest

from mtfix.segment import split_segments


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize("text", [
    "The contract was signed on behalf of the company by Mr.\n    Smith, its director, on Monday.",
    "The contract was signed on behalf of the company by Mr.\n\tSmith, its director, on Monday.",
    "The minutes were taken by Ms.\n  Jones, who chairs the committee.",
    "The contract was signed by Mr.\nJ. Smith, its director, on Monday.",
    "The contract was signed by Mr.\nO'Brien, its director, on Monday.",
    "The contract was signed by Mrs.\nAL-SUDANI, its director, on Monday.",
    "The award was presented by the Hon.\nO’Neill, the minister for culture.",
])
def test_a_title_at_a_line_end_goes_on_to_its_name(text: str) -> None:
    assert _split(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence still ends: a blank line, a word that starts a sentence, a place or a suffix as before
    ("The tax was collected by the village Mr.\n\nSmith came later.",
     ["The tax was collected by the village Mr.", "Smith came later."]),
    ("He was treated by the Dr.\n    The nurses were kind.",
     ["He was treated by the Dr.", "The nurses were kind."]),
    ("He was treated by the Dr.\nTHE NURSES WERE KIND.",
     ["He was treated by the Dr.", "THE NURSES WERE KIND."]),
    ("The deal was signed by Caspian Logistics Inc.\n    Officials welcomed it.",
     ["The deal was signed by Caspian Logistics Inc.", "Officials welcomed it."]),
])
def test_a_sentence_still_ends_at_a_title_before_a_new_sentence(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_the_revision_names_the_change() -> None:
    from mtfix import segment

    assert segment.REVISION.startswith("seg-")  # seg-9 or later (seg-10: session 26)
