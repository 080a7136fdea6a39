"""Train mtfix's garble detector (tagger, tag trigrams, logistic model) reproducibly.

    python bench/train_detector.py                 # tagger + detector, writes mtfix/garble/data/
    python bench/train_detector.py --skip-tagger   # reuse the shipped tagger
    python bench/train_detector.py --ablation      # also: recall/AUC each signal group adds (no write)
    python bench/train_detector.py --cv            # leave-languages-out CV of each candidate (into detector.json)
    python bench/train_detector.py --cv --only NAME ...   # only these candidates (rows merged into the table)
    python bench/train_detector.py --record-drift  # fit nothing: record the probe features and today's rows
    python bench/train_detector.py --realmt-oof    # fit nothing shipped: realmt train's out-of-fold probabilities

Data (``--shared DIR``, default ``../shared``; development files only):

* UD English EWT train (tagger, tag trigrams, fluent sentences and their corruptions);
* ``realmt/real_mt_train.jsonl`` (garbled) vs ``realmt/clean_news_train.jsonl`` (fluent): fitting only;
* MLQE-PE train: MT with HTER ≥ 0.3 (garbled) vs post-edits (fluent), and corruptions of post-edits;
  MLQE-PE dev (``--cv`` only): a held-out figure for each candidate, never fitted on;
* MQM zh-en 2020 and TED 2021: MT with a major error (garbled) vs the human references;
* seeds 000–003: fluent sentences and their corruptions.

Never read: MQM 2023, he-en 2023, MLQE-PE test/test21.  Thresholds are chosen on
``realmt/*_dev.jsonl`` (the only thing read from them).  Data, operators, split and
figures go to ``mtfix/garble/data/detector.json``.

``--cv`` compares the ``CANDIDATES`` (features, loss shares, regularisation) without dev:
six folds of realmt train that hold out whole source languages (the MT, its correction
and a sixth of the professional sentences), plus MLQE-PE dev and MQM 2020/TED, which no
candidate is fitted on; each candidate is then fitted on everything and measured once on
dev (a tuning figure).  The table goes into ``detector.json`` ("candidates") and is kept
there by the next training run while ``CHOSEN`` is unchanged.

The pieces live beside this script (session 39): ``detector_corruptions.py`` (operators, the rows fitted),
``detector_columns.py`` (feature columns), ``detector_models.py`` (the fits, AUC), ``detector_recipe.py`` (seed,
loss shares, ``CANDIDATES``, ``RECIPE``) and ``detector_cv.py`` (folds, ``--cv``).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import math
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.detector_class_ops import CLASS_GROUP, CLASS_OPERATORS  # noqa: E402
from bench.detector_columns import ALL_FEATURES, featurise  # noqa: E402
from bench.detector_corruptions import REALMT_SYNTH, build_dataset, seed_sentences  # noqa: E402
from bench.detector_cv import _fit_columns, cross_validate, language_folds, with_realmt_synth  # noqa: E402
from bench.detector_models import auc, fit, predict  # noqa: E402
from bench.detector_probe_rows import recipe_weights, with_probes  # noqa: E402
from bench.detector_recipe import (  # noqa: E402
    BALANCE_REALMT,
    CANDIDATES,
    CHOSEN,
    CV_FOLDS,
    FLUENT_MAJOR_SHARE,
    FLUENT_MINOR_SHARE,
    GROUPS,
    PROBE_WEIGHT,
    RECIPE,
    SEED,
    SHARES,
    VIEW_WORDS,
    _weights,
)
from bench.eval_data import SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402
from bench.fluent_rates import fluent_names, matched_thresholds, pool_probabilities, rates_at, reference_pool  # noqa: E402
from mtfix.garble import model as gmodel  # noqa: E402
from mtfix.garble import signs as gsigns  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402
from mtfix.garble import tagger_training  # noqa: E402

DATA = REPO / "mtfix" / "garble" / "data"
VERSION = "1.0"


def fitted_rows(shared: Path, tagger: gtagger.Tagger, argv: list[str] | None = None) -> tuple[list, dict]:
    """The rows a plain run (``main(argv)``) fits: :func:`build_dataset` with the seed and defaults, less the
    sources with no share of the loss."""
    args = arg_parser().parse_args([*(argv or []), "--shared", str(shared)])
    rows, rec = build_dataset(shared, tagger, random.Random(SEED), args)
    shares = fitted_shares(args)
    return with_probes([r for r in rows if shares.get(r[2], 0) > 0], rec, args.probe_weight), rec


def fitted_shares(args: argparse.Namespace) -> dict[str, float]:
    """Each source's share of the loss in a run of ``args``: :data:`SHARES` with the rest of EWT train's and the
    class operators' rows' (``--class-ops-share``, session 50) from the command line."""
    return {**SHARES, "ewt_extra": args.ewt_extra_share, CLASS_GROUP: args.class_ops_share}


def rows_digest(rows: list) -> str:
    """SHA-256 of the fitted rows in order (label, source, text): the card's ``data_sha256``, which
    ``tests/garble/test_detector_provenance.py`` recomputes so that the data a retrain would fit cannot drift
    unnoticed (a revised segmenter splitting the seeds differently, an operator drawing once more)."""
    h = hashlib.sha256()
    for text, label, group in rows:
        h.update(f"{label}\t{group}\t{text}\n".encode())
    return h.hexdigest()


#: Own sentences (in the repository) whose features the card records under the analysis revision, so that a
#: change of the features the model reads is seen without a retrain (``features_probe`` in the card).
PROBE_FILE = REPO / "tests" / "data" / "professional_genres.txt"


def probe_texts() -> list[str]:
    lines = PROBE_FILE.read_text(encoding="utf-8").splitlines()
    return [t.strip() for t in lines if t.strip() and not t.startswith("#")]


def features_digest(det: gmodel.Detector, texts: list[str]) -> str:
    """SHA-256 of the dense features (rounded to 6 decimals) and hashed n-grams of ``texts``."""
    h = hashlib.sha256()
    for t in texts:
        a = det.analyse(t)
        dense = ",".join(f"{round(v, 6):.6f}" for v in gmodel.feature_values(a.dense, gsigns.DENSE_FEATURES))
        h.update(f"{dense}|{','.join(map(str, a.hashed))}\n".encode())
    return h.hexdigest()


def provenance(rows: list, det: gmodel.Detector) -> dict:
    """What a retrain must reproduce: the fitted rows' digest and the features of the probe sentences."""
    return {
        "data_sha256": rows_digest(rows),
        "features_probe": {
            "analysis_revision": gsigns.ANALYSIS_REVISION,
            "file": str(PROBE_FILE.relative_to(REPO)),
            "sha256": features_digest(det, probe_texts()),
        },
    }


