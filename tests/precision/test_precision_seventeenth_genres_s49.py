"""Precision on clean English in the seventeenth genre set (session 49, ``tests/data/professional_seventeenth_genres.txt``,
our own 250 lines): tree survey reports, mountain rescue call-outs, swimming pool rules, lost and found notices,
bell-ringing peal reports, thesis acknowledgements, builders' quotations, pollen and air quality bulletins, stamp
catalogue entries and choir rehearsal notes.  The set's own lines are checked with the other sets' in
``test_precision_genre_sets_s41.py``.  Here, the class session 49 mended (misreads-24): a formula of thanks, verbless
as English writes it ("Thanks for ...", "Thanks to X for Y."), no longer "has no main verb" (MTF402) nor lifted to a
major MTF401 by that sign; the recall guards (MT-like verbless fragments behind "Thanks to" keep their sign, MTF402
and their severity); unit cases of the reading; and a strict xfail for what is left."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from mtfix.garble.misreads import thanks_formula
from tests.precision.genre_lines import codes, majors, no_finite

# -- a formula of thanks (misreads-24) ------------------------------------------------------------------------------

#: Our own formulas of thanks, as letters, e-mails, acknowledgements, newsletters and call-out reports write them.
#: Base gave each the ``no_finite`` sign and MTF402; the first a major MTF401 (checked on base, session 49).
_THANKS = [
    "Thanks to the staff of the youth hostel for the hot drinks.",
    "With thanks to the parish council for the loan of the hall.",
    "Particular thanks to Chiara, Mateus and Yuki, for coffee, arguments and proofreading.",
    "Many thanks to the ground staff for the pitch.",
    "Special thanks to our sponsors, the Harbour Bakery and Ellis Hardware.",
    "Thanks to Kateryna Shevchenko for the refreshments.",
    "Thanks for the quick reply about the invoice.",
    "Thanks in advance for your patience with the roadworks.",
    "Thanks so much for the lift to the station.",
    "Thanks again to Priya for the photographs of the fair.",
    "Thanks Tomasz and Ines for the flowers.",
]


@pytest.mark.parametrize("text", _THANKS)
def test_a_formula_of_thanks_needs_no_verb(pipeline, text):
    assert no_finite(text) == (True, False)  # the analysis finds no verb; the checker reads the formula
    assert "MTF402" not in codes(pipeline, text) and majors(pipeline, text) == []


#: MT-like verbless fragments of our own behind "Thanks to" / "Thanks for", as MT from article-less source languages
#: writes them: a chain of nominalisations joined by "of", or more than two "of the"/"in the" phrases.  Each has the
#: ``no_finite`` sign and MTF402 on base, those marked True a major MTF401 (checked on base, session 49); they keep them.
_MT_THANKS = [
    ("Thanks to the support of the government the increase of the production of the grain in the region.", True),
    ("Thanks to development of cooperation of two countries in sphere of economy.", False),
    ("Thanks to the efforts of the ministry of the agriculture in the development of the region.", True),
    ("Thanks to the new technologies of production the growth in the volume of the export.", True),
    ("Thanks to the decision of the president on the reforms in the sphere of the education.", True),
    ("Thanks to modern equipment, increase of productivity of labour at the plant.", True),
    ("Thanks for the development of the cooperation of the two countries in the sphere of the energy.", True),
]


@pytest.mark.parametrize(("text", "major"), _MT_THANKS)
def test_mt_fragments_behind_thanks_keep_their_flag(pipeline, text, major):
    assert no_finite(text) == (True, True)
    assert "MTF402" in codes(pipeline, text)
    assert ("MTF401" in majors(pipeline, text)) is major


def _analysis(words: str, tags: str) -> SimpleNamespace:
    w = words.split()
    return SimpleNamespace(tokens=[SimpleNamespace(text=x) for x in w], tags=tags.split(), lower=[x.lower() for x in w])


@pytest.mark.parametrize(("words", "tags", "expected"), [
    ("Thanks for your help .", "NN IN PRP$ NN .", True),
    ("Many thanks to Jo .", "JJ NNS IN NNP .", True),
    ("Thanks again to Jo for the lift .", "NN RB IN NNP IN DT NN .", True),
    ("Thanks in advance for your patience .", "NN IN NN IN PRP$ NN .", True),
    ("Thanks Dan and Jo for the cake .", "NN NNP CC NNP IN DT NN .", True),
    ("Thanks to the staff of the hostel for the tea .", "NN IN DT NN IN DT NN IN DT NN .", True),
    # two "of": MT's chain of nominalisations
    ("Thanks to growth of trade of grain .", "NN IN NN IN NN IN NN .", False),
    # three phrases opened by a preposition and a determiner
    ("Thanks to the staff in the hall of the school for the tea .", "NN IN DT NN IN DT NN IN DT NN IN DT NN .", False),
    ("Tea at the break , thanks to Jo .", "NN IN DT NN , NNS IN NNP .", False),  # a noun before it
    ("Thanks , Jo .", "NN , NNP .", False),  # no "to" or "for"
    ("Thanks very very much indeed for it .", "NN RB RB RB RB IN PRP .", False),  # four words between
    ("Thanks to .", "NN IN .", False),  # nothing after it
])
def test_which_sentences_are_formulas_of_thanks(words, tags, expected):
    assert thanks_formula(_analysis(words, tags)) is expected


def test_the_misreads_revision_is_bumped():
    from mtfix.garble import misreads

    assert misreads.REVISION >= 24  # this change bumped it (misreads-24)
