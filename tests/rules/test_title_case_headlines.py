"""MTF119 (a verb capitalised in mid-sentence) leaves a headline in title case alone (en-generic 1.31, session 27):
title case lower-cases articles and short prepositions, so "and Adopted a Declaration" is the headline's capital,
not a clause spliced in.  Headlines written for this test in the styles of the region's news sites."""

from __future__ import annotations

import pytest

HEADLINES = [
    "Tashkent Hosted a Forum and Adopted a Declaration on Transit",
    "Tbilisi Mayor Met Investors and Discussed a New Metro Line",
    "Astana Hosted the Summit and Approved a Road Map for Trade",
    "Minister Visited Yerevan and Signed an Agreement on Energy",
    "Ankara and Baku Launched a Joint Fund and Pledged to Expand Trade",
]


@pytest.mark.parametrize("text", HEADLINES)
def test_a_title_case_headline_gets_no_capitalised_verb(pipeline, text):
    assert "MTF119" not in {f.code for f in pipeline.check(text).findings}


@pytest.mark.parametrize("text", [
    "The commission met on Monday and Approved a new budget for the region.",
    "Reporters asked why he Questioned the figures.",
    "Tashkent Hosted a Forum\nThe delegates met and Adopted a declaration on transit routes.",
])
def test_a_capitalised_verb_in_prose_is_still_found(pipeline, text):
    assert "MTF119" in {f.code for f in pipeline.check(text).findings}


def test_the_title_case_test_is_shared_with_the_glossary():
    from mtfix.glossary import spans
    from mtfix.text.tokens import title_case_line

    assert spans._title_case_line is title_case_line
    assert title_case_line("Erdogan Meets Aliev in Baku", 0)
    assert not title_case_line("Erdogan meets Aliev in Baku", 0)
