"""Glued tokens by shape: where a human correction splits one MT token into two or more (issue 11 item 4).

Aligns the whitespace tokens of each MT sentence with its correction (difflib, case folded) and counts each MT
token the correction writes as two or more tokens with the same characters (case aside), by the shape of the
first junction: ``lower+lower`` ("incometax" → "income tax"), ``lower+Cap`` ("aboutEnergy"), ``initial+Name``
("J.Smithson" → "J. Smithson"), ``word.+Word`` (a full stop before a glued sentence), ``digit+letters``
("5km" → "5 km"), ``letters+digit``, ``punct+word`` (",and" → ", and"), ``word+punct`` ("word(" → "word (")
and ``other``.  Fitting data only: realmt ``_train`` (MT vs human correction) and MLQE-PE train (MT vs
post-edit, as ``bench/unsafe_fixes.py --mlqe`` reads it).

    python bench/glued_shapes.py                    # both sources, counts by class
    python bench/glued_shapes.py --show lower+lower # every token of one class
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def splits(text: str, corr: str) -> list[tuple[str, list[str]]]:
    """(MT token, the correction's tokens) for each MT whitespace token the correction splits."""
    a, b = text.split(), corr.split()
    sm = difflib.SequenceMatcher(None, [t.lower() for t in a], [t.lower() for t in b], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "replace":
            continue
        # inside a replaced block, find each MT token equal to a run of 2+ consecutive corrected tokens
        for tok in a[i1:i2]:
            low = tok.lower()
            for j in range(j1, j2):
                for k in range(j + 2, min(j2, j + 4) + 1):
                    if "".join(b[j:k]).lower() == low:
                        out.append((tok, b[j:k]))
                        break
                else:
                    continue
                break
    return out


def shape(parts: list[str]) -> str:
    """The shape class of the first junction of ``parts`` (see the module docstring)."""
    left, right = parts[0], parts[1]
    x, y = left[-1], right[0]
    if x == "." and y.isupper() and len(left) == 2 and left[0].isupper():
        return "initial+Name"
    if x == "." and y.isalpha() and len(left) > 2:
        return "word.+Word"
    if x.isalpha() and y.isalpha():
        return "lower+Cap" if x.islower() and y.isupper() else "lower+lower" if x.islower() and y.islower() \
            else "Cap+Cap" if y.isupper() else "CAPS+lower"
    if x.isdigit() and y.isalpha():
        return "digit+letters"
    if x.isalpha() and y.isdigit():
        return "letters+digit"
    if not x.isalnum() and y.isalnum():
        return "punct+word"
    if x.isalnum() and not y.isalnum():
        return "word+punct"
    return "other"


def main(argv: list[str] | None = None) -> int:
    from eval_data import REALMT_ENV_HINT
    from eval_realmt import read_jsonl, require_realmt
    from repair_classes import mlqe_rows

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="append", default=[], help="print the tokens of this class")
    args = ap.parse_args(argv)
    sources = {"realmt train": read_jsonl(require_realmt(None, "real_mt_train.jsonl", hint=REALMT_ENV_HINT)),
               "MLQE-PE train": mlqe_rows("train", None)}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    langs: dict[str, set[str]] = defaultdict(set)
    for name, rows in sources.items():
        for r in rows:
            for tok, parts in splits(r["text"], r["correction"]):
                cls = shape(parts)
                counts[cls][name] += 1
                langs[cls].add(r["lang"])
                if cls in args.show:
                    print(f"  [{name} {r['lang']}] {tok} → {' '.join(parts)}")
    names = list(sources)
    print("sentences: " + ", ".join(f"{n} {len(rows)}" for n, rows in sources.items()))
    print("| shape | " + " | ".join(names) + " | source languages |")
    print("|---|" + "---:|" * len(names) + "---|")
    for cls in sorted(counts, key=lambda c: -sum(counts[c].values())):
        print(f"| {cls} | " + " | ".join(str(counts[cls][n]) for n in names)
              + f" | {len(langs[cls])}: {','.join(sorted(langs[cls]))} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
