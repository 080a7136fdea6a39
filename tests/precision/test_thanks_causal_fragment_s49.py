"""misreads-24 mended after review (session 49, RFP): "Thanks to X," followed by a verbless noun phrase is MT's
causal fragment ("owing to X, Y happened" with Y's verb lost), not a formula of thanks.  The formula names the thing
thanked for ("Thanks for X", "Thanks to X for Y") or only the thanked ("Thanks to the cooks, the caretaker and the
cleaners."); :func:`mtfix.garble.misreads._causal_fragment` refuses it when, after the object of "to" or "for", a
second noun phrase opened by a determiner or an adjective follows straight after a noun, or (behind "to") a comma
then a phrase whose first noun is a common noun, neither "for" nor a list of the thanked.  Guards of our own, 0 to 2
"of" each, with and without the comma, keep the ``no_finite`` sign, MTF402 and the severity they had before
misreads-24; clean formulas keep their reading."""

from __future__ import annotations

import pytest

from tests.precision.genre_lines import codes, majors, no_finite

#: MT-like causal fragments of our own behind "Thanks to" / "Thanks for", as MT from languages without articles
#: or with a causal "thanks to" writes them; True marks those major (MTF401) before misreads-24, which they keep.
_CAUSAL = [
    # no "of"
    ("Thanks to the new policy, the steady rise in tourism and a drop in unemployment.", False),
    ("Thanks to the subsidies, big harvest for the farmers in the region this year.", False),
    ("Thanks to the investment from the state the rapid growth in the car industry.", False),
    ("Thanks for the support the deepening friendship between our two peoples.", False),
    ("Thanks to the cooperation, the opening new flights between the capitals.", False),
    ("Thanks to joint work by ministry, reduction in waiting times across hospitals.", False),
    # one "of"
    ("Thanks to this, a noticeable improvement in the quality of water in the river.", False),
    ("Thanks to the reform, significant reduction of the queues at the hospitals.", True),
    ("Thanks to joint efforts, expansion of trade between the two neighbouring states.", False),
    ("Thanks to the decision of the government a sharp increase in the pensions.", True),
    ("Thanks to these steps, stable prices on the market and the growth of the savings.", True),
    ("Thanks to the new bridge, shorter journeys for the residents of both banks.", True),
    # two "of"
    ("Thanks to the programme of the ministry, the creation of new jobs in the villages.", True),
    ("Thanks to tourism the strong growth of income of the local population.", True),
]


@pytest.mark.parametrize(("text", "major"), _CAUSAL)
def test_a_causal_fragment_behind_thanks_keeps_its_flag(pipeline, text, major):
    assert no_finite(text) == (True, True)
    assert "MTF402" in codes(pipeline, text)
    assert ("MTF401" in majors(pipeline, text)) is major


#: Formulas of thanks of our own that the mend must leave as formulas: a list of the thanked after the comma, a
#: vocative, a time phrase, "all" after the thanked, names, a comma before "for".
_FORMULAS = [
    "Thanks to the cooks, the caretaker and the volunteer cleaners.",
    "Thanks to the committee, the judges and the stewards of the show.",
    "Thanks to the cooks, the cleaners and the caretaker, for the lunch after the match.",
    "Thanks for the meal at the pub last night, everyone.",
    "Thanks again for the lovely evening at your house last week.",
    "Thanks to our neighbours for the loan of their ladder this summer.",
    "Thanks to you all for the cards and the kind messages.",
    "Thanks for the tea, the cake and the lovely music.",
    "Thanks in advance to everyone for their help with the raffle.",
    "Thanks to Marta and the whole kitchen team for a wonderful lunch.",
    "Thanks for your note about the leak in the roof, Mr Adeyemi.",
]


@pytest.mark.parametrize("text", _FORMULAS)
def test_a_formula_of_thanks_stays_a_formula(pipeline, text):
    assert no_finite(text) == (True, False)
    assert "MTF402" not in codes(pipeline, text) and majors(pipeline, text) == []
