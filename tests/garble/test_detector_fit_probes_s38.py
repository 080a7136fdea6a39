"""The probes as fitting data (session 38, ``bench/detector_fit_probes.py``): which rows are read, how they are
labelled and weighted, and the training's hook.  A measurement only: nothing here changes the shipped model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import detector_fit_probes as dfp  # noqa: E402
import detector_probe_rows as dpr  # noqa: E402
import train_detector as td  # noqa: E402


def test_the_probes_are_split_old_and_new() -> None:
    assert tuple(f"probe_s{n}" for n in range(30, 35)) == dpr.OLD
    assert tuple(f"probe_s{n}" for n in range(35, 39)) == dpr.NEW
    assert not set(dpr.OLD) & set(dpr.NEW)


def test_probe_rows_are_mt_garbled_and_professional_fluent(tmp_path: Path) -> None:
    probe = tmp_path / "probe_s99"
    probe.mkdir()
    mt = ["The council the new bridge yesterday opened.", "Farmers was harvest the apples in autumn."]
    pro = ["The council opened the new bridge yesterday."]
    (probe / "real_mt_probe.jsonl").write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n"
                                                       for i, t in enumerate(mt)), encoding="utf-8")
    (probe / "clean_news_probe.jsonl").write_text(json.dumps({"id": "p", "text": pro[0]}) + "\n", encoding="utf-8")
    rows = dpr.probe_rows(("probe_s99",), tmp_path)
    assert rows == [(mt[0], 1, "probe"), (mt[1], 1, "probe"), (pro[0], 0, "probe")]


def test_the_shipped_probes_give_300_rows() -> None:
    rows = dpr.probe_rows(dpr.PROBES)
    assert len(rows) == 300
    assert sum(r[1] for r in rows) == 200  # 20 MT rows a probe, 40 in probe_s30
    assert {r[2] for r in rows} == {dpr.GROUP}
    assert len(dpr.probe_rows(dpr.OLD)) == 180  # probe_s30 holds two rounds: 40 MT + 20 professional


def test_a_probe_row_weighs_as_a_realmt_row_of_its_label() -> None:
    grp = np.array(["realmt"] * 6 + ["fluent"] * 4 + ["probe"] * 3)
    y = np.array([1, 1, 1, 1, 0, 0] + [0] * 4 + [1, 1, 0], dtype=np.float64)
    shares = {"realmt": 1.0, "fluent": 0.3}
    w = dpr.probe_weights(grp, y, shares, balance=True)
    base = td._weights(grp, y, {**shares, "probe": 0.0}, True)
    assert np.allclose(w[:10], base[:10])  # the other rows keep the recipe's weights
    assert np.allclose(w[10:12], base[:4].mean()) and np.isclose(w[12], base[4:6].mean())
    assert w[12] > w[10]  # balanced: the fewer professional rows weigh more, as in realmt


def test_without_probe_rows_the_weights_are_the_recipes() -> None:
    grp = np.array(["realmt", "realmt", "fluent"])
    y = np.array([1.0, 0.0, 0.0])
    assert np.allclose(dpr.probe_weights(grp, y, {"realmt": 1.0, "fluent": 0.3}, True),
                       td._weights(grp, y, {"realmt": 1.0, "fluent": 0.3, "probe": 0.0}, True))


def test_the_paired_interval_is_zero_for_one_model() -> None:
    p = np.array([0.9, 0.8, 0.3, 0.6, 0.2, 0.1])
    y = np.array([1, 1, 1, 0, 0, 0])
    assert dfp.paired_interval(p, p, y, draws=50) == (0.0, 0.0)


def test_the_paired_interval_has_the_sign_of_the_change() -> None:
    """A model that ranks every pair right against one that ranks one pair wrong: the interval of new - base
    lies at or above zero one way round and at or below it the other, and is not all zero."""
    y = np.array([1, 1, 1, 0, 0, 0])
    worse = np.array([0.9, 0.8, 0.3, 0.6, 0.2, 0.1])  # 0.3 below 0.6: one pair of nine wrong
    better = np.array([0.9, 0.8, 0.7, 0.6, 0.2, 0.1])
    low, high = dfp.paired_interval(worse, better, y, draws=200)
    assert 0.0 <= low <= high and high > 0.0
    low, high = dfp.paired_interval(better, worse, y, draws=200)
    assert low <= high <= 0.0 and low < 0.0


def test_the_training_hook_runs_the_experiment(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(td.subprocess, "call", lambda argv: seen.append(argv) or 0)  # session 40: the script's run
    assert td.main(["--fit-probes", "old", "lopo", "--shared", "/nowhere"]) == 0
    assert seen == [[sys.executable, str(Path(dfp.__file__).resolve()), "--shared", "/nowhere",
                     "--experiment", "old", "lopo"]]


def test_a_scale_shares_the_probe_rows_weight() -> None:
    grp = np.array(["realmt", "realmt", "probe", "probe"])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    one = dpr.probe_weights(grp, y, {"realmt": 1.0}, True)
    half = dpr.probe_weights(grp, y, {"realmt": 1.0}, True, scale=0.5)
    assert np.allclose(half[:2], one[:2]) and np.allclose(half[2:], one[2:] / 2)
