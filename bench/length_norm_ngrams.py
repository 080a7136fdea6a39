"""A refit of the garble detector with length-normalised n-gram evidence, measured by length (session 48, issue 11).

Session 45 found the detector's probability on MT rising with length through the summed hashed n-grams, and a
short sentence's evidence too small to tell fluent from garbled.  This script refits the shipped recipe's rows
(``train_detector.fitted_rows``, the shipped analysis' features) with each sentence's n-grams weighted
(``REFERENCE`` / its number of n-grams) ** g (:func:`detector_models.ngram_scale`; g 0 is the shipped fit) and
reports, for each g: realmt train out of fold (the six leave-languages-out folds of ``--realmt-oof``), realmt dev,
MLQE-PE dev and the probes' AUC, and, at the minor threshold the shipped rule picks (``train_detector.thresholds``:
a third of realmt train's and the seeds' professional sentences), the fluent minor rate and the MT flagged by
length band on ``bench/length_minors.py``'s cache (the model's raw probability: the checker's misreads
corrections are left out, so g 0 is compared with g 0, not with the cache's verdicts).  Writes nothing shipped.

    python bench/length_minors.py collect --out /tmp/lm.jsonl
    python bench/length_norm_ngrams.py --cache /tmp/lm.jsonl --powers 0 0.5 1
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import SHARED_ENV_HINT, read_jsonl, require_parts, shared_dir  # noqa: E402
from length_minors import band, group  # noqa: E402
from probes_pooled import writer_of  # noqa: E402

from bench.detector_columns import featurise  # noqa: E402
from bench.detector_corruptions import seed_sentences  # noqa: E402
from bench.detector_cv import language_folds  # noqa: E402
from bench.detector_models import auc, fit, ngram_scale, predict  # noqa: E402
from bench.detector_recipe import BALANCE_REALMT, CV_FOLDS, RECIPE, SHARES, _weights  # noqa: E402
from bench.train_detector import fitted_rows, thresholds  # noqa: E402
from mtfix.garble import model as gmodel  # noqa: E402
from mtfix.garble import signs as gsigns  # noqa: E402

#: The number of hashed n-grams a sentence's weight is 1 at (about a 20-word sentence's).
REFERENCE = 60.0


def length_matched(w: np.ndarray, grp: np.ndarray, y: np.ndarray, words: np.ndarray) -> np.ndarray:
    """``w`` reweighted so that within each source the garbled and the fluent rows have the same length-band mix
    (each label's weight in a band scaled to the source's pooled share of that band; its total kept)."""
    out = w.copy()
    bands = np.array([band(int(n)) or "short" for n in words])
    for g in np.unique(grp):
        src = grp == g
        if len(np.unique(y[src])) < 2:
            continue
        pooled = {b: w[src & (bands == b)].sum() / w[src].sum() for b in np.unique(bands[src])}
        for lab in (0.0, 1.0):
            own = src & (y == lab)
            total = w[own].sum()
            for b, share in pooled.items():
                cell = own & (bands == b)
                if w[cell].sum() > 0:
                    out[cell] = w[cell] * share * total / w[cell].sum()
    return out * (w.sum() / out.sum())


def _fitter(x, xh, y, grp, power, words=None, drop=()):
    shares = {**SHARES, "ewt_extra": RECIPE["ewt_extra_share"]}
    keep = [j for j, f in enumerate(gsigns.DENSE_FEATURES) if f not in drop]

    def fit_on(idx):
        mu, sd = x[idx][:, keep].mean(axis=0), x[idx][:, keep].std(axis=0) + 1e-6
        hs = [xh[i] for i in idx]
        w = _weights(grp[idx], y[idx], shares, BALANCE_REALMT)
        if words is not None:
            w = length_matched(w, grp[idx], y[idx], words[idx])
        b, wd, wh = fit((x[idx][:, keep] - mu) / sd, hs, y[idx], w,
                        RECIPE["l2_dense"], RECIPE["l2_hash"], fast=True, scale=ngram_scale(hs, power, REFERENCE))
        return lambda xs, h: predict(b, wd, wh, (xs[:, keep] - mu) / sd, h, ngram_scale(h, power, REFERENCE))
    return fit_on


def run(cache: Path, powers: list[float], match: bool = False, drop: tuple[str, ...] = ()) -> None:
    shared = require_parts(shared_dir(), "realmt", "benchmarks", "corpora/ud-english-ewt", hint=SHARED_ENV_HINT)
    det = gmodel.Detector.load()
    rows, _ = fitted_rows(shared, det.tagger)
    x, xh = featurise([r[0] for r in rows], det)
    from mtfix.garble.checker import _words

    words = np.array([_words(r[0]) for r in rows]) if match else None
    y = np.array([r[1] for r in rows], dtype=np.float64)
    grp = np.array([r[2] for r in rows])
    fold = language_folds(rows, shared)
    real = np.array([i for i in range(len(rows)) if grp[i] == "realmt"])
    evals = [r for r in read_jsonl(cache) if "p" in r]
    ex, eh = featurise([r["text"] for r in evals], det)
    pro = [r["text"] for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl")]
    from mtfix.garble.checker import sentence_like

    pro += [t for t in seed_sentences(shared) if sentence_like(t)]
    px, ph = featurise(pro, det)
    dev_pro = [i for i, r in enumerate(evals) if r["source"] == "realmt-dev" and r["kind"] == "fluent"]
    for power in powers:
        fit_on = _fitter(x, xh, y, grp, power, words, drop)
        oof = np.zeros(len(rows))
        for k in range(CV_FOLDS):
            model = fit_on(np.where(fold != k)[0])
            te = [int(i) for i in real if fold[i] == k]
            oof[te] = model(x[te], [xh[i] for i in te])
        model = fit_on(np.arange(len(rows)))
        p = model(ex, eh)
        minor, major = thresholds(p[dev_pro], model(px, ph), RECIPE["minor_share"])
        print(f"\n== g {power}{' length-matched' if match else ''}{' without ' + ','.join(drop) if drop else ''}: realmt train OOF AUC "
              f"{auc(oof[[i for i in real if y[i] == 1]], oof[[i for i in real if y[i] == 0]]):.4f}; "
              f"thresholds minor {minor} major {major}")
        print("\n".join(report(evals, p, minor, major)))


def report(evals: list[dict], p: np.ndarray, minor: float, major: float) -> list[str]:
    """One line per set and length band of ``evals`` (``bench/length_minors.py``'s cache rows), per probe and per
    writer: the fluent minors, the MT flagged, the AUC and the professional majors of the probabilities ``p``."""
    by: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(evals):
        by[(group(r["source"]), band(r["words"]) or "-")].append(i)
        by[(group(r["source"]), "all")].append(i)
        if r["source"].startswith("probe_"):
            by[(r["source"], "all")].append(i)
            by[(f"writer-{writer_of(r['source'])}", "all")].append(i)
    lines = []
    for key in sorted(by):
        idx = by[key]
        flu = [i for i in idx if evals[i]["kind"] == "fluent"]
        gar = [i for i in idx if evals[i]["kind"] == "garbled"]
        cells = [f"fluent minor {sum(p[flu] >= minor)}/{len(flu)}" if flu else "",
                 f"MT flagged {sum(p[gar] >= minor)}/{len(gar)}" if gar else "",
                 f"AUC {auc(p[gar], p[flu]):.3f}" if flu and gar else "",
                 f"majors pro {sum(p[flu] >= major)}" if flu else ""]
        lines.append(f"{key[0]:12s} {key[1]:6s} " + "  ".join(cells))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, required=True, help="bench/length_minors.py collect's output")
    ap.add_argument("--powers", type=float, nargs="+", default=[0.0, 0.5, 1.0])
    ap.add_argument("--match-length", action="store_true", help="length-matched weights (:func:`length_matched`)")
    ap.add_argument("--drop", nargs="*", default=[], help="dense features left out of the fit")
    args = ap.parse_args(argv)
    run(args.cache, args.powers, args.match_length, tuple(args.drop))
    return 0


if __name__ == "__main__":
    sys.exit(main())
