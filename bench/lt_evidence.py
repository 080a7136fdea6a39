"""Which LanguageTool matches are evidence of garbled MT, and which fire on professional English.

Development data only (``realmt`` train, MLQE-PE train and dev MT and their post-edits, the MQM zh-en 2020 and
TED 2021 references); realmt dev is never read here, and the held-out zh-en 2023 set only by ``heldout``, which chooses
nothing (it reports a choice already made).

    python bench/lt_evidence.py collect [--out F] [--pe-limit 200] [--pe-splits dev,train] [--refs 600]  # real LT
    python bench/lt_evidence.py candidates --cache F  # the rules passing CANDIDATE_RULE (stated beforehand)
    python bench/lt_evidence.py fit --cache F         # realmt train AUC with a class for them (bootstrap)
    python bench/lt_evidence.py table --cache F     # per LT rule / MQM category: share of sentences per source
    python bench/lt_evidence.py simulate --cache F  # realmt train AUC under weight variants of the LT table
    python bench/lt_evidence.py heldout --items 100 # evaluation only, after the choice: zh-en 2023 SxS

``collect`` checks each sentence as its own document with ``--grammar required`` and caches, per record, the
segments ``[words, p]`` and the findings ``[segment, code, scoring class, severity, category, matched text,
40 characters before, 40 after]``. ``simulate`` also counts a segment as corroborated when its detector
probability exceeds 0.5 (grammar variants, the ``p corroborates`` column).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import PAIRS, SHARED_ENV_HINT, PESet, load_pe, read_jsonl, require_parts, shared_dir  # noqa: E402
from eval_realmt import auc  # noqa: E402
from score_design import components as score_components  # noqa: E402

DEFAULT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "mtfix-lt-evidence.json.gz"


def components(pipe: Any, text: str) -> dict[str, Any]:
    """Segments ``[words, p]`` and findings ``[segment, code, class, severity, category, matched, before, after]``."""
    return score_components(pipe, text, context=True)


def collect(args: argparse.Namespace) -> None:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipe = Pipeline(Config(grammar="required"))
    root = shared_dir()
    out: dict[str, list[dict[str, Any]]] = {}
    t0 = time.time()
    rm = root / "realmt"
    out["realmt-mt"] = [components(pipe, r["text"]) for r in read_jsonl(rm / "real_mt_train.jsonl")]
    out["realmt-corr"] = [components(pipe, r["correction"]) for r in read_jsonl(rm / "real_mt_train.jsonl")
                          if r.get("correction")]
    out["realmt-pro"] = [components(pipe, r["text"]) for r in read_jsonl(rm / "clean_news_train.jsonl")]
    print(f"realmt train {time.time() - t0:.0f}s", file=sys.stderr)
    save(args.out, out)
    bench = root / "benchmarks"
    for name, path in (("mqm-ref", bench / "mqm-zh-en-2020.jsonl.gz"), ("ted-ref", bench / "mqm-zh-en-ted2021.jsonl")):
        refs = list(dict.fromkeys(r["reference"] for r in read_jsonl(path) if r.get("reference")))[: args.refs]
        out[name] = [components(pipe, t) for t in refs]
        print(f"{name} {time.time() - t0:.0f}s", file=sys.stderr)
        save(args.out, out)
    mt, pe = [], []
    for split in args.pe_splits.split(","):
        for pair in PAIRS:
            for r in pe_records(root / "benchmarks", pair, split, args.pe_limit):
                tag = {"pair": pair, "split": split}
                mt.append({"hter": float(r["hter"]), **tag, **components(pipe, r["mt"])})
                pe.append({**tag, **components(pipe, r["pe"])})
            print(f"mlqe-pe {split} {pair} {time.time() - t0:.0f}s", file=sys.stderr)
            out["mlqe-mt"], out["mlqe-pe"] = mt, pe
            save(args.out, out)
    pipe.close()
    save(args.out, out)


def pe_records(bench: Path, pair: str, split: str, limit: int | None) -> list[dict[str, Any]]:
    """The first ``limit`` records with a post-edit of an MLQE-PE file (train: the gzipped file; fitting data
    only: ``test`` and ``test21`` are held out and refused)."""
    if split not in ("train", "dev"):
        raise SystemExit(f"lt_evidence: MLQE-PE {split} is held out (train and dev only)")
    if split == "dev":
        return load_pe(PESet(pair, "dev"), bench, limit)
    recs = [r for r in read_jsonl(bench / f"mlqe-pe-{pair}-train.jsonl.gz") if r.get("pe") is not None]
    return recs[:limit] if limit else recs


def save(path: Path, data: dict[str, Any]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)


def load(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def lt_keys(f: list[Any]) -> list[str]:
    """The keys a finding is counted under: its rule, its MQM category, its scoring class."""
    code, cls, cat = f[1], f[2], f[4]
    return [code, f"cat:{cat}", f"class:{cls}"]


def table(data: dict[str, Any], minimum: int) -> None:
    sets = list(data)
    counts: dict[str, Counter[str]] = {s: Counter() for s in sets}
    alone: dict[str, Counter[str]] = {s: Counter() for s in sets}
    for s in sets:
        for rec in data[s]:
            keys: set[str] = set()
            solo: set[str] = set()
            by_seg: dict[int, list[Any]] = defaultdict(list)
            for f in rec["finds"]:
                by_seg[f[0]].append(f)
            for fs in by_seg.values():
                other = any(not f[2].startswith("lt") for f in fs)
                for f in fs:
                    if f[2].startswith("lt"):
                        keys.update(lt_keys(f))
                        if not other:
                            solo.update(lt_keys(f))
            counts[s].update(keys)
            alone[s].update(solo)
    total: Counter[str] = Counter()
    for s in sets:
        total.update(counts[s])
    print("| key | " + " | ".join(f"{s} ({len(data[s])})" for s in sets) + " |")
    print("|---|" + "---:|" * len(sets))
    for key, n in sorted(total.items(), key=lambda kv: (not kv[0].startswith(("cat:", "class:")), -kv[1])):
        if n < minimum:
            continue
        cells = [f"{100 * counts[s][key] / len(data[s]):.1f} % ({counts[s][key]}; {alone[s][key]} alone)" for s in sets]
        print(f"| {key} | " + " | ".join(cells) + " |")


CANDIDATE_RULE = ("MLQE-PE MT rate >= 1 % and >= 3x its post-edits' rate, pooled and in >= 3 of 5 language pairs (each "
                  "with >= 2 MT sentences); realmt train MT >= 2 sentences and >= 3x its corrections' rate; "
                  "<= 0.5 % on every professional source (realmt train news, MQM zh-en 2020 and TED 2021 references)")


def key_sets(rec: dict[str, Any]) -> set[str]:
    """The rule and category keys of a record's LanguageTool findings (not the speller's classes of their own)."""
    keys: set[str] = set()
    for f in rec["finds"]:
        if f[2] == "lt":
            keys.update((f[1], f"cat:{f[4]}"))
    return keys


def candidates(data: dict[str, Any]) -> None:
    """The keys that pass :data:`CANDIDATE_RULE` (stated before the figures were read), with every key's rates."""
    def rate(recs: list[dict[str, Any]], key: str) -> tuple[int, float]:
        n = sum(key in key_sets(r) for r in recs)
        return n, n / max(1, len(recs))

    pro = [s for s in ("realmt-pro", "mqm-ref", "ted-ref") if s in data]
    mt, pe = data["mlqe-mt"], data["mlqe-pe"]
    pairs = sorted({r.get("pair", "?") for r in mt})
    every: Counter[str] = Counter()
    for s in ("realmt-mt", "mlqe-mt"):
        for r in data[s]:
            every.update(key_sets(r))
    print(f"rule: {CANDIDATE_RULE}")
    print(f"| key | realmt MT / corr ({len(data['realmt-mt'])}) | MLQE MT / PE ({len(mt)}) | pairs >= 3x | "
          + " | ".join(pro) + " | passes |")
    print("|---|---:|---:|---:|" + "---:|" * len(pro) + "---|")
    for key, n in sorted(every.items(), key=lambda kv: (-kv[1], kv[0])):  # ties by name: a set's order varies
        if n < 5:
            break
        rm, rc = rate(data["realmt-mt"], key), rate(data["realmt-corr"], key)
        mm, mp = rate(mt, key), rate(pe, key)
        wins = 0
        for pair in pairs:
            a = rate([r for r in mt if r.get("pair") == pair], key)
            b = rate([r for r in pe if r.get("pair") == pair], key)
            wins += a[0] >= 2 and a[1] >= 3 * b[1]
        pr = [rate(data[s], key) for s in pro]
        ok = (mm[1] >= 0.01 and mm[1] >= 3 * mp[1] and wins >= 3 and rm[0] >= 2 and rm[1] >= 3 * rc[1]
              and all(p[1] <= 0.005 for p in pr))
        print(f"| {key} | {rm[0]} / {rc[0]} | {100 * mm[1]:.2f} % / {100 * mp[1]:.2f} % | {wins} | "
              + " | ".join(f"{100 * p[1]:.2f} %" for p in pr) + f" | {'YES' if ok else 'no'} |")


