"""Would our own probe sentences help as fitting data? (session 38, issue 11; a measurement, nothing shipped)

The probes ``bench/data/probe_s30`` ... ``probe_s38`` (20 MT + 10 professional sentences each, written in the style
of real MT) join the shipped recipe's fitted rows as a source of their own, ``probe``: MT rows label 1, professional
rows label 0, each row weighted like a realmt train row of its label (the mean weight :func:`detector_recipe._weights`
gives realmt train's MT, resp. professional rows of the same fit).  Features are the shipped detector's analysis (as
``--realmt-oof``); every model is fitted by ``detector_models.fit`` on the standardised rows (``fast=True``).

Experiments (``--experiment``), each against the same code without the probes (``base``):

* ``old``: fit with s30–s34, measure the held-out s35–s38;
* ``new``: the control, fit with s35–s38, measure s30–s34;
* ``lopo``: leave one probe out, nine fits: each probe measured by the model fitted with the other eight.

Figures: pooled AUC of the held-out probes (detector probability; a paired bootstrap interval of the difference to
``base``), realmt train out-of-fold AUC (six leave-languages-out folds, ``detector_cv.language_folds``; probe rows
are fitted in every fold), professional majors (probability at or over the fit's major threshold, chosen like the
recipe's but without realmt dev: the maximum over realmt train's professional rows and the seeds' sentences, plus
0.02): realmt train professional rows out of fold, the held-out probes' professional rows, and the own-genre and
reference sentences ``bench/audit_professional.py`` reads (the detector alone: a proxy for its MTF401 majors), and
Kendall's τ of the probability against MQM zh-en 2020 scores (not fitted on: its share of the loss is 0).

Never read: realmt dev, MQM 2023, he-en 2023, MLQE-PE test/test21.  Writes ``OUT/figures.json`` and the feature
cache ``OUT/features.pkl`` (never ``mtfix/garble/data``).  Run::

    python bench/detector_fit_probes.py --shared ../shared --out /tmp/probe_fit --experiment old new lopo
    python bench/train_detector.py --fit-probes old new      # the same, through the training's hook
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench.detector_columns import featurise  # noqa: E402
from bench.detector_corruptions import seed_sentences  # noqa: E402
from bench.detector_cv import language_folds  # noqa: E402
from bench.detector_models import auc, fit, predict  # noqa: E402
from bench.detector_probe_rows import NEW, OLD, PROBES, probe_rows, probe_weights  # noqa: E402
from bench.detector_recipe import BALANCE_REALMT, CV_FOLDS, RECIPE, SHARES  # noqa: E402
from bench.eval_data import MQM_SETS, SHARED_HELP, load_mqm, read_jsonl, require_parts, shared_dir  # noqa: E402
from bench.train_detector import fitted_rows  # noqa: E402

PRO_SOURCES = ("professional_genres", "professional_institutional", "professional_more_genres",
               "professional_fifth_genres", "professional_sixth_genres")


def kendall_tau(p: np.ndarray, score: np.ndarray) -> float:
    """Kendall's τ-b of the probability against the MQM score (both: higher is worse)."""
    from scipy.stats import kendalltau

    return float(kendalltau(p, score).statistic)


def paired_interval(p_base: np.ndarray, p_new: np.ndarray, y: np.ndarray, draws: int = 2000) -> tuple[float, float]:
    """95 % bootstrap interval of AUC(new) - AUC(base) on the same rows, resampling each class (seed 1)."""
    rng = np.random.default_rng(1)
    pos, neg = np.where(y == 1)[0], np.where(y == 0)[0]
    diffs = []
    for _ in range(draws):
        a, b = rng.choice(pos, len(pos)), rng.choice(neg, len(neg))
        diffs.append(auc(p_new[a], p_new[b]) - auc(p_base[a], p_base[b]))
    diffs.sort()
    return round(diffs[int(0.025 * draws)], 4), round(diffs[int(0.975 * draws) - 1], 4)


