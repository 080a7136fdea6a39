"""The garble detector's cross-validation (``bench/train_detector.py --cv``): folds of realmt train that hold out
whole source languages, the fits of a candidate's columns (linear, or stacked with a second stage) and the
candidates' comparison table."""

from __future__ import annotations

import functools
import importlib.util
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.detector_columns import (  # noqa: E402
    ALL_FEATURES,
    cooc_columns,
    editrate_columns,
    interaction_columns,
    lm_columns,
    name_ratio_columns,
    pair_columns,
    parser_columns,
    top_words,
    view_hashes,
    with_4grams,
)
from bench.detector_corruptions import REALMT_SYNTH, realmt_synth  # noqa: E402
from bench.detector_models import auc, fit, fit_mlp, fit_trees, mlp_logits, predict, tree_logits  # noqa: E402
from bench.detector_probe_rows import recipe_weights  # noqa: E402
from bench.detector_recipe import CANDIDATES, CV_BASE_L2, CV_FOLDS, SHARES, _weights  # noqa: E402
from bench.eval_data import read_jsonl  # noqa: E402
from mtfix.garble import signs as gsigns  # noqa: E402


def with_realmt_synth(rows: list, shared: Path, tagger, groups: list[str]) -> tuple[list, np.ndarray, dict]:
    """``rows`` and the ``groups`` of :data:`REALMT_SYNTH` after them, and the folds of all (each corruption in its
    origin's fold); the rows before are unchanged, and so are their folds."""
    fold0 = language_folds(rows, shared)
    origin: dict[int, int] = {}
    used = {}
    out = list(rows)
    for g in groups:
        new, src, used[g] = realmt_synth(rows, fold0, tagger, g, REALMT_SYNTH[g])
        origin.update({len(out) + j: i for j, i in enumerate(src)})
        out += new
    return out, language_folds(out, shared, origin=origin), used


def language_folds(rows: list, shared: Path, k: int = CV_FOLDS, origin: dict[int, int] | None = None) -> np.ndarray:
    """Fold of each realmt row: MT and its correction by source language (languages spread over ``k`` folds,
    largest first, to balance them), professional sentences round-robin after a fixed shuffle; -1 elsewhere.
    ``origin``: row index -> index of the realmt row it was made from (:func:`realmt_synth`): that row's fold."""
    lang = {}
    for r in read_jsonl(shared / "realmt" / "real_mt_train.jsonl"):
        lang[r["text"]] = lang[r["correction"]] = r["lang"]
    return folds_of(rows, lang, k, origin)


def folds_of(rows: list, lang: dict[str, str], k: int = CV_FOLDS, origin: dict[int, int] | None = None) -> np.ndarray:
    """:func:`language_folds` given each MT text's and correction's source language ``lang``.  A row of a
    :data:`REALMT_SYNTH` group must have an ``origin`` (else it would be fitted in every fold: leakage)."""
    origin = origin or {}
    if any(g in REALMT_SYNTH and i not in origin for i, (_, _, g) in enumerate(rows)):
        raise ValueError("language_folds: a realmt_synth row without its origin")
    count: dict[str, int] = {}
    for t, y, g in rows:
        if g == "realmt" and y == 1:
            count[lang[t]] = count.get(lang[t], 0) + 1
    of_lang, load = {}, [0] * k
    for la in sorted(count, key=lambda x: (-count[x], x)):
        j = load.index(min(load))
        of_lang[la], load[j] = j, load[j] + count[la]
    fold = np.full(len(rows), -1)
    pro = [i for i, (_, y, g) in enumerate(rows) if g == "realmt" and y == 0]
    random.Random(7).shuffle(pro)
    for j, i in enumerate(pro):
        fold[i] = j % k
    for i, (t, y, g) in enumerate(rows):
        if (g == "realmt" and y == 1) or g == "realmt_corr":
            fold[i] = of_lang[lang[t]]
    for i, j in origin.items():
        fold[i] = fold[j]
    return fold


def fold_fit_index(fold: np.ndarray, fitted: np.ndarray, k: int) -> np.ndarray:
    """The rows fold ``k``'s model is fitted on: fitted rows outside the fold (rows of no fold, -1, in all)."""
    return np.where((fold != k) & fitted)[0]


