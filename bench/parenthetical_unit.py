"""A subject's comma parenthetical in fluent and garbled English (session 37, issue 11).

"The ferry, which first sailed in 1931, was retired" (our own example): session 36's pooled probes found the
construction flagged more often than the same sentences without it, through the detector's hashed n-grams and
``commas_per_word``.  Per set of :func:`bench.repeats_and_case_role.sets` (fluent: EWT, realmt clean news
train+dev, MQM zh-en 2020 references, MLQE-PE dev post-edits; garbled: realmt real_mt train and dev, the probes)
plus MLQE-PE dev MT and the probes' professional rows: sentences with the construction
(:func:`subject_parenthetical`), and for those with it and without it the share the detector's probability puts
at or over its minor threshold, and the mean probability.  The detector is the one ``PYTHONPATH`` names, so two
trees are compared on the same sentences.  ``--show`` prints the probability of each probe professional row with
the construction.  Reporting only: nothing is fitted or tuned.  Run::

    MTFIX_SHARED=../shared PYTHONPATH=$PWD python bench/parenthetical_unit.py --limit 6000
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the tree measured is the one PYTHONPATH names

from bench.eval_data import PE_SETS, SHARED_HELP, load_pe, read_jsonl, shared_dir  # noqa: E402
from bench.repeats_and_case_role import sets  # noqa: E402

#: What may open a subject before its parenthetical: a determiner or possessive (as the view reads it), or a name or
#: plural noun by its tag.
SUBJECT_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "our", "my"})
SUBJECT_TAGS = frozenset({"NNP", "NNPS", "NNS"})
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def subject_parenthetical(items: Sequence[str], tags: Sequence[str]) -> tuple[int, int] | None:
    """The token places ``(first, second)`` of the two commas of a subject's parenthetical, or None: a short subject
    opening the sentence (a determiner, a name or a plural noun first, no verb), a comma within its first six
    tokens, the next comma 3–30 tokens on, then a finite verb (an adverb may come first): "The ferry, which first
    sailed in 1931, was retired", "The plan, she said, will cost more".  ``items`` is the detector's function-word
    view (:func:`mtfix.garble.sign_views.view`: commas as ","), ``tags`` the tags."""
    n = len(items)
    if n < 6 or not (items[0] in SUBJECT_OPENERS or tags[0] in SUBJECT_TAGS):
        return None
    first = next((i for i in range(1, min(n, 6)) if items[i] == ","), None)
    if first is None or any(t.startswith("VB") or t == "MD" for t in tags[:first]):
        return None
    second = next((j for j in range(first + 1, min(n - 1, first + 31)) if items[j] == ","), None)
    if second is None or second - first < 3:
        return None
    nxt = second + 2 if tags[second + 1] == "RB" and second + 2 < n else second + 1
    return (first, second) if tags[nxt] in FINITE_TAGS else None


def all_sets(shared: Path) -> list[tuple[str, str, list[str]]]:
    """The sets measured: :func:`sets`, MLQE-PE dev MT, and the probes' professional rows."""
    out = list(sets(shared))
    bench = shared / "benchmarks"
    if all((bench / p.file).is_file() for p in PE_SETS if p.split == "dev"):
        out.append(("MLQE-PE dev MT", "garbled", [r["mt"] for p in PE_SETS if p.split == "dev"
                                                 for r in load_pe(p, bench)]))
    out.append(("probes professional", "fluent", [r["text"] for d in sorted((ROOT / "bench" / "data").glob("probe_s3*"))
                                                  for r in read_jsonl(d / "clean_news_probe.jsonl")]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=6000, help="at most this many sentences a set (random.Random(1))")
    ap.add_argument("--show", action="store_true", help="each probe professional row with the construction, its p")
    args = ap.parse_args(argv)
    from mtfix.garble.checker import detector
    from mtfix.garble.sign_views import view

    det = detector()
    minor = float(det.meta["thresholds"]["minor"])
    print(f"detector {det.signature()}, minor threshold {minor}")
    print("| set | kind | with: sentences, p ≥ minor, mean p | without: sentences, p ≥ minor, mean p |\n|---|---|---|---|")
    for name, kind, texts in all_sets(shared_dir(args.shared)):
        texts = random.Random(1).sample(texts, args.limit) if len(texts) > args.limit else texts
        seen: dict[bool, list[float]] = {True: [], False: []}
        for t in texts:
            a = det.analyse(t)
            has = subject_parenthetical(view(a.tokens, a.tags), a.tags) is not None
            p = det.predict(t).probability
            seen[has].append(p)
            if args.show and has and name == "probes professional":
                print(f"  {p:.3f} {t[:60]}")
        cells = [f"{len(ps)}, {sum(p >= minor for p in ps)} ({100 * sum(p >= minor for p in ps) / max(len(ps), 1):.0f} %), "
                 f"{sum(ps) / max(len(ps), 1):.3f}" for ps in (seen[True], seen[False])]
        print(f"| {name} | {kind} | {cells[0]} | {cells[1]} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
