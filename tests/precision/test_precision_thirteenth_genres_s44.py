"""Precision on clean English in the thirteenth genre set (session 44, ``tests/data/professional_thirteenth_genres.txt``,
our own 250 lines): university course descriptions, calls for papers, museum audio guide scripts, angling
regulations, car road tests, clothing product descriptions, notices of shareholder meetings, parcel tracking updates,
hospital discharge advice and charity fundraising appeals.  The set's own lines are checked with the other sets' in
``test_precision_genre_sets_s41.py`` (``fix`` changes nothing, nothing is major, no rule outside the garble
detector's finds anything); here, the classes session 44 looked at.  Three known false alarms on clean sentences,
each with examples of our own: a regular past that closes its sentence after its subject's last noun, tagged a noun
(mended, misreads-19); a short sentence with an "of" and bare mass nouns near the minor threshold, and an irregular
past that is also a noun ("bit"), both left as strict xfails, as is an "-s" present after a number that measures its
subject ("A gift of 60 pays for ...")."""

from __future__ import annotations

import pytest

from mtfix.garble.checker import detector
from mtfix.garble.finite_misreads import final_regular_past, misread_finite
from tests.precision.genre_lines import codes


def _no_finite(text: str) -> tuple[bool, bool]:
    """Whether the model's analysis of ``text`` has the ``no_finite`` sign, and whether the checker reads a misread
    finite verb in it (and so drops the sign)."""
    a = detector().analyse(text)
    return any(s.name == "no_finite" for s in a.signs), misread_finite(a)


# -- a regular past closing its sentence after its subject's last noun, tagged a noun (misreads-19) -----------------

@pytest.mark.parametrize("text", [
    "Prices of oil and gas climbed.",
    "Rents in the old town climbed.",
    "Residents of the upper valley agreed.",
    "Residents of the old town agreed.",
])
def test_a_final_regular_past_is_the_main_verb(pipeline, text):
    sign, misread = _no_finite(text)
    assert sign and misread  # the model's side reads no verb; the checker reads the past
    assert all("no main verb" not in f.message for f in pipeline.check(text).findings)


@pytest.mark.parametrize(("words", "tags", "expected"), [
    ("prices of oil and gas climbed .", "NNS IN NN CC NN NN .", True),
    ("stocks in the port dropped .", "NNS IN DT NN NN .", True),  # a doubled consonant
    ("supplies from the farm rallied .", "NNS IN DT NN NN .", True),  # "-ied"
    ("delegates of the region involved .", "NNS IN DT NN JJ .", False),  # a participle after its noun: JJ
    ("meeting of the ministers of the region held .", "NN IN DT NNS IN DT NN NN .", False),  # irregular
    ("prices of oil and gas hundred .", "NNS IN NN CC NN NN .", False),  # no verb's "-ing" form
    ("prices of oil and gas need .", "NNS IN NN CC NN NN .", False),  # "-ed" but no past
    ("prices of oil and gas climbed ?", "NNS IN NN CC NN NN .", False),  # a question's fragment
])
def test_which_final_words_are_regular_pasts(words, tags, expected):
    lower, tagged = words.split(), tags.split()
    assert final_regular_past(tagged, lower, len(lower) - 2) is expected


@pytest.mark.parametrize("text", [
    "Meeting with the chiefs of the regional bodies involved.",
    "Meeting of the ministers of the two countries of the region held.",
])
def test_a_chain_ending_in_a_participle_or_an_irregular_past_keeps_the_sign(pipeline, text):
    assert _no_finite(text) == (True, False)
    assert "MTF402" in codes(pipeline, text)


# -- left: strict xfails of the classes no rule told from MT's errors --------------------------------------------

@pytest.mark.xfail(strict=True, reason="short sentence with an 'of' and bare mass nouns: MTF401 minor at p≈0.36 from "
                   "of_per_word, log_words and bare_noun_share (model weights; no checker-level mend measured)")
@pytest.mark.parametrize("text", ["Prices of oil and gas rose.", "Imports of grain and rice fell."])
def test_a_short_sentence_of_mass_nouns_is_not_garbled(pipeline, text):
    assert "MTF401" not in codes(pipeline, text)


@pytest.mark.xfail(strict=True, reason="'bit' is a noun by the tagger's own weights and its plural is an everyday "
                   "word; 'The horse bit on the end of the rope.' is a verbless noun phrase of the same tags")
@pytest.mark.parametrize("text", ["The storm bit into the coast overnight.",
                                  "The frost bit deep into the soil of the upper fields."])
def test_an_irregular_past_that_is_also_a_noun_is_a_verb(text):
    assert _no_finite(text) != (True, False)


@pytest.mark.xfail(strict=True, reason="an '-s' present after 'of' and a number: 'A most of four goals in ...' (an MT line's shape) "
                   "(MT, MQM 2020) has the same tags, the number counting the plural")
@pytest.mark.parametrize("text", ["A gift of 60 pays for a winter coat and boots for a child.",
                                  "Your gift of 25 buys a week of fuel for a family of four."])
def test_a_present_after_a_measuring_number_is_a_verb(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


def test_the_misreads_revision_is_bumped():
    from mtfix.garble import misreads

    assert misreads.REVISION >= 19
