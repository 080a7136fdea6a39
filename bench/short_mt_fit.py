"""Short MT fitted where short MT is plentiful: MLQE-PE train's short segments (session 49, issue 11).

Session 48 found the detector blind below 13 words (probes AUC 0.40-0.71, MLQE-PE dev 0.53-0.56): its fitting
data holds few short MT rows.  This script adds MLQE-PE train's MT of 6-12 words (checker words) with HTER >= 0.3
as garbled, against length-matched fluent sentences (the same segments' post-edits and, with ``ewt``, UD EWT train
sentences of 6-12 words, half as many), as a source of its own (``mlqe_short``) beside the shipped recipe's rows
(``train_detector.fitted_rows``, the shipped analysis' features), in two shapes:

* ``mix S``: one model, the new source at share S of the loss (the shipped sources keep theirs);
* ``band``: the shipped recipe's model for 13 words or more, and a model fitted on the new source alone for 6-12;
* ``input`` (``--input``): the shipped recipe's rows with one more column, that model's logit in the short band
  (0 outside it), so the main fit chooses its weight.

Each candidate is measured as ``bench/length_norm_ngrams.py`` measures (six leave-languages-out folds of realmt
train, the shipped threshold rule, ``bench/length_minors.py``'s cache by length band: realmt dev, MLQE-PE dev,
EWT dev, own sets, every probe measured and never fitted), plus realmt train's out-of-fold MT recall at the minor
threshold by length.  Rows of a text already fitted are left out.  Writes ``--out`` (figures); nothing shipped.
Never reads MQM 2023, he-en 2023 or MLQE-PE test/test21.

    python bench/length_minors.py collect --out /tmp/lm.jsonl
    python bench/short_mt_fit.py --cache /tmp/lm.jsonl --out bench/short_mt_fit.json            # mix 0/0.1/0.3, band
    python bench/short_mt_fit.py --cache /tmp/lm.jsonl --mix --no-band --input --out /tmp/input.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import read_jsonl, require_shared, shared_dir  # noqa: E402
from length_minors import HTER_GARBLED  # noqa: E402
from length_norm_ngrams import report  # noqa: E402

from bench.detector_columns import featurise  # noqa: E402
from bench.detector_corruptions import ewt_texts, seed_sentences  # noqa: E402
from bench.detector_cv import language_folds  # noqa: E402
from bench.detector_models import auc, fit, predict  # noqa: E402
from bench.detector_recipe import BALANCE_REALMT, CV_FOLDS, RECIPE, SEED, SHARES, _weights  # noqa: E402
from bench.train_detector import fitted_rows, thresholds  # noqa: E402
from mtfix.garble import model as gmodel  # noqa: E402
from mtfix.garble.checker import _words, sentence_like  # noqa: E402

GROUP = "mlqe_short"
#: The short band (checker words): below six words nothing is judged; 12 is the last word count without a major.
SHORT = (6, 12)
PAIRS = ("et", "ne", "ro", "ru", "si")


def short(text: str) -> bool:
    return SHORT[0] <= _words(text) <= SHORT[1]


def short_rows(shared: Path, fitted: set[str], ewt: bool, rng: random.Random) -> list[tuple[str, int, str]]:
    """MLQE-PE train's short MT with HTER >= 0.3 (garbled) and their post-edits (fluent), and with ``ewt`` half as
    many short UD EWT train sentences (fluent); no text of ``fitted`` and none twice."""
    rows: list[tuple[str, int, str]] = []
    seen = set(fitted)
    for pair in PAIRS:
        for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{pair}-en-train.jsonl.gz"):
            if r["hter"] is None or r["hter"] < HTER_GARBLED or not short(r["mt"]) or r["mt"] in seen:
                continue
            seen.add(r["mt"])
            rows.append((r["mt"], 1, GROUP))
            if r["pe"] not in seen and _words(r["pe"]) >= SHORT[0]:
                seen.add(r["pe"])
                rows.append((r["pe"], 0, GROUP))
    if ewt:
        pool = [t for t in dict.fromkeys(ewt_texts(shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu"))
                if short(t) and t not in seen]
        rng.shuffle(pool)
        rows += [(t, 0, GROUP) for t in pool[: sum(r[1] for r in rows) // 2]]
    return rows


def _fitter(x, xh, y, grp, shares):
    def fit_on(idx):
        idx = np.asarray([i for i in idx if shares.get(grp[i], 0) > 0])
        mu, sd = x[idx].mean(axis=0), x[idx].std(axis=0) + 1e-6
        w = _weights(grp[idx], y[idx], shares, BALANCE_REALMT)
        b, wd, wh = fit((x[idx] - mu) / sd, [xh[i] for i in idx], y[idx], w, RECIPE["l2_dense"], RECIPE["l2_hash"],
                        fast=True)
        return lambda xs, h: predict(b, wd, wh, (xs - mu) / sd, h)
    return fit_on


def short_logit(model, x: np.ndarray, h: list, n: np.ndarray) -> np.ndarray:
    """``model``'s logit for the rows of the short band, 0 for the others."""
    out = np.zeros(len(x))
    s = np.where((n >= SHORT[0]) & (n <= SHORT[1]))[0]
    if len(s):
        p = np.clip(model(x[s], [h[i] for i in s]), 1e-9, 1 - 1e-9)
        out[s] = np.log(p / (1 - p))
    return out


