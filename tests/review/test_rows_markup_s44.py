"""The review page's rows around an HTML block of Markdown (session 44): the block's text is read as a page's, and
whatever the format's reader skips as markup (a block's leading tags, the previous block's code fence, a cell's
closing tags) is markup around a sentence's row, never its text."""

from __future__ import annotations

import pytest

from tests.review.test_blocks_markup import _blocks

CASES = [
    # (file text, the rows' sentences in order)
    ("- Second item.\n\n```text\ncode the the here\n```\n\n<table>\n<tr><td>A cell of the the table.</td></tr>\n"
     "</table>\n\nAfter it the the text went on.\n",
     ["Second item.", "A cell of the the table.", "After it the the text went on."]),
    ("<p>One line of the the page.</p>\n\nThen prose.\n", ["One line of the the page.", "Then prose."]),
    ("Intro.\n\n<table><tr><td>A cell.</td><td>Other the the cell.</td></tr></table>\n",
     ["Intro.", "A cell.", "Other the the cell."]),
    ("# Notes\n\n<details>\n<summary>More about the the garden</summary>\n\nIt is green.\n\n</details>\n",
     ["Notes", "More about the the garden", "It is green."]),
]


@pytest.mark.parametrize(("text", "sentences"), CASES)
def test_no_row_of_an_html_block_carries_markup(text: str, sentences: list[str]) -> None:
    rows = _blocks("a.md", text)
    assert [r[0] for r in rows] == sentences, rows


def test_a_cells_tags_are_markup_before_and_after_its_sentence() -> None:
    rows = _blocks("a.md", CASES[0][0])
    # (text, new line, marker before, tail after, markup lines before)
    assert rows[1][:5] == ("A cell of the the table.", True, "<tr><td>", "</td></tr>", "```text\ncode the the here\n```\n\n<table>")
    assert rows[2][4] == "</table>"


def test_plain_text_that_looks_like_a_tag_stays_the_sentences_text() -> None:
    """Plain text has no reader's markup: "<b>" there is text, shown with its sentence (precision guard)."""
    rows = _blocks("a.txt", "First one.\n<b> Then the the second.\n")
    assert [r[0] for r in rows] == ["First one.", "<b> Then the the second."], rows
