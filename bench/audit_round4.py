"""Recall audit, round 4: mtfix on MT-style English the project wrote itself (issue 11).

The held-out set that decides issue 11 is real MT from other pages in the ten realmt source
languages. This audit stands in for it with sentences the project wrote (``bench/recall_round4/``,
see its README: invented, not copied from ``../shared``), each tagged with the error classes of
``../shared/realmt/README.md``, plus clean professional-style news on the same topics as hard
negatives. It reports what ``bench/eval_realmt.py`` reports (flagged, major, fluency AUC,
professional majors and edits) and, per error class and per source language, how many
sentences get any finding, a major one, and a finding other than MTF401 (the fitted model):
the class-level evidence that tells a reader *why*.

    python bench/audit_round4.py                  # grammar off
    python bench/audit_round4.py --show           # each missed MT sentence, each professional hit
    python bench/audit_round4.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from eval_realmt import Outcome, evaluate, intervals, read_jsonl  # noqa: E402

DATA = HERE / "recall_round4"

#: The fitted detector's code: a finding from any other code is class-level evidence.
MODEL_CODE = "MTF401"


def per_class(rows: Sequence[dict[str, Any]], outcomes: Sequence[Outcome]) -> dict[str, dict[str, Any]]:
    """For each artifact class: sentences, flagged, major, flagged by a code other than MTF401, languages.

    >>> o = Outcome("a", "az", "t", ["MTF401", "MTF103"], [], 50.0, "t")
    >>> per_class([{"artifacts": ["glued_tokens"]}], [o])["glued_tokens"]["by_rule"]
    1
    """
    table: dict[str, dict[str, Any]] = {}
    for row, o in zip(rows, outcomes, strict=True):
        for cls in row.get("artifacts", []):
            d = table.setdefault(cls, {"n": 0, "flagged": 0, "major": 0, "by_rule": 0, "langs": set(),
                                       "missed_langs": set()})
            d["n"] += 1
            d["flagged"] += o.flagged
            d["major"] += o.major
            d["by_rule"] += any(c != MODEL_CODE for c in o.codes)
            d["langs"].add(o.lang)
            if not o.flagged:
                d["missed_langs"].add(o.lang)
    return table


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--grammar", choices=("off", "auto", "required"), default="off")
    ap.add_argument("--data", default=str(DATA), help="folder holding mt.jsonl and clean.jsonl")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    mt_rows = read_jsonl(Path(args.data) / "mt.jsonl")
    pro_rows = read_jsonl(Path(args.data) / "clean.jsonl")
    report = evaluate(mt_rows, pro_rows, split="round4", grammar=args.grammar, paired=False)
    fig = report.figures()
    n, m = fig["n_mt"], fig["n_pro"]
    ci = intervals(report)
    print(f"round 4, grammar {args.grammar}: {n} MT + {m} professional sentences ({fig['seconds']} s)")
    print(f"signature: {fig['signature']}\n")
    print("| figure | value | 95 % interval |")
    print("|---|---|---|")
    print(f"| MT with a finding | {fig['mt_flagged']}/{n} ({100 * fig['mt_flagged'] / n:.0f} %) | "
          f"{ci['mt_flagged_share'][0]:.2f}–{ci['mt_flagged_share'][1]:.2f} |")
    print(f"| MT with a major finding | {fig['mt_major']}/{n} ({100 * fig['mt_major'] / n:.0f} %) | "
          f"{ci['mt_major_share'][0]:.2f}–{ci['mt_major_share'][1]:.2f} |")
    print(f"| MT with a finding other than MTF401 | {sum(any(c != MODEL_CODE for c in o.codes) for o in report.mt)}/{n} | |")
    print(f"| professional with a finding / major / edited | {fig['pro_flagged']}/{m} / {fig['pro_major']}/{m} / "
          f"{fig['pro_edited']}/{m} | |")
    print(f"| fluency AUC | {fig['fluency_auc']:.3f} | {ci['fluency_auc'][0]:.3f}–{ci['fluency_auc'][1]:.3f} |")
    print("\n| class | n | flagged | major | by a rule or sign (not MTF401) | languages | missed in |")
    print("|---|---|---|---|---|---|---|")
    table = per_class(mt_rows, report.mt)
    for cls, d in sorted(table.items(), key=lambda kv: -kv[1]["n"]):
        print(f"| {cls} | {d['n']} | {d['flagged']} | {d['major']} | {d['by_rule']} | {len(d['langs'])} | "
              f"{' '.join(sorted(d['missed_langs'])) or '-'} |")
    print("\nper language (n, flagged, major):",
          {k: (v["n"], v["flagged"], v["major"]) for k, v in sorted(fig["per_lang"].items())})
    print("codes on MT:", fig["mt_codes"])
    print("codes on professional:", fig["pro_codes"])
    if args.show:
        print("\nMT sentences without a finding:")
        for row, o in zip(mt_rows, report.mt, strict=True):
            if not o.flagged:
                print(f"  {o.id} {row['artifacts']} {o.fluency:.1f}: {o.text}")
        print("\nMT sentences with MTF401 only:")
        for row, o in zip(mt_rows, report.mt, strict=True):
            if o.codes and all(c == MODEL_CODE for c in o.codes):
                print(f"  {o.id} {row['artifacts']}: {o.text}")
        print("\nprofessional sentences with a finding:")
        for o in report.pro:
            if o.flagged or o.changed:
                print(f"  {o.id} {o.codes} major={o.major_codes} {'(edited)' if o.changed else ''}: {o.text}")
    if args.json:
        out = {**fig, "intervals_95": ci,
               "classes": {k: {**v, "langs": sorted(v["langs"]), "missed_langs": sorted(v["missed_langs"])}
                           for k, v in table.items()},
               "mt": [{"id": o.id, "codes": o.codes, "major": o.major_codes, "fluency": o.fluency} for o in report.mt],
               "pro": [{"id": o.id, "codes": o.codes, "major": o.major_codes, "fluency": o.fluency,
                        "edited": o.changed} for o in report.pro]}
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
