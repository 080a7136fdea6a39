"""An irregular past after its subject that the tagger read as a noun, though its own weights say past (session 43,
misreads-18, :func:`mtfix.garble.finite_misreads.past_by_own_weight`): "met", "sat" have everyday "-s" forms for
other reasons than a noun's plural ("the Mets", "SATs"), so the plural test took them for nouns and a clean past
tense got MTF402 "no main verb".  Pasts that are nouns too ("bit", "shed") keep the plural test and the sign."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.garble.checker import detector
from mtfix.garble.finite_misreads import misread_finite, misread_finite_at, past_by_own_weight


def _codes(text: str) -> dict[str, str]:
    return {f.code: f.severity.value for f in mtfix.check(text, grammar="off").findings if f.code.startswith("MTF4")}


def test_the_tagger_weights_tell_a_past_from_a_noun() -> None:
    assert all(map(past_by_own_weight, ("met", "sat", "ran", "got", "chose", "read")))
    assert not any(map(past_by_own_weight, ("bit", "shed", "bet")))  # nouns too: "the garden shed"
    assert not past_by_own_weight("zzqx")  # a word the tagger has no weights for


@pytest.mark.parametrize(("words", "tags", "i", "expected"), [
    ("the committee met on monday .", "DT NN NN IN NNP .", 2, True),
    ("the jury sat on tuesday .", "DT NN NN IN NNP .", 2, True),
    # a noun by its weights: "the horse bit" may be a noun phrase
    ("the horse bit on the rope .", "DT NN NN IN DT NN .", 2, False),
    # before "of" the word heads a compound, whatever its weights say
    ("the committee met of the party .", "DT NN NN IN DT NN .", 2, False),
])
def test_which_pasts_are_misread_finite_verbs(words: str, tags: str, i: int, expected: bool) -> None:
    assert misread_finite_at(tags.split(), words.split(), i) is expected


@pytest.mark.parametrize("text", [
    "The committee met on Monday to discuss the budget.",
    "The envoy met with the rebels in the mountains last week.",
    "The jury sat on Tuesday to hear the last witnesses.",
    "The sign on the door read hello in large letters.",  # "read": a past and a base form
])
def test_a_clean_past_tense_has_its_main_verb(text: str) -> None:
    a = detector().analyse(text)
    assert any(s.name == "no_finite" for s in a.signs) and misread_finite(a)  # the sign fires on the model's side
    assert "MTF402" not in _codes(text)


@pytest.mark.parametrize("text", [
    "The horse bit on the end of the rope near the old gate.",
    "Members of the faculty and members of students of the university in the large hall.",
])
def test_verbless_lines_keep_their_sign(text: str) -> None:
    a = detector().analyse(text)
    assert any(s.name == "no_finite" for s in a.signs) and not misread_finite(a)
    assert "MTF402" in _codes(text)
