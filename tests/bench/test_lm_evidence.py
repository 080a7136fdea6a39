"""bench/lm_evidence.py: the contextual drop scores only lower-case in-vocabulary words after such words, a word
unlikely in its context (not merely rare) drives the features and the worst window, and the AUCs rank."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

lm_evidence = pytest.importorskip("lm_evidence")


class FakeLM:
    """A toy LM: unigram log10 probabilities, and a few contexts that make a word rarer or likelier."""

    UNI = {"the": -1.3, "council": -4.0, "approved": -4.2, "budget": -4.1, "snow": -4.5, "spoke": -4.6,
           "decision": -4.0, "a": -1.6, "zygote": -6.5}
    CONTEXT = {("spoke", "snow"): -7.5, ("the", "council"): -3.0, ("council", "approved"): -3.5,
               ("approved", "the"): -1.0, ("the", "budget"): -3.3, ("the", "zygote"): -6.6}

    def unigram(self, word: str) -> float | None:
        return self.UNI.get(word)

    def logp(self, word: str, history) -> float:
        return self.CONTEXT.get((history[-1], word), self.UNI[word] - 0.3)


def test_a_word_unlikely_in_its_context_drives_the_features_and_the_window() -> None:
    feats, span = lm_evidence.features("The minister spoke snow the decision.", FakeLM())
    assert feats["drop_max"] == pytest.approx(3.0)  # log10 P(snow) − log10 P(snow | spoke)
    assert feats["drop_count"] == 1.0
    assert "spoke snow" in span


def test_a_rare_word_where_it_is_expected_is_not_surprising() -> None:
    feats, _ = lm_evidence.features("They studied the zygote.", FakeLM())
    assert feats["drop_max"] < 0.5  # rare, but no rarer here than anywhere


def test_names_and_unknown_words_break_the_context() -> None:
    lm = FakeLM()
    assert lm_evidence.drops("Snow Spoke the Budget", lm) == []  # capitalised: names, not scored
    assert [w for _, w, _, _ in lm_evidence.drops("the council approved the budget", lm)] == \
        ["council", "approved", "the", "budget"]  # the first word has no context
    assert [w for _, w, _, _ in lm_evidence.drops("the qqq council", lm)] == []  # unknown word: no context


def test_a_sentence_without_scored_words_gets_zeros() -> None:
    feats, span = lm_evidence.features("Tbilisi, Yerevan.", FakeLM())
    assert set(feats.values()) == {0.0} and span == ""


def test_auc_and_paired_rank_with_ties_half() -> None:
    assert lm_evidence.auc([3.0, 4.0], [1.0, 2.0]) == 1.0
    assert lm_evidence.auc([1.0], [1.0]) == 0.5
    assert math.isnan(lm_evidence.auc([], [1.0]))
    assert lm_evidence.paired([2.0, 1.0, 1.0], [1.0, 2.0, 1.0]) == pytest.approx(0.5)
