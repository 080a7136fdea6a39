"""Session 49's short-MT fit (``bench/short_mt_fit.py``): its rows and the short model's column, on rows of our own
(no shared data needed) and, where ``MTFIX_SHARED`` holds MLQE-PE train, on the real rows."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import short_mt_fit as smf  # noqa: E402

from bench.eval_data import shared_dir  # noqa: E402


def test_the_short_band_is_six_to_twelve_words_as_the_checker_counts_them():
    assert not smf.short("The ferry left at noon.")  # five words
    assert smf.short("The ferry to the island left at noon.")
    assert smf.short("one two three four five six seven eight nine ten eleven twelve")
    assert not smf.short("one two three four five six seven eight nine ten eleven twelve thirteen")
    assert smf.short("The 3 ferries to the island left at 12:00 on Monday.")  # numbers are no words: 9


def test_the_short_models_logit_fills_the_band_and_leaves_zero_elsewhere():
    x = np.zeros((3, 2))
    model = lambda xs, hs: np.full(len(xs), 0.75)  # noqa: E731
    out = smf.short_logit(model, x, [[], [], []], np.array([5, 9, 13]))
    assert out[0] == 0.0 and out[2] == 0.0
    assert out[1] == pytest.approx(np.log(3.0))


def test_fitting_skips_rows_of_sources_without_a_share():
    x = np.array([[0.0], [1.0], [0.0], [1.0], [5.0]])
    y = np.array([0, 1, 0, 1, 1], dtype=float)
    grp = np.array(["mlqe_short"] * 4 + ["realmt"])
    fit_on = smf._fitter(x, [[], [], [], [], []], y, grp, {"mlqe_short": 1.0})
    p = fit_on(np.arange(5))(np.array([[0.0], [1.0]]), [[], []])
    assert p[1] > p[0]


def _mlqe_train() -> Path:
    root = shared_dir()
    if not (root / "benchmarks" / "mlqe-pe-et-en-train.jsonl.gz").is_file():
        pytest.skip(f"MLQE-PE train not found under {root} (set MTFIX_SHARED to the shared data)")
    return root


def test_real_rows_are_short_garbled_mt_and_fluent_sentences_none_fitted_twice():
    root = _mlqe_train()
    rows = smf.short_rows(root, set(), ewt=True, rng=random.Random(1))
    texts = [t for t, _, _ in rows]
    assert len(texts) == len(set(texts))
    mt = [t for t, y, _ in rows if y == 1]
    assert len(mt) > 4000 and all(smf.short(t) for t in mt)
    assert sum(1 for _, y, _ in rows if y == 0) > len(mt)  # post-edits and half as many EWT sentences
    again = smf.short_rows(root, {mt[0]}, ewt=False, rng=random.Random(1))
    assert mt[0] not in {t for t, _, _ in again}


def test_the_recorded_figures_name_every_candidate():
    fig = json.loads((Path(smf.__file__).parent / "short_mt_fit.json").read_text(encoding="utf-8"))
    assert {"mix 0", "mix 0.1", "mix 0.3", "band"} <= set(fig["candidates"])
    assert fig["candidates"]["mix 0"]["thresholds"]["minor"] > 0
