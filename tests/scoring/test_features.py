"""Word-statistics features and the bigram model (wordsegment's shipped counts)."""

from __future__ import annotations

import pytest

pytest.importorskip("wordsegment", reason="wordsegment (the bigram counts) is not installed")

from mtfix.scoring.features import FEATURES, segment_features  # noqa: E402
from mtfix.scoring.lm import BigramModel, tokens  # noqa: E402


@pytest.fixture(scope="module")
def lm() -> BigramModel:
    return BigramModel.load()


def test_tokens_follow_the_counts_spelling():
    assert tokens("Don’t STOP, oil-and-gas") == ["dont", "stop", "oil", "and", "gas"]


def test_bigram_probabilities_prefer_english_order(lm):
    assert lm.logprob("of", "the") > lm.logprob("the", "of")
    assert lm.logprob("mutual", "assistance") > lm.logprob("snow", "mutual")
    assert lm.logprob("the", "qzxvbn") == lm.unknown  # an unknown word gets the floor


def test_cache_round_trip(tmp_path, lm):
    path = tmp_path / "lm.bin"
    lm._save(path)
    again = BigramModel._read(path, lm.source)
    assert again.logprob("of", "the") == lm.logprob("of", "the")
    assert len(again.bigrams) == len(lm.bigrams)


def test_features_are_zero_without_words(lm):
    f = segment_features("12 345 — 3.5", lm)
    assert all(f[k] == 0.0 for k in FEATURES)


def test_scrambled_and_glued_text_looks_less_english(lm):
    clean = segment_features("The foreign ministers signed a declaration of mutual assistance in Baku.", lm)
    garbled = segment_features("Baku in ministers foreign the snowmutual declaration assistance of signed.", lm)
    assert garbled["surprisal"] > clean["surprisal"]
    assert garbled["oov"] > clean["oov"] == 0.0
    assert garbled["unseen_pairs"] >= clean["unseen_pairs"]


def test_features_are_rates_not_totals(lm):
    one = segment_features("The ministers met in the capital.", lm)
    three = segment_features("The ministers met in the capital. " * 3, lm)
    assert three["surprisal"] == pytest.approx(one["surprisal"], rel=0.2)
    assert three["oov"] == one["oov"]
