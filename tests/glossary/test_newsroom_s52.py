"""Glossary round N+14 (session 52, glossary-21): a list of surnames the word lists know is read as people on the
list's own evidence (another item a glossary person whose surname is no noun, a title or a given name before an
item, a reporting verb beside one); a Python import under a Markdown bullet is code; a pair of surnames joined by a
slash between a determiner and a noun is a label, expanded only as an unsafe fix; a letter added at a name's end
("Lange" for "Lang") stays unsafe or unfound: it is another real surname more often than a slip.

Must-leave examples first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import assert_revision, bound

GLOSSARY = Glossary([
    Entry("Nia Frost", (), type="person", short_form="Frost", first_mention=True, origin="t:1"),
    Entry("Oren Brown", (), type="person", short_form="Brown", first_mention=True, origin="t:2"),
    Entry("Lia Marsh", (), type="person", short_form="Marsh", first_mention=True, origin="t:3"),
    Entry("Kofi Mensah", (), type="person", short_form="Mensah", first_mention=True, origin="t:4"),
    Entry("Yuki Sato", (), type="person", short_form="Sato", first_mention=True, origin="t:5"),
    Entry("Sara Moss", (), type="person", short_form="Moss", first_mention=True, origin="t:6"),
    Entry("Greta Lang", (), type="person", short_form="Lang", first_mention=True, origin="t:7"),
    Entry("Taraz", ("Dzhambul",), type="place", origin="t:8"),
])
check, fix = bound(GLOSSARY)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 21)


def _safety(text: str, got: str) -> FixSafety:
    (safety,) = [f[3] for f in check(text) if f[0] == "MTF303" and f[1] == got]
    return safety


# -- a list of surnames the word lists know -------------------------------------------------------------------------

@pytest.mark.parametrize("text, got", [
    ("The new curtains come in Frost, Slate and Pewter for the spring.\n", "Frost"),
    ("Marsh, Heath and Bog make up the reserve's northern half.\n", "Marsh"),
    ("The bed by the pond holds Moss, Iris and Violet in May.\n", "Moss"),  # given names alone: no evidence
    ("Frost, Sleet and Hail are said to be on the way.\n", "Frost"),  # a passive, no reporting verb beside
    ("Sauces: Brown, Mint and Caper Dressings for Lamb\n", "Brown"),  # a title-case line
    ("The colours were Moss; Sand; and Umber this season.\n", "Moss"),  # other people's surnames that are nouns
])
def test_a_noun_list_with_no_evidence_of_people_keeps_no_safe_first_mention(text: str, got: str) -> None:
    assert _safety(text, got) is FixSafety.UNSAFE
    assert fix(text) == text


def test_two_glossary_people_whose_surnames_are_nouns_are_no_evidence_for_each_other() -> None:
    glossary = Glossary([*GLOSSARY.entries, Entry("Ivo Sand", (), type="person", short_form="Sand",
                                                  first_mention=True, origin="t:9")])
    c, f = bound(glossary)
    text = "The colours were Moss; Sand; and Umber this season.\n"
    assert all(x[3] is FixSafety.UNSAFE for x in c(text) if x[0] == "MTF303") and f(text) == text


@pytest.mark.parametrize("text, got, full", [
    ("Brown, Mensah and Sato ran the night shift during the count.\n", "Brown", "Oren Brown"),  # glossary people
    ("Medals went to Judge Okoro, Frost and Baker for their service.\n", "Frost", "Nia Frost"),  # a title
    ("The jury was Kate Fisher, Marsh and Hunter this year.\n", "Marsh", "Lia Marsh"),  # a given name and surname
    ("Moss, Webb and Carter told the committee the budget was short.\n", "Moss", "Sara Moss"),  # a reporting verb
    ("The plan was backed, according to Frost, Mason and Baker.\n", "Frost", "Nia Frost"),  # "according to" Frost
])
def test_a_list_with_evidence_of_people_expands_safely(text: str, got: str, full: str) -> None:
    assert _safety(text, got) is FixSafety.SAFE
    assert full in fix(text)


@pytest.mark.parametrize("text", [
    "The panel heard Frost, Mason and Baker before noon.\n",
    # the review of glossary-21 (FX1): a title that is an everyday word before a noun is no evidence ("King Prawn");
    # a slash pair before a lower-case word that is no function word is a label, a verb ("answer") as a noun
    "Medals went to Judge Archer, Frost and Baker for their service.\n",
    "Write to the desk; Frost/Mensah answer on Fridays.\n",
])
def test_a_list_of_surnames_with_no_evidence_stays_unsafe(text: str) -> None:
    # NOT met (measured): nothing in the list tells these surnames from nouns
    assert _safety(text, "Frost") is FixSafety.UNSAFE


# -- a Python import under a Markdown bullet ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Modules:\n\n- from places import Dzhambul, Oskemen as osk\n",
    "Modules:\n\n* import Dzhambul as legacy, towns\n",
    "Modules:\n\n+ from .regions import (Dzhambul, Aktau)\n",
])
def test_an_import_under_a_bullet_gets_no_safe_edit(text: str) -> None:
    assert [f[3] for f in check(text)] == [FixSafety.UNSAFE]
    assert fix(text) == text


@pytest.mark.parametrize("text", [
    "Sources:\n\n- from the Dzhambul office, a note on wheat;\n",
    "Sources:\n\n- import duties in Dzhambul rose again\n",
    "Sources:\n\n- from Dzhambul, a short report on prices\n",
])
def test_a_prose_bullet_opened_by_from_or_import_is_fixed(text: str) -> None:
    assert fix(text) == text.replace("Dzhambul", "Taraz")


# -- slash pairs -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Send leads to the Mensah/Sato desk before six.\n",
    "Their Mensah/Sato column ran on Sundays.\n",
])
def test_a_slash_pair_labelling_a_noun_is_no_safe_first_mention(text: str) -> None:
    assert {f[3] for f in check(text)} == {FixSafety.UNSAFE}
    assert fix(text) == text


@pytest.mark.parametrize("text", [
    "The deal was brokered by Mensah/Sato in the end.\n",
    "Mensah/Sato and the clerk signed the minutes.\n",
])
def test_a_slash_pair_standing_for_the_people_is_expanded(text: str) -> None:
    assert "Kofi Mensah/Yuki Sato" in fix(text)


# -- a letter added at a name's end ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The potter Greta Lange opened a studio by the harbour.\n",
    "Greta Lang spoke first, and the potter Greta Lange spoke after her.\n",
])
def test_a_final_e_making_another_surname_gets_no_safe_edit(text: str) -> None:
    assert all(f[3] is not FixSafety.SAFE for f in check(text))
    assert fix(text) == text
