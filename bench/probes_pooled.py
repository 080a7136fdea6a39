"""The probes of our own pooled (session 36, overfitting audit round 14, issue 11): what fires on their fluent half,
which error classes their MT half is caught in, and whether one construction raises false alarms.

Three reports, each checked with ``mtfix.check(text, grammar="off")`` (one text a sentence):

1. **classes**: every error class of the probes' MT rows (``bench/data/probe_s*/real_mt_probe.jsonl``) beside
   realmt train's (fitting data: in-sample, for comparison only): sentences, flagged, major.
2. **fluent**: each finding on the probes' professional rows, with MTF401's inputs and signs, and their tally.
3. **parenthetical**: the subject, a parenthetical between commas, then the verb ("The bridge, which links two
   towns, was closed ...", :func:`subject_parenthetical`): per set, the share of sentences with an MTF401 finding
   with the construction and without it (fluent: EWT, realmt clean news, MQM zh-en 2020 references, MLQE-PE dev
   post-edits, the probes' professional rows; garbled: realmt real_mt, the probes' MT rows; at most ``--limit``
   sentences a set, a fixed sample), and for the probes' fluent rows with it how the detector's probability moves
   if the parenthetical's two commas were not counted in ``commas_per_word`` (a what-if, nothing changed).

Reporting only: nothing is fitted or tuned.  Run::

    MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/probes_pooled.py [--shared ../shared] [--limit 6000]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the tree measured is the one PYTHONPATH names

from bench.eval_data import SHARED_HELP, read_jsonl, shared_dir  # noqa: E402

PROBES = sorted((ROOT / "bench" / "data").glob("probe_s*"))
FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "our", "my"})


def subject_parenthetical(words: list[str], tags: list[str]) -> bool:
    """Whether the sentence opens with a short subject (a determiner or a name first, no verb), a comma, three to
    thirty tokens, a comma, then a finite verb (an adverb may come first): "The film, shot in the north, won ..."."""
    if len(words) < 6 or not (words[0].lower() in DETERMINERS or tags[0] in ("NNP", "NNPS", "NNS")):
        return False
    try:
        first = words.index(",", 1)
    except ValueError:
        return False
    if first > 5 or any(t.startswith("VB") or t == "MD" for t in tags[:first]):
        return False
    for j in range(first + 3, min(len(words) - 1, first + 30)):
        if words[j] == ",":
            nxt = j + 2 if tags[j + 1] == "RB" and j + 2 < len(tags) else j + 1
            return tags[nxt] in FINITE
    return False


def findings(text: str) -> list[Any]:
    import mtfix

    return list(mtfix.check(text, grammar="off").findings)


def classes(shared: Path) -> None:
    def tally(rows: list[dict[str, Any]]) -> Counter:
        out: Counter = Counter()
        for r in rows:
            fs = findings(r["text"])
            major = any(f.severity.value in ("major", "critical") for f in fs)
            for a in r["artifacts"]:
                out[(a, 0)] += 1
                out[(a, 1)] += bool(fs)
                out[(a, 2)] += major
        return out

    probe = tally([r for d in PROBES for r in read_jsonl(d / "real_mt_probe.jsonl")])
    train_file = shared / "realmt" / "real_mt_train.jsonl"
    train = tally(read_jsonl(train_file)) if train_file.is_file() else Counter()
    names = sorted({a for a, _ in probe} | {a for a, _ in train}, key=lambda a: -(probe[(a, 0)] + train[(a, 0)]))
    print("| class | probes: sentences, flagged, major | realmt train: sentences, flagged, major |\n|---|---|---|")
    for a in names:
        cell = [f"{c[(a, 0)]}, {c[(a, 1)]}, {c[(a, 2)]}" if c[(a, 0)] else "—" for c in (probe, train)]
        print(f"| {a} | {cell[0]} | {cell[1]} |")


def fluent() -> None:
    inputs: Counter = Counter()
    for d in PROBES:
        for r in read_jsonl(d / "clean_news_probe.jsonl"):
            for f in findings(r["text"]):
                detail = re.search(r"\(detector: ([^)]*)\)", f.message)
                print(f"{d.name} {r['id']}: {f.code} {f.severity.value} {detail.group(1) if detail else ''}")
                if detail:
                    for part in detail.group(1).split("; ")[1:]:
                        kind, _, names = part.partition(": ")
                        inputs.update(f"{kind} {n}" for n in names.split(", "))
    print("tally:", dict(inputs.most_common()))


def _sets(shared: Path) -> list[tuple[str, str, list[str]]]:
    from bench.repeats_and_case_role import sets

    own = [("probes professional", "fluent", "clean_news_probe.jsonl"), ("probes MT", "garbled", "real_mt_probe.jsonl")]
    return [s for s in sets(shared) if not s[0].startswith("probes")] + [
        (name, kind, [r["text"] for d in PROBES for r in read_jsonl(d / file)]) for name, kind, file in own]


def parenthetical(shared: Path, limit: int) -> None:
    from mtfix.garble.checker import detector

    det = detector()
    print("| set | kind | with: sentences, MTF401 | without: sentences, MTF401 |\n|---|---|---|---|")
    for name, kind, texts in _sets(shared):
        texts = random.Random(1).sample(texts, limit) if len(texts) > limit else texts
        seen = {True: [0, 0], False: [0, 0]}
        for t in texts:
            a = det.analyse(t)
            cell = seen[subject_parenthetical([k.text for k in a.tokens], list(a.tags))]
            cell[0] += 1
            cell[1] += any(f.code == "MTF401" for f in findings(t))
        w, o = seen[True], seen[False]
        print(f"| {name} | {kind} | {w[0]}, {w[1]} ({100 * w[1] / max(w[0], 1):.0f} %) "
              f"| {o[0]}, {o[1]} ({100 * o[1] / max(o[0], 1):.0f} %) |")
    print("\nprobes' fluent rows with the construction: p, and p with the parenthetical's two commas not counted")
    for d in PROBES:
        for r in read_jsonl(d / "clean_news_probe.jsonl"):
            a = det.analyse(r["text"])
            if not subject_parenthetical([k.text for k in a.tokens], list(a.tags)):
                continue
            before = det.logit(a)[0]
            cpw = a.dense["commas_per_word"]
            commas = r["text"].count(",")
            a.dense["commas_per_word"] = max(commas - 2, 0) * cpw / commas if commas else cpw
            after = det.logit(a)[0]
            print(f"  {d.name} {r['id']}: {1 / (1 + math.exp(-before)):.3f} -> {1 / (1 + math.exp(-after)):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=6000, help="at most this many sentences a set (parenthetical)")
    ap.add_argument("--report", choices=("classes", "fluent", "parenthetical"), action="append",
                    help="only these reports (repeatable; default all)")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    wanted = args.report or ["classes", "fluent", "parenthetical"]
    print(f"probes: {', '.join(d.name for d in PROBES)}")
    for name in wanted:
        print(f"\n## {name}")
        {"classes": lambda: classes(shared), "fluent": fluent,
         "parenthetical": lambda: parenthetical(shared, args.limit)}[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
