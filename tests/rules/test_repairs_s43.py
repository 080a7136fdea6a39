"""Repairs that do no harm, round N+1 (en-generic 1.42, session 43): a quotation before a noun naming a label or a
value is no safe MTF127 fix and its text no spacing rule's, and punctuation beside a straight mark that pairs
unclearly (odd in number) is left to the writer.

Own sentences only.  Must-leave: byte-identical under ``fix``; must-fix: prose is still repaired.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.text.quoted import LABEL_NOUNS, in_quoted_literal, names_a_label


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


SPACING = {"MTF111", "MTF123", "MTF126", "MTF128", "MTF129"}

# a straight mark whose other half is lost: the punctuation beside it may be the literal's
ODD_MARKS = [
    ('Use " , as the separator in the export.', "a delimiter whose closing mark was lost"),
    ("Write ' ; between the two commands.", "a separator in one single mark"),
    ('The old manual lists "4 , 8 , 15 as the defaults.', "digits after the mark: no letter between"),
    ('Put " ; " between the fields, or " , where the form asks for it.', "three marks: the third pairs with none"),
    ('Each record ends in ; " after the last name.', "punctuation before a lone mark"),
]

# a padded quotation right before a noun of an interface or of data: a label's or a value's text
LABELS = [
    'Pick the " New York " entry from the list.',
    'Fill in the " First name " field before you save.',
    'Tick the " Keep me signed in " box on the page.',
    'The " Ship to " column stays empty for pick-ups.',
    'Remove the " draft " tag when the story is ready.',
]


@pytest.mark.parametrize(("text", "why"), ODD_MARKS)
def test_punctuation_beside_an_unpaired_mark_is_left(safe, text, why):
    found = [f for f in safe.check(text).findings if f.code in SPACING]
    assert not found, (why, [(f.code, f.start, f.end) for f in found])
    assert safe.fix(text).text == text, why


@pytest.mark.parametrize("text", LABELS)
def test_a_label_quotation_is_no_safe_fix(safe, text):
    assert safe.fix(text).text == text
    flags = [f for f in safe.check(text).findings if f.code == "MTF127"]
    assert [f.fix for f in flags] == [FixSafety.UNSAFE]
    assert safe.fix(text, unsafe=True).text != text  # the finding still offers the closing-up


def test_a_label_quotation_keeps_its_inner_spacing(safe):
    text = 'The " Smith , Anna " field holds the full name.'
    assert not [f for f in safe.check(text).findings if f.code in SPACING]
    assert safe.fix(text).text == text


@pytest.mark.parametrize(("text", "fixed"), [
    ('The word " river " is old in this valley.', 'The word "river" is old in this valley.'),
    ("The critic called it ' a gift ' in her review.", "The critic called it 'a gift' in her review."),
    ('The film " Silent Harbour " won the prize.', 'The film "Silent Harbour" won the prize.'),
    ('The " Green Valley " campaign , which began in May , ended.',
     'The "Green Valley" campaign, which began in May, ended.'),
    # an odd number of marks, letters between each mark and the comma: prose, repaired
    ('The guide says " keep it short , then stop in the end.', 'The guide says " keep it short, then stop in the end.'),
    ("The farmers ' crops , tools and carts were lost.", "The farmers ' crops, tools and carts were lost."),
])
def test_prose_is_still_repaired(safe, text, fixed):
    assert safe.fix(text).text == fixed


def test_the_predicates():
    assert {"entry", "field", "button", "column"} <= LABEL_NOUNS  # "value" left out since 1.43 (RF1)
    assert not {"film", "campaign", "song", "party", "word"} & LABEL_NOUNS
    text = 'the " New York " entry'
    assert names_a_label(text, text.index('" entry'), len(text))
    text = 'the " New York " office'
    assert not names_a_label(text, text.index('" office'), len(text))
    text = 'Use " , as the separator.'
    assert in_quoted_literal(text, 0, len(text), 5, 6)  # the space between the mark and the comma
    text = 'He says " keep it short , then go.'
    assert not in_quoted_literal(text, 0, len(text), 23, 24)  # letters between the mark and the comma


# MTF117: a glued token one edit from an English word may be that word misspelt
@pytest.mark.parametrize(("text", "split"), [
    ("The police were suspectin the driver of the theft.", "suspect in"),
    ("The parcel arrived witchin two days.", "witch in"),
    ("The old dialectin the hills is spoken by few.", "dialect in"),
    # the price of the rule: a head whose "-ing" is a word reads as a dropped "g" ("oiling"), glued or not
    ("The price of oilin the north rose.", "oil in"),
])
def test_a_glued_token_near_a_word_is_an_unsafe_split(safe, text, split):
    flags = [f for f in safe.check(text).findings if f.code == "MTF117"]
    assert [f.fix for f in flags] == [FixSafety.UNSAFE]
    assert safe.fix(text).text == text
    assert split in safe.fix(text, unsafe=True).text


@pytest.mark.parametrize(("text", "fixed"), [
    ("The heads of the regionsin the south met.", "The heads of the regions in the south met."),
    ("It was the main issueof the day.", "It was the main issue of the day."),
    ("Most farmersin the valley grow rice.", "Most farmers in the valley grow rice."),
    ("The mayor spoke about the schoolsof the district.", "The mayor spoke about the schools of the district."),
])
def test_a_glued_token_far_from_any_word_is_still_split(safe, text, fixed):
    assert safe.fix(text, unsafe=True).text == fixed  # an unsafe split since en-generic 1.44
