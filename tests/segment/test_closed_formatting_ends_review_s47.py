"""seg-22 mended after round 38's review (session 47): formatting closed after a period ends no sentence when a digit
or a lower-case letter follows it, past any opening formatting ("See **No.** 4", "<b>No.</b> 9", "**rose.** <i>then</i>"),
and no segment starts with a closing tag (pysbd had cut inside "<b>ext.</b>" once a later closer was blanked)."""

from __future__ import annotations

import pytest

from mtfix.segment import split_segments
from tests.segment.test_closed_formatting_ends_s47 import _sentences


@pytest.mark.parametrize(("name", "text"), [
    ("a.md", "Turn to **No.** 4 on the map.\n"),
    ("a.md", "Choose *No.* 3 or *No.* 6.\n"),
    ("a.md", "Choose __No.__ 3 today.\n"),
    ("a.html", "<p>Turn to <b>No.</b> 4 on the map.</p>\n"),
    ("a.html", "<p>Dial <b>ext.</b> 12 or <i>No.</i> 9 now.</p>\n"),
    ("a.md", "Sales **rose.** <i>then</i> they fell.\n"),  # lower case after an opening tag
])
def test_no_end_at_a_closer_before_a_digit_or_a_lower_case_letter(name: str, text: str) -> None:
    assert len(_sentences(name, text)) == 1


def test_a_capital_after_the_closer_still_ends_the_sentence() -> None:
    text = "Sales **rose.** <b>Then</b> they fell."
    assert [text[s.start:s.end] for s in split_segments(text)] == ["Sales **rose.**", "<b>Then</b> they fell."]


@pytest.mark.parametrize("text", [
    "Dial <b>ext.</b> 12 or <i>No.</i> 9 now. It was <b>late.</b> Then it rang.",
    "Ask for <b>ext.</b> Twelve, she said. It <i>rang.</i> Then nobody answered.",
])
def test_no_segment_starts_with_a_closing_tag(text: str) -> None:
    segs = [text[s.start:s.end] for s in split_segments(text)]
    assert not [s for s in segs if s.startswith("</")], segs
    assert "".join(segs).replace(" ", "") == text.replace(" ", "")
    assert segs[-1] == "Then nobody answered." or segs[-1] == "Then it rang."
