"""The review of glossary-21's people-list evidence (session 52, FX1): a list of capitalised English words is read
as people only on evidence a list of things cannot give.  A reporting verb counts only plain and right after the
list's last item ("Webb and Okafor said"; not "added to", "said to be", "…, says the atlas"); a title counts before a
word that is no English noun, or when it is a person's honorific ("Professor Lund", not "King Prawn"); a given name
counts with a surname when neither word is an English noun ("Nadia Okafor", not "Rose Gold"); a possessive item
names a thing ("Dr Okafor's orchard"); a list ends at the item its "and" joins; a slash pair before a lower-case word
that is no function word is a label, unless a finite verb follows it and no determiner stands before it.

Must-leave examples first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import bound

GLOSSARY = Glossary([
    Entry("Nia Frost", (), type="person", short_form="Frost", first_mention=True, origin="t:1"),
    Entry("Oren Brown", (), type="person", short_form="Brown", first_mention=True, origin="t:2"),
    Entry("Lia Marsh", (), type="person", short_form="Marsh", first_mention=True, origin="t:3"),
    Entry("Sara Moss", (), type="person", short_form="Moss", first_mention=True, origin="t:4"),
    Entry("Ivo Stone", (), type="person", short_form="Stone", first_mention=True, origin="t:5"),
    Entry("Kofi Mensah", (), type="person", short_form="Mensah", first_mention=True, origin="t:6"),
    Entry("Yuki Sato", (), type="person", short_form="Sato", first_mention=True, origin="t:7"),
])
check, fix = bound(GLOSSARY)


def _no_safe_edit(text: str) -> None:
    found = [f for f in check(text) if f[0] == "MTF303"]
    assert found and all(f[3] is FixSafety.UNSAFE for f in found), found
    assert fix(text) == text


# -- a reporting verb: plain, right after the last item --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Frost, Rain and Gales added to the gloom at the fair.\n",
    "Frost, Fog and Ice warned motorists away from the pass.\n",
    "Stone, Sand and Gravel, noted for their grip, line the path.\n",
    "Marsh, Heath and Scrub, says the county atlas.\n",
    "Frost, Rain and Wind, wrote the weatherman, will ease by Friday.\n",
    "Stone, Sand and Gravel said to be firm enough for the road.\n",
    "Stone, Brick and Slate told by their colour alone.\n",
])
def test_a_verb_a_list_of_things_may_take_is_no_evidence_of_people(text: str) -> None:
    _no_safe_edit(text)


@pytest.mark.parametrize("text, full", [
    ("Moss, Webb and Okafor said the figures were wrong.\n", "Sara Moss"),
    ("Frost, Webb and Okafor told reporters the count was fair.\n", "Nia Frost"),
])
def test_a_plain_reporting_verb_after_the_last_item_shows_people(text: str, full: str) -> None:
    assert full in fix(text)


# -- titles and given names: not a thing's name ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The sofa comes in Frost, Linen and Rose Gold this autumn.\n",
    "The mugs come in Moss, Chalk and Sky Blue.\n",
    "Shutters in Stone, Sand and Olive Green are in stock.\n",
    "The pub pours Brown, Amber Ale and Porter.\n",
    "The teas are Brown, Earl Grey and Jasmine.\n",
    "Starters include Brown, King Prawn and Squid.\n",
    "Frost, Rain and Storm Dennis swept the valley.\n",
    "Marsh, Heath and Forest Lodge border the farm.\n",
    "A lane runs by Marsh, Heath and Dr Okafor's orchard.\n",
])
def test_a_thing_named_like_a_person_is_no_evidence(text: str) -> None:
    _no_safe_edit(text)


@pytest.mark.parametrize("text, full", [
    ("The award went to Professor Lund, Frost and Okafor.\n", "Nia Frost"),
    ("Thanks go to Dr Baker, Frost and Webb for the survey.\n", "Nia Frost"),
    ("Medals went to Judge Okafor, Frost and Webb.\n", "Nia Frost"),
    ("Nadia Okafor, Marsh and Lund sat on the panel.\n", "Lia Marsh"),
    ("Brown, Mensah and Sato ran the late shift.\n", "Oren Brown"),
])
def test_a_person_s_title_or_name_in_another_item_shows_people(text: str, full: str) -> None:
    assert full in fix(text)


# -- a list ends at the item its "and" joins -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The beds hold Rose, Tulip and Moss, Professor Lund wrote in the guide.\n",
    "Frost, Chalk and Slate, Mrs Weller's picks, sold out.\n",
    "Frost, Chalk and Slate, Dr Okafor said, are the best sellers.\n",
])
def test_capitalised_words_after_the_last_item_are_not_the_list(text: str) -> None:
    _no_safe_edit(text)


# -- slash pairs before a noun ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pitch stories to your Mensah/Sato desk by noon.\n",
    "Those Mensah/Sato columns ran weekly.\n",
    "The weekly's Mensah/Sato page is full.\n",
    "Mensah/Sato desk staff met at nine.\n",
    "Those Mensah/Sato reports ran weekly.\n",  # a determiner: a noun, though "reports" may be a verb
])
def test_a_slash_pair_before_a_noun_is_a_label_whatever_precedes_it(text: str) -> None:
    _no_safe_edit(text)


@pytest.mark.parametrize("text", [
    "The pact was signed by Mensah/Sato after a long night.\n",  # a function word after the pair
    "A memo from Mensah/Sato reached the board late.\n",  # a finite verb after it, no determiner before
])
def test_a_slash_pair_standing_for_the_people_is_expanded(text: str) -> None:
    assert "Kofi Mensah/Yuki Sato" in fix(text)
