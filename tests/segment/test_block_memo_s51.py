"""The language server's memo of the blocks it split into sentences (:class:`mtfix.segment.BlockMemo`, session 51):
on each keystroke only the blocks whose text changed are cut again.  Differential: chains of random edits on several
documents (Markdown, plain text with lines going on after an abbreviation, invisible marks, HTML comments, a page),
each document built with the memo carried along the chain equals the document built from scratch, byte for byte
(text, segments, meta: the forced cuts and lower-case starts included).  Two planted bugs are shown to be caught:
a memo keyed by the first characters of a block only, and one keyed by its last characters only.  (The
key holds where a line ending in an abbreviation goes on, ``goes_on``, as the splitter reads it; no edit here made a
block of the same text with another ``goes_on``, so a memo blind to it is not shown to be caught.)"""

from __future__ import annotations

import random

import pytest

from mtfix.lsp.workspace import build_document
from mtfix.segment import BlockMemo, split_segments
from tests.formats.test_markdown_incremental_s50 import DOCUMENTS as MARKDOWN
from tests.random_edits import random_edit

#: our own plain text: wrapped lines, one ending in an abbreviation ("Hon.⏎John"), invisible marks, a comment
PLAIN = (
    "The speech at the harbour was given on Monday by the Hon.\nJohn Vesper, who spoke for an hour about the\n"
    "ferries and the new pier. It rained. The crowd stayed.\n\n"
    "Dr. Amina Roe said the pier would open in May. \u200bThe mayor agreed.\u200b She left early.\n\n"
    "Prices rose 4.5 per cent. e.g. bread and milk cost more. the vendors said so.\n\n"
    "A note <!-- kept. Whole. --> ends here. Then the talks went on.\n"
)
PAGE = ("<html><body><p>The talks went on. The minister left.</p><p>Dr. Roe spoke. The the crowd cheered.</p>"
        "<p>Prices rose. e.g. bread.</p></body></html>\n")
DOCS = [*((d, "a.md", "markdown") for d in MARKDOWN), (PLAIN, "a.txt", "text"), (PAGE, "a.html", "html")]
PIECES = ["x", " again", ". ", "Dr. ", "Hon.\n", "\n", "\n\n", "\u200b", '"', "<!-- c. -->", "e.g. ", "U.S. ", " and. so",
          "(", ")", "the the ", "?", "\u2026 ", "- ", "# "]


def _edit(rng: random.Random, text: str) -> str:
    return random_edit(rng, text, PIECES, insert=0.6, delete=0.85)


def _built(text: str, path: str, kind: str, memo: BlockMemo | None) -> tuple:
    doc = build_document(text, path, kind, None, memo)
    return doc.text, [(s.start, s.end) for s in doc.segments], repr(sorted(doc.meta.items()))


def _mismatches(memo: BlockMemo, seed: int, steps: int = 40) -> int:
    rng, wrong = random.Random(seed), 0
    for text, path, kind in DOCS:
        for _ in range(steps):
            text = _edit(rng, text)
            try:
                fresh = _built(text, path, kind, None)
            except RecursionError:  # the Markdown reader's defect on an HTML block with an open quote (base too:
                continue  # '<div a="b c\n</div>' fails `mtfix check` alike), not the memo's; noted in RESULTS.md
            wrong += _built(text, path, kind, memo) != fresh
    return wrong


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_with_the_memo_equal_a_fresh_build(seed: int) -> None:
    memo = BlockMemo()
    assert _mismatches(memo, seed) == 0
    assert len(memo.blocks) > 100  # the memo was used, not bypassed


def test_an_unchanged_block_is_read_from_the_memo() -> None:
    memo = BlockMemo()
    text = PLAIN
    _built(text, "a.txt", "text", memo)
    kept = dict(memo.blocks)
    _built(text.replace("It rained.", "It rained again."), "a.txt", "text", memo)
    assert set(memo.blocks) - set(kept)  # the edited block split again
    assert len(set(memo.blocks) - set(kept)) == 1


def test_a_small_memo_is_emptied_and_still_right() -> None:
    memo = BlockMemo(size=3)
    assert _mismatches(memo, 7, steps=10) == 0 and len(memo.blocks) <= 3


def test_keystrokes_in_one_long_paragraph_keep_at_most_chars_of_text() -> None:
    """The review's case (session 51): each keystroke in one long pasted paragraph keeps the whole paragraph again;
    the memo is emptied before it holds more than ``chars`` characters, and still splits as a fresh split does."""
    text = "The board said the plan would hold. It was signed on Monday by the mayor and the council. " * 200
    memo = BlockMemo(chars=50_000)
    for i in range(12):
        edited = text[:900 + i] + "x" + text[900 + i:]
        assert split_segments(edited, memo=memo) == split_segments(edited)
        assert memo.held <= 50_000 and memo.held == sum(len(k[0]) for k in memo.blocks)


class _Planted(BlockMemo):
    """A planted bug: the memo's key read through ``shown`` (a block's first or last characters only)."""

    def __init__(self, shown) -> None:  # noqa: ANN001
        super().__init__()
        self.shown = shown

    def get(self, key):  # noqa: ANN001, ANN201
        return super().get((self.shown(key[0]), key[1], key[2]))

    def put(self, key, found) -> None:  # noqa: ANN001
        super().put((self.shown(key[0]), key[1], key[2]), found)


@pytest.mark.parametrize("shown", [lambda block: block[:24], lambda block: block[-24:]],
                         ids=["first-characters", "last-characters"])
def test_a_planted_bug_is_caught(shown) -> None:  # noqa: ANN001
    assert _mismatches(_Planted(shown), 0) > 0
