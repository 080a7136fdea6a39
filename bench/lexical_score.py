#!/usr/bin/env python3
"""Design the fluency score's bilingual lexical term (weights ``lexical``) on MLQE-PE: fit on train, choose on dev.

    python bench/lexical_score.py collect [--train-per-pair 1500] [--out F]   # score records once (grammar off)
    python bench/lexical_score.py fit [--cache F]        # grid on the train sample; dev figures of the best few
    python bench/lexical_score.py report [--cache F]     # dev per pair, before/after, with the shipped weights
    python bench/lexical_score.py heldout                # MLQE-PE test, ONCE, after the term is fixed

``collect`` checks each record's MT (and, on dev, its post-edit) with the source given, and keeps what the
term needs: the document score without the term (the shipped weights' ``lexical`` off), its words, and the
source's content words and their coverage (:func:`mtfix.checks.lexical_coverage.coverage`).  The term's
formula is the score's own (:func:`mtfix.scoring.fluency.lexical_penalty`), applied as
:func:`mtfix.scoring.fluency.document_fluency` applies points against the whole document.

The tables were fitted on MLQE-PE train (``bench/train_lexicon.py``): coverage there is in-sample (higher
than on unseen text), so the train grid only proposes; the choice is checked on dev.  MLQE-PE test is read
by ``heldout`` only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import statistics
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import DATA_ENV_HINT, PAIRS, read_jsonl, require_data  # noqa: E402
from eval_realmt import auc  # noqa: E402

DEFAULT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "mtfix-lexical-score.json.gz"


def _rows(records: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Each record scored with its source, per target key (``mt``, ``pe``), the term left out."""
    from mtfix.checks.lexical_coverage import coverage
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.scoring.fluency import default_weights, fluency

    w = replace(default_weights(), lexical_points=0.0)
    pipe = Pipeline(Config(grammar="off"))
    out = []
    for r in records:
        row: dict[str, Any] = {"hter": r.get("hter"), "da_z": r.get("da_z_mean")}
        for key in keys:
            res = pipe.check(pipe.document(r[key], source=r["source"]))
            fl = fluency(res.document, res.findings, w)
            cov = coverage(r["source"], r[key], stems=True)  # as the score's term (session 30)
            row[key] = {"fluency": fl.fluency, "words": fl.words,
                        "content": len(cov.content) if cov else 0, "share": cov.share if cov else None}
        out.append(row)
    return out


