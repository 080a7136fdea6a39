"""Session 22's word-pair association features (``bench/pair_evidence.py``): a study for the detector's ``--cv``.

A toy bigram model of our own stands in for wordsegment's counts, so each figure can be worked out by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import pair_evidence as pe  # noqa: E402

from tests.garble.toy_bigrams import ToyLM  # noqa: E402

LM = ToyLM(
    {"the": 10.0, "heavy": 8.0, "strong": 8.0, "rain": 8.0, "fell": 7.5, "on": 9.5},
    {"the heavy": 6.0, "heavy rain": 6.0, "rain fell": 5.0, "the strong": 6.0},
)


def test_a_collocation_has_a_high_pmi_and_a_calque_a_censored_low_one():
    good = pe.sentence_features(["the", "heavy", "rain", "fell"], ["DT", "JJ", "NN", "VBD"], LM)
    bad = pe.sentence_features(["the", "strong", "rain", "fell"], ["DT", "JJ", "NN", "VBD"], LM)
    # heavy rain: 6 − (8 + 8 − 12) = 2; strong rain is unlisted: at most the listing floor 5 − 4 = 1
    assert good["content_pmi_min"] == pytest.approx(2.0)
    assert bad["content_pmi_min"] == pytest.approx(1.0)
    assert good["content_seen_share"] == 1.0 and bad["content_seen_share"] == 0.0
    assert set(good) == set(pe.FEATURES)


def test_common_pairs_expected_often_but_unlisted_are_counted():
    # "on the" is unlisted though expected 10^(9.5 + 10 − 12) = 10^7.5 times: an anti-collocation
    f = pe.sentence_features(["rain", "fell", "on", "the"], ["NN", "VBD", "IN", "DT"], LM)
    assert f["expected_unseen_share"] == pytest.approx(1 / 3)
    assert f["pmi_min"] == pytest.approx(5.0 - 7.5)


def test_names_numbers_and_unknown_words_break_the_chain():
    f = pe.sentence_features(
        ["the", "Heavy", "rain", "42", "fell", "zzzq", "on"], ["DT", "NNP", "NN", "CD", "VBD", "NN", "IN"], LM
    )
    assert f == dict.fromkeys(pe.FEATURES, 0.0)


def test_logprob_features_read_the_backoff_model():
    f = pe.sentence_features(["heavy", "rain"], ["JJ", "NN"], LM)
    assert f["logp_mean"] == pytest.approx(6.0 - 8.0)
    assert f["logp_min"] == pytest.approx(-2.0)


def test_empty():
    assert pe.sentence_features([], [], LM) == dict.fromkeys(pe.FEATURES, 0.0)


def test_the_trainer_adds_the_views_4grams_to_the_hashed_ngrams():
    from bench import detector_columns as dcol
    from mtfix.garble import signs
    from mtfix.garble.tagger import load, tokenize

    toks = tokenize("The minister said that it was good.")
    tags = load().tag([t.text for t in toks])
    v = signs.view(toks, tags)
    base = signs.hashed_ngrams(v)
    (four,) = dcol.with_4grams([base], [(toks, tags)])
    seq = ["<s>", *v, "</s>"]
    assert set(four) == set(base) | {signs._gram_hash(tuple(seq[i : i + 4])) for i in range(len(seq) - 3)}
    assert four == sorted(four) and set(base) < set(four)
