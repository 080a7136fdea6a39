"""The review of glossary-17 (session 48): a family's plural with its "e" lost read as a person ("The Marhs were"),
a short form alone in a table's cell taken for the prose's first mention, a string's line of an indented code block
edited safely, a listed "-ow" variant no longer applied, the plural a message names, and a street's "-ow" name.

Must-leave examples first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from mtfix.segment import to_document
from tests.glossary.newsroom import assert_revision, bound

GLOSSARY = Glossary([
    Entry("Owen Marsh", (), type="person", short_form="Marsh", origin="t:1"),
    Entry("Ruth Walsh", (), type="person", short_form="Walsh", origin="t:2"),
    Entry("Gareth Welsh", (), type="person", short_form="Welsh", origin="t:3"),
    Entry("Gemma Frost", (), type="person", short_form="Frost", origin="t:4"),
    Entry("Bolat Sadykov", (), type="person", short_form="Sadykov", first_mention=True, origin="t:5"),
    Entry("Shymkent", ("Chimkent",), type="place", origin="t:6"),
    Entry("Myrat Orazov", ("Myrat Orazow",), type="person", short_form="Orazov", origin="t:7"),
    Entry("Ivan Pavlov", (), type="person", short_form="Pavlov", origin="t:8"),
])
check, fix = bound(GLOSSARY)


def _messages(text: str) -> list[str]:
    return [f.message for f in GlossaryChecker(GLOSSARY).check(to_document(text))]


def test_the_revision_is_kept() -> None:
    assert_revision(GLOSSARY, 17)


# -- a swap keeping a name's own "s": never safe on its own, and a sibilant's plural is a reading too ---------------

@pytest.mark.parametrize("text, got, name", [
    ("The Marhs were away that weekend, a neighbour said.\n", "Marhs", "Marsh"),
    ("The Walhs have farmed the valley since 1962.\n", "Walhs", "Walsh"),
    ("The Welhs sold the shop.\n", "Welhs", "Welsh"),
    ("MARHS WINS SEAT\n\nThe count ended after midnight.\n", "MARHS", "MARSH"),
])
def test_a_swap_with_a_familys_plural_reading_is_no_safe_edit(text: str, got: str, name: str) -> None:
    assert check(text) == [("MTF302", got, name, FixSafety.UNSAFE)]
    assert fix(text) == text


def test_the_message_names_the_plural_and_the_person() -> None:
    (message,) = _messages("The Marhs were away that weekend, a neighbour said.\n")
    assert "'Marshes'" in message and "if this is Owen Marsh" in message
    (message,) = _messages("MARHS WINS SEAT\n\nThe count ended after midnight.\n")
    assert "'MARSHES'" in message and "Owen Marsh" in message


def test_a_frost_swap_names_the_plural_as_the_text_writes_it() -> None:
    (message,) = _messages("Gemma Frost runs the port.\n\nThe quay is ready, FROTS told us.\n")
    assert "'FROSTS'" in message and "FROSTs" not in message


@pytest.mark.parametrize("text", [
    "Owen Marsh chairs the board.\n\nThe sums add up, said MARHS after the meeting.\n",  # a speaker, named
    "By OWEN MARHS, Staff Reporter\n\nThe board met on Monday.\n",  # a byline with his given name
])
def test_a_named_speaker_or_bylined_person_is_still_safe(text: str) -> None:
    assert check(text) == [("MTF302", "MARHS", "MARSH", FixSafety.SAFE)]


# -- a short form alone in a table's cell is no first mention for the prose after it --------------------------------

@pytest.mark.parametrize("text", [
    "Sadykov\t1961\tChair\n\nSadykov flew to Astana on Friday.\n",
    "| Name | Born |\n|---|---|\n| Sadykov | 1961 |\n\nSadykov flew to Astana on Friday.\n",
])
def test_the_first_prose_mention_after_a_cell_is_expanded(text: str) -> None:
    assert check(text) == [("MTF303", "Sadykov", "Bolat Sadykov", FixSafety.SAFE)]
    assert fix(text).count("Bolat Sadykov") == 1


def test_a_full_name_in_prose_still_introduces_the_short_form() -> None:
    assert check("Bolat Sadykov\t1961\n\nBolat Sadykov spoke. Sadykov left.\n") == []


# -- an indented code block is judged whole ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    '    TOWNS = [\n        "Chimkent",\n    ]\n    if town == "Chimkent":\n        return Chimkent\n',
    '\tnames = (\n\t\t"Chimkent",\n\t)\n',
])
def test_every_line_of_a_code_block_is_code(text: str) -> None:
    assert [f for f in check(text) if f[3] is FixSafety.SAFE] == []
    assert fix(text) == text


def test_an_indented_paragraph_after_a_code_block_is_still_fixed() -> None:
    text = '    towns = [\n        "Astana",\n    ]\n\n    The grain left Chimkent on Monday.\n'
    assert check(text) == [("MTF301", "Chimkent", "Shymkent", FixSafety.SAFE)]


# -- a listed "-ow" variant is the glossary's word; "-ow" before "Street" is a place's -----------------------------

def test_a_listed_ow_variant_is_applied_safely() -> None:
    text = "Myrat Orazow opened the session.\n"
    assert check(text) == [("MTF301", "Myrat Orazow", "Myrat Orazov", FixSafety.SAFE)]
    assert fix(text) == "Myrat Orazov opened the session.\n"


@pytest.mark.parametrize("text", [
    "The march began near Pavlow Street at noon.\n",
    "The crowd was larger in Pavlow Square than the police had expected.\n",
])
def test_an_ow_word_naming_a_street_is_left(text: str) -> None:
    assert check(text) == []


def test_an_ow_surname_alone_is_still_house_style() -> None:
    assert check("Pavlow answered the questions.\n") == [("MTF302", "Pavlow", "Pavlov", FixSafety.NONE)]
