"""bench/doubled_words.py and bench/pe_moves.py (session 54, issue 11): the context a doubled lower-case word is
counted in, and the character-level edit distance shown beside the harness's TER.  Examples written for this test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import doubled_words as dw  # noqa: E402
import pe_moves as pm  # noqa: E402
from eval_data import shared_dir  # noqa: E402


def _contexts(text: str) -> list[tuple[str, str, str]]:
    return [(band, ctx, word) for band, ctx, word, _ in dw.hits(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials toured the eastern eastern districts on Monday.", [("7+", "after a determiner", "eastern")]),
    ("Prices rose sharply sharply after the storm.", [("7+", "other prose", "sharply")]),
    ("Ornithologists ringed Passer montanus montanus chicks.",
     [("7+", "Latin-looking after a capital", "montanus")]),
    ("Ornithologists ringed Parus major major chicks.", [("5-6", "after a capitalised word", "major")]),
    ("What mattered mattered to nobody else.", [("7+", "subject clause (wh-word X X)", "mattered")]),
    ("I think what mattered mattered most.", [("7+", "subject clause (wh-word X X)", "mattered")]),
    ("The fans chanted forward forward forward until dusk.", [("7+", "repeated-chant line", "forward")]),
    ("stations stations count", [("7+", "line start", "stations")]),
    ("Depot   regional   regional   12", [("7+", "in a column", "regional")]),
    ("value = compute(limit limit)", [("5-6", "code-like line", "limit")]),
    ("The meeting closed early early.", [("5-6", "line end", "early")]),
    ("The Ministry said nothing.", []),
    ("She wrote re-read read twice.", []),  # a hyphenated copy is not a doubled word
])
def test_each_doubled_lower_case_word_is_counted_in_its_first_context(text: str, expected: list) -> None:
    assert _contexts(text) == expected


def test_a_capitalised_copy_is_not_a_doubled_lower_case_word() -> None:
    assert _contexts("Harbour Harbour lights were dim.") == []


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("kitten", "sitting", 3), ("5 %", "5%", 1), ("Flaw", "lawn", 2),
])
def test_character_distance_is_the_levenshtein_distance(a: str, b: str, distance: int) -> None:
    assert pm.char_distance(a, b) == distance == pm.char_distance(b, a)


def test_closing_up_a_space_before_a_percent_sign_is_closer_by_characters() -> None:
    post_edit = "Turnout reached 64% in the north."
    before, after = "Turnout reached 64 % in the north.", post_edit
    assert pm._move(pm.char_distance(before, post_edit), pm.char_distance(after, post_edit)) == "closer"


def test_the_table_needs_the_shared_data() -> None:
    if not (shared_dir() / "benchmarks").is_dir():
        pytest.skip(f"benchmark data not found in {shared_dir()} (set MTFIX_SHARED)")
    assert dw.main([]) == 0
