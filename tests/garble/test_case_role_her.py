"""MTF407 on "her" (session 31): "her" is both the object and the possessive form of "she", so the case-role
sign left it out and "Her said that ..." was never flagged.  It now fires where "her" can only be a subject in
the wrong form (at a clause's start, right before a finite verb the tagger is sure of) and never on the
possessive before its noun ("Her report said ...")."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline


def _case_role(text: str) -> list[str]:
    """MTF407's flagged words in ``text``."""
    with Pipeline(Config(grammar="off", select=("MTF407",))) as p:
        return [text[f.start:f.end] for f in p.check(text).findings if f.code == "MTF407"]


@pytest.mark.parametrize("text", [
    "Her said that the offer was fair.",
    "Her says the talks will continue next week.",
    "Her has said that the budget was approved.",
    "Her did not agree with the plan of the ministry.",
    "The minister left, and her said the talks had failed.",
    "He said that her was tired after the long meeting.",
])
def test_her_in_a_subjects_place_is_flagged(text: str) -> None:
    assert _case_role(text) == ["Her" if text.startswith("Her") else "her"]


@pytest.mark.parametrize("text", [
    "Her report said the offer was fair.",
    "Her studies showed a rise in prices.",
    "Her plans were approved by the board.",
    "Her will was read on Monday.",
    "Her left hand was injured in the fall.",
    "Her cut was deep but healed quickly.",
    "Her works are shown in Baku this month.",
    "He said that her report was fair.",
    "Officials thanked her and left the hall.",
    "The award was given to her last night.",
])
def test_her_as_a_possessive_or_an_object_is_not_flagged(text: str) -> None:
    assert _case_role(text) == []


def test_the_reason_quotes_her_and_names_she() -> None:
    from mtfix.garble.messages import _OTHER_CASE

    assert _OTHER_CASE["her"] == "she"


# session 33: an irregular past the tagger read as the possessive's noun ("Her told" → told/NN), and "US" the country
@pytest.mark.parametrize("text", [
    "Her told reporters the talks had failed.",
    "Her gave a speech to the workers on Monday.",
    "Him told us that the offer was fair.",
    "The minister left, and her told reporters that the talks had failed.",
])
def test_a_past_the_tagger_read_as_a_noun_is_flagged(text: str) -> None:
    assert _case_role(text) == ["Her" if text.startswith("Her") else ("Him" if text.startswith("Him") else "her")]


@pytest.mark.parametrize("text", [
    "Her lost keys were found in the car park.",
    "Her given name is Anna and she lives in Riga.",
    "Her written report was late by a week.",
    "Her bid for the seat failed in the end.",
    "Her made-up story fooled nobody at the party.",
    "US said the talks had failed.",
    "She told reporters the talks had failed.",
])
def test_a_participle_before_its_noun_or_the_country_is_not_flagged(text: str) -> None:
    assert _case_role(text) == []


def test_which_pasts_are_no_nouns() -> None:
    from mtfix.garble.pronoun_pasts import is_pronoun_past
    from mtfix.garble.signs import PAST_HOMOGRAPHS

    assert [is_pronoun_past(w, PAST_HOMOGRAPHS) for w in ("told", "went", "gave", "said")] == [True] * 4
    assert [is_pronoun_past(w, PAST_HOMOGRAPHS) for w in ("saw", "left", "bid", "thought", "report")] == [False] * 5
