"""HTML comments in the segmenter (session 29, seg-11): an inline ignore comment (``<!-- mtfix-ignore: MTF105 -->``)
is never cut.  pysbd read the ``!`` of ``<!--`` as a sentence end: "We met on Tuesday. <!-- mtfix-ignore: MTF105 -->"
was the segments "We met on Tuesday. <!" and "-- mtfix-ignore: MTF105 -->", in plain text, Markdown and HTML pages.

The decision (:func:`mtfix.segment._comments_kept_whole`): sentences are split as in the text without the comments
(each taken out with the spaces before it); a comment inside a sentence stays inside it, and any other comment is a
segment boundary: a segment of its own, with the comments next to it on its line.  The sentences before and after it
are the segments (and the judged prose) they are without the comment: attached to the sentence before it, a comment
cost that sentence its whole-sentence finding (MTF120) in plain text, where protected text in a sentence stops it."""

from __future__ import annotations

import re

import pytest

from mtfix.files import unit_document
from mtfix.formats.html import HtmlFormat
from mtfix.formats.markdown import MarkdownFormat
from mtfix.garble.view import segment_view
from mtfix.segment import split_segments, to_document

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

# (text, the segments expected)
CASES = [
    ("We met on Tuesday. <!-- mtfix-ignore: MTF105 -->",
     ["We met on Tuesday.", "<!-- mtfix-ignore: MTF105 -->"]),
    ("We met on Tuesday. <!-- mtfix-ignore: MTF105 --> Then we left.",
     ["We met on Tuesday.", "<!-- mtfix-ignore: MTF105 -->", "Then we left."]),
    ("<!-- mtfix-ignore: MTF105 --> We met on Tuesday. Then we left.",
     ["<!-- mtfix-ignore: MTF105 -->", "We met on Tuesday.", "Then we left."]),
    ("We met on Tuesday.\n<!-- mtfix-ignore-next-line: MTF204 -->\nThen we left.",
     ["We met on Tuesday.", "<!-- mtfix-ignore-next-line: MTF204 -->", "Then we left."]),
    ("We met <!-- a note --> on Tuesday. Then we left.",
     ["We met <!-- a note --> on Tuesday.", "Then we left."]),
    ("We met on Tuesday. <!-- Why? Because! It is. Fine -->\nThen we left.",
     ["We met on Tuesday.", "<!-- Why? Because! It is. Fine -->", "Then we left."]),
    ("We met on Tuesday. <!-- Start\nMiddle. End -->\nThen we left.",
     ["We met on Tuesday.", "<!-- Start\nMiddle. End -->", "Then we left."]),
    ("We met on Tuesday. <!-- a --> <!-- b --> Then we left. <!-- c -->",
     ["We met on Tuesday.", "<!-- a --> <!-- b -->", "Then we left.", "<!-- c -->"]),
    ("We met on Tuesday! <!-- a -->\nDid we leave? <!-- b? -->",
     ["We met on Tuesday!", "<!-- a -->", "Did we leave?", "<!-- b? -->"]),
]


def _inside_a_comment(text: str, pos: int) -> bool:
    """Whether ``pos`` falls strictly inside a comment (a segment may start or end at its edges)."""
    return any(m.start() < pos < m.end() for m in _COMMENT.finditer(text))


def _without_comments(text: str) -> tuple[str, list[int]]:
    """``text`` with its comments (and the spaces before them) removed, and each kept character's old offset."""
    keep = [True] * len(text)
    for m in _COMMENT.finditer(text):
        s = m.start()
        while s > 0 and text[s - 1] in " \t":
            s -= 1
        for i in range(s, m.end()):
            keep[i] = False
    idx = [i for i, k in enumerate(keep) if k]
    return "".join(text[i] for i in idx), idx


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_plain_text_comments_are_never_cut(text: str, expected: list[str]) -> None:
    segs = split_segments(text)
    assert [text[s.start : s.end] for s in segs] == expected
    for s in segs:
        assert not _inside_a_comment(text, s.start) and not _inside_a_comment(text, s.end)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_prose_is_segmented_as_without_the_comments(text: str, expected: list[str]) -> None:
    """Removing the comments leaves the sentences the comment-free text has: no comment moved a sentence end."""
    bare, idx = _without_comments(text)
    want = [bare[s.start : s.end] for s in split_segments(bare)]
    got = []
    for s in split_segments(text):
        kept = "".join(text[i] for i in idx if s.start <= i < s.end).strip()
        if kept:
            got.append(kept)
    assert got == want


def test_the_sentence_after_a_comment_is_judged_as_without_it() -> None:
    text = "We met on Tuesday. <!-- mtfix-ignore: MTF105 --> Then we left the the house."
    doc = to_document(text)
    last = doc.segments[-1]
    assert text[last.start : last.end] == "Then we left the the house."
    view = segment_view(doc, last)
    assert view is not None and view.text == "Then we left the the house."
    assert text[doc.segments[0].start : doc.segments[0].end] == "We met on Tuesday."
    assert segment_view(doc, doc.segments[1]) is None  # the comment alone: not judged


def test_a_comment_alone_is_not_judged() -> None:
    text = "<!-- mtfix-ignore: MTF105 --> We met on Tuesday."
    doc = to_document(text)
    assert segment_view(doc, doc.segments[0]) is None  # a segment of comments only: no prose to judge


def _md_segments(text: str) -> list[str]:
    doc = unit_document(MarkdownFormat().load(text.encode(), "note.md", {}).units[0], "note.md")
    return [text[s.start : s.end] for s in doc.segments]


