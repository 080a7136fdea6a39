"""MTF105 across one line break (session 47, reliability round 38): a paragraph wrapped after "the" and taken up
again with "the" on the next line is the same slip as "the the" on one line.  The fix removes the second copy and
the spaces after it, so the line break (LF, CRLF or CR) stays where it was; a second line break (a new paragraph),
a quote's ">" or a table's "|" between the copies is no such gap, and two subtitle cues or two CSV records are never
joined."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from tests.cli_runner import check_then_fix


def _repeats(pipeline: Pipeline, text: str) -> list:
    return [f for f in pipeline.check(text).findings if f.code == "MTF105"]


@pytest.mark.parametrize(("text", "fixed"), [
    ("The ferry left the harbour and the\nthe crew waved from the deck.\n",
     "The ferry left the harbour and the\ncrew waved from the deck.\n"),
    ("Tickets are sold at the\r\nthe kiosk by the gate.\r\nDoors open at six.\r\n",
     "Tickets are sold at the\r\nkiosk by the gate.\r\nDoors open at six.\r\n"),
    ("Tickets are sold at the\rthe kiosk by the gate.\rDoors open at six.\r",
     "Tickets are sold at the\rkiosk by the gate.\rDoors open at six.\r"),
    ("The mayor thanked the volunteers and\n  and the donors for their time.\n",
     "The mayor thanked the volunteers and\n  the donors for their time.\n"),
    ("Bring your tickets and your  \nyour passports to the desk.\n",
     "Bring your tickets and your  \npassports to the desk.\n"),
])
def test_a_copy_on_the_next_line_is_found_and_fixed_keeping_the_line_break(pipeline: Pipeline, text: str,
                                                                            fixed: str) -> None:
    found = _repeats(pipeline, text)
    assert len(found) == 1 and "line break" in found[0].message
    assert pipeline.fix(text).text == fixed


@pytest.mark.parametrize("text", [
    "The ferry left the harbour at the\n\nthe crew waved from the deck.\n",  # a new paragraph
    "Fares rose at the\n\n\nthe start of the year.\n",
    "We will meet the\nThe Times reporter at noon.\n",  # a capital the copy before lacks
    "The song was called Bora\nBora by the band.\n",  # both capitalised: a name, as on one line
])
def test_no_repeat_across_a_paragraph_or_a_change_of_case(pipeline: Pipeline, text: str) -> None:
    assert not [f for f in _repeats(pipeline, text) if f.fix is FixSafety.SAFE]
    assert pipeline.fix(text).text == text


def test_a_content_word_across_a_line_break_is_unsafe_as_on_one_line(pipeline: Pipeline) -> None:
    text = "The passengers waited for\nfor hours at the gate.\n"
    (found,) = _repeats(pipeline, text)
    assert found.fix is FixSafety.UNSAFE
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize("text", [
    "The committee agreed on the\nthe.\n",  # the copy ends the sentence: nothing after it on its line
    "The committee agreed on the\nthe\nplan.\n",  # the copy alone on its line
])
def test_a_copy_that_ends_its_line_is_reported_with_no_fix(pipeline: Pipeline, text: str) -> None:
    (found,) = _repeats(pipeline, text)
    assert not found.edits
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(("name", "text", "fixed"), [
    ("notes.md", "The council met in the\nthe old town hall on Monday.\n",
     b"The council met in the\nold town hall on Monday.\n"),
    ("talk.srt", "1\n00:00:01,000 --> 00:00:03,000\nWe crossed the\nthe river at dawn.\n",
     b"1\n00:00:01,000 --> 00:00:03,000\nWe crossed the\nriver at dawn.\n"),  # one cue's two lines
])
def test_a_wrapped_repeat_in_markdown_and_in_one_cue_is_fixed(tmp_path: Path, name: str, text: str,
                                                             fixed: bytes) -> None:
    out, after = check_then_fix(tmp_path, name, text)
    assert "MTF105" in out, out
    assert after == fixed


@pytest.mark.parametrize(("name", "text"), [
    ("talk.srt", "1\n00:00:01,000 --> 00:00:03,000\nWe crossed the\n\n2\n00:00:04,000 --> 00:00:06,000\n"
                 "the river at dawn.\n"),  # two cues
    ("table.md", "| Stop | Note |\n|---|---|\n| by the | x |\n| the mill | y |\n"),  # two table rows
    ("quote.md", "Before the quote, the\n> the ferry was late.\n"),  # a paragraph, then a quote
])
def test_no_repeat_across_cues_table_rows_or_blocks(tmp_path: Path, name: str, text: str) -> None:
    out, after = check_then_fix(tmp_path, name, text)
    assert "MTF105" not in out, out
    assert after == text.encode()
