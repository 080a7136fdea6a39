"""The review page's blocks around Markdown block markup (session 26): a table cell's pipes, a table's
alignment row, fenced code, an HTML block and front matter are markup around the sentences (text only, no
offsets), never the text of the sentence before."""

from __future__ import annotations

from mtfix.config import Config
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline
from mtfix.review.proposals import review_input
from mtfix.review.report import blocks


def _blocks(name: str, text: str) -> list[tuple]:
    fr = review_input(Pipeline(Config(grammar="off")), Input(name, text.encode("utf-8")))
    unit = fr.units[0]
    cut = unit.check.document.text
    return [(cut[b[0] : b[1]], b[3], b[5], b[7], b[8], b[9] if len(b) > 9 else None) for b in blocks(unit)]


def test_a_table_in_a_block_quote_with_crlf_reads_cell_by_cell():
    text = "> | Town | Note |\r\n> |---|---|\r\n> | Baku | The road was closed. |\r\n\r\nA last line here.\r\n"
    assert _blocks("q.md", text) == [
        ("Town", True, "> |", "|", None, None),
        ("Note", False, None, "|", None, None),
        ("Baku", True, "> |", "|", "> |---|---|", None),
        ("The road was closed.", False, None, "|", None, None),
        ("A last line here.", True, None, None, None, None),
    ]


def test_markup_after_the_last_sentence_goes_with_it():
    text = "Intro line here.\n\n| A | B |\n|---|---|\n| One cell. | Two cells. |\n\n```\ncode\n```\n"
    assert _blocks("t.md", text)[-1] == ("Two cells.", False, None, "|", None, "```\ncode\n```")


def test_plain_text_blocks_are_as_before():
    text = "First sentence here. Second one.\nhttps://example.com/a\n* * *\n"
    assert [(b[0], b[2], b[3], b[4], b[5]) for b in _blocks("p.txt", text)] == [
        ("First sentence here.", None, None, None, None),
        ("Second one.\nhttps://example.com/a", None, None, None, None),
        ("* * *", None, None, None, None),
    ]


def test_a_sentence_after_a_row_of_extra_cells_starts_its_line():
    """A table row with more cells than its header (GFM drops the extra ones: the checker skips them, the
    page showed them as the text of the row's first cell, up to the next row's "|") left the next row's first
    cell "on the same line" (the line break was inside the block shown before), so the page drew it as the
    cell after it, and a screen reader heard it as a later part of that cell.  The dropped cells are now the
    markup after the sentence, as its pipes are (session 27)."""
    text = "| Town | Note |\n|---|---|\n| Şəki |  | Talks went on. |\n| Quba | Talks ended. |\n"
    got = _blocks("t.md", text)
    assert [(b[0], b[1]) for b in got] == [
        ("Town", True), ("Note", False), ("Şəki", True), ("Quba", True), ("Talks ended.", False)], got
    # the dropped cells are markup after the sentence, with its pipes (text only, never post-edited)
    assert got[2][2:4] == ("|", "|  | Talks went on. |"), got