def test_markdown_comments_are_never_cut() -> None:
    text = ("# Title\n\nWe met on Tuesday. <!-- mtfix-ignore: MTF105 --> Then we left.\n\n"
            "We met <!-- x? --> on Monday. Fine.\n\n<!-- mtfix-ignore-next-line: MTF204 -->\nWe went home.\n\n"
            "We met on Tuesday. <!-- Start\nMiddle. End -->\nThen we left.\n")
    segs = _md_segments(text)
    assert segs == ["Title", "We met on Tuesday.", "<!-- mtfix-ignore: MTF105 -->", "Then we left.",
                    "We met <!-- x? --> on Monday.", "Fine.", "We went home.",
                    "We met on Tuesday.", "<!-- Start\nMiddle. End -->", "Then we left."]


def test_html_page_comments_are_never_cut() -> None:
    page = ("<html><body><p>We met on Tuesday. <!-- mtfix-ignore: MTF105 --> Then we left.</p>"
            "<p>We met <!-- x! --> on Monday. Fine.</p></body></html>")
    doc = unit_document(HtmlFormat().load(page.encode(), "page.html", {}).units[0], "page.html")
    assert [page[s.start : s.end] for s in doc.segments] == [
        "We met on Tuesday.", "<!-- mtfix-ignore: MTF105 -->", "Then we left.", "We met <!-- x! --> on Monday.", "Fine."]


def test_the_ignore_comment_still_silences_its_line() -> None:
    import mtfix

    text = "We went to the the market. <!-- mtfix-ignore -->\nWe went to the the market.\n"
    findings = mtfix.check(text).findings
    assert findings and all(f.start > text.index("\n") for f in findings)


def test_the_revision_names_the_change() -> None:
    from mtfix import segment

    assert int(segment.REVISION.removeprefix("seg-")) >= 11  # seg-11, or later (seg-12: session 30)


def test_a_sentence_end_after_a_quote_is_read_as_without_the_comment() -> None:
    """pysbd ends a sentence after a closing quote before one space and a capital: the comment is taken out with the
    spaces before it, not read as a run of spaces (which hid that end)."""
    text = 'The panel was called "Our Priorities." <!-- mtfix-ignore: MTF105 --> I am very satisfied.'
    assert [text[s.start : s.end] for s in split_segments(text)] == [
        'The panel was called "Our Priorities."', "<!-- mtfix-ignore: MTF105 -->", "I am very satisfied."]


def test_lower_case_starts_point_into_the_text() -> None:
    text = "We met on Tuesday. <!-- a --> <!-- b --> said that the talks went well."
    doc = to_document(text)
    assert [text[s.start : s.end] for s in doc.segments] == [text]
    assert doc.meta["lower_starts"] == [text.index("said")]


def test_a_whole_sentence_finding_stands_before_a_comment() -> None:
    """A scrambled sentence keeps its MTF120 when an ignore comment for another code follows it, in plain text too."""
    import mtfix

    sentence = "Ganja Sheki snowThe bridge was opened and There were no complaints."
    bare = {f.code for f in mtfix.check(sentence + "\nIt rained.\n", grammar="off").findings}
    text = sentence + " <!-- mtfix-ignore: MTF105 -->\nIt rained.\n"
    found = mtfix.check(text, grammar="off").findings
    assert "MTF120" in bare
    assert {f.code for f in found} == bare
    assert any(f.code == "MTF120" and text[f.start : f.end] == sentence for f in found)


def test_a_word_glued_after_a_comment_keeps_the_space_before_it() -> None:
    text = "We met on Tuesday. <!-- mtfix-ignore -->Then we left. We met <!-- x -->on Monday."
    assert [text[s.start : s.end] for s in split_segments(text)] == [
        "We met on Tuesday.", "<!-- mtfix-ignore -->", "Then we left.", "We met <!-- x -->on Monday."]


UNCLOSED = [
    # an opener nothing closes runs to its line's end and is never cut at its "!" (seg-11, extended)
    ("We met on Tuesday. <!-- mtfix-ignore: MTF105", ["We met on Tuesday.", "<!-- mtfix-ignore: MTF105"]),
    ("We met on Tuesday. <!-- a note! Later. \nThen we left. Fine.",
     ["We met on Tuesday.", "<!-- a note! Later.", "Then we left.", "Fine."]),
    ("<!-- draft\nWe met on Tuesday. Then we left.", ["<!-- draft", "We met on Tuesday.", "Then we left."]),
    ("We met <!-- x --> on Tuesday. <!-- open\nThen we left.",
     ["We met <!-- x --> on Tuesday.", "<!-- open", "Then we left."]),
]


@pytest.mark.parametrize(("text", "expected"), UNCLOSED)
def test_an_unclosed_comment_runs_to_its_line_end_and_is_never_cut(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_segments(text)] == expected


def test_an_unclosed_comment_in_markdown_is_never_cut() -> None:
    text = "We met on Tuesday. <!-- todo! check\n\nThen we left.\n"
    assert _md_segments(text) == ["We met on Tuesday.", "<!-- todo! check", "Then we left."]


def test_many_unclosed_openers_on_a_line_are_one_segment() -> None:
    text = "We met. " + "<!-- a! " * 5000 + "\nThen we left."
    assert [text[s.start : s.end] for s in split_segments(text)] == ["We met.", text[8:text.index("\n") - 1],
                                                                     "Then we left."]


def test_an_unclosed_ignore_directive_still_silences_its_line_only() -> None:
    import mtfix

    text = "We went to the the market. <!-- mtfix-ignore\nWe went to the the market. Then we left.\n"
    doc = to_document(text)
    assert [text[s.start : s.end] for s in doc.segments] == [
        "We went to the the market.", "<!-- mtfix-ignore", "We went to the the market.", "Then we left."]
    findings = mtfix.check(text).findings
    assert findings and all(f.start > text.index("\n") for f in findings)
