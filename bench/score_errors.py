#!/usr/bin/env python3
"""Where the fluency score misranks garbled MT and professional English, on FITTING data only.

    python bench/score_design.py collect --out C.json       # the score's components (≈ 1 min warm)
    python bench/score_errors.py pe-collect --out P.json    # MLQE-PE TRAIN MT and post-edits (seeded sample)
    python bench/score_errors.py report --cache C.json --pe P.json
    python bench/score_errors.py lengths --cache C.json    # the detector's cost per word, reshaped

``report`` scores realmt **train** (228 MT, 109 professional) with the shipped weights and says which MT
sentences score above which professional ones (lost pairs of the Mann–Whitney AUC), by class of MT sentence,
by length and by class of professional sentence, and how many lost pairs are ones where the MT sentence has the
*higher* garble probability but scores higher because it is shorter (the detector's ``per_word`` cost). With
``--pe`` it adds MLQE-PE train: MT with HTER ≥ 0.3 against the post-edits (AUC of the score and of ``p``).
``lengths`` fits, by the rule of ``bench/score_design.py fit``, families the fit's grid lacks: the detector's
per-word cost growing as ``words ** e`` (e < 1: sublinear), or counting short sentences as ``floor`` words. realmt dev is never read here (the cache's
dev split is skipped).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import PAIRS, require_data  # noqa: E402
from eval_realmt import auc  # noqa: E402

PE_THRESHOLD = 0.3  # MLQE-PE MT counted as needing edits (as bench/minor_rate.py picks MT with errors)
LENGTH_BINS = ((0, 11), (12, 19), (20, 29), (30, 39), (40, 10_000))


def lost_pairs(mt: Sequence[float], pro: Sequence[float]) -> tuple[list[float], list[float]]:
    """Per MT sentence, the professional sentences it scores above (ties half); per professional sentence,
    the MT sentences that score above it. Each list sums to ``(1 − AUC) · len(mt) · len(pro)``.

    >>> lost_pairs([90, 100], [95, 100])
    ([0.0, 1.5], [1.0, 0.5])
    """
    per_mt = [sum(1.0 if m > p else 0.5 if m == p else 0.0 for p in pro) for m in mt]
    per_pro = [sum(1.0 if m > p else 0.5 if m == p else 0.0 for m in mt) for p in pro]
    return per_mt, per_pro


def mt_class(rec: dict[str, Any], centre: float = 0.2, minor: float = 0.3) -> str:
    """The class of a cached MT record: a rule finding, not judged, or its largest ``p`` band."""
    if any(f[2] == "rule" for f in rec["finds"]):
        return "rule finding"
    ps = [p for _, p in rec["segs"] if p is not None]
    if not ps:
        return "not judged (< 6 words)"
    p = max(ps)
    if p <= centre:
        return f"p <= centre {centre}"
    if p < minor:
        return f"p {centre}-{minor} (no MTF401)"
    for lo, hi in ((0.3, 0.4), (0.4, 0.5)):
        if p < hi:
            return f"p {lo}-{hi}"
    return "p >= 0.5"


def _p(rec: dict[str, Any]) -> str:
    p = max_p(rec)
    return "not judged" if p is None else f"{p:.2f}"


def length_bin(words: int) -> str:
    for lo, hi in LENGTH_BINS:
        if lo <= words <= hi:
            return f"{lo}-{hi}" if hi < 10_000 else f"{lo}+"
    return "?"


def max_p(rec: dict[str, Any]) -> float | None:
    ps = [p for _, p in rec["segs"] if p is not None]
    return max(ps) if ps else None


def length_reversals(mt: list[dict[str, Any]], pro: list[dict[str, Any]]) -> float:
    """Lost pairs (ties half) where the MT sentence, with no rule finding, has the higher ``p`` than the
    professional one: the order the probability gives is reversed by the rest of the penalty (its length)."""
    out = 0.0
    for a in mt:
        pa = max_p(a)
        if pa is None or any(f[2] == "rule" for f in a["finds"]):
            continue
        for b in pro:
            pb = max_p(b)
            if pb is not None and pa > pb and a["score"] >= b["score"]:
                out += 1.0 if a["score"] > b["score"] else 0.5
    return out


def _score_all(rows: list[dict[str, Any]]) -> None:
    from score_design import record_score

    from mtfix.scoring.fluency import default_weights

    w = default_weights()
    for r in rows:
        r["score"] = record_score(r, w, False)
        r["words"] = sum(n for n, _ in r["segs"])


def report(cache: Path, pe: Path | None) -> None:
    from score_design import load_cache

    rows = load_cache(cache)["sets"]["realmt train"]
    _score_all(rows)
    mt = [r for r in rows if r["kind"] == "mt"]
    pro = [r for r in rows if r["kind"] == "pro"]
    per_mt, per_pro = lost_pairs([r["score"] for r in mt], [r["score"] for r in pro])
    total = sum(per_mt)
    print(f"realmt train: AUC {auc([r['score'] for r in mt], [r['score'] for r in pro]):.4f}, "
          f"lost pairs {total:.0f} of {len(mt) * len(pro)}")
    groups: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for r, lost in zip(mt, per_mt, strict=True):
        g = groups[mt_class(r)]
        g[0] += 1
        g[1] += lost
    print("\n| MT sentence (realmt train) | sentences | lost pairs | share |\n|---|---:|---:|---:|")
    for k, (n, lost) in sorted(groups.items(), key=lambda kv: -kv[1][1]):
        print(f"| {k} | {n} | {lost:.0f} | {lost / total:.0%} |")
    print("\n| words | MT | MT lost pairs | professional | professional lost pairs |\n|---|---:|---:|---:|---:|")
    for lo, _hi in LENGTH_BINS:
        name = length_bin(lo)
        m = [x for r, x in zip(mt, per_mt, strict=True) if length_bin(r["words"]) == name]
        p = [x for r, x in zip(pro, per_pro, strict=True) if length_bin(r["words"]) == name]
        print(f"| {name} | {len(m)} | {sum(m):.0f} | {len(p)} | {sum(p):.0f} |")
    pgroups: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for r, lost in zip(pro, per_pro, strict=True):
        p = max_p(r)
        k = "p <= 0.2" if p is None or p <= 0.2 else "p 0.2-0.3" if p < 0.3 else "p >= 0.3 (MTF401 minor)"
        pgroups[k][0] += 1
        pgroups[k][1] += lost
    print("\n| professional sentence (realmt train) | sentences | lost pairs |\n|---|---:|---:|")
    for k, (n, lost) in sorted(pgroups.items()):
        print(f"| {k} | {n} | {lost:.0f} |")
    print(f"\nlost pairs where the MT sentence has the higher p (no rule finding): {length_reversals(mt, pro):.0f}")
    print("\nlowest professional (score, words, p, findings):")
    for r, lost in sorted(zip(pro, per_pro, strict=True), key=lambda t: t[0]["score"])[:10]:
        print(f"  {r['score']:.1f} lost {lost:.0f} words {r['words']} p {_p(r)} "
              f"{sorted({(f[1], f[3]) for f in r['finds'] if not f[2].startswith('lt')})}")
    print("highest MT (score, words, p, findings):")
    for r, lost in sorted(zip(mt, per_mt, strict=True), key=lambda t: -t[0]["score"])[:15]:
        print(f"  {r['score']:.1f} lost {lost:.0f} {r.get('lang')} words {r['words']} p {_p(r)} "
              f"{sorted({(f[1], f[3]) for f in r['finds'] if not f[2].startswith('lt')})}")
    if pe:
        pe_report(pe)


def _pe_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for r in json.load(fh):
            rows.append({**r["mt"], "kind": "mt", "hter": r["hter"], "pair": r["pair"]})
            rows.append({**r["pe"], "kind": "pe", "hter": r["hter"], "pair": r["pair"]})
    return rows


def pe_report(path: Path) -> None:
    rows = _pe_rows(path)
    _score_all(rows)
    mt = [r for r in rows if r["kind"] == "mt" and r["hter"] >= PE_THRESHOLD]
    pe = [r for r in rows if r["kind"] == "pe"]
    mp = [-(max_p(r) or 0.0) for r in mt]
    pp = [-(max_p(r) or 0.0) for r in pe]
    print(f"\nMLQE-PE train ({len(pe)} post-edits, {len(mt)} MT with HTER >= {PE_THRESHOLD}): "
          f"AUC score {auc([r['score'] for r in mt], [r['score'] for r in pe]):.3f}, p alone {auc(mp, pp):.3f}; "
          f"a rule finding on {sum(any(f[2] == 'rule' for f in r['finds']) for r in mt) / len(mt):.1%} of the MT, "
          f"{sum(any(f[2] == 'rule' for f in r['finds']) for r in pe) / len(pe):.1%} of the post-edits")


def pe_collect(out: Path, per: int, data: str | None) -> None:
    """Components of a seeded sample of MLQE-PE TRAIN records, the MT and its post-edit (fitting data)."""
    from score_design import components

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipe = Pipeline(Config(grammar="off"))
    root = require_data(data)
    rows = []
    for pair in PAIRS:
        with gzip.open(root / f"mlqe-pe-{pair}-train.jsonl.gz", "rt", encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh if line.strip()]
        recs = [r for r in recs if r.get("pe")]
        random.Random(20261203).shuffle(recs)
        for r in recs[:per]:
            rows.append({"pair": pair, "hter": float(r["hter"]), "mt": components(pipe, r["mt"]),
                         "pe": components(pipe, r["pe"])})
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump(rows, fh)


def lengths(cache: Path) -> None:
    """The fit's rule (``score_design.choose``) over 4.4's grid with the per-word cost reshaped as
    ``per_word · 25 · (max(words, floor) / 25) ** e``: sublinear (e < 1) or with a floor for short sentences."""
    import numpy as np
    import score_design as sd

    data = sd.load_cache(cache)
    # realmt: its train split only (an allow-list: the cache also holds the dev split, never read here)
    sets = {k: sd.Arrays(v, False) for k, v in data["sets"].items() if not k.startswith("realmt") or k == "realmt train"}
    base_density = sd.Arrays.density

    def density(self: Any, q: dict[str, float]) -> Any:
        e, floor = q.get("pw_exp", 1.0), q.get("floor", 0.0)
        if e == 1.0 and not floor:
            return base_density(self, q)
        c = q["centre"]
        h = np.where(self.p >= 0, np.maximum(0.0, self.p - c) / (1 - c), 0.0) ** q.get("shape", 1.0)
        n = np.maximum(self.n, floor)
        extra = np.bincount(self.rec, q["per_word"] * 25.0 * (n / 25.0) ** e * h, minlength=self.nrec)
        words = np.bincount(self.rec, self.n, minlength=self.nrec)
        return base_density(self, {**q, "per_word": 0.0}) + extra / np.maximum(words, q["min_words"])

    sd.Arrays.density = density
    try:
        results = []
        for c, det, pw, (e, floor), rule, length in itertools.product(
                (0.2, 0.25, 0.3), (1.0, 2.0, 4.0, 8.0, 16.0), (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6),
                ((1.0, 0.0), (0.5, 0.0), (0.75, 0.0), (1.0, 10.0), (1.0, 15.0), (1.0, 20.0), (1.0, 30.0)),
                (4.0, 8.0), (0.0, 0.25)):
            if pw == 0 and (e != 1.0 or floor):
                continue
            q = {"centre": c, "detector": det, "per_word": pw, "pw_exp": e, "floor": floor, "rule": rule,
                 "length": length, "exponent": 1.0, "lt_alone": 1.0, "glossary_alone": 0.5, "min_words": 64,
                 "major": 5.0, "shape": 1.0}
            q["scale"] = sd.seed_scale(sets["seeds"], q) or 0.0
            if q["scale"]:
                results.append((q, sd.figures(sets, q)))
        print("| grid | room | realmt train AUC | dev objective | zh-en 2020 flat | TED 2021 flat | MLQE dev | centre | "
              "detector | per_word | e | floor | length | rule |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        pools = (("4.4's (e = 1, no floor)", [qf for qf in results if qf[0]["pw_exp"] == 1.0 and not qf[0]["floor"]]),
                 ("+ e 0.5, 0.75", [qf for qf in results if not qf[0]["floor"]]),
                 ("+ floor 10-30", [qf for qf in results if qf[0]["pw_exp"] == 1.0]))
        for grid, pool in pools:
            for room in (0.0, 0.005, 0.01, 0.02):
                q, f = sd.choose(pool, room)[0]
                print(f"| {grid} | {room} | {f['realmt train AUC']:.4f} | {sd.objective(f):.4f} | "
                      f"{f['zh-en 2020 flat']:.3f} | {f['zh-en TED 2021 flat']:.3f} | {f['mlqe dev flat']:.3f} | "
                      f"{q['centre']} | {q['detector']} | {q['per_word']} | {q['pw_exp']} | {q['floor']:g} | "
                      f"{q['length']} | {q['rule']} |")
    finally:
        sd.Arrays.density = base_density


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("pe-collect")
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--per", type=int, default=400, help="records of each MLQE-PE train pair")
    c.add_argument("--data", default=None)
    r = sub.add_parser("report")
    r.add_argument("--cache", type=Path, required=True, help="a bench/score_design.py collect cache")
    r.add_argument("--pe", type=Path, default=None, help="a pe-collect cache")
    ln = sub.add_parser("lengths")
    ln.add_argument("--cache", type=Path, required=True, help="a bench/score_design.py collect cache")
    args = ap.parse_args(argv)
    if args.cmd == "pe-collect":
        pe_collect(args.out, args.per, args.data)
    elif args.cmd == "report":
        report(args.cache, args.pe)
    else:
        lengths(args.cache)


if __name__ == "__main__":
    main()
