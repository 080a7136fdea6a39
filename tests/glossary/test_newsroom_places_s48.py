"""A newsroom's glossary, round N+10 (session 48): a swap that leaves a name's own "s" last ("WELHS"), "-ow" for
"-ov" ("Bayramow"), a speaker after a reporting verb and a given name ("said DANIEL WLESH"), a short form alone in a
table's cell, and a name in indented code.

The must-leave examples come first in each group: a safe fix that renames someone else is the failure that
matters.  The examples and the glossary are written for mtfix (own names, not the held-out set's sentences).
"""

from __future__ import annotations

import pytest

from mtfix.files import unit_document
from mtfix.formats import load
from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety, Severity
from mtfix.segment import to_document
from tests.glossary.newsroom import assert_revision, bound

GLOSSARY = Glossary([
    Entry("Owen Marsh", (), type="person", short_form="Marsh", origin="t:1"),
    Entry("Gemma Frost", (), type="person", short_form="Frost", origin="t:2"),
    Entry("Bolat Sadykov", ("Bolat Sadikov",), type="person", short_form="Sadykov", first_mention=True,
          origin="t:3"),
    Entry("Zarina Ergasheva", (), type="person", short_form="Ergasheva", origin="t:4"),
    Entry("Yerlan Tulegenov", (), type="person", short_form="Tulegenov", first_mention=True, origin="t:5"),
    Entry("Shymkent", ("Chimkent", "Shimkent"), type="place", origin="t:6"),
])
check, fix = bound(GLOSSARY)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 17)


def _safe(text: str) -> list[tuple[str, str, str, FixSafety]]:
    return [f for f in check(text) if f[3] is FixSafety.SAFE]


# -- two letters swapped at a name's end, its own "s" last: the name, not a plural --------------------------------

@pytest.mark.parametrize("text", [
    "The vote is close, said ANNA MARHS, a resident.\n",  # another given name beside it
    "The vote is close, said MARHS, a resident.\n",  # the document never names Owen Marsh
])
def test_a_swapped_speaker_the_document_does_not_name_is_no_safe_edit(text: str) -> None:
    assert _safe(text) == []
    assert fix(text) == text


def test_a_swap_that_a_familys_plural_reads_too_is_unsafe() -> None:
    text = "Gemma Frost runs the port.\n\nThe quay is ready, FROTS told us.\n"
    assert check(text) == [("MTF302", "FROTS", "FROST", FixSafety.UNSAFE)]
    assert fix(text) == text


@pytest.mark.parametrize("text", [
    "The Marshes of the county flooded again.\n",  # a real plural
    "Owen Marsh spoke. The marsh was flooded, said the warden.\n",  # the word in lower case
])
def test_real_plurals_and_words_are_left(text: str) -> None:
    assert _safe(text) == []


@pytest.mark.parametrize("text, got", [
    ("Owen Marsh chairs the board.\n\nThe sums add up, said MARHS after the meeting.\n", "MARHS"),
    ("Owen Marsh chairs the board.\n\nThe sums add up, MARHS told the board.\n", "MARHS"),
    ("By OWEN MARHS, Staff Reporter\n\nThe board met on Monday.\n", "MARHS"),
])
def test_a_swap_keeping_the_names_own_s_is_found_and_safe(text: str, got: str) -> None:
    assert check(text) == [("MTF302", got, "MARSH", FixSafety.SAFE)]
    assert fix(text) == text.replace(got, "MARSH")


# -- "-ow" for "-ov": another transliteration, never edited -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Visitors came from Moscow and Glasgow.\n",
    "The songs of Barry Manilow were played.\n",
    "The farmer, Irina Sadkow, sold her grain.\n",  # near no glossary name
])
def test_words_ending_in_ow_are_left(text: str) -> None:
    assert check(text) == []


@pytest.mark.parametrize("text, got, name", [
    ("Bolat Sadykov opened the fair. Sadykow said sales had doubled.\n", "Sadykow", "Sadykov"),
    ("The deputy, Yerlan Tulegenow, visited the mill.\n", "Tulegenow", "Tulegenov"),
    ("Ergashewa read the statement on Monday.\n", "Ergashewa", "Ergasheva"),
    ("TULEGENOW WINS SEAT\n\nThe count ended at dawn.\n", "TULEGENOW", "TULEGENOV"),
])
def test_w_for_v_is_house_style_with_no_fix(text: str, got: str, name: str) -> None:
    found = [f for f in GlossaryChecker(GLOSSARY).check(to_document(text)) if text[f.start:f.end] == got]
    assert [(f.code, f.suggestions[0], f.fix, f.severity) for f in found] == [
        ("MTF302", name, FixSafety.NONE, Severity.MINOR)]
    assert fix(text) == text