def _name_revision(text: str, revision: int) -> str:
    """``text`` (a note of the card's ``recipe``) naming ``revision`` as today's: "analysis revision 16" and the
    end of "analysis revisions 2-16" become ``revision`` (session 24: the note said 16 under revision 17).

    >>> _name_revision("assembled (analysis revision 16); fitted before analysis revisions 2-16", 18)
    'assembled (analysis revision 18); fitted before analysis revisions 2-18'
    """
    text = re.sub(r"(analysis revisions \d+[-–])\d+", rf"\g<1>{revision}", text)
    return re.sub(r"analysis revision \d+", f"analysis revision {revision}", text)


def record_drift(card: dict, det: gmodel.Detector, rows: list | None, counts: dict | None) -> dict:
    """The card with ``features_probe`` recomputed and, given today's fitted ``rows`` (and their ``counts`` per
    source), the ``recipe`` entry's digest and counts: ``--record-drift``, after a deliberate change of the
    analysis or of the data assembly; the ``recipe`` entry records the analysis revision it was assembled under, and
    its notes' "analysis revision N" (and "revisions 2-N") are rewritten to name it (session 24).  ``data_sha256`` (what the weights were fitted on) never changes here; a
    card without a ``recipe`` entry whose rows no longer match is refused: retrain (and pass the gates) instead."""
    out = {**card, **{k: v for k, v in provenance([], det).items() if k == "features_probe"}}
    if rows is None:
        return out
    digest = rows_digest(rows)
    if "recipe" in card:
        revision = gsigns.ANALYSIS_REVISION
        texts = {k: _name_revision(v, revision) for k, v in card["recipe"].items() if isinstance(v, str)}
        out["recipe"] = {**card["recipe"], **texts, "data_sha256": digest, "rows": counts,
                         "analysis_revision": revision}
    elif digest != card.get("data_sha256"):
        raise ValueError(
            "today's recipe no longer assembles the rows this model was fitted on: retrain (and pass "
            "the gates of bench/RESULTS.md) or add a 'recipe' entry saying where the weights come from"
        )
    return out


def minor_share_of(args: argparse.Namespace) -> float | None:
    """``--minor-share``, None for 0 (the older rule: realmt dev's 80th percentile, at least 0.3)."""
    return args.minor_share or None


