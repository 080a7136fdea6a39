"""A ``<!--`` nothing closes, written in running prose (session 30, seg-12): "Then write <!-- to open a
comment. Then close it." was one segment from the opener to its line's end (session 29 read every unclosed opener as
a comment to its line's end), and before that was cut at its ``!``.

The decision (:func:`mtfix.segment._comments_kept_whole`): an unclosed opener is a comment to its line's end only
where a comment stands, where a sentence could start: first on its line (or region), after a sentence end
("Tuesday. <!-- draft"), after another comment, or when it opens an ignore directive (``<!-- mtfix-ignore``, which
:mod:`mtfix.suppress` reads to its line's end).  Anywhere else (after a word, a comma, an opening quote) it is
characters of the prose: the sentence goes on through it, and its ``!`` ends no sentence."""

from __future__ import annotations

import pytest

from mtfix.files import unit_document
from mtfix.formats.markdown import MarkdownFormat
from mtfix.segment import split_segments

PROSE = [
    ("Then write <!-- to open a comment. Then close it.",
     ["Then write <!-- to open a comment.", "Then close it."]),
    ('Write "<!--" to open it. Then close it.', ['Write "<!--" to open it.', "Then close it."]),
    ("Write <!--. Then close it.", ["Write <!--.", "Then close it."]),
    ("An opener, <!--, starts it! Then close it.", ["An opener, <!--, starts it!", "Then close it."]),
    ("Type <!-- and <!-- again. Fine.", ["Type <!-- and <!-- again.", "Fine."]),
    ("Type <!-- here.\nWe met on Tuesday. Then we left.",
     ["Type <!-- here.", "We met on Tuesday.", "Then we left."]),
]

STILL_COMMENTS = [
    # where a comment stands, an unclosed opener still runs to its line's end (session 29)
    ("We met on Tuesday. <!-- draft! check", ["We met on Tuesday.", "<!-- draft! check"]),
    ('He said "We met." <!-- draft! check', ['He said "We met."', "<!-- draft! check"]),
    ("<!-- draft! check\nWe met on Tuesday.", ["<!-- draft! check", "We met on Tuesday."]),
    ("  <!-- draft! check\nWe met on Tuesday.", ["<!-- draft! check", "We met on Tuesday."]),
    ("We met <!-- mtfix-ignore: MTF105\nThen we left.", ["We met", "<!-- mtfix-ignore: MTF105", "Then we left."]),
    ("We met. <!-- a --> <!-- open! x\nThen we left.", ["We met.", "<!-- a --> <!-- open! x", "Then we left."]),
]


def _segments(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_an_opener_in_prose_is_characters_of_its_sentence(text: str, expected: list[str]) -> None:
    assert _segments(text) == expected


@pytest.mark.parametrize(("text", "expected"), STILL_COMMENTS)
def test_an_opener_where_a_comment_stands_runs_to_its_line_end(text: str, expected: list[str]) -> None:
    assert _segments(text) == expected


def test_an_opener_in_markdown_prose() -> None:
    text = "# Comments\n\nTo hide a line, write <!-- before it. Then close it.\n"
    doc = unit_document(MarkdownFormat().load(text.encode(), "note.md", {}).units[0], "note.md")
    assert [text[s.start : s.end] for s in doc.segments] == [
        "Comments", "To hide a line, write <!-- before it.", "Then close it."]


def test_a_garble_after_a_prose_opener_is_still_found() -> None:
    import mtfix

    text = "Then write <!-- to open a comment. We went to the the market.\n"
    codes = {f.code for f in mtfix.check(text).findings if f.start > text.index("We went")}
    assert codes, "the sentence after a prose opener is judged as any other"


def test_many_prose_openers_on_a_line() -> None:
    text = "Type " + "<!-- a " * 500 + "here. Then close it."
    assert _segments(text) == [text[: text.index("here.") + 5], "Then close it."]