# -- a speaker after a reporting verb and a given name -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Yerlan Tulegenov spoke first.\n\nIt is done, said ASEL TULEGENVO, a deputy.\n",  # another given name
    "Yerlan Tulegenov spoke first.\n\nIt is done, said Asel TULEGENVO, a deputy.\n",
    "It is done, said YERLAN TULEGENVO, a deputy.\n",  # the document never names the person
])
def test_a_speaker_beside_another_given_name_or_unnamed_is_no_safe_edit(text: str) -> None:
    assert _safe(text) == []
    assert fix(text) == text


@pytest.mark.parametrize("text", [
    "It is done, said NATO SPOKESMAN Ivan Orlov.\n",
    "Yerlan Tulegenov spoke first.\n\nIt is done, said YERLAN KARIMOV, a trader.\n",
])
def test_a_reporting_verb_before_other_capitals_finds_nothing(text: str) -> None:
    assert _safe(text) == []


@pytest.mark.parametrize("text, got", [
    ("Yerlan Tulegenov spoke first.\n\nIt is done, said YERLAN TULEGENVO, the deputy.\n", "TULEGENVO"),
    ("Yerlan Tulegenov spoke first.\n\nIt is done, according to YERLAN TULEGENVO.\n", "TULEGENVO"),
    ("Yerlan Tulegenov spoke first.\n\nIt is done, said Yerlan TULEGENVO, the deputy.\n", "TULEGENVO"),
])
def test_a_speaker_after_a_verb_and_his_own_given_name_is_safe(text: str, got: str) -> None:
    assert check(text) == [("MTF302", got, "TULEGENOV", FixSafety.SAFE)]
    assert fix(text) == text.replace(got, "TULEGENOV")


# -- a short form alone in a table's cell is no first mention --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Board:\n\nSadykov\tChair\nTulegenov\tDeputy\n",
    "NAME\tBORN\nSadykov\t1961\n",
    "| Name | Role |\n|---|---|\n| Sadykov | Chair |\n",
])
def test_a_short_form_alone_in_a_cell_is_not_expanded(text: str) -> None:
    assert [f for f in check(text) if f[0] == "MTF303"] == []
    assert fix(text) == text


def test_a_csv_field_holding_only_the_short_form_is_not_expanded() -> None:
    raw = b"id,text\n1,Sadykov\n2,Sadykov chaired the board.\n"
    checker = GlossaryChecker(GLOSSARY)
    units = load(raw, "t.csv", text_field="text").units
    first = checker.check(unit_document(units[0], "t.csv"))
    assert [f.code for f in first] == []


@pytest.mark.parametrize("text", [
    "Sadykov chaired the board.\n",
    "The talks were led by\nSadykov\nand his deputy.\n",  # a word alone on a wrapped line is no cell
])
def test_a_short_form_in_prose_is_still_expanded(text: str) -> None:
    assert check(text) == [("MTF303", "Sadykov", "Bolat Sadykov", FixSafety.SAFE)]


def test_a_variant_in_a_cell_is_still_fixed() -> None:
    text = "CITY\tSILOS\nChimkent\t14\n"
    assert check(text) == [("MTF301", "Chimkent", "Shymkent", FixSafety.SAFE)]


# -- a name in indented code: no safe edit -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    'The loader reads:\n\n\tcity = "Chimkent"\n\tload(city)\n',
    "The table:\n\n\tsilos = {'Chimkent': 14,\n\t\t'Shimkent': 3}\n",
    'Set it so:\n\n    region = "Chimkent";\n',
    "In the script:\n\n\tprint(\"Chimkent\")\n",
    "The sum:\n\n    total = Chimkent + 1\n",
])
def test_a_name_in_indented_code_is_no_safe_edit(text: str) -> None:
    assert _safe(text) == []
    assert fix(text) == text
    assert any(f[0] == "MTF301" and f[3] is FixSafety.UNSAFE for f in check(text))


@pytest.mark.parametrize("text", [
    "\tThe grain left Chimkent on Monday and arrived two days later.\n",  # an indented paragraph
    "\tThe grain left Chimkent (by rail) on Monday.\n",
    "\tThe grain left Chimkent on Monday.[1]\n",  # a footnote's mark
    'The grain left "Chimkent" = the old name, said the guide.\n',  # not indented
])
def test_an_indented_paragraph_of_prose_is_still_fixed(text: str) -> None:
    assert ("MTF301", "Chimkent", "Shymkent", FixSafety.SAFE) in check(text)
    assert "Shymkent" in fix(text)
