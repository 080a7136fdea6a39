"""Which parts of the fluency score rank translations of the same source (issue 11, session 41).

Reads a cache of ``python bench/score_design.py collect`` (development sets only: MQM zh-en 2020 and
realmt train/dev; grammar off) and splits each record's penalty, in MQM points, into the components the
shipped weights combine (:mod:`mtfix.scoring.fluency`): rule findings by MQM category (times the rules'
origin factor), the garble detector's constant part (``detector · h(p)``) and its per-word part
(``detector_per_word · words · h(p)``), and the words themselves (the ``min_words`` normalisation).
For each component it prints the flat and item-grouped Kendall τ_b against −MQM of the score made of that
component **alone** and of the score **without** it (ablation), with realmt's MT-below-professional AUC, then
the same figures for the candidate changes named in ``CANDIDATES`` (chosen before measuring; RESULTS,
session 41).

    python bench/score_design.py collect --out C.json.gz --ted-items 20 --pe-limit 10
    python bench/score_components.py --cache C.json.gz
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_design import Grouped, auc, load_cache, tau  # noqa: E402

MQM = "zh-en 2020"
#: Which part of the gold an MQM category's errors count in (the first part of the category name): what a
#: reference-free fluency score could see, and what needs the source (accuracy, terminology, untranslated text)
GOLD_PART = {"Fluency": "fluency", "Style": "fluency", "Locale convention": "fluency",
             "Accuracy": "accuracy", "Terminology": "accuracy", "Non-translation!": "accuracy"}


def gold_parts(rec: dict[str, Any]) -> dict[str, float]:
    """A record's MQM score split by :data:`GOLD_PART` (README of the benchmarks: major 5, major
    non-translation 25, minor 1, minor punctuation 0.1, neutral 0; the mean over the raters)."""
    out: dict[str, float] = defaultdict(float)
    for e in rec.get("errors") or []:
        sev, cat = e["severity"], e["category"]
        weight = {"Major": 25.0 if cat == "Non-translation!" else 5.0,
                  "Minor": 0.1 if cat == "Fluency/Punctuation" else 1.0}.get(sev, 0.0)
        out[GOLD_PART.get(cat.split("/")[0], "other")] += weight / max(rec.get("num_raters") or 1, 1)
    return out
#: The changes measured against the shipped weights, named before the run (RESULTS, session 41): each
#: replaces weights fields; ``per_word_norm`` scores the penalty per word (``min_words`` 1).
CANDIDATES: dict[str, dict[str, float]] = {
    "detector per_word 0 (constant cost per sentence)": {"detector_per_word": 0.0},
    "detector per_word 0, constant 2 + 0.3 · 25 (the cost at 25 words)": {"detector_per_word": 0.0,
                                                                         "detector": 9.5},
    "penalty per word (min_words 1)": {"min_words": 1},
    "penalty per word, floor 10 words (min_words 10)": {"min_words": 10},
}


def parts(rec: dict[str, Any], w: Any, grammar: bool = False) -> tuple[dict[str, float], int]:
    """The record's penalty by component (MQM points) and its words (``grammar`` False: LanguageTool's findings
    left out, as ``score_design.record_score`` does)."""
    out: dict[str, float] = defaultdict(float)
    words = 0
    for n, p in rec["segs"]:
        words += n
        h = w.garble_penalty(p, 0) / w.detector if p is not None and w.detector else 0.0
        out["detector constant"] += w.detector * h
        out["detector per word"] += w.detector_per_word * n * h
        out["length term"] += w.length_penalty(n)
    finds = [f for f in rec["finds"] if grammar or not f[2].startswith("lt")]
    by_seg: dict[int, list[str]] = defaultdict(list)
    for seg, _code, origin, _sev, _cat in finds:
        by_seg[seg].append(origin)
    for seg, code, origin, sev, cat in finds:
        # an ``alone`` origin (glossary) at its factor unless another origin finds something in the segment
        solo = seg >= 0 and bool(w.alone) and not w.corroborated(by_seg[seg], w.alone)
        weight = w.finding_weight(code, origin, sev, cat) * (w.alone.get(origin, 1.0) if solo else 1.0)
        if weight:
            out[f"{origin} {cat}" if origin == "rule" else origin] += weight
    return dict(out), words


def check(data: dict[str, Any], w: Any, grammar: bool = False) -> None:
    """The components add up to the shipped score (``score_design.record_score``) on every record."""
    from score_design import record_score

    for name in (MQM, *(k for k in data["sets"] if k.startswith("realmt "))):
        for rec in data["sets"][name]:
            comp, n = parts(rec, w, grammar)
            if abs(round(score(sum(comp.values()), n, w), 2) - record_score(rec, w, grammar)) > 0.011:
                raise SystemExit(f"score_components: components do not add up on a {name} record")


def score(pen: float, words: int, w: Any) -> float:
    """The shipped score of a penalty over ``words`` words (:func:`mtfix.scoring.fluency.to_fluency`, rounded as
    shipped)."""
    from mtfix.scoring.fluency import to_fluency

    return to_fluency(pen, words, w)


class Sets:
    """The cache's records as components, with the figures of any score made of them."""

    def __init__(self, data: dict[str, Any], w: Any, grammar: bool = False) -> None:
        self.mqm = [parts(r, w, grammar) for r in data["sets"][MQM]]
        self.gold = [r["gold"] for r in data["sets"][MQM]]
        self.items = [r["item"] for r in data["sets"][MQM]]
        self.grouped = Grouped(self.items, self.gold)
        self.realmt = {split: ([parts(r, w, grammar) for r in data["sets"][f"realmt {split}"]],
                               [r["kind"] for r in data["sets"][f"realmt {split}"]]) for split in ("train", "dev")}

    def names(self) -> list[str]:
        seen: dict[str, int] = defaultdict(int)
        for comp, _ in self.mqm:
            for k, v in comp.items():
                seen[k] += v > 0
        return sorted((k for k in seen if seen[k]), key=lambda k: -seen[k])

    def figures(self, keep: Any, w: Any, mqm_only: bool = False) -> dict[str, float]:
        """τ_b flat and item-grouped (harness, coverage-adjusted, items) on MQM; AUC on realmt."""
        xs = [score(sum(v for k, v in c.items() if keep(k)), n, w) for c, n in self.mqm]
        item, cov, items = self.grouped.tau(xs)
        out = {"flat": tau(xs, self.gold), "item": item, "cov": cov, "items": items,
               "fires": sum(sum(v for k, v in c.items() if keep(k)) > 0 for c, _ in self.mqm) / len(self.mqm)}
        if not mqm_only:
            for split, (rows, kinds) in self.realmt.items():
                s = [score(sum(v for k, v in c.items() if keep(k)), n, w) for c, n in rows]
                out[split] = auc([x for x, k in zip(s, kinds, strict=True) if k == "mt"],
                                 [x for x, k in zip(s, kinds, strict=True) if k == "pro"])
        return out


