"""Reliability, round 44 (session 53): what the readers left unsaid.

A tag never closed inside a Markdown HTML block hid the block's text silently (an HTML page said so since session
52); lists or block quotes nested past markdown-it's 20 levels hid the rest of the file silently (a list item's
range runs to the end of the document); an SRT or WebVTT cue ending before it starts was read without a word.
Each is now a warning naming the file and line; the text around is checked and fixed as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.formats import load
from mtfix.formats.markdown import markdown_spans
from tests.cli_in_process import run_mtfix_in_process as run

NEVER_CLOSED = "{name}: line {line}: a tag or comment is never closed"
TOO_DEEP = "{name}: line {line}: lists or block quotes nested too deep to read (20 levels, a list item counting two)"
BACKWARDS = "{name}: line {line}: the cue ends before it starts"


def _warnings(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"{name}: line ")]


# -- 1. a tag never closed inside a Markdown HTML block ---------------------------------------------------------

#: a link whose attribute MT closed with a curly quote: a browser shows nothing to the block's end
CURLY_BLOCK = "# Timetable\n\nBoats leave hourly.\n\n<div>\n<a href=\"/dock\u201d>Docks</a>\nThe ferry the the late.\n</div>\n"
LATER = "\nThe bus waits for the the boat.\n"


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_never_closed_tag_in_a_markdown_html_block_is_said_once_at_its_line(tmp_path: Path, command: str) -> None:
    text = CURLY_BLOCK + LATER
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    r = run(command, "a.md", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    said = _warnings(r.stdout + r.stderr, "a.md")  # check reports it with the findings, fix on stderr
    assert len(said) == 1 and said[0].startswith(NEVER_CLOSED.format(name="a.md", line=6)), r.stderr
    assert said[0].endswith("a browser shows nothing to line 8, and it is not checked"), said
    if command == "check":
        assert "a.md:10:" in r.stdout and "a.md:7:" not in r.stdout, r.stdout  # after the block: checked
    else:  # the paragraph after the block fixed, the hidden text left as it is
        assert (tmp_path / "a.md").read_text(encoding="utf-8") == CURLY_BLOCK + LATER.replace("the the", "the")


def test_a_never_closed_comment_in_a_quoted_list_block_is_said_at_its_own_line() -> None:
    text = "Intro.\n\n- <div>\n  <p>Shown.</p>\n  <!-- a note\n  Hidden words.\n  </div>\n\n> <div title=\"x\n> y\n\nEnd.\n"
    c = load(text.encode(), "a.md")
    assert [e.split(":", 1)[0] for e in c.errors] == ["line 5", "line 9"], c.errors
    assert c.errors[0].endswith("to line 7, and it is not checked"), c.errors


def test_a_never_closed_tag_after_a_byte_order_mark_is_said_at_the_same_line() -> None:
    text = "\ufeff" + CURLY_BLOCK
    assert [e.split(":", 1)[0] for e in load(text.encode(), "a.md").errors] == ["line 6"]


@pytest.mark.parametrize("text", [
    "<div>\n<a href=\"/dock\">Docks</a>\nThe ferry is late.\n</div>\n",
    "Text with an inline <a href=\"x\u201d>link</a> in it.\n",  # inline HTML, not a block: read as a paragraph
    "```html\n<div title=\"x\n```\n",
    "<!-- a comment\nover lines -->\n",
])
def test_no_note_for_closed_tags_inline_html_code_or_a_closed_comment(text: str) -> None:
    assert load(text.encode(), "a.md").errors == []


# -- 2. nesting past markdown-it's 20 levels --------------------------------------------------------------------

DEEP_LIST = "".join("  " * i + f"- step {i} of the the plan\n" for i in range(14))
AFTER_LIST = "\nThe end of the the plan.\n"


def test_a_list_nested_past_the_limit_is_said_with_the_lines_not_read(tmp_path: Path) -> None:
    """A list item's range runs to the end of the document: the paragraph after the list is not read either, and
    the note says so (line 10, the tenth list, its 20th level, to line 16, the last)."""
    (tmp_path / "a.md").write_text(DEEP_LIST + AFTER_LIST, encoding="utf-8")
    r = run("check", "a.md", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    said = _warnings(r.stdout + r.stderr, "a.md")
    assert said == [TOO_DEEP.format(name="a.md", line=10) + ": the text to line 16 is not read, and it is not "
                    "checked"], r.stderr
    assert "a.md:9:" in r.stdout and "a.md:10:" not in r.stdout, r.stdout
    f = run("fix", "a.md", cwd=tmp_path)
    assert f.rc == 0 and len(_warnings(f.stderr, "a.md")) == 1, f.stderr
    fixed = (tmp_path / "a.md").read_text(encoding="utf-8").splitlines(keepends=True)
    original = (DEEP_LIST + AFTER_LIST).splitlines(keepends=True)
    assert fixed[9:] == original[9:] and fixed[:9] == [s.replace("the the", "the") for s in original[:9]]


def test_a_block_quote_nested_past_the_limit_is_said_and_the_rest_is_read() -> None:
    text = "Top.\n\n" + "> " * 25 + "Deep words.\n" + "\nAfter the quote.\n"
    spans = markdown_spans(text)
    assert [text[r.start:r.end] for r in spans.regions] == ["Top.", "After the quote."]
    assert [text[u.start:u.end] for u in spans.unread] == ["> " * 25 + "Deep words."]
    assert load(text.encode(), "a.md").errors == [
        "line 3: lists or block quotes nested too deep to read (20 levels, a list item counting two): the line is not "
        "read, and it is not checked"]


@pytest.mark.parametrize("text", [
    "".join("  " * i + "- item\n" for i in range(9)),  # 18 levels: read whole (a tenth list is the 20th)
    "> " * 19 + "Deep words.\n",
    "Plain text.\n\n- one\n  - two\n",
])
def test_nesting_within_the_limit_is_read_without_a_note(text: str) -> None:
    spans = markdown_spans(text)
    assert spans.unread == () and load(text.encode(), "a.md").errors == []
    assert text.rstrip().rsplit(" ", 1)[-1].rstrip(".") in text[spans.regions[-1].start:spans.regions[-1].end]


# -- 3. a cue that ends before it starts ------------------------------------------------------------------------

SRT = ("1\n00:00:01,000 --> 00:00:02,500\nThe ferry is late.\n\n"
       "2\n00:00:09,000 --> 00:00:08,000\nThe the boat waits.\n\n"
       "3\n00:00:10,000 --> 00:00:10,000\nIt leaves at noon.\n")


@pytest.mark.parametrize("command", ["check", "fix"])
def test_an_srt_cue_ending_before_it_starts_is_warned_of_and_its_text_checked(tmp_path: Path, command: str) -> None:
    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    r = run(command, "a.srt", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    assert _warnings(r.stdout + r.stderr, "a.srt") == [
        BACKWARDS.format(name="a.srt", line=6) + " (00:00:09,000 --> 00:00:08,000): a player shows it for no time or "
        "not at all; its timing is left as it is"], r.stderr  # cue 3 (no time on screen) is no error: not said
    if command == "check":
        assert "a.srt:7:" in r.stdout and "MTF105" in r.stdout, r.stdout
    else:
        assert (tmp_path / "a.srt").read_text(encoding="utf-8") == SRT.replace("The the", "The")


def test_a_webvtt_cue_ending_before_it_starts_is_warned_of_at_its_timing_line() -> None:
    vtt = "WEBVTT\n\nNOTE times\n\nintro\n01:05.000 --> 01:04.000 line:0\nThe boat waits.\n"
    assert [e.split(":", 1)[0] for e in load(vtt.encode(), "a.vtt").errors] == ["line 6"]


def test_the_language_servers_reparse_after_an_edit_keeps_the_unread_lines() -> None:
    """An edit above a list nested too deep: the window parse would not know of the unread lines; the whole text is
    parsed again (the same spans as a whole parse)."""
    from mtfix.formats.markdown_incremental import reparse, whole_parse

    before = "Intro.\n\n" + DEEP_LIST + AFTER_LIST
    after = before.replace("Intro.", "Intro, edited.")
    again = reparse(after, whole_parse(before))
    assert again.spans == markdown_spans(after) and again.spans.unread and not again.incremental
