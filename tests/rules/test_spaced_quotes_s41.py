"""MTF127's narrower safe form (en-generic 1.37, session 41): the spaces inside a pair of straight quotation
marks are a safe fix where the pairing is clear and the quoted text is no padded literal; unsafe elsewhere.

Own sentences only.  The clean near-misses are professional-looking sentences the safe form nearly matches:
``fix`` (safe fixes) must leave every one of them byte-identical.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.rules.detectors.quotes import clear_pairing, padded_literal


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


def _mtf127(pipeline: Pipeline, text: str) -> list[FixSafety]:
    return [f.fix for f in pipeline.check(text).findings if f.code == "MTF127"]


@pytest.mark.parametrize(("text", "fixed"), [
    ('The village takes its name from the word " orchard " in the old dialect.',
     'The village takes its name from the word "orchard" in the old dialect.'),
    ("Locals still call the square ' the old market ' today.", "Locals still call the square 'the old market' today."),
    ('" Harvest Moon " was the band\'s first record.', '"Harvest Moon" was the band\'s first record.'),
    # a word's own apostrophe ("Lena's") is no quotation mark: one pair is left
    ("Lena's ' blue period ' ended in 1911.", "Lena's 'blue period' ended in 1911."),
    # two clear pairs, first and second, third and fourth
    ('The banners read " water " and " bread " in large letters.',
     'The banners read "water" and "bread" in large letters.'),
])
def test_a_clear_pair_around_words_is_a_safe_fix(safe, text, fixed):
    assert _mtf127(safe, text) and set(_mtf127(safe, text)) == {FixSafety.SAFE}
    assert safe.fix(text).text == fixed


@pytest.mark.parametrize(("text", "why"), [
    ('To join the names, type " and " between them.', "one function word: a joining literal"),
    ('Search for " NOT " to leave a word out.', "an operator, in capitals"),
    ('The fields are separated by " :: " in the export.', "no letter: a separator"),
    ("The critic Ann Lee ' of the ' Daily Post ' liked the play.", "three marks: which two pair is unclear"),
    ("In 1998 ' Green Hill ' 2 came out, the sequel to ' Green Hill '.", "the pair is the second and third mark"),
    ("The form ' ' ' Annual Report ' ' is missing.", "marks side by side"),
    ('The tool trims " red apple " to "red apple" on save.', "the same text quoted without the spaces too"),
    ('The script calls print(" Hello world ") first.', "a call's argument after a bracket"),
    ('Enter " New York " with a space at each end.', "the sentence speaks of spacing"),
])
def test_a_doubtful_pair_keeps_an_unsafe_fix(safe, text, why):
    assert _mtf127(safe, text), why
    assert FixSafety.SAFE not in _mtf127(safe, text), why
    assert safe.fix(text).text == text, why
    assert safe.fix(text, unsafe=True).text != text, why


#: eighteen clean sentences the safe form nearly matches: quotes, apostrophes, inch marks, a mark spaced on one
#: side, padded literals.  Safe fixes leave them all byte-identical.
NEAR_MISSES = [
    'The committee called the plan "a fair deal" and voted for it.',
    "The players' union said the deal was 'a step back' for its members.",
    'She said "yes" and then " no" to the second offer.',
    'The pipe is 12" wide and the flange 10" across.',
    "Rock 'n' roll reached the town in the 1950s.",
    'The manual says to type " or " between the two search terms.',
    "The boys ' club and the girls ' club met on Friday.",
    'Set the separator to " | " before exporting the table.',
    'He wrote "open" on the left door and "closed " on the right one.',
    'The guide trims " Main Street " to "Main Street" when it saves an address.',
    # literals of technical text (en-generic 1.38): each is a clear pair the pattern matches, kept unsafe by what
    # the quoted text is: a character prose does not quote, capitals, a program's value
    'The filter " \\d+ " keeps the rows whose code is a number.',
    'Each failed job writes " ERROR  " at the head of its log.',
    'The last row of the sheet is labelled " Total: " in bold.',
    'To go up one folder, run " cd .. " in the terminal.',
    'Fields with no answer show " N/A " in the report.',
    'The dialog closes when you press " OK " at the bottom.',
    'Leave the brightness at " auto " unless the screen flickers.',
    'The service prints its warnings to " stdout " by default.',
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_clean_near_misses_are_left_byte_identical(safe, text):
    assert safe.fix(text).text == text
    assert FixSafety.SAFE not in _mtf127(safe, text)


def test_the_pairing_counts_marks_not_apostrophes_inside_words():
    text = "Anna's ' new ' song and Tom's ' old ' one"
    first, second = text.index("' new"), text.index("' song")
    assert clear_pairing(text, 0, len(text), "'", first, second)
    third = text.index("' old")
    assert not clear_pairing(text, 0, len(text), "'", second, third)  # a closing and an opening mark


def test_a_padded_literal_is_a_function_word_or_has_no_letter():
    assert [padded_literal(s) for s in ("and", "OR", "::", "42", "river", "a gift", "Forward")] == [
        True, True, True, True, False, False, False]


@pytest.mark.parametrize("text", NEAR_MISSES[10:])
def test_technical_literals_are_clear_pairs_kept_unsafe(safe, text):
    """The literals match the pattern (an MTF127 finding with an unsafe fix), so they test the literal test."""
    assert _mtf127(safe, text) == [FixSafety.UNSAFE]


@pytest.mark.parametrize(("inner", "literal"), [
    ("\\d+", True), ("ERROR", True), ("Total:", True), ("cd ..", True), ("N/A", True), ("OK", True),
    ("stdout", True), ("well-known", False), ("Lena's", False), ("blue period", False), ("orchard", False),
    ("Harvest Moon", False),
])
def test_prose_words_versus_literals(inner, literal):
    assert padded_literal(inner) is literal
    assert padded_literal("auto", frozenset({"auto"})) and not padded_literal("auto")