def per_item(grouped: Grouped, x: list[float]) -> Any:
    """Each item's τ_b (0 where the score or gold is constant), as :meth:`Grouped.tau` sums them."""
    import numpy as np

    sx = grouped._signs(np.asarray(x, float))
    den = np.sqrt((sx * sx).sum(1) * (grouped.sy * grouped.sy).sum(1))
    return np.where((den > 0) & grouped.big, (sx * grouped.sy).sum(1) / np.where(den > 0, den, 1.0), 0.0)


def delta_interval(grouped: Grouped, base: list[float], other: list[float], rounds: int = 2000) -> tuple[float, float]:
    """95 % interval of the coverage-adjusted item τ_b's change, resampling items (paired, seed 41)."""
    import numpy as np

    d = (per_item(grouped, other) - per_item(grouped, base))[grouped.gold_varies]
    rng = np.random.default_rng(41)
    means = d[rng.integers(0, len(d), (rounds, len(d)))].mean(1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def row(name: str, f: dict[str, float], mqm_only: bool = False) -> str:
    cells = [name, f"{f['fires']:.1%}", f"{f['flat']:+.4f}", f"{f['item']:+.4f} ({f['items']})", f"{f['cov']:+.4f}"]
    if not mqm_only:
        cells += [f"{f['train']:.4f}", f"{f['dev']:.4f}"]
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> None:
    from mtfix.scoring.fluency import default_weights

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, required=True, help="a cache of score_design.py collect (grammar off)")
    ap.add_argument("--grammar", action="store_true",
                    help="count LanguageTool's findings (a cache collected with --grammar required)")
    args = ap.parse_args(argv)
    w = default_weights()
    sets = _rebuilt(args, w)
    check(_CACHE["data"], w, args.grammar)
    head = ("| score | records it is > 0 in | 2020 τ_b flat | 2020 τ_b item (items) | item, cov.-adj. "
            "| realmt train AUC | realmt dev AUC |")
    print(f"records: {MQM} {len(sets.gold)}, realmt train {len(sets.realmt['train'][0])}, "
          f"dev {len(sets.realmt['dev'][0])}\n")
    print(head)
    print("|---" * 7 + "|")
    print(row("**shipped score (all components)**", sets.figures(lambda k: True, w)))
    words = [float(-n) for _, n in sets.mqm]  # length alone: a longer translation ranked worse
    item, cov, items = sets.grouped.tau(words)
    print(f"| words alone (longer = worse) | 100.0% | {tau(words, sets.gold):+.4f} | {item:+.4f} ({items}) "
          f"| {cov:+.4f} | – | – |")
    for name in sets.names():
        print(row(f"{name}: alone", sets.figures(lambda k, n=name: k == n, w)))
        print(row(f"{name}: ablated (score without it)", sets.figures(lambda k, n=name: k != n, w)))
    rules = [k for k in sets.names() if k.startswith("rule ")]
    print(row("all rule findings: alone", sets.figures(lambda k: k in rules, w)))
    print(row("all rule findings: ablated", sets.figures(lambda k: k not in rules, w)))
    gold_table(sets, w)
    print("\nCandidates (named before the run):\n")
    print(head)
    print("|---" * 7 + "|")
    print(row("shipped", sets.figures(lambda k: True, w)))
    shipped = [score(sum(c.values()), n, w) for c, n in sets.mqm]
    spread = []
    for name, change in CANDIDATES.items():
        wc = replace(w, **change)
        cand = _rebuilt(args, wc)
        print(row(name, cand.figures(lambda k: True, wc)))
        lo, hi = delta_interval(sets.grouped, shipped, [score(sum(c.values()), n, wc) for c, n in cand.mqm])
        spread.append(f"{name}: {lo:+.4f} to {hi:+.4f}")
    print("\n95 % interval of the coverage-adjusted item τ_b's change against shipped (2,000 paired resamples of "
          "the items):\n\n" + "\n".join(f"- {s}" for s in spread))


