"""A finite verb the tagger misread as a noun, told by agreement with its subject (session 35, misreads-6,
:mod:`mtfix.garble.finite_misreads`): the ``no_finite`` sign (MTF402) and its part of MTF401 are dropped; machine
translation's verbless lists of nouns and genitive chains keep them."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.garble import misreads
from mtfix.garble.checker import detector
from mtfix.garble.finite_misreads import base_present, misread_finite, misread_finite_at, opening_present, s_present


def _codes(text: str) -> dict[str, str]:
    return {f.code: f.severity.value for f in mtfix.check(text, grammar="off").findings if f.code.startswith("MTF4")}


@pytest.mark.parametrize(("words", "tags", "i", "expected"), [
    # an "-s" present after a singular noun, before a preposition
    ("the lake changes during the thaw .", "DT NN NNS IN DT NN .", 2, True),
    # the same word before "of" is a compound's plural: "the lake changes of the year"
    ("the lake changes of the year .", "DT NN NNS IN DT NN .", 2, False),
    # after a plural noun the "-s" form is a noun ("the tax changes during ..." is read as a noun phrase)
    ("the taxes changes during the year .", "DT NNS NNS IN DT NN .", 2, False),
    # a base-form present after a plural noun
    ("three bells belong to the chapel .", "CD NNS RB TO DT NN .", 2, True),
    # ... not after a singular one: no agreement to tell the verb
    ("the season intend to plant barley .", "DT NN NN TO VB NN .", 2, False),
    # an irregular past that is no noun after the comma closing an apposition, before a bare object
    ("the city , with its allies , withstood pressure .", "DT NN , IN PRP$ NNS , NN NN .", 7, True),
    # a past homograph ("left") or a participle in -en is no such evidence
    ("the city , with its allies , left pressure .", "DT NN , IN PRP$ NNS , NN NN .", 7, False),
    ("the prize , with its money , given today .", "DT NN , IN PRP$ NN , NN NN .", 7, False),
])
def test_which_words_are_misread_finite_verbs(words: str, tags: str, i: int, expected: bool) -> None:
    lower, tag_list = words.split(), tags.split()
    assert misread_finite_at(tag_list, lower, i) is expected


def test_verb_forms_by_morphology() -> None:
    assert s_present("represents") and s_present("spreads")  # an everyday regular past; an irregular stem
    assert not s_present("glass") and not s_present("leaders")  # "-ss"; no everyday "leadered"
    assert base_present("belong") and not base_present("belongs") and not base_present("summer")


@pytest.mark.parametrize("text", [
    "Three bells belong to the old chapel on the hill above the harbour.",
    "The port city, together with its neighbours, withstood pressure from the shipping companies for a decade.",
    "This kind of rumour spreads quickly across the small coastal towns of the island.",
])
def test_a_misread_finite_verb_is_no_missing_verb(text: str) -> None:
    a = detector().analyse(text)
    assert any(s.name == "no_finite" for s in a.signs) and misread_finite(a)  # the sign fires on the model's side
    codes = _codes(text)
    assert "MTF402" not in codes and codes.get("MTF401") != "major"


@pytest.mark.parametrize("text", [
    "Members of the faculty and members of students of the university in the large hall.",
    "The museum of modern textile art in the cellar of the old customs house.",
    "The growers of the district this season intend to plant barley on the area of 40 thousand hectare.",
])
def test_verbless_machine_translation_keeps_its_sign(text: str) -> None:
    assert not misread_finite(detector().analyse(text))
    assert "MTF402" in _codes(text)


def test_the_correction_takes_out_the_sign_and_its_input_only() -> None:
    pred = detector().predict("Three bells belong to the old chapel on the hill above the harbour.")
    assert pred.contributions["no_finite"] > 0
    fixed = misreads.corrected(pred)
    assert fixed.contributions["no_finite"] == 0.0
    assert not any(s.name == "no_finite" for s in fixed.analysis.signs)
    assert fixed.probability == pytest.approx(misreads.without(pred, "no_finite"))


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # a plural subject opening the sentence, its present read as a preposition, an adverb, a noun, a colon (session 36)
    ("families break the fast with dates at sunset .", "NNS IN DT NN IN NNS IN NN .", True),
    ("students queue for hours outside the gate .", "NNS RB IN NNS IN DT NN .", True),  # "queued": a rare past
    ("hikers camp by the lake .", "NNS : IN DT NN .", True),
    ("bells ring across the valley .", "NNS VBG IN DT NN .", True),  # no vowel before "-ing": no gerund
    ("tenants face higher rents this year .", "NNS NN JJR NNS DT NN .", True),  # an object opening with an adjective
    ("herders still drive the goats uphill .", "NNS RB NN DT NNS RB .", True),  # an adverb of frequency between
    ('" pilgrims break the journey at the inn .', "`` NNS IN DT NN IN DT NN .", True),  # after an opening quote
    # left alone: a preposition that is also a verb, "of", a gerund, a bare noun, no plural, an "-s" form, not first
    ("countries like chile and peru in the region .", "NNS IN NNP CC NNP IN DT NN .", False),
    ("towns near the coast in the dry season .", "NNS IN DT NN IN DT JJ NN .", False),
    ("sales increase of ten percent in the year .", "NNS NN IN CD NN IN DT NN .", False),
    ("students meeting the minister in the hall .", "NNS VBG DT NN IN DT NN .", False),
    ("customs control staff at the border .", "NNS NN NN IN DT NN .", False),
    ("visitor break the fast with dates .", "NN IN DT NN IN NNS .", False),
    ("families breaks the fast with dates .", "NNS IN DT NN IN NNS .", False),
    ("in spring families break the fast .", "IN NN NNS IN DT NN .", False),
])
def test_a_present_after_an_opening_plural_subject(words: str, tags: str, expected: bool) -> None:
    assert opening_present(tags.split(), words.split()) is expected


@pytest.mark.parametrize("text", [
    "Families break the fast with dates and water at sunset in the old quarter.",
    "Tenants face higher rents in the city after the new housing law.",
    "Hikers camp by the lake on the first night of the long trek.",
])
def test_an_opening_plural_subject_and_its_misread_verb_keep_no_sign(text: str) -> None:
    a = detector().analyse(text)
    assert any(s.name == "no_finite" for s in a.signs) and misread_finite(a)  # the tagger's reading, not the verb
    assert "MTF402" not in _codes(text)


@pytest.mark.parametrize("text", [
    "Customs control staff at the border of the two republics in the north.",
    "Countries like Chile and Peru in the western part of the continent.",
    "Students meeting the minister of education in the great hall of the university.",
])
def test_an_opening_plural_noun_phrase_without_a_verb_keeps_its_sign(text: str) -> None:
    assert not misread_finite(detector().analyse(text))
    assert "MTF402" in _codes(text)
