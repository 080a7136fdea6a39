"""bench/eval_realmt.py: the AUC and the bootstrap intervals reported next to the realmt figures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
pytest.importorskip("numpy")
ev = pytest.importorskip("eval_realmt")


def _report(mt: list[tuple[float, bool, bool]], pro: list[float]) -> ev.Report:
    r = ev.Report("dev", "off", "")
    r.mt = [ev.Outcome(str(i), "", "", ["X"] if f else [], ["X"] if m else [], s, "") for i, (s, f, m) in enumerate(mt)]
    r.pro = [ev.Outcome(str(i), "", "", [], [], s, "") for i, s in enumerate(pro)]
    return r


def test_intervals_hold_the_figure_and_widen_with_overlap():
    clear = _report([(10.0 + i, True, i % 2 == 0) for i in range(40)], [80.0 + i for i in range(20)])
    iv = ev.intervals(clear, 500)
    assert iv["fluency_auc"] == (1.0, 1.0)
    lo, hi = iv["mt_major_share"]
    assert lo < 0.5 < hi and hi - lo < 0.4
    assert iv["mt_flagged_share"] == (1.0, 1.0)
    # overlapping scores: the AUC's interval holds the full-set AUC and is wide
    mixed = _report([(float(i), True, False) for i in range(0, 60, 2)], [float(i) for i in range(20, 80, 3)])
    full = ev.auc([o.fluency for o in mixed.mt], [o.fluency for o in mixed.pro])
    lo, hi = ev.intervals(mixed, 500)["fluency_auc"]
    assert lo < full < hi and hi - lo > 0.1
    # the same seed gives the same intervals
    assert ev.intervals(mixed, 300) == ev.intervals(mixed, 300)
