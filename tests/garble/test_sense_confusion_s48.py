"""Session 48's confusion-set signs for calques and wrong senses (``bench/sense_confusion.py``): a study, not shipped.

A toy bigram model of our own stands in for wordsegment's counts, so each gap can be worked out by hand."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import calque_bigrams  # noqa: E402
import sense_confusion as sc  # noqa: E402

from tests.garble.toy_bigrams import ToyLM  # noqa: E402

LM = ToyLM(
    {"the": 10.0, "in": 9.8, "at": 9.5, "on": 9.6, "interested": 7.0, "heavy": 7.5, "strong": 7.5, "rain": 7.0,
     "fell": 7.0, "was": 9.6},
    {"interested in": 6.0, "in the": 8.5, "at the": 8.0, "on the": 8.0, "heavy rain": 6.0, "rain fell": 5.5},
)
SYNONYMS = {"heavy": {"strong"}, "strong": {"heavy"}}


def test_a_preposition_its_governor_rejects_has_a_positive_gap_and_the_right_one_a_negative_one():
    gaps = sc.PrepositionGaps(("in", "at", "on"), model=LM)
    wrong = dict(gaps.gaps(sc.words("interested at the")))
    right = dict(gaps.gaps(sc.words("interested in the")))
    # at: best other is "in": (6.0 − 7.0) + (8.5 − 9.8) = −2.3, against (−0.4 − 2.5) + (8.0 − 9.5) = −4.4
    assert wrong[1] == pytest.approx(2.1)
    assert right[1] < 0
    assert gaps.raw("interested at the") == pytest.approx(2.1)


def test_a_capital_a_number_a_mark_or_an_unknown_word_breaks_the_slot():
    gaps = sc.PrepositionGaps(("in", "at", "on"), model=LM)
    for text in ("Interested at the", "interested at 2020", "interested at, the", "zorblat at the", "at the"):
        assert gaps.gaps(sc.words(text)) == [], text
    assert gaps.raw("no slot here") == 0.0


def test_a_content_word_its_neighbours_reject_for_a_synonym_has_a_positive_gap():
    gaps = sc.SynonymGaps(SYNONYMS, model=LM)
    # "strong rain fell": content neighbour "rain" (the other side "fell" is not a function word either)
    assert dict(gaps.gaps(sc.words("was strong rain fell")))[1] > 0
    heavy = gaps.gap("was", "heavy", "rain")
    assert heavy is None  # the best rival "strong" has no listed pair: no evidence for it


def test_function_word_neighbours_and_rare_synonyms_give_no_gap(monkeypatch):
    gaps = sc.SynonymGaps(SYNONYMS, model=LM)
    assert gaps.gap("the", "strong", "the") is None  # no content neighbour
    monkeypatch.setattr(sc, "COMMON_SYNONYM", 8.0)  # "heavy" (10^7.5) now too rare to be a rival
    assert gaps.gap("was", "strong", "rain") is None


def test_wordnet_synonyms_read_synset_lines_and_skip_the_licence_header(tmp_path):
    (tmp_path / "data.adj").write_text(
        "  1 This software and database is being provided\n"
        "00001 00 s 03 heavy 0 strong 0 intense(a) 0 000 | our own gloss\n"
        "00002 00 a 02 open_air 0 outdoor 0 000 | two words and one\n", encoding="latin-1")
    for pos in ("noun", "verb", "adv"):
        (tmp_path / f"data.{pos}").write_text("  1 header\n", encoding="latin-1")
    syn = sc.wordnet_synonyms(tmp_path)
    assert syn["heavy"] == {"strong", "intense"}
    assert syn["intense"] == {"heavy", "strong"}
    assert syn["outdoor"] == set()  # "open_air" is not one word


def test_localise_says_whether_the_editors_changed_words_have_the_larger_gaps():
    gaps = sc.PrepositionGaps(("in", "at", "on"), model=LM)
    pairs = [("interested at the", "interested in the"), ("interested in the", "interested in the")]
    value, changed, kept = sc.localise(gaps, pairs)
    assert (value, changed, kept) == (1.0, 1, 1)


def test_the_scale_divides_by_the_unlabelled_rows_sd():
    gaps = sc.PrepositionGaps(("in", "at", "on"), model=LM).fit_scale(["interested at the", "no slot"])
    assert gaps.sd == pytest.approx(1.05)
    assert gaps.score("interested at the") == pytest.approx(2.0)


def test_mlqe_train_pairs_keeps_the_first_rows_of_each_pair_when_limited(tmp_path):
    for lang in calque_bigrams.MLQE_PAIRS:
        with gzip.open(tmp_path / f"mlqe-pe-{lang}-en-train.jsonl.gz", "wt", encoding="utf-8") as f:
            for k in range(3):
                f.write(json.dumps({"mt": f"{lang} mt {k}", "pe": f"{lang} pe {k}"}) + "\n")
    pairs = calque_bigrams.mlqe_train_pairs(tmp_path, limit=2)
    assert len(pairs) == 10
    assert ("et mt 1", "et pe 1") in pairs and ("et mt 2", "et pe 2") not in pairs
    assert len(calque_bigrams.mlqe_train_pairs(tmp_path)) == 15


def test_mqm2020_pairs_keep_mt_with_a_major_mistranslation_against_its_reference(tmp_path):
    def row(target: str, human: bool, errors: list[tuple[str, str]]) -> str:
        return json.dumps({"target": target, "is_human": human, "reference": "our own reference",
                           "errors": [{"category": c, "severity": s} for c, s in errors]})

    rows = [row("a major sense error", False, [("Accuracy/Mistranslation", "Major")]),
            row("a minor sense error", False, [("Accuracy/Mistranslation", "Minor")]),
            row("a major grammar error", False, [("Fluency/Grammar", "Major")]),
            row("a human's major sense error", True, [("Accuracy/Mistranslation", "Major")])]
    with gzip.open(tmp_path / "mqm-zh-en-2020.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    assert calque_bigrams.mqm2020_pairs(tmp_path) == [("a major sense error", "our own reference")]
