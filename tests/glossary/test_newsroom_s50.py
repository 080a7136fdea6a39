"""Glossary round N+12 (session 50, glossary-19): a surname that is an English noun in a list of capitalised English
nouns ("warned of Frost, Hail and Wind") is an unsure first mention; an indented list item after its marker is prose
("- Oskar Frosst, harbour master;"); a speaker's surname in capitals a vowel short of a name the document uses gets
an unsafe fix ("said LINDQVST"), and one three letters or more from it never a safe one.

Must-leave examples first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.spans import in_code_line
from mtfix.model import FixSafety
from tests.glossary.newsroom import assert_revision, bound

GLOSSARY = Glossary([
    Entry("Ilse Frost", ("Ilse Frostt",), type="person", short_form="Frost", first_mention=True, origin="t:1"),
    Entry("Nora Wood", (), type="person", short_form="Wood", first_mention=True, origin="t:2"),
    Entry("Piet Stone", (), type="person", short_form="Stone", first_mention=True, origin="t:3"),
    Entry("Jonas Ekdahl", ("Jonas Ekdal",), type="person", short_form="Ekdahl", first_mention=True, origin="t:4"),
    Entry("Mara Lindqvist", (), type="person", short_form="Lindqvist", origin="t:5"),
    Entry("Teodor Wisniewski", (), type="person", short_form="Wisniewski", origin="t:6"),
    Entry("Pavlodar", ("Pavlodarr",), type="place", origin="t:7"),
])
check, fix = bound(GLOSSARY)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 19)


# -- a capitalised noun in a list of capitalised nouns --------------------------------------------------------------

@pytest.mark.parametrize("text, got", [
    ("The bulletin warned of Frost, Hail and Wind on Friday.\n", "Frost"),
    ("Frost, Ice and Fog Warnings Issued for the Valley\n", "Frost"),
    ("The yard sells Brick, Wood, Glass and Slate to builders.\n", "Wood"),
    ("Floors come in two finishes: Stone or Tile.\n", "Stone"),
    ("Grants cover Timber, Wood & Paper mills.\n", "Wood"),
    ("The order was 3 Brick, 4 Stone and 2 Slate pallets.\n", "Stone"),
])
def test_a_noun_in_a_list_of_capitalised_nouns_is_no_safe_first_mention(text: str, got: str) -> None:
    (finding,) = check(text)
    assert finding[:2] == ("MTF303", got) and finding[3] == FixSafety.UNSAFE
    assert fix(text) == text


@pytest.mark.parametrize("text, got, full", [
    ("The mayor thanked Ekdahl, Frost and Wisniewski for the plan.\n", "Frost", "Ilse Frost"),
    ("Letters from Wood and Lindqvist were read out.\n", "Wood", "Nora Wood"),
    ("On Monday, Frost told the board the port would open.\n", "Frost", "Ilse Frost"),  # one comma: no list
    ("The inquiry will hear Stone before the recess.\n", "Stone", "Piet Stone"),
])
def test_a_surname_among_names_or_alone_is_still_expanded_safely(text: str, got: str, full: str) -> None:
    assert ("MTF303", got, full, FixSafety.SAFE) in check(text)
    assert full in fix(text)


# -- an indented list item after its marker ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Owners:\n\n    - name: Ilse Frostt\n    - owner = \"Pavlodarr\";\n",
    "    - owner = \"Ilse Frostt\";\n",
    "    * city = find(Pavlodarr);\n",
    "    - run: sync --site Pavlodarr\n    - x = 1;\n",
    "    # close Pavlodarr and the port;\n    y = 2;\n",
])
def test_an_indented_item_of_code_gets_no_safe_edit(text: str) -> None:
    assert all(f[3] != FixSafety.SAFE for f in check(text))
    assert fix(text) == text


@pytest.mark.parametrize("text, got, right", [
    ("Present:\n\n    - Ilse Frostt, harbour master;\n    - Mara Lindqvist, pilot;\n", "Ilse Frostt", "Ilse Frost"),
    ("Agenda:\n\n\t* a report on the quay at Pavlodarr;\n\t* any other business;\n", "Pavlodarr", "Pavlodar"),
    ("Steps:\n\n    1. brief the crew in Pavlodarr;\n    2. sail at dawn;\n", "Pavlodarr", "Pavlodar"),
])
def test_an_indented_item_of_prose_keeps_its_safe_fix(text: str, got: str, right: str) -> None:
    assert check(text) == [("MTF301", got, right, FixSafety.SAFE)]
    assert right in fix(text)
    assert not in_code_line(text, text.index(got))


# -- a speaker's surname in capitals with a letter dropped ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mara Lindqvist spoke.\n\nThe quay is safe, said LINDQVIST on Friday.\n",  # the right spelling
    "The quay is safe, said LINDQVST on Friday.\n",  # the document never names the person
    "Mara Lindqvist spoke.\n\nThe quay is safe, said ANNA LINDQVST on Friday.\n",  # another given name beside it
])
def test_a_speakers_capitals_get_no_unsafe_dropped_letter_fix_without_the_named_person(text: str) -> None:
    assert all(f[3] != FixSafety.SAFE for f in check(text))
    assert ("MTF302", "LINDQVST", "LINDQVIST", FixSafety.UNSAFE) not in check(text)
    assert fix(text) == text


@pytest.mark.parametrize("text, got", [
    ("Teodor Wisniewski spoke.\n\nThe ferry runs twice a week, said WISNIEWICZ, a clerk.\n", "WISNIEWICZ"),
])
def test_a_speaker_three_letters_off_the_named_surname_gets_no_safe_fix(text: str, got: str) -> None:
    assert all(f[3] != FixSafety.SAFE for f in check(text) if f[1] == got)
    assert fix(text) == text


@pytest.mark.parametrize("text, got, right", [
    ("Mara Lindqvist spoke.\n\nThe quay is safe, said LINDQVST on Friday.\n", "LINDQVST", "LINDQVIST"),
    ("Teodor Wisniewski spoke.\n\nWe will pay, according to WISNEWSKI.\n", "WISNEWSKI", "WISNIEWSKI"),
])
def test_a_named_speakers_dropped_vowel_in_capitals_gets_an_unsafe_fix(text: str, got: str, right: str) -> None:
    assert check(text) == [("MTF302", got, right, FixSafety.UNSAFE)]
    assert fix(text) == text


def test_a_dropped_vowel_in_title_case_stays_house_style() -> None:
    text = "Mara Lindqvist spoke.\n\nThe quay is safe, said Lindqvst on Friday.\n"
    assert check(text) == [("MTF302", "Lindqvst", "Lindqvist", FixSafety.NONE)]
