"""A title, rank or honorific before a name does not end a sentence inside a line (seg-7), as at a
line's end since seg-5: pysbd ends one at the titles it does not list as prepositive ("Hon.",
"Rt.", "Cllr.", "Amb.", "Atty.", "Fr."), so "I thank the Hon. Member" was two segments."""

from __future__ import annotations

import pytest

from mtfix.segment import split_segments


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize("text", [
    "The Speaker (Mr. John Hale): I thank the Hon. Member for her question.",
    "The Hon. Gentleman should withdraw that remark at once.",
    "He met the Rt. Hon. Keir Starmer in Downing Street on Monday.",
    "The motion was moved by Cllr. Patel and seconded by Cllr. Moore.",
    "We thank Amb. Lindqvist and Atty. Gen. Ramos for coming.",
    "Mass was said by Fr. Michael Walsh in the parish church.",
])
def test_a_title_before_a_name_goes_on_inside_a_line(text: str) -> None:
    assert _split(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("He was elected as Hon. Secretary in 2019. Members thanked him.",
     ["He was elected as Hon. Secretary in 2019.", "Members thanked him."]),
])
def test_a_title_before_a_new_sentence_still_ends_it(text: str, expected: list[str]) -> None:
    assert _split(text) == expected
