"""Reliability round 39 (session 48): a word "repeated" across a tab is two cells of a table, not a doubled word.

MTF105 read a tab between two copies as a space ("Flour⇥the⇥the rest" → "Flour⇥the rest": a cell lost); MTF106 read a
row of equal cells as a loop and its safe fix kept one cell ("Kyiv⇥low⇥low⇥low" → "Kyiv⇥low"); LanguageTool's twins
(ENGLISH_WORD_REPEAT_RULE, PHRASE_REPETITION) did the same.  A repeat inside one cell is still found and fixed.  Also
here: MTF105's wrapped-line test reads its lines within the sentence (it counted the sentence before's words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.grammar.client import LTMatch
from mtfix.grammar.mapping import MAPPING_REVISION, map_matches
from mtfix.pipeline import Pipeline
from mtfix.rules.pack import load_bundled
from mtfix.segment import to_document
from tests.cli_runner import check_then_fix

LEAVE = [
    "Flour\tthe\tthe rest of the order\n",  # the row of a two-column sheet
    "Step\tor\tor later\n",
    "Oats\tand\t\tand barley\n",  # an empty cell between
    "Kyiv\tlow\tlow\tlow\tlow\n",  # a row of equal cells
    "Region\tQ1\tQ2\tQ3\nNorth\tn/a\tn/a\tn/a\nSouth\tfair\tfair\tfair\n",
    "Milk\tthe\t<b>the</b> carton\n",  # a formatted cell
    "Rice\tthe \tthe grain\n",  # a space before the tab
]


@pytest.mark.parametrize("text", LEAVE)
def test_copies_parted_by_a_tab_are_cells_and_are_left_alone(tmp_path: Path, text: str) -> None:
    out, after = check_then_fix(tmp_path, "sheet.txt", text, "--unsafe-fixes")
    assert "MTF105" not in out and "MTF106" not in out, out
    assert after == text.encode()


@pytest.mark.parametrize(("text", "fixed"), [
    ("Flour\tthe the rest of the order\n", "Flour\tthe rest of the order\n"),  # doubled inside one cell
    ("We bought the the bread.\tPaid\n", "We bought the bread.\tPaid\n"),
    ("Grain\twheat wheat wheat wheat exports\n", "Grain\twheat exports\n"),  # a loop inside one cell
    ("They signed an an agreement in May.\n", "They signed an agreement in May.\n"),  # prose as before
])
def test_a_repeat_inside_one_cell_is_still_fixed(tmp_path: Path, text: str, fixed: str) -> None:
    out, after = check_then_fix(tmp_path, "sheet.txt", text)
    assert "MTF105" in out or "MTF106" in out, out
    assert after == fixed.encode()


def test_the_pack_revision_names_the_change() -> None:
    assert tuple(map(int, load_bundled("en-generic").version.split("."))) >= (1, 49)  # 1.50: session 49's glued copy
    assert MAPPING_REVISION >= 7  # 8: session 49's code-like words


@pytest.mark.parametrize(("rule", "text", "at", "length", "kept"), [
    ("ENGLISH_WORD_REPEAT_RULE", "Flour\tthe\tthe rest", 6, 7, False),
    ("PHRASE_REPETITION", "Kyiv\tlow\tlow\tlow", 5, 11, False),
    ("ENGLISH_WORD_REPEAT_RULE", "Flour\tthe the rest", 6, 7, True),  # one cell: kept
    ("UPPERCASE_SENTENCE_START", "flour\tthe\tthe rest", 0, 5, True),  # another rule: kept
])
def test_languagetools_repeat_rules_across_a_tab_are_dropped(rule: str, text: str, at: int, length: int,
                                                              kept: bool) -> None:
    """The mapping drops LanguageTool's repetition matches across a tab (a faked match: the real server is tested in
    tests/grammar; this is which matches become findings)."""
    match = LTMatch(rule, "MISC", "duplication", "repeated", (text[at:at + 3],), at, length)
    found = map_matches(to_document(text), 0, [match])
    assert bool(found) is kept


@pytest.mark.parametrize("text", [
    "Yes. On the\nthe mat he sat.\n",  # two words of the sentence on the first line: not wrapped prose
    "It rained.\tOn a\na roof.\n",
])
def test_a_wrapped_line_is_read_within_its_sentence(pipeline: Pipeline, text: str) -> None:
    """The finding is the same in the document as in the sentence alone (MTF105 is declared ``segment``)."""
    doc = pipeline.check(text)
    sentence = text[text.index("On"):]
    alone = pipeline.check(sentence)
    shift = text.index("On")
    assert [(f.start - shift, f.code) for f in doc.findings if f.code == "MTF105"] == \
        [(f.start, f.code) for f in alone.findings if f.code == "MTF105"] == []


def test_a_wrapped_line_of_three_words_in_its_sentence_is_still_found(pipeline: Pipeline) -> None:
    text = "Yes. We sat on the\nthe mat.\n"
    assert pipeline.fix(text).text == "Yes. We sat on the\nmat.\n"
