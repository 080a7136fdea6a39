"""Majors on our own probes and realmt train (session 38, overfitting audit round 16, issue 11).

Issue 11 asks for a major finding on 70 % of garbled sentences; the probes of our own get 0–45 %.  This script
pools the probes (``bench/data/probe_s*``, both halves) with a ``bench/major_evidence.py collect`` cache (realmt
train: MT, corrections, professional news; the professional corpora of ``bench/audit_professional.py``; rows of
realmt dev in the cache are skipped: never read for a choice) and prints five reports:

1. **routes**: how each garbled sentence that is major got there: the detector's probability at or above the major
   threshold, or a minor MTF401 corroborated by a rule finding (the codes in the sentence), or a major of a rule.
2. **classes**: per error class (the ``artifacts`` labels), sentences, flagged and major on the probes and on realmt
   train; the classes no sentence of which is major.
3. **curve**: the MTF401 major threshold lowered step by step (a major where a major is allowed,
   :func:`mtfix.garble.checker.may_be_major`, and the probability reaches it; corroborated majors kept): garbled
   majors (probes, realmt train) against professional majors (probes, realmt train, the audit's corpora).
4. **candidates**: named conditions under which a minor MTF401 would be major (:func:`conditions`, and
   ``major_evidence.candidates``), each with the garbled sentences it raises (probes by probe, realmt train by
   source language) and the professional sentences it would make major.
5. **pairs**: every two named pieces of evidence (:func:`atoms`) with a probability floor, those that raise two
   garbled sentences or more and at most one professional one (a search, reported so a finding is not a choice).
6. **why** (session 45): realmt train's MT by error class, what holds each sentence that is not major back (a
   segment where no major is allowed, no MTF401, or a minor MTF401 below the major threshold, in bands of p).
7. **ceiling** (session 45): for each share of garbled sentences asked (30 % … 70 %), the MTF401 major threshold
   that reaches it on realmt train's MT (in sample and out of fold) and on the probes' MT, and the professional
   majors that threshold makes: what bounds the major threshold.
8. **classes45** (session 45): the class-specific candidates written before they were measured
   (:func:`class_candidates`): a token in another script (MTF408, MQM's Accuracy/Untranslated) or no main verb
   (MTF402) raising a minor MTF401.

Reporting only: nothing is fitted or tuned.  The probability is the detector's own (``checker.predict``, before
the findings level's corrections), as in ``major_evidence.py``.  Run::

    python bench/major_evidence.py collect --out /tmp/evidence.jsonl
    python bench/probe_majors.py --cache /tmp/evidence.jsonl [--probes-cache /tmp/probes.jsonl] [--report curve]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the tree measured is the one PYTHONPATH names
sys.path.append(str(ROOT / "bench"))

from audit_professional import OWN_SETS  # noqa: E402
from major_evidence import (  # noqa: E402
    PROFESSIONAL,
    STRUCTURAL,
    _codes,
    _p,
    candidates,
    feature,
    is_major,
    minor_401,
    record,
)

from bench.eval_data import read_jsonl  # noqa: E402

PROBES = sorted((ROOT / "bench" / "data").glob("probe_s*"))
GARBLED = ("probe-mt", "mt-train")
#: Professional corpora: the probes' fluent half, then ``major_evidence``'s and every further own set of the audit
#: (session 45: the seventh to thirteenth sets were collected but left out of every report).
FLUENT = ("probe-pro", *PROFESSIONAL, *(k for k in OWN_SETS if k not in PROFESSIONAL))
#: The reports, in the order a run without ``--report`` prints them.
REPORTS = ("routes", "classes", "curve", "candidates", "pairs", "why", "ceiling", "classes45")
#: The MTF401 major thresholds the curve steps through (the shipped one is the detector's own).
STEPS = (0.40, 0.45, 0.50, 0.55, 0.58, 0.60, 0.62)


def collect_probes(out: Path) -> None:
    """One JSON line per probe sentence, as ``major_evidence.record`` writes it, with the probe, id and labels."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    part = out.with_name(out.name + ".part")  # a run stopped half-way leaves no file that looks whole
    with Pipeline(Config(grammar="off")) as pipe, part.open("w", encoding="utf-8") as fh:
        for d in PROBES:
            for corpus, name in (("probe-mt", "real_mt_probe.jsonl"), ("probe-pro", "clean_news_probe.jsonl")):
                for r in read_jsonl(d / name):
                    row = {"corpus": corpus, "probe": d.name, "id": r["id"], "lang": r.get("lang", "en"),
                           "artifacts": r.get("artifacts", []), "text": r["text"], **record(pipe, r["text"])}
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(part, out)