def passing(data: dict[str, Any]) -> list[str]:
    """The keys :func:`candidates` marks YES."""
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        candidates(data)
    return [line.split(" | ")[0][2:] for line in buf.getvalue().splitlines() if line.endswith("| YES |")]


def with_class(data: dict[str, Any], keys: set[str], cls: str) -> dict[str, Any]:
    """``data`` with the ``lt`` findings whose rule or category is in ``keys`` given the class ``cls``."""
    def move(f: list[Any]) -> list[Any]:
        return [f[0], f[1], cls, *f[3:]] if f[2] == "lt" and (f[1] in keys or f"cat:{f[4]}" in keys) else f

    return {s: [{**r, "finds": [move(f) for f in r["finds"]]} for r in recs] for s, recs in data.items()}


def fit(data: dict[str, Any], only: list[str] | None = None, resamples: int = 2000, seed: int = 54) -> None:
    """realmt train AUC (MT vs professional news) and MLQE-PE tau_b (-HTER) with a class of its own for the
    passing keys (or ``only``: keys named to look at, which adopts nothing), over a grid of (factor, alone), each
    with the 95 % paired bootstrap interval of its AUC gain."""
    from dataclasses import replace

    import numpy as np
    from scipy.stats import kendalltau

    from mtfix.scoring.fluency import default_weights

    keys = only or passing(data)
    print(f"{'keys named (a look, not a candidate)' if only else 'passing keys'}: {keys or 'none'}")
    w0 = default_weights()
    rng = np.random.default_rng(seed)
    sets = ("realmt-mt", "realmt-pro", "mlqe-mt")
    base = {s: np.array([record_score(r, w0, "table", None) for r in data[s]]) for s in sets if s in data}
    n_mt, n_pro = len(base["realmt-mt"]), len(base["realmt-pro"])
    draws = [(rng.integers(0, n_mt, n_mt), rng.integers(0, n_pro, n_pro)) for _ in range(resamples)]
    a0 = auc(base["realmt-mt"].tolist(), base["realmt-pro"].tolist())
    print("| keys | factor | alone | realmt train AUC | gain (95 % paired bootstrap) | MLQE-PE tau_b (-HTER) |")
    print("|---|---:|---:|---:|---|---:|")
    hter = [-r["hter"] for r in data.get("mlqe-mt", [])]
    t0 = kendalltau(base["mlqe-mt"], hter).statistic if hter else float("nan")
    print(f"| (table) | - | - | {a0:.4f} | - | {t0:.4f} |")
    for subset in ([[k] for k in keys] + ([keys] if len(keys) > 1 else [])):
        moved = with_class(data, set(subset), "lt-fit")
        for factor, alone in ((1.0, 0.5), (1.0, 1.0), (2.0, 0.0), (2.0, 1.0)):
            w = replace(w0, origin={**w0.origin, "lt-fit": factor}, alone={**w0.alone, "lt-fit": alone})
            sc = {s: np.array([record_score(r, w, "table", None) for r in moved[s]]) for s in base}
            a = auc(sc["realmt-mt"].tolist(), sc["realmt-pro"].tolist())
            gains = sorted(auc(sc["realmt-mt"][i].tolist(), sc["realmt-pro"][j].tolist())
                           - auc(base["realmt-mt"][i].tolist(), base["realmt-pro"][j].tolist()) for i, j in draws)
            lo, hi = gains[int(0.025 * resamples)], gains[int(0.975 * resamples) - 1]
            t = kendalltau(sc["mlqe-mt"], hter).statistic if hter else float("nan")
            print(f"| {', '.join(subset)} | {factor:g} | {alone:g} | {a:.4f} | {a - a0:+.4f} ({lo:+.4f} to {hi:+.4f}) "
                  f"| {t:.4f} |")


