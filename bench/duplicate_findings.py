"""How often two checkers report one problem twice: findings on the same span from different codes.

Counts, per corpus, the pairs of findings left with the same ``start``/``end`` and different codes
that also propose the same edit (:func:`mtfix.findings.duplicate_key`), or fall in the same MQM
category, or neither; and the findings merged away (the ``also`` codes,
:func:`mtfix.findings.merge_duplicates`): before the merge, "same span + same edit" was their sum.
Counts only: the realmt files are read to measure, never to tune.

    python bench/duplicate_findings.py                     # seeds 000-004, realmt dev+train MT, demo
    python bench/duplicate_findings.py --grammar required  # with the real LanguageTool server
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from eval_data import SHARED_HELP, shared_dir  # noqa: E402

SHARED = shared_dir()  # --shared, $MTFIX_SHARED, else ../shared


def corpora() -> dict[str, list[str]]:
    """The texts to measure, by corpus (those whose files are absent are left out)."""
    out: dict[str, list[str]] = {}
    seeds = sorted((SHARED / "seeds").glob("00[0-4]_*.txt"))
    if seeds:
        out["seeds 000-004"] = [p.read_text(encoding="utf-8") for p in seeds]
    for split in ("dev", "train"):
        p = SHARED / "realmt" / f"real_mt_{split}.jsonl"
        if p.exists():
            out[f"realmt {split} MT"] = [json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines()
                                         if line.strip()]
    out["demo"] = [(REPO / "mtfix" / "demo" / "garbled-news.txt").read_text(encoding="utf-8")]
    return out


def count(findings) -> Counter:
    """Duplicate pairs in one document's findings."""
    from mtfix.findings import duplicate_key

    c: Counter = Counter()
    by_span: dict[tuple[int, int], list] = {}
    for f in findings:
        by_span.setdefault((f.start, f.end), []).append(f)
        c["findings"] += 1
        c["merged away (also)"] += len(getattr(f, "also", ()))
        for code in getattr(f, "also", ()):
            c[f"pair {min(f.code, code)}|{max(f.code, code)} (merged)"] += 1
    for group in by_span.values():
        for a, b in combinations(group, 2):
            if a.code == b.code:
                continue
            same_edit = duplicate_key(a) is not None and duplicate_key(a) == duplicate_key(b)
            c["same span + same edit"] += same_edit
            c["same span + same category"] += a.category == b.category
            c["same span, other"] += not same_edit and a.category != b.category
            if same_edit or a.category == b.category:
                c[f"pair {min(a.code, b.code)}|{max(a.code, b.code)}"] += 1
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--grammar", default="off")
    ap.add_argument("--shared", help=SHARED_HELP)
    args = ap.parse_args(argv)
    global SHARED
    SHARED = shared_dir(args.shared)
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    with Pipeline(Config(grammar=args.grammar)) as p:
        for name, texts in corpora().items():
            total: Counter = Counter()
            for t in texts:
                total += count(p.check(t).findings)
            pairs = {k[5:]: v for k, v in sorted(total.items()) if k.startswith("pair ")}
            head = {k: total[k] for k in ("findings", "same span + same edit", "same span + same category",
                                          "same span, other", "merged away (also)")}
            print(f"{name} ({len(texts)} texts, grammar {args.grammar}): {head} pairs={pairs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
