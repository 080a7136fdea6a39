"""Markdown HTML blocks by CommonMark type (session 44, RF3): only a type-6 block (a block-level tag name such as
``<div>``, ``<p>``, ``<details>``, ``<table>``) is read as a page's text; types 1-5 (``<pre>``, comments, ``<?``,
``<!DOCTYPE``, CDATA) stay protected whole.  Since session 45 type 7 (any other complete tag alone on its line,
``<img …>``, ``<span>``, which runs to the next blank line) is read as type 6 is (its text as a paragraph's would be,
tests/reliability/test_reliability_round36_s45.py).  Markdown syntax a writer put in a type-6 block's text (``**``, links,
backticks) is protected as in a paragraph, never read as words."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.formats.markdown import markdown_spans
from tests.cli_runner import run_mtfix

MUST_LEAVE = [
    # type 7: an image tag alone on its line, then text with emphasis and a link (no blank line between)
    '<img src="logo.png">\nOur team ships **two** fresh builds and a [changelog](https://example.com/log) each week.\n',
    # type 7: an inline tag alone on its line, then a code span holding a repeat
    '<span class="tip">\nRun `make the the docs` before you push your branch.\n',
    # type 1: pre keeps its text verbatim
    "<pre>\nprint the the value\n</pre>\n",
    # type 2: a comment running over lines
    "<!--\ndraft: the the old wording\n-->\n",
    # type 6 whose text holds Markdown syntax: markers and destinations are never words
    "<div>\nOur app saves **every** draft you write, as the [manual](https://example.com/a_b) says. You can name a"
    " file `the the.txt` if you __really__ want to.\n</div>\n",
]


@pytest.mark.parametrize("text", MUST_LEAVE)
def test_no_finding_and_fix_changes_nothing(tmp_path: Path, text: str) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(text.encode())
    run = run_mtfix("check", f)
    assert run.rc == 0 and "MTF" not in run.stdout and "0 findings" in run.stderr, run.stdout + run.stderr
    assert run_mtfix("fix", f).rc == 0
    assert f.read_bytes() == text.encode()


@pytest.mark.parametrize("text", MUST_LEAVE[2:4])
def test_blocks_of_types_1_to_5_are_no_region(text: str) -> None:
    assert markdown_spans(text).regions == []


def test_markdown_syntax_in_a_type_6_blocks_text_is_protected() -> None:
    text = MUST_LEAVE[4]
    spans = markdown_spans(text)
    assert [text[r.start:r.end] for r in spans.regions] == [text[6:-8]]
    shown = [text[p.start:p.end] for p in spans.protected]
    for mark in ("`the the.txt`", "**", "[", "](https://example.com/a_b)", "__"):
        assert mark in shown, shown
    assert "`the the.txt`" in [text[o.start:o.end] for o in spans.opaque]


MUST_FIX = [
    # (file text, after fix): a repeat in a type-6 block is still found and fixed, the rest byte-identical
    ("<div>\nThe cat sat on the the mat.\n</div>\n", "<div>\nThe cat sat on the mat.\n</div>\n"),
    ("Intro line.\n\n<details>\nWe keep **all** the the spare keys here.\n</details>\n\nThe end.\n",
     "Intro line.\n\n<details>\nWe keep **all** the spare keys here.\n</details>\n\nThe end.\n"),
    ("<P align=\"center\">\r\nA bird sat on the the wall.\r\n</P>\r\n",
     "<P align=\"center\">\r\nA bird sat on the wall.\r\n</P>\r\n"),
]


@pytest.mark.parametrize(("text", "fixed"), MUST_FIX)
def test_a_repeat_in_a_type_6_block_is_found_and_fixed(tmp_path: Path, text: str, fixed: str) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(text.encode())
    run = run_mtfix("check", f)
    assert "MTF105" in run.stdout, run.stdout + run.stderr
    assert run_mtfix("fix", f).rc == 0
    assert f.read_bytes() == fixed.encode()


def test_the_segmentation_revision_is_bumped():
    from mtfix import segment

    assert int(segment.REVISION.removeprefix("seg-")) >= 19
