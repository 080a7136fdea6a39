"""bench/probe_word_order.py: candidate A (verb before its subject after a fronted phrase) flags
MT-style inversion and passes the inversions English has (locative, quotative, "Among those")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

probe = pytest.importorskip("probe_word_order")


def _hits(text: str) -> bool:
    (segs,) = probe._tagged([text])
    return any(probe.a_union(w, lo, g) for _, w, lo, g in segs)


@pytest.mark.parametrize("text", [
    "On 5 May, in the centre of the city will be held a chess tournament for schoolchildren.",
    "At the opening of the session of the regional council, were discussed the budget and the new road.",
    "About this in an interview with the channel said the deputy governor of the province.",
])
def test_verb_before_its_subject_after_a_fronted_phrase_is_a_hit(text: str) -> None:
    assert _hits(text)


@pytest.mark.parametrize("text", [
    "At the meeting were the ministers of finance and energy.",
    "In the hall were displayed paintings by local artists.",
    "Among those killed were two police officers.",
    "\u201cWe will build it,\u201d said the minister.",
    "In 2019 the council will be asked to vote again.",
    "After the minister said the plan would go ahead, the shares rose.",
    "In Moscow, officials said the talks had ended.",
    "On the same day, the bridge was closed for repairs.",
])
def test_english_inversions_and_fronted_phrases_with_a_subject_pass(text: str) -> None:
    assert not _hits(text)


def _d1(text: str) -> bool:
    (segs,) = probe._tagged([text])
    return any(probe.d1_object_verb(w, lo, g) for _, w, lo, g in segs)


@pytest.mark.parametrize("text", [
    "The governor the delegation of the chamber of commerce at the regional office received.",
    "Baku State University the 45th place in the ranking of the region's universities gained.",
])
def test_round4_object_before_the_sole_verb_is_a_d1_hit(text: str) -> None:
    assert _d1(text)


@pytest.mark.parametrize("text", [
    "Prices of oil and gas rose.",
    "The talks ended after the delegation the governor invited had left.",
    "After five days of talks in Geneva, the ceasefire collapsed.",
    "The ministry said the delegation had arrived.",
])
def test_round4_d1_passes_english_with_a_verb_last(text: str) -> None:
    assert not _d1(text)
