"""A candidate sign for calques, measured and not adopted (sessions 44 and 46, overfitting audit rounds 18–19, issue 11).

Calques are the error class the probes of our own miss most (19 of 138 probe sentences labelled ``calque_idiom``
get no finding) and the second most of realmt train out of fold (15 of 69 below the minor threshold).  The
candidate: a word-bigram log-odds of realmt train's MT against its human corrections (the word pairs editors
remove), add-one smoothed, a sentence's score the mean log-odds of its bigrams, standardised by the fitted rows'
SD and added at weight 1 to the logit of the detector's probability.  Reported: realmt train's AUC out of fold
(the six language folds of ``bench/realmt_train_oof.json``: each fold's score fitted on the other five), and each
probe's AUC (fitted on all of realmt train) with and without the candidate.  Fits realmt train only; reads no
MQM, he-en or MLQE-PE data.

``--fit mlqe`` (session 46): the same measure fitted once on the MLQE-PE **train** splits of the five into-English
pairs (MT against its post-edit: 35,000 pairs, a development benchmark), so that realmt train, realmt dev and every
probe are out of sample for it; realmt train's p is still the OOF file's.  Reads no MQM 2023, he-en, MLQE-PE dev,
test or test21 data.

``--fit mqm2020`` (session 48): the same measure fitted once on in-domain news, MQM zh-en 2020 (WMT20, a development
benchmark): each MT system's segment a rater marked with a major ``Accuracy/Mistranslation`` error (9,466) against
its reference.  :func:`report` is shared with ``bench/sense_confusion.py``.  Run::

    MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/calque_bigrams.py [--shared ../shared] [--fit realmt|mlqe|mqm2020]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))
sys.path.append(str(ROOT / "bench"))

from bench.eval_data import SHARED_HELP, read_jsonl, require_shared, shared_dir  # noqa: E402

WEIGHT = 1.0  # fixed before the run (bench/RESULTS.md, session 44): no weight is searched


def bigrams(text: str) -> list[tuple[str, str]]:
    """The lower-cased word bigrams of ``text``, with sentence-start and -end marks."""
    words = ["<s>", *re.findall(r"[a-z0-9']+", text.lower()), "</s>"]
    return list(zip(words, words[1:], strict=False))


class Bigrams:
    """Add-one log-odds of a bigram in MT against in its correction, fitted on (MT, correction) pairs."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.mt, self.ok = Counter(), Counter()
        for mt, corr in pairs:
            self.mt.update(bigrams(mt))
            self.ok.update(bigrams(corr))
        self.n_mt, self.n_ok = sum(self.mt.values()), sum(self.ok.values())
        self.vocab = len(set(self.mt) | set(self.ok)) + 1
        rows = [self.raw(t) for pair in pairs for t in pair]
        mean = sum(rows) / len(rows)
        self.sd = math.sqrt(sum((x - mean) ** 2 for x in rows) / len(rows)) or 1.0

    def raw(self, text: str) -> float:
        grams = bigrams(text)
        return sum(math.log((self.mt[g] + 1) / (self.n_mt + self.vocab)) - math.log((self.ok[g] + 1) / (self.n_ok + self.vocab))
                   for g in grams) / len(grams)

    def score(self, text: str) -> float:
        return self.raw(text) / self.sd


MLQE_PAIRS = ("et", "ne", "ro", "ru", "si")


