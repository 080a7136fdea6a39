"""Session 32's content-word window association (``bench/cooc_evidence.py``): a study for the detector's ``--cv``.

A toy fluent corpus of our own stands in for EWT and the MLQE-PE post-edits."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import cooc_evidence as ce  # noqa: E402

CORPUS = (
    ["Overnight heavy rain fell across the valley."] * 60
    + ["Overnight strong winds damaged several roofs in the town."] * 60
    + ["The committee approved the budget after a long debate."] * 60
)


@pytest.fixture(scope="module")
def table() -> dict:
    return ce.build(CORPUS)


def test_table_counts_content_words_and_window_pairs(table):
    assert table["unigrams"]["rain"] == 60
    assert "the" not in table["unigrams"]  # a function word
    assert table["pairs"]["heavy rain"] == 60  # unordered pairs, sorted
    assert "heavy valley" not in table["pairs"]  # five tokens apart: outside the window of four


def test_an_unseen_pair_of_common_words_scores_below_a_seen_one(table):
    fluent = ce.sentence_features(ce.tokens("Overnight heavy rain fell."), table)
    calque = ce.sentence_features(ce.tokens("Overnight strong rain fell."), table)
    assert calque["cooc_min"] < fluent["cooc_min"]
    assert calque["cooc_mean"] < fluent["cooc_mean"]


def test_a_word_with_no_common_neighbour_is_not_read(table):
    # "budget" has only rare or unknown neighbours: nothing to read, every feature 0
    assert ce.sentence_features(ce.tokens("Zorblat budget."), table) == dict.fromkeys(ce.FEATURES, 0.0)


def test_unassociated_share_counts_words_whose_best_neighbour_is_below_chance(table):
    f = ce.sentence_features(ce.tokens("The committee damaged the budget."), table)
    assert 0.0 < f["cooc_unassociated_share"] <= 1.0
    assert ce.sentence_features(ce.tokens("The heavy rain fell."), table)["cooc_unassociated_share"] == 0.0


def test_syntactic_pairs_read_adjective_noun_and_verb_object():
    words = ["The", "council", "made", "a", "final", "decision", "on", "heavy", "rain", "."]
    tags = ["DT", "NN", "VBD", "DT", "JJ", "NN", "IN", "JJ", "NN", "."]
    assert ce.syntactic_pairs(words, tags) == [("v", "made", "decision"), ("a", "final", "decision"),
                                               ("a", "heavy", "rain")]


def test_syntactic_scores_put_an_unseen_pair_of_seen_words_below_a_seen_pair():
    seen = [(["they", "made", "decisions"], ["PRP", "VBD", "NNS"])] * 30
    seen += [(["they", "took", "photos"], ["PRP", "VBD", "NNS"])] * 30
    table = ce.build_syntactic(seen)
    ok = ce.syntactic_scores(["they", "made", "decisions"], ["PRP", "VBD", "NNS"], table, 20)
    calque = ce.syntactic_scores(["they", "took", "decisions"], ["PRP", "VBD", "NNS"], table, 20)
    assert [u for *_, u in ok] == [False] and [u for *_, u in calque] == [True]
    assert calque[0][2] < ok[0][2]
    assert ce.syntactic_scores(["they", "took", "decisions"], ["PRP", "VBD", "NNS"], table, 40) == []


def test_trainer_columns_and_candidates_read_the_table(table, monkeypatch):
    import train_detector as td

    from bench import detector_columns as dcol
    from mtfix.garble.tagger import Token

    monkeypatch.setattr(ce, "_TABLE", table)  # the trainer's load() returns the toy table
    toks = [Token(w, 0, 0) for w in ("Overnight", "strong", "rain", "fell", ".")]
    cols = dcol.cooc_columns([(toks, ["RB", "JJ", "NN", "VBD", "."])], ce.FEATURES, "")
    expected = ce.sentence_features(["Overnight", "strong", "rain", "fell", "."], table)
    assert cols.shape == (1, 3) and list(cols[0]) == [expected[n] for n in ce.FEATURES]
    names = [c["cooc"] for c in td.CANDIDATES.values() if c.get("cooc")]
    assert names and all(set(n) <= set(ce.FEATURES) for n in names)
