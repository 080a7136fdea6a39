"""The repeat scan's sites kept across keystrokes (:mod:`mtfix.rules.detectors.repeat_memo`, session 52).

Differential: chains of random edits on several documents (Markdown, plain text with tables, marks and glued stops, a
PO file, a page, one long paragraph on a line), the sites found with the memo carried along the chain equal those of
a scan of the whole text, and a check of the document with the memo equals one without, finding for finding.  Planted
bugs are shown to be caught: a chunk's sites read from the chunk alone, the whole text's screen read from the chunk's
text, cuts allowed inside a tag, chunks too short for a phrase's copies."""

from __future__ import annotations

import random

import pytest

import mtfix
from mtfix.config import Config
from mtfix.lsp.workspace import build_document
from mtfix.pipeline import Pipeline
from mtfix.rules.detectors import repeat_memo
from mtfix.rules.detectors.repeat_scan import screened, sites_of
from mtfix.segment import BlockMemo
from tests.formats.test_markdown_incremental_s50 import DOCUMENTS as MARKDOWN
from tests.random_edits import random_edit

#: our own plain text: a table in tabs and in spaces, a stop glued to a copy, marks, a tag spanning a blank line
PLAIN = (
    "The ferry left at noon and the crowd on the quay waved as it went out past the breakwater and the light.\n"
    "name\tsize\tname\tsize\nreport.pdf    pdf    report.pdf\n\n"
    "Officials said the new pier will open in spring. The work went on.in in the dark, they said.\n"
    "\u200bThe mayor and the \u200b the council and the harbour board met on Monday to talk about the fees again.\n\n"
    "The boats came back late &nbsp; late in the evening, and the crew tied them up at the old stone quay.\n\n"
    "A <font color=\"red\"\n\nsize=2>the</font> the note in red, written in the margin of the old harbour plan.\n"
    "{\\an8}the the caption, &nbsp; the the text of the cue, and *the* the emphasis at the end of the line.\n"
)
PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#. the greeting on the first page\nmsgid "Welcome to the harbour"\nmsgstr "Welcome to the the harbour"\n\n'
    'msgid "The ferry leaves at noon and returns in the evening after the last call at the island pier"\n'
    'msgstr ""\n"The ferry leaves at noon and and returns in the evening "\n"after the last call at the island pier"\n'
)
LONG = " ".join(f"The board met on day {i} and said the plan for the quay would hold until the spring." for i in range(90))
PAGE = ("<html><body><p>The talks went on. The minister left.</p><p>Dr. Roe spoke. The the crowd cheered.</p>"
        "<p>Prices rose in the the north. e.g. bread.</p></body></html>\n")
DOCS = [*((d, "a.md", "markdown") for d in MARKDOWN), (PLAIN, "a.txt", "text"), (PO, "a.po", "text"),
        (LONG + "\n", "b.txt", "text"), (PAGE, "a.html", "html")]
PIECES = ["x", " again", "the the ", " in the in the", "\n", "\n\n", "\u200b", " <b>", "</b> ", "<span class=x>",
          " <", "> ", "*", "_", "{\\an8}", " &nbsp; ", "left.in in ", "  ", "\t", " the\n\nthe ", ". ", "the", " the",
          "ha ha ha ", "<!-- c -->", "**", "~"]


def _edit(rng: random.Random, text: str) -> str:
    return random_edit(rng, text, PIECES, insert=0.65, delete=0.9)


def _mismatches(seed: int, steps: int = 40, memo: BlockMemo | None = None) -> int:
    rng, wrong = random.Random(seed), 0
    memo = BlockMemo() if memo is None else memo
    for text, _, _ in DOCS:
        for _ in range(steps):
            text = _edit(rng, text)
            lower = text.lower()
            screens = screened(lower)
            wrong += repeat_memo.memoised_sites(lower, screens, memo) != sites_of(lower, screens)
    return wrong


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_with_the_memo_equal_a_whole_scan(seed: int) -> None:
    memo = BlockMemo()
    assert _mismatches(seed, memo=memo) == 0
    assert len(memo.stages["loop_sites"].chunks) > 50  # the memo was used, not bypassed