def load(cache: Path, probes: Path, shared: Path | None) -> dict[str, list[dict[str, Any]]]:
    """The rows by corpus; realmt train's MT rows get their labels back from ``real_mt_train.jsonl``."""
    by: dict[str, list[dict[str, Any]]] = {}
    for path in (cache, probes):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if not r["corpus"].endswith("-dev"):
                    by.setdefault(r["corpus"], []).append(r)
    if shared is not None and (shared / "realmt" / "real_mt_train.jsonl").is_file():
        labels = {r["text"]: r.get("artifacts", []) for r in read_jsonl(shared / "realmt" / "real_mt_train.jsonl")}
        for r in by.get("mt-train", []):
            r["artifacts"] = labels.get(r["text"], [])
    return by


def route(r: dict[str, Any], major: float) -> str:
    """How a major sentence is major: a rule's own major, the probability, or corroboration (with the codes)."""
    if any(c != "MTF401" and s in ("major", "critical") for c, _, s in r["findings"]):
        return "a rule's own major"
    if _p(r) >= major:
        return "probability ≥ major threshold"
    codes = sorted(c for c in _codes(r) if c.startswith(("MTF1", "MTF2")))
    # no rule code: one of the text's segments (it holds two sentences) reaches the threshold on its own
    return "corroborated by " + "+".join(codes) if codes else "a segment's own probability (two sentences)"


def routes(by: dict[str, list[dict[str, Any]]], major: float) -> None:
    for corpus in (*GARBLED, *FLUENT):
        rows = [r for r in by.get(corpus, []) if is_major(r)]
        if rows or corpus in GARBLED:
            tally = Counter(route(r, major) for r in rows)
            print(f"{corpus}: {len(rows)}/{len(by.get(corpus, []))} major: {dict(tally.most_common())}")


def classes(by: dict[str, list[dict[str, Any]]]) -> None:
    def tally(rows: list[dict[str, Any]]) -> Counter:
        out: Counter = Counter()
        for r in rows:
            for a in set(r.get("artifacts", [])):
                out[(a, 0)] += 1
                out[(a, 1)] += bool(r["findings"])
                out[(a, 2)] += is_major(r)
        return out

    probe, train = tally(by.get("probe-mt", [])), tally(by.get("mt-train", []))
    names = sorted({a for a, _ in probe} | {a for a, _ in train}, key=lambda a: -(probe[(a, 0)] + train[(a, 0)]))
    print("| class | probes: sentences, flagged, major | realmt train: sentences, flagged, major |\n|---|---|---|")
    for a in names:
        cell = [f"{c[(a, 0)]}, {c[(a, 1)]}, {c[(a, 2)]}" if c[(a, 0)] else "—" for c in (probe, train)]
        print(f"| {a} | {cell[0]} | {cell[1]} |")
    never = [a for a in names if probe[(a, 2)] + train[(a, 2)] == 0]
    print(f"classes with no major sentence on either: {never or 'none'}")


def major_at(r: dict[str, Any], threshold: float, shipped: float) -> bool:
    """Whether ``r`` would be major with the MTF401 major threshold at ``threshold`` (corroboration kept).  A minor
    MTF401 whose probability already reaches the shipped threshold is held back by the findings level
    (``mtfix.garble.misreads``) or by its segment, and stays minor."""
    return is_major(r) or (minor_401(r) and threshold <= _p(r) < shipped)


def out_of_fold() -> dict[str, float]:
    """realmt train's out-of-fold probabilities (``bench/realmt_train_oof.json``) by ``score_design.text_key``."""
    path = ROOT / "bench" / "realmt_train_oof.json"
    if not path.is_file():
        return {}
    return {k: float(v["p"]) for k, v in json.loads(path.read_text(encoding="utf-8"))["rows"].items()}


def curve(by: dict[str, list[dict[str, Any]]], shipped: float) -> None:
    """The threshold curve; realmt train's three sets also out of fold ("oof": the probability a model fitted
    without the sentence's source language gives it, what unseen MT of the kind gets; majors by probability only)."""
    from score_design import text_key

    cols = [c for c in (*GARBLED, *FLUENT) if c in by]
    oof = out_of_fold()
    oof_cols = [c for c in ("mt-train", "clean-train", "corrections-train") if c in by and oof]
    print("| major threshold | " + " | ".join(cols + [f"{c} oof" for c in oof_cols]) + " |\n|---|"
          + "---|" * (len(cols) + len(oof_cols)))
    for t in (*STEPS, shipped):
        label = f"{t:.3f} (shipped)" if t == shipped else f"{t:.2f}"
        cells = [f"{sum(major_at(r, t, shipped) for r in by[c])}/{len(by[c])}" for c in cols]
        cells += [f"{sum(r['may_major'] and oof.get(text_key(r['text']), 0.0) >= t for r in by[c])}/{len(by[c])}"
                  for c in oof_cols]
        print(f"| {label} | " + " | ".join(cells) + " |")