def gold_table(sets: Sets, w: Any) -> None:
    """What within-item ranking the gold's own parts reach, and the score and two of its parts against each."""
    from eval_data import DATA_ENV_HINT, MQM_SETS, load_mqm, require_data

    mset = next(m for m in MQM_SETS if m.name == MQM)
    recs = load_mqm(mset, require_data(hint=DATA_ENV_HINT), len(set(sets.items)))  # a cache of the first items only: the same
    if [-float(r[mset.gold]) for r in recs] != sets.gold:
        raise SystemExit("score_components: the benchmark file is not the cache's (another build?)")
    parts_ = [gold_parts(r) for r in recs]
    if any(abs(sum(p.values()) - float(r[mset.gold])) > 1e-3 for p, r in zip(parts_, recs, strict=True)):
        raise SystemExit("score_components: the gold's parts do not add up to its MQM score")
    scores = {
        "shipped score": [score(sum(c.values()), n, w) for c, n in sets.mqm],
        "detector (constant part) alone": [score(c.get("detector constant", 0.0), n, w) for c, n in sets.mqm],
        "rule findings alone": [score(sum(v for k, v in c.items() if k.startswith("rule ")), n, w)
                                for c, n in sets.mqm],
    }
    print("\nThe gold's own parts (an oracle that knows one part exactly; τ_b against −MQM), and the score "
          "and two of its parts against each part:\n")
    print("| ranking | of | share of MQM points | τ_b flat | τ_b item (items) | item, cov.-adj. |")
    print("|---|---|---|---|---|---|")
    total = sum(sets.gold) or -1.0
    for part in ("fluency", "accuracy"):
        oracle = [-p.get(part, 0.0) for p in parts_]
        share = sum(oracle) / total
        item, cov, items = sets.grouped.tau(oracle)
        print(f"| −MQM {part} points (oracle) | total −MQM | {share:.1%} | {tau(oracle, sets.gold):+.4f} "
              f"| {item:+.4f} ({items}) | {cov:+.4f} |")
        g = Grouped([r["seg_id"] for r in recs], oracle)
        for name, xs in scores.items():
            item, cov, items = g.tau(xs)
            print(f"| {name} | −MQM {part} points | | {tau(xs, oracle):+.4f} | {item:+.4f} ({items}) "
                  f"| {cov:+.4f} |")


_CACHE: dict[str, Any] = {}


def _rebuilt(args: argparse.Namespace, w: Any) -> Sets:
    """The sets' components under other weights (the cache is read once)."""
    if "data" not in _CACHE:
        _CACHE["data"] = load_cache(args.cache)
    return Sets(_CACHE["data"], w, args.grammar)


if __name__ == "__main__":
    main()
