"""misreads-21 after review (session 46): a noun read as an imperative behind an opening phrase and its comma takes
the noun phrases English gives a verb as objects: one, or two when the verb is one English gives an indirect object
(``mtfix/garble/data/dative-verbs.txt``, from UD English EWT train), never three.  MT's source order puts the subject
right after the misread noun ("In 2019, record the company its ...", the reviewer's shape): those sentences keep
MTF402, as before misreads-21.  Our own sentences of both kinds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from mtfix.garble import misreads
from mtfix.garble.finite_misreads import dative_verbs
from mtfix.garble.misreads import _fronted_misread_imperative
from tests.precision.genre_lines import codes

#: MT-like sentences of our own: an opening phrase, a noun-verb homograph the tagger reads as a noun, then its subject
#: and object as two noun phrases (or three).  Each had MTF402 before misreads-21 and none after it (checked, session 46).
_MT_SUBJECT_AFTER = [
    "In 2017, record the airline its first profit after the crisis.",
    "In 2021, record the factory its biggest losses since the war.",
    "In 2016, record the museum its largest number of visitors.",
    "In the second half, hand the club the coach a new contract.",
    "At the final, hand the president the captain the cup of the champions.",
    "In the morning, water the gardeners the plants in the park.",
    "In the drought, water the volunteers the trees of the park.",
    "During the summer, water the city the lawns of the centre.",
    "After the harvest, store the farmers the grain in the barns.",
    "In autumn, store the cooperative the apples in the old warehouse.",
    "During the war, house the school the refugees from the east.",
    "After the floods, house the city the victims in the schools.",
]


@pytest.mark.parametrize("text", _MT_SUBJECT_AFTER)
def test_mt_order_with_the_subject_after_a_misread_noun_keeps_mtf402(pipeline, text):
    assert "MTF402" in codes(pipeline, text)


#: Clean imperatives of our own behind an opening phrase, the verb read as a noun: two objects after a verb English
#: gives an indirect object, one object, or a time phrase after it.
_CLEAN = [
    "At the door, hand the steward your coat.",
    "After the match, hand the referee the ball.",
    "At the gate, hand the guard your pass.",
    "After the class, hand your teacher the form.",
    "Before the trip, hand your passport to the guide.",
    "In dry weather, water the beds twice a week.",
    "After planting, water the seedlings the next morning.",
    "After use, store the brushes in the box.",
    "After the tasting, store the cheese in the cellar.",
]


@pytest.mark.parametrize("text", _CLEAN)
def test_clean_imperatives_behind_an_opening_phrase_stay_clean(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


def _toks(text: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(text=w) for w in text.split()]


@pytest.mark.parametrize(("words", "tags", "expected"), [
    ("In 2019 , record the company its profits .", "IN CD , NN DT NN PRP$ NNS .", False),
    ("In 2019 , hand the club the coach a contract .", "IN CD , NN DT NN DT NN DT NN .", False),  # three
    ("After use , store the farmers the grain .", "IN NN , NN DT NNS DT NN .", False),  # not a dative verb
    ("After use , hand the porter your ticket .", "IN NN , NN DT NN PRP$ NN .", True),
    ("After use , hand him the keys .", "IN NN , NN PRP DT NNS .", True),
    ("After use , store the rice the next day .", "IN NN , NN DT NN DT JJ NN .", True),  # a time phrase
    ("After use , store the cold rice in the fridge .", "IN NN , NN DT JJ NN IN DT NN .", True),
])
def test_which_objects_an_imperative_takes(words, tags, expected):
    w = words.split()
    assert _fronted_misread_imperative(_toks(words), tags.split(), [x.lower() for x in w], 0) is expected


def test_the_dative_verbs_are_read_from_the_treebank():
    verbs = dative_verbs()
    assert {"give", "hand", "send", "show", "tell"} <= verbs
    assert not {"record", "store", "water", "house", "export"} & verbs


def test_the_revision_includes_the_review_21():
    """The review's change went out in revision 21 (not bumped again in session 46); session 47 bumped it to 22."""
    assert misreads.REVISION >= 22  # pinned to the current revision: bump with the next change of what it finds
