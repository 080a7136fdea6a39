"""The trainer's second-stage candidates (``bench/train_detector.py``): boosted trees and a small network added
to a logit.  Not shipped (docs/detector.md, session 12); kept so the comparison can be rerun."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import train_detector as td  # noqa: E402

from bench import detector_models as dmod  # noqa: E402


def _interaction(n: int = 3000) -> tuple[np.ndarray, np.ndarray]:
    """Two features that separate the classes only together (and a third, noise)."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(n, 3))
    return x, ((x[:, 0] > 0) & (x[:, 1] > 0)).astype(np.float64)


def test_trees_learn_an_interaction_a_linear_logit_misses():
    x, y = _interaction()
    trees = dmod.fit_trees(x, np.zeros(len(y)), y, np.ones(len(y)), rounds=60, depth=2, shrink=0.1, bins=16)
    assert trees[0].shape == (60, 3) and trees[2].shape == (60, 4)
    z = dmod.tree_logits(trees, x)
    assert td.auc(z[y == 1], z[y == 0]) > 0.97
    assert set(trees[0][:, 0]) <= {0, 1}  # the root splits on one of the two features, never on the noise


def test_trees_learn_what_the_offset_lacks():
    x, y = _interaction()
    offset = np.where(x[:, 0] > 0, 2.0, -2.0)  # already knows the first feature's half of the rule
    trees = dmod.fit_trees(x, offset, y, np.ones(len(y)), rounds=20, depth=2, shrink=0.1, bins=16)
    assert np.mean(trees[0][:, 0] == 1) > 0.5  # so most roots split on the second
    z = offset + dmod.tree_logits(trees, x)
    assert td.auc(z[y == 1], z[y == 0]) > td.auc(offset[y == 1], offset[y == 0]) + 0.1


def test_mlp_learns_the_interaction():
    x, y = _interaction()
    net = dmod.fit_mlp(x, np.zeros(len(y)), y, np.ones(len(y)), hidden=8, iters=300, l2=0.01)
    z = dmod.mlp_logits(net, x)
    assert td.auc(z[y == 1], z[y == 0]) > 0.97
