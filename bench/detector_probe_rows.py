"""Our own probe sentences as fitting rows (``train_detector --probe-weight``, session 39; the experiments of
``bench/detector_fit_probes.py``): which rows are read and how each is weighted.

The probes ``bench/data/probe_s30`` ... ``probe_s38`` (MT sentences label 1, professional sentences label 0) are a
source of their own, :data:`GROUP`, each row weighted like the mean realmt train row of its label (the weights of
:func:`detector_recipe._weights`) times a scale.  The training and its cross-validation read this module; the
experiments read the training: imports go one way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.detector_recipe import _weights  # noqa: E402
from bench.eval_data import read_jsonl  # noqa: E402

PROBE_DIR = REPO / "bench" / "data"
PROBES = tuple(f"probe_s{n}" for n in range(30, 39))
OLD = PROBES[:5]  # weighted by error class
NEW = PROBES[5:]  # weighted like realmt train
GROUP = "probe"


def probe_rows(names: tuple[str, ...], root: Path = PROBE_DIR) -> list[tuple[str, int, str]]:
    """The rows of the probes ``names``: each MT sentence (label 1), then each professional sentence (label 0), all
    of group :data:`GROUP`."""
    rows: list[tuple[str, int, str]] = []
    for name in names:
        rows += [(r["text"], 1, GROUP) for r in read_jsonl(root / name / "real_mt_probe.jsonl")]
        rows += [(r["text"], 0, GROUP) for r in read_jsonl(root / name / "clean_news_probe.jsonl")]
    return rows


def probe_weights(grp: np.ndarray, y: np.ndarray, shares: dict[str, float], balance: bool,
                  scale: float = 1.0) -> np.ndarray:
    """The recipe's weights (:func:`detector_recipe._weights`; the probe rows have no share there) with each probe row
    weighted like the mean realmt row of its label, times ``scale``."""
    w = _weights(grp, y, {**shares, GROUP: 0.0}, balance)
    real, probe = grp == "realmt", grp == GROUP
    for label in (0, 1):
        same = real & (y == label)
        w[probe & (y == label)] = scale * float(w[same].mean()) if same.any() else 0.0
    return w


def with_probes(rows: list, record: dict, probe_weight: float) -> list:
    """The training's fitted ``rows`` and, with ``probe_weight`` > 0 (``train_detector --probe-weight``, session 39),
    every probe's rows after them (:data:`PROBES`, group :data:`GROUP`), counted in ``record["rows"]``."""
    if probe_weight <= 0:
        return rows
    extra = probe_rows(PROBES)
    record.setdefault("rows", {})[GROUP] = {"fluent": sum(1 for r in extra if r[1] == 0),
                                            "garbled": sum(1 for r in extra if r[1] == 1)}
    record["probe_weight"] = {"weight": probe_weight, "probes": list(PROBES),
                              "rule": "each probe row weighted this share of the mean realmt train row of its label"}
    return rows + extra


def recipe_weights(grp: np.ndarray, y: np.ndarray, shares: dict[str, float], balance: bool,
                   probe_weight: float = 0.0) -> np.ndarray:
    """The training's row weights: :func:`detector_recipe._weights`; with ``probe_weight`` > 0, :func:`probe_weights` at
    that scale (the probe rows weighted that share of a realmt train row of their label)."""
    if probe_weight <= 0:
        return _weights(grp, y, shares, balance)
    return probe_weights(grp, y, shares, balance, probe_weight)