def variant_factor(name: str, f: list[Any], corroborated: bool) -> float:
    """The factor of LT finding ``f`` under variant ``name`` (``current``: weights 4.4, every LT finding free
    alone; ``table`` is scored from the shipped weights in :func:`record_score`), corroborated or alone."""
    cls, cat, text = f[2], f[4], f[5]
    if cls == "lt-name":
        return 0.0
    grammar = cat in ("Fluency/Grammar",)
    lower_speller = cat == "Fluency/Spelling" and text[:1].islower()
    style = cat.startswith("Style") or cat == "Fluency/Register"
    nonword = lower_speller and is_nonword(f)
    if name.startswith("nonword-x"):  # corroborated: factor; alone: 1
        return (float(name[9:]) if nonword else 1.0) if corroborated else (1.0 if nonword else 0.0)
    if name.startswith("nonword-alone-"):
        return 1.0 if corroborated else (float(name.rsplit("-", 1)[1]) if nonword else 0.0)
    if name == "current":
        return 1.0 if corroborated else 0.0
    if name == "no-lt":
        return 0.0
    if name == "grammar-x2-corr":
        return (2.0 if grammar else 1.0) if corroborated else 0.0
    if name == "grammar-only-corr":
        return (1.0 if grammar else 0.0) if corroborated else 0.0
    if name == "grammar-alone-0.5":
        return 1.0 if corroborated else (0.5 if grammar else 0.0)
    if name == "grammar-alone-1":
        return 1.0 if corroborated else (1.0 if grammar else 0.0)
    if name == "lower-speller-alone-1":
        return 1.0 if corroborated else (1.0 if lower_speller else 0.0)
    if name == "no-style":
        return 0.0 if style else (1.0 if corroborated else 0.0)
    if name == "grammar+lower-alone-1":
        return 1.0 if corroborated else (1.0 if (grammar or lower_speller) else 0.0)
    raise KeyError(name)


