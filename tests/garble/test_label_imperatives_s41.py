"""Session 41 (misreads-11): two finite verbs the ``no_finite`` sign (MTF402) missed in clean English.

* an imperative behind a short label and its colon ("Variation, 5b: Follow the ..."), as route guides, recipes
  and manuals write steps: the label's comma or number kept the sign's own test from reaching the verb;
* a base-form present in a consonant and "y" after a plural subject ("the rules apply from ..."), whose regular
  past is "-ied", not the "-yed" the analysis spells.

Machine translation's verbless chains of nouns and prepositions keep the sign: a noun after the colon
("Item 3, second part: increase of ..."), or a noun in "-y" after a plural ("the countries economy in ...")."""

from __future__ import annotations

import pytest

from mtfix.garble.finite_misreads import base_present, object_of_preposition


def _codes(pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "Direct Start, 5c: Take the overhanging crack to join the original route at the ledge.",
        "Route 7, winter only: Follow the ridge to the summit cairn and return.",
        "Seasonal restrictions apply from May to September in the lower meadows.",
        "Most graduates rely on the same few employers in the region.",
        # misreads-13: a clause's subject after a conjunction tagged as a preposition is still a subject
        "The survey found that most graduates rely on the same few employers.",
        # ... and so is a plural after a quantity's partitive "of"
        "Nearly half of the local farmers rely on the spring rains for their crops.",
    ],
)
def test_the_verb_is_read(pipeline, text):
    assert "MTF402" not in _codes(pipeline, text)
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Item 3, second part: increase of the prices of the products in the region of the south.",
        "The cooperation of the countries economy in the field of the trade and the investments.",
        "Development of the villages industry in the region of the mountains and the valleys.",
    ],
)
def test_a_verbless_chain_stays_verbless(pipeline, text):
    assert "MTF402" in _codes(pipeline, text)


def test_a_consonant_and_y_makes_its_past_in_ied():
    assert all(map(base_present, ("apply", "rely", "supply", "carry")))
    assert not any(map(base_present, ("energy", "policy", "economy", "industry", "history", "country")))


@pytest.mark.parametrize(
    "text",
    [
        # misreads-13: the plural is a preposition's object, so the "-y" word after it is a noun, not its verb: MT's
        # verbless chain of nouns keeps its sign
        "Gathering of the student unions rally near the gates of the university on Friday.",
        "Arrival of the aid agencies supply to the villages of the north in the winter.",
    ],
)
def test_a_y_noun_after_a_prepositions_plural_stays_verbless(pipeline, text):
    assert "MTF402" in _codes(pipeline, text)


def test_a_plural_a_preposition_governs_is_no_subject():
    tags = ["NN", "IN", "DT", "NN", "NNS", "NN", "IN"]
    lower = ["gathering", "of", "the", "student", "unions", "rally", "near"]
    assert object_of_preposition(tags, lower, 4)
    assert not object_of_preposition(["JJ", "NNS", "VBP"], ["seasonal", "restrictions", "apply"], 1)
    assert not object_of_preposition(["VBD", "IN", "JJS", "NNS"], ["found", "that", "most", "graduates"], 3)
    assert not object_of_preposition(["CD", "NN", "IN", "JJ", "NNS"], ["80", "%", "of", "local", "farmers"], 4)
