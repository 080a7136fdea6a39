"""A newsroom's glossary, round N+8 (session 46): bylines and photo credits in capitals on a line in mixed case, a
section's label after a semicolon or before a dash, and the possessive style as a value of one document's check.

The must-leave examples come first in each group: a safe fix that renames someone else is the failure that
matters.  The examples and the glossaries are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary import capitals_names
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from mtfix.text import plurals
from tests.glossary.newsroom import BODY, assert_revision, bound

GLOSSARY = Glossary([
    Entry("Ruslan Zhaksybekov", ("Ruslan Jaksybekov",), type="person", origin="t:1"),
    Entry("Tamta Kvirikashvili", (), type="person", origin="t:2"),
    Entry("Tashkent", ("Taschkent",), type="place", origin="t:3"),
    Entry("Orbita Holdings", ("Orbita Holding",), type="organisation", origin="t:4"),
])
check, fix = bound(GLOSSARY)
#: A line in lower case above the credit, as an article has.
ABOVE = "Talks went on in the capital on Friday.\n"


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 15)


# -- must leave: a byline or credit that names someone else, or is no credit --------------------------------------


@pytest.mark.parametrize("line", [
    "By ALI ZHAKSYBEKVO, Staff Writer",  # another given name before the surname: another person
    "Photo: ALI ZHAKSYBEKVO / AFP",
    "By Tuesday, ZHAKSYBEKVO had won the vote.",  # "By" opening a sentence: no byline
    "By UNESCO standards, ZHAKSYBEKVO did well.",
    "Officials said ZHAKSYBEKVO would run.",  # a word in capitals in prose, no credit
    "The photo: ZHAKSYBEKVO at the rally.",  # "photo" inside a sentence is no credit's label
    "Photo: https://ZHAKSYBEKVO.EXAMPLE/X",  # a web address
])
def test_no_safe_edit_outside_a_credit_or_for_another_person(line: str) -> None:
    text = ABOVE + line + BODY
    assert [s for _, _, _, s in check(text) if s is FixSafety.SAFE] == []
    assert fix(text) == text


def test_a_credits_surname_before_another_given_name_stays_unsafe() -> None:
    text = ABOVE + "By ZHAKSYBEKVO ALI, Staff" + BODY  # "Ali Zhaksybekov" written surname first, or another name
    assert check(text) == [("MTF302", "ZHAKSYBEKVO", "ZHAKSYBEKOV", FixSafety.UNSAFE)]
    assert fix(text) == text


# -- must fix: a listed name misspelt in a byline or credit ------------------------------------------------------


@pytest.mark.parametrize(("line", "got", "want"), [
    ("By RUSLAN ZHAKSYBEKVO, Staff Writer", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),
    ("By Ruslan ZHAKSYBEKVO", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),
    ("By ZHAKSYBEKVO RUSLAN, Staff", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),  # surname first, its own given name after it
    ("By TAMTA KVIRIKASHVLII and Ruslan Zhaksybekov", "KVIRIKASHVLII", "KVIRIKASHVILI"),
    ("Photo: TAMTA KVIRIKASHVLII / AFP", "KVIRIKASHVLII", "KVIRIKASHVILI"),
    ("Credit: TAMTA KVIRIKASHVLII/Reuters", "KVIRIKASHVLII", "KVIRIKASHVILI"),
    ("Credit: Reuters/TAMTA KVIRIKASHVLII", "KVIRIKASHVLII", "KVIRIKASHVILI"),
    ("Voters queue outside. PICTURE: RUSLAN ZHAKSYBEKVO / AFP", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),
    ("By RUSLAN JAKSYBEKOV, Staff Writer", "RUSLAN JAKSYBEKOV", "RUSLAN ZHAKSYBEKOV"),  # a listed variant
])
def test_a_misspelt_listed_name_in_a_credit_is_fixed_safely(line: str, got: str, want: str) -> None:
    text = ABOVE + line + BODY
    found = check(text)
    assert [(g, w, s) for _, g, w, s in found] == [(got, want, FixSafety.SAFE)]
    assert fix(text) == text.replace(got, want, 1)


# -- a section's label: no clause, no part of a name -------------------------------------------------------------


@pytest.mark.parametrize("headline", [
    "KVIRIKASHVLII ROSE; LIVE UPDATES",  # "Rose" may be a given name; the label is no clause after a verb
    "ZHAKSYBEKVO DREW; KEY EVENTS",
    "KVIRIKASHVLII ROSE; AS IT HAPPENED",
])
def test_a_label_after_a_semicolon_is_no_clause(headline: str) -> None:
    text = headline + BODY
    assert [s for c, _, _, s in check(text) if c == "MTF302"] == [FixSafety.UNSAFE]
    assert fix(text) == text


@pytest.mark.parametrize(("headline", "got", "want"), [
    ("ANALYSIS-KVIRIKASHVLII WINS SECOND TERM", "KVIRIKASHVLII", "KVIRIKASHVILI"),
    ("UPDATE 2-ZHAKSYBEKVO SEEKS NEW TALKS", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),
    ("KVIRIKASHVLII ROSE; RIVALS CRY FOUL", "KVIRIKASHVLII", "KVIRIKASHVILI"),  # a clause, as before
])
def test_a_label_before_a_dash_is_no_part_of_the_name(headline: str, got: str, want: str) -> None:
    text = headline + BODY
    assert check(text) == [("MTF302", got, want, FixSafety.SAFE)]
    assert fix(text) == text.replace(got, want, 1)


def test_a_names_own_hyphen_still_joins_it() -> None:
    text = "AL-ZHAKSYBEKVO WINS" + BODY
    assert check(text) == []


def test_the_label_words() -> None:
    assert not capitals_names._clause_after_semicolon("; LIVE UPDATES")
    assert capitals_names._clause_after_semicolon("; RIVALS CRY FOUL")


# -- the possessive style: a value of one document's check ---------------------------------------------------------


def test_the_possessive_style_is_no_modules_memo() -> None:
    assert not hasattr(plurals.writes_s_apostrophe_s, "cache_info")
    style = plurals.PossessiveStyle("Lewis's aide; Orbita Holding's sale.")
    assert plurals.possessive_over_s("Lewis's aide; Orbita Holding's sale.", 28, "Orbita Holding",
                                     "Orbita Holdings", style) == (28, "Orbita Holdings")
    text = "".join(f"Orbita Holding's unit {i} was sold.\n\n" for i in range(3))
    assert [w for _, _, w, _ in check(text)] == ["Orbita Holdings'"] * 3


# -- a headline's word after a surname: what the article's body says of it -------------------------------------


@pytest.mark.parametrize("article", [
    "ZHAKSYBEKVO DREW JOINS BOARD\n\nDrew Zhaksybekov, a banker, joined the board on Monday.\n",  # "Drew" a name
    "ZHAKSYBEKVO DREW JOINS BOARD\n\nThe banker joined the board on Monday.\n",  # the person not named below
    "KVIRIKASHVLII WIN SEALS TITLE\n\nWin or lose, Kvirikashvili said she would retire.\n",  # "Win" capitalised
    "KVIRIKASHVLII ROSE TOPS CHART\n\nRose Kvirikashvili, a singer, topped the chart.\n",
])
def test_a_word_the_body_writes_as_a_name_or_a_body_without_the_person_leaves_it_unsafe(article: str) -> None:
    assert [s for c, _, _, s in check(article) if c == "MTF302"] == [FixSafety.UNSAFE]
    assert fix(article) == article


@pytest.mark.parametrize(("article", "got", "want"), [
    ("KVIRIKASHVLII WIN SEALS TITLE\n\nKvirikashvili beat the champion in straight sets.\n",
     "KVIRIKASHVLII", "KVIRIKASHVILI"),
    ("ZHAKSYBEKVO DREW CROWDS\n\nThousands came to hear Zhaksybekov speak in Osh.\n", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),
    ("ZHAKSYBEKVO DREW CROWDS\n\nThousands came to hear Zhaksybekvo speak in Osh.\n", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),
])
def test_a_body_that_names_the_person_and_never_the_word_makes_the_fix_safe(article: str, got: str, want: str) -> None:
    assert [(c, g, w, s) for c, g, w, s in check(article) if g == got] == [("MTF302", got, want, FixSafety.SAFE)]
    assert fix(article).startswith(want + " ")


def test_names_no_one() -> None:
    body = "\n\nKvirikashvili won the final.\n"
    assert capitals_names.names_no_one("X WIN SEALS TITLE" + body, "WIN", ("Kvirikashvili",))
    assert not capitals_names.names_no_one("X WIN SEALS TITLE" + body + "Win Kvirikashvili", "WIN", ("Kvirikashvili",))
    assert not capitals_names.names_no_one("X WIN SEALS TITLE\n\nShe won.\n", "WIN", ("Kvirikashvili",))
