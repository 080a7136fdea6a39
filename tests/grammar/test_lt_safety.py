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


# -- session 19: a speller's English word for a foreign, untranslated or name-like word --------------

def _spelling(word: str, *replacements: str, at: int) -> LTMatch:
    return LTMatch("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.",
                   replacements, at, len(word))


def _mapped(text: str, word: str, *replacements: str, source: str | None = None):
    from mtfix.grammar.mapping import map_matches
    from mtfix.segment import to_document

    doc = to_document(text, source=source)
    (f,) = map_matches(doc, 0, [_spelling(word, *replacements, at=text.index(word))])
    return f


@pytest.mark.parametrize(("text", "word", "replacements", "source"), [
    # a currency English prints, about as common as the speller's word: "lari" is no typo of "lair"
    ("A bottle sells for 15 lari in shops.", "lari", ("lair", "lark"), None),
    ("The fee is 40 manat a month.", "manat", ("manta", "mana"), None),
    # a word copied from the source is untranslated, not misspelt
    ("The bread is baked in a tandir oven.", "tandir", ("tandem",), "Çörək tandir sobasında bişirilir."),
    # letters outside the English alphabet: a source-language word
    ("It costs 50 qəpik now.", "qəpik", ("quip",), None),
    # session 19, review of the later code: untranslated words that only look like a British -re or
    # -oe spelling of a common English word ("entre" is not "enter" spelled the British way)
    ("The talks entre the two sides went on.", "entre", ("enter",), None),
    ("He wrote a note sobre the harvest.", "sobre", ("sober",), None),
    ("The sign said votre place here.", "votre", ("voter",), None),
])
def test_a_speller_word_for_a_foreign_or_untranslated_word_is_only_a_suggestion(text, word, replacements, source):
    f = _mapped(text, word, *replacements, source=source)
    assert f.fix is FixSafety.NONE and not f.edits
    assert f.suggestions[0] == replacements[0]


@pytest.mark.parametrize(("text", "word", "replacement"), [
    # a typo far rarer than its correction stays an unsafe fix
    ("We will recieve the report.", "recieve", "receive"),
    ("The goverment met.", "goverment", "government"),
    ("The minstry said so.", "minstry", "ministry"),
    ("Thehighway was closed.", "Thehighway", "The highway"),
    # session 19 review: web text prints these slips often (within TYPO_GAP of the correction), but a
    # doubled or single letter, or a lost apostrophe, is a typo's, never a foreign word's
    ("The incident occured at night.", "occured", "occurred"),
    ("The accomodation was booked.", "accomodation", "accommodation"),
    ("A new millenium began.", "millenium", "millennium"),
    ("The prefered option won.", "prefered", "preferred"),
    ("We dont know yet.", "dont", "don't"),
    # a curly apostrophe is no letter outside the English alphabet
    ("The goverment’s plan failed.", "goverment’s", "government’s"),
    # British spellings under en-US: an English word in another convention, not a foreign word
    ("A grey day followed.", "grey", "gray"),
    ("The theatre reopened.", "theatre", "theater"),
    ("They organised a vote.", "organised", "organized"),
    ("Her labour was paid.", "labour", "labor"),
    ("The foetus was healthy.", "foetus", "fetus"),
    ("The lustre faded.", "lustre", "luster"),
])
def test_a_typo_keeps_its_fix_safety(text, word, replacement):
    f = _mapped(text, word, replacement)
    expected = fix_safety(_spelling(word, replacement, at=0), word)
    assert f.fix is expected and (expected is FixSafety.NONE or f.edits[0].replacement == replacement)
    if word.islower():
        assert f.fix is FixSafety.UNSAFE