def _structural(r: dict[str, Any]) -> set[str]:
    return {c for c in _codes(r) if c in STRUCTURAL}


def conditions(minor: float) -> dict[str, Callable[[dict[str, Any]], bool]]:
    """Session 38's named conditions (each on a minor MTF401 where a major is allowed)."""
    return {
        "two distinct structural signs (MTF402-408)": lambda r: len(_structural(r)) >= 2,
        "two detector signs (analysis signs, any kind)": lambda r: len(set(r.get("signs", []))) >= 2,
        "two distinct typing-slip codes (MTF1/2 punctuation or spelling)": lambda r: len({
            c for c, cat, _ in r["findings"] if c.startswith(("MTF1", "MTF2"))
            and cat in ("Fluency/Punctuation", "Fluency/Spelling")}) >= 2,
        "a structural sign + p ≥ 0.45": lambda r: bool(_structural(r)) and _p(r) >= 0.45,
        "a structural sign + a rule finding of any kind (MTF1/2, slips too)": lambda r: bool(_structural(r)) and any(
            c.startswith(("MTF1", "MTF2")) for c in _codes(r)),
        "a structural sign + a second, non-typing rule finding": lambda r: bool(_structural(r)) and sum(
            c.startswith(("MTF1", "MTF2")) and cat not in ("Fluency/Punctuation", "Fluency/Spelling")
            for c, cat, _ in r["findings"]) >= 1,
        f"p ≥ {minor:.3f} + unknown_lower ≥ 0.08 + of_per_word ≥ 0.08": lambda r: _p(r) >= minor and feature(
            r, "unknown_lower") >= 0.08 and feature(r, "of_per_word") >= 0.08,
    }


def candidate_table(by: dict[str, list[dict[str, Any]]], minor: float) -> None:
    cols = [c for c in FLUENT if c in by]
    print("| condition | probes MT (probes) | realmt train MT (langs) | " + " | ".join(cols) + " |\n|---|---|---|"
          + "---|" * len(cols))
    for name, pred in {**conditions(minor), **candidates()}.items():
        def hits(corpus: str, pred: Callable = pred) -> list[dict[str, Any]]:
            return [r for r in by.get(corpus, []) if not is_major(r) and minor_401(r) and pred(r)]

        pm, tm = hits("probe-mt"), hits("mt-train")
        cells = [f"{len(pm)} ({len({r['probe'] for r in pm})})", f"{len(tm)} ({len({r['lang'] for r in tm})})",
                 *(str(len(hits(c))) for c in cols)]
        print(f"| {name} | " + " | ".join(cells) + " |")


def atoms(r: dict[str, Any]) -> frozenset[str]:
    """The evidence of one sentence beside the probability, as names (:func:`pairs` combines two)."""
    from major_evidence import lower_start, nonwords, unbalanced_quotes

    out = set(_structural(r))  # the analysis' signs are these codes' evidence: not counted twice
    out |= {"a typing slip (MTF1/2)" for c, cat, _ in r["findings"]
            if c.startswith(("MTF1", "MTF2")) and cat in ("Fluency/Punctuation", "Fluency/Spelling")}
    out |= {"a glossary finding" for c in _codes(r) if c.startswith("MTF3")}
    for name, holds in (("a lexicon non-word", lambda: nonwords(r["text"]) >= 1),
                        ("unbalanced quotes", lambda: unbalanced_quotes(r["text"])),
                        ("a lower-case start", lambda: lower_start(r["text"])),
                        ("an And/But start", lambda: r["text"].startswith(("And ", "But "))),
                        ("capital_midsentence ≥ 1", lambda: feature(r, "capital_midsentence") >= 1),
                        ("unknown_lower ≥ 0.08", lambda: feature(r, "unknown_lower") >= 0.08),
                        ("of_per_word ≥ 0.10", lambda: feature(r, "of_per_word") >= 0.10),
                        ("tag_surprisal_max ≥ 12.4", lambda: feature(r, "tag_surprisal_max") >= 12.4),
                        ("unseen_common_pairs ≥ 0.45", lambda: feature(r, "unseen_common_pairs") >= 0.45)):
        if holds():
            out.add(name)
    return frozenset(out)