def professional_texts(shared: Path, per_source: int = 400) -> dict[str, list[str]]:
    """Professional sentences of ``bench/audit_professional.py``'s sources (the own genres whole; MQM zh-en 2020
    references and MLQE-PE dev post-edits: a fixed sample of ``per_source``)."""
    from audit_professional import own_set_sentences

    out = {"own-genres": [t for name in PRO_SOURCES for t in own_set_sentences(REPO / "tests" / "data" / f"{name}.txt")]}
    refs = sorted({r["reference"] for r in read_jsonl(shared / "benchmarks" / "mqm-zh-en-2020.jsonl.gz")
                   if r.get("reference")})
    random.Random(3).shuffle(refs)
    out["mqm-ref"] = refs[:per_source]
    pe = [r["pe"] for p in ("et", "ne", "ro", "ru", "si")
          for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{p}-en-dev.jsonl")]
    random.Random(4).shuffle(pe)
    out["mlqe-pe"] = pe[:per_source]
    return out


def mqm_rows(shared: Path, n: int = 1500) -> list[tuple[str, float]]:
    """(MT text, MQM score) of a fixed sample of MQM zh-en 2020's MT rows (``MQM_SETS[0]``, a dev set)."""
    if MQM_SETS[0].name != "zh-en 2020" or MQM_SETS[0].split != "dev":
        raise SystemExit("detector_fit_probes: MQM_SETS[0] is no longer MQM zh-en 2020 (dev)")
    recs = load_mqm(MQM_SETS[0], shared / "benchmarks")
    random.Random(5).shuffle(recs)
    return [(r["target"], float(r["mqm_score"])) for r in recs[:n]]


def features(shared: Path, cache: Path) -> dict:
    """Every text the experiments score, featurised once by the shipped detector (cached in ``cache``)."""
    from mtfix.garble import model as gmodel
    from mtfix.garble import tagger as gtagger
    from mtfix.garble.signs import ANALYSIS_REVISION

    det = gmodel.Detector.load()
    if cache.is_file():  # only the shipped model's and this analysis revision's features: never a stale file
        data = pickle.loads(cache.read_bytes())
        if data.get("model") == det.digest and data.get("analysis") == ANALYSIS_REVISION:
            return data
        print(f"{cache} holds another model's or analysis revision's features: featurising again", flush=True)
    rows, _ = fitted_rows(shared, gtagger.load())
    probes = probe_rows(PROBES)
    pro = professional_texts(shared)
    mqm = mqm_rows(shared)
    seeds = [t for t in seed_sentences(shared)]
    from mtfix.garble.checker import sentence_like

    seeds = [t for t in seeds if sentence_like(t)]
    texts = [r[0] for r in rows] + [r[0] for r in probes] + [t for v in pro.values() for t in v] + \
        [t for t, _ in mqm] + seeds
    t0 = time.time()
    x, xh = featurise(texts, det)
    print(f"featurised {len(texts)} texts in {time.time() - t0:.0f} s", flush=True)
    data = {"rows": rows, "probes": probes, "probe_of": [n for n in PROBES for _ in probe_rows((n,))],
            "pro": pro, "mqm": mqm, "seeds": seeds, "x": x, "xh": xh, "model": det.digest,
            "analysis": ANALYSIS_REVISION}
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(data))
    return data


class Data:
    """Index ranges of :func:`features`' matrix: fitted rows, probe rows, the professional sets, MQM, seeds."""

    def __init__(self, d: dict, shared: Path, scale: float = 1.0) -> None:
        self.d, self.x, self.xh = d, d["x"], d["xh"]
        n, m = len(d["rows"]), len(d["probes"])
        self.rows = d["rows"] + d["probes"]
        self.y = np.array([r[1] for r in self.rows], dtype=np.float64)
        self.grp = np.array([r[2] for r in self.rows])
        self.probe_of = np.array([""] * n + d["probe_of"])
        self.fold = np.concatenate([language_folds(d["rows"], shared), np.full(m, -1)])
        at = n + m
        self.pro: dict[str, np.ndarray] = {}
        for k, v in d["pro"].items():
            self.pro[k], at = np.arange(at, at + len(v)), at + len(v)
        self.mqm, at = np.arange(at, at + len(d["mqm"])), at + len(d["mqm"])
        self.mqm_score = np.array([s for _, s in d["mqm"]])
        self.seeds = np.arange(at, at + len(d["seeds"]))
        self.base = np.arange(n)
        self._fits: dict = {}
        self.scale = scale

    def fit(self, idx: np.ndarray):
        """The recipe's fit on rows ``idx`` (probe rows weighted by :func:`probe_weights`): a predictor of indices."""
        shares = {**SHARES, "ewt_extra": RECIPE["ewt_extra_share"]}
        xs = self.x[idx]
        mu, sd = xs.mean(axis=0), xs.std(axis=0) + 1e-6
        w = probe_weights(self.grp[idx], self.y[idx], shares, BALANCE_REALMT, self.scale)
        b, wd, wh = fit((xs - mu) / sd, [self.xh[i] for i in idx], self.y[idx], w, RECIPE["l2_dense"],
                        RECIPE["l2_hash"], fast=True)

        def p(ix: np.ndarray) -> np.ndarray:
            return predict(b, wd, wh, (self.x[ix] - mu) / sd, [self.xh[i] for i in ix])

        p.params = (b, wd, wh, mu, sd)  # type: ignore[attr-defined]
        return p

    def fit_once(self, fitted: tuple[str, ...], fold: int, idx: np.ndarray):
        """:meth:`fit`, once for each set of probes fitted and each fold left out (-1: none)."""
        key = (tuple(sorted(fitted)), fold)
        if key not in self._fits:
            self._fits[key] = self.fit(idx)
        return self._fits[key]

    def probes_idx(self, names: tuple[str, ...]) -> np.ndarray:
        return np.where(np.isin(self.probe_of, names))[0]


