"""The review of glossary-16 (session 47): a tab that indents a paragraph makes no table row, a speaker's surname
in capitals beside another given name is no safe fix, and a name table's given-name column still tells whose
surname stands in the next cell.

The must-leave examples come first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import bound

GLOSSARY = Glossary([
    Entry("Ruslan Zhaksybekov", ("Ruslan Jaksybekov",), type="person", origin="t:1"),
    Entry("Clara Reed", (), type="person", short_form="Reed", first_mention=True, origin="t:2"),
    Entry("Jane Marsh", (), type="person", short_form="Marsh", first_mention=True, origin="t:3"),
    Entry("Tashkent", ("Taschkent",), type="place", origin="t:4"),
    Entry("Azerbaijan", ("Azerbaycan",), type="place", origin="t:5"),
    Entry("Ilham Aliyev", (), type="person", short_form="Aliyev", origin="t:6"),
    Entry("Bishkek", ("Bishkeck",), type="place", origin="t:7"),
])
check, fix = bound(GLOSSARY)


def _safe(text: str) -> list[tuple[str, str, str, FixSafety]]:
    return [f for f in check(text) if f[3] is FixSafety.SAFE]


# -- HIGH 1: a tab that indents a paragraph; the lines of the paragraph still read as one sentence ----------------

@pytest.mark.parametrize("text", [
    "\tThe visitors told us they had booked the Taschkent\nPalace for the whole week.\n",
    "\tOur letter about the bus route was signed by Anna\nReed, who runs the parents group.\n",
    "\tShe watched the evening bulletin on Azerbaycan\nSaati TV with her aunt.\n",
    "\tThe note on the car park was signed by Anna\nMarsh, our treasurer.\n",
    "\tThe petition was handed in by Paul\r\nMarsh and two neighbours.\r\n",  # CRLF
])
def test_an_indented_paragraphs_wrapped_name_gets_no_safe_edit(text: str) -> None:
    assert _safe(text) == []
    assert fix(text) == text


@pytest.mark.parametrize("text", [
    "CITY\tSEATS\nBishkeck\t120\n",  # a row under a header row in capitals
    "City\tSeats\nBishkeck\t120\n",  # a row under a title-case header row
    "Bishkeck\t\t120\n",  # an empty cell between
])
def test_a_table_row_still_stands_apart(text: str) -> None:
    assert check(text) == [("MTF301", "Bishkeck", "Bishkek", FixSafety.SAFE)]
    assert fix(text) == text.replace("Bishkeck", "Bishkek")


def test_an_indented_paragraph_still_gets_its_variant_fixed_in_a_sentence() -> None:
    text = "\tThe buses to Taschkent\nleave at nine.\n"
    assert check(text) == [("MTF301", "Taschkent", "Tashkent", FixSafety.SAFE)]
    assert fix(text) == text.replace("Taschkent", "Tashkent")


# -- HIGH 2: a speaker in capitals beside another given name -------------------------------------------------------

NAMED = "Ruslan Zhaksybekov opened the session.\n\n"


@pytest.mark.parametrize("line", [
    "The vote is over, TIMUR ZHAKSYBEKVO told the chamber.\n",  # another given name in capitals before
    "The vote is over, said ZHAKSYBEKVO TIMUR, his deputy.\n",  # surname first, a given name after
    "The vote is over, T. ZHAKSYBEKVO told the chamber.\n",  # another given name's initial
    "The vote is over, according to ZHAKSYBEKVO Timur, his deputy.\n",  # a given name in title case after
])
def test_a_speakers_surname_beside_another_given_name_is_unsafe(line: str) -> None:
    text = NAMED + line
    assert check(text) == [("MTF302", "ZHAKSYBEKVO", "ZHAKSYBEKOV", FixSafety.UNSAFE)]
    assert fix(text) == text


@pytest.mark.parametrize("line", [
    "The vote is over, said Timur ZHAKSYBEKVO, his deputy.\n",  # a given name in title case before
    "The vote is over, said T. ZHAKSYBEKVO, his deputy.\n",  # another given name's initial, no verb beside
])
def test_a_speakers_surname_after_another_given_name_gets_no_safe_edit(line: str) -> None:
    text = NAMED + line
    assert _safe(text) == []
    assert fix(text) == text


@pytest.mark.parametrize("line", [
    "The vote is over, RUSLAN ZHAKSYBEKVO told the chamber.\n",  # the entry's own given name
    "The vote is over, R. ZHAKSYBEKVO told the chamber.\n",  # its initial
    "The vote is over, Minister ZHAKSYBEKVO told the chamber.\n",  # a title
    "The vote is over, ZHAKSYBEKVO told the chamber.\n",  # the surname alone
])
def test_a_speakers_surname_beside_its_own_given_name_or_a_title_stays_safe(line: str) -> None:
    text = NAMED + line
    assert check(text) == [("MTF302", "ZHAKSYBEKVO", "ZHAKSYBEKOV", FixSafety.SAFE)]
    assert fix(text) == text.replace("ZHAKSYBEKVO", "ZHAKSYBEKOV")


# -- LOW 5: a name table's given-name column ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "First\tLast\tClub\nMagomed\tAliev\tDagestan\n",
    "Given name\tSurname\nTimur\tAliev\n",
])
def test_a_surname_after_another_given_name_in_the_cell_before_is_left(text: str) -> None:
    assert check(text) == []
    assert fix(text) == text


def test_a_surname_after_the_entrys_own_given_name_in_the_cell_before_is_still_found() -> None:
    text = "First\tLast\tClub\nIlham\tAliev\tNeftchi\n"
    assert check(text) == [("MTF302", "Aliev", "Aliyev", FixSafety.NONE)]
    assert fix(text) == text
