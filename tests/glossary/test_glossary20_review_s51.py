"""glossary-20 after the session 51 review: one semicolon that ends a clause makes no list of what follows it, and
a function word opening the line is no first word of a list's first item (own examples)."""

from __future__ import annotations

import pytest

from mtfix.model import FixSafety
from tests.glossary.newsroom import bound
from tests.glossary.test_newsroom_s51 import GLOSSARY

CHECK, FIX = bound(GLOSSARY)


def _safety(text: str, short: str) -> FixSafety:
    return next(s for code, found, _, s in CHECK(text) if found == short)


@pytest.mark.parametrize("text", [
    "The chair was Birch; Heath and Moss were her deputies.\n",
    "Nobody asked Birch; Heath and Moss did the talking.\n",
])
def test_a_clause_ending_semicolon_before_a_pair_makes_no_list_of_the_name_before_it(text: str) -> None:
    assert _safety(text, "Birch") is FixSafety.SAFE  # glossary-19 had it safe; the first glossary-20 unsafe


@pytest.mark.parametrize("text", [
    "The Heath/Bracken path is closed.\n",
    "The Heath, Bracken and Bog paths are closed.\n",
])
def test_an_article_opening_the_line_is_no_item_of_the_list_after_it(text: str) -> None:
    assert _safety(text, "Heath") is FixSafety.UNSAFE
    assert FIX(text) == text  # "The Anton Heath/Bracken path" before the review


def test_a_list_joined_by_semicolons_is_still_a_list() -> None:
    assert _safety("It sells Moss; Sand; and Linen.\n", "Moss") is FixSafety.UNSAFE


# -- the looser in-document match on a headline in capitals (the review of glossary-20) -----------------------------

@pytest.mark.parametrize("text, got", [
    ("OMARBAYEVA WINS CHESS FINAL\n\nDana Omarbekova coached the team.\n", "OMARBAYEVA"),
    ("ENGELBREKTSEN AFFAIR REVISITED\n\nHalvard Engebretsen reviewed it.\n", "ENGELBREKTSEN"),
])
def test_a_headline_in_capitals_needs_the_stricter_evidence_as_title_case_does(text: str, got: str) -> None:
    found = [f for f in CHECK(text) if f[1] == got]
    assert found and all(f[0] == "MTF302" and f[3] == FixSafety.UNSAFE for f in found)
    assert FIX(text) == text


@pytest.mark.parametrize("text, got, want", [
    ("OMARBELOVA WINS CHESS FINAL\n\nDana Omarbekova coached the team.\n", "OMARBELOVA", "OMARBEKOVA"),  # one slip
    ("The memoir by Engelbrektsen was reviewed.\n\nHalvard Engebretsen wrote it.\n", "Engelbrektsen", "Engebretsen"),
])
def test_one_slip_in_capitals_or_the_looser_match_in_prose_stays_safe(text: str, got: str, want: str) -> None:
    assert ("MTF302", got, want, FixSafety.SAFE) in CHECK(text)


# -- a bullet item opened by a keyword, not a determiner (the review of glossary-20) --------------------------------

@pytest.mark.parametrize("text", [
    "Patch:\n\n    - from towns, Kokchetav k;\n",
    "Patch:\n\n    - with Kokchetav, Ports Lib;\n",
    "Patch:\n\n    - as depot, Kokchetav main;\n",
])
def test_a_bullet_statement_opened_by_a_keyword_is_code(text: str) -> None:
    assert all(f[3] != FixSafety.SAFE for f in CHECK(text))
    assert FIX(text) == text


@pytest.mark.parametrize("text, want", [
    ("Present:\n\n    - our host, Kokchetav council;\n", "    - our host, Kokshetau council;\n"),
    ("Present:\n\n    - the office, Kokchetav side;\n", "    - the office, Kokshetau side;\n"),
    ("Present:\n\n    * her guest, Dana Omarbekowa;\n", "    * her guest, Dana Omarbekova;\n"),
])
def test_a_bullet_item_opened_by_a_determiner_is_still_prose(text: str, want: str) -> None:
    assert FIX(text).endswith(want)
