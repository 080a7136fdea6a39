#!/usr/bin/env python3
"""How segment scores become a document score: candidates measured against human MQM (session 15).

    python bench/doc_score.py collect [--held-out] [--out F]    # run the pipeline once, cache segments
    python bench/doc_score.py evaluate [--cache F] [--boot 1000]  # every candidate, every level

``collect`` checks every MT record of the development MQM sets (zh-en 2020 without ambiguous
targets, TED 2021; with ``--held-out`` also zh-en 2023 SxS, for evaluation after the choice) with
grammar off and keeps, per record, its system, document, source item, gold (−MQM), target words
and each segment's ``[words, penalty, paragraph]`` (the score's own :func:`mtfix.scoring.fluency.fluency`;
the segment score is not touched here), plus the seed documents and the demo article before and
after repair.

``evaluate`` aggregates the cached segments with each candidate (:func:`candidates`: the whole
document as one unit, as weights 4.4 shipped it; paragraphs, session 15's ``doc-2``,
:func:`mtfix.scoring.fluency.document_fluency`; means of sentences; MQM's linear per-word score; the
share of words in clean sentences; session 16: ``doc-3``, the shipped rule, units of consecutive sentences of
at least ``m`` words whatever the paragraphs, and ``doc-2`` with a document's records laid out a few to a
paragraph), prints the seeds and the demo under each, and Kendall τ_b with −MQM at
four levels: record flat and item-grouped (a record is one document to mtfix), **document** (one
system's translation of one source document: its records together, gold the mean −MQM of its
segments, and per word) and **system** (the mean of its record scores, as ``bench/eval_scores.py``,
and the system's whole output as one document), with paired bootstrap intervals (documents
resampled) of each candidate's difference from the 4.4 rule (``doc-1``, "density").
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import MQM_SETS, load_mqm, require_data, shared_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "mtfix-doc-score.json.gz"
Seg = tuple[int, float]  # words, penalty (MQM points expected)
#: ``doc-3`` candidates (session 16): the fewest words a unit of pooled sentences holds
SENTENCE_POOL_WORDS = (16, 32, 48, 64, 96, 128)
#: the first design tried: whole paragraphs pooled (never split)
POOL_WORDS = (16, 32, 48, 64)


# -- collect ----------------------------------------------------------------------------------
def segments_of(pipe: Any, text: str) -> dict[str, Any]:
    """``{"segs": [[words, penalty, paragraph], ...], "outside": penalty of findings outside every segment}``."""
    from mtfix.scoring.fluency import fluency, paragraph_indices

    res = pipe.check(text)
    sc = fluency(res.document, res.findings)
    inside = sum(s.penalty for s in sc.segments)
    paras = paragraph_indices(res.document)  # a blank line between two segments starts a paragraph
    return {"segs": [[s.words, s.penalty, k] for s, k in zip(sc.segments, paras, strict=True)],
            "outside": round(sc.penalty - inside, 4)}


def collect(args: argparse.Namespace) -> None:
    from importlib import resources

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipe = Pipeline(Config(grammar="off"))
    out: dict[str, Any] = {}
    seeds = sorted((shared_dir() / "seeds").glob("00[0-4]_*.txt"))
    out["seeds"] = {f.name[:3]: segments_of(pipe, f.read_text(encoding="utf-8")) for f in seeds}
    demo = (resources.files("mtfix") / "demo" / "garbled-news.txt").read_text(encoding="utf-8")
    out["demo"] = {"before": segments_of(pipe, demo), "after": segments_of(pipe, pipe.fix(demo).text)}
    root = require_data(args.data)
    t0 = time.time()
    for mset in MQM_SETS:
        if mset.split != "dev" and not args.held_out:
            continue
        if not (root / mset.file).exists():
            continue
        recs = [r for r in load_mqm(mset, root, args.items or None) if r.get("system") and r.get("doc")]
        rows = []
        for k, r in enumerate(recs):
            rows.append({"system": r["system"], "doc": r["doc"], "item": r["seg_id"],
                         "gold": -float(r[mset.gold]), "twords": len(r["target"].split()),
                         **segments_of(pipe, r["target"])})
            if k % 2000 == 0:
                print(f"{mset.name}: {k}/{len(recs)} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
        out[mset.name] = {"split": mset.split, "rows": rows}
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump(out, fh)
    print(f"wrote {args.out} in {time.time() - t0:.0f}s", file=sys.stderr)


# -- candidates ---------------------------------------------------------------------------------
class Candidate:
    """A document score additive over segments: each segment adds ``(num, den)``; the document is
    ``final(Σ num, Σ den)``.  So a document, a system's whole output or a resample aggregate alike."""

    def __init__(self, name: str, part: Callable[[int, float, float], tuple[float, float]],
                 final: Callable[[Any, Any], Any], note: str, unit: str = "segment", pool: int | None = None,
                 across: bool = False, group: int = 1) -> None:
        self.name, self.part, self.final, self.note = name, part, final, note
        self.unit = unit  # "paragraph": ``part`` sees each paragraph (an MQM record) as one segment
        #: not additive: the document's own :func:`mtfix.scoring.fluency.document_fluency` with paragraphs
        #: pooled into units of at least ``pool`` words (``doc-3``), as ``(words · score, words)``
        self.pool = pool
        self.across = across  # pool sentences whatever the paragraphs (a paragraph may be split)
        self.group = group  # a document's records laid out ``group`` to a paragraph (1: each its own)


