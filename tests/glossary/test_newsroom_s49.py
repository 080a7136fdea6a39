"""Glossary round N+11 (session 49, glossary-18): a surname that is an English mass noun or colour opening its
sentence ("Frost covered the fields") is an unsure first mention; an indented line of prose ending ";" is no code;
an "-ow" word before a place noun is left on a title-case line too ("They met in Pavlow Square.").

Must-leave examples first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.capitals_names import english_nouns, everyday_surname
from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.spans import in_code_line
from mtfix.model import FixSafety
from tests.glossary.newsroom import assert_revision, bound

GLOSSARY = Glossary([
    Entry("Ilse Frost", (), type="person", short_form="Frost", first_mention=True, origin="t:1"),
    Entry("Nora Cotton", (), type="person", short_form="Cotton", first_mention=True, origin="t:2"),
    Entry("Piet Steel", (), type="person", short_form="Steel", first_mention=True, origin="t:3"),
    Entry("Hanna Grey", (), type="person", short_form="Grey", first_mention=True, origin="t:4"),
    Entry("Jonas Ekdahl", (), type="person", short_form="Ekdahl", first_mention=True, origin="t:5"),
    Entry("Leon Amber", (), type="person", short_form="Amber", first_mention=True, origin="t:6"),
    Entry("Oleg Volkov", (), type="person", short_form="Volkov", origin="t:7"),
    Entry("Pavlodar", ("Pavlodarr",), type="place", origin="t:8"),
    Entry("Ilse Frost", ("Ilse Frostt",), type="person", origin="t:9"),
])
check, fix = bound(GLOSSARY)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 18)


# -- a mass noun or a colour as a surname at a first mention --------------------------------------------------------

@pytest.mark.parametrize("text, got", [
    ("Frost covered the vineyards by dawn.\n", "Frost"),
    ("Cotton from the delta is shipped to the mills.\n", "Cotton"),
    ("Steel made up a third of last year's exports.\n", "Steel"),
    ("Grey skies stayed over the bay.\n", "Grey"),
    ("Amber lights flashed at the crossing.\n", "Amber"),
    ("The harbour froze.\n\nFrost lay on every deck that morning.\n", "Frost"),
])
def test_a_mass_noun_surname_opening_a_sentence_is_no_safe_first_mention(text: str, got: str) -> None:
    (finding,) = check(text)
    assert finding[:2] == ("MTF303", got) and finding[3] == FixSafety.UNSAFE
    assert fix(text) == text


@pytest.mark.parametrize("text, got, full", [
    ("Ekdahl told the council the budget would hold.\n", "Ekdahl", "Jonas Ekdahl"),
    ("The minister thanked Steel for her work on the port.\n", "Steel", "Piet Steel"),
    ("\"The harvest is late,\" Frost said on Monday.\n", "Frost", "Ilse Frost"),
    ("Officials said Grey would lead the inquiry.\n", "Grey", "Hanna Grey"),
])
def test_a_surname_that_names_the_person_is_still_expanded_safely(text: str, got: str, full: str) -> None:
    assert check(text) == [("MTF303", got, full, FixSafety.SAFE)]
    assert full in fix(text)


def test_the_word_list_is_a_lexicons_and_holds_no_proper_name() -> None:
    nouns = english_nouns()
    assert {"frost", "cotton", "steel", "grey", "amber", "snow", "copper"} <= nouns
    assert not {"putin", "aliyev", "volkov", "london", "ekdahl", "tokayev"} & nouns
    assert everyday_surname("Frost") and not everyday_surname("Ekdahl") and not everyday_surname("Volkov")


# -- an indented line ending ";": code, or an item of prose -------------------------------------------------------

@pytest.mark.parametrize("text", [
    'Loader:\n\n\ttowns[0] = "Pavlodarr";\n',
    '\towner = lookup("Ilse Frostt");\n',
    '\tif (ok) { send("Pavlodarr"); }\n',
    '\tusing namespace Pavlodarr;\n',
    '    private static String Pavlodarr;\n',
    '\tstd::string city = "Pavlodarr";\n',
])
def test_indented_code_ending_a_semicolon_gets_no_safe_edit(text: str) -> None:
    assert all(f[3] != FixSafety.SAFE for f in check(text))
    assert fix(text) == text


@pytest.mark.parametrize("text, got, right", [
    ("Notes:\n\n\tIlse Frostt will brief the board on the quay;\n\tthe vote is at nine;\n", "Ilse Frostt",
     "Ilse Frost"),
    ("Agenda:\n\n    the meeting starts at nine in Pavlodarr;\n    lunch follows in the hall;\n", "Pavlodarr",
     "Pavlodar"),
])
def test_indented_prose_ending_a_semicolon_keeps_its_safe_fix(text: str, got: str, right: str) -> None:
    assert check(text) == [("MTF301", got, right, FixSafety.SAFE)]
    assert right in fix(text)


def test_a_prose_item_beside_a_line_of_code_is_code() -> None:
    text = "\tthe meeting starts at nine in Pavlodarr;\n\tcity = load('Pavlodarr');\n"
    assert in_code_line(text, text.index("Pavlodarr"))
    assert fix(text) == text


# -- "-ow" before a place noun: a place's own spelling, on a short or title-case line too --------------------------

@pytest.mark.parametrize("text", [
    "Oleg Volkov spoke.\n\nThey met in Volkow Square.\n",
    "Crowds Gather in Volkow Park\n",
    "The Volkow Street Bridge Reopens\n",
    "VOLKOW SQUARE\n",
])
def test_an_ow_word_before_a_place_noun_is_left(text: str) -> None:
    assert [f for f in check(text) if f[1].lower() == "volkow"] == []


@pytest.mark.parametrize("text", [
    "Volkow Wins Backing for New Mill\n",
    "Oleg Volkov opened the fair. Volkow said sales were up.\n",
])
def test_an_ow_surname_elsewhere_stays_house_style(text: str) -> None:
    assert check(text) == [("MTF302", "Volkow", "Volkov", FixSafety.NONE)]
    assert fix(text) == text


# -- a speaker's surname in capitals that a word list holds, the name's letters swapped ("said FORST") ------------

@pytest.mark.parametrize("text", [
    "The cold came early, said FORST, a farmer.\n",  # the document never names the person
    "Ilse Frost runs the port.\n\nThe cold came early, said FORSTER, a farmer.\n",
    "Ilse Frost runs the port.\n\nRoads were shut, according to FOREST officials.\n",
    "Ilse Frost runs the port.\n\nFORST AND SONS OPENS A SHOP\n",
])
def test_a_word_in_capitals_is_no_speakers_slip_unless_the_person_is_named(text: str) -> None:
    assert [f for f in check(text) if f[0] == "MTF302"] == []
    assert fix(text) == text


@pytest.mark.parametrize("text", [
    "Ilse Frost runs the port.\n\nThe ice has gone, said FORST, pointing at the quay.\n",
    "Ilse Frost runs the port.\n\nNo ship was late, according to FORST.\n",
])
def test_a_named_speakers_swap_that_is_a_rare_word_is_found_never_fixed(text: str) -> None:
    assert check(text) == [("MTF302", "FORST", "FROST", FixSafety.UNSAFE)]
    assert fix(text) == text
