"""The review of session 43's repairs mended (en-generic 1.43, RF1): an apostrophe or a measure mark is no quotation
mark whose partner was lost, MTF117's split stays safe beside a rare word or a name one edit away, and a quotation
before an everyday noun ("value", "items") is prose.

Own sentences only.  Must-fix: ``fix`` repairs it; must-leave: byte-identical, or the fix left unsafe.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.text.quoted import LABEL_NOUNS


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


# 1. a possessive's or an elision's apostrophe, an inch or foot mark: no quotation mark, so MTF111 repairs
@pytest.mark.parametrize(("text", "fixed"), [
    ("The bakers' , cooks' and drivers' guilds voted.", "The bakers', cooks' and drivers' guilds voted."),
    ("We were walkin' , talkin' and singin' all night.", "We were walkin', talkin' and singin' all night."),
    ('The 10" , 20" and 30" screens were sold out.', 'The 10", 20" and 30" screens were sold out.'),
    ("Boards of 6' , 8' and 12' were stacked.", "Boards of 6', 8' and 12' were stacked."),
])
def test_an_apostrophe_or_a_measure_mark_is_no_lost_quotation(safe, text, fixed):
    assert safe.fix(text).text == fixed


@pytest.mark.parametrize("text", [
    'Type " , between the two names.',  # a delimiter whose closing mark was lost
    'The drivers\' file uses " ; as its separator.',  # an apostrophe, and a lone quotation mark beside the ";"
    'The 9" and 12" boards use " , as the marker.',  # an inch mark, and a lone quotation mark beside the ","
])
def test_a_lone_quotation_mark_still_keeps_its_punctuation(safe, text):
    assert safe.fix(text).text == text


# 2. MTF117: a rare word or a name one edit away is split (unsafe since en-generic 1.44, session 44)
@pytest.mark.parametrize(("text", "fixed"), [
    ("The council mentioned the heldin the letter.", "The council mentioned the held in the letter."),
    ("My cousin worksin the harbour.", "My cousin works in the harbour."),
    ("The lawsin the province changed.", "The laws in the province changed."),
    ("The boy actsin the school play.", "The boy acts in the school play."),
    ("The old housein the valley was sold.", "The old house in the valley was sold."),
])
def test_a_glue_beside_a_rare_word_is_a_safe_split(safe, text, fixed):
    assert safe.fix(text, unsafe=True).text == fixed  # every split unsafe since en-generic 1.44 (session 44)


@pytest.mark.parametrize(("text", "split"), [
    ("The letter came witchin a week.", "witch in"),  # "within": a frequent word
    ("The guards were suspectin the cook.", "suspect in"),  # "suspecting": the head with its ending misspelt
    ("The son of the intendand came.", "intend and"),  # "intendant"
])
def test_a_glue_beside_a_frequent_word_or_a_misspelt_ending_stays_unsafe(safe, text, split):
    flags = [f for f in safe.check(text).findings if f.code == "MTF117"]
    assert [f.fix for f in flags] == [FixSafety.UNSAFE]
    assert safe.fix(text).text == text
    assert split in safe.fix(text, unsafe=True).text


# 3. a quotation before an everyday noun is prose; before an interface's noun, a label's text
@pytest.mark.parametrize(("text", "fixed"), [
    ('The " cultural " value of the site is high.', 'The "cultural" value of the site is high.'),
    ('The " Blue Ocean " items were on the agenda.', 'The "Blue Ocean" items were on the agenda.'),
    ('The " quiet " setting of the novel suits it.', 'The "quiet" setting of the novel suits it.'),
    ('She held the " spare " key to the shed.', 'She held the "spare" key to the shed.'),
])
def test_a_quotation_before_an_everyday_noun_is_closed_up(safe, text, fixed):
    assert safe.fix(text).text == fixed


@pytest.mark.parametrize("text", [
    'Leave the " Middle name " field empty if you have none.',
    'The " Send now " button sends the form.',
    'Enter the " Total " value in the last row.',  # a value a user types: the verb before it says so
])
def test_a_quotation_before_an_interface_noun_is_no_safe_fix(safe, text):
    assert safe.fix(text).text == text


def test_label_nouns_are_interface_nouns():
    assert {"field", "button", "column", "option", "menu", "checkbox", "placeholder"} <= LABEL_NOUNS
    assert not {"value", "values", "item", "items", "key", "string", "row", "link", "tab", "token"} & LABEL_NOUNS
