"""Quoted literals are left alone by the spacing rules (en-generic 1.40, session 42), MTF127's fix is unsafe
before a quotation of what a user types or a label reads, and MTF117 splits off no rare three-letter string.

Own sentences only.  Must-leave: a literal in quotation marks or backticks (a delimiter, a pattern, a key chord,
code) is byte-identical under ``fix``; must-fix: prose quoted in a sentence is still repaired.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.errors import RulePackError
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.rules.pack import parse_rule
from mtfix.text.quoted import in_quoted_literal, literal


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


def _codes(pipeline: Pipeline, text: str, codes: set[str]) -> list[str]:
    return [f.code for f in pipeline.check(text).findings if f.code in codes]


SPACING = {"MTF111", "MTF123", "MTF126", "MTF128", "MTF129"}

MUST_LEAVE = [
    ('Set the delimiter to " , " before the export.', "a CSV delimiter"),
    ("Use ' ; ' as the separator between the columns.", "a separator in single marks"),
    ('The field accepts "4 , 8 , 15" as a list.', "no letter: a value"),
    ('The pattern "\\w+ , \\w+" matches a pair of names.', "a regular expression"),
    ('Press "Ctrl + ," to open the preferences.', "a key chord"),
    ("Press 'Alt + ;' to comment the line out.", "a key chord in single marks"),
    ("Type `a , b` into the console.", "code in backticks"),
    ("Run `cd src ; make` in the terminal.", "a command in backticks"),
    ("The output was `left  right` after the join.", "two spaces inside code"),
    ('The log line reads "DISK FULL , RETRY" when the job stops.', "a message in capitals"),
    ("The template writes “\\t , \\t” between the fields.", "curly marks around a pattern"),
]


@pytest.mark.parametrize(("text", "why"), MUST_LEAVE)
def test_a_quoted_literal_is_left_alone(safe, text, why):
    assert not _codes(safe, text, SPACING), why
    assert safe.fix(text).text == text, why
    assert safe.fix(text, unsafe=True).text == text or "MTF127" in _codes(safe, text, {"MTF127"}), why


@pytest.mark.parametrize(("text", "fixed"), [
    ('She told the crowd "we will win , and soon" before she left.',
     'She told the crowd "we will win, and soon" before she left.'),
    ('He wrote "the plan , they said , was sound" in his diary.',
     'He wrote "the plan, they said, was sound" in his diary.'),
    ("The mayor called it 'a good day , a fair deal' on the radio.",
     "The mayor called it 'a good day, a fair deal' on the radio."),
    ("The plant , which opened in May , employs 300 people .", "The plant, which opened in May, employs 300 people."),
    # a literal elsewhere in the sentence does not shield the prose around it
    ('The delimiter is " , " and the export , which runs at night , uses it.',
     'The delimiter is " , " and the export, which runs at night, uses it.'),
    # an odd number of marks: no clear pair, so nothing is read as quoted
    ('The guide says " use a comma , not a dot in the file.', 'The guide says " use a comma, not a dot in the file.'),
])
def test_prose_is_still_repaired(safe, text, fixed):
    assert safe.fix(text).text == fixed


def test_the_predicate():
    assert [literal(s) for s in (" , ", "\\d+ ,", "Ctrl + ;", "a_b", "OK", "stdout", "auto")] == [True] * 6 + [False]
    assert literal("auto", frozenset({"auto"}))
    assert not any(literal(s) for s in ("river", "we will win , and soon", "Green Hill", "x , y"))
    text = 'Put " , " here , then go.'
    assert in_quoted_literal(text, 0, len(text), 6, 7)  # the space before the quoted comma
    assert not in_quoted_literal(text, 0, len(text), 14, 15)  # the space before the prose comma
    text = "Run `a , b` now."
    assert in_quoted_literal(text, 0, len(text), 6, 7)


@pytest.mark.parametrize("text", [
    'Please enter " New York " in the search box.',
    'Click the " Save as " button to keep a copy.',
    "Select ' Large print ' in the menu.",
    'The button labelled " Send now " stays grey.',
    'The first field reads: " Full name " on the form.',
])
def test_what_a_user_types_or_a_label_reads_keeps_an_unsafe_fix(safe, text):
    found = [f.fix for f in safe.check(text).findings if f.code == "MTF127"]
    assert found and FixSafety.SAFE not in found
    assert safe.fix(text).text == text
    assert safe.fix(text, unsafe=True).text != text


@pytest.mark.parametrize(("text", "fixed"), [
    ('The town takes its name from the word " orchard " in the old dialect.',
     'The town takes its name from the word "orchard" in the old dialect.'),
    ('" Harvest Moon " was the band\'s first record.', '"Harvest Moon" was the band\'s first record.'),
    # "enter" far from the quotation, in another clause, does not count
    ('They will enter the final on Sunday, and the fans sing " our team " loudly.',
     'They will enter the final on Sunday, and the fans sing "our team" loudly.'),
])
def test_words_quoted_in_prose_stay_a_safe_fix(safe, text, fixed):
    assert safe.fix(text).text == fixed


def test_the_param_must_be_true_or_false():
    raw = {"code": "XQL001", "name": "n", "title": "t", "docs": "d", "category": "Fluency/Punctuation",
           "severity": "minor", "pattern": "ab", "message": "m", "params": {"leave_quoted_literals": "yes"},
           "examples": {"flag": [{"text": "ab"}], "pass": ["cd"]}}
    with pytest.raises(RulePackError, match="leave_quoted_literals"):
        parse_rule("p", raw)
    assert parse_rule("p", {**raw, "params": {"leave_quoted_literals": True}}).params["leave_quoted_literals"] is True


@pytest.mark.parametrize(("text", "fixed"), [
    ("The heads of the regionsin the south met.", "The heads of the regions in the south met."),
    # "oilin" is one edit from "oiling" since en-generic 1.42 (session 43): an unsafe split, tests/rules/test_repairs_s43.py
    ("The price of oilfor export rose.", "The price of oil for export rose."),
    ("It was the main issueof the day.", "It was the main issue of the day."),
])
def test_a_word_glued_to_a_function_word_is_still_split(safe, text, fixed):
    assert safe.fix(text, unsafe=True).text == fixed  # an unsafe split since en-generic 1.44


@pytest.mark.parametrize("text", [
    "The singers of the valley call the old tune haein at dusk.",  # "hae" + "in": "hae" is no everyday word
    "The spirit thesia guards the gate in the old story.",  # "the" + "sia"
    "The guild ourrel met at the harbour on Sunday.",  # "our" + "rel"
])
def test_no_rare_three_letter_string_is_split_off(safe, text):
    assert "MTF117" not in [f.code for f in safe.check(text).findings]
    assert safe.fix(text).text == text
