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
