"""Each unsafe fix alone, measured against human corrections: is any safe enough to make safe?

For every rule whose fixes (some or all) are unsafe, that rule's unsafe fixes are applied to ``fix``'s safe
output (one pass: the findings left after the safe fixes), and the text is compared with the safe output:
how many sentences the unsafe fixes change, and
how many of those move closer to / further from the human correction by sentence TER **with case**
(sacrebleu's default TER folds case, so a capital lowered would count as no move), plus how many
professional sentences they change (must be none for a safe fix).  Fitting data by default.

    python bench/unsafe_fixes.py                      # realmt train MT vs corrections + clean_news train
    python bench/unsafe_fixes.py --split dev          # report only, never tune on it
    python bench/unsafe_fixes.py --mlqe               # MLQE-PE train MT vs post-edits (five pairs; --split dev too)
    python bench/unsafe_fixes.py --mlqe --safe --codes MTF127   # what a rule's SAFE fixes do: fix with vs without it
    python bench/unsafe_fixes.py --show               # each change in context
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

#: the rules with unsafe fixes among en-generic's (grammar off), session 40
UNSAFE = ("MTF104", "MTF110", "MTF112", "MTF116", "MTF119", "MTF122", "MTF127", "MTF129")


def _change(a: str, b: str) -> str:
    """The first edit from ``a`` to ``b``, with a little context."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            return f"{a[max(0, i1 - 25):i2 + 15]!r} → {b[max(0, j1 - 25):j2 + 15]!r}"
    return ""


def with_unsafe(result: Any, code: str) -> str:
    """``result``'s text (``Pipeline.fix``'s) with the unsafe fixes of ``code`` left in it applied."""
    from mtfix.model import FixSafety
    from mtfix.repair import apply_edit_groups

    groups = [f.edits for f in result.remaining
              if f.fix == FixSafety.UNSAFE and f.edits and (f.code == code or code in f.also)]
    return apply_edit_groups(result.text, groups).text if groups else result.text


def measure(rows: Sequence[dict[str, Any]], pro: Sequence[str], codes: Sequence[str], show: bool) -> list[str]:
    """One Markdown row per code: changed, closer, further, same, professional sentences changed."""
    from sacrebleu.metrics import TER

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    ter = TER(case_sensitive=True)
    safe = Pipeline(Config(grammar="off"))
    base = [safe.fix(r["text"]) for r in rows]
    base_pro = [safe.fix(t) for t in pro]
    out = ["| rule | changed beyond safe fixes | closer | further | same | professional changed |",
           "|---|---:|---:|---:|---:|---:|"]
    for code in codes:
        changes = ((r, result.text, with_unsafe(result, code)) for r, result in zip(rows, base, strict=True))
        pro_changed = sum(with_unsafe(result, code) != result.text for result in base_pro)
        out.append(_table_row(code, changes, pro_changed, ter, show))
    return out


def _table_row(code: str, changes: Iterable[tuple[dict[str, Any], str, str]], pro_changed: int, ter: Any,
               show: bool) -> str:
    """The Markdown row of ``code``: of the (row, before, after) ``changes`` that change the text, how many move closer
    to / further from the row's human correction by case-sensitive TER (``ter``) or stay as far."""
    moved = {"closer": 0, "further": 0, "same": 0}
    for r, before, after in changes:
        if after == before:
            continue
        a = ter.sentence_score(before, [r["correction"]]).score
        b = ter.sentence_score(after, [r["correction"]]).score
        kind = "closer" if b < a else "further" if b > a else "same"
        moved[kind] += 1
        if show:
            print(f"  {code} {kind} [{r.get('lang', '')}] {_change(before, after)}")
    return f"| {code} | {sum(moved.values())} | {moved['closer']} | {moved['further']} | {moved['same']} | {pro_changed} |"


def measure_safe(rows: Sequence[dict[str, Any]], pro: Sequence[str], codes: Sequence[str], show: bool) -> list[str]:
    """One Markdown row per code: the sentences ``fix`` (safe fixes) changes through that rule, i.e. whose output
    differs from ``fix``'s with the rule ignored, and how many of them move closer to / further from the human
    correction; plus the professional sentences so changed."""
    from sacrebleu.metrics import TER

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    ter = TER(case_sensitive=True)
    safe = Pipeline(Config(grammar="off"))
    fixed = [safe.fix(r["text"]).text for r in rows]
    fixed_pro = [safe.fix(t).text for t in pro]
    out = ["| rule | changed by its safe fixes | closer | further | same | professional changed |",
           "|---|---:|---:|---:|---:|---:|"]
    for code in codes:
        without = Pipeline(Config(grammar="off", ignore=(code,)))
        # a sentence no safe fix changed has none of this rule's either: not fixed again without it
        changes = ((r, without.fix(r["text"]).text, after) for r, after in zip(rows, fixed, strict=True)
                   if after != r["text"])
        pro_changed = sum(after != t and without.fix(t).text != after for t, after in zip(pro, fixed_pro, strict=True))
        out.append(_table_row(code, changes, pro_changed, ter, show))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from eval_realmt import read_jsonl, require_realmt

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--data", default=None, help="the realmt directory (default: as bench/eval_realmt.py)")
    ap.add_argument("--mlqe", action="store_true", help="MLQE-PE train MT against its post-edits instead")
    ap.add_argument("--codes", default=",".join(UNSAFE), help="comma-separated rule codes (default: all unsafe)")
    ap.add_argument("--safe", action="store_true",
                    help="measure the rules' safe fixes instead (fix with vs without each rule)")
    ap.add_argument("--show", action="store_true", help="print each change")
    args = ap.parse_args(argv)
    codes = [c.strip() for c in args.codes.split(",") if c.strip()]
    if args.mlqe:
        from repair_classes import mlqe_rows

        rows, pro, what = mlqe_rows(args.split, None), [], f"MLQE-PE {args.split} MT vs post-edits"
    else:
        rows = read_jsonl(require_realmt(args.data, f"real_mt_{args.split}.jsonl"))
        pro = [r["text"] for r in read_jsonl(require_realmt(args.data, f"clean_news_{args.split}.jsonl"))]
        what = f"realmt {args.split} MT vs corrections, clean_news {args.split}"
    print(f"{what}: {len(rows)} MT, {len(pro)} professional sentences; grammar off; TER with case")
    print("\n".join((measure_safe if args.safe else measure)(rows, pro, codes, args.show)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
