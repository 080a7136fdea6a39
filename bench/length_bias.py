"""The fluency score's length bias (session 45, issue 11: "whatever ... the sentence length"), measured by length band.

Reads a cache of ``bench/score_design.py collect`` (realmt train with its out-of-fold probabilities, realmt dev,
MQM zh-en 2020: development data only) and scores the probes of our own (``bench/data/probe_s*``) the same way.
Per band of words (≤ 12, 13–24, ≥ 25) and per set: MT and professional sentences, their mean detector
probability and score, and the AUC (MT below professional) of each; the Spearman correlation of p and of the
score with the words on each half; on MQM zh-en 2020 the flat τ_b of the score with −MQM, of the words alone and
the score's τ_b partialled on the words (Kendall's partial τ).  ``--min-words`` and ``--per-word`` score the same
components under other weights (what-ifs, nothing written)::

    python bench/score_design.py collect --oof bench/realmt_train_oof.json --mqm-items 600 --out /tmp/sd.json.gz
    python bench/length_bias.py --cache /tmp/sd.json.gz [--min-words 32 16] [--per-word 0.1 0] [--decompose] [--length-term]

``--decompose``: the detector's logit split into its dense and hashed n-gram parts by band (realmt dev, the
probes), and a no-refit what-if of n-gram evidence scaled to a sentence's n-grams.  ``--length-term``: session 45's
candidate, p' = σ(logit + a · (ln words − c)) fitted on realmt train's out-of-fold rows (:func:`fit_length_term`).

Never reads MQM 2023, he-en 2023 or MLQE-PE test/test21.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import math
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))
sys.path.append(str(ROOT / "bench"))

from eval_data import read_jsonl  # noqa: E402
from eval_realmt import auc  # noqa: E402
from score_design import components, load_cache, record_score  # noqa: E402

BANDS = (0, 13, 25, 10_000)
PROBES = sorted((ROOT / "bench" / "data").glob("probe_s*"))


def band_name(lo: int, hi: int) -> str:
    return f"≥ {lo}" if hi >= 10_000 else f"≤ {hi - 1}" if lo == 0 else f"{lo}–{hi - 1}"


def probe_rows() -> list[dict[str, Any]]:
    """Every probe's rows as cached components (grammar off), ``kind`` mt or pro."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipe = Pipeline(Config(grammar="off"))
    rows = []
    for d in PROBES:
        for file, kind in (("real_mt_probe.jsonl", "mt"), ("clean_news_probe.jsonl", "pro")):
            rows += [{"kind": kind, **components(pipe, r["text"])} for r in read_jsonl(d / file)]
    return rows


def words_p(rec: dict[str, Any]) -> tuple[int, float]:
    """A record's words and its largest judged probability (0 when no segment is judged)."""
    return sum(n for n, _ in rec["segs"]), max((p for _, p in rec["segs"] if p is not None), default=0.0)


def partial_tau(txy: float, txz: float, tyz: float) -> float:
    """Kendall's partial τ of x and y given z."""
    return (txy - txz * tyz) / math.sqrt((1 - txz**2) * (1 - tyz**2))


def binary_table(name: str, rows: list[dict[str, Any]], scores: list[float]) -> dict[str, float]:
    """Print the band table of one MT-against-professional set; return its AUCs."""
    from scipy.stats import spearmanr

    data = [(r["kind"], *words_p(r), s) for r, s in zip(rows, scores, strict=True) if r["kind"] in ("mt", "pro")]
    out = {"AUC": auc([d[3] for d in data if d[0] == "mt"], [d[3] for d in data if d[0] == "pro"]),
           "AUC p": auc([-d[2] for d in data if d[0] == "mt"], [-d[2] for d in data if d[0] == "pro"])}
    print(f"\n**{name}** (AUC of the score {out['AUC']:.3f}, of p {out['AUC p']:.3f})\n")
    print("| words | MT | pro | mean p MT / pro | mean score MT / pro | AUC p | AUC score |\n|---|---|---|---|---|---|---|")
    for lo, hi in itertools.pairwise(BANDS):
        m = [d for d in data if d[0] == "mt" and lo <= d[1] < hi]
        p = [d for d in data if d[0] == "pro" and lo <= d[1] < hi]
        if not m or not p:
            print(f"| {band_name(lo, hi)} | {len(m)} | {len(p)} | | | | |")
            continue
        a_p, a_s = auc([-d[2] for d in m], [-d[2] for d in p]), auc([d[3] for d in m], [d[3] for d in p])
        out[f"AUC {band_name(lo, hi)}"] = a_s
        print(f"| {band_name(lo, hi)} | {len(m)} | {len(p)} | {statistics.fmean(d[2] for d in m):.3f} / "
              f"{statistics.fmean(d[2] for d in p):.3f} | {statistics.fmean(d[3] for d in m):.1f} / "
              f"{statistics.fmean(d[3] for d in p):.1f} | {a_p:.3f} | {a_s:.3f} |")
    for kind in ("mt", "pro"):
        ws, ps, ss = zip(*[(d[1], d[2], d[3]) for d in data if d[0] == kind], strict=True)
        print(f"{kind}: Spearman of words with p {spearmanr(ws, ps).statistic:+.2f}, with the score "
              f"{spearmanr(ws, ss).statistic:+.2f}")
    return out


