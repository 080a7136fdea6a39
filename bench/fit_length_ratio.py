"""Fit and evaluate the length-ratio model of MTF505/MTF506 (``mtfix/checks/length_ratio.json``).

Development data only (``bench/eval_data.py`` says which file is which):

* fit: professional translations beside their sources: MLQE-PE **train** post-edits (et, ne, ro, ru,
  si → en) and the references of MQM zh-en 2020 (Human-A) and TED 2021 (ref-B), one per segment;
* choose the threshold ``z`` and the minimum length by 5-fold cross-validation on the fit data
  (fit on four folds, count flags on the fifth), and the default for unseen scripts by leaving one
  language pair out;
* evaluate (nothing chosen here): professional translations outside the fit (MLQE-PE dev post-edits,
  the other human translations of MQM 2020 (Human-B) and TED (ref-A)), recall on MLQE-PE dev MT with
  HTER >= 0.3 and on MQM 2020/TED MT segments with an Accuracy/Omission or Accuracy/Addition error.

Never reads the held-out files (MQM 2023, he-en 2023, MLQE-PE test/test21).

    python bench/fit_length_ratio.py fit        # writes mtfix/checks/length_ratio.json, prints the CV
    python bench/fit_length_ratio.py evaluate   # the figures of bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_data import PAIRS, read_jsonl, require_data  # noqa: E402
from mtfix.checks.length_ratio import DENSE, Family, dense_units, model_from, script_family, units  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "mtfix" / "checks" / "length_ratio.json"
TARGET_RATE = 0.01  # professional translations flagged, at most (per family, either side together)
Z_GRID = [round(2.5 + 0.25 * i, 2) for i in range(15)]  # 2.5 … 6.0
MIN_TARGET_WORDS = 3  # a prior, checked by the length table: fewer words say too little
FOLDS = 5


def _mqm(path: Path) -> list[dict[str, Any]]:
    return [r for r in read_jsonl(path) if r.get("target_status") != "ambiguous"]


def _refs(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    seen: dict[int, tuple[str, str]] = {}
    for r in records:
        if r.get("reference"):
            seen.setdefault(r["seg_id"], (r["source"], r["reference"]))
    return list(seen.values())


def fit_data(d: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Professional (source, target, pair) per pair, for the fit."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for pair in PAIRS:
        out[pair] = [(r["source"], r["pe"], pair) for r in read_jsonl(d / f"mlqe-pe-{pair}-train.jsonl.gz") if r.get("pe")]
    zh = _refs(_mqm(d / "mqm-zh-en-2020.jsonl.gz")) + _refs(read_jsonl(d / "mqm-zh-en-ted2021.jsonl"))
    out["zh-en"] = [(s, t, "zh-en") for s, t in zh]
    return out


@dataclass(frozen=True)
class Lengths:
    """Per pair: the source's dense units (Han …) and all its units, the target's units and words."""

    nd: np.ndarray
    na: np.ndarray
    nt: np.ndarray
    words: np.ndarray

    def __getitem__(self, m: np.ndarray) -> Lengths:
        return Lengths(self.nd[m], self.na[m], self.nt[m], self.words[m])


def lengths(pairs: list[tuple[str, str, str]]) -> Lengths:
    return Lengths(np.array([dense_units(s) for s, _, _ in pairs], dtype=float),
                   np.array([units(s) for s, _, _ in pairs], dtype=float),
                   np.array([units(t) for _, t, _ in pairs], dtype=float),
                   np.array([_words(t) for _, t, _ in pairs]))


def source_units(L: Lengths, mu: float, dense: bool) -> np.ndarray:
    """As :meth:`Family.source_units`: in a dense family a non-dense unit counts exp(-mu)."""
    return L.nd + (L.na - L.nd) * np.exp(-mu) if dense else L.na


def fit_family(L: Lengths, min_units: int, dense: bool = False) -> Family:
    """Centre = median log ratio (in a dense family iterated with the source units it defines); spread:
    robust variance (1.4826 MAD)^2 in ten source-length bins, least squares on 1 / mean length
    (``a^2 + b^2 / n``), both terms kept non-negative."""
    mu = float(np.median(np.log(L.nt[(L.na > 0) & (L.nt > 0)] / L.na[(L.na > 0) & (L.nt > 0)])))
    for _ in range(5 if dense else 1):
        ns = source_units(L, mu, dense)
        ok = (ns >= min_units) & (L.nt > 0)
        n, r = ns[ok], np.log(L.nt[ok] / ns[ok])
        mu = float(np.median(r))
    edges = np.unique(np.quantile(n, np.linspace(0, 1, 11)))
    xs, ys = [], []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        m = (n >= lo) & (n < hi) if hi < edges[-1] else (n >= lo) & (n <= hi)
        if m.sum() < 30:
            continue
        mad = 1.4826 * np.median(np.abs(r[m] - np.median(r[m])))
        xs.append(1.0 / n[m].mean())
        ys.append(mad**2)
    x, y = np.array(xs), np.array(ys)
    b2, a2 = np.polyfit(x, y, 1) if len(x) >= 2 else (0.0, float(np.var(r)))
    if b2 < 0:
        b2, a2 = 0.0, float(y.mean())
    if a2 < 0:
        a2, b2 = 0.0, float(np.mean(y / x))
    return Family(round(mu, 4), round(float(np.sqrt(a2)), 4), round(float(np.sqrt(b2)), 4), min_units, dense)


def zs(f: Family, L: Lengths) -> np.ndarray:
    ns = source_units(L, f.mu, f.dense)
    return (np.log(np.maximum(L.nt, 1) / ns) - f.mu) / np.sqrt(f.a**2 + f.b**2 / ns)


def judged(f: Family, L: Lengths) -> np.ndarray:
    return (source_units(L, f.mu, f.dense) >= f.min_units) & (L.words >= MIN_TARGET_WORDS)


def family_of(pair: str, sources: list[str]) -> str:
    fams = [script_family(s) for s in sources[:200]]
    return max(set(fams), key=fams.count) or "other"


def _words(t: str) -> int:
    import regex

    return len(regex.findall(r"[\p{L}\p{N}]+", t))


def cv_z(L: Lengths, min_units: int, dense: bool, seed: int = 0) -> np.ndarray:
    """Out-of-fold z of every pair (NaN where too short to judge)."""
    fold = np.random.default_rng(seed).integers(0, FOLDS, len(L.nt))
    z = np.full(len(L.nt), np.nan)
    for k in range(FOLDS):
        f = fit_family(L[fold != k], min_units, dense)
        m = (fold == k) & judged(f, L)
        z[m] = zs(f, L[m])
    return z


def _families(data: dict[str, list[tuple[str, str, str]]]) -> dict[str, list[tuple[str, str, str]]]:
    fams: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for pair, rows in data.items():
        fams[family_of(pair, [s for s, _, _ in rows])].extend(rows)
    return dict(fams)


def cmd_fit(args: argparse.Namespace) -> None:
    data = fit_data(require_data(args.data))
    fams = _families(data)
    print("families:", {k: sorted({p for _, _, p in v}) for k, v in fams.items()})
    # 1. the minimum length: out-of-fold flag rate by source length at z = 3 (units: letters + digits)
    print("\nout-of-fold flag rate of professional translations by source units, z = 3 (fit with no minimum)")
    bins = [(1, 5), (5, 10), (10, 15), (15, 20), (20, 25), (25, 30), (30, 40), (40, 60), (60, 10**6)]
    Ls = {name: lengths(v) for name, v in fams.items()}
    dense = {name: name in DENSE for name in fams}
    rows = {}
    for name, L in Ls.items():
        f = fit_family(L, 1, dense[name])
        rows[name] = (cv_z(L, 1, dense[name]), source_units(L, f.mu, f.dense))
    print("family      " + " ".join(f"{lo:>3}-{hi if hi < 10**6 else '':<4}" for lo, hi in bins))
    for name, (z, ns) in rows.items():
        cells = []
        for lo, hi in bins:
            m = (ns >= lo) & (ns < hi) & ~np.isnan(z)
            cells.append(f"{100 * np.mean(np.abs(z[m]) > 3):5.1f}%" + ("*" if m.sum() < 100 else " ") if m.sum() else "   -   ")
        print(f"{name:<11} " + " ".join(cells))
    print("(* fewer than 100 pairs)")
    # 2. the minimum, per family: the lowest bin start from which every bin of the family holds 100
    #    pairs or more (below it the spread would be extrapolated, not measured); then the smallest z
    #    whose out-of-fold rate is within TARGET_RATE for every family
    mins = {name: next(lo for lo, _ in bins if all(((ns >= b_lo) & (ns < b_hi)).sum() >= 100
                                                    for b_lo, b_hi in bins if b_lo >= lo))
            for name, (_, ns) in rows.items()}
    print("fewest source units judged:", mins)
    cv = {name: cv_z(L, mins[name], dense[name]) for name, L in Ls.items()}
    z_minor = None
    for z in Z_GRID:
        rates = {n: float(np.mean(np.abs(c[~np.isnan(c)]) > z)) for n, c in cv.items()}
        print(f"z {z}: out-of-fold rates " + ", ".join(f"{n} {100 * r:.2f}%" for n, r in rates.items()))
        if max(rates.values()) <= TARGET_RATE:
            z_minor = z
            break
    assert z_minor is not None
    print(f"chosen: z {z_minor}, min_target_words {MIN_TARGET_WORDS}")
    min_default = max(v for k, v in mins.items() if k not in DENSE)
    # 3. the default for unseen scripts: leave one pair out, fit the non-dense rest pooled
    print("\nleave one pair out (the default for an unseen non-dense script): flag rate on the left-out pair")
    inflate_grid = [1.0, 1.25, 1.5, 2.0]
    alphabetic = [p for p in data if family_of(p, [s for s, _, _ in data[p]]) not in DENSE]
    by_pair = {p: lengths(data[p]) for p in alphabetic}
    chosen_inflate = None
    for inflate in inflate_grid:
        rates = {}
        for out in alphabetic:
            rest = lengths([row for p in alphabetic if p != out for row in data[p]])
            f = fit_family(rest, min_default)
            f = Family(f.mu, f.a * inflate, f.b * inflate, min_default)
            L = by_pair[out]
            m = judged(f, L)
            rates[out] = float(np.mean(np.abs(zs(f, L[m])) > z_minor))
        print(f"spread x{inflate}: " + ", ".join(f"{p} {100 * r:.2f}%" for p, r in rates.items()))
        if chosen_inflate is None and max(rates.values()) <= TARGET_RATE:
            chosen_inflate = inflate
    default = None
    if chosen_inflate is not None:
        f = fit_family(lengths([row for p in alphabetic for row in data[p]]), min_default)
        default = {"mu": f.mu, "a": round(f.a * chosen_inflate, 4), "b": round(f.b * chosen_inflate, 4),
                   "min_units": min_default, "spread_factor": chosen_inflate}
    print(f"default: {default} (spread x{chosen_inflate})")
    families: dict[str, dict[str, Any]] = {}
    for name, L in Ls.items():
        f = fit_family(L, mins[name], dense[name])
        families[name] = {"mu": f.mu, "a": f.a, "b": f.b, "min_units": mins[name]}
        if f.dense:
            families[name]["dense"] = True
        families[name].update(pairs=sorted({p for _, _, p in fams[name]}), n=len(fams[name]))
    out = {
        "_": "Fitted by bench/fit_length_ratio.py fit (development data only); see mtfix/checks/length_ratio.py.",
        "unit": "letters, combining marks and digits",
        "families": families,
        "default": default,
        "z_minor": z_minor,
        "z_major": args.z_major,
        "min_target_words": MIN_TARGET_WORDS,
    }
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


def _pct(mask: np.ndarray) -> str:
    return f"{100 * mask.mean():.1f}%" if mask.size else "-"


def _has(r: dict[str, Any], cat: str) -> bool:
    return any(e.get("category") == cat for e in r.get("errors", ()))


def cmd_evaluate(args: argparse.Namespace) -> None:
    d = require_data(args.data)
    model = model_from(json.loads(OUT.read_text(encoding="utf-8")))

    def z_of(src: str, tgt: str) -> float:
        z = model.assess(src, tgt)
        return float("nan") if z is None else z

    def flags(zv: np.ndarray, zmin: float) -> tuple[np.ndarray, np.ndarray]:
        return zv < -zmin, zv > zmin

    zmin = model.z_minor
    print(f"model: z ±{zmin}, min target words {model.min_target_words}, min source units "
          + ", ".join(f"{k} {f.min_units}" for k, f in model.families.items()))
    print("\n# professional translations outside the fit (flag rate: omission / addition / either, judged share)")
    pro: list[tuple[str, list[tuple[str, str]]]] = []
    for pair in PAIRS:
        pro.append((f"MLQE-PE dev post-edits {pair}", [(r["source"], r["pe"]) for r in read_jsonl(d / f"mlqe-pe-{pair}-dev.jsonl")]))
    m20, ted = _mqm(d / "mqm-zh-en-2020.jsonl.gz"), read_jsonl(d / "mqm-zh-en-ted2021.jsonl")
    pro.append(("MQM 2020 Human-B", [(r["source"], r["target"]) for r in m20 if r["system"].startswith("Human-B")]))
    pro.append(("TED 2021 ref-A", [(r["source"], r["target"]) for r in ted if r["system"] == "ref-A"]))
    pro_zs = []
    for name, rows in pro:
        zv = np.array([z_of(s, t) for s, t in rows])
        pro_zs.append((name, zv))
        judged = ~np.isnan(zv)
        om, ad = flags(zv, zmin)
        print(f"{name:<32} n {len(rows):>5}  {100 * om.mean():.2f}% / {100 * ad.mean():.2f}% / "
              f"{100 * (om | ad).mean():.2f}%  judged {100 * judged.mean():.0f}%")
    print("\n# MLQE-PE dev MT: recall on HTER >= 0.3, flag rate on HTER < 0.3, precision (flagged with HTER >= 0.3)")
    for pair in PAIRS:
        rows = read_jsonl(d / f"mlqe-pe-{pair}-dev.jsonl")
        zv = np.array([z_of(r["source"], r["mt"]) for r in rows])
        bad = np.array([r["hter"] >= 0.3 for r in rows])
        om, ad = flags(zv, zmin)
        f = om | ad
        prec = f"{100 * bad[f].mean():.0f}% of {f.sum()}" if f.sum() else "-"
        print(f"{pair}: recall {100 * f[bad].mean():.1f}% (n {bad.sum()}), HTER < 0.3 flagged "
              f"{100 * f[~bad].mean():.2f}%, precision {prec}")
    print("\n# MQM MT segments (2020 without ambiguous targets, TED): recall of MTF505 on segments with an "
          "Accuracy/Omission error, of MTF506 with Accuracy/Addition; precision; flag rate with no Accuracy error")
    curve: list[tuple[str, np.ndarray, np.ndarray]] = []
    for name, recs in (("MQM 2020", m20), ("TED 2021", ted)):
        mt = [r for r in recs if not r.get("is_human")]
        zv = np.array([z_of(r["source"], r["target"]) for r in mt])
        om, ad = flags(zv, zmin)
        has_om = np.array([_has(r, "Accuracy/Omission") for r in mt])
        has_ad = np.array([_has(r, "Accuracy/Addition") for r in mt])
        major_om = np.array([any(e["category"] == "Accuracy/Omission" and e["severity"] == "Major"
                                 for e in r["errors"]) for r in mt])
        no_acc = np.array([not any(str(e.get("category", "")).startswith("Accuracy") for e in r["errors"]) for r in mt])
        print(f"{name}: MT segments {len(mt)}; MTF505 recall {100 * om[has_om].mean():.1f}% of {has_om.sum()} "
              f"(major omissions {100 * om[major_om].mean():.1f}% of {major_om.sum()}), precision "
              f"{_pct(has_om[om])} of {om.sum()}; MTF506 recall {100 * ad[has_ad].mean():.1f}% of "
              f"{has_ad.sum()}, precision {_pct(has_ad[ad])} of {ad.sum()}; no Accuracy error flagged "
              f"{100 * (om | ad)[no_acc].mean():.2f}% of {no_acc.sum()}")
        curve.append((name, zv, has_om | has_ad))
    print("\n# trade-off (diagnostic, nothing chosen here): professional flag rate out of the fit (pooled), recall")
    pro_z = np.concatenate([zp for _, zp in pro_zs])
    mlqe = [(np.array([z_of(r["source"], r["mt"]) for r in rows]), np.array([r["hter"] >= 0.3 for r in rows]))
            for rows in (read_jsonl(d / f"mlqe-pe-{pair}-dev.jsonl") for pair in PAIRS)]
    mz, mb = np.concatenate([z for z, _ in mlqe]), np.concatenate([b for _, b in mlqe])
    for zz in (2.5, 3.0, 3.5, 4.0):
        cells = [f"professional {100 * np.mean(np.abs(pro_z) > zz):.2f}%",
                 f"MLQE-PE dev HTER >= 0.3 {100 * np.mean(np.abs(mz[mb]) > zz):.1f}%"]
        cells += [f"{name} omission/addition {100 * np.mean(np.abs(zv[err]) > zz):.1f}%" for name, zv, err in curve]
        print(f"|z| > {zz}: " + ", ".join(cells))
    if args.extreme:
        print("\n# extreme z (for a major severity): MT flagged beyond each |z| and how many are bad")
        for zz in (4, 5, 6, 8):
            bad_n = tot = pro_n = 0
            for pair in PAIRS:
                rows = read_jsonl(d / f"mlqe-pe-{pair}-dev.jsonl")
                for r in rows:
                    z = z_of(r["source"], r["mt"])
                    if abs(z) > zz:
                        tot += 1
                        bad_n += r["hter"] >= 0.3
                    if abs(z_of(r["source"], r["pe"])) > zz:
                        pro_n += 1
            print(f"|z| > {zz}: MLQE-PE dev MT flagged {tot}, with HTER >= 0.3 {bad_n}; post-edits flagged {pro_n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", help="benchmark directory (default: ../shared/benchmarks)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fit")
    f.add_argument("--z-major", type=float, default=None, help="threshold for a major finding (default: none)")
    e = sub.add_parser("evaluate")
    e.add_argument("--extreme", action="store_true", help="also tabulate extreme |z| (for a major severity)")
    args = ap.parse_args()
    {"fit": cmd_fit, "evaluate": cmd_evaluate}[args.cmd](args)


if __name__ == "__main__":
    main()
