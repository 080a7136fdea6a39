#!/usr/bin/env python3
"""Design the fluency score on DEVELOPMENT data only: collect what the score is made of, once,
then evaluate candidate weights in milliseconds.

    python bench/score_design.py collect [--grammar required] [--mqm-items 600] [--out F] [--oof bench/realmt_train_oof.json]
    python bench/score_design.py evaluate [--cache F] [--weights weights.yaml]
    python bench/score_design.py fit --cache F [--room R] [--set KEY=VALUE]
    python bench/score_design.py frontier --cache F     # the realmt-AUC / MQM-τ trade-off
    python bench/score_design.py nested --cache F --cache F-oof   # selection rules, nested CV over realmt train

``collect`` runs the pipeline over the development files and keeps, per record, each
segment's words and garble probability and each finding (code, origin, severity, category):

* ``../shared/benchmarks``: MQM zh-en 2020 (no ambiguous targets; the first ``--mqm-items``
  source segments, all systems), MQM TED 2021 (all), MLQE-PE dev (five pairs, HTER);
* ``../shared/realmt``: ``_train`` (fitting) and ``_dev`` (thresholds and reporting only).

Held-out files (MQM zh-en 2023, he-en 2023, MLQE-PE test/test21) are never read here.
``evaluate`` scores the cached components with :func:`mtfix.scoring.fluency.segment_penalty`
(the score's own formula) and prints, per set, realmt AUC (MT below professional, grammar off
and on), Kendall τ_b with −MQM (flat and item-grouped) and with −HTER.
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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import MQM_SETS, PE_SETS, load_mqm, load_pe, read_jsonl, require_data, shared_dir  # noqa: E402
from eval_realmt import auc  # noqa: E402  (the realmt harness's Mann–Whitney AUC)
from eval_realmt import data_dir as realmt_dir  # noqa: E402  (where the realmt files are)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "mtfix-score-design.json.gz"
DEV_MQM = tuple(m for m in MQM_SETS if m.split == "dev")
DEV_PE = tuple(p for p in PE_SETS if p.split == "dev")


def text_key(text: str) -> str:
    """The key of a text (a realmt row, one of its segments) in the out-of-fold file: the first 16 hex digits of
    its UTF-8 SHA-256 (``bench/train_detector.py --realmt-oof`` writes it, ``collect --oof`` reads it)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_oof(path: Path) -> dict[str, Any]:
    """The rows of an out-of-fold file (``bench/train_detector.py --realmt-oof``), keyed by :func:`text_key`;
    refused (SystemExit) when it was computed for another model than the shipped detector."""
    from mtfix.garble.checker import detector

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    shipped = detector().digest
    if data.get("model_sha256") != shipped:
        raise SystemExit(
            f"score_design: {path} holds out-of-fold probabilities for another model "
            f"({str(data.get('model_sha256'))[:12]}; the shipped detector is {shipped[:12]}): "
            "rerun python bench/train_detector.py --realmt-oof"
        )
    return data["rows"]


def components(pipe: Any, text: str, context: bool = False, oof: dict[str, Any] | None = None) -> dict[str, Any]:
    """Segments ``[words, p]`` and findings ``[segment, code, origin, severity, category]`` of one text;
    with ``context`` each finding also carries its matched text and 40 characters either side.

    ``oof``: the text's entry of an out-of-fold file (:func:`load_oof`): each judged segment's probability is
    the file's (the detector refitted without the text's fold), the rest as the shipped scorer computes it.  The
    detector's own findings (MTF401, weight 0 in the score) stay the shipped model's: they only corroborate
    LanguageTool and glossary findings, which realmt rows have none of with grammar off."""
    from mtfix.garble.checker import probability, segment_text
    from mtfix.scoring.fluency import finding_key
    from mtfix.segment import word_count

    res = pipe.check(text)
    doc = res.document
    # the probability of what the detector reads, as the score takes it (``fluency.garble_probabilities``: a web
    # address read as one name; session 36: the raw text here made one realmt dev sentence differ)
    segs = [[word_count(doc.text[s.start : s.end]),
             probability(doc.text[s.start : s.end] if (seen := segment_text(doc, s)) is None else seen)]
            for s in doc.segments]
    if oof is not None:
        for seg, row in zip(doc.segments, segs, strict=True):
            if row[1] is None:  # too short to judge: the scorer does not judge it either
                continue
            key = text_key(doc.text[seg.start : seg.end])
            if key not in oof["segments"]:
                raise SystemExit(f"score_design: no out-of-fold probability for the segment {key} of {text[:60]!r}")
            row[1] = oof["segments"][key]
    finds = []
    for f in res.findings:
        seg = doc.segment_index_of(f)
        code, origin, severity, category = finding_key(f, doc.text)
        row = [-1 if seg is None else seg, code, origin or "rule", severity, category]
        if context:
            row += [doc.text[f.start : f.end], doc.text[max(0, f.start - 40) : f.start], doc.text[f.end : f.end + 40]]
        finds.append(row)
    return {"segs": segs, "finds": finds}