def mlqe_train_pairs(benchmarks: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(MT, post-edit) of the MLQE-PE train splits into English (``mlqe-pe-<xx>-en-train.jsonl.gz``), the first
    ``limit`` of each pair's file when given."""
    pairs = []
    for lang in MLQE_PAIRS:
        with gzip.open(benchmarks / f"mlqe-pe-{lang}-en-train.jsonl.gz", "rt", encoding="utf-8") as f:
            pairs += [(r["mt"], r["pe"]) for r in map(json.loads, f) if r.get("mt") and r.get("pe")][:limit]
    return pairs


def mqm2020_pairs(benchmarks: Path) -> list[tuple[str, str]]:
    """(MT, reference) of MQM zh-en 2020 (WMT20 news, a development benchmark) for each MT system's segment that a
    rater marked with a major ``Accuracy/Mistranslation`` error (session 48: news MT's wrong senses)."""
    pairs = []
    with gzip.open(benchmarks / "mqm-zh-en-2020.jsonl.gz", "rt", encoding="utf-8") as f:
        for r in map(json.loads, f):
            if r.get("is_human") or not r.get("target") or not r.get("reference"):
                continue
            if any(e.get("category") == "Accuracy/Mistranslation" and e.get("severity") == "Major"
                   for e in r.get("errors") or ()):
                pairs.append((r["target"], r["reference"]))
    return pairs


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def main(argv: list[str] | None = None) -> int:
    from score_design import text_key

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--fit", choices=("realmt", "mlqe", "mqm2020"), default="realmt",
                    help="fit on realmt train per fold (session 44), once on MLQE-PE train (session 46) or once on "
                         "MQM zh-en 2020's mistranslated news MT against its references (session 48)")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    realmt = require_shared(shared, "realmt/real_mt_train.jsonl", "calque_bigrams").parent
    fitted = {"mlqe": mlqe_train_pairs, "mqm2020": mqm2020_pairs}.get(args.fit)
    benchmarks = require_shared(shared, "benchmarks", "calque_bigrams") if fitted else shared / "benchmarks"
    mlqe = Bigrams(fitted(benchmarks)) if fitted else None  # fitted once, out of sample for realmt and the probes
    oof = read_oof()
    mt_rows = read_jsonl(realmt / "real_mt_train.jsonl")
    fold = {r["id"]: oof[text_key(r["text"])]["fold"] for r in mt_rows}
    models = {k: mlqe or Bigrams([(r["text"], r["correction"]) for r in mt_rows if fold[r["id"]] != k])
              for k in sorted(set(fold.values()))}
    report(models, mlqe or Bigrams([(r["text"], r["correction"]) for r in mt_rows]), realmt)
    return 0


class Scorer(Protocol):
    """A candidate: a sentence's standardised score, higher for MT."""

    def score(self, text: str) -> float: ...


def read_oof() -> dict[str, dict]:
    """The detector's out-of-fold probability and language fold of each realmt train row, by text key."""
    return json.loads((ROOT / "bench" / "realmt_train_oof.json").read_text(encoding="utf-8"))["rows"]


