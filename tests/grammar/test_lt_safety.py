"""Which LanguageTool suggestions `mtfix fix` applies: the allow-list's own limits (no server needed)."""

from __future__ import annotations

import pytest

from mtfix.grammar.client import LTMatch
from mtfix.grammar.mapping import fix_safety, safe_fixes
from mtfix.model import FixSafety
from mtfix.rules.pack import load_bundled


def _repeat(word: str) -> LTMatch:
    return LTMatch("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Possible typo: you repeated a word",
                   (word,), 0, len(word) + 1)


@pytest.mark.parametrize(("word", "safety"), [
    ("the", FixSafety.SAFE), ("and", FixSafety.SAFE), ("their", FixSafety.SAFE),
    ("was", FixSafety.UNSAFE), ("can", FixSafety.UNSAFE), ("in", FixSafety.UNSAFE), ("mahi", FixSafety.UNSAFE),
])
def test_a_doubled_word_is_a_safe_fix_only_where_mtf105_says_so(word, safety):
    """LanguageTool's word-repeat rule follows MTF105's list ("What it was was", "came in in March")."""
    assert fix_safety(_repeat(word), f"{word} {word}") is safety


def test_the_lists_are_one():
    mtf105 = next(r for r in load_bundled("en-generic").rules if r.code == "MTF105")
    assert safe_fixes()["ENGLISH_WORD_REPEAT_RULE"].words == {w.lower() for w in mtf105.params["safe"]}