def mqm_table(name: str, rows: list[dict[str, Any]], scores: list[float]) -> dict[str, float]:
    """Flat τ_b of the score, of the words alone, the score's τ partialled on words, and τ_b per band."""
    from score_design import tau, tau_item

    gold = [r["gold"] for r in rows]
    words = [float(words_p(r)[0]) for r in rows]
    t, tw, tsw = tau(scores, gold), tau([-w for w in words], gold), tau(scores, [-w for w in words])
    out = {"flat": t, "item": tau_item(scores, gold, [r["item"] for r in rows]), "words alone": tw,
           "partial": partial_tau(t, tsw, tw)}
    bands = []
    for lo, hi in itertools.pairwise(BANDS):
        idx = [i for i, w in enumerate(words) if lo <= w < hi]
        if len(idx) > 10:
            out[f"τ {band_name(lo, hi)}"] = tau([scores[i] for i in idx], [gold[i] for i in idx])
            bands.append(f"{band_name(lo, hi)}: {out[f'τ {band_name(lo, hi)}']:+.3f} ({len(idx)})")
    print(f"\n**{name}** ({len(rows)} records): flat τ_b {t:+.3f}, item {out['item']:+.3f}, words alone {tw:+.3f}, "
          f"score with −words {tsw:+.3f}, partialled on words **{out['partial']:+.3f}**; per band {'; '.join(bands)}")
    return out


def decompose(shared: Path) -> None:
    """Per band, the mean of the detector's logit parts (dense features, hashed n-grams) on MT and professional
    sentences of realmt dev and the probes (the shipped model; realmt train is its fitting data, so not shown)."""
    from mtfix.garble.model import Detector

    det = Detector.load()
    sets = {"realmt dev": [(r["text"], "mt") for r in read_jsonl(shared / "realmt" / "real_mt_dev.jsonl")]
            + [(r["text"], "pro") for r in read_jsonl(shared / "realmt" / "clean_news_dev.jsonl")],
            "probes (all 13)": [(r["text"], kind) for d in PROBES for file, kind in
                                (("real_mt_probe.jsonl", "mt"), ("clean_news_probe.jsonl", "pro"))
                                for r in read_jsonl(d / file)]}
    whatif: dict[str, list[Any]] = {}
    print("\n| set | words | kind | n | dense part | n-gram part | of which the largest dense feature |\n|---|---|---|---|---|---|---|")
    for name, texts in sets.items():
        parts = []
        for text, kind in texts:
            pred = det.predict(text)
            parts.append((len(text.split()), kind, sum(pred.contributions.values()), pred.patterns,
                          pred.contributions, len(pred.analysis.hashed)))
        whatif[name] = parts
        for lo, hi in itertools.pairwise(BANDS):
            for kind in ("mt", "pro"):
                got = [x for x in parts if x[1] == kind and lo <= x[0] < hi]
                if not got:
                    continue
                feats = {k: statistics.fmean(x[4][k] for x in got) for k in got[0][4]}
                top = max(feats, key=lambda k: abs(feats[k]))
                print(f"| {name} | {band_name(lo, hi)} | {kind} | {len(got)} | "
                      f"{statistics.fmean(x[2] for x in got):+.2f} | {statistics.fmean(x[3] for x in got):+.2f} | "
                      f"{top} {feats[top]:+.2f} |")
    # what-if, no refit: the n-gram part scaled by (mean n-grams / the sentence's n-grams) ** g
    mean_n = statistics.fmean(x[5] for x in itertools.chain(*whatif.values()))
    print(f"\nWhat-if, no refit (the weights were fitted to the sum): n-gram part × ({mean_n:.0f} / n-grams)^g, AUC of "
          "the logit, MT against professional")
    for g in (0.0, 0.5, 1.0):
        cells = []
        for name, parts in whatif.items():
            z = [(x[1], det.bias + x[2] + x[3] * (mean_n / max(x[5], 1)) ** g) for x in parts]
            cells.append(f"{name} {auc([-v for k, v in z if k == 'mt'], [-v for k, v in z if k == 'pro']):.3f}")
        print(f"g {g}: {', '.join(cells)}")


