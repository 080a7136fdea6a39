"""MTF105 across a line break, mended after round 38's review (session 47): a repeat across a break counts only when
the line of the first copy reads as wrapped prose (at least ``WRAPPED_LINE_MIN_WORDS`` words, no tab in either line),
so one-entry-per-line lists and tab-separated cells keep every word; and a run of copies is counted up to the first
line break, so "the the⏎the" is the pair on the first line, fixed as it was before round 38."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.pipeline import Pipeline
from mtfix.rules.detectors.doubled_words import WRAPPED_LINE_MIN_WORDS
from tests.cli_runner import check_then_fix


@pytest.mark.parametrize(("name", "text"), [
    ("words.txt", "Useful words:\na\na few\na while\n"),  # one entry a line
    ("index.txt", "Contents\n\nin\nin brief\nin short\n"),
    ("terms.md", "Endings\n\nthe\nthe close\nthe last word\n"),
    ("pairs.txt", "at the\nthe start\n"),  # two words: still an entry, not a wrapped line
    ("cue.srt", "1\n00:00:01,000 --> 00:00:02,000\nthe\nthe finale\n"),
    ("sheet.txt", "Item\tNote\nsoup\tthe\nthe\tbread\n"),  # cells parted by tabs
    ("sheet2.txt", "We sold out of the\t\nthe bread by noon.\n"),  # a tab on the first line
    ("sheet3.txt", "We sold out of the\nthe\tbread by noon.\n"),  # a tab on the second
])
def test_no_repeat_across_a_break_in_lists_or_tab_separated_lines(tmp_path: Path, name: str, text: str) -> None:
    out, after = check_then_fix(tmp_path, name, text)
    assert "MTF105" not in out, out
    assert after == text.encode()


def test_a_wrapped_line_needs_the_words_written_down() -> None:
    assert WRAPPED_LINE_MIN_WORDS == 3


def test_three_words_on_the_first_line_read_as_wrapped(pipeline: Pipeline) -> None:
    text = "We reached the\nthe harbour at dawn.\n"
    assert pipeline.fix(text).text == "We reached the\nharbour at dawn.\n"


def test_three_copies_across_a_break_are_mended_from_the_first_line(pipeline: Pipeline) -> None:
    text = "They waited in the the\nthe cold station.\n"
    found = [f for f in pipeline.check(text).findings if f.code == "MTF105"]
    assert found and "line break" not in found[0].message and found[0].edits
    assert pipeline.fix(text).text == "They waited in the\ncold station.\n"
