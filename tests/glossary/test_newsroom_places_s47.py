"""A newsroom's glossary, round N+9 (session 47): names in tables (tab-separated, Markdown pipes, CSV cells), a
speaker's surname in capitals in a sentence, initials before a surname that is an English word, and a short form
alone in a cell.

The must-leave examples come first in each group: a safe fix that renames someone else is the failure that
matters.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.files import unit_document
from mtfix.formats import load
from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import assert_revision, bound

GLOSSARY = Glossary([
    Entry("Ruslan Zhaksybekov", ("Ruslan Jaksybekov",), type="person", origin="t:1"),
    Entry("Nadia Fenwick", ("Nadya Fenwick",), type="person", short_form="Fenwick", origin="t:2"),
    Entry("Clara Reed", (), type="person", short_form="Reed", first_mention=True, origin="t:3"),
    Entry("Tashkent", ("Taschkent", "Toshkent"), type="place", origin="t:4"),
    Entry("Bishkek", ("Bishkeck",), type="place", origin="t:5"),
])
check, fix = bound(GLOSSARY)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 16)


def _safe(text: str) -> list[tuple[str, str, str, FixSafety]]:
    return [f for f in check(text) if f[3] is FixSafety.SAFE]


# -- tables: a tab and a kept line break part a cell's name from the capitalised word beside it -----------------

@pytest.mark.parametrize("text", [
    "Flights this week:\n\nCITY\tSEATS\tCOUNTRY\nBishkeck\t120\tKyrgyzstan\n",  # a header row in capitals
    "City\tSeats\nBishkeck\t120\n",  # a header row in title case over the cell
    "Bishkeck\tKyrgyzstan\n",  # a capitalised cell after the name's
    "ROUTES\nBishkeck is served twice a week.\n",  # a line in capitals above
])
def test_a_variant_in_a_tables_cell_is_found(text: str) -> None:
    assert check(text) == [("MTF301", "Bishkeck", "Bishkek", FixSafety.SAFE)]
    assert fix(text) == text.replace("Bishkeck", "Bishkek")


@pytest.mark.parametrize("text", [
    "Taschkent Hotel opened in May.\n",  # a longer name on a line, a space between: not a cell
    "We stayed at the Taschkent Grand.\n",
])
def test_a_variant_inside_a_longer_name_on_a_line_is_still_no_safe_edit(text: str) -> None:
    assert _safe(text) == []
    assert fix(text) == text


def test_a_tables_other_people_and_products_are_left() -> None:
    text = ("NAME\tDESK\tEMAIL\nAnna Fenwick\tSport\tafenwick@example.org\nJ. Reed\tGraphics\tjr@example.org\n\n"
            "PRODUCT\tMAKER\nReed 200\tFenwick Bros\n")
    assert _safe(text) == []
    assert fix(text) == text


def _format_findings(raw: bytes, name: str, **options: object) -> list[tuple[str, str, FixSafety]]:
    checker = GlossaryChecker(GLOSSARY)
    out = []
    for unit in load(raw, name, **options).units:
        out += [(f.code, unit.text[f.start:f.end], f.fix) for f in checker.check(unit_document(unit, name))]
    return out


def test_markdown_pipe_and_csv_cells_are_read() -> None:
    md = b"| City | Country |\n|------|---------|\n| Toshkent | Uzbekistan |\n| Reed Lane | Leeds |\n"
    assert _format_findings(md, "t.md") == [("MTF301", "Toshkent", FixSafety.SAFE)]
    csv = b'id,text\n1,"Toshkent, Uzbekistan"\n2,"Nadya Fenwick; Clara Reed"\n3,Fenwick\n'
    assert _format_findings(csv, "t.csv", text_field="text") == [
        ("MTF301", "Toshkent", FixSafety.SAFE), ("MTF301", "Nadya Fenwick", FixSafety.SAFE)]


# -- a short form that is an English word alone in a cell: no safe first mention ---------------------------------

def test_an_english_word_short_form_alone_on_a_line_is_unsafe() -> None:
    text = "Staff on duty:\n\nReed\n"
    assert check(text) == [("MTF303", "Reed", "Clara Reed", FixSafety.UNSAFE)]
    assert fix(text) == text


@pytest.mark.parametrize("text", ["Reed\n", "| Weather | Reed |\n"])
def test_an_english_word_short_form_alone_in_a_cell_is_no_first_mention(text: str) -> None:
    # session 48: a table's cell (or a field holding nothing else) is no prose: no expansion at all (session 47
    # made it unsafe; tests/glossary/test_newsroom_places_s48.py)
    assert check(text) == []
    assert fix(text) == text


def test_the_same_short_form_in_a_sentence_is_still_expanded() -> None:
    text = "Reed said the budget was tight.\n"
    assert check(text) == [("MTF303", "Reed", "Clara Reed", FixSafety.SAFE)]


# -- initials before a surname that is an English word ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We back the plan, wrote C. Reed for the residents.\n",
    "Pictured: C. Reed and friends of the club.\n",
])
def test_an_initial_before_an_english_word_surname_is_unsafe_where_no_one_is_named_in_full(text: str) -> None:
    got = check(text)
    assert got and all(safety is FixSafety.UNSAFE for *_, safety in got)
    assert fix(text) == text


def test_an_initial_before_an_english_word_surname_is_safe_where_the_person_is_named_in_full() -> None:
    text = "Clara Reed chairs the panel. Later C. Reed spoke.\n"
    assert check(text) == [("MTF303", "C. Reed", "Reed", FixSafety.SAFE)]


def test_an_initial_before_a_surname_no_english_word_stays_safe() -> None:
    text = "R. Zhaksybekov arrived on Monday.\n"
    assert check(text) == [("MTF303", "R. Zhaksybekov", "Ruslan Zhaksybekov", FixSafety.SAFE)]


# -- a speaker's surname in capitals in a sentence in mixed case --------------------------------------------------

@pytest.mark.parametrize("text", [
    "The motion passed, said NATO, in a statement.\n",  # an acronym near no name
    "The price rose, according to UNICEF.\n",
    "The vote was close, ZHAKSYBEKOV said.\n",  # the glossary's spelling
    "Zhaksybekov spoke. The ZHAKSYBEKVO FUND paid for it.\n",  # capitals, but no speaker's place
])
def test_no_finding_or_no_edit_beside_a_reporting_verb_but_a_misspelt_name(text: str) -> None:
    assert _safe(text) == []
    assert fix(text) == text


@pytest.mark.parametrize("text", [
    "The deal is done, ZHAKSYBEKVO told reporters.\n",
    "Ministers were warned, according to ZHAKSYBEKVO, that it was late.\n",
    "The motion passed, said ZHAKSYBEKVO, who chairs the committee.\n",
])
def test_a_speakers_misspelt_surname_is_found_and_unsafe_alone(text: str) -> None:
    assert check(text) == [("MTF302", "ZHAKSYBEKVO", "ZHAKSYBEKOV", FixSafety.UNSAFE)]
    assert fix(text) == text


def test_a_speakers_misspelt_surname_is_safe_where_the_document_names_the_person() -> None:
    text = "Zhaksybekov arrived on Monday.\n\nThe deal is done, ZHAKSYBEKVO told reporters.\n"
    assert check(text) == [("MTF302", "ZHAKSYBEKVO", "ZHAKSYBEKOV", FixSafety.SAFE)]
    assert fix(text) == text.replace("ZHAKSYBEKVO", "ZHAKSYBEKOV")
