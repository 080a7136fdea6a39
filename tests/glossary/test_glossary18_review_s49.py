"""The review of glossary-18 mended (session 49, RFG): a surname that is an English word opening its sentence after a
plain-text line's list, quotation or heading marker, a time stamp or a dateline is no safe first mention; an indented
word-only SQL, shell or Pascal statement ending ";" is code, no prose item; a lone surname the glossary lists as a
wrong variant is a misspelling, never house style, before a place noun too.

Must-leave examples first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.spans import STATEMENT_WORDS, in_code_line
from mtfix.model import FixSafety, Severity
from mtfix.text.symbols import line_opening_end
from tests.glossary.newsroom import bound

GLOSSARY = Glossary([
    Entry("Ilse Frost", (), type="person", short_form="Frost", first_mention=True, origin="t:1"),
    Entry("Nora Cotton", (), type="person", short_form="Cotton", first_mention=True, origin="t:2"),
    Entry("Jonas Ekdahl", (), type="person", short_form="Ekdahl", first_mention=True, origin="t:3"),
    Entry("Lena Marsh", (), type="person", short_form="Marsh", first_mention=True, origin="t:4"),
    Entry("Pavlodar", ("Pavlodarr",), type="place", origin="t:5"),
    Entry("Odile Brandwood", ("Odile Brandwod",), type="person", origin="t:6"),
    Entry("Daria Kolesova", ("Daria Kolesowa",), type="person", origin="t:7"),
    Entry("Oleg Volkov", (), type="person", origin="t:8"),
    Entry("Marek Holmwood", (), type="person", origin="t:9"),
])
check, fix = bound(GLOSSARY)


# -- 1. an English-word surname opening its sentence after a line's marker, time stamp or dateline ----------------

@pytest.mark.parametrize("text, got", [
    ("* The mayor met Cotton at the quay.\n", "Cotton"),
    ("> The council thanked Frost for the survey.\n", "Frost"),
    ("11:45 The desk reached Frost by phone.\n", "Frost"),
    ("- Ekdahl opened the depot.\n", "Ekdahl"),
    ("[2] Ekdahl opened the depot.\n", "Ekdahl"),
    ("> Ekdahl opened the depot.\n", "Ekdahl"),
    ("SHYMKENT, Mar 3 (Reuters) - Ekdahl opened the depot.\n", "Ekdahl"),
    ("+ Frost told the board the roads were clear.\n", "Frost"),
])
def test_a_name_after_a_marker_mid_sentence_said_or_no_english_word_keeps_its_safe_expansion(
        text: str, got: str) -> None:
    ((code, found, _, safety),) = check(text)
    assert (code, found, safety) == ("MTF303", got, FixSafety.SAFE)
    assert fix(text) != text


@pytest.mark.parametrize("text, got", [
    ("Trade notes:\n\n* Cotton prices fell by a fifth.\n", "Cotton"),
    ("+ Cotton prices fell by a fifth.\n", "Cotton"),
    ("> Frost lay on the rails at dawn.\n", "Frost"),
    ("> > Frost lay on the rails at dawn.\n", "Frost"),
    ("SHYMKENT, Mar 3 (Reuters) - Frost closed the mountain pass.\n", "Frost"),
    ("07:15 Frost closed the mountain pass.\n", "Frost"),
    ("9.40 am Frost closed the mountain pass.\n", "Frost"),
    ("b) Cotton prices fell by a fifth.\n", "Cotton"),
    ("3) Cotton prices fell by a fifth.\n", "Cotton"),
    ("(c) Cotton prices fell by a fifth.\n", "Cotton"),
    ("[4] Cotton prices fell by a fifth.\n", "Cotton"),
    ("### Frost closes the mountain pass\n", "Frost"),
    ("**Frost** closed the mountain pass.\n", "Frost"),
    ("  * Marsh fills the lower valley.\n", "Marsh"),
    ("> Marsh fills the lower valley.\n", "Marsh"),
])
def test_an_english_word_opening_its_sentence_after_a_line_marker_is_no_safe_first_mention(
        text: str, got: str) -> None:
    ((code, found, _, safety),) = check(text)
    assert (code, found, safety) == ("MTF303", got, FixSafety.UNSAFE)
    assert fix(text) == text


def test_what_a_line_opens_with_is_read_past_only_where_it_is_a_marker() -> None:
    for text in ("A. Cotton", "3.5 tonnes", "e.g. Frost", "x > Frost", "C++ code", "#hashtag", "2025. Frost"):
        assert line_opening_end(text) == 0, text
    assert [line_opening_end(t) for t in ("* ", "(iv) Frost", "## **Frost", "> 10:30 Frost")] == [2, 5, 5, 8]


# -- 2. an indented statement of words only ending ";" ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Agenda:\n\n    the desk will update the figures for Pavlodarr;\n",
    "Notes:\n\n\tif the vote passes the mill reopens in Pavlodarr today\n\tand the board meets at nine in the hall;\n",
])
def test_indented_prose_ending_a_semicolon_is_still_prose(text: str) -> None:
    assert check(text) == [("MTF301", "Pavlodarr", "Pavlodar", FixSafety.SAFE)]


@pytest.mark.parametrize("text", [
    "Query:\n\n    select name from Pavlodarr where the area is large;\n",
    "Rights:\n\n    grant select on Pavlodarr to the analysts;\n",
    "Loop:\n\n    if Pavlodarr then exit else halt;\n",
    "Banner:\n\n\techo Welcome to the Pavlodarr office;\n",
    "Tidy:\n\n    delete from the Pavlodarr table where the year is old;\n",
    "Script:\n\n    print the total for Pavlodarr and the region;\n",
])
def test_an_indented_statement_of_words_ending_a_semicolon_is_code(text: str) -> None:
    assert in_code_line(text, text.index("Pavlodarr"))
    assert all(f[3] != FixSafety.SAFE for f in check(text))
    assert fix(text) == text


def test_the_statement_words_are_lower_case_keywords() -> None:
    assert {"select", "grant", "echo", "if", "begin", "return"} <= STATEMENT_WORDS
    assert all(w.islower() and w.isalpha() for w in STATEMENT_WORDS)
    assert not {"the", "we", "they", "in"} & STATEMENT_WORDS


# -- 3. a lone surname the glossary lists as a wrong variant, a vowel or "w" apart ---------------------------------

def test_an_unlisted_transliteration_stays_house_style() -> None:
    text = "Marek Holmwood and the board met on Monday.\n\nLater Holmwod told reporters the plan would hold.\n"
    assert [f for f in check(text) if f[1] == "Holmwod"] == [("MTF302", "Holmwod", "Holmwood", FixSafety.NONE)]


def test_a_listed_variants_surname_is_the_glossarys_house_style_as_the_full_variant() -> None:
    from mtfix.glossary.checker import GlossaryChecker
    from mtfix.segment import to_document

    text = "Odile Brandwood and the board met on Monday.\n\nLater Brandwod told reporters the plan would hold.\n"
    (f,) = [f for f in GlossaryChecker(GLOSSARY).check(to_document(text)) if text[f.start:f.end] == "Brandwod"]
    assert (f.code, f.suggestions[0], f.severity, f.fix) == ("MTF302", "Brandwood", Severity.MINOR, FixSafety.UNSAFE)
    assert "listed variant of Odile Brandwood" in f.message and "another name" not in f.message
    assert fix(text) == text


# -- 4. a listed "-ow" spelling before a place noun ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Crowds Gather in Volkow Park\n",
    "Oleg Volkov spoke.\n\nThey met in Volkow Square.\n",
])
def test_an_unlisted_ow_word_before_a_place_noun_is_left(text: str) -> None:
    assert [f for f in check(text) if f[1] == "Volkow"] == []


@pytest.mark.parametrize("text", [
    "Kolesowa Fund Backs Farmers\n\nThe story went on below.\n",
    "Daria Kolesova spoke.\n\nThe Kolesowa Trust paid for the new roof.\n",
])
def test_a_listed_ow_spelling_before_a_place_noun_is_found_never_fixed_safely(text: str) -> None:
    assert [f for f in check(text) if f[1] == "Kolesowa"] == [("MTF302", "Kolesowa", "Kolesova", FixSafety.UNSAFE)]
    assert fix(text) == text


def test_a_listed_ow_spelling_elsewhere_keeps_its_safe_fix() -> None:
    assert check("Kolesowa Takes Office\n\nThe story went on below.\n") == [
        ("MTF302", "Kolesowa", "Kolesova", FixSafety.SAFE)]