def thresholds(p_dev_pro: np.ndarray, p_fit_pro: np.ndarray, minor_share: float | None = None) -> tuple[float, float]:
    """(minor, major), rounded to 3 decimals.  Major: above every professional sentence we may look at (realmt
    dev ``p_dev_pro``; realmt train and the seeds' sentences ``p_fit_pro``) by 0.02.  Minor, below the major:
    the 80th percentile of ``p_dev_pro``, at least 0.3 (the shipped recipe); with ``minor_share``, the probability
    that this share of ``p_fit_pro`` reach (fitting data only)."""
    major = min(0.99, max(float(np.max(p_dev_pro)), float(np.max(p_fit_pro))) + 0.02)
    if minor_share is None:
        minor = min(major - 0.01, max(0.3, float(np.quantile(p_dev_pro, 0.8))))
    else:
        minor = min(major - 0.01, float(np.quantile(p_fit_pro, 1 - minor_share)))
    return round(minor, 3), round(major, 3)


#: Where ``--realmt-oof`` writes the shipped recipe's out-of-fold probabilities of realmt train's rows and segments
#: (read by ``bench/score_design.py collect --oof``).
OOF_FILE = REPO / "bench" / "realmt_train_oof.json"


def realmt_oof(shared: Path, out: Path, model_dir: Path = DATA) -> dict:
    """Out-of-fold probabilities of the SHIPPED recipe (:data:`RECIPE`, the plain run's rows) for every realmt train
    row (MT, its correction, professional news) and each of its segments as the scorer splits it: for each of the
    :data:`CV_FOLDS` leave-languages-out folds of ``--cv`` (:func:`language_folds`), the model refitted on every
    fitted row outside the fold (standardised on those rows, ``fit(..., fast=True)``) predicts the fold's rows.
    Features are the model's own (its card's ``features``, by its analysis); the recipe must still assemble the shipped model's rows (the
    card's ``data_sha256``).  A full-data fit by the same code is compared with the shipped model's probabilities
    (a check that the OOF models are the shipped recipe's).  Writes ``out``; never the model or its card."""
    from score_design import text_key

    from mtfix.segment import split_segments

    t0 = time.time()
    card = json.loads((model_dir / "detector.json").read_text(encoding="utf-8"))
    det = gmodel.Detector.load(None if model_dir == DATA else str(model_dir / gmodel.MODEL_FILE))
    if det.digest != card["model_sha256"]:
        raise SystemExit("train_detector: the model file and its card disagree")
    weight = float(card["args"].get("probe_weight", 0.0))
    class_share = str(card["args"].get("class_ops_share", 0.0))
    class_ops = ["--class-ops", *card["args"]["class_ops"]] if card["args"].get("class_ops") else []
    class_ops += ["--class-ops-pairs"] if card["args"].get("class_ops_pairs") else []
    rows, _ = fitted_rows(shared, gtagger.load(), ["--probe-weight", str(weight), "--class-ops-share", class_share,
                                                   *class_ops])
    if rows_digest(rows) != card["data_sha256"]:
        raise SystemExit("train_detector: today's recipe no longer assembles the shipped model's rows "
                         "(data_sha256): out-of-fold probabilities would not be the shipped recipe's")
    args = arg_parser().parse_args(["--shared", str(shared), "--class-ops-share", class_share])
    if any(card["args"].get(k) != getattr(args, k) for k in RECIPE):
        raise SystemExit("train_detector: the shipped model was not fitted with RECIPE")
    x, xh = featurise([r[0] for r in rows], det, det.features)
    y = np.array([r[1] for r in rows], dtype=np.float64)
    grp = np.array([r[2] for r in rows])
    fold = language_folds(rows, shared)
    shares = fitted_shares(args)
    cols = list(range(x.shape[1]))
    fit_on = functools.partial(_fit_columns, x, xh, y, grp, cols, shares, RECIPE["l2_dense"], RECIPE["l2_hash"],
                               True, BALANCE_REALMT, probe_weight=weight)
    real = [i for i in range(len(rows)) if grp[i] in ("realmt", "realmt_corr")]
    segs = {i: [rows[i][0][s.start : s.end] for s in split_segments(rows[i][0])] for i in real}
    seg_texts = sorted({t for i in real for t in segs[i]})
    sx, sh = featurise(seg_texts, det, det.features)
    where = {t: j for j, t in enumerate(seg_texts)}
    p_row, p_seg = np.zeros(len(rows)), {}
    for k in range(CV_FOLDS):
        model = fit_on(np.where(fold != k)[0])  # every fitted row outside fold k (the other sources: fold -1)
        te = [i for i in real if fold[i] == k]
        p_row[te] = model(x[te], [xh[i] for i in te])
        js = sorted({where[t] for i in te for t in segs[i]})
        for j, p in zip(js, model(sx[js], [sh[j] for j in js]), strict=True):
            p_seg[(k, j)] = float(p)
    full = fit_on(np.arange(len(rows)))(sx, sh)  # the same code on every row: should give the shipped model's p
    shipped = np.array([det.predict(t).probability for t in seg_texts])
    table: dict[str, dict] = {}
    for i in real:
        k = int(fold[i])
        entry = {"fold": k, "group": str(grp[i]), "label": int(y[i]), "p": round(float(p_row[i]), 6),
                 "segments": {text_key(t): round(p_seg[(k, where[t])], 6) for t in segs[i]}}
        old = table.setdefault(text_key(rows[i][0]), entry)
        if old["fold"] != k:
            raise SystemExit(f"train_detector: a realmt text is in folds {old['fold']} and {k}")
    mt = [i for i in real if grp[i] == "realmt" and y[i] == 1]
    pro = [i for i in real if grp[i] == "realmt" and y[i] == 0]
    p_in = {i: float(det.predict(rows[i][0]).probability) for i in mt + pro}
    record = {
        "what": "out-of-fold P(garbled) of the shipped recipe for realmt train's rows and their segments, keyed by "
                "score_design.text_key (SHA-256 of the UTF-8 text, 16 hex digits)",
        "command": "python bench/train_detector.py --realmt-oof",
        "model_sha256": det.digest, "signature": det.signature(), "recipe": RECIPE,
        **({"probe_weight": weight} if weight else {}),
        **({"class_ops_share": args.class_ops_share} if args.class_ops_share else {}),
        "data_sha256": card["data_sha256"], "folds": CV_FOLDS,
        "fold_rule": "language_folds: MT and its correction by source language, professional news round-robin "
                     "after random.Random(7); each fold model fitted on every other fitted row",
        "figures": {
            "realmt_train_auc_in_sample": round(auc([p_in[i] for i in mt], [p_in[i] for i in pro]), 4),
            "realmt_train_auc_oof": round(auc(p_row[mt], p_row[pro]), 4),
            "full_fit_vs_shipped_max_abs_diff": round(float(np.max(np.abs(full - shipped))), 6),
            "rows": len(table), "segments": len(seg_texts),
        },
        "seconds": round(time.time() - t0, 1),
        "rows": table,
    }
    out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(record["figures"]), f"{record['seconds']} s ->", out, flush=True)
    return record


