"""Session 41: an irregular past belongs to one verb (``irregular_verbs.past_owner``): a verb that reaches another
verb's past only by the sound changes, and has an everyday regular past, is regular ("seats" by "sat")."""

from __future__ import annotations

import pytest

from mtfix.garble.structural_signs import _IRREGULAR_PRESENTS
from mtfix.text.irregular_verbs import irregular_present, past_owner

# Made-up regular verbs whose base the changes would give another verb's past ("seat" → "sat", "spike" → "spoke").
REGULAR = ["seats", "spikes", "wires", "tires", "sights", "brakes", "chases", "lists", "dries"]
# Irregular verbs whose past another verb reaches too ("seek"/"sing" → "sought", "lend"/"lean" → "lent").
IRREGULAR = ["sits", "speaks", "wears", "tears", "breaks", "seeks", "lends", "sings", "rings", "chooses", "draws"]


@pytest.mark.parametrize("word", REGULAR)
def test_a_regular_verb_is_no_irregular_present(word: str) -> None:
    assert not irregular_present(word)


@pytest.mark.parametrize("word", IRREGULAR)
def test_an_irregular_verb_stays_one(word: str) -> None:
    assert irregular_present(word)


@pytest.mark.parametrize(("past", "owner"), [("sat", "sit"), ("spoke", "speak"), ("wore", "wear"), ("chose", "choose"),
                                             ("broke", "break"), ("lost", "lose")])
def test_a_past_has_one_owner(past: str, owner: str) -> None:
    assert past_owner(past) == owner


def test_the_analysis_hand_list_agrees_with_the_morphology() -> None:
    """Every "-s" form of the analysis's hand list is an irregular present by morphology, but "lies" ("lie" has no
    everyday "-ing" form by spelling: "lying"), which the analysis also reads as a present homograph."""
    assert sorted(w for w in _IRREGULAR_PRESENTS if not irregular_present(w)) == ["lies"]


def test_the_kept_past_owners_are_what_the_word_list_derives() -> None:
    """PAST_OWNERS is kept as data (deriving it read the large word list: 0.2 s of every cold check, the lead's
    merge); derived again from wordfreq, it is the same table."""
    from mtfix.text.irregular_verbs import PAST_OWNERS, derive_past_owners

    assert derive_past_owners() == PAST_OWNERS
    assert PAST_OWNERS["sat"] == "sit" and PAST_OWNERS["spoke"] == "speak"
