"""Session 38, precision on clean English beyond news: the two classes of false alarm the audit of
``tests/data/professional_seventh_genres.txt`` found, each with the machine-translation shape that must still be
flagged.  The set's lines themselves (nothing edited, nothing major, its known false major) are checked with the other
sets in ``test_precision_genre_sets_s41.py``."""

from __future__ import annotations

import pytest

from tests.cli_in_process import mtfix_in_process
from tests.precision.genre_lines import majors


@pytest.mark.parametrize(
    "text",
    [
        # a clock time that opens the line is a live blog's, a log's or a timetable's stamp: its entry starts after it
        "14:20 Our reporter says the delegates are still inside the building.",
        "09:05 We are now live from the count at the town hall.",
        "21:10 It is still level at half-time in the second semi-final.",
        "18:30:00 The council meeting opens with public questions.",
        "7:45am The first train to the coast leaves from platform 2.",
    ],
)
def test_a_time_stamp_opens_its_entry(pipeline, text):
    assert "MTF104" not in {f.code for f in pipeline.check(text).findings}
    assert majors(pipeline, text) == []
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # a capital after a time inside the sentence, or after a number that is no time, stays flagged
        "The vote was closed at 22:00 We counted the ballots all night.",
        "The ferry left at 7:45am The passengers were tired.",
        "Officials said 14 He was taken to hospital.",
    ],
)
def test_a_capital_after_a_time_in_mid_sentence_is_still_flagged(pipeline, text):
    assert "MTF104" in {f.code for f in pipeline.check(text).findings}


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a space before a mark after a closing inline tag or a placeholder: the tag is no text (en-generic 1.34)
        ('Put the pears in the <g id="1">bowl</g> .', 'Put the pears in the <g id="1">bowl</g>.'),
        ('Do you want to remove <ph id="1">{name}</ph> ?', 'Do you want to remove <ph id="1">{name}</ph>?'),
        ('Click <b>Save</b> , then close the window.', "Click <b>Save</b>, then close the window."),
        ('Send <x id="1"/> , then sign out.', 'Send <x id="1"/>, then sign out.'),
    ],
)
def test_a_space_before_a_mark_after_an_inline_tag_goes(pipeline, text, fixed):
    assert "MTF111" in {f.code for f in pipeline.check(text).findings}
    assert pipeline.fix(text).text == fixed


@pytest.mark.parametrize(
    "text",
    [
        # clean UI strings with tags, an ellipsis after a tag, and a block's tag are left alone
        'Click <g id="1">Save</g>, then <g id="2">Close</g>.',
        "Read <i>Ulysses</i> ... then rest.",
        "<p>The list ends here.</p> <p>. . .</p>",
        'Welcome back, <x id="1"/>!',
    ],
)
def test_tags_in_clean_strings_are_left_alone(pipeline, text):
    assert "MTF111" not in {f.code for f in pipeline.check(text).findings}
    assert pipeline.fix(text).text == text


def test_an_inline_tag_in_an_xliff_target_is_fixed_outside_the_tag(tmp_path):
    """The file format's own reading: the space after ``</g>`` in a target goes and the tags stay byte for byte."""
    src = tmp_path / "ui.xlf"
    src.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="de" target-language="en" datatype="plaintext" original="ui"><body>\n'
        '<trans-unit id="1"><source>Leg die Birnen in die <g id="1">Schale</g>.</source>'
        '<target>Put the pears in the <g id="1">bowl</g> .</target></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    assert mtfix_in_process("fix", "--grammar", "off", str(src)).returncode in (0, 1)
    assert '<target>Put the pears in the <g id="1">bowl</g>.</target>' in src.read_text(encoding="utf-8")