def train_tagger(train_sents: list, args: argparse.Namespace) -> gtagger.Tagger:
    """The tagger of ``args`` (variant, iterations, dictionary threshold) trained on ``train_sents``."""
    from tagger_variants import VARIANTS

    if args.tagger_variant != "base" and not (args.ablation or args.cv):
        raise SystemExit(f"--tagger-variant {args.tagger_variant}: only with --cv or --ablation (it cannot ship)")
    tagdict = tagger_training.make_tagdict(train_sents, freq=args.tagger_dict_freq)
    return tagger_training.train(train_sents, iterations=args.tagger_iterations, seed=SEED,
                         featurize=VARIANTS[args.tagger_variant], tagdict=tagdict)


def arg_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(shared_dir()), help=SHARED_HELP)
    ap.add_argument("--skip-tagger", action="store_true", help="reuse the shipped tagger")
    ap.add_argument("--tagger-iterations", type=int, default=5)
    ap.add_argument("--tagger-variant", default="base",
                    help="feature set of bench/tagger_variants.py VARIANTS; other than base only with --cv or --ablation "
                         "(the shipped inference reads the base features)")
    ap.add_argument("--tagger-dict-freq", type=int, default=20, help="tag dictionary: minimum count of a word")
    ap.add_argument("--synthetic", type=int, default=4000, help="EWT sentences to corrupt (and as many fluent)")
    ap.add_argument("--mlqe-per-pair", type=int, default=800)
    ap.add_argument("--mqm-per-set", type=int, default=1000)
    # session 24: the defaults are the shipped recipe "Qr" (RECIPE); the model shipped before it (f0b884d4b20b)
    # was --l2-dense 0.001 --l2-hash 0.1 --ewt-extra-share 0 --minor-share 0
    ap.add_argument("--l2-dense", type=float, default=RECIPE["l2_dense"])
    ap.add_argument("--l2-hash", type=float, default=RECIPE["l2_hash"])
    ap.add_argument("--ewt-extra-share", type=float, default=RECIPE["ewt_extra_share"],
                    help="share of the loss for the rest of EWT train (fluent)")
    ap.add_argument("--minor-share", type=float, default=RECIPE["minor_share"],
                    help="minor threshold: the probability this share of the fitting-side professional sentences "
                         "reach (0: the 80th percentile of realmt dev's, at least 0.3)")
    ap.add_argument("--fluent-rates", action="store_true",
                    help="thresholds at the shipped model's fluent rates (bench/fluent_rates.py, session 51): minor, "
                         "the probability the fitting-side fluent pool reaches as often as FLUENT_MINOR_SHARE; major, "
                         "the reference pool's at FLUENT_MAJOR_SHARE, never below the recipe's (replaces --minor-share)")
    ap.add_argument("--ablation", action="store_true", help="report what each signal group adds; write nothing")
    ap.add_argument("--cv", action="store_true",
                    help="compare CANDIDATES by leave-languages-out CV; the table goes into detector.json")
    ap.add_argument("--only", nargs="+", metavar="NAME",
                    help="with --cv: only these candidates (their rows replace or join the table's)")
    ap.add_argument("--realmt-oof", type=Path, nargs="?", const=OOF_FILE, default=None, metavar="FILE",
                    help="fit nothing shipped: write the shipped recipe's out-of-fold probabilities of realmt train "
                         f"(default {OOF_FILE.relative_to(REPO)}) for score_design collect --oof")
    ap.add_argument("--probe-weight", type=float, default=PROBE_WEIGHT,
                    help="fit the probes bench/data/probe_s30..s38 too, each row this share of a realmt train row's "
                         "weight (0: not fitted)")
    ap.add_argument("--class-ops-share", type=float, default=0.0,
                    help="share of the loss for corruptions of fluent 6-25-word sentences by the article-less and "
                         "verb-final-clause operators (bench/detector_class_ops.py, session 50; 0: not built)")
    ap.add_argument("--class-ops", nargs="+", choices=tuple(CLASS_OPERATORS), metavar="NAME",
                    help=f"with --class-ops-share: only these operators ({', '.join(CLASS_OPERATORS)}; default all)")
    ap.add_argument("--class-ops-pairs", action="store_true",
                    help="with --class-ops-share: each corruption's fluent twin in the group too (label 0)")
    ap.add_argument("--extra-features", nargs="+", choices=gsigns.CANDIDATE_FEATURES, metavar="NAME",
                    help="fit these candidate signals too (session 52: "
                         f"{', '.join(gsigns.CANDIDATE_FEATURES)}; default none, the shipped model's features)")
    ap.add_argument("--out", type=Path, default=DATA, metavar="DIR",
                    help="write the model and its card here (default: the shipped mtfix/garble/data); with "
                         "--realmt-oof: the model folder to read")
    ap.add_argument("--fit-probes", nargs="+", choices=("old", "new", "lopo"), help="fit nothing shipped: bench/detector_fit_probes.py's experiments")
    ap.add_argument(
        "--record-drift",
        action="store_true",
        help="fit nothing: record the probe features and today's rows in the card (after a deliberate change)",
    )
    return ap


