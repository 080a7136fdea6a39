"""The garble detector's fits (``bench/train_detector.py``): weighted L2 logistic regression on dense and hashed
features (the shipped model), the AUC, and the second stages ``--cv`` candidates try (boosted trees, a small
network)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.detector_recipe import SEED  # noqa: E402
from mtfix.garble import signs as gsigns  # noqa: E402


def fit(xd: np.ndarray, xh: list[list[int]], y: np.ndarray, w: np.ndarray, l2_dense: float, l2_hash: float,
        use_hash: bool = True, iters: int = 400, fast: bool = False,
        scale: np.ndarray | None = None) -> tuple[float, np.ndarray, np.ndarray]:
    """Weighted L2 logistic regression by Adam on the full batch (dense + sparse hashed).

    ``scale``: each row's hashed n-grams count this much each instead of 1 (a length-normalised view of the
    n-gram evidence, :func:`ngram_scale`); None: 1 (the shipped model).

    ``fast``: scipy's sparse products when scipy is installed (``--cv``; the same fit up to float rounding).
    The shipped model is always fitted without it, so its digest does not depend on scipy."""
    n, k = xd.shape
    size = 1 << gsigns.HASH_BITS
    rows = np.repeat(np.arange(n), [len(h) for h in xh]) if use_hash else np.zeros(0, dtype=np.int64)
    cols = np.concatenate([np.asarray(h, dtype=np.int64) for h in xh]) if use_hash else np.zeros(0, dtype=np.int64)
    sparse = None
    if fast and use_hash:
        try:
            import scipy.sparse as sp

            vals = np.ones(len(rows)) if scale is None else np.asarray(scale, dtype=np.float64)[rows]
            sparse = sp.csr_matrix((vals, (rows, cols)), shape=(n, size))
            sparse_t = sparse.T.tocsr()
        except ImportError:
            sparse = None
    sc = np.ones(n) if scale is None else np.asarray(scale, dtype=np.float64)
    wd = np.zeros(k)
    wh = np.zeros(size)
    b = 0.0
    params = [np.zeros(k), np.zeros(size), np.zeros(1)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, b1, b2 = 0.05, 0.9, 0.999
    wsum = w.sum()
    for it in range(1, iters + 1):
        z = b + xd @ wd
        if sparse is not None:
            z = z + sparse @ wh
        elif use_hash:
            z = z + np.bincount(rows, weights=wh[cols], minlength=n) * sc
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        r = w * (p - y) / wsum
        gd = xd.T @ r + l2_dense * wd
        if sparse is not None:
            gh = sparse_t @ r + l2_hash * wh
        else:
            gh = np.bincount(cols, weights=(r * sc)[rows], minlength=size) + l2_hash * wh if use_hash \
                else np.zeros(size)
        gb = np.array([r.sum()])
        for j, (g, prm) in enumerate(zip((gd, gh, gb), (wd, wh, None), strict=True)):
            m[j] = b1 * m[j] + (1 - b1) * g
            v[j] = b2 * v[j] + (1 - b2) * g * g
            step = lr * (m[j] / (1 - b1**it)) / (np.sqrt(v[j] / (1 - b2**it)) + 1e-8)
            if prm is None:
                b -= float(step[0])
            else:
                prm -= step
    return b, wd, wh


def auc(pos, neg) -> float:
    """Mann–Whitney AUC (ties count half), by ranks: P(a positive scores above a negative)."""
    pos, neg = np.asarray(pos, dtype=np.float64), np.asarray(neg, dtype=np.float64)
    if not len(pos) or not len(neg):
        return float("nan")
    allv = np.concatenate([pos, neg])
    order = np.argsort(allv, kind="mergesort")
    ranks = np.empty(len(allv))
    sv = allv[order]
    i = 0
    while i < len(sv):  # average ranks over ties
        j = i
        while j + 1 < len(sv) and sv[j + 1] == sv[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    n1 = len(pos)
    return float((ranks[:n1].sum() - n1 * (n1 + 1) / 2) / (n1 * len(neg)))


def ngram_scale(xh: list[list[int]], power: float, reference: float) -> np.ndarray | None:
    """Each sentence's weight on its hashed n-grams: (``reference`` / its number of n-grams) ** ``power`` (0: None,
    the plain sum; 1: their mean times ``reference``; 0.5: between, the sum's spread made equal across lengths)."""
    if not power:
        return None
    return (reference / np.maximum(np.array([len(h) for h in xh], dtype=np.float64), 1.0)) ** power


