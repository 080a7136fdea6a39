"""Session 40's preposition-choice signal and its matched-length measures (``bench/length_matched_lexical.py``): a
study for issue 11, not shipped.

A toy bigram model of our own stands in for wordsegment's counts, so each figure can be worked out by hand; two
tests read the real counts with sentences of our own."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import length_matched_lexical as lml  # noqa: E402


class ToyLM:
    """log10 counts; pairs listed from 10^5 (``LISTING_FLOOR``)."""

    def __init__(self, uni: dict[str, float], bi: dict[str, float]):
        self._uni, self.bigrams = uni, bi

    def unigram(self, w: str) -> float | None:
        return self._uni.get(w)


_UNI = {p: 9.0 for p in lml.PREPOSITIONS}
_UNI.update({"keen": 7.0, "talk": 7.5, "rare": 5.0, "river": 7.0})
LM = ToyLM(_UNI, {"keen on": 6.0, "keen in": 5.3, "talk about": 6.5, "talk with": 6.4, "rare on": 5.5})


def test_the_favourite_preposition_has_no_deficit_another_its_pmi_gap():
    (site,) = lml.preposition_sites(["keen", "on", "it"], LM)
    assert site == (0, "on", 0.0, None)
    (site,) = lml.preposition_sites(["keen", "in", "it"], LM)
    # every preposition has the same unigram count, so the PMI gap is the count gap: 6.0 − 5.3
    assert site[2] == pytest.approx(0.7)
    # "on" holds 10^6 / (10^6 + 10^5.3) = 83 % of keen's listed pairs: a strong preference, not followed
    total = 10 ** 6.0 + 10 ** 5.3
    assert site[3] == pytest.approx(math.log10((10 ** 5.3 + 10 ** 5.0) / total))
    (site,) = lml.preposition_sites(["keen", "for", "it"], LM)
    assert site[2] == pytest.approx(1.0)  # unlisted: taken at the floor, 6.0 − 5.0 (an upper bound on its PMI)


def test_a_head_without_a_strong_preference_has_no_strong_reading():
    (site,) = lml.preposition_sites(["talk", "with", "them"], LM)
    assert site[2] == pytest.approx(0.1)
    assert site[3] is None  # "about" holds 10^6.5 / (10^6.5 + 10^6.4) = 56 % < STRONG_SHARE


def test_function_words_names_rare_or_unseen_heads_are_not_judged():
    for words in (["the", "on"], ["Keen", "on"], ["rare", "on"], ["river", "in"], ["zzqx", "on"], ["keen", "it"]):
        assert lml.preposition_sites(words, LM) == [], words


def test_features_are_means_shares_and_extremes_so_a_repeated_clause_leaves_them_unchanged():
    one = ["keen", "in", "it", ",", "talk", "with", "them"]
    tags = ["JJ", "IN", "PRP", ",", "VB", "IN", "PRP"]
    a = lml.sentence_features(one, tags, LM)
    b = lml.sentence_features(one + one, tags + tags, LM)
    assert a == pytest.approx(b)
    assert a["prep_deficit_mean"] == pytest.approx((0.7 + 0.1) / 2)
    assert a["prep_deficit_share"] == 0.0  # neither gap reaches one order of magnitude
    assert a["prep_strong_min"] > 0 and a["prep_strong_verb_min"] == a["prep_strong_min"]  # "keen" is an adjective
    assert lml.sentence_features(["it", "rained"], ["PRP", "VBD"], LM) == dict.fromkeys(lml.FEATURES, 0.0)


def test_a_verb_head_reading_skips_noun_heads():
    f = lml.sentence_features(["keen", "in", "it"], ["NN", "IN", "PRP"], LM)
    assert f["prep_strong_min"] > 0 and f["prep_strong_verb_min"] == 0.0


def test_matched_length_auc_sees_through_a_signal_that_only_follows_length():
    # garbled rows are longer; the signal is the length itself: AUC 1 overall, chance within each quartile
    rows = [{"words": w, "y": 1} for w in range(20, 60)] + [{"words": w, "y": 0} for w in range(10, 50)]
    for r in rows:
        r["s"] = r["words"] + 0.1 * (r["words"] * 37 % 11)  # length, with a little noise that ignores the label
    assert lml.auc([r["s"] for r in rows if r["y"]], [r["s"] for r in rows if not r["y"]]) > 0.7
    assert lml.quartile_auc(rows, "s") < 0.75
    assert abs(lml.partial_spearman(rows, "s")) < 0.1
    # a signal that follows the label and not the length keeps its AUC within quartiles
    for r in rows:
        r["t"] = r["y"] + 0.001 * (r["words"] % 7)
    assert lml.quartile_auc(rows, "t") == 1.0 and lml.partial_spearman(rows, "t") > 0.5


def test_above_counts_ties_as_half():
    assert lml.above([{"k": 1.0}, {"k": 0.0}, {"k": 2.0}], [{"k": 0.0}, {"k": 0.0}, {"k": 3.0}], "k") == 0.5


def test_real_counts_read_a_verb_governed_preposition_of_our_own():
    from mtfix.garble.tagger import load, tokenize
    from mtfix.scoring.lm import BigramModel

    lm, tagger = BigramModel.load(), load()

    def features(text: str) -> dict[str, float]:
        words = [t.text for t in tokenize(text)]
        return lml.sentence_features(words, tagger.tag(words), lm)

    for wrong, right in (("The report consists from three parts.", "The report consists of three parts."),
                         ("Her brother was fond about old maps.", "Her brother was fond of old maps."),
                         ("The council insisted in a vote.", "The council insisted on a vote.")):
        assert features(wrong)["prep_strong_min"] > 0, wrong
        assert features(right)["prep_strong_min"] == 0.0, right
    # what the study found on real text: a noun's preposition is often the clause's ("the ferry in winter"), so a
    # fluent sentence reads as a choice against the noun's favourite; the verb reading leaves it alone
    fluent = features("The village relies on the ferry in winter.")
    assert fluent["prep_strong_min"] > 0 and fluent["prep_strong_verb_min"] == 0.0


def test_the_study_reads_no_held_out_set():
    source = (Path(lml.__file__)).read_text(encoding="utf-8")
    for name in ("2023", "test21", "-test.", "mqm", "_dev"):
        assert name not in source, name