VARIANTS = ("table", "nonword-x2", "nonword-x5", "nonword-alone-0.5", "nonword-alone-1", "nonword-alone-2",
            "current", "no-lt", "grammar-x2-corr", "grammar-only-corr", "grammar-alone-0.5", "grammar-alone-1",
            "lower-speller-alone-1", "no-style", "grammar+lower-alone-1")


def is_nonword(f: list[Any]) -> bool:
    """A cached LT finding that is the speller on a non-word (:func:`mtfix.grammar.scoring.is_nonword`)."""
    from mtfix.grammar.scoring import is_nonword as nonword

    return f[1].startswith("LT:MORFOLOGIK") and nonword(f[5], f[6] if len(f) > 6 else "")


def record_score(rec: dict[str, Any], w: Any, variant: str, p_corr: float | None) -> float:
    from mtfix.scoring.fluency import to_fluency

    by_seg: dict[int, list[Any]] = defaultdict(list)
    for f in rec["finds"]:
        by_seg[f[0]].append(f)
    total, words = 0.0, 0
    for i, (n, p) in enumerate(rec["segs"] + [[0, None]]):
        seg = -1 if i == len(rec["segs"]) else i
        fs = by_seg.get(seg, [])
        other = any(f[2] not in w.alone for f in fs)  # a rule or the detector: as the score decides
        corr = other or (p_corr is not None and p is not None and p > p_corr)
        for f in fs:
            key = (f[1], f[2], f[3], f[4])
            if f[2].startswith("lt") and variant == "table":  # the shipped table (scoring.tsv) and weights
                total += w.finding_weight(*key) * (1.0 if other else w.alone.get(f[2], 1.0))
            elif f[2].startswith("lt"):
                total += w.finding_weight(*key) * variant_factor(variant, f, corr)
            else:
                total += w.finding_weight(*key) * (1.0 if other else w.alone.get(f[2], 1.0))
        if seg >= 0:
            total += w.garble_penalty(p, n)
            words += n
    return to_fluency(total, words, w)