def fit_length_term(rows: list[dict[str, Any]]) -> tuple[float, float]:
    """``(a, c)`` of the candidate p' = σ(logit p + a · (ln words − c)): ``a`` the ln-words coefficient of a
    two-column logistic regression (logit p, ln words; no penalty) of MT against professional one-segment rows,
    ``c`` the professional rows' mean ln words."""
    import numpy as np
    from scipy.optimize import minimize

    xs, ys = [], []
    for r in rows:
        if r["kind"] in ("mt", "pro") and len(r["segs"]) == 1 and r["segs"][0][1] is not None:
            n, p = r["segs"][0]
            p = min(max(p, 1e-6), 1 - 1e-6)
            xs.append((math.log(p / (1 - p)), math.log(n)))
            ys.append(r["kind"] == "mt")
    x, y = np.column_stack([np.asarray(xs), np.ones(len(xs))]), np.asarray(ys, float)

    def loss(b: Any) -> float:
        z = x @ b
        return float(np.sum(np.logaddexp(0, z) - y * z))

    b_logit, b_len, _ = minimize(loss, np.array([1.0, 0.0, 0.0]), method="BFGS").x
    c = statistics.fmean(v[1] for v, y in zip(xs, ys, strict=True) if not y)
    print(f"length term fitted on {len(ys)} one-segment rows: coefficients logit {b_logit:+.3f}, ln words "
          f"{b_len:+.3f}; a = {b_len / b_logit:+.3f}, c = {c:.3f} ({math.exp(c):.1f} words)")
    return float(b_len / b_logit), c


def with_length_term(rec: dict[str, Any], a: float, c: float) -> dict[str, Any]:
    """``rec`` with each judged segment's p moved by the length term."""
    segs = []
    for n, p in rec["segs"]:
        if p is not None and n > 0:
            q = min(max(p, 1e-9), 1 - 1e-9)
            p = 1 / (1 + math.exp(-(math.log(q / (1 - q)) + a * (math.log(n) - c))))
        segs.append([n, p])
    return {**rec, "segs": segs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, required=True, help="a score_design.py collect cache (with --oof)")
    ap.add_argument("--min-words", type=int, nargs="*", default=[], help="what-ifs: other min_words")
    ap.add_argument("--per-word", type=float, nargs="*", default=[], help="what-ifs: other detector.per_word")
    ap.add_argument("--no-probes", action="store_true")
    ap.add_argument("--length-term", action="store_true",
                    help="the candidate: a length term on the detector's logit fitted on realmt train out of fold")
    ap.add_argument("--decompose", action="store_true", help="also: the detector's logit parts by band")
    args = ap.parse_args(argv)
    if args.decompose:
        from eval_data import SHARED_ENV_HINT, require_parts, shared_dir

        decompose(require_parts(shared_dir(), "realmt", hint=SHARED_ENV_HINT))
    from mtfix.scoring.fluency import default_weights

    data = load_cache(args.cache)
    sets = {k: v for k, v in data["sets"].items() if k.startswith("realmt") or k == "zh-en 2020"}
    if not args.no_probes:
        sets["probes (all 13)"] = probe_rows()
    base = default_weights()
    variants = [("shipped", base)]
    variants += [(f"min_words {m}", dataclasses.replace(base, min_words=m)) for m in args.min_words]
    variants += [(f"per_word {v}", dataclasses.replace(base, detector_per_word=v)) for v in args.per_word]
    variants_sets = [(label, w, sets) for label, w in variants]
    if args.length_term:
        a, c = fit_length_term(data["sets"]["realmt train"])
        moved = {k: [with_length_term(r, a, c) for r in v] for k, v in sets.items()}
        moved["seeds"] = [with_length_term(r, a, c) for r in data["sets"].get("seeds", [])]
        variants_sets.append((f"length term a {a:+.3f}", base, moved))
    summary = []
    for label, w, sets in variants_sets:
        print(f"\n### {label}")
        row = {"weights": label}
        for name, rows in sets.items():
            if name == "seeds":
                continue
            scores = [record_score(r, w, False) for r in rows]
            figs = mqm_table(name, rows, scores) if "gold" in rows[0] else binary_table(name, rows, scores)
            row.update({f"{name} {k}": v for k, v in figs.items()})
        seeds = sets.get("seeds", data["sets"].get("seeds", []))
        row.update({f"seed {r['name']}": record_score(r, w, False) for r in seeds})
        summary.append(row)
    keys = [k for k in summary[0] if k != "weights"]
    print("\n| figure | " + " | ".join(r["weights"] for r in summary) + " |\n|---|" + "---|" * len(summary))
    for k in keys:
        print(f"| {k} | " + " | ".join(f"{r.get(k, float('nan')):.3f}" for r in summary) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
