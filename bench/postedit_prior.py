"""A target-side lexical prior learnt from post-editors (session 53, issue 11; a study, not shipped).

The class: English words and word pairs that post-editors remove or replace far more often than they keep, across
source languages (calque verbs such as "realize" for "carry out", stock MT phrases, wrong collocates).  Learnt from
MLQE-PE **train** only (et, ne, ro, ru, si → en): each MT is aligned to its post-edit with :mod:`difflib` over
lower-cased word tokens; an MT token inside an equal block is *kept*, any other is *touched* (removed or replaced).
A bigram is kept when both its words lie in one equal block.  Per word (and bigram) a smoothed kept rate
``(kept + A·p0) / (seen + A)`` (``p0`` the pooled kept rate, ``A`` = :data:`PRIOR`) gives a log-odds against
``p0``; a sentence's signal is the negated mean (and the negated minimum) of those log-odds over its content words
(not :data:`FUNCTION_WORDS`); an unseen word counts 0.  Higher = more like what post-editors touch.

Measured (fitting data only): leave one source language out (fit on four languages' train, AUC of each fifth
language's **dev** MT over the post-edit made of it, and the same with the MT rows that were edited, HTER > 0);
then realmt **train** MT against professional news at matched length (AUC within length quartiles) and each MT
against its own correction (share above).  Nothing here reads MLQE-PE test/test21, MQM 2023, he-en, the probes
or realmt dev.

    PYTHONPATH=$PWD python bench/postedit_prior.py [--shared ../shared] [--prior 20] [--min-seen 5]
    PYTHONPATH=$PWD python bench/postedit_prior.py --write FILE   # the word table a candidate feature read

Verdict (session 53, ``bench/RESULTS.md``): the prior predicts *how much* an MT will be edited (Spearman with HTER
+0.17 to +0.21 in every held-out language) but not *which* text is the MT: each language's MT beside its own
post-edit stays at chance (0.49-0.54), and realmt train MT scores below its own correction (0.454); its 0.653 on
realmt MT against professional news is register, not error.  Refitted as a candidate feature (the mean over
content words, read from ``--write``'s table) it raised realmt dev AUC and train OOF AUC but flagged fewer dev MT
at matched fluent rates and lost on the oldest probes: not adopted, nothing shipped.
"""

from __future__ import annotations

import argparse
import difflib
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the tree measured is the one PYTHONPATH names
sys.path.append(str(ROOT / "bench"))

from bench.eval_data import SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402
from bench.length_matched_lexical import FUNCTION_WORDS, above, auc, quartile_auc  # noqa: E402

LANGS: tuple[str, ...] = ("et", "ne", "ro", "ru", "si")
#: Pseudo-count pulling a word's kept rate toward the pooled rate.
PRIOR = 20.0
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def words(text: str) -> list[str]:
    """Lower-cased letter runs (digits and punctuation left out)."""
    return [w.lower() for w in _WORD.findall(text)]


class Counts:
    """Kept / seen counts of words and bigrams over MT aligned to its post-edit."""

    def __init__(self) -> None:
        self.kept: Counter[str] = Counter()
        self.seen: Counter[str] = Counter()

    def add(self, mt: str, pe: str) -> None:
        """Count the MT's words and bigrams as kept or touched by the post-edit."""
        a, b = words(mt), words(pe)
        block = [-1] * len(a)
        for n, m in enumerate(difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()):
            for i in range(m.a, m.a + m.size):
                block[i] = n
        for i, w in enumerate(a):
            self.seen[w] += 1
            self.kept[w] += block[i] >= 0
        for i in range(len(a) - 1):
            key = a[i] + " " + a[i + 1]
            self.seen[key] += 1
            self.kept[key] += block[i] >= 0 and block[i] == block[i + 1]

    def log_odds(self, prior: float, min_seen: int) -> dict[str, float]:
        """Smoothed log-odds of being kept against the pooled rate, per item seen at least ``min_seen`` times."""
        uni = [k for k in self.seen if " " not in k]
        p0 = sum(self.kept[k] for k in uni) / sum(self.seen[k] for k in uni)
        base = math.log(p0 / (1 - p0))
        out = {}
        for k, n in self.seen.items():
            if n >= min_seen:
                p = (self.kept[k] + prior * p0) / (n + prior)
                out[k] = math.log(p / (1 - p)) - base
        return out


def signals(text: str, table: dict[str, float]) -> dict[str, float]:
    """The sentence's signals (higher = more touched by post-editors); 0 where nothing is known."""
    ws = words(text)
    uni = [table.get(w, 0.0) for w in ws if w not in FUNCTION_WORDS]
    bi = [table.get(a + " " + b, 0.0) for a, b in zip(ws, ws[1:], strict=False)
          if not (a in FUNCTION_WORDS and b in FUNCTION_WORDS)]
    known = [table[w] for w in ws if w not in FUNCTION_WORDS and w in table]
    content = sum(w not in FUNCTION_WORDS for w in ws)
    return {"uni_mean": -float(np.mean(uni)) if uni else 0.0, "uni_min": -min(uni, default=0.0),
            "known_mean": -float(np.mean(known)) if known else 0.0,
            "unknown_share": 1 - len(known) / content if content else 0.0,
            "bi_mean": -float(np.mean(bi)) if bi else 0.0, "bi_min": -min(bi, default=0.0),
            "words": float(len(ws))}