def report(models: dict[int, Scorer], full: Scorer, realmt: Path) -> None:
    """Print the candidate's AUCs alone and added to the detector's logit at :data:`WEIGHT`: realmt train out of fold
    (``models`` by the OOF file's fold), realmt dev and every probe (``full``), with paired bootstrap intervals."""
    from eval_realmt import auc
    from probes_pooled import WRITERS, writer_of
    from score_design import text_key

    oof = read_oof()
    mt_rows, pro_rows = read_jsonl(realmt / "real_mt_train.jsonl"), read_jsonl(realmt / "clean_news_train.jsonl")
    halves: dict[str, tuple[list[float], list[float]]] = {"p": ([], []), "candidate": ([], []), "p + candidate": ([], [])}
    for rows, half in ((mt_rows, 0), (pro_rows, 1)):
        for r in rows:
            row = oof[text_key(r["text"])]
            p, c = row["p"], models[row["fold"]].score(r["text"])
            for name, v in (("p", logit(p)), ("candidate", c), ("p + candidate", logit(p) + WEIGHT * c)):
                halves[name][half].append(-v)  # eval_realmt.auc: the first half lower
    print("realmt train, out of fold (228 MT against 109 professional news):")
    for name, (m, q) in halves.items():
        print(f"  {name}: AUC {auc(m, q):.4f}")
    dev = score_rows(full, read_jsonl(realmt / "real_mt_dev.jsonl"), read_jsonl(realmt / "clean_news_dev.jsonl"))
    print(f"\nrealmt dev ({len(dev['p'][0])} MT / {len(dev['p'][1])} pro): AUC of p {auc(*dev['p']):.4f}, "
          f"candidate {auc(*dev['c']):.4f}, p + candidate {auc(*dev['pc']):.4f}")
    print("\n| probe | MT | pro | AUC of p | AUC of candidate | AUC of p + candidate |\n|---|---|---|---|---|---|")
    pooled: dict[str, dict[str, tuple[list[float], list[float]]]] = {}
    for d in sorted((ROOT / "bench" / "data").glob("probe_s*")):
        writer = writer_of(d.name)
        per = score_rows(full, read_jsonl(d / "real_mt_probe.jsonl"), read_jsonl(d / "clean_news_probe.jsonl"))
        for group in (writer, "all") if writer in ("old", "new", "third") else (writer,):  # "all": s30–s44b
            for name, (m, q) in per.items():
                pool = pooled.setdefault(group, {}).setdefault(name, ([], []))
                pool[0].extend(m)
                pool[1].extend(q)
        print(f"| {d.name} | {len(per['p'][0])} | {len(per['p'][1])} | "
              + " | ".join(f"{auc(*per[k]):.3f}" for k in ("p", "c", "pc")) + " |")
    for group in [g for g in ("old", "new", "third", "all", *(w for w, _ in WRITERS[2:])) if g in pooled]:
        g = pooled[group]
        print(f"| **{group}** | {len(g['p'][0])} | {len(g['p'][1])} | "
              + " | ".join(f"{auc(*g[k]):.3f}" for k in ("p", "c", "pc")) + " |")
    lo, hi = paired_interval(auc, pooled["all"]["p"], pooled["all"]["pc"])
    print(f"\nall probes, p + candidate minus p: 95 % paired bootstrap interval {lo:+.3f} to {hi:+.3f}")
    lo, hi = paired_interval(auc, halves["p"], halves["p + candidate"])
    print(f"realmt train out of fold, p + candidate minus p: 95 % paired bootstrap interval {lo:+.4f} to {hi:+.4f}")


def score_rows(bigrams: Scorer, mt_rows: list[dict], pro_rows: list[dict]) -> dict[str, tuple[list[float], list[float]]]:
    """The negated scores of MT and professional rows ("p": the detector's logit, "c": the candidate's score, "pc":
    their sum at :data:`WEIGHT`), MT first (eval_realmt.auc: the first half lower)."""
    from mtfix.garble.checker import probability

    out: dict[str, tuple[list[float], list[float]]] = {"p": ([], []), "c": ([], []), "pc": ([], [])}
    for rows, half in ((mt_rows, 0), (pro_rows, 1)):
        for r in rows:
            p, c = logit(probability(r["text"]) or 0.0), bigrams.score(r["text"])
            for name, v in (("p", p), ("c", c), ("pc", p + WEIGHT * c)):
                out[name][half].append(-v)
    return out


def paired_interval(auc, a: tuple[list[float], list[float]], b: tuple[list[float], list[float]],
                    draws: int = 1000) -> tuple[float, float]:
    """The 95 % bootstrap interval of AUC(b) - AUC(a), the same rows drawn for both (2 halves resampled apart)."""
    import random

    rng = random.Random(1)
    diffs = []
    for _ in range(draws):
        i = [rng.randrange(len(a[0])) for _ in a[0]]
        j = [rng.randrange(len(a[1])) for _ in a[1]]
        ours, base = [([h[0][k] for k in i], [h[1][k] for k in j]) for h in (b, a)]
        diffs.append(auc(*ours) - auc(*base))
    diffs.sort()
    return diffs[int(0.025 * draws)], diffs[int(0.975 * draws) - 1]


if __name__ == "__main__":
    raise SystemExit(main())