def _fit_columns(x, xh, y, grp, cols, shares, l2d, l2h, use_hash, balance, idx, logit: bool = False,
                 probe_weight: float = 0.0) -> Callable:
    """Fit rows ``idx`` on feature columns ``cols``; return the fitted model as a function of (features, hashed)
    giving the probability (``logit``: the logit)."""
    mu, sd = x[idx][:, cols].mean(axis=0), x[idx][:, cols].std(axis=0) + 1e-6
    weights = _weights(grp[idx], y[idx], shares, balance) if not probe_weight else \
        recipe_weights(grp[idx], y[idx], shares, balance, probe_weight)
    b, wd, wh = fit((x[idx][:, cols] - mu) / sd, [xh[i] for i in idx], y[idx], weights,
                    l2d, l2h, use_hash=use_hash, fast=True)
    if logit:
        return lambda xs, hs: b + ((xs[:, cols] - mu) / sd) @ wd + np.array([wh[h].sum() for h in hs])
    return lambda xs, hs: predict(b, wd, wh, (xs[:, cols] - mu) / sd, hs)


def _fit_stacked(x, xh, y, grp, cols, shares, l2d, l2h, use_hash, balance, trees: dict, fold: np.ndarray,
                 idx: np.ndarray, kind: str = "trees") -> Callable:
    """The linear model of :func:`_fit_columns` plus boosted trees (``kind`` "mlp": a small network; ``trees``
    its parameters) on the dense columns, added to its logit.  The second stage starts from cross-fitted logits
    of the rows ``idx``: realmt rows by their language fold, the others spread over the same folds by index, so
    it corrects what the linear model gets wrong out of sample."""
    fit_lin = functools.partial(_fit_columns, x, xh, y, grp, cols, shares, l2d, l2h, use_hash, balance, logit=True)
    folds = sorted({int(k) for k in fold[idx] if k >= 0})
    inner = np.where(fold[idx] >= 0, fold[idx], np.array(folds)[idx % len(folds)])
    offset = np.zeros(len(idx))
    for k in folds:
        te = inner == k
        offset[te] = fit_lin(idx[~te])(x[idx[te]], [xh[i] for i in idx[te]])
    dense = [c for c in cols if c < len(gsigns.DENSE_FEATURES)]
    wts = _weights(grp[idx], y[idx], shares, balance)
    if kind == "mlp":
        net = fit_mlp(x[idx][:, dense], offset, y[idx], wts, **trees)
        second = functools.partial(mlp_logits, net)
    else:
        second = functools.partial(tree_logits, fit_trees(x[idx][:, dense], offset, y[idx], wts, **trees))
    lin = fit_lin(idx)
    return lambda xs, hs: 1.0 / (1.0 + np.exp(-np.clip(lin(xs, hs) + second(xs[:, dense]), -30, 30)))


def _with_columns(xc: np.ndarray, other: dict, dev: dict, tagged: dict,
                  columns: Callable[[list], np.ndarray]) -> tuple[np.ndarray, dict, dict]:
    """A candidate's extra columns (``columns`` of the tagged sentences) after the others, for the fitted rows,
    MLQE-PE, the professional rows and realmt dev alike."""
    xc = np.hstack([xc, columns(tagged["rows"])])
    other = {**other, "mlqe_x": np.hstack([other["mlqe_x"], columns(tagged["mlqe"])]),
             "pro_x": np.hstack([other["pro_x"], columns(tagged["pro"])])}
    return xc, other, {**dev, "x": np.hstack([dev["x"], columns(tagged["dev"])])}


def _no_pocketsphinx() -> str | None:
    """Why the word-LM columns cannot be made here, or None."""
    return None if importlib.util.find_spec("pocketsphinx") else "needs pocketsphinx: bench/lm_evidence.py"


def _no_parser() -> str | None:
    """Why the parser columns cannot be made here, or None."""
    import parser_evidence

    return None if parser_evidence.MODEL.is_file() else "no parser: run python bench/parser_evidence.py train"


def _shape_columns(tagged: list, names: tuple[str, ...], shared: str) -> np.ndarray:
    """Word-shape columns (bench/shape_evidence.py)."""
    import shape_evidence

    return shape_evidence.shape_columns(tagged, names)