def test_a_check_with_the_memo_equals_one_without() -> None:
    """Through the pipeline, as the server checks (its memo carried along the chain of edits): the same findings."""
    rng, memo = random.Random(11), BlockMemo()
    with Pipeline(Config(grammar="off")) as pipeline:
        for text, path, kind in DOCS[-4:]:
            for _ in range(12):
                text = _edit(rng, text)
                fresh = pipeline.check(build_document(text, path, kind)).findings
                assert pipeline.check(build_document(text, path, kind, None, memo)).findings == fresh


def test_an_unchanged_chunk_is_read_from_the_memo() -> None:
    memo = BlockMemo()
    lower = PLAIN.lower() * 3
    screens = screened(lower)
    repeat_memo.memoised_sites(lower, screens, memo)
    store = memo.stages["loop_sites"]
    kept = set(store.chunks)
    edited = lower.replace("the work went on", "the work went on again", 1)
    assert repeat_memo.memoised_sites(edited, screens, memo) == sites_of(edited, screens)
    assert 1 <= len(set(store.chunks) - kept) <= 2  # the edited chunk and the one before it


def test_a_small_memo_is_emptied_and_still_right() -> None:
    memo = BlockMemo()
    memo.stages["loop_sites"] = repeat_memo.LoopMemo(size=3, chars=20_000)
    assert _mismatches(5, steps=8, memo=memo) == 0
    store = memo.stages["loop_sites"]
    assert len(store.chunks) <= 3 and store.chunks.load <= 20_000 or len(store.chunks) == 1


def test_a_text_over_half_the_budget_is_scanned_whole_and_kept_out() -> None:
    """Each chunk's key holds the next chunk too, so a text over half the store's characters would empty it on every
    call (the review measured 3-4x a whole scan's time at 1.2 MB): such a text is scanned whole, the store untouched."""
    memo = BlockMemo()
    memo.stages["loop_sites"] = repeat_memo.LoopMemo(chars=len(LONG))
    lower = LONG.lower()
    assert repeat_memo.memoised_sites(lower, screened(lower), memo) == sites_of(lower, screened(lower))
    assert len(memo.stages["loop_sites"].chunks) == 0


def test_keystrokes_in_one_long_paragraph_keep_few_characters() -> None:
    """A paragraph pasted on one line is cut at its sentence stops: a keystroke keeps a chunk or two again, not the
    paragraph (the session 51 review's concern, for the block memo)."""
    memo = BlockMemo()
    lower = LONG.lower()
    screens = screened(lower)
    repeat_memo.memoised_sites(lower, screens, memo)
    store = memo.stages["loop_sites"]
    before = store.chunks.load
    for i in range(10):
        edited = lower[:4000 + i] + "x" + lower[4000 + i:]
        assert repeat_memo.memoised_sites(edited, screens, memo) == sites_of(edited, screens)
    assert store.chunks.load - before < 10 * 1_000


_SCAN = repeat_memo._chunk_scan


@pytest.mark.parametrize("bug", ["chunk-alone", "screen-of-the-chunk", "cut-inside-a-tag", "short-chunks"])
def test_a_planted_bug_is_caught(bug: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if bug == "chunk-alone":  # the chunk after it not read
        monkeypatch.setattr(repeat_memo, "_chunk_scan", lambda key: _SCAN((key[0], key[1], "", key[3])))
    elif bug == "screen-of-the-chunk":  # what the whole text holds asked of the chunks
        monkeypatch.setattr(repeat_memo, "_chunk_scan", lambda key: _SCAN((*key[:3], screened(key[1] + key[2]))))
    elif bug == "cut-inside-a-tag":
        monkeypatch.setattr(repeat_memo, "_outside_tags", lambda lower, cuts: cuts)
    else:
        monkeypatch.setattr(repeat_memo, "_MIN_TOKENS", 2)
    assert sum(_mismatches(seed, steps=40) for seed in range(2)) > 0


def test_an_ascii_separator_is_a_token_break_for_the_sites_as_for_the_scan() -> None:
    """``str.split`` cuts at ``\\x1c``-``\\x1f`` but ``regex``'s ``\\s`` does not: each separator before a repeat moved
    its site a token on, and MTF105 was missed (the review of session 52; en-generic 1.53)."""
    text = "Codes a\x1cb\x1cc\x1cd\x1ce\x1cf are kept. He saw the the gate. Then they all went home.\n"
    found = [(f.code, text[f.start:f.end]) for f in mtfix.check(text, grammar="off").findings if f.code == "MTF105"]
    assert found == [("MTF105", " the")], found