def evaluate(data: Data, fitted: tuple[str, ...], held: tuple[str, ...], oof: bool = True) -> dict:
    """Fit the base rows and the probes ``fitted``; the figures on the probes ``held`` and the rest."""
    idx = np.concatenate([data.base, data.probes_idx(fitted)])
    model = data.fit_once(fitted, -1, idx)
    real_pro = np.where((data.grp == "realmt") & (data.y == 0))[0]
    real_mt = np.where((data.grp == "realmt") & (data.y == 1))[0]
    major = min(0.99, float(max(model(real_pro).max(), model(data.seeds).max())) + 0.02)
    hi = data.probes_idx(held)
    ph = model(hi)
    out: dict = {"fitted_probes": list(fitted), "held_probes": list(held), "major": round(major, 4),
                 "held_auc": round(auc(ph[data.y[hi] == 1], ph[data.y[hi] == 0]), 4),
                 "held_pro_major": int((ph[data.y[hi] == 0] >= major).sum()),
                 "held_n": [int((data.y[hi] == 1).sum()), int((data.y[hi] == 0).sum())],
                 "own_pro_major": {k: [int((model(v) >= major).sum()), len(v)] for k, v in data.pro.items()},
                 "mqm2020_tau": round(kendall_tau(model(data.mqm), data.mqm_score), 4),
                 "p_held": [round(float(v), 6) for v in ph], "p_held_y": [int(v) for v in data.y[hi]]}
    if oof:
        p = np.zeros(len(data.rows))
        majors = 0
        for k in range(CV_FOLDS):
            m = data.fit_once(fitted, k, idx[data.fold[idx] != k])
            te = np.where(data.fold == k)[0]
            p[te] = m(te)
        out["realmt_oof_auc"] = round(auc(p[real_mt], p[real_pro]), 4)
        majors = int((p[real_pro] >= major).sum())
        out["realmt_oof_pro_major"] = [majors, len(real_pro)]
    return out


def run(shared: Path, out: Path, experiments: list[str], scale: float = 1.0) -> dict:
    """Each experiment against ``base``; writes ``out/figures.json``."""
    data = Data(features(shared, out / "features.pkl"), shared, scale)
    record: dict = {"command": "python bench/detector_fit_probes.py --experiment " + " ".join(experiments)
                    + (f" --probe-scale {scale}" if scale != 1.0 else ""),
                    "rows": {"base": len(data.base), "probe": len(data.d["probes"])}}
    plans = {"old": (OLD, NEW), "new": (NEW, OLD)}
    for name in experiments:
        t0 = time.time()
        if name == "lopo":
            table = {}
            for held in PROBES:
                base = evaluate(data, (), (held,), oof=False)
                with_ = evaluate(data, tuple(n for n in PROBES if n != held), (held,), oof=False)
                table[held] = {"base_auc": base["held_auc"], "with_auc": with_["held_auc"],
                               "base_pro_major": base["held_pro_major"], "with_pro_major": with_["held_pro_major"]}
                print(held, table[held], flush=True)
            record["lopo"] = table
        else:
            fitted, held = plans[name]
            base = evaluate(data, (), held)
            with_ = evaluate(data, fitted, held)
            y = np.array(base["p_held_y"])
            with_["held_auc_diff_interval"] = paired_interval(np.array(base["p_held"]), np.array(with_["p_held"]), y)
            record[name] = {"base": base, "with": with_}
            print(name, {k: v for k, v in with_.items() if not k.startswith("p_")},
                  {k: v for k, v in base.items() if not k.startswith("p_")}, flush=True)
        print(f"{name}: {time.time() - t0:.0f} s", flush=True)
        out.mkdir(parents=True, exist_ok=True)
        (out / "figures.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return record


def arg_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(shared_dir()), help=SHARED_HELP)
    ap.add_argument("--out", type=Path, default=Path("/tmp/mtfix-probe-fit"), help="output folder (figures, cache)")
    ap.add_argument("--experiment", nargs="+", choices=("old", "new", "lopo"), default=["old", "new"])
    ap.add_argument("--probe-scale", type=float, default=1.0,
                    help="a probe row's weight as a share of a realmt train row's (1: the rule's)")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = arg_parser().parse_args(argv)
    run(require_parts(Path(args.shared), "realmt", "benchmarks", "corpora/ud-english-ewt", "seeds"), args.out, args.experiment, args.probe_scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