#: A candidate's extra columns of its tagged sentences, in this order after ALL_FEATURES: the candidate's key (its
#: value names the columns), why they cannot be made here (a function giving a reason, or None) and the columns
#: (of the tagged sentences, that value and the shared data folder): an edit-rate lexicon, a word LM, a parser,
#: word pairs, word shapes, content-word window association.
EXTRA_COLUMNS: tuple[tuple[str, Callable[[], str | None] | None, Callable[[list, object, str], np.ndarray]], ...] = (
    ("editrate", None, editrate_columns),
    ("lm", _no_pocketsphinx, lambda t, names, shared: lm_columns(t, names)),
    ("parser", _no_parser, lambda t, names, shared: parser_columns(t, names)),
    ("pairs", None, lambda t, names, shared: pair_columns(t, names)),
    ("shape", None, _shape_columns),
    ("cooc", None, cooc_columns),
)


def _extra_columns(name: str, cand: dict, xc: np.ndarray, other: dict, dev: dict, tagged: dict | None,
                   shared: str) -> tuple[np.ndarray, dict, dict, list[int]] | None:
    """``xc``, ``other`` and ``dev`` with the candidate's :data:`EXTRA_COLUMNS` after their columns, and the
    indices of the added columns; None (said) when one kind cannot be made here: the candidate is skipped."""
    added: list[int] = []
    for key, missing, columns in EXTRA_COLUMNS:
        if not cand.get(key):
            continue
        reason = missing() if missing else None
        if reason:
            print(f"{name}: skipped ({reason})", flush=True)
            return None
        if tagged is None:
            raise ValueError(f"{name}: needs the tagged sentences")
        base, value = xc.shape[1], cand[key]
        xc, other, dev = _with_columns(xc, other, dev, tagged,
                                       lambda t, columns=columns, value=value: columns(t, value, shared))
        added += range(base, xc.shape[1])
    return xc, other, dev, added