def run(cache: Path, mixes: list[float], band: bool, ewt: bool, short_input: bool = False) -> dict:
    t0 = time.time()
    shared = shared_dir()
    for need in ("realmt/real_mt_train.jsonl", "benchmarks", "corpora/ud-english-ewt"):
        require_shared(shared, need, "short_mt_fit")
    det = gmodel.Detector.load()
    base, _ = fitted_rows(shared, det.tagger)
    extra = short_rows(shared, {r[0] for r in base}, ewt, random.Random(SEED))
    rows = base + extra
    print(f"rows: {len(base)} shipped recipe + {len(extra)} {GROUP} "
          f"({sum(r[1] for r in extra)} MT, {sum(1 - r[1] for r in extra)} fluent)", flush=True)
    x, xh = featurise([r[0] for r in rows], det)
    y = np.array([r[1] for r in rows], dtype=np.float64)
    grp = np.array([r[2] for r in rows])
    words = np.array([_words(r[0]) for r in rows])
    fold = language_folds(base, shared)
    fold = np.concatenate([fold, np.full(len(extra), -1)])
    real = np.array([i for i in range(len(base)) if grp[i] == "realmt"])
    evals = [r for r in read_jsonl(cache) if "p" in r]
    ex, eh = featurise([r["text"] for r in evals], det)
    ew = np.array([r["words"] for r in evals])
    pro = [r["text"] for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl")]
    pro += [t for t in seed_sentences(shared) if sentence_like(t)]
    px, ph = featurise(pro, det)
    pw = np.array([_words(t) for t in pro])
    dev_pro = [i for i, r in enumerate(evals) if r["source"] == "realmt-dev" and r["kind"] == "fluent"]
    dev_mt = [i for i, r in enumerate(evals) if r["source"] == "realmt-dev" and r["kind"] == "garbled"]
    print(f"features ({time.time() - t0:.0f} s)", flush=True)
    shipped = {**SHARES, "ewt_extra": RECIPE["ewt_extra_share"]}
    candidates: dict[str, tuple[dict, dict | None]] = {f"mix {s:g}": ({**shipped, GROUP: s}, None) for s in mixes}
    if band:
        candidates["band"] = (shipped, {GROUP: 1.0})
    if short_input:
        candidates["input"] = (shipped, None)
    out: dict = {"rows": {"shipped_recipe": len(base), GROUP: {"mt": int(sum(r[1] for r in extra)),
                                                               "fluent": int(sum(1 - r[1] for r in extra))},
                          "ewt_negatives": ewt}, "candidates": {}}
    for name, (shares, short_shares) in candidates.items():
        xs_, es_, ps_ = x, ex, px
        if name == "input":  # the short model's logit as one more column of the main model, 0 outside the band
            alone = _fitter(x, xh, y, grp, {GROUP: 1.0})(np.arange(len(rows)))
            xs_, es_, ps_ = (np.hstack([a, short_logit(alone, a, h, n)[:, None]])
                             for a, h, n in ((x, xh, words), (ex, eh, ew), (px, ph, pw)))
        main = _fitter(xs_, xh, y, grp, shares)
        short_model = _fitter(x, xh, y, grp, short_shares)(np.arange(len(rows))) if short_shares else None

        def both(model, xs, hs, n, short_model=short_model):
            p = model(xs, hs)
            if short_model is not None:
                s = (n >= SHORT[0]) & (n <= SHORT[1])
                if s.any():
                    p[s] = short_model(xs[s], [hs[i] for i in np.where(s)[0]])
            return p

        oof = np.zeros(len(rows))
        for k in range(CV_FOLDS):
            model = main(np.where(fold != k)[0])
            te = [int(i) for i in real if fold[i] == k]
            oof[te] = both(model, xs_[te], [xh[i] for i in te], words[te])
        model = main(np.arange(len(rows)))
        p = both(model, es_, eh, ew)
        minor, major = thresholds(p[dev_pro], both(model, ps_, ph, pw), RECIPE["minor_share"])
        mt = [i for i in real if y[i] == 1]
        flu = [i for i in real if y[i] == 0]
        fig = {"realmt_train_oof_auc": round(auc(oof[mt], oof[flu]), 4),
               "thresholds": {"minor": minor, "major": major},
               "realmt_train_oof_mt_flagged": {
                   f"<= {n}": f"{sum(oof[i] >= minor for i in mt if words[i] <= n)}/{sum(words[i] <= n for i in mt)}"
                   for n in (12, 16, 999)},
               "realmt_dev": {"auc": round(auc(p[dev_mt], p[dev_pro]), 4),
                              "mt_flagged": f"{sum(p[dev_mt] >= minor)}/{len(dev_mt)}",
                              "mt_major": f"{sum(p[dev_mt] >= major)}/{len(dev_mt)}"},
               "by_set_and_band": report(evals, p, minor, major)}
        out["candidates"][name] = fig
        print(f"\n== {name}: " + json.dumps({k: v for k, v in fig.items() if k != "by_set_and_band"}))
        print("\n".join(fig["by_set_and_band"]), flush=True)
    out["seconds"] = round(time.time() - t0, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, required=True, help="bench/length_minors.py collect's output")
    ap.add_argument("--mix", type=float, nargs="*", default=[0.0, 0.1, 0.3], help="shares of the new source")
    ap.add_argument("--no-band", action="store_true", help="leave out the length-band model")
    ap.add_argument("--input", action="store_true", help="also: the short model's logit as an input of the main one")
    ap.add_argument("--no-ewt", action="store_true", help="post-edits alone as the short fluent rows")
    ap.add_argument("--out", type=Path, help="write the figures here (JSON)")
    args = ap.parse_args(argv)
    out = run(args.cache, args.mix, not args.no_band, not args.no_ewt, args.input)
    if args.out:
        args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