def fit(records: Iterable[dict]) -> Counts:
    counts = Counts()
    for r in records:
        counts.add(r["mt"], r["pe"])
    return counts


KEYS = ("uni_mean", "uni_min", "known_mean", "unknown_share", "bi_mean", "bi_min")


def report(shared: Path, prior: float, min_seen: int) -> None:
    from scipy.stats import spearmanr

    bench = shared / "benchmarks"
    train = {lang: read_jsonl(bench / f"mlqe-pe-{lang}-en-train.jsonl.gz") for lang in LANGS}
    dev = {lang: read_jsonl(bench / f"mlqe-pe-{lang}-en-dev.jsonl") for lang in LANGS}
    print(f"prior {prior}, min seen {min_seen}")
    print("leave one language out: fit on four languages' train, AUC of the fifth's dev MT over its post-edit "
          "(all rows | rows with HTER > 0)")
    for held in LANGS:
        table = fit(r for lang in LANGS if lang != held for r in train[lang]).log_odds(prior, min_seen)
        mt = [signals(r["mt"], table) for r in dev[held]]
        pe = [signals(r["pe"], table) for r in dev[held]]
        edited = [i for i, r in enumerate(dev[held]) if r["mt"] != r["pe"]]
        cells = [f"{k} {auc([m[k] for m in mt], [p[k] for p in pe]):.3f}|"
                 f"{auc([mt[i][k] for i in edited], [pe[i][k] for i in edited]):.3f}" for k in KEYS]
        print(f"  {held}: " + "  ".join(cells))
        rho = [spearmanr([m[k] for m in mt], [r["hter"] for r in dev[held]])[0] for k in KEYS]
        print("      Spearman with the dev MT's HTER: "
              + "  ".join(f"{k} {v:+.3f}" for k, v in zip(KEYS, rho, strict=True)))
    table = fit(r for lang in LANGS for r in train[lang]).log_odds(prior, min_seen)
    print(f"table over all five languages: {len(table)} items seen ≥ {min_seen}")
    mt_rows = read_jsonl(shared / "realmt" / "real_mt_train.jsonl")
    pro_rows = read_jsonl(shared / "realmt" / "clean_news_train.jsonl")
    rows = [{**signals(r["text"], table), "y": 1} for r in mt_rows] + [
        {**signals(r["text"], table), "y": 0} for r in pro_rows]
    mt = [r for r in rows if r["y"] == 1]
    fixed = [signals(r["correction"], table) for r in mt_rows]
    print(f"realmt train: {len(mt_rows)} MT, {len(pro_rows)} professional")
    for k in KEYS:
        pos = [r[k] for r in rows if r["y"] == 1]
        neg = [r[k] for r in rows if r["y"] == 0]
        print(f"  {k}: AUC MT vs professional {auc(pos, neg):.3f}, within length quartiles "
              f"{quartile_auc(rows, k):.3f}; MT above its correction {above(mt, fixed, k):.3f}")


def write_table(shared: Path, out: Path, prior: float, min_seen: int) -> None:
    """The content words' log-odds of being kept (three decimals, non-zero only), sorted: a data file for a
    candidate feature."""
    bench = shared / "benchmarks"
    counts = fit(r for lang in LANGS for r in read_jsonl(bench / f"mlqe-pe-{lang}-en-train.jsonl.gz"))
    table = counts.log_odds(prior, min_seen)
    lines = [f"{w}\t{v:.3f}" for w, v in sorted(table.items())
             if " " not in w and w not in FUNCTION_WORDS and round(v, 3) != 0]
    lines += [f"{w}\t-" for w in sorted(FUNCTION_WORDS)]  # read past, not counted
    head = (f"# word\tsmoothed log-odds that MLQE-PE post-editors keep it (train, et ne ro ru si -> en; prior {prior:g}, "
            f"seen >= {min_seen}): python bench/postedit_prior.py --write FILE\n")
    tmp = out.with_suffix(".tmp")
    tmp.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"{out}: {len(lines)} words")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--prior", type=float, default=PRIOR)
    ap.add_argument("--min-seen", type=int, default=5)
    ap.add_argument("--write", metavar="FILE", help="write the five-language word table (word, log-odds) and stop")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    require_parts(shared, "benchmarks/mlqe-pe-et-en-train.jsonl.gz", "realmt/real_mt_train.jsonl",
                  prog="postedit_prior")
    if args.write:
        write_table(shared, Path(args.write), args.prior, args.min_seen)
        return 0
    report(shared, args.prior, args.min_seen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