def cross_validate(rows: list, x: np.ndarray, xh0: list, fold: np.ndarray, other0: dict, dev0: dict,
                   args, tagged: dict | None = None, only: list[str] | None = None) -> list[dict]:
    """Each candidate: out-of-fold figures on realmt train (languages held out), MLQE-PE dev and MQM 2020/TED
    (sources the model is not fitted on), then one fit on everything and its realmt dev figure (a tuning figure).
    ``tagged``: (tokens, tags) of "rows", "mlqe", "pro" and "dev", for candidates with another view;
    ``only``: the names of the candidates to run (default all)."""
    y = np.array([r[1] for r in rows], dtype=np.float64)
    grp = np.array([r[2] for r in rows])
    mt = np.where((grp == "realmt") & (y == 1))[0]
    pro = np.where((grp == "realmt") & (y == 0))[0]
    corr = np.where(grp == "realmt_corr")[0]
    mqm = np.where(grp == "mqm")[0]
    out = []
    for name, cand in CANDIDATES.items():
        if only and name not in only:
            continue
        t0 = time.time()
        xh, other, dev = xh0, other0, dev0
        if cand.get("view_words"):
            if tagged is None:
                raise ValueError(f"{name}: needs the tagged sentences")
            keep = frozenset(top_words(cand["view_words"]))
            xh = view_hashes(tagged["rows"], keep)
            other = {**other0, "mlqe_h": view_hashes(tagged["mlqe"], keep), "pro_h": view_hashes(tagged["pro"], keep)}
            dev = {**dev0, "h": view_hashes(tagged["dev"], keep)}
        if cand.get("grams4"):
            if tagged is None:
                raise ValueError(f"{name}: needs the tagged sentences")
            xh = with_4grams(xh, tagged["rows"])
            other = {**other, "mlqe_h": with_4grams(other["mlqe_h"], tagged["mlqe"]),
                     "pro_h": with_4grams(other["pro_h"], tagged["pro"])}
            dev = {**dev, "h": with_4grams(dev["h"], tagged["dev"])}
        cols = [ALL_FEATURES.index(f) for f in cand.get("features", gsigns.DENSE_FEATURES)]
        xc = x
        extra = _extra_columns(name, cand, xc, other, dev, tagged, args.shared)
        if extra is None:
            continue
        xc, other, dev, added = extra
        cols += added
        if cand.get("interactions"):  # products with a feature, after the other columns
            feat = cand["interactions"]
            base = xc.shape[1]
            xc = np.hstack([xc, interaction_columns(x, feat)])
            other = {**other, "mlqe_x": np.hstack([other["mlqe_x"], interaction_columns(other0["mlqe_x"], feat)]),
                     "pro_x": np.hstack([other["pro_x"], interaction_columns(other0["pro_x"], feat)])}
            dev = {**dev, "x": np.hstack([dev["x"], interaction_columns(dev0["x"], feat)])}
            cols += list(range(base, xc.shape[1]))
        if cand.get("names_out"):  # ratio columns without the function words of names, in place
            any_name = cand["names_out"] == "any"
            xc = xc.copy()
            ci = [ALL_FEATURES.index(f) for f in ("articles_per_noun", "of_per_word")]
            xc[:, ci] = name_ratio_columns(tagged["rows"], any_name)
            other = {**other, "mlqe_x": other["mlqe_x"].copy(), "pro_x": other["pro_x"].copy()}
            other["mlqe_x"][:, ci] = name_ratio_columns(tagged["mlqe"], any_name)
            other["pro_x"][:, ci] = name_ratio_columns(tagged["pro"], any_name)
            dev = {**dev, "x": dev["x"].copy()}
            dev["x"][:, ci] = name_ratio_columns(tagged["dev"], any_name)
        shares = {**SHARES, **cand.get("shares", {})}
        l2d, l2h = cand.get("l2_dense", CV_BASE_L2[0]), cand.get("l2_hash", CV_BASE_L2[1])
        use_hash = cand.get("use_hash", True)
        fitted = np.array([shares.get(g, 0) > 0 for g in grp])
        oof, mlqe_auc, mqm_auc = np.zeros(len(rows)), [], []
        fit_on = functools.partial(_fit_columns, xc, xh, y, grp, cols, shares, l2d, l2h, use_hash,
                                   cand.get("balance", False))
        if cand.get("trees") or cand.get("mlp"):
            fit_on = functools.partial(_fit_stacked, xc, xh, y, grp, cols, shares, l2d, l2h, use_hash,
                                       cand.get("balance", False), cand.get("trees") or cand["mlp"], fold,
                                       kind="trees" if cand.get("trees") else "mlp")
        for k in range(CV_FOLDS):
            model = fit_on(fold_fit_index(fold, fitted, k))
            te = np.where(fold == k)[0]
            oof[te] = model(xc[te], [xh[i] for i in te])
            pm = model(other["mlqe_x"], other["mlqe_h"])
            mlqe_auc.append(auc(pm[other["mlqe_y"] == 1], pm[other["mlqe_y"] == 0]))
            if shares.get("mqm", 0) == 0:
                pq = model(xc[mqm], [xh[i] for i in mqm])
                mqm_auc.append(auc(pq[y[mqm] == 1], pq[y[mqm] == 0]))
        pmax = float(oof[pro].max())
        model = fit_on(np.where(fitted)[0])
        pd_ = model(dev["x"], dev["h"])
        nm = dev["n_mt"]
        thr = max(float(pd_[nm:].max()), float(model(other["pro_x"], other["pro_h"]).max())) + 0.02
        row = {"candidate": name, "cv": {
            "realmt_train_oof_auc": round(auc(oof[mt], oof[pro]), 4),
            "realmt_train_mean_fold_auc": round(float(np.mean([auc(oof[mt][fold[mt] == k], oof[pro][fold[pro] == k])
                                                               for k in range(CV_FOLDS)])), 4),
            "mt_above_its_correction": round(float(np.mean(oof[mt] > oof[corr])), 4),
            "mt_above_every_professional": round(float(np.mean(oof[mt] > pmax)), 4),
            "professional_oof_max": round(pmax, 4),
            "mlqe_pe_dev_auc": round(float(np.mean(mlqe_auc)), 4),
            "mqm_2020_ted_auc": round(float(np.mean(mqm_auc)), 4) if mqm_auc else None},
            "dev (tuning figure)": {"auc": round(auc(pd_[:nm], pd_[nm:]), 4),
                                    "major_at_threshold": round(float((pd_[:nm] >= thr).mean()), 4),
                                    "threshold": round(thr, 3)},
            "seconds": round(time.time() - t0, 1)}
        if cand.get("editrate"):
            import build_editrate

            row["editrate_table_sha256"] = build_editrate.load(shared=args.shared)["sha256"]
        print(json.dumps(row), flush=True)
        out.append(row)
    return out