def predict(b: float, wd: np.ndarray, wh: np.ndarray, xd: np.ndarray, xh: list[list[int]],
            scale: np.ndarray | None = None) -> np.ndarray:
    grams = np.array([wh[h].sum() for h in xh])
    z = b + xd @ wd + (grams if scale is None else grams * scale)
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_trees(x: np.ndarray, offset: np.ndarray, y: np.ndarray, w: np.ndarray, rounds: int, depth: int,
              shrink: float, bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weighted Newton boosting of full binary trees (logistic loss) starting from the logits ``offset``.

    Returns (feature, threshold, leaf value) arrays, shapes (rounds, 2**depth − 1) twice and (rounds, 2**depth);
    nodes in heap order, a row goes left when its value ≤ the threshold (+inf: a node left unsplit).  The
    smallest hessian sum of a child is 2 % of the root's, the L2 on leaf values 1 % of it."""
    n, k = x.shape
    cuts = [np.unique(np.quantile(x[:, j], np.linspace(0, 1, bins + 1)[1:-1])) for j in range(k)]
    xb = np.stack([np.searchsorted(cuts[j], x[:, j], side="left") for j in range(k)], axis=1)
    nodes, leaves = (1 << depth) - 1, 1 << depth
    feat = np.zeros((rounds, nodes), dtype=np.int64)
    thr = np.full((rounds, nodes), np.inf)
    leaf = np.zeros((rounds, leaves))
    f = offset.astype(np.float64).copy()
    for t in range(rounds):
        p = 1.0 / (1.0 + np.exp(-np.clip(f, -30, 30)))
        g, h = w * (p - y), w * p * (1 - p)
        if t == 0:
            min_h, lam = 0.02 * h.sum(), 0.01 * h.sum()
        pos = np.zeros(n, dtype=np.int64)  # each row's node, heap order
        for d in range(depth):
            for node in range((1 << d) - 1, (1 << (d + 1)) - 1):
                m = pos == node
                gs, hs = g[m].sum(), h[m].sum()
                best = (0.0, -1, -1)
                for j in range(k):
                    nb = len(cuts[j]) + 1
                    gl = np.cumsum(np.bincount(xb[m, j], weights=g[m], minlength=nb))[:-1]
                    hl = np.cumsum(np.bincount(xb[m, j], weights=h[m], minlength=nb))[:-1]
                    ok = (hl >= min_h) & (hs - hl >= min_h)
                    if not ok.any():
                        continue
                    gain = gl**2 / (hl + lam) + (gs - gl) ** 2 / (hs - hl + lam) - gs**2 / (hs + lam)
                    gain = np.where(ok, gain, -np.inf)
                    b = int(np.argmax(gain))
                    if gain[b] > best[0]:
                        best = (float(gain[b]), j, b)
                if best[1] >= 0:
                    feat[t, node], thr[t, node] = best[1], cuts[best[1]][best[2]]
                go_right = m & (x[:, feat[t, node]] > thr[t, node])
                pos[m] = 2 * node + 1
                pos[go_right] = 2 * node + 2
        lv = pos - nodes
        gsum = np.bincount(lv, weights=g, minlength=leaves)
        hsum = np.bincount(lv, weights=h, minlength=leaves)
        leaf[t] = -shrink * gsum / (hsum + lam)
        f += leaf[t][lv]
    return feat, thr, leaf


def tree_logits(trees: tuple[np.ndarray, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    """The summed leaf values of :func:`fit_trees`' trees for the rows of ``x``."""
    feat, thr, leaf = trees
    nodes = feat.shape[1]
    out = np.zeros(len(x))
    for t in range(len(feat)):
        pos = np.zeros(len(x), dtype=np.int64)
        while True:
            inner = pos < nodes
            if not inner.any():
                break
            i = np.where(inner)[0]
            right = x[i, feat[t, pos[i]]] > thr[t, pos[i]]
            pos[i] = 2 * pos[i] + 1 + right
        out += leaf[t][pos - nodes]
    return out


def fit_mlp(x: np.ndarray, offset: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: int, iters: int, l2: float,
            lr: float = 0.01) -> tuple[np.ndarray, ...]:
    """A one-hidden-layer tanh network on the standardised columns of ``x`` whose output is added to the logits
    ``offset``: weighted logistic loss, L2 ``l2`` on both weight layers, Adam on the full batch (fixed seed).
    Returns (mean, std, W1, b1, w2, b2)."""
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mu) / sd
    rng = np.random.default_rng(SEED)
    params = [rng.normal(0, 1 / math.sqrt(x.shape[1]), (x.shape[1], hidden)), np.zeros(hidden),
              rng.normal(0, 0.1 / math.sqrt(hidden), hidden), np.zeros(1)]
    m = [np.zeros_like(q) for q in params]
    v = [np.zeros_like(q) for q in params]
    wsum = w.sum()
    for it in range(1, iters + 1):
        w1, b1, w2, b2 = params
        a = np.tanh(z @ w1 + b1)
        p = 1.0 / (1.0 + np.exp(-np.clip(offset + a @ w2 + b2[0], -30, 30)))
        r = w * (p - y) / wsum
        da = np.outer(r, w2) * (1 - a * a)
        grads = [z.T @ da + l2 * w1, da.sum(axis=0), a.T @ r + l2 * w2, np.array([r.sum()])]
        for j, g in enumerate(grads):
            m[j] = 0.9 * m[j] + 0.1 * g
            v[j] = 0.999 * v[j] + 0.001 * g * g
            params[j] = params[j] - lr * (m[j] / (1 - 0.9**it)) / (np.sqrt(v[j] / (1 - 0.999**it)) + 1e-8)
    return (mu, sd, *params)


def mlp_logits(net: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    """The output of :func:`fit_mlp`'s network for the rows of ``x`` (to add to the linear logit)."""
    mu, sd, w1, b1, w2, b2 = net
    return np.tanh(((x - mu) / sd) @ w1 + b1) @ w2 + b2[0]