def collect(args: argparse.Namespace) -> None:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipe = Pipeline(Config(grammar=args.grammar))
    out: dict[str, list[dict[str, Any]]] = {}
    t0 = time.time()
    seeds = sorted((shared_dir() / "seeds").glob("00[0-4]_*.txt"))
    out["seeds"] = [{"name": f.name[:3], **components(pipe, f.read_text(encoding="utf-8"))} for f in seeds]
    if args.seeds_only:
        _write(args.out, args.grammar, out)
        return
    rm = realmt_dir()
    # --oof: realmt train's detector probabilities out of fold (the detector refitted without the row's fold)
    oof = load_oof(args.oof) if args.oof else None

    def parts(text: str, split: str) -> dict[str, Any]:
        if oof is None or split != "train":
            return components(pipe, text)
        if text_key(text) not in oof:
            raise SystemExit(f"score_design: {args.oof} has no row {text_key(text)} ({text[:60]!r})")
        entry = oof[text_key(text)]
        # the row's leave-languages-out fold (train_detector.language_folds), for ``nested``
        return {**components(pipe, text, oof=entry), "fold": entry["fold"]}

    for split in ("train", "dev"):
        rows = []
        for r in read_jsonl(rm / f"real_mt_{split}.jsonl"):
            rows.append({"kind": "mt", "lang": r.get("lang"), **parts(r["text"], split)})
            if r.get("correction"):
                rows.append({"kind": "corr", "lang": r.get("lang"), **parts(r["correction"], split)})
        for r in read_jsonl(rm / f"clean_news_{split}.jsonl"):
            rows.append({"kind": "pro", **parts(r["text"], split)})
        out[f"realmt {split}"] = rows
    print(f"realmt done {time.time() - t0:.0f}s", file=sys.stderr)
    if args.realmt_only:
        _write(args.out, args.grammar, out)
        return
    root = require_data(args.data)
    for mset in DEV_MQM:
        recs = load_mqm(mset, root, args.ted_items if "TED" in mset.name else args.mqm_items)
        out[mset.name] = [
            {"gold": -float(r[mset.gold]), "item": r["seg_id"], "system": r["system"], **components(pipe, r["target"])}
            for r in recs
        ]
        print(f"{mset.name} done ({len(recs)}) {time.time() - t0:.0f}s", file=sys.stderr)
    for pset in DEV_PE:
        recs = load_pe(pset, root, args.pe_limit)
        out[pset.name] = [{"gold": -float(r["hter"]), **components(pipe, r["mt"])} for r in recs]
        print(f"{pset.name} done {time.time() - t0:.0f}s", file=sys.stderr)
    _write(args.out, args.grammar, out)


