"""Glossary round N+13 (session 51, glossary-20): lists joined by semicolons or slashes are lists (the noun-list and
the people-list verdicts hold there); a noun list may hold one rarer word the lexicon knows ("Slate, Flint and
Terracotta"); a bullet item opened by its only function word with a comma is prose ("- our office, harbour side;")
while a declaration of single names stays code; the looser in-document match gives no safe fix on a title-case
headline or title of a work.

Must-leave examples first in each group.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import assert_revision, bound

GLOSSARY = Glossary([
    Entry("Olga Birch", (), type="person", short_form="Birch", first_mention=True, origin="t:1"),
    Entry("Tove Moss", (), type="person", short_form="Moss", first_mention=True, origin="t:2"),
    Entry("Anton Heath", (), type="person", short_form="Heath", first_mention=True, origin="t:3"),
    Entry("Jan Wieczorek", ("Jan Wieczorkek",), type="person", short_form="Wieczorek", first_mention=True,
          origin="t:4"),
    Entry("Dana Omarbekova", ("Dana Omarbekowa",), type="person", short_form="Omarbekova", first_mention=True,
          origin="t:5"),
    Entry("Halvard Engebretsen", (), type="person", short_form="Engebretsen", origin="t:6"),
    Entry("Kokshetau", ("Kokchetav",), type="place", origin="t:7"),
])
check, fix = bound(GLOSSARY)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 20)


# -- lists joined by semicolons or slashes --------------------------------------------------------------------------

@pytest.mark.parametrize("text, got", [
    ("The walk crosses Heath/Bracken/Bog on the way up.\n", "Heath"),
    ("Benches come in Teak; Birch; or Slate at the depot.\n", "Birch"),
    ("Rugs for Autumn: Wool / Moss / Linen Shades\n", "Moss"),
])
def test_a_noun_in_a_list_joined_by_semicolons_or_slashes_is_no_safe_first_mention(text: str, got: str) -> None:
    (finding,) = check(text)
    assert finding[:2] == ("MTF303", got) and finding[3] == FixSafety.UNSAFE
    assert fix(text) == text


@pytest.mark.parametrize("text, got, full", [
    ("The prize went to Wieczorek; Moss; and Omarbekova this year.\n", "Moss", "Tove Moss"),
    ("The board will hear Engebretsen; Heath; and Wieczorek on Monday.\n", "Heath", "Anton Heath"),
    ("A letter from Omarbekova/Birch reached the council.\n", "Birch", "Olga Birch"),
    ("The harbour was shut at dawn; Birch said the ferries would wait.\n", "Birch", "Olga Birch"),  # no list
])
def test_a_surname_among_names_joined_by_semicolons_or_slashes_is_expanded_safely(text: str, got: str,
                                                                                  full: str) -> None:
    assert ("MTF303", got, full, FixSafety.SAFE) in check(text)
    assert full in fix(text)


# -- a list item in neither word list -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, got", [
    ("Tiles come in three glazes: Slate, Birch and Terracotta.\n", "Birch"),
    ("Sofas are sold in Heath, Ivory and Gunmetal.\n", "Heath"),
    ("Bog gardens need Moss, Peat and Sphagnum.\n", "Moss"),
])
def test_a_noun_list_with_one_rarer_word_is_no_safe_first_mention(text: str, got: str) -> None:
    (finding,) = check(text)
    assert finding[:2] == ("MTF303", got) and finding[3] == FixSafety.UNSAFE
    assert fix(text) == text


@pytest.mark.parametrize("text, got, full", [
    ("The jury heard Novak, Moss and Wieczorek on Tuesday.\n", "Moss", "Tove Moss"),
    ("Letters from Birch, Omarbekova and Kaminski were read.\n", "Birch", "Olga Birch"),
    ("The court thanked Heath and Terracotta Ltd for the report.\n", "Heath", "Anton Heath"),  # two items only
])
def test_a_list_of_people_with_a_word_list_surname_keeps_its_safe_expansion(text: str, got: str, full: str) -> None:
    assert ("MTF303", got, full, FixSafety.SAFE) in check(text)


# -- a bullet item opened by its only function word, with a comma -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Perl:\n\n    - our town, Kokchetav;\n",
    "Perl:\n\n    - my port, Kokchetav;\n",
    "JavaScript:\n\n    - let depot, town, Kokchetav;\n",
    "Changes:\n\n    - our office, Kokchetav;\n    + our office, Kokshetau;\n",  # a diff
])
def test_a_declaration_of_single_names_under_a_bullet_stays_code(text: str) -> None:
    assert all(f[3] != FixSafety.SAFE for f in check(text))
    assert fix(text) == text


@pytest.mark.parametrize("text, want", [
    ("Present:\n\n    - our office, Kokchetav depot;\n", "    - our office, Kokshetau depot;\n"),
    ("Present:\n\n    - the chair, Jan Wieczorkek;\n", "    - the chair, Jan Wieczorek;\n"),
    ("Present:\n\n    * their guest, Dana Omarbekowa;\n", "    * their guest, Dana Omarbekova;\n"),
])
def test_a_prose_bullet_item_opened_by_a_function_word_is_fixed(text: str, want: str) -> None:
    assert fix(text).endswith(want)


# -- the looser in-document match on a title-case line -------------------------------------------------------------

@pytest.mark.parametrize("text, got", [
    ("Omarbayeva Wins the Regional Chess Final\n\nDana Omarbekova coached the team.\n", "Omarbayeva"),
    ("The Engelbrektsen Affair: A Memoir\n\nHalvard Engebretsen reviewed it.\n", "Engelbrektsen"),
])
def test_a_title_case_line_needs_the_stricter_evidence_for_a_safe_fix(text: str, got: str) -> None:
    found = [f for f in check(text) if f[1] == got]
    assert found and all(f[0] == "MTF302" and f[3] == FixSafety.UNSAFE for f in found)
    assert fix(text) == text


@pytest.mark.parametrize("text, got, want", [
    ("Omarbelova Wins the Regional Chess Final\n\nDana Omarbekova coached the team.\n", "Omarbelova", "Omarbekova"),
    ("Signatories: Wieczorek and Engelbrektsen.\n\nHalvard Engebretsen signed first.\n", "Engelbrektsen",
     "Engebretsen"),  # a line of names is no title
    ("The memoir by Engelbrektsen was reviewed.\n\nHalvard Engebretsen wrote it.\n", "Engelbrektsen",
     "Engebretsen"),  # prose keeps the looser match's safe fix
])
def test_one_slip_in_a_title_or_the_looser_match_outside_titles_stays_safe(text: str, got: str, want: str) -> None:
    assert ("MTF302", got, want, FixSafety.SAFE) in check(text)


def test_a_semicolon_before_a_list_s_first_item_still_opens_a_clause() -> None:
    """Only a semicolon joining two items of the list is read past: one before its first item opens a clause.
    Session 52 (glossary-21): "Birch/Wieczorek" was the pair here, but a glossary person whose surname is no noun
    shows the list names people (``test_newsroom_s52.py``); a pair of two nouns keeps this test's point."""
    text = "Write to the desk; Birch/Heath answer on Fridays.\n"
    assert ("MTF303", "Birch", "Olga Birch", FixSafety.UNSAFE) in check(text)
