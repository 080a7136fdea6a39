"""Precision on clean English in the fifteenth genre set (session 46, ``tests/data/professional_fifteenth_genres.txt``,
our own 250 lines): allotment society minutes, orchestra audition notices, veterinary advice, patent abstracts, bridge
club reports, funeral notices, ski resort reports, library opening hours, art restoration reports and beekeeping
newsletters.  The set's own lines are checked with the other sets' in ``test_precision_genre_sets_s41.py`` (no edit,
no major, no rule finding outside the garble detector's).  Here, the class session 46 mended, with examples of our
own: an imperative the tagger read as a noun behind a short opening phrase and its comma ("At the end of your stay,
hand your key to reception.", misreads-21); the recall guard for it (MT-like verbless sentences behind an opening
phrase, which the old behaviour flagged for having no verb, flagged as before); the set's sentence-final regular
pasts and noun-verb homographs that pass; and a strict xfail for the particle that is also a preposition."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from mtfix.garble.misreads import _fronted_misread_imperative
from tests.precision.genre_lines import codes, majors, no_finite

# -- an imperative read as a noun behind an opening phrase (misreads-21) -------------------------------------------

@pytest.mark.parametrize("text", [
    "At the end of your stay, hand your key to reception.",
    "At the end of the visit, hand your badge to security.",
    "After the walk, hand your map back to the ranger.",
    "After use, hand back the keys to the warden.",
    "After cooking, store the rice in the fridge.",
])
def test_an_imperative_read_as_a_noun_behind_an_opening_phrase_has_its_verb(pipeline, text):
    assert no_finite(text) == (True, False)  # the analysis misses the verb; the checker reads the imperative
    assert "MTF402" not in codes(pipeline, text) and majors(pipeline, text) == []


#: MT-like verbless sentences of our own behind an opening phrase: a noun and "of" where a verb should be.  The old
#: behaviour gave each the ``no_finite`` sign, MTF402 and a major MTF401 (checked on base, session 46).
_MT_VERBLESS = [
    "At the meeting, development of cooperation between the two countries in the field of energy.",
    "In the framework of the visit, signing of the agreements on trade and investment.",
    "In 2023, increase of the prices of gas in the region by twenty percent.",
    "According to the minister, construction of the new bridge across the river in the city.",
    "At the end of the year, opening of the new school in the village of the district.",
    "During the talks, exchange of views on the regional and international issues.",
    "At the forum, support of the small and medium business in the regions.",
    "On the eve of the holiday, visit of the delegation of the ministry to the city.",
    "At the ceremony, attention the issues of the security of the region.",
    "In the region, construction of roads and bridges in the villages of the district.",
    "On the sidelines of the summit, meeting of the trade ministers of both neighbouring states.",
]


@pytest.mark.parametrize("text", _MT_VERBLESS)
def test_mt_verbless_sentences_behind_an_opening_phrase_keep_their_flag(pipeline, text):
    assert no_finite(text) == (True, True)
    assert "MTF402" in codes(pipeline, text) and "MTF401" in majors(pipeline, text)


def test_a_forecasts_fragment_keeps_its_sign():
    """A noun before a preposition's phrase has the tags of a phrasal verb's particle and object: the sign stays."""
    assert no_finite("In the north, rain in the afternoon.") == (True, True)


def _toks(text: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(text=w) for w in text.split()]


@pytest.mark.parametrize(("words", "tags", "expected"), [
    ("After use , hand your key .", "IN NN , NN PRP$ NN .", True),
    ("After use , hand back the keys .", "IN NN , NN RB DT NNS .", True),
    ("After use , hand in the keys .", "IN NN , NN IN DT NNS .", False),  # "in": a preposition too
    ("At the meeting , development of the plan .", "IN DT NN , NN IN DT NN .", False),  # "of" after the noun
    ("At the meeting , attention the issues .", "IN DT NN , NN DT NNS .", False),  # no verb by morphology
    ("At the meeting , Hand the keys .", "IN DT NN , NNP DT NNS .", False),  # a capital mid-sentence: a name
    ("The end of the day , hand the keys .", "DT NN IN DT NN , NN DT NNS .", False),  # no opening phrase
    ("At the end of the long and busy day at work , hand the keys .",
     "IN DT NN IN DT JJ CC JJ NN IN NN , NN DT NNS .", False),  # the comma past eight tokens
    ("After use , hand that .", "IN NN , NN WDT .", False),
])
def test_which_openings_hide_an_imperative(words, tags, expected):
    w = words.split()
    assert _fronted_misread_imperative(_toks(words), tags.split(), [x.lower() for x in w], 0) is expected


# -- the set's shapes that pass (guards) ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Attendance at the open day doubled.",  # a regular past closing its sentence, no time or place name before it
    "At two tables, East doubled.",  # a bridge call
    "The snow park reopened.",
    "Overdue charges were abolished.",
    "Her report saw a sharp rise in claims.",  # a noun-verb homograph as the verb
    "The first round will be played behind a screen.",
])
def test_the_sets_shapes_are_left_alone(pipeline, text):
    found = codes(pipeline, text)
    assert "MTF404" not in found and "MTF402" not in found and majors(pipeline, text) == []


# -- left: strict xfail --------------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="a particle that is also a preposition ('in', 'on', 'over') before the object "
                   "has the tags of a noun's prepositional phrase: 'In the north, rain in the afternoon.' (NN IN DT)")
@pytest.mark.parametrize("text", ["At the end of the session, hand in your scorecards at the desk.",
                                  "On the last day, hand over the keys to the new tenant."])
def test_an_imperative_with_a_prepositional_particle_behind_an_opening_phrase(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


def test_the_misreads_revision_is_bumped():
    from mtfix.garble import misreads

    assert misreads.REVISION >= 21