def main(argv: list[str] | None = None) -> int:
    args = arg_parser().parse_args(argv)
    shared = Path(args.shared)
    if (args.probe_weight or args.out != DATA) and (args.ablation or args.cv or args.fit_probes or args.record_drift):
        raise SystemExit("--probe-weight and --out: only with a plain run or --realmt-oof")
    if args.extra_features and (args.ablation or args.cv or args.fit_probes or args.record_drift or args.realmt_oof):
        raise SystemExit("--extra-features: only with a plain run")
    if args.out != DATA and not (args.skip_tagger or args.realmt_oof):  # the tagger is saved only as shipped
        raise SystemExit("--out writes the detector and its card only: add --skip-tagger (a tagger trained here "
                         "would replace the shipped mtfix/garble/data/tagger.npz)")
    if not args.fit_probes:  # --fit-probes hands over to detector_fit_probes.py, which checks what it reads
        require_parts(shared, "realmt", *(() if args.realmt_oof else ("corpora/ud-english-ewt", "benchmarks", "seeds")))
    if args.realmt_oof:
        realmt_oof(shared, args.realmt_oof, args.out)
        return 0
    if args.fit_probes:  # session 38: the probes as fitting data, a measurement (bench/detector_fit_probes.py)
        return subprocess.call([sys.executable, str(REPO / "bench" / "detector_fit_probes.py"), "--shared", str(shared),
                                "--experiment", *args.fit_probes])  # a script on top of this one: imports go one way
    if args.record_drift:
        card_path = DATA / "detector.json"
        card = json.loads(card_path.read_text(encoding="utf-8"))
        rows, rec = fitted_rows(shared, gtagger.load())
        card = record_drift(card, gmodel.Detector.load(), rows, rec["rows"])
        card_path.write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print("recorded:", card["features_probe"], card.get("recipe", {}).get("data_sha256"))
        return 0
    t0 = time.time()
    rng = random.Random(SEED)
    ewt_dir = shared / "corpora" / "ud-english-ewt"
    train_sents = tagger_training.read_conllu(ewt_dir / "en_ewt-ud-train.conllu")
    dev_sents = tagger_training.read_conllu(ewt_dir / "en_ewt-ud-dev.conllu")
    out = args.out
    # the card's args: not the output folder, nor a probe weight of 0 (cards before the option have none)
    record: dict = {"version": VERSION, "seed": SEED, "args": {
        k: v for k, v in vars(args).items() if k != "out" and not (k in ("probe_weight", "class_ops_share", "class_ops", "class_ops_pairs", "fluent_rates", "extra_features") and not v)}}
    if args.skip_tagger:
        tagger = gtagger.load()
    else:
        tagger = train_tagger(train_sents, args)
        if not (args.ablation or args.cv):
            tagger.save(DATA / gtagger.MODEL_FILE)
    record["tagger"] = {"train": "EWT train", "iterations": args.tagger_iterations,
                        **({"variant": args.tagger_variant} if args.tagger_variant != "base" else {}),
                        **({"dict_freq": args.tagger_dict_freq} if args.tagger_dict_freq != 20 else {}),
                        "dev_accuracy": round(tagger_training.accuracy(tagger, dev_sents), 4), "features": len(tagger.features)}
    print(f"tagger: EWT dev accuracy {record['tagger']['dev_accuracy']:.4f} ({time.time() - t0:.0f} s)", flush=True)
    trigrams = gsigns.TagTrigrams.train([tagger.tag(w) for w, _ in train_sents])
    rows, rec = build_dataset(shared, tagger, rng, args)
    shares = fitted_shares(args)
    fold = None
    if args.cv:  # corruptions of realmt train's fluent rows, after every other row, when a candidate gives them a share
        want = [g for g in REALMT_SYNTH if any(CANDIDATES.get(n, {}).get("shares", {}).get(g, 0) > 0
                                               for n in (args.only or CANDIDATES))]
        if want:
            rows, fold, rec["realmt_synth_operators"] = with_realmt_synth(rows, shared, tagger, want)
            for g in want:
                rec["rows"][g] = {"fluent": 0, "garbled": sum(1 for r in rows if r[2] == g)}
    if not (args.ablation or args.cv):  # a source with no share of the loss need not be featurised
        rows = with_probes([r for r in rows if shares.get(r[2], 0) > 0], rec, args.probe_weight)
    record.update(rec)
    print(f"data: {len(rows)} rows {rec['rows']} ({time.time() - t0:.0f} s)", flush=True)
    features = [*gsigns.DENSE_FEATURES, *(args.extra_features or ())]
    all_features = [*features, *gsigns.SURPRISAL_FEATURES]  # ALL_FEATURES with the extra signals
    k = len(features)
    meta0 = {"features": features, "mean": [0.0] * k, "std": [1.0] * k, "bias": 0.0}
    if VIEW_WORDS and not args.cv:  # --cv starts from the function-word view (candidates recompute theirs)
        meta0["view_words"] = VIEW_WORDS
    det = gmodel.Detector(meta0, np.zeros(k), np.zeros(1 << gsigns.HASH_BITS), trigrams, "", tagger)
    tagged: dict[str, list] | None = {"rows": [], "mlqe": [], "pro": [], "dev": []} if args.cv else None
    xall, xh = featurise([r[0] for r in rows], det, all_features, tagged and tagged["rows"])
    xd = xall[:, :k]  # ALL_FEATURES starts with DENSE_FEATURES
    y = np.array([r[1] for r in rows], dtype=np.float64)
    grp = [r[2] for r in rows]
    w = _weights(np.array(grp), y, shares) if not args.probe_weight else \
        recipe_weights(np.array(grp), y, shares, BALANCE_REALMT, args.probe_weight)
    mean, std = xd.mean(axis=0), xd.std(axis=0) + 1e-6
    mean, std = np.array([float(f"{v:.12g}") for v in mean]), np.array([float(f"{v:.12g}") for v in std])
    z = (xd - mean) / std
    dev_mt = read_jsonl(shared / "realmt" / "real_mt_dev.jsonl")
    dev_clean = read_jsonl(shared / "realmt" / "clean_news_dev.jsonl")
    ddall, dh = featurise([r["text"] for r in dev_mt] + [r["text"] for r in dev_clean], det, all_features,
                          tagged and tagged["dev"])
    dd = ddall[:, :k]
    dz = (dd - mean) / std
    nm = len(dev_mt)
    from mtfix.garble.checker import sentence_like

    pro = [r["text"] for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl")]
    pro += [t for t in seed_sentences(shared) if sentence_like(t)]
    print(f"features ({time.time() - t0:.0f} s)", flush=True)
    if args.cv:
        if any(CANDIDATES[n].get("editrate") for n in (args.only or CANDIDATES)):
            import build_editrate  # the table must not have seen a row fitted on: count the overlap

            by_pair = {p: read_jsonl(shared / "benchmarks" / f"mlqe-pe-{p}-en-train.jsonl.gz") for p in build_editrate.PAIRS}
            skip = build_editrate.left_out(by_pair, shared)
            seen = {t for p in by_pair for r in by_pair[p] if (p, r["index"]) not in skip for t in (r["mt"], r["pe"])}
            ours = {t for t, _, g in rows if g in ("mlqe", "fluent")}
            print(f"edit-rate table: {len(seen & ours)} of its sentences are also rows (identical text)", flush=True)
        mdev = []
        for pair in ("et", "ne", "ro", "ru", "si"):  # MLQE-PE dev: MT with HTER >= 0.3 vs its post-edit
            recs = [r for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{pair}-en-dev.jsonl")
                    if r["hter"] is not None and r["hter"] >= 0.3]
            random.Random(1).shuffle(recs)
            mdev += [(r["mt"], 1) for r in recs[:200]] + [(r["pe"], 0) for r in recs[:200]]
        mx, mh = featurise([t for t, _ in mdev], det, ALL_FEATURES, tagged["mlqe"])
        px, ph = featurise(pro, det, ALL_FEATURES, tagged["pro"])
        other = {"mlqe_x": mx, "mlqe_h": mh, "mlqe_y": np.array([y_ for _, y_ in mdev]), "pro_x": px, "pro_h": ph}
        table = cross_validate(rows, xall, xh, language_folds(rows, shared) if fold is None else fold, other,
                               {"x": ddall, "h": dh, "n_mt": nm}, args, tagged, args.only)
        card = DATA / "detector.json"  # the table goes into the model card; the model is left as it is
        old = json.loads(card.read_text(encoding="utf-8")) if card.is_file() else {}
        if args.only:  # the rows run replace their namesakes in the table kept; new ones join it
            kept = (old.get("candidates") or {}).get("table", [])
            ran = {r["candidate"]: r for r in table}
            table = [ran.pop(r["candidate"], r) for r in kept] + list(ran.values())
        old["candidates"] = {"chosen": CHOSEN, "table": table}
        card.write_text(json.dumps(old, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0

    def evaluate(b, wd, wh, cols=None) -> dict:
        p = predict(b, wd, wh, dz if cols is None else dz[:, cols], dh)
        ptr = predict(b, wd, wh, z if cols is None else z[:, cols], xh)
        rt = [i for i, g in enumerate(grp) if g == "realmt"]
        return {"dev_auc": round(auc(list(p[:nm]), list(p[nm:])), 4),
                "train_realmt_auc": round(auc([ptr[i] for i in rt if y[i] == 1], [ptr[i] for i in rt if y[i] == 0]), 4),
                "p_dev": p}

    if args.ablation:
        table = []
        for name, drop in [("all signals", []), *[(f"without {g}", f) for g, f in GROUPS.items()],
                           ("without hashed n-grams", None)]:
            cols = [i for i, f in enumerate(gsigns.DENSE_FEATURES) if f not in (drop or [])]
            b, wd, wh = fit(z[:, cols], xh, y, w, args.l2_dense, args.l2_hash, use_hash=drop is not None)
            ev = evaluate(b, wd, wh, cols)
            p = ev.pop("p_dev")
            thr = max(p[nm:]) if len(p) > nm else 0.5
            ev["dev_recall_at_no_clean"] = round(float((p[:nm] > thr).mean()), 4)
            table.append((name, ev))
            print(name, ev, flush=True)
        Path(REPO / "bench" / "detector_ablation.json").write_text(json.dumps(table, indent=1))
        return 0
    b, wd, wh = fit(z, xh, y, w, args.l2_dense, args.l2_hash)
    # the last bits of the float64 bias (and the scaling, above) differ between numpy/BLAS builds (summation order):
    # 12 significant digits keep the model file's digest reproducible (predictions move by < 1e-9)
    b = float(f"{b:.12g}")
    ev = evaluate(b, wd, wh)
    p = ev.pop("p_dev")
    pc = sorted(p[nm:])
    # major: above every professional sentence we may look at (realmt dev and train, sentence-like segments of
    # seeds 000-003), with a margin of 0.02; minor: the share of the fitting-side ones the old model flagged
    pd_, ph = featurise(pro, det, features)
    pp = predict(b, wd, wh, (pd_ - mean) / std, ph)
    minor, major = thresholds(np.asarray(pc), pp, minor_share_of(args))
    record["threshold_data"] = {"professional_dev_max": round(float(max(pc)), 4),
                                "professional_train_and_seeds_max": round(float(pp.max()), 4),
                                "professional_train_and_seeds_n": len(pro)}
    chosen_on = ("realmt *_dev.jsonl" if minor_share_of(args) is None
                 else f"major: realmt dev/train and seeds; minor: {args.minor_share} of realmt train and seeds")
    if args.fluent_rates:  # session 51: the shipped model's fluent rates held, the major never below the recipe's
        pr = pool_probabilities(reference_pool(shared), det, b, wd, wh, mean, std, features)
        minor, major = matched_thresholds(np.concatenate([pr[k] for k in fluent_names(pr)]),
                                          np.concatenate(list(pr.values())), major, FLUENT_MINOR_SHARE, FLUENT_MAJOR_SHARE)
        record["threshold_data"]["fluent_rates"] = rates_at(pr, fluent_names(pr), minor, major)
        chosen_on = (f"minor: {FLUENT_MINOR_SHARE} of the fitting-side fluent pool; major: {FLUENT_MAJOR_SHARE} of "
                     "the reference pool, at least realmt dev/train and seeds + 0.02 (bench/fluent_rates.py)")
    record["thresholds"] = {"minor": minor, "major": major, "chosen_on": chosen_on}
    record["figures"] = {
        "train (fitted on; not a quality figure)": {"realmt_train_auc": ev["train_realmt_auc"]},
        "dev": {"auc": ev["dev_auc"], "flagged_minor": round(float((p[:nm] >= minor).mean()), 4),
                "flagged_major": round(float((p[:nm] >= major).mean()), 4),
                "clean_minor": round(float((p[nm:] >= minor).mean()), 4),
                "clean_major": round(float((p[nm:] >= major).mean()), 4)},
    }
    meta = {"version": VERSION, "features": features, "mean": mean.tolist(), "std": std.tolist(),
            "bias": b, "thresholds": {"minor": minor, "major": major},
            "hash_bits": gsigns.HASH_BITS, **({"view_words": VIEW_WORDS} if VIEW_WORDS else {})}
    out.mkdir(parents=True, exist_ok=True)
    digest = gmodel.save(out / gmodel.MODEL_FILE, meta, wd, wh, trigrams)
    record["model_sha256"] = digest
    record.update(provenance(rows, det))
    record["tagger_sha256"] = hashlib.sha256((DATA / gtagger.MODEL_FILE).read_bytes()).hexdigest()
    record["dense_weights"] = {f: round(float(x), 4) for f, x in zip(features, wd, strict=True)}
    card = DATA / "detector.json"  # keep the comparison that chose this model (``--cv``, run before)
    old = json.loads(card.read_text(encoding="utf-8")).get("candidates") if card.is_file() else None
    if old and old.get("chosen") == CHOSEN:
        record["candidates"] = old
    record["seconds"] = round(time.time() - t0, 1)
    record["never_read"] = ["mqm-zh-en-2023-sxs", "mqm-he-en-2023-qe", "mlqe-pe-*-test", "mlqe-pe-*-test21"]
    (out / "detector.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(record["figures"], indent=1), record["thresholds"], f"{record['seconds']} s")
    return 0 if not math.isnan(ev["dev_auc"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
