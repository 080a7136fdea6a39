"""Session 40 (misreads-10): an irregular verb's "-s" present the tagger read as a plural noun, after its singular
subject, is the sentence's finite verb ("the main risk arises from ..."): no MTF402, whether or not a hand list named
the verb; a plural noun in MT's verbless chains of nouns and prepositions still leaves the sentence verbless."""

from __future__ import annotations

import pytest


def _codes(pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "Our exposure to currency risk arises chiefly from trade payables in euros.",
        "The old mill wheel grinds slowly in the current.",
        "The second theme leaps upward over sustained strings.",
        "The liability for the guarantee arises only on default.",
    ],
)
def test_an_irregular_present_is_the_finite_verb(pipeline, text):
    assert "MTF402" not in _codes(pipeline, text)
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "The co-operation of countries in the field of economy and the pages of history.",
        "Development of the region gardens of the city and homes of the villages.",
        "The minister of the region sites of industry in the south.",
        "The leader of group tables of the results in the meeting.",
    ],
)
def test_a_verbless_chain_of_nouns_stays_verbless(pipeline, text):
    assert "MTF402" in _codes(pipeline, text)
