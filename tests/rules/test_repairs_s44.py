"""Repairs that do no harm, round N+2 (en-generic 1.44, session 44): a possessive's apostrophe or an inch mark where
no quotation is open is no quotation mark when straight marks are paired (:func:`mtfix.text.quoted.quotation_marks`),
and MTF117's split is an unsafe fix throughout (session 43's rule written first: its safe splits moved as many
post-edited sentences further as closer).

Own sentences only.  Must-fix: ``fix`` repairs it; must-leave: byte-identical under ``fix``.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.text.quoted import clear_pairs, quotation_marks


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


# 1. an apostrophe or an inch mark evens the count: the lone mark's punctuation is still the literal's
@pytest.mark.parametrize("text", [
    "The drivers' file uses ' ; as the separator.",
    "The players' lounge marks its scores with ' , between them.",
    'The 12" board uses " , as the marker.',
    "Our 8' poles carry ' ; on each tag.",
])
def test_a_lone_mark_beside_a_possessive_or_an_inch_mark_keeps_its_punctuation(safe, text):
    assert safe.fix(text).text == text


# ... and prose around such marks is still repaired; a quotation after a possessive pairs clearly
@pytest.mark.parametrize(("text", "fixed"), [
    ("The farmers' union called it ' a fair deal ' in May.", "The farmers' union called it 'a fair deal' in May."),
    ('A 6" pipe and the " old valve " were sold.', 'A 6" pipe and the "old valve" were sold.'),
    ("The teachers' room was closed ; the pupils' room stayed open.",
     "The teachers' room was closed; the pupils' room stayed open."),
    ("The nurses' station is on the left , near the lift.", "The nurses' station is on the left, near the lift."),
    ('He said "call 911" and " wait " there.', 'He said "call 911" and "wait" there.'),
])
def test_prose_beside_a_possessive_or_an_inch_mark_is_repaired(safe, text, fixed):
    assert safe.fix(text).text == fixed


@pytest.mark.parametrize(("text", "q", "expected"), [
    ("The farmers' union said 'no' today.", "'", [(24, 27)]),
    ('The 9" board and "the big one" left.', '"', [(17, 29)]),
    ("The drivers' file uses ' ; as the separator.", "'", []),  # one lone mark left: odd
    ("They named it 'the farmers' union' then.", "'", []),  # which mark closes cannot be told
    ("He said 'go home' and left.", "'", [(8, 16)]),  # a closing mark after a letter closes
])
def test_clear_pairs_skip_marks_that_are_no_quotation_marks(text, q, expected):
    assert clear_pairs(text, 0, len(text), q) == expected


def test_an_ambiguous_closing_mark_gives_no_marks():
    text = "They named it 'the farmers' union' then."
    assert quotation_marks(text, 0, len(text), "'") is None
    text = "The farmers' union said 'no' today."
    assert quotation_marks(text, 0, len(text), "'") == [24, 27]


# 2. MTF117: found, its split offered, never applied by a safe fix
@pytest.mark.parametrize(("text", "split"), [
    ("The mayor of the citiesin the north spoke.", "cities in"),
    ("Two bridgesof the old town were closed.", "bridges of"),
    ("The price of coffeefor export fell.", "coffee for"),
    ("The court heard the witnessesin private.", "witnesses in"),
])
def test_a_glued_function_word_is_an_unsafe_split(safe, text, split):
    flags = [f for f in safe.check(text).findings if f.code == "MTF117"]
    assert [f.fix for f in flags] == [FixSafety.UNSAFE]
    assert safe.fix(text).text == text
    assert split in safe.fix(text, unsafe=True).text
