"""Session 48's length study of MTF401 (``bench/length_minors.py``, ``bench/length_norm_ngrams.py``) and the fit's
per-row n-gram scale (``bench/detector_models.py``), on rows of our own (no shared data needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import length_minors as lm  # noqa: E402
import length_norm_ngrams as ln  # noqa: E402

from bench import detector_models as dm  # noqa: E402


def test_bands_start_at_the_checkers_six_words_and_close_at_each_edge():
    assert lm.band(5) is None
    assert [lm.band(n) for n in (6, 8, 9, 12, 13, 16, 17, 24, 25, 80)] == \
        ["6-8", "6-8", "9-12", "9-12", "13-16", "13-16", "17-24", "17-24", "25+", "25+"]


def test_the_tables_cells_count_fluent_minors_garbled_findings_and_rank_them():
    rows = [{"kind": "fluent", "p": 0.2, "mtf401": None, "other": []},
            {"kind": "fluent", "p": 0.5, "mtf401": "major", "other": []},
            {"kind": "garbled", "p": 0.6, "mtf401": "minor", "other": []},
            {"kind": "garbled", "p": 0.1, "mtf401": None, "other": ["MTF402"]},
            {"kind": "garbled", "words": 4, "mtf401": None, "other": []}]  # not judged: no p, left out
    fluent, garbled, auc = lm._cells(rows)
    assert fluent == "1/2 = 50 % (1 major)"
    assert garbled == "1/2 = 50 % (any 2)"
    assert auc == "0.500"


def test_probes_pool_into_one_group_and_other_sources_stay_apart():
    assert lm.group("probe_s47b") == "probes"
    assert lm.group("realmt-dev") == "realmt-dev"


def test_length_matched_weights_give_both_labels_the_same_band_mix_and_keep_each_labels_total():
    grp = np.array(["mlqe"] * 6 + ["synthetic"] * 2)
    y = np.array([1, 1, 1, 0, 0, 0, 1, 1], dtype=float)
    words = np.array([7, 7, 30, 7, 30, 30, 7, 30])
    w = np.ones(8)
    out = ln.length_matched(w, grp, y, words)
    for lab in (0, 1):
        own = (grp == "mlqe") & (y == lab)
        short = own & (words < 9)
        assert out[short].sum() / out[own].sum() == pytest.approx(0.5)  # pooled: 3 short of 6
        assert out[own].sum() == pytest.approx(3.0)
    assert list(out[grp == "synthetic"]) == [1.0, 1.0]  # one label only: left as it was
    assert out.sum() == pytest.approx(w.sum())


def test_ngram_scale_is_none_at_power_zero_and_the_mean_at_power_one():
    xh = [[1, 2, 3, 4], [5, 6]]
    assert dm.ngram_scale(xh, 0.0, 60.0) is None
    assert list(dm.ngram_scale(xh, 1.0, 4.0)) == [1.0, 2.0]
    assert list(dm.ngram_scale(xh, 0.5, 4.0)) == pytest.approx([1.0, 2 ** 0.5])


def _data():
    rng = np.random.default_rng(3)
    xd = rng.normal(size=(40, 2))
    xh = [list(rng.choice(50, size=int(rng.integers(1, 6)), replace=False)) for _ in range(40)]
    y = (xd[:, 0] + rng.normal(size=40) > 0).astype(float)
    return xd, xh, y, np.ones(40)


def test_a_scale_of_ones_fits_the_same_model_as_none():
    xd, xh, y, w = _data()
    plain = dm.fit(xd, xh, y, w, 0.05, 0.05, iters=30)
    ones = dm.fit(xd, xh, y, w, 0.05, 0.05, iters=30, scale=np.ones(40))
    assert plain[0] == pytest.approx(ones[0])
    np.testing.assert_allclose(plain[1], ones[1])
    np.testing.assert_allclose(plain[2], ones[2])


def test_a_scale_weighs_each_rows_ngrams_in_the_fit_and_in_the_prediction():
    xd, xh, y, w = _data()
    scale = dm.ngram_scale(xh, 1.0, 3.0)
    b, wd, wh = dm.fit(xd, xh, y, w, 0.05, 0.05, iters=30, scale=scale)
    plain = dm.fit(xd, xh, y, w, 0.05, 0.05, iters=30)
    assert not np.allclose(wh, plain[2])
    p = dm.predict(b, wd, wh, xd, xh, scale)
    z = b + xd @ wd + np.array([wh[h].sum() for h in xh]) * scale
    np.testing.assert_allclose(p, 1 / (1 + np.exp(-z)))
