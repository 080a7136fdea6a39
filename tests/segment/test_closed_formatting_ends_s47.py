"""seg-22 (session 47, reliability round 38): inline formatting closed right after a sentence end and before a space
(``**rose.** Then``, ``<b>rose.</b> Then``, ``*rose.* Then``) ends the sentence as a closing quote does, and the
closer stays with the sentence it closes; pysbd had read the closer as part of a word and kept two sentences one
segment.  Glued to the next word (``rose.**Next**``, ``rose.<b>Then</b>``: rendered "rose.Next") it ends none, and
neither does a period of an abbreviation, a title or an initial before a closer."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.files import unit_document
from mtfix.formats import load
from mtfix.segment import split_segments
from tests.cli_runner import check_then_fix


def _sentences(name: str, text: str) -> list[str]:
    out: list[str] = []
    for unit in load(text.encode(), name).units:
        doc = unit_document(unit, name)
        out += [doc.text[s.start:s.end] for s in doc.segments]
    return out


@pytest.mark.parametrize(("name", "text", "sentences"), [
    ("a.md", "Ticket sales **doubled.** Then the hall was full.\n",
     ["Ticket sales **doubled.**", "Then the hall was full."]),
    ("a.md", "Ticket sales *doubled!* Then the hall was full.\n", ["Ticket sales *doubled!*", "Then the hall was full."]),
    ("a.md", "**Caution.** Keep the valve closed.\n", ["**Caution.**", "Keep the valve closed."]),
    ("a.md", "The vote was held in ~~2023.~~ Then it moved.\n", ["The vote was held in ~~2023.~~", "Then it moved."]),
    ("a.html", "<p>Ticket sales <b>doubled.</b> Then the hall was full.</p>\n",
     ["Ticket sales <b>doubled.</b>", "Then the hall was full."]),
    ("a.html", "<p>Ticket sales <em><b>doubled.</b></em> Then the hall was full.</p>\n",
     ["Ticket sales <em><b>doubled.</b></em>", "Then the hall was full."]),
    ("a.txt", "Ticket sales doubled.</i> Then the hall was full.\n", ["Ticket sales doubled.</i>", "Then the hall was full."]),
])
def test_formatting_closed_after_a_sentence_end_ends_it(name: str, text: str, sentences: list[str]) -> None:
    assert _sentences(name, text) == sentences


@pytest.mark.parametrize(("name", "text"), [
    ("a.md", "Ticket sales doubled.**Then** the hall was full.\n"),  # glued: rendered "doubled.Then"
    ("a.html", "<p>Ticket sales doubled.<b>Then</b> the hall was full.</p>\n"),
    ("a.md", "We met <b>Dr.</b> Okafor at the gate.\n"),  # a title
    ("a.md", "She joined the **U.S.** Navy in spring.\n"),  # initials
    ("a.md", "Copy *.* To the backup folder.\n"),  # a pattern, no sentence end
    ("a.md", "Ticket sales **doubled.** then the hall was full.\n"),  # lower case goes on, as without markup
])
def test_no_end_where_the_closer_is_glued_or_the_period_an_abbreviations(name: str, text: str) -> None:
    assert len(_sentences(name, text)) == 1


def test_every_character_but_white_space_lies_in_a_segment() -> None:
    text = "It rained **hard.** Then it cleared. It was <b>cold!</b>  And the wind rose."
    segs = split_segments(text)
    covered = "".join(text[s.start:s.end] for s in segs)
    assert covered.replace(" ", "") == text.replace(" ", "")
    assert [text[s.start:s.end] for s in segs] == ["It rained **hard.**", "Then it cleared.", "It was <b>cold!</b>",
                                                  "And the wind rose."]


def test_a_repeat_after_a_closed_sentence_is_fixed_with_the_markup_untouched(tmp_path: Path) -> None:
    out, after = check_then_fix(tmp_path, "a.md", "Ticket sales **doubled.** Then the the hall was full.\n")
    assert "MTF105" in out, out
    assert after == b"Ticket sales **doubled.** Then the hall was full.\n"