def _write(path: Path, grammar: str, sets: dict[str, Any]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump({"grammar": grammar, "sets": sets}, fh)


# -- evaluation -------------------------------------------------------------------------------
def record_score(rec: dict[str, Any], w: Any, grammar: bool) -> float:
    """The document fluency of one cached record under weights ``w``."""
    from mtfix.scoring.fluency import segment_penalty, to_fluency

    finds: dict[int, list[tuple[str, str, str, str]]] = defaultdict(list)
    for seg, code, origin, sev, cat in rec["finds"]:
        if origin.startswith("lt") and not grammar:
            continue
        finds[seg].append((code, origin, sev, cat))
    total = sum(w.finding_weight(c, o, s, k) for c, o, s, k in finds.get(-1, []))
    words = 0
    for i, (n, p) in enumerate(rec["segs"]):
        total += segment_penalty(n, finds.get(i, []), p, w)
        words += n
    return to_fluency(total, words, w)


def tau(xs: list[float], ys: list[float]) -> float:
    from scipy.stats import kendalltau

    return float(kendalltau(xs, ys, variant="b").statistic)


def tau_item(xs: list[float], ys: list[float], items: list[Any]) -> float:
    groups: dict[Any, list[tuple[float, float]]] = defaultdict(list)
    for x, y, i in zip(xs, ys, items, strict=True):
        groups[i].append((x, y))
    taus = []
    for pairs in groups.values():
        a, b = zip(*pairs, strict=True)
        if len(pairs) > 2 and len(set(a)) > 1 and len(set(b)) > 1:
            taus.append(tau(list(a), list(b)))
    return statistics.fmean(taus) if taus else float("nan")


def evaluate(data: dict[str, Any], w: Any, grammar: bool) -> dict[str, float]:
    """Dev figures of weights ``w`` on cached components (grammar: count LanguageTool's findings)."""
    out: dict[str, float] = {}
    for name, rows in data["sets"].items():
        scores = [record_score(r, w, grammar) for r in rows]
        if name == "seeds":
            out.update({f"seed {r['name']}": s for r, s in zip(rows, scores, strict=True)})
        elif name.startswith("realmt"):
            mt = [s for s, r in zip(scores, rows, strict=True) if r["kind"] == "mt"]
            pro = [s for s, r in zip(scores, rows, strict=True) if r["kind"] == "pro"]
            corr = [s for s, r in zip(scores, rows, strict=True) if r["kind"] == "corr"]
            out[f"{name} AUC"] = auc(mt, pro)
            out[f"{name} pro min"] = min(pro)
            out[f"{name} pro median"] = statistics.median(pro)
            out[f"{name} AUC corr"] = auc(mt, corr)
        else:
            gold = [r["gold"] for r in rows]
            out[f"{name} flat"] = tau(scores, gold)
            if "item" in rows[0]:
                out[f"{name} item"] = tau_item(scores, gold, [r["item"] for r in rows])
    pe = [v for k, v in out.items() if k.endswith("dev flat")]
    if pe:
        out["mlqe dev flat mean"] = statistics.fmean(pe)
    return out


class Grouped:
    """Item-grouped Kendall τ_b, vectorised: the translations of one source item ranked against each other.

    :meth:`tau` gives the harness's figure (:func:`tau_item`: the mean over items with more than two
    translations where both the score and gold vary), the **coverage-adjusted** mean (the same sum over
    every item where gold varies: an item where the score is constant counts 0, so a score cannot rise
    by varying in fewer items) and the number of items in the first mean."""

    def __init__(self, items: list[Any], gold: list[float]) -> None:
        import numpy as np

        groups: dict[Any, list[int]] = defaultdict(list)
        for k, i in enumerate(items):
            groups[i].append(k)
        size = max(len(v) for v in groups.values())
        idx = np.full((len(groups), size), -1)
        for row, members in enumerate(groups.values()):
            idx[row, : len(members)] = members
        self.idx, self.mask = idx, idx >= 0
        self.iu = np.triu_indices(size, 1)
        self.pairs = self.mask[:, self.iu[0]] & self.mask[:, self.iu[1]]
        self.big = self.mask.sum(1) > 2
        self.sy = self._signs(np.asarray(gold, float))
        self.gold_varies = self.big & (self.sy != 0).any(1)
        self.n_gold = int(self.gold_varies.sum())

    def _signs(self, x: Any) -> Any:
        import numpy as np

        v = np.where(self.mask, x[np.maximum(self.idx, 0)], 0.0)
        return np.sign(v[:, self.iu[0]] - v[:, self.iu[1]]) * self.pairs

    def tau(self, x: Any) -> tuple[float, float, int]:
        import numpy as np

        sx = self._signs(np.asarray(x, float))
        den = np.sqrt((sx * sx).sum(1) * (self.sy * self.sy).sum(1))
        ok = (den > 0) & self.big
        t = np.where(ok, (sx * self.sy).sum(1) / np.where(den > 0, den, 1.0), 0.0)
        shown = float(t[ok].mean()) if ok.any() else float("nan")
        return shown, float(t.sum() / max(self.n_gold, 1)), int(ok.sum())


# -- the fit: vectorised, the same formula as mtfix.scoring.fluency.segment_penalty ----------------
class Arrays:
    """One set's segments as numpy arrays: record, words, p (−1: not judged), finding weights."""

    def __init__(self, rows: list[dict[str, Any]], grammar: bool) -> None:
        import numpy as np

        from mtfix.scoring.fluency import default_weights

        w = default_weights()
        rec, n, p, fr, fmaj, fother, fg, flt, corr = [], [], [], [], [], [], [], [], []
        for i, r in enumerate(rows):
            fs: dict[int, list[tuple[str, float]]] = defaultdict(list)
            for seg, code, origin, sev, cat in r["finds"]:
                if origin.startswith("lt") and not grammar:
                    continue
                x = 0.0 if origin == "garble" else w.finding_weight(code, origin, sev, cat)
                if origin in RULE_ORIGINS:  # the MQM weight alone: the fit's ``rule`` is their factor
                    x = w.finding_weight(code, "", sev, cat)
                fs[max(seg, 0)].append((origin, x, sev))
            for j, (nn, pp) in enumerate(r["segs"]):
                f = fs.get(j, [])
                rec.append(i)
                n.append(nn)
                p.append(-1.0 if pp is None else pp)
                fr.append(sum(x for o, x, _ in f if o in RULE_ORIGINS))
                fmaj.append(sum(x for o, x, sv in f if o in RULE_ORIGINS and sv == "major"))
                # LanguageTool's other classes (scoring.tsv: lt-name 0, lt-nonword 1) cost the same alone as
                # corroborated, and corroborate nothing, as in mtfix.scoring.fluency
                fother.append(sum(x for o, x, _ in f if (not _alone(o) and o not in RULE_ORIGINS)
                                  or (o.startswith("lt") and o not in ALONE)))
                fg.append(sum(x for o, x, _ in f if o == "glossary"))
                flt.append(sum(x for o, x, _ in f if o == "lt"))
                corr.append(any(not _alone(o) for o, _, _ in f))
        self.rows, self.rec, self.nrec = rows, np.array(rec), len(rows)
        self.n, self.p = np.array(n, float), np.array(p)
        self.fr, self.fg, self.flt = np.array(fr), np.array(fg), np.array(flt)
        self.fmaj = np.array(fmaj)  # the part of ``fr`` from major findings (at the shipped major weight 5)
        self.fother = np.array(fother)  # other origins outside ALONE (bilingual), at their weights.yaml factor
        self.corr = np.array(corr, bool)
        self.gold = np.array([r["gold"] for r in rows]) if rows and "gold" in rows[0] else None
        self.grouped = (Grouped([r["item"] for r in rows], [r["gold"] for r in rows])
                        if rows and "item" in rows[0] else None)

    def density(self, q: dict[str, float]) -> Any:
        """Penalty per word (at least ``min_words``) per record for parameters ``q`` (:data:`GRID` keys, min_words)."""
        import numpy as np

        judged = self.p >= 0
        c = q["centre"]
        h = np.where(judged, np.maximum(0.0, self.p - c) / (1 - c), 0.0) ** q.get("shape", 1.0)
        length = q["length"] * (self.n / LENGTH_WORDS) ** q["exponent"]
        solo = ~self.corr
        alone = self.flt * np.where(solo, q["lt_alone"], 1.0) + self.fg * np.where(solo, q["glossary_alone"], 1.0)
        # rule: factor on rule findings (other origins outside ALONE keep their weights.yaml factor); major:
        # the major severity's MQM weight in place of 5 (a category override such as Non-translation 25 in
        # proportion)
        fr = q.get("rule", 1.0) * (self.fr + self.fmaj * (q.get("major", 5.0) / 5.0 - 1.0)) + self.fother
        seg = fr + alone + (q["detector"] + q["per_word"] * self.n) * h + np.where(self.n > 0, length, 0.0)
        e = np.bincount(self.rec, seg, minlength=self.nrec)
        words = np.bincount(self.rec, self.n, minlength=self.nrec)
        return e / np.maximum(words, q["min_words"])

    def fluency(self, q: dict[str, float]) -> Any:
        """Document fluency per record: ``100 · exp(−scale · density)``."""
        import numpy as np

        return 100 * np.exp(-q["scale"] * self.density(q))


CLEAN_MIN, GARBLED_MAX = 88.0, 47.0  # the seed must-holds (85 / 50) with 3 points of room


def seed_scale(seeds: Arrays, q: dict[str, float]) -> float | None:
    """The scale half-way (geometrically) between the seed bounds, or None when no scale meets both."""
    d = seeds.density(q)
    names = [r["name"] for r in seeds.rows]
    clean = max(x for x, nm in zip(d, names, strict=True) if nm != "004")
    garbled = float(d[names.index("004")])
    hi = math.log(100 / CLEAN_MIN) / clean if clean > 0 else math.inf  # largest scale keeping clean seeds up
    lo = math.log(100 / GARBLED_MAX) / garbled if garbled > 0 else math.inf  # smallest pushing 004 down
    if lo > hi:
        return None
    return math.sqrt(lo * hi) if hi < math.inf else 2 * lo


LENGTH_WORDS = 25.0
TIE = 0.002  # objective differences below this are noise
ALONE = ("lt", "glossary")  # the origins whose ``alone`` factor the fit chooses (lt_alone, glossary_alone)


def _alone(origin: str) -> bool:
    """An origin that does not corroborate: the glossary, and every LanguageTool class (``lt``, ``lt-name``...)."""
    return origin in ALONE or origin.startswith("lt")

RULE_ORIGINS = ("rule",)  # origins whose factor in weights.yaml is the fit's ``rule`` (others keep theirs)  # origins whose findings cost less when nothing else in the segment corroborates them
GRID: dict[str, tuple[float, ...]] = {
    "centre": (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6),  # 0.5, 0.6 since 4.4
    "detector": (1.0, 2.0, 4.0, 8.0, 16.0),  # 1 since 4.4
    # the detector's cost growing with the words it judges garbled (MQM sums errors over a segment)
    "per_word": (0.0, 0.05, 0.1, 0.2, 0.3, 0.4),  # 0.3 since 4.4
    "length": (0.0, 0.125, 0.25, 0.5, 1.0),
    "exponent": (1.0,),  # expected errors in proportion to length, as MQM sums them (0.5 was tried: no better)
    "lt_alone": (0.0, 0.1, 0.25, 0.5, 1.0),
    # not identifiable on the fitting data (realmt train AUC and the MQM/MLQE τ_b do not move over
    # 0.25–1): a prior, half an error for a term finding nothing else in its sentence supports
    "glossary_alone": (0.5,),
    # 64 as in weights 2.0/3.0: larger values squeeze single sentences towards 100 (garbled MT's median
    # goes from 91 to 95 at 128) for +0.01 τ_b on zh-en 2020; smaller ones judge sentences per word
    "min_words": (64,),
    # since 4.4: the factor on rule findings, i.e. the weight of findings against the
    # detector's probability, and the major severity's MQM weight (minor stays 1)
    "rule": (1.0, 2.0, 4.0, 8.0),
    "major": (5.0, 10.0),
    # the exponent on the probability's excess over the centre (``detector.shape``; 1: linear, as in 4.0-4.4;
    # below 1 a probability just past the centre costs more, p = 1 the same)
    "shape": (1.0,),  # 0.5 and 0.75 measured in session 15 (`--grid shape=0.5,0.75,1`): not adopted
}


def figures(arrays: dict[str, Arrays], q: dict[str, float]) -> dict[str, float]:
    import numpy as np
    from scipy.stats import kendalltau

    out: dict[str, float] = {}
    pe = []
    for name, a in arrays.items():
        f = a.fluency(q)
        if name == "seeds":
            out.update({f"seed {r['name']}": float(x) for r, x in zip(a.rows, f, strict=True)})
        elif name.startswith("realmt"):
            kind = np.array([r["kind"] for r in a.rows])
            out[f"{name} AUC"] = auc(list(f[kind == "mt"]), list(f[kind == "pro"]))
            out[f"{name} pro median"] = float(np.median(f[kind == "pro"]))
            out[f"{name} mt median"] = float(np.median(f[kind == "mt"]))
        else:
            t = float(kendalltau(f, a.gold, variant="b").statistic)
            if name.endswith(" dev"):
                pe.append(t)
            else:
                out[f"{name} flat"] = t
            if a.grouped is not None:
                shown, covered, _ = a.grouped.tau(f)
                out[f"{name} item"] = shown
                out[f"{name} item cov"] = covered
    if pe:
        out["mlqe dev flat"] = float(np.mean(pe))
    return out


# weight of the item-grouped term in the objective (``fit --item-weight``): 0 for weights 4.0–4.3, 1 since
# 4.4 (it changes no choice between 0 and 4: no grid point moves the item-grouped τ_b beyond noise)
ITEM_WEIGHT = 1.0


def item_term(fig: dict[str, float]) -> float:
    """Mean coverage-adjusted item-grouped τ_b over zh-en 2020 and TED 2021 (:class:`Grouped`)."""
    return statistics.fmean([fig["zh-en 2020 item cov"], fig["zh-en TED 2021 item cov"]])


def objective(fig: dict[str, float], item_weight: float | None = None) -> float:
    """Mean flat τ_b over zh-en 2020, TED 2021 and MLQE-PE dev (the mean of its five pairs), plus
    ``item_weight`` × :func:`item_term` (default :data:`ITEM_WEIGHT`)."""
    flat = statistics.fmean([fig["zh-en 2020 flat"], fig["zh-en TED 2021 flat"], fig["mlqe dev flat"]])
    w = ITEM_WEIGHT if item_weight is None else item_weight
    return flat + w * item_term(fig) if w else flat


def fitting_arrays(data: dict[str, Any], grammar: bool) -> dict[str, Arrays]:
    """The cached sets a choice is made on: every set but realmt dev."""
    return {k: Arrays(v, grammar) for k, v in data["sets"].items() if k != "realmt dev"}


def candidates(data: dict[str, Any], grammar: bool, fixed: dict[str, float] | None = None,
               values: dict[str, tuple[float, ...]] | None = None,
               ) -> tuple[list[tuple[dict[str, float], dict[str, float]]], Any]:
    """Every grid point that meets the seed must-holds (at the scale :func:`seed_scale` picks), with
    its fitting figures; and the realmt dev arrays (printed beside a choice, never used for it).
    ``fixed`` holds parameters at one value, ``values`` replaces a parameter's grid values."""
    import itertools

    arrays = fitting_arrays(data, grammar)
    dev = {"realmt dev": Arrays(data["sets"]["realmt dev"], grammar)}
    grid = {k: (values or {}).get(k, v) for k, v in GRID.items()}
    grid = {k: ((fixed or {})[k],) if k in (fixed or {}) else v for k, v in grid.items()}
    if not grammar:
        grid["lt_alone"] = (1.0,)  # no LanguageTool findings: the factor changes nothing
    keys = list(grid)
    results = []
    for values in itertools.product(*grid.values()):
        q = dict(zip(keys, values, strict=True))
        if q["length"] == 0 and q["exponent"] != 1.0:
            continue
        q["scale"] = seed_scale(arrays["seeds"], q) or 0.0
        if q["scale"]:
            results.append((q, figures(arrays, q)))
    return results, dev


def choose(results: list[tuple[dict[str, float], dict[str, float]]],
           room: float, item_weight: float | None = None) -> list[tuple[dict[str, float], dict[str, float]]]:
    """Of the candidates whose realmt TRAIN AUC is within ``room`` of the best, those within :data:`TIE`
    of the best dev objective, best realmt train AUC first."""
    best_auc = max(f["realmt train AUC"] for _, f in results)
    ok = [(q, f) for q, f in results if f["realmt train AUC"] >= best_auc - room]
    top = max(objective(f, item_weight) for _, f in ok)
    ok = [qf for qf in ok if objective(qf[1], item_weight) >= top - TIE]  # a near-tie on the objective is noise:
    ok.sort(key=lambda qf: -qf[1]["realmt train AUC"])  # of those, the best realmt train AUC
    return ok


def fit(data: dict[str, Any], grammar: bool, room: float, fixed: dict[str, float] | None = None,
        item_weight: float | None = None, values: dict[str, tuple[float, ...]] | None = None) -> None:
    """Grid search: of the candidates that meet the seed must-holds and whose realmt TRAIN AUC is
    within ``room`` of the best, the best dev objective. realmt dev figures are printed, never used."""
    results, dev = candidates(data, grammar, fixed, values)
    for q, f in choose(results, room, item_weight)[:5]:
        f.update(figures(dev, q))
        shown = {k: round(v, 4) for k, v in q.items()}
        print(json.dumps(shown), f"objective {objective(f, item_weight):.4f}",
              " ".join(f"{k}={v:.3f}" for k, v in f.items()))


FRONTIER_ROOMS = (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 1.0)


def frontier(data: dict[str, Any], grammar: bool, item_weight: float | None = None,
             values: dict[str, tuple[float, ...]] | None = None) -> None:
    """The trade-off between separating garbled MT from professional news (realmt train AUC) and
    ranking MQM segments (the dev objective): the choice :func:`fit` makes at each ``room``. The item
    columns are the harness's item-grouped τ_b and, in brackets, the coverage-adjusted one (:class:`Grouped`)."""
    results, dev = candidates(data, grammar, values=values)
    print("| room | realmt train AUC | dev objective | zh-en 2020 flat | TED 2021 flat | MLQE dev | "
          "zh-en 2020 item (cov) | TED 2021 item (cov) | realmt dev AUC | centre | detector | per_word | length "
          "| rule | major | shape |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for room in FRONTIER_ROOMS:
        q, f = choose(results, room, item_weight)[0]
        d = figures(dev, q)
        print(f"| {room} | {f['realmt train AUC']:.3f} | {objective(f, item_weight):.3f} | "
              f"{f['zh-en 2020 flat']:.3f} | {f['zh-en TED 2021 flat']:.3f} | {f['mlqe dev flat']:.3f} | "
              f"{f['zh-en 2020 item']:+.3f} ({f['zh-en 2020 item cov']:+.3f}) | "
              f"{f['zh-en TED 2021 item']:+.3f} ({f['zh-en TED 2021 item cov']:+.3f}) | {d['realmt dev AUC']:.3f} | "
              f"{q['centre']} | {q['detector']} | {q['per_word']} | {q['length']} | {q['rule']} | {q['major']} | {q['shape']} |")


# -- nested cross-validation of selection rules over realmt train (session 26) ---------------------------
#: The candidate selection rules, fixed before ``nested`` was first run (bench/RESULTS.md, session 26):
#: ``room R``: :func:`choose` (realmt train AUC within R of the best, then the best objective; R 0.01 is the rule
#: of weights 4.0-4.4); ``mu M``: the largest ``objective + M * realmt train AUC``; ``floor L``: the best realmt
#: train AUC of the points whose objective is at most L below the shipped weights' (the objective breaks ties).
NESTED_RULES: tuple[tuple[str, str, float], ...] = (
    ("room 0.01", "room", 0.01),
    ("room 0", "room", 0.0),
    ("mu 0.1", "mu", 0.1),
    ("mu 0.25", "mu", 0.25),
    ("mu 0.5", "mu", 0.5),
    ("mu 1", "mu", 1.0),
    ("mu 2", "mu", 2.0),
    ("floor 0.02", "floor", 0.02),
)
#: The pre-registered loss: a rule qualifies when its full-train choice's objective is at most this below the
#: shipped weights' (about 10 x :data:`TIE`, an eighth of 4.4's objective).
NESTED_LOSS = 0.02


def auc_rows(mt: Any, pro: Any) -> Any:
    """Mann–Whitney AUC (professional above MT, ties half: :func:`eval_realmt.auc`) of each row of the score
    matrices ``mt`` (points × MT rows) and ``pro`` (points × professional rows)."""
    import numpy as np
    from scipy.stats import rankdata

    mt, pro = np.atleast_2d(mt), np.atleast_2d(pro)
    m, n = mt.shape[1], pro.shape[1]
    if not m or not n:
        return np.full(mt.shape[0], np.nan)
    ranks = rankdata(np.concatenate([mt, pro], axis=1), axis=1)
    return (ranks[:, m:].sum(axis=1) - n * (n + 1) / 2) / (m * n)


def pick(kind: str, value: float, aucs: Any, objs: Any, ref: float) -> int:
    """The index of the grid point a rule chooses, from each point's realmt AUC and objective; ``ref``: the
    shipped weights' objective (``floor``). Exact ties go to the first point."""
    import numpy as np

    aucs, objs = np.asarray(aucs, float), np.asarray(objs, float)
    if kind == "room":  # as choose(): AUC within room, objective within TIE of the best of those, best AUC
        ok = aucs >= aucs.max() - value
        ok &= objs >= objs[ok].max() - TIE
        return int(np.flatnonzero(ok)[np.argmax(aucs[ok])])
    if kind == "mu":
        total = objs + value * aucs
        best = np.flatnonzero(total >= total.max() - 1e-12)
        return int(best[np.argmax(aucs[best])])
    if kind == "floor":
        ok = objs >= ref - value
        if not ok.any():
            ok = objs >= objs.max()
        best = np.flatnonzero(ok & (aucs >= aucs[ok].max()))
        return int(best[np.argmax(objs[best])])
    raise ValueError(f"unknown rule kind {kind!r}")


def nested_cv(scores: Any, kind: Any, fold: Any, objs: Any, ref: float,
              rules: tuple[tuple[str, str, float], ...] = NESTED_RULES) -> dict[str, dict[str, Any]]:
    """Nested cross-validation of selection rules: ``scores`` (grid points × realmt train rows) the fluency of
    each row under each point, ``kind`` each row's ``mt``/``pro``/``corr``, ``fold`` its leave-languages-out
    fold, ``objs`` each point's fitting objective. For each fold, each rule chooses a point on the OTHER folds'
    rows; the fold's rows are scored by that choice (held-out AUC per fold, and pooled over folds into one
    out-of-fold AUC). ``full``: the rule's choice on every row."""
    import numpy as np

    scores, kind, fold = np.asarray(scores, float), np.asarray(kind), np.asarray(fold)
    mt, pro = kind == "mt", kind == "pro"
    folds = sorted(set(fold[mt | pro].tolist()))
    inner = {k: auc_rows(scores[:, (fold != k) & mt], scores[:, (fold != k) & pro]) for k in folds}
    full_auc = auc_rows(scores[:, mt], scores[:, pro])
    out: dict[str, dict[str, Any]] = {}
    for name, rkind, value in rules:
        pooled = np.full(scores.shape[1], np.nan)
        per_fold = []
        for k in folds:
            i = pick(rkind, value, inner[k], objs, ref)
            held = fold == k
            pooled[held] = scores[i, held]
            per_fold.append({"fold": k, "point": i, "inner_auc": float(inner[k][i]),
                             "held_auc": float(auc_rows(scores[i, held & mt], scores[i, held & pro])[0])})
        j = pick(rkind, value, full_auc, objs, ref)
        out[name] = {"folds": per_fold, "oof_auc": float(auc_rows(pooled[mt], pooled[pro])[0]), "pooled": pooled,
                     "full": j, "full_auc": float(full_auc[j]), "objective": float(objs[j])}
    return out


def preregistered(res: dict[str, dict[str, Any]], ref: float, loss: float = NESTED_LOSS) -> str | None:
    """The pre-registered rule: the best nested out-of-fold AUC among the rules whose full-train objective is
    at most ``loss`` below ``ref`` (the higher objective breaks an exact tie); None when no rule qualifies."""
    ok = [name for name, r in res.items() if r["objective"] >= ref - loss - 1e-12]
    if not ok:
        return None
    return max(ok, key=lambda n: (res[n]["oof_auc"], res[n]["objective"]))


def shipped_point() -> dict[str, float]:
    """The shipped weights as a grid point (:data:`GRID` keys, min_words and scale)."""
    from mtfix.scoring.fluency import default_weights

    w = default_weights()
    return {"centre": w.detector_centre, "detector": w.detector, "per_word": w.detector_per_word,
            "length": w.length_points, "exponent": w.length_exponent, "lt_alone": w.alone.get("lt", 1.0),
            "glossary_alone": w.alone.get("glossary", 1.0), "min_words": w.min_words, "scale": w.scale,
            "rule": w.origin.get("rule", 1.0), "major": w.severity["major"], "shape": w.detector_shape}


def nested(data: dict[str, Any], grammar: bool, fixed: dict[str, float] | None = None,
           item_weight: float | None = None, values: dict[str, tuple[float, ...]] | None = None,
           loss: float = NESTED_LOSS) -> None:
    """Print :func:`nested_cv` over the grid for every rule of :data:`NESTED_RULES`, the fitting figures of
    each rule's full-train choice, and the pre-registered rule's weights. realmt dev is never read."""
    import numpy as np

    rows = data["sets"]["realmt train"]
    if any("fold" not in r for r in rows):
        raise SystemExit("score_design: the realmt train rows carry no fold: collect with --oof")
    results, _ = candidates(data, grammar, fixed, values)
    train = Arrays(rows, grammar)
    scores = np.array([train.fluency(q) for q, _ in results])
    objs = np.array([objective(f, item_weight) for _, f in results])
    arrays = fitting_arrays(data, grammar)
    base = figures(arrays, shipped_point())
    ref = objective(base, item_weight)
    res = nested_cv(scores, [r["kind"] for r in rows], [r["fold"] for r in rows], objs, ref)
    mt = np.array([r["kind"] == "mt" for r in rows])
    pro = np.array([r["kind"] == "pro" for r in rows])
    fold = np.array([r["fold"] for r in rows])
    shipped = train.fluency(shipped_point())
    held = [auc_rows(shipped[(fold == k) & mt], shipped[(fold == k) & pro])[0] for k in sorted(set(fold.tolist()))]
    print(f"{len(results)} grid points meet the seed must-holds; objective of the shipped weights {ref:.4f}")
    print("| rule | nested OOF AUC | held-out AUC per fold | full-train AUC | objective | zh-en 2020 flat | "
          "TED 2021 flat | MLQE-PE dev flat | zh-en 2020 item (cov) | TED 2021 item (cov) | full-train choice |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")

    def row(name: str, oof: float, per: list[float], f: dict[str, float], q: dict[str, float], obj: float) -> None:
        shown = ", ".join(f"{k} {q[k]:g}" for k in ("centre", "detector", "per_word", "length", "rule", "major"))
        print(f"| {name} | {oof:.3f} | {' '.join(f'{x:.3f}' for x in per)} | {f['realmt train AUC']:.3f} | "
              f"{obj:.4f} | {f['zh-en 2020 flat']:.3f} | {f['zh-en TED 2021 flat']:.3f} | {f['mlqe dev flat']:.3f} | "
              f"{f['zh-en 2020 item']:+.3f} ({f['zh-en 2020 item cov']:+.3f}) | "
              f"{f['zh-en TED 2021 item']:+.3f} ({f['zh-en TED 2021 item cov']:+.3f}) | {shown}, scale {q['scale']:.4f} |")

    row("shipped (no selection)", base["realmt train AUC"], held, base, shipped_point(), ref)
    for name, r in res.items():
        q, f = results[r["full"]]
        row(name, r["oof_auc"], [x["held_auc"] for x in r["folds"]], f, q, r["objective"])
    print()
    for name, r in res.items():
        chosen = [results[x["point"]][0] for x in r["folds"]]
        print(f"{name}: per-fold choices " + "; ".join(
            f"{x['fold']}: c{q['centre']:g} d{q['detector']:g} pw{q['per_word']:g} r{q['rule']:g} m{q['major']:g}"
            for x, q in zip(r["folds"], chosen, strict=True)))
    # how far apart the rules are: the pooled out-of-fold AUC's difference from today's rule (room 0.01),
    # 95 % interval over 2,000 resamples of the MT and professional rows (paired: the same rows for both)
    rng = np.random.default_rng(11)
    imt, ipro = np.flatnonzero(mt), np.flatnonzero(pro)
    draws = [(rng.choice(imt, imt.size), rng.choice(ipro, ipro.size)) for _ in range(2000)]
    base_rule = res[NESTED_RULES[0][0]]["pooled"]
    print()
    for name, r in res.items():
        diffs = np.array([auc_rows(r["pooled"][a], r["pooled"][b])[0] - auc_rows(base_rule[a], base_rule[b])[0]
                          for a, b in draws])
        lo, hi = np.percentile(diffs, [2.5, 97.5])
        print(f"{name}: nested OOF AUC {r['oof_auc']:.4f}, minus {NESTED_RULES[0][0]}'s "
              f"{r['oof_auc'] - res[NESTED_RULES[0][0]]['oof_auc']:+.4f} (95 % {lo:+.4f} to {hi:+.4f}); "
              f"full-train objective {r['objective']:.4f}")
    choice = preregistered(res, ref, loss)
    print()
    if choice is None:
        print(f"no rule's objective is within {loss} of the shipped weights' ({ref:.4f})")
        return
    q, f = results[res[choice]["full"]]
    print(f"pre-registered rule (best nested OOF AUC, objective >= {ref:.4f} - {loss}): {choice}")
    print(json.dumps({k: round(v, 4) for k, v in q.items()}), f"objective {res[choice]['objective']:.4f}")


def _grid_values(items: list[str]) -> dict[str, tuple[float, ...]]:
    """``KEY=V1,V2`` options as grid values (unknown keys are an error)."""
    out: dict[str, tuple[float, ...]] = {}
    for item in items:
        key, _, vals = item.partition("=")
        if key not in GRID:
            raise SystemExit(f"score_design: unknown grid key {key!r} (one of {', '.join(GRID)})")
        out[key] = tuple(float(v) for v in vals.split(","))
    return out


def load_cache(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--grammar", choices=("off", "required"), default="off")
    c.add_argument("--mqm-items", type=int, default=0, help="source segments of zh-en 2020 (0: all)")
    c.add_argument("--ted-items", type=int, default=0, help="source segments of TED 2021 (0: all)")
    c.add_argument("--pe-limit", type=int, default=0, help="records of each MLQE-PE dev file (0: all)")
    c.add_argument("--data", default=None)
    c.add_argument("--out", type=Path, default=DEFAULT_CACHE)
    c.add_argument("--seeds-only", action="store_true", help="only the seed documents (to add to a cache)")
    c.add_argument("--realmt-only", action="store_true", help="only the seeds and realmt (to add to a cache)")
    c.add_argument("--oof", type=Path, default=None,
                   help="realmt train's detector probabilities out of fold, from "
                        "python bench/train_detector.py --realmt-oof (refused if computed for another model)")
    e = sub.add_parser("evaluate")
    e.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    e.add_argument("--weights", type=Path, default=None, help="a weights.yaml (default: the shipped one)")
    f = sub.add_parser("fit")
    f.add_argument("--cache", type=Path, action="append", required=True, help="cache(s) from collect, merged")
    f.add_argument("--grammar", action="store_true", help="count LanguageTool's findings")
    f.add_argument("--room", type=float, default=0.01, help="realmt train AUC allowed below the best")
    f.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="hold a parameter fixed")
    fr = sub.add_parser("frontier", help="the fit's choice at each room: realmt AUC against MQM τ_b")
    fr.add_argument("--cache", type=Path, action="append", required=True, help="cache(s) from collect, merged")
    fr.add_argument("--grammar", action="store_true", help="count LanguageTool's findings")
    n = sub.add_parser("nested", help="nested cross-validation of selection rules over realmt train's folds")
    n.add_argument("--cache", type=Path, action="append", required=True,
                   help="cache(s) from collect, merged; realmt train from collect --oof (its rows carry folds)")
    n.add_argument("--grammar", action="store_true", help="count LanguageTool's findings")
    n.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="hold a parameter fixed")
    n.add_argument("--loss", type=float, default=NESTED_LOSS,
                   help="objective a rule may lose against the shipped weights' and qualify")
    for sp in (f, fr, n):
        sp.add_argument("--grid", action="append", default=[], metavar="KEY=V1,V2",
                        help="replace a parameter's grid values (the full grid takes hours on 2 cores)")
        sp.add_argument("--item-weight", type=float, default=None,
                        help="weight of the mean coverage-adjusted item-grouped τ_b (zh-en 2020, TED 2021) "
                             f"in the objective (default {ITEM_WEIGHT})")
    args = ap.parse_args(argv)
    if args.cmd == "frontier":
        merged_f: dict[str, Any] = {"sets": {}}
        for path in args.cache:
            merged_f["sets"].update(load_cache(path)["sets"])
        frontier(merged_f, args.grammar, args.item_weight, _grid_values(args.grid))
        return
    if args.cmd == "nested":
        merged_n: dict[str, Any] = {"sets": {}}
        for path in args.cache:
            merged_n["sets"].update(load_cache(path)["sets"])
        fixed_n = {k: float(v) for k, v in (kv.split("=", 1) for kv in args.set)}
        nested(merged_n, args.grammar, fixed_n, args.item_weight, _grid_values(args.grid), args.loss)
        return
    if args.cmd == "fit":
        merged: dict[str, Any] = {"sets": {}}
        for path in args.cache:
            merged["sets"].update(load_cache(path)["sets"])
        fixed = {k: float(v) for k, v in (kv.split("=", 1) for kv in args.set)}
        fit(merged, args.grammar, args.room, fixed, args.item_weight, _grid_values(args.grid))
        return
    if args.cmd == "collect":
        collect(args)
        return
    import yaml

    from mtfix.grammar.scoring import scoring_table
    from mtfix.scoring.fluency import default_weights, weights_from_mapping, with_lt_classes

    w = (with_lt_classes(weights_from_mapping(yaml.safe_load(args.weights.read_text())), scoring_table().factors)
         if args.weights else default_weights())
    data = load_cache(args.cache)
    for grammar in (False, True) if data["grammar"] != "off" else (False,):
        print(f"grammar {'on' if grammar else 'off'}")
        for k, v in evaluate(data, w, grammar).items():
            print(f"  {k:32s} {v:.3f}")


if __name__ == "__main__":
    main()
