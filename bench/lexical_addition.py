#!/usr/bin/env python3
"""Choose MTF508's thresholds (target content words no source word accounts for) on MLQE-PE dev (session 29).

    python bench/lexical_addition.py             # the grid on dev: MT and post-edit firing rates
    python bench/lexical_addition.py --heldout   # the shipped rule on MLQE-PE test, ONCE, after the choice

Uses the shipped tables only (``mtfix/checks/lexical_coverage.json.gz``, no refit): a target content word is
covered when a source word's translations name it or the source has it (:func:`mtfix.checks.lexical_coverage.added`).
A rule is (min_run, min_share): the longest run of uncovered target content words has at least ``min_run``
words and at least ``min_share`` of the target's content words.  Post-edits as targets should be flagged at
most about as often as MTF507 flags them (0.5 % on dev).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import PAIRS, read_jsonl, require_data  # noqa: E402

GRID = [(k, f) for k in (4, 5, 6, 7, 8, 10) for f in (0.0, 0.5, 0.75)]


def _hit(add: Any, min_run: int, min_share: float) -> bool:
    return add is not None and len(add.run) >= min_run and len(add.run) >= min_share * add.content


def rates(split: str, root: Path, grid: list[tuple[int, float]]) -> None:
    """MTF508's firing rate on MT and on its post-edit, the flagged MT's HTER, and its overlap with MTF507."""
    from mtfix.checks.lexical_coverage import added, omission

    recs = [r for p in PAIRS for r in read_jsonl(root / f"mlqe-pe-{p}-{split}.jsonl") if r.get("pe") is not None]
    n = len(recs)
    mt = [added(r["source"], r["mt"]) for r in recs]
    pe = [added(r["source"], r["pe"]) for r in recs]
    om = [omission(r["source"], r["mt"]) is not None for r in recs]
    base = sum(float(r["hter"]) for r in recs) / n
    print(f"MTF508 on MLQE-PE {split} (five pairs, n={n}, all MT mean HTER {base:.3f}): rule (min_run, min_share) | "
          "MT rate | post-edit rate | flagged MT mean HTER | flagged MT with HTER>=0.3 | MT flagged and not by MTF507")
    for k, f in grid:
        fm = [i for i, a in enumerate(mt) if _hit(a, k, f)]
        fp = sum(_hit(a, k, f) for a in pe)
        hter = sum(float(recs[i]["hter"]) for i in fm) / len(fm) if fm else float("nan")
        bad = sum(float(recs[i]["hter"]) >= 0.3 for i in fm) / len(fm) if fm else float("nan")
        alone = sum(not om[i] for i in fm)
        print(f"({k}, {f}) | {len(fm) / n:.2%} | {fp / n:.2%} | {hter:.3f} | {bad:.0%} | {alone / n:.2%}")


def main(argv: list[str] | None = None) -> None:
    from mtfix.checks.lexical_coverage import ADDITION_MIN_RUN, ADDITION_MIN_SHARE

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--heldout", action="store_true", help="the shipped rule on MLQE-PE test (report once)")
    args = ap.parse_args(argv)
    root = require_data(args.data)
    if args.heldout:
        rates("test", root, [(ADDITION_MIN_RUN, ADDITION_MIN_SHARE)])
    else:
        rates("dev", root, GRID)


if __name__ == "__main__":
    main()
