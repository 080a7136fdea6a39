"""Short MT (≤ 12 words) caught by each detector model at its own minor threshold (session 52, issue 11).

    python bench/short_mt_recall.py [--model PATH ...] [--shared DIR]

MLQE-PE **dev** (never fitted on): MT of ≤ :data:`SHORT` words with HTER ≥ 0.3, and their post-edits (fluent), per
language pair and pooled; raw model probabilities (no rule findings), so the figure is the model's alone.  Without
``--model``: the shipped model.  Fitting-side only: no test split, no probe is read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.detector_models import auc  # noqa: E402
from bench.eval_data import SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402
from mtfix.garble import model as gmodel  # noqa: E402

SHORT = 12
PAIRS = ("et", "ne", "ro", "ru", "si")


def short_pairs(shared: Path) -> dict[str, list[tuple[str, str]]]:
    """(MT, post-edit) of each pair's dev rows with HTER ≥ 0.3 and an MT of ≤ :data:`SHORT` words."""
    out = {}
    for pair in PAIRS:
        rows = read_jsonl(shared / "benchmarks" / f"mlqe-pe-{pair}-en-dev.jsonl")
        out[pair] = [(r["mt"], r["pe"]) for r in rows
                     if r["hter"] is not None and r["hter"] >= 0.3 and len(r["mt"].split()) <= SHORT]
    return out


def figures(det: gmodel.Detector, pairs: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[int, int, int, float]]:
    """Per pair and pooled: (rows, MT at the minor, post-edits at the minor, AUC of MT above post-edit)."""
    minor = det.thresholds["minor"]
    out, all_mt, all_pe = {}, [], []
    for pair, rows in pairs.items():
        mt = [det.predict(m).probability for m, _ in rows]
        pe = [det.predict(p).probability for _, p in rows]
        all_mt += mt
        all_pe += pe
        out[pair] = (len(rows), sum(p >= minor for p in mt), sum(p >= minor for p in pe), auc(mt, pe))
    out["all"] = (len(all_mt), sum(p >= minor for p in all_mt), sum(p >= minor for p in all_pe), auc(all_mt, all_pe))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", nargs="+", default=[None], help="detector.npz files (default: the shipped model)")
    ap.add_argument("--shared", default=None, help=SHARED_HELP)
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    require_parts(shared, "benchmarks")
    pairs = short_pairs(shared)
    print("| model | minor | pair | short MT | MT flagged | post-edits flagged | AUC |\n|---|---|---|---|---|---|---|")
    for path in args.model:
        det = gmodel.Detector.load(path)
        for pair, (n, mt, pe, a) in figures(det, pairs).items():
            print(f"| {det.digest[:12]} | {det.thresholds['minor']} | {pair} | {n} | {mt} | {pe} | {a:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