def simulate(data: dict[str, Any]) -> None:
    import numpy as np
    from scipy.stats import kendalltau

    from mtfix.scoring.fluency import default_weights

    w = default_weights()
    pro_sets = tuple(s for s in ("realmt-pro", "mqm-ref", "ted-ref", "mlqe-pe") if s in data)
    print("| variant | p corroborates | realmt train AUC | AUC vs corrections | MLQE-PE tau_b (-HTER) | "
          + " | ".join(f"{s} mean drop" for s in pro_sets) + " |")
    print("|---|---|---:|---:|---:|" + "---:|" * len(pro_sets))
    base = {s: np.array([record_score(r, w, "no-lt", None) for r in data[s]]) for s in data}
    for variant in VARIANTS:
        for p_corr in (None, 0.5) if variant.startswith("grammar") else (None,):
            sc = {s: np.array([record_score(r, w, variant, p_corr) for r in data[s]]) for s in data}
            a = auc(sc["realmt-mt"].tolist(), sc["realmt-pro"].tolist())
            ac = auc(sc["realmt-mt"].tolist(), sc["realmt-corr"].tolist())
            tau = (kendalltau(sc["mlqe-mt"], [-r["hter"] for r in data["mlqe-mt"]]).statistic
                   if "mlqe-mt" in data else float("nan"))
            drops = [f"{float(np.mean(base[s] - sc[s])):.2f} ({int(np.sum(sc[s] < base[s]))})" for s in pro_sets]
            print(f"| {variant} | {p_corr} | {a:.4f} | {ac:.4f} | {tau:.4f} | " + " | ".join(drops) + " |")


def heldout(args: argparse.Namespace) -> None:
    """Evaluation only, after the choice: zh-en 2023 SxS (held out) scored with LanguageTool under the
    4.4 treatment (every LT finding free alone), the shipped table, and without LanguageTool."""
    from eval_data import MQM_SETS, load_mqm
    from eval_scores import correlations

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.scoring.fluency import default_weights

    mset = next(m for m in MQM_SETS if m.name == "zh-en 2023 SxS")
    recs = load_mqm(mset, shared_dir() / "benchmarks", args.items)
    sign = -1.0 if mset.gold_higher_is_worse else 1.0
    gold = [sign * float(r[mset.gold]) for r in recs]
    with Pipeline(Config(grammar="required")) as pipe:
        comps = [components(pipe, r["target"]) for r in recs]
    w = default_weights()
    items, systems = [r.get("seg_id") for r in recs], [r.get("system") for r in recs]
    print(f"zh-en 2023 SxS, first {args.items} items ({len(recs)} records), LanguageTool 6.7")
    print("| treatment | flat tau_b | item-grouped tau_b (items) | system tau_b |")
    print("|---|---:|---:|---:|")
    for variant in ("no-lt", "current", "table"):
        c = correlations([record_score(x, w, variant, None) for x in comps], gold, items, systems)
        print(f"| {variant} | {c.get('tau_flat')} | {c.get('tau_item')} ({c.get('items')}) | {c.get('tau_sys')} |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", type=Path, default=DEFAULT_CACHE)
    c.add_argument("--pe-limit", type=int, default=200, help="MLQE-PE records per language pair and split")
    c.add_argument("--pe-splits", default="dev", help="MLQE-PE splits, comma-separated: dev, train")
    c.add_argument("--refs", type=int, default=600)
    t = sub.add_parser("table")
    t.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    t.add_argument("--min", type=int, default=5)
    m = sub.add_parser("simulate")
    m.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    k = sub.add_parser("candidates", help="LT rules and categories that pass the rule stated before measuring")
    k.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    g = sub.add_parser("fit", help="realmt train AUC with a class of its own for the passing keys (bootstrap)")
    g.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    g.add_argument("--keys", help="comma-separated rule IDs (LT:…) or cat:… to look at instead of the passing ones")
    h = sub.add_parser("heldout", help="evaluation only: zh-en 2023 SxS with LanguageTool, after the choice")
    h.add_argument("--items", type=int, default=100)
    args = ap.parse_args(argv)
    if args.cmd in ("collect", "heldout"):
        require_parts(shared_dir(), *(("realmt",) if args.cmd == "collect" else ()), "benchmarks", hint=SHARED_ENV_HINT)
    if args.cmd == "collect":
        collect(args)
    elif args.cmd == "table":
        table(load(args.cache), args.min)
    elif args.cmd == "candidates":
        candidates(load(args.cache))
    elif args.cmd == "fit":
        fit(load(args.cache), args.keys.split(",") if args.keys else None)
    elif args.cmd == "heldout":
        heldout(args)
    elif args.cmd == "simulate":
        simulate(load(args.cache))


if __name__ == "__main__":
    main()