def candidates(w: Any) -> list[Candidate]:
    import numpy as np

    def density(num: Any, den: Any) -> Any:
        return 100.0 * np.exp(-w.scale * num / np.maximum(den, w.min_words))

    def ratio(num: Any, den: Any, empty: float = 100.0) -> Any:
        return np.where(den > 0, num / np.where(den > 0, den, 1), empty)

    out = [
        Candidate("density (4.4)", lambda n, p, f: (p, n), density,
                  "doc-1 (weights 4.4): summed penalty over summed words (at least min_words)"),
        Candidate("word-weighted mean", lambda n, p, f: (n * f, n), ratio,
                  "segment scores averaged, each weighing its words"),
        Candidate("segment mean", lambda n, p, f: (f, 1.0), ratio, "segment scores averaged, unweighted"),
        Candidate("word-weighted geometric mean", lambda n, p, f: (n * math.log(max(f, 0.01) / 100), n),
                  lambda a, b: 100.0 * np.exp(ratio(a, b, 0.0)), "exp of the word-weighted mean log score"),
        Candidate("MQM linear (RWC 1000, MSV 100)", lambda n, p, f: (p, n),
                  lambda a, b: np.maximum(0.0, 100.0 - 1000.0 * ratio(a, b, 0.0)),
                  "MQM's per-word normed quality score: 100 − penalty per 1,000 words, floored at 0"),
    ]
    out.insert(2, Candidate("paragraph word-weighted mean", lambda n, p, f: (max(n, 1) * f, max(n, 1)), ratio,
                            "paragraphs scored as today (summed penalty over their words, at least min_words), "
                            "averaged weighing their words; an MQM record is one paragraph", unit="paragraph"))
    for m in SENTENCE_POOL_WORDS:
        out.append(Candidate(f"doc-3 units ≥ {m} words", lambda n, p, f: (0.0, 0.0), ratio,
                             f"consecutive sentences, whatever the paragraphs, pooled into units of at least {m} "
                             "words (a short last one joins the one before), each scored as one, averaged weighing "
                             "their words (mtfix's document_fluency)", pool=m, across=True))
    for m in POOL_WORDS:
        out.append(Candidate(f"pooled paragraphs ≥ {m} words", lambda n, p, f: (0.0, 0.0), ratio,
                             f"whole paragraphs (MQM records) pooled into units of at least {m} words, each unit "
                             "scored as one, averaged weighing their words (first design tried, replaced)", pool=m))
    for g in (2, 3, 4):
        out.append(Candidate(f"doc-2, {g} records a paragraph", lambda n, p, f: (0.0, 0.0), ratio,
                             f"doc-2 (each paragraph a unit) with a document's records laid out {g} to a paragraph, "
                             "as a text's paragraphs hold several sentences", pool=0, group=g))
    for t in (80.0, 90.0, 95.0):
        out.append(Candidate(f"clean share (≥ {t:.0f})", lambda n, p, f, t=t: (n * (f >= t), n),
                             lambda a, b: 100.0 * ratio(a, b), f"share of words in segments scoring ≥ {t:.0f}"))
    return out


