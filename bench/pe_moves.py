"""The issue-11 measure of safe repairs on MLQE-PE, beside a character-level one.

For every MLQE-PE segment ``fix`` (safe fixes, grammar off) changes, the harness's verdict (``eval_scores.eval_pe``:
sentence TER normalised, with case, edits per reference word, before vs after) and a second verdict by
character-level edit distance (Levenshtein, case-sensitive) to the post-edit: closer / same / further.  The issue's
figure stays the harness's; the character verdict names the repairs TER cannot see (a space closed up in "5 %",
which normalised TER tokenises alike).  Dev by default; ``--split test`` reads the held-out files (report only,
never tune on them).

    python bench/pe_moves.py                 # dev
    python bench/pe_moves.py --split both    # dev and test: the issue's figure
    python bench/pe_moves.py --show          # each changed segment's edit and both verdicts
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def char_distance(a: str, b: str) -> int:
    """The Levenshtein distance between ``a`` and ``b`` (insert, delete, substitute one character each)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _move(before: float, after: float) -> str:
    return "closer" if after < before else "further" if after > before else "same"


def _edit(a: str, b: str) -> str:
    """The first edit from ``a`` to ``b`` with a little context."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            return f"{a[max(0, i1 - 20):i2 + 10]!r} → {b[max(0, j1 - 20):j2 + 10]!r}"
    return ""


def main(argv: list[str] | None = None) -> int:
    from eval_data import PE_SETS, load_pe, require_data
    from sacrebleu.metrics import TER

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("--data", default=None, help="the benchmarks directory")
    ap.add_argument("--show", action="store_true", help="print each changed segment")
    args = ap.parse_args(argv)
    root = require_data(args.data)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    ter, pipe = TER(normalized=True, case_sensitive=True), Pipeline(Config(grammar="off"))
    tally: Counter = Counter()
    for pset in (p for p in PE_SETS if p.split in splits and (root / p.file).exists()):
        for r in load_pe(pset, root):
            res = pipe.fix(r["mt"])
            if not res.changed:
                continue
            s0, s1 = ter.sentence_score(r["mt"], [r["pe"]]), ter.sentence_score(res.text, [r["pe"]])
            by_ter = _move(s0.num_edits / max(s0.ref_length, 1), s1.num_edits / max(s1.ref_length, 1))
            by_char = _move(char_distance(r["mt"], r["pe"]), char_distance(res.text, r["pe"]))
            tally[by_ter, by_char] += 1
            if args.show:
                codes = ",".join(sorted({e.code for e in res.edits}))
                print(f"  {pset.name} {codes} TER {by_ter} / chars {by_char}: {_edit(r['mt'], res.text)}")
    n = sum(tally.values())
    print(f"MLQE-PE {'+'.join(splits)}: {n} segments changed by safe fixes (grammar off)\n")
    print("| by TER (harness) \\ by characters | closer | same | further | all |")
    print("|---|---:|---:|---:|---:|")
    for t in ("closer", "same", "further"):
        row = [tally[t, c] for c in ("closer", "same", "further")]
        print(f"| {t} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    col = [sum(tally[t, c] for t in ("closer", "same", "further")) for c in ("closer", "same", "further")]
    print("| all | " + " | ".join(map(str, col)) + f" | {n} |")
    if n:
        closer_ter = sum(tally["closer", c] for c in ("closer", "same", "further"))
        print(f"\ncloser by TER (the issue's figure): {closer_ter}/{n} = {100 * closer_ter / n:.0f} %; "
              f"closer by characters: {col[0]}/{n} = {100 * col[0] / n:.0f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
