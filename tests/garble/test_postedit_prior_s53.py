"""Session 53's post-editors' lexical prior (``bench/postedit_prior.py``): a study for issue 11, not shipped.

Alignments of MT to its post-edit written for this test (our own sentences), so each count can be worked out by
hand; one test reads the real MLQE-PE train when ``MTFIX_SHARED`` holds it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import postedit_prior as pp  # noqa: E402


def test_a_replaced_word_is_touched_and_the_rest_kept():
    c = pp.Counts()
    c.add("The council realized the meeting in the capital.", "The council held the meeting in the capital.")
    assert (c.seen["realized"], c.kept["realized"]) == (1, 0)
    assert (c.seen["council"], c.kept["council"]) == (1, 1)
    assert (c.seen["meeting"], c.kept["meeting"]) == (1, 1)
    # a pair is kept only inside one unchanged stretch
    assert c.kept["council realized"] == 0 and c.kept["realized the"] == 0
    assert c.kept["the meeting"] == 1 and c.seen["the meeting"] == 1


def test_digits_and_punctuation_are_not_words_and_case_is_folded():
    assert pp.words("On 12 May, Talks RESUMED in Baku's port.") == ["on", "may", "talks", "resumed", "in", "baku's",
                                                                    "port"]


def test_log_odds_are_smoothed_toward_the_pooled_rate():
    c = pp.Counts()
    for _ in range(10):
        c.add("the committee realized a plan", "the committee carried out a plan")
    table = c.log_odds(prior=1.0, min_seen=1)
    assert table["committee"] > 0 > table["realized"]
    smoothed = c.log_odds(prior=1000.0, min_seen=1)
    assert table["realized"] < smoothed["realized"] < 0
    assert abs(smoothed["realized"]) < 0.1
    assert "realized" not in c.log_odds(prior=1.0, min_seen=11)


def test_a_sentence_signal_reads_content_words_only_and_zero_for_the_unknown():
    table = {"realized": -2.0, "event": 1.0, "the": -5.0}
    got = pp.signals("The realized event", table)
    assert got["uni_mean"] == pytest.approx(0.5)  # "the" is a function word, read past
    assert got["uni_min"] == pytest.approx(2.0)
    assert pp.signals("Unknown words only", table)["uni_mean"] == 0.0


def test_the_table_written_from_mlqe_pe_train(tmp_path):
    from bench.eval_data import shared_dir

    shared = shared_dir(None)
    if not (shared / "benchmarks" / "mlqe-pe-et-en-train.jsonl.gz").exists():
        pytest.skip(f"MLQE-PE train not found under {shared} (set MTFIX_SHARED)")
    out = tmp_path / "prior.tsv"
    assert pp.main(["--write", str(out)]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    table = {w: v for w, v in rows}
    assert table["the"] == "-"  # function words listed to be read past
    assert len(table) > 5000