def record_parts(rec: dict[str, Any], cands: list[Candidate], w: Any) -> list[tuple[float, float]]:
    """``(num, den)`` of each candidate for one cached record (findings outside every segment: a
    segment of no words holding their penalty)."""
    from mtfix.scoring.fluency import to_fluency

    segs = [(int(s[0]), float(s[1])) for s in rec["segs"]]
    paras: dict[int, list[float]] = defaultdict(lambda: [0, 0.0])
    for s in rec["segs"]:
        paras[s[2]][0] += int(s[0])
        paras[s[2]][1] += float(s[1])
    if abs(rec.get("outside") or 0.0) > 1e-3:  # (rounding of the per-segment penalties apart)
        segs.append((0, float(rec["outside"])))
        paras[-1] = [0, float(rec["outside"])]
    out = []
    for c in cands:
        if c.pool is not None:
            out.append(pooled_part([rec], c.pool, w, c.across, c.group))
            continue
        num = den = 0.0
        for n, p in ([(int(a), b) for a, b in paras.values()] if c.unit == "paragraph" else segs):
            a, b = c.part(n, p, to_fluency(p, n, w))
            num, den = num + a, den + b
        out.append((num, den))
    return out


def paragraph_units(words: list[int], paragraphs: list[int], pool: int) -> list[int]:
    """The first design tried for ``doc-3`` (replaced): whole paragraphs pooled, in order, until a unit holds
    at least ``pool`` words; a paragraph is never split and the last unit may hold fewer."""
    out: list[int] = []
    unit, held, prev = 0, 0, None
    for n, k in zip(words, paragraphs, strict=True):
        if prev is not None and k != prev and held >= pool:
            unit, held = unit + 1, 0
        held += n
        out.append(unit)
        prev = k
    return out


