"""Severity thresholds at matched fluent rates (session 51, issue 11): ``train_detector --fluent-rates``.

A refit that ranks better can still move every probability up, so thresholds chosen by a rule that follows the
model's calibration (a share of 250 professional news sentences) let more fluent text of other genres reach them.
This rule holds the fluent rates themselves: the minor threshold is the probability that the share
:data:`~bench.detector_recipe.FLUENT_MINOR_SHARE` of the fitting-side fluent pool (:func:`fluent_pool`) reaches,
the major the one that :data:`~bench.detector_recipe.FLUENT_MAJOR_SHARE` of the wider reference pool
(:func:`reference_pool`) reaches, never below the recipe's major (above every professional sentence of realmt
dev/train and the seeds by 0.02), and the minor below the major.  Both shares are the shipped model's
(434cace95bc4 at 0.276 / 0.634), measured by this script.

Pools (fitting side only): realmt train's professional news, UD EWT train (sentences of at least eight words, as
the training reads it), the own professional sets except :data:`HELD_OUT_OWN` and the short tuning set; the
reference pool adds the MQM zh-en 2020 and TED 2021 references, MLQE-PE dev post-edits and the seeds'
sentences.  Never read: EWT dev/test, MQM 2023, he-en 2023, MLQE-PE test/test21, the probes.

    python bench/fluent_rates.py                          # the shipped model's shares at its thresholds
    python bench/fluent_rates.py --model DIR/detector.npz [--minor T --major T]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import OWN_SETS, own_set_sentences, post_edit_sentences, reference_sentences  # noqa: E402
from eval_data import SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402

from bench.detector_columns import featurise  # noqa: E402
from bench.detector_corruptions import ewt_texts, seed_sentences  # noqa: E402
from bench.detector_models import predict  # noqa: E402

#: Own sets kept out of the pools, so that a fluent rate can still be read on unseen text: session 50's set (250
#: lines of ten genres), the held-out figure of the refit that led to this rule, and sessions 52's and 53's, written
#: after it, and session 54's.
HELD_OUT_OWN = ("own-eighteenth-genres", "own-nineteenth-genres", "own-twentieth-genres",
                "own-twentyfirst-genres")
#: Fluent sentences of six to twelve words of ten genres (session 50; tuning data, never held out).
SHORT_TUNING = REPO / "tests" / "data" / "professional_short_tuning.txt"
#: the shared files the pools read
NEEDS = ("realmt/clean_news_train.jsonl", "corpora/ud-english-ewt/en_ewt-ud-train.conllu", "benchmarks", "seeds")


def fluent_pool(shared: Path) -> dict[str, list[str]]:
    """The fitting-side fluent sentences by source: the minor threshold's pool."""
    pool = {"realmt-train-professional": [r["text"] for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl")],
            "ewt-train": [t for t in ewt_texts(shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu")
                          if len(t.split()) >= 8]}
    pool.update({name: list(own_set_sentences(path)) for name, path in OWN_SETS.items() if name not in HELD_OUT_OWN})
    pool["short-tuning"] = list(own_set_sentences(SHORT_TUNING))
    return pool


#: the sources :func:`reference_pool` adds to :func:`fluent_pool`
REFERENCE_ONLY = ("mqm-2020-references", "ted-2021-references", "mlqe-pe-dev-post-edits", "seeds")


def reference_pool(shared: Path) -> dict[str, list[str]]:
    """:func:`fluent_pool` and the fitting-side references, post-edits and seeds: the major threshold's pool."""
    from mtfix.garble.checker import sentence_like

    bench = shared / "benchmarks"
    return {**fluent_pool(shared), "mqm-2020-references": list(reference_sentences(bench / "mqm-zh-en-2020.jsonl.gz")),
            "ted-2021-references": list(reference_sentences(bench / "mqm-zh-en-ted2021.jsonl")),
            "mlqe-pe-dev-post-edits": list(post_edit_sentences(bench)),
            "seeds": [t for t in seed_sentences(shared) if sentence_like(t)]}


def fluent_names(p: dict) -> list[str]:
    """The sources of a :func:`reference_pool` result that are :func:`fluent_pool`'s."""
    return [k for k in p if k not in REFERENCE_ONLY]


def matched_thresholds(p_fluent: np.ndarray, p_reference: np.ndarray, major_floor: float, minor_share: float,
                       major_share: float) -> tuple[float, float]:
    """(minor, major), rounded to 3 decimals: the probabilities that ``minor_share`` of ``p_fluent`` and
    ``major_share`` of ``p_reference`` reach; the major never below ``major_floor``, the minor below the major."""
    major = min(0.99, max(major_floor, float(np.quantile(p_reference, 1 - major_share))))
    minor = min(major - 0.01, float(np.quantile(p_fluent, 1 - minor_share)))
    return round(minor, 3), round(major, 3)


def pool_probabilities(pool: dict[str, list[str]], det, b: float, wd: np.ndarray, wh: np.ndarray,
                       mean: np.ndarray, std: np.ndarray, names=None) -> dict[str, np.ndarray]:
    """Each source's probabilities under the weights ``b, wd, wh`` (features ``names``, default the shipped
    model's, by ``det``'s analysis)."""
    out = {}
    for name, texts in pool.items():
        x, h = featurise(texts, det, *([names] if names else []))
        out[name] = predict(b, wd, wh, (x - mean) / std, h)
    return out


def rates_at(p: dict[str, np.ndarray], fluent: list[str], minor: float, major: float) -> dict:
    """How many of each source's sentences (``p``: :func:`reference_pool`'s) reach ``minor`` and ``major``, the
    share of the fluent pool (the sources ``fluent``) at ``minor`` and of the whole at ``major``."""
    pooled = np.concatenate([p[k] for k in fluent])
    every = np.concatenate(list(p.values()))
    return {"fluent_pool": {"n": len(pooled), "minor": round(float((pooled >= minor).mean()), 4)},
            "reference_pool": {"n": len(every), "major": round(float((every >= major).mean()), 5)},
            "sources": {k: {"n": len(v), "minor": int((v >= minor).sum()), "major": int((v >= major).sum())}
                        for k, v in p.items()}}



def main(argv: list[str] | None = None) -> int:
    from mtfix.garble import model as gmodel

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(shared_dir()), help=SHARED_HELP)
    ap.add_argument("--model", help="a detector.npz (default: the shipped model)")
    ap.add_argument("--minor", type=float, help="default: the model's")
    ap.add_argument("--major", type=float, help="default: the model's")
    args = ap.parse_args(argv)
    shared = require_parts(Path(args.shared), *NEEDS)
    det = gmodel.Detector.load(args.model)
    p = pool_probabilities(reference_pool(shared), det, det.bias, np.array(det.dense), np.array(det.hashed),
                           np.array(det.mean), np.array(det.std), det.features)
    minor = det.thresholds["minor"] if args.minor is None else args.minor
    major = det.thresholds["major"] if args.major is None else args.major
    print(json.dumps({"model_sha256": det.digest, "minor": minor, "major": major, **rates_at(p, fluent_names(p), minor, major)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
