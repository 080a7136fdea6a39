"""Precision on clean English in the sixteenth genre set (session 47, ``tests/data/professional_sixteenth_genres.txt``,
our own 250 lines): letters from letting agents to tenants, vehicle service reports, horticultural show schedules,
archaeological excavation reports, household waste collection notices, wedding and birth announcements, prize draw
terms, building survey reports, cycling stage race reports and recipe headnotes.  The set's own lines are checked
with the other sets' in ``test_precision_genre_sets_s41.py`` (no edit, no major but the one the detector's weights
give, no rule finding outside the garble detector's).  Here, the classes session 47 mended (misreads-22), with
examples of our own: an imperative the tagger read as a comparative ("Lower the heat ..."), and a field's label and
colon behind a list item's number ("3. Delivery: within five working days.") or with a bracketed qualifier ("Room 2
(first floor): A small office ..."), its value short of MT's chain of "of the" phrases (the review's mend); the
recall guards (MT-like verbless sentences of the same outward shapes keep
their sign, MTF402 and their severity); and a strict xfail for what is left."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from mtfix.garble.misreads import _comparative_imperative, labelled_field
from tests.precision.genre_lines import codes, majors, no_finite

# -- an imperative read as a comparative (misreads-22) -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lower the path to at least 150 mm below the damp-proof course.",
    "Lower the heat and simmer for ten minutes.",
    "Lower the oven to 160 degrees for the last hour.",
])
def test_an_imperative_read_as_a_comparative_has_its_verb(pipeline, text):
    assert no_finite(text) == (True, False)  # the analysis misses the verb; the checker reads the imperative
    assert "MTF402" not in codes(pipeline, text) and majors(pipeline, text) == []


# -- a field's label behind a list number or with a bracketed qualifier (misreads-22) --------------------------------

@pytest.mark.parametrize("text", [
    "Class 41 (under twelves): A miniature garden on a plate.",
    "Room 2 (first floor): A small office with a desk.",
    "3. Delivery: within five working days of the order.",
    "2. Closing date: the last Friday of the month.",
    "4. Eligibility: residents of Wales over the age of 16.",
    "b) Venue: the main hall of the town library.",
    "6. No purchase necessary: to enter by post, send your name and address on a postcard.",
])
def test_a_field_behind_a_number_or_with_a_qualifier_needs_no_verb(pipeline, text):
    assert no_finite(text) == (True, False)
    assert "MTF402" not in codes(pipeline, text) and majors(pipeline, text) == []


#: MT-like verbless sentences of our own with the outward shapes the new readings take (a comparative or a word in
#: "-er" first, a list number, brackets before a colon).  Base gave each the ``no_finite`` sign and MTF402, and the
#: majors marked True a major MTF401 (checked on base, session 47).
_MT_VERBLESS = [
    ("Lower prices of the fuel for the farmers of the region.", False),
    ("Lower level of the cooperation between the two ministries.", False),
    ("Higher the price, higher the quality of the goods.", False),
    ("Better conditions for the development of the small business in the region.", True),
    ("3. Development of the partnership of the two sides in sphere of the energy.", True),
    ("2. The meeting of the heads of the two states in the capital of the republic.", True),
    ("1. In the framework of the visit, signing of the memorandum between the universities.", True),
    ("4. Participation of the delegation in the international forum in the city of Astana.", True),
    ("The Ministry of Energy (MoE): development of the cooperation in the field of energy.", True),
    ("The Agency (UNDP): support of the project of the rural women in the mountain districts.", True),
    ("Results of meeting (the president and minister): the development of the cooperation in region.", True),
    ("Development (of) the partnership of two sides in the energy sphere.", False),
]


@pytest.mark.parametrize(("text", "major"), _MT_VERBLESS)
def test_mt_verbless_sentences_of_those_shapes_keep_their_flag(pipeline, text, major):
    assert no_finite(text) == (True, True)
    assert "MTF402" in codes(pipeline, text)
    assert ("MTF401" in majors(pipeline, text)) is major


#: MT-like verbless headings of our own behind a list number or a bracketed label (review of misreads-22): a
#: nominalised value chaining "of the ... in the ..." phrases, as MT from article-less source languages (Russian,
#: Uzbek, Azerbaijani, Chinese, Turkish) writes it, or a bracket opened by a preposition or a number.  Base (before
#: misreads-22) gave each the ``no_finite`` sign, MTF402 and a major MTF401 (checked session 47); they keep them.
_MT_LABELLED = [
    "2. Purpose: strengthening of the cooperation of the two countries in the sphere of the education.",
    "4. Outcome: the growth of the volume of the export of the grain to the neighbouring countries.",
    "c) Conclusion: the necessity of the improvement of the system of the control of the quality.",
    "5. Theme: the questions of the development of the tourism in the mountain regions of the country.",
    "3. Decision: the creation of the commission on the questions of the protection of the environment.",
    "Visit (to Tashkent): the signing of the agreement of the cooperation in the field of the health.",
    "Forum (in capital): the discussion of the problems of the ecology of the Aral sea region.",
    "Session (with partners): the exchange of the opinions on the questions of the regional security.",
    "Report (2019 year): the reduction of the level of the poverty among the population of the villages.",
    "Decree (number 45): the approval of the programme of the development of the agriculture.",
]


@pytest.mark.parametrize("text", _MT_LABELLED)
def test_mt_headings_behind_a_number_or_a_bracketed_label_keep_their_flag(pipeline, text):
    assert no_finite(text) == (True, True)
    assert "MTF402" in codes(pipeline, text) and "MTF401" in majors(pipeline, text)


def _toks(text: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(text=w) for w in text.split()]


@pytest.mark.parametrize(("words", "tags", "expected"), [
    ("Lower the heat .", "JJR DT NN .", True),
    ("Lower your voice .", "RBR PRP$ NN .", True),
    ("Lower prices of fuel .", "JJR NNS IN NN .", False),  # no article, possessive or pronoun after it
    ("Higher the price .", "JJR DT NN .", False),  # no verb by morphology
    ("Lower that .", "JJR WDT .", False),
    ("lower the heat .", "JJR DT NN .", False),  # not where an imperative stands: no capital
    ("Lower the heat .", "NN DT NN .", False),  # another tag: not this reading's
])
def test_which_comparatives_are_imperatives(words, tags, expected):
    w = words.split()
    assert _comparative_imperative(_toks(words), tags.split(), [x.lower() for x in w], 0) is expected


def _analysis(words: str, tags: str) -> SimpleNamespace:
    return SimpleNamespace(tokens=_toks(words), tags=tags.split())


@pytest.mark.parametrize(("words", "tags", "expected"), [
    ("3 . Delivery : within five days .", "CD . NN : IN CD NNS .", True),
    ("Room 2 ( first floor ) : A small office .", "NN CD -LRB- JJ NN -RRB- : DT JJ NN .", True),
    ("2 . Room 2 ( first floor ) : A small office .", "CD . NN CD -LRB- JJ NN -RRB- : DT JJ NN .", True),
    ("Delivery : within five days .", "NN : IN CD NNS .", False),  # the analysis reads it itself
    ("The Ministry ( MoE ) : development of it .", "DT NNP -LRB- NNP -RRB- : NN IN PRP .", False),  # an acronym
    ("Results ( the president ) : the plan .", "NNS -LRB- DT NN -RRB- : DT NN .", False),  # an article inside
    ("Room ( on the first floor ) : an office .", "NN -LRB- IN DT JJ NN -RRB- : DT NN .", False),  # too long
    ("Room 2 ( first floor ) , an office .", "NN CD -LRB- JJ NN -RRB- , DT NN .", False),  # no colon after it
    ("3 . The talks of the two long days : a plan .", "CD . DT NNS IN DT CD JJ NNS : DT NN .", False),  # label of 8
    # the value: at most two phrases opened by a preposition and a determiner (session 47)
    ("2 . Venue : the hall of the library in the town .", "CD . NN : DT NN IN DT NN IN DT NN .", True),
    ("2 . Venue : the hall of the library in the town of the county .",
     "CD . NN : DT NN IN DT NN IN DT NN IN DT NN .", False),
    ("Area ( of the north ) : rain .", "NN -LRB- IN DT NN -RRB- : NN .", False),  # an article inside
    ("Area ( in north ) : rain .", "NN -LRB- IN NN -RRB- : NN .", False),  # a preposition first
    ("Pairs ( over sixties ) : a cup .", "NNS -LRB- IN NNS -RRB- : DT NN .", True),  # a band
    ("Sales ( 2019 year ) : a rise .", "NNS -LRB- CD NN -RRB- : DT NN .", False),  # a number first
])
def test_which_labels_make_a_field(words, tags, expected):
    assert labelled_field(_analysis(words, tags)) is expected


# -- left: strict xfail --------------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="a plural subject, its prepositional phrase ending in a noun or a name, then a "
                   "present the tagger joins to it as a compound ('term move', NN NN): MT's verbless 'Meeting of the "
                   "opposition parties rally in the centre' (misreads-13) has the same tags, so no reading takes it")
@pytest.mark.parametrize("text", ["Meetings in the autumn term move to Thursdays.",
                                  "Collections in the week of 25 December move to the following day."])
def test_a_present_after_a_compound_noun_in_the_subjects_phrase(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


def test_the_misreads_revision_is_bumped():
    from mtfix.garble import misreads

    assert misreads.REVISION >= 22  # this change bumped it (misreads-22, unreleased; session 47's review kept it)