def pooled_part(recs: list[dict[str, Any]], pool: int, w: Any, across: bool = False,
                group: int = 1) -> tuple[float, float]:
    """``(words · score, words)`` of cached records read in order as one document, each record's
    paragraphs its own (an MQM record is a paragraph; ``group``: records laid out that many to a paragraph):
    ``across``, mtfix's own ``document_fluency`` with units of at least ``pool`` words whatever the paragraphs
    (``doc-3``; ``pool`` 0: each paragraph a unit, ``doc-2``); else :func:`paragraph_units`."""
    from mtfix.scoring.fluency import document_fluency

    words, pens, paras, outside = [], [], [], 0.0
    for r, rec in enumerate(recs):
        for s in rec["segs"]:
            words.append(int(s[0]))
            pens.append(float(s[1]))
            paras.append((r // group, s[2] if group == 1 or len(recs) == 1 else 0))
        outside += float(rec.get("outside") or 0.0) if abs(rec.get("outside") or 0.0) > 1e-3 else 0.0
    ids = {k: i for i, k in enumerate(dict.fromkeys(paras))}
    para_ids = [ids[k] for k in paras]
    if not across and pool > 0:
        para_ids, pool = paragraph_units(words, para_ids, pool), 0
    n = max(sum(words), 1)
    return n * document_fluency(words, pens, para_ids, w, outside, unit_words=pool), float(n)


# -- statistics -------------------------------------------------------------------------------
def tau(x: Any, y: Any) -> float:
    from scipy.stats import kendalltau

    if len(set(map(float, x))) < 2 or len(set(map(float, y))) < 2:
        return float("nan")
    return float(kendalltau(x, y, variant="b").statistic)


def tau_grouped(x: Any, y: Any, groups: Sequence[Any]) -> tuple[float, int]:
    """Mean τ_b within groups of more than two where both vary (the harness's item-grouped figure)."""
    by: dict[Any, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by[g].append(i)
    taus = []
    for idx in by.values():
        a, b = [x[i] for i in idx], [y[i] for i in idx]
        if len(idx) > 2 and len(set(a)) > 1 and len(set(b)) > 1:
            taus.append(tau(a, b))
    return (statistics.fmean(taus) if taus else float("nan")), len(taus)


class SetData:
    """One MQM set's records, documents (system × source document) and systems as arrays."""

    def __init__(self, rows: list[dict[str, Any]], cands: list[Candidate], w: Any) -> None:
        import numpy as np

        self.rows = rows
        parts = np.array([record_parts(r, cands, w) for r in rows])  # records × candidates × 2
        self.num, self.den = parts[:, :, 0], parts[:, :, 1]
        self.gold = np.array([r["gold"] for r in rows])
        self.twords = np.array([max(1, r["twords"]) for r in rows], float)
        self.items = [r["item"] for r in rows]
        docs = sorted({(r["system"], r["doc"]) for r in rows})
        self.doc_index = {d: i for i, d in enumerate(docs)}
        self.rec_doc = np.array([self.doc_index[(r["system"], r["doc"])] for r in rows])
        self.doc_src = [d for _, d in docs]
        systems = sorted({r["system"] for r in rows})
        self.doc_sys = np.array([systems.index(s) for s, _ in docs])
        self.nsys = len(systems)
        srcs = sorted(set(self.doc_src))
        self.doc_srcidx = np.array([srcs.index(d) for d in self.doc_src])
        self.nsrc = len(srcs)
        nd = len(docs)

        def by_doc(v: Any) -> Any:
            return np.bincount(self.rec_doc, v, minlength=nd)

        self.d_num = np.stack([by_doc(self.num[:, k]) for k in range(len(cands))], 1)
        self.d_den = np.stack([by_doc(self.den[:, k]) for k in range(len(cands))], 1)
        doc_recs: list[list[dict[str, Any]]] = [[] for _ in docs]
        for r, d in zip(rows, self.rec_doc, strict=True):
            doc_recs[d].append(r)
        for recs in doc_recs:  # a document's records in their order in the source document
            recs.sort(key=lambda r: (str(type(r["item"])), r["item"]))
        for k, c in enumerate(cands):  # pooled: the document scored as one text, not a sum over records
            if c.pool is not None:
                for d, recs in enumerate(doc_recs):
                    self.d_num[d, k], self.d_den[d, k] = pooled_part(recs, c.pool, w, c.across, c.group)
        self.d_gold = by_doc(self.gold)
        self.d_count = by_doc(np.ones(len(rows)))
        self.d_twords = by_doc(self.twords)
        self.cands = cands

    def record_scores(self, k: int) -> Any:
        return self.cands[k].final(self.num[:, k], self.den[:, k])

    def figures(self, doc_weight: Any | None = None) -> dict[str, Any]:
        """τ_b per level for every candidate; ``doc_weight``: multiplicity of each source document
        (a bootstrap resample; None: each once).  Record levels only without a resample."""
        import numpy as np

        weight = np.ones(self.nsrc) if doc_weight is None else doc_weight
        dw = weight[self.doc_srcidx]  # per (system, document)
        keep = np.repeat(np.arange(len(dw)), dw.astype(int))  # documents as drawn
        gold_mean = self.d_gold / self.d_count
        gold_word = self.d_gold / self.d_twords
        # system level: per-system sums over the drawn documents
        s_gold = np.bincount(self.doc_sys, dw * self.d_gold, minlength=self.nsys)
        s_count = np.bincount(self.doc_sys, dw * self.d_count, minlength=self.nsys)
        out: dict[str, Any] = {}
        for k, c in enumerate(self.cands):
            d_score = c.final(self.d_num[:, k], self.d_den[:, k])
            f: dict[str, float] = {}
            if doc_weight is None:
                rs = self.record_scores(k)
                f["record flat"] = tau(rs, self.gold)
                f["record item"], _ = tau_grouped(list(rs), list(self.gold), self.items)
                f["doc grouped"], _ = tau_grouped(list(d_score), list(gold_mean), self.doc_src)
            f["doc"] = tau(d_score[keep], gold_mean[keep])
            f["doc per word"] = tau(d_score[keep], gold_word[keep])
            rec_sum = np.bincount(self.rec_doc, self.record_scores(k), minlength=len(dw))
            s_mean = np.bincount(self.doc_sys, dw * rec_sum, minlength=self.nsys) / s_count
            s_whole = c.final(np.bincount(self.doc_sys, dw * self.d_num[:, k], minlength=self.nsys),
                              np.bincount(self.doc_sys, dw * self.d_den[:, k], minlength=self.nsys))
            f["system (record mean)"] = tau(s_mean, s_gold / s_count)
            f["system (whole)"] = tau(s_whole, s_gold / s_count)
            out[c.name] = f
        return out


# -- evaluate ---------------------------------------------------------------------------------
def document_score(d: dict[str, Any], c: Candidate, w: Any) -> float:
    (num, den), = record_parts(d, [c], w)
    import numpy as np

    return float(c.final(np.array(num), np.array(den)))


def evaluate(args: argparse.Namespace) -> None:
    import numpy as np

    from mtfix.scoring.fluency import default_weights

    w = default_weights()
    with gzip.open(args.cache, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    cands = candidates(w)
    print("## ordering (seeds 000–004; the demo article before → after repair)\n")
    print("| candidate | 000 | 001 | 002 | 003 | 004 | demo before | demo after | gain |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for c in cands:
        seeds = [document_score(data["seeds"][k], c, w) for k in sorted(data["seeds"])]
        b, a = (document_score(data["demo"][k], c, w) for k in ("before", "after"))
        print(f"| {c.name} | " + " | ".join(f"{s:.1f}" for s in seeds) + f" | {b:.1f} | {a:.1f} | {a - b:+.1f} |")
    rng = np.random.default_rng(15)
    for name, s in data.items():
        if name in ("seeds", "demo") or (s["split"] != "dev" and not args.held_out):
            continue
        sd = SetData(s["rows"], cands, w)
        base = sd.figures()
        levels = list(next(iter(base.values())))
        print(f"\n## {name} ({s['split']}): {len(sd.rows)} records, {len(sd.d_count)} documents "
              f"(system × source document; {sd.nsrc} source documents), {sd.nsys} systems\n")
        boot: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for _ in range(args.boot):
            draw = np.bincount(rng.integers(0, sd.nsrc, sd.nsrc), minlength=sd.nsrc).astype(float)
            fig = sd.figures(draw)
            ref = fig[cands[0].name]
            for c in cands[1:]:
                for lv, v in fig[c.name].items():
                    boot[c.name][lv].append(v - ref[lv])
        print("| candidate | " + " | ".join(levels) + " |")
        print("|---|" + "---:|" * len(levels))
        for c in cands:
            cells = []
            for lv in levels:
                v = base[c.name][lv]
                diffs = [x for x in boot[c.name].get(lv, []) if x == x]
                ci = ""
                if diffs:
                    lo, hi = np.percentile(diffs, [2.5, 97.5])
                    ci = f" [{lo:+.3f}, {hi:+.3f}]"
                cells.append(f"{v:+.3f}{ci}")
            print(f"| {c.name} | " + " | ".join(cells) + " |")
        print("\n(brackets: 95 % paired bootstrap interval of the difference from the first row, "
              f"{args.boot} resamples of source documents)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", type=Path, default=DEFAULT_CACHE)
    c.add_argument("--data", default=None)
    c.add_argument("--items", type=int, default=0, help="source segments per set (0: all)")
    c.add_argument("--held-out", action="store_true", help="also zh-en 2023 SxS (evaluation only)")
    e = sub.add_parser("evaluate")
    e.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    e.add_argument("--boot", type=int, default=1000, help="bootstrap resamples (0: none)")
    e.add_argument("--held-out", action="store_true", help="report the held-out sets too")
    args = ap.parse_args(argv)
    if args.cmd == "collect":
        collect(args)
    else:
        evaluate(args)


if __name__ == "__main__":
    main()