def _with(rows: list[tuple[dict[str, Any], frozenset[str]]], a: str, b: str, floor: float) -> list[dict[str, Any]]:
    return [r for r, at in rows if a in at and b in at and _p(r) >= floor]


def pairs(by: dict[str, list[dict[str, Any]]], floors: tuple[float, ...] = (0.35, 0.45)) -> None:
    """Every two distinct pieces of evidence (:func:`atoms`) together with a probability floor: the pairs that
    would raise a garbled sentence and no professional one (a search over named evidence, for the record:
    a pair found here is a candidate to be explained, not a rule)."""
    raisable = {c: [(r, atoms(r)) for r in by.get(c, []) if not is_major(r) and minor_401(r)] for c in by}
    names = sorted({a for rows in raisable.values() for _, at in rows for a in at})
    fluent = [c for c in FLUENT if c in by]
    shown = 0
    print("| evidence pair | p floor | probes MT (probes) | realmt train MT (langs) | professional (all) |\n"
          "|---|---|---|---|---|")
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            for floor in floors:
                pm = _with(raisable.get("probe-mt", []), a, b, floor)
                tm = _with(raisable.get("mt-train", []), a, b, floor)
                pro = sum(len(_with(raisable[c], a, b, floor)) for c in fluent)
                if len(pm) + len(tm) >= 2 and pro <= 1:
                    shown += 1
                    print(f"| {a} + {b} | {floor:.2f} | {len(pm)} ({len({r['probe'] for r in pm})}) | "
                          f"{len(tm)} ({len({r['lang'] for r in tm})}) | {pro} |")
    print(f"({shown} pairs raise two garbled sentences or more and at most one professional)")


def why(r: dict[str, Any], major: float) -> str:
    """What holds a garbled sentence that is not major back (``"major"`` when it is one)."""
    if is_major(r):
        return "major"
    if not r["may_major"]:
        return "no major allowed"
    if "MTF401" not in _codes(r):
        return "no MTF401"
    p = _p(r)
    return "minor, p < 0.45" if p < 0.45 else "minor, 0.45 ≤ p < 0.55" if p < 0.55 else (
        f"minor, 0.55 ≤ p < {major:.3f}" if p < major else "minor, p ≥ major (held back)")


def why_table(by: dict[str, list[dict[str, Any]]], major: float) -> None:
    rows = by.get("mt-train", [])
    cols = ("major", "no major allowed", "no MTF401", "minor, p < 0.45", "minor, 0.45 ≤ p < 0.55",
            f"minor, 0.55 ≤ p < {major:.3f}", "minor, p ≥ major (held back)")
    names = Counter(a for r in rows for a in set(r.get("artifacts", [])))
    print("| class | sentences | " + " | ".join(cols) + " |\n|---|---|" + "---|" * len(cols))
    for a, n in [("all", len(rows)), *names.most_common()]:
        tally = Counter(why(r, major) for r in rows if a == "all" or a in r.get("artifacts", []))
        print(f"| {a} | {n} | " + " | ".join(str(tally[c]) for c in cols) + " |")


def threshold_for(reach: list[float], share: float) -> float:
    """The highest threshold at which ``share`` of the sentences are major, each major at any threshold up to its
    ``reach`` (NaN when too few can be: their reach is ``-inf``)."""
    need = math.ceil(round(share * len(reach), 9))
    top = sorted(reach, reverse=True)
    return top[need - 1] if 0 < need <= len(top) and top[need - 1] > -math.inf else math.nan


def reach(r: dict[str, Any], shipped: float) -> float:
    """Up to which threshold ``r`` is major (:func:`major_at`): any for a major now, its probability for a minor
    MTF401 that may be raised, none (``-inf``) otherwise."""
    if is_major(r):
        return math.inf
    return _p(r) if minor_401(r) and _p(r) < shipped else -math.inf


