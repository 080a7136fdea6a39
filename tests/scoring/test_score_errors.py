"""bench/score_errors.py: lost pairs, classes of MT sentence and length reversals on cached components."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
score_errors = pytest.importorskip("score_errors")


def rec(segs, finds=(), score=0.0):
    return {"segs": [list(s) for s in segs], "finds": [list(f) for f in finds], "score": score}


def test_lost_pairs_sum_to_the_auc_loss():
    from eval_realmt import auc

    mt, pro = [90.0, 99.0, 100.0, 80.0], [95.0, 100.0, 98.0]
    per_mt, per_pro = score_errors.lost_pairs(mt, pro)
    assert sum(per_mt) == sum(per_pro) == pytest.approx((1 - auc(mt, pro)) * len(mt) * len(pro))
    assert per_mt == [0.0, 2.0, 2.5, 0.0]  # 100 ties the professional 100: half a pair
    assert per_pro[1] == 0.5


def test_mt_classes():
    rule = ("0", "MTF117", "rule", "minor", "Fluency/Spelling")
    assert score_errors.mt_class(rec([(4, None)])) == "not judged (< 6 words)"
    assert score_errors.mt_class(rec([(12, 0.25)])) == "p 0.2-0.3 (no MTF401)"
    assert score_errors.mt_class(rec([(12, 0.35), (3, None)])) == "p 0.3-0.4"
    assert score_errors.mt_class(rec([(12, 0.15)])) == "p <= centre 0.2"
    assert score_errors.mt_class(rec([(12, 0.9)])) == "p >= 0.5"
    assert score_errors.mt_class(rec([(12, 0.25)], [rule])) == "rule finding"  # a rule outranks p


def test_length_reversals_count_only_pairs_the_probability_orders_right():
    short_mt = rec([(8, 0.40)], score=98.0)  # higher p, but short: scores above the long professional one
    long_pro = rec([(40, 0.35)], score=96.0)
    low_pro = rec([(20, 0.45)], score=95.0)  # higher p than the MT: a loss, but no reversal
    assert score_errors.length_reversals([short_mt], [long_pro, low_pro]) == 1.0
    ruled = rec([(8, 0.40)], [("0", "MTF117", "rule", "minor", "Fluency/Spelling")], score=98.0)
    assert score_errors.length_reversals([ruled], [long_pro]) == 0.0


def test_length_bins():
    assert [score_errors.length_bin(n) for n in (5, 12, 29, 39, 64)] == ["0-11", "12-19", "20-29", "30-39", "40+"]