def collect(args: argparse.Namespace) -> None:
    root = require_data(hint=DATA_ENV_HINT)
    data: dict[str, Any] = {"train": {}, "dev": {}}
    for pair in PAIRS:
        train = read_jsonl(root / f"mlqe-pe-{pair}-train.jsonl.gz")
        step = max(1, len(train) // args.train_per_pair)
        data["train"][pair] = _rows(train[::step][: args.train_per_pair], ("mt",))
        dev = [r for r in read_jsonl(root / f"mlqe-pe-{pair}-dev.jsonl") if r.get("pe") is not None]
        data["dev"][pair] = _rows(dev, ("mt", "pe"))
        print(pair, len(data["train"][pair]), len(data["dev"][pair]), flush=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)


def rescored(x: dict[str, Any], points: float, centre: float, min_content: int) -> float:
    """The document score with the term: the score's formula (:func:`mtfix.scoring.fluency.lexical_penalty`)."""
    from mtfix.scoring.fluency import default_weights, lexical_penalty

    w = replace(default_weights(), lexical_points=points, lexical_centre=centre, lexical_min_content=min_content)
    p = lexical_penalty(x["share"], x["content"], w) if x["share"] is not None else 0.0
    return x["fluency"] * math.exp(-w.scale * p / max(x["words"], w.min_words))


def tau(x: list[float], y: list[float]) -> float:
    from scipy.stats import kendalltau

    return float(kendalltau(x, y, variant="b").statistic)


def figures(rows: list[dict[str, Any]], params: tuple[float, float, int]) -> dict[str, float]:
    mt = [rescored(r["mt"], *params) for r in rows]
    out = {"hter": tau(mt, [-r["hter"] for r in rows])}
    if all(r.get("da_z") is not None for r in rows):
        out["da_z"] = tau(mt, [r["da_z"] for r in rows])
    if "pe" in rows[0]:
        bad = [m for m, r in zip(mt, rows, strict=True) if r["hter"] >= 0.3]
        pe = [rescored(r["pe"], *params) for r in rows if r["hter"] >= 0.3]
        out["auc"] = auc(bad, pe)  # P(post-edit scores above an MT), MT records with HTER >= 0.3
    return out


def mean_over(data: dict[str, list[dict[str, Any]]], params: tuple[float, float, int], key: str) -> float:
    return statistics.mean(figures(rows, params)[key] for rows in data.values())


GRID = [(p, c, m) for p in (1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0) for c in (0.5, 0.6, 0.75, 0.9, 1.0) for m in (1, 2, 3)]


def fit(args: argparse.Namespace) -> None:
    with gzip.open(args.cache, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    base = (0.0, 1.0, 1)
    print(f"train base tau(-HTER) {mean_over(data['train'], base, 'hter'):+.4f}  "
          f"dev {mean_over(data['dev'], base, 'hter'):+.4f}")
    ranked = sorted(((mean_over(data["train"], g, "hter"), g) for g in GRID), reverse=True)
    print("points centre min_content | train tau | dev tau(-HTER) dev tau(DA z) dev AUC")
    dev = {g: {k: mean_over(data["dev"], g, k) for k in ("hter", "da_z", "auc")} for g in [base, *GRID]}

    def line(t: float, g: tuple[float, float, int]) -> str:
        d = dev[g]
        return f"{g[0]:5} {g[1]:5} {g[2]:2} | {t:+.4f} | {d['hter']:+.4f} {d['da_z']:+.4f} {d['auc']:.3f}"

    print(line(mean_over(data["train"], base, "hter"), base), "(no term)")
    print("best on the train sample (in-sample for the tables):")
    for t, g in ranked[: args.top]:
        print(line(t, g))
    print("best on dev (the choice):")
    for t, g in sorted(ranked, key=lambda tg: dev[tg[1]]["hter"], reverse=True)[: args.top]:
        print(line(t, g))


def report(args: argparse.Namespace, split: str = "dev") -> None:
    from mtfix.scoring.fluency import default_weights

    w = default_weights()
    shipped = (w.lexical_points, w.lexical_centre, w.lexical_min_content)
    if split == "dev":
        with gzip.open(args.cache, "rt", encoding="utf-8") as fh:
            data = json.load(fh)["dev"]
    else:  # held out: read here only, once the term is fixed
        root = require_data(hint=DATA_ENV_HINT)
        data = {}
        for pair in PAIRS:
            recs = [r for r in read_jsonl(root / f"mlqe-pe-{pair}-test.jsonl") if r.get("pe") is not None]
            data[pair] = _rows(recs, ("mt", "pe"))
    print(f"MLQE-PE {split}, shipped term points {shipped[0]} centre {shipped[1]} min content {shipped[2]}")
    print("| pair | n | τ_b −HTER before | after | τ_b DA z before | after | AUC before | after | term fires |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    acc: dict[str, list[float]] = {}
    for pair, rows in data.items():
        b, a = figures(rows, (0.0, 1.0, 1)), figures(rows, shipped)
        fires = sum(rescored(r["mt"], *shipped) != r["mt"]["fluency"] for r in rows) / len(rows)
        vals = [b["hter"], a["hter"], b["da_z"], a["da_z"], b["auc"], a["auc"], fires]
        for i, v in enumerate(vals):
            acc.setdefault(str(i), []).append(v)
        print(f"| {pair} | {len(rows)} | {vals[0]:+.3f} | {vals[1]:+.3f} | {vals[2]:+.3f} | {vals[3]:+.3f} | "
              f"{vals[4]:.3f} | {vals[5]:.3f} | {100 * vals[6]:.0f} % |")
    m = [statistics.mean(acc[str(i)]) for i in range(7)]
    print(f"| **mean** | | {m[0]:+.3f} | **{m[1]:+.3f}** | {m[2]:+.3f} | **{m[3]:+.3f}** | {m[4]:.3f} | "
          f"**{m[5]:.3f}** | {100 * m[6]:.0f} % |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--train-per-pair", type=int, default=1500)
    c.add_argument("--out", type=Path, default=DEFAULT_CACHE)
    f = sub.add_parser("fit")
    f.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    f.add_argument("--top", type=int, default=8)
    r = sub.add_parser("report")
    r.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    sub.add_parser("heldout")
    args = ap.parse_args()
    if args.cmd == "collect":
        collect(args)
    elif args.cmd == "fit":
        fit(args)
    elif args.cmd == "report":
        report(args)
    else:
        report(args, "test")


if __name__ == "__main__":
    main()