def ceiling(by: dict[str, list[dict[str, Any]]], shipped: float,
            shares: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6, 0.7)) -> None:
    """For each share of garbled sentences asked, the threshold that reaches it by the probability alone (a
    sentence major now stays major; a minor MTF401 where a major is allowed is raised at or above the threshold)
    and the professional majors the same threshold adds (:func:`major_at`); realmt train also out of fold."""
    from score_design import text_key

    oof = out_of_fold()
    fluent = [c for c in FLUENT if c in by]
    print("| share asked | garbled set | threshold | " + " | ".join(fluent) + " | professional in all |\n"
          "|---|---|---|" + "---|" * (len(fluent) + 1))
    for share in shares:
        for corpus in GARBLED:
            rows = by.get(corpus, [])
            if not rows:
                continue
            t = threshold_for([reach(r, shipped) for r in rows], share)
            if math.isnan(t):
                print(f"| {share:.0%} | {corpus} | unreachable | " + " | ".join("—" for _ in fluent) + " | — |")
                continue
            cells = [sum(major_at(r, t, shipped) for r in by[c]) - sum(is_major(r) for r in by[c]) for c in fluent]
            print(f"| {share:.0%} | {corpus} | {t:.3f} | " + " | ".join(f"+{n}" for n in cells)
                  + f" | +{sum(cells)} |")
        if oof and by.get("mt-train"):
            ps = [oof.get(text_key(r["text"]), -math.inf) if r["may_major"] else -math.inf for r in by["mt-train"]]
            t = threshold_for(ps, share)
            if math.isnan(t):
                continue
            pro = {c: sum(r["may_major"] and oof.get(text_key(r["text"]), 0.0) >= t for r in by[c])
                   for c in ("clean-train", "corrections-train") if c in by}
            print(f"| {share:.0%} | mt-train out of fold (probability alone) | {t:.3f} | "
                  + "; ".join(f"{c} {n}/{len(by[c])}" for c, n in pro.items()) + " |")


def class_candidates() -> dict[str, Callable[[dict[str, Any]], bool]]:
    """Session 45's candidates, written before they were measured: a structural sign of a class MQM calls major
    raises a minor MTF401 in its sentence."""
    from mtfix.garble.corroborate import SLIP_FLOOR

    return {
        "MTF408 (a token in another script: untranslated)": lambda r: "MTF408" in _codes(r),
        f"MTF402 (no main verb) + p ≥ {SLIP_FLOOR}": lambda r: "MTF402" in _codes(r) and _p(r) >= SLIP_FLOOR,
        "MTF402 or MTF408, any p": lambda r: bool({"MTF402", "MTF408"} & _codes(r)),
    }


def class_table(by: dict[str, list[dict[str, Any]]]) -> None:
    fluent = [c for c in FLUENT if c in by]
    print("| candidate | probes MT (probes) | realmt train MT (langs) | " + " | ".join(fluent) + " |\n|---|---|---|"
          + "---|" * len(fluent))
    for name, pred in class_candidates().items():
        def hits(corpus: str, pred: Callable = pred) -> list[dict[str, Any]]:
            return [r for r in by.get(corpus, []) if not is_major(r) and minor_401(r) and pred(r)]

        pm, tm = hits("probe-mt"), hits("mt-train")
        print(f"| {name} | {len(pm)} ({len({r['probe'] for r in pm})}) | {len(tm)} ({len({r['lang'] for r in tm})}) | "
              + " | ".join(str(len(hits(c))) for c in fluent) + " |")


def main(argv: list[str] | None = None) -> int:
    from bench.eval_data import SHARED_HELP, shared_dir

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, required=True, help="a bench/major_evidence.py collect file")
    ap.add_argument("--probes-cache", type=Path, default=None,
                    help="keep the probes' rows in this file and reuse it on later runs (default: collect afresh"
                         " into a temporary file, so a changed tree never reads stale rows)")
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--report", choices=REPORTS, action="append",
                    help="only these reports (repeatable; default all)")
    args = ap.parse_args(argv)
    if args.probes_cache is None:
        tmp = tempfile.TemporaryDirectory(prefix="mtfix-probe-majors-")
        args.probes_cache = Path(tmp.name) / "probes.jsonl"
    if not args.probes_cache.is_file():
        collect_probes(args.probes_cache)
    from mtfix.garble.checker import detector

    th = detector().thresholds
    by = load(args.cache, args.probes_cache, shared_dir(args.shared))
    for name in args.report or REPORTS:
        print(f"\n## {name}")
        {"routes": lambda: routes(by, th["major"]), "classes": lambda: classes(by),
         "curve": lambda: curve(by, th["major"]), "candidates": lambda: candidate_table(by, th["minor"]),
         "pairs": lambda: pairs(by), "why": lambda: why_table(by, th["major"]),
         "ceiling": lambda: ceiling(by, th["major"]), "classes45": lambda: class_table(by)}[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
