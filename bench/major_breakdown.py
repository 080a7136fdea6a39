"""Why a garbled MT sentence of realmt gets no major finding (issue 11, session 28).

Each sentence of ``real_mt_<split>.jsonl`` and ``clean_news_<split>.jsonl`` is checked as its own document
(grammar off).  For each segment the detector judges, the stage it reaches on the way to a major is read off
the findings and the conditions of :mod:`mtfix.garble.checker` and :mod:`mtfix.garble.corroborate`; the
sentence's reason is the furthest stage any of its segments reaches (:data:`REASONS`, last = furthest).

On train the table is given twice: with the shipped detector's probabilities (in sample: the model was fitted
on these sentences) and with the out-of-fold probabilities of ``bench/realmt_train_oof.json``
(``bench/train_detector.py --realmt-oof``: each segment judged by the recipe refitted without its source
language), which is what unseen MT of the same kind would get.  Rule findings do not depend on the model.

    python bench/major_breakdown.py                  # train (in sample and out of fold)
    python bench/major_breakdown.py --split dev      # report only: dev is never fitted on
    python bench/major_breakdown.py --markdown --show
    python bench/major_evidence.py collect --out F --dev      # then, on its cache:
    python bench/major_breakdown.py --levers F [--split dev]  # lever 1: aggregated findings (dev columns: report)
    python bench/major_breakdown.py --screen F                # lever 2: n-grams for a precise rule (train only)

The data never enters the project: it is read from ``--data DIR`` (default as ``bench/eval_realmt.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_realmt import read_jsonl, require_realmt  # noqa: E402

#: The stages, nearest to a major last: a sentence's reason is the furthest any of its segments reaches.
REASONS: tuple[str, ...] = (
    "no segment judged (< 6 words)",
    "p below the minor threshold",
    "suspicion, gate blocks (< 12 words / not sentence-like / heading), no other evidence",
    "suspicion, no other evidence",
    "suspicion + structural sign (MTF402-408) only",
    "suspicion + rule finding that does not corroborate",
    "gate blocks a major (< 12 words / not sentence-like / heading) that p or a rule would give",
    "MAJOR",
)
#: The structural signs the detector reports beside MTF401 (its own evidence: they do not corroborate).
SIGNS = frozenset({"MTF402", "MTF403", "MTF404", "MTF405", "MTF406", "MTF407", "MTF408"})


@dataclass
class Seg:
    """One judged segment: its probability, whether a major is allowed there, and its other findings."""

    p: float | None
    gate: str  # "" when a major is allowed, else why not
    corroborating: list[str] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)  # carried-over slips (SLIP_FLOOR applies)
    other_rules: list[str] = field(default_factory=list)  # rule findings that never corroborate
    signs: list[str] = field(default_factory=list)
    rule_major: list[str] = field(default_factory=list)  # findings other than MTF401 that are major themselves


def gate_reason(doc: Any, seg: Any) -> str:
    """Why MTF401 may not be major in ``seg`` ("" when it may): the checker's conditions, spelled out."""
    from mtfix.garble import checker

    text = checker.segment_text(doc, seg)
    if text is None:
        return "no prose"
    if doc.in_heading(seg.start, seg.end):
        return "heading"
    if not checker.sentence_like(text):
        return "not sentence-like"
    if checker._words(text) < checker.MIN_MAJOR_WORDS:
        return f"< {checker.MIN_MAJOR_WORDS} words"
    return ""


def segments(pipe: Any, text: str) -> tuple[list[Seg], bool]:
    """The judged segments of ``text`` checked as a document, and whether the check gave it a major."""
    from mtfix.garble import checker
    from mtfix.garble.corroborate import carried_over, corroborates
    from mtfix.model import Severity

    res = pipe.check(text)
    doc = res.document
    out = []
    for seg in doc.segments:
        p = checker.segment_probability(doc, seg)
        s = Seg(p, gate_reason(doc, seg))
        for f in res.findings:
            if doc.segment_index_of(f) != seg.index or f.code == "MTF401":
                continue
            if f.severity.rank >= Severity.MAJOR.rank:
                s.rule_major.append(f.code)
            if f.code in SIGNS:
                s.signs.append(f.code)
            elif corroborates(f):
                s.corroborating.append(f.code)
            elif carried_over(f):
                s.carried.append(f.code)
            else:
                s.other_rules.append(f.code)
        out.append(s)
    major = any(f.severity.rank >= Severity.MAJOR.rank for f in res.findings)
    return out, major


def stage(s: Seg, p: float | None, minor: float, major: float, floor: float) -> int:
    """How far segment ``s`` gets with probability ``p`` (an index of :data:`REASONS`)."""
    if s.rule_major:
        return 7
    if p is None:
        return 0
    if p < minor:
        return 1
    evidence = p >= major or bool(s.corroborating) or (bool(s.carried) and p >= floor)
    if s.gate:
        return 6 if evidence else 2
    if evidence:
        return 7
    if s.other_rules or s.carried:
        return 5
    return 4 if s.signs else 3


@dataclass
class Row:
    id: str
    lang: str
    text: str
    segs: list[Seg]
    major_now: bool
    oof: list[float | None] | None = None


def collect(rows: Sequence[dict[str, Any]], oof: dict[str, Any] | None) -> list[Row]:
    from score_design import text_key

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.segment import split_segments

    out = []
    with Pipeline(Config(grammar="off")) as pipe:
        for r in rows:
            segs, major = segments(pipe, r["text"])
            row = Row(r["id"], r.get("lang") or "", r["text"], segs, major)
            if oof is not None:
                entry = oof.get(text_key(r["text"]))
                if entry is None:
                    raise SystemExit(f"major_breakdown: no out-of-fold entry for {r['id']}")
                spans = split_segments(r["text"])
                if len(spans) != len(segs):
                    raise SystemExit(f"major_breakdown: the segments of {r['id']} differ from the out-of-fold file's")
                row.oof = [None if s.p is None else entry["segments"][text_key(r["text"][sp.start:sp.end])]
                           for s, sp in zip(segs, spans, strict=True)]
            out.append(row)
    return out


def reason(row: Row, thresholds: dict[str, float], floor: float, use_oof: bool = False) -> int:
    ps = row.oof if use_oof and row.oof is not None else [s.p for s in row.segs]
    return max((stage(s, p, thresholds["minor"], thresholds["major"], floor) for s, p in zip(row.segs, ps, strict=True)),
               default=0)


def table(groups: dict[str, list[int]], markdown: bool) -> str:
    names = list(groups)
    lines = []
    if markdown:
        lines += ["| reason (furthest stage of any segment) | " + " | ".join(names) + " |",
                  "|---|" + "---|" * len(names)]
    for i, name in reversed(list(enumerate(REASONS))):
        cells = [str(Counter(v)[i]) for v in groups.values()]
        lines.append(f"| {name} | " + " | ".join(cells) + " |" if markdown
                     else f"{name:<90} " + " ".join(f"{c:>6}" for c in cells))
    if not markdown:
        lines.insert(0, f"{'':<90} " + " ".join(f"{n[:6]:>6}" for n in names))
    return "\n".join(lines)


def family(code: str, category: str) -> str:
    """The evidence family of a finding other than MTF401: the detector's structural signs, the glossary, or
    the MQM category of a rule (a typing slip by its category too)."""
    if code in SIGNS:
        return "detector sign"
    if code.startswith("MTF3"):
        return "glossary"
    return category


#: Levers measured on a ``bench/major_evidence.py collect`` cache: name → whether a sentence whose MTF401 is a minor
#: where a major is allowed would become major.  ``p`` its probability, ``fams`` the families of its other findings.
LEVERS: dict[str, Any] = {
    "suspicion + 2 distinct families (signs, glossary, slip categories)": lambda p, fams, codes: len(fams) >= 2,
    "the same, p >= 0.35 (SLIP_FLOOR)": lambda p, fams, codes: len(fams) >= 2 and p >= 0.35,
    "suspicion + 2 distinct codes of any kind": lambda p, fams, codes: len(codes) >= 2,
    "suspicion + a sign and a rule finding": lambda p, fams, codes: "detector sign" in fams and len(fams) >= 2,
    "suspicion + any other finding, p >= 0.50 (for scale)": lambda p, fams, codes: bool(codes) and p >= 0.50,
}


def levers(cache: Path, dev: bool) -> str:
    """For each of :data:`LEVERS`, the sentences of a ``major_evidence`` cache it newly makes major, by corpus (MT of
    realmt train with its source languages); dev columns only with ``dev`` (report, after the choice)."""
    import json

    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    corpora = [c for c in dict.fromkeys(r["corpus"] for r in rows) if dev or not c.endswith("-dev")]
    lines = ["| lever | " + " | ".join(corpora) + " |", "|---|" + "---|" * len(corpora)]
    for name, rule in LEVERS.items():
        added: dict[str, list[str]] = {c: [] for c in corpora}
        for r in rows:
            if r["corpus"] not in added or not r["may_major"]:
                continue
            if any(sev in ("major", "critical") for _, _, sev in r["findings"]):
                continue
            if not any(c == "MTF401" and sev == "minor" for c, _, sev in r["findings"]):
                continue
            others = [(c, cat) for c, cat, _ in r["findings"] if c != "MTF401"]
            fams = {family(c, cat) for c, cat in others}
            if rule(float(r.get("p", 0.0)), fams, {c for c, _ in others}):
                added[r["corpus"]].append(r["lang"])
        cells = []
        for c in corpora:
            langs = Counter(added[c])
            cells.append(f"{len(added[c])} ({len(langs)} langs)" if c.startswith("mt-") else str(len(added[c])))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


#: Words kept as themselves in :func:`tag_view` (the rest become their part-of-speech tags).
FUNCTION_WORDS = frozenset((
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "that",
    "which", "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said",
    "not", "it", "he", "she", "they", "we", "i", "this", "these", "those", "its", "his", "her", "their", "our",
    "as", "than"))


def word_view(text: str) -> list[str]:
    """Lower-cased words and punctuation marks."""
    import regex

    return regex.findall(r"\w+|[^\w\s]", text.lower())


def tag_view(text: str) -> list[str]:
    """The detector's tokens: function words and punctuation as themselves, other words as their tags."""
    from mtfix.garble import checker

    a = checker.predict(text).analysis
    return [t.text.lower() if t.text.lower() in FUNCTION_WORDS or not t.text[:1].isalnum() else tag
            for t, tag in zip(a.tokens, a.tags, strict=True)]


def _grams(seq: Sequence[str], n: int) -> set[str]:
    return {" ".join(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def screen(cache: Path, data: Path, top: int = 8) -> str:
    """Candidates for a precise rule (lever 2): n-grams of realmt train MT that its own correction lacks and that no
    professional sentence of a ``major_evidence`` cache (train's and the audit's, never dev's) has, ranked by the
    source languages they occur in.  A rule needs three languages or more."""
    import json

    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    pro = [r["text"] for r in rows if not r["corpus"].startswith("mt-") and not r["corpus"].endswith("-dev")]
    major = {r["text"] for r in rows if r["corpus"] == "mt-train"
             and any(sev in ("major", "critical") for _, _, sev in r["findings"])}
    mt = read_jsonl(data / "real_mt_train.jsonl")
    out = [f"{len(mt)} train MT sentences against {len(pro)} professional ones"]
    for name, view in (("words", word_view), ("tags", tag_view)):
        pro_views = [view(t) for t in pro]
        for n in (2, 3) if name == "words" else (3, 4):
            seen = Counter(g for v in pro_views for g in _grams(v, n))
            langs: dict[str, set[str]] = {}
            not_major: Counter[str] = Counter()
            for r in mt:
                for g in _grams(view(r["text"]), n) - _grams(view(r["correction"]), n):
                    if not seen[g]:
                        langs.setdefault(g, set()).add(r["lang"])
                        not_major[g] += r["text"] not in major
            best = sorted(langs, key=lambda g: (-len(langs[g]), -not_major[g], g))[:top]
            out.append(f"{name} {n}-grams in >= 3 languages: {sum(len(v) >= 3 for v in langs.values())}; best: "
                       + "; ".join(f"{g!r} {len(langs[g])} langs, {not_major[g]} not major" for g in best))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    from mtfix.garble.checker import detector
    from mtfix.garble.corroborate import SLIP_FLOOR

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="the realmt directory (default: $MTFIX_REALMT or ../shared/realmt)")
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--show", action="store_true", help="print the MT sentences stopped by a rule or the gate")
    ap.add_argument("--levers", type=Path, metavar="CACHE",
                    help="instead: the levers on a bench/major_evidence.py collect cache (with --split dev: its dev too)")
    ap.add_argument("--screen", type=Path, metavar="CACHE",
                    help="instead: n-grams of train MT that no professional sentence of the cache has (lever 2)")
    args = ap.parse_args(argv)
    if args.screen:
        print(screen(args.screen, require_realmt(args.data, "")))
        return 0
    if args.levers:
        print(levers(args.levers, args.split == "dev"))
        return 0

    mt = read_jsonl(require_realmt(args.data, f"real_mt_{args.split}.jsonl"))
    pro = read_jsonl(require_realmt(args.data, f"clean_news_{args.split}.jsonl"))
    oof = None
    if args.split == "train":
        from score_design import load_oof

        oof = load_oof(REPO / "bench" / "realmt_train_oof.json")
    th = detector().thresholds
    mt_rows, pro_rows = collect(mt, oof), collect(pro, oof)
    groups = {"MT": [reason(r, th, SLIP_FLOOR) for r in mt_rows],
              "pro": [reason(r, th, SLIP_FLOOR) for r in pro_rows]}
    if oof is not None:
        groups["MT oof"] = [reason(r, th, SLIP_FLOOR, use_oof=True) for r in mt_rows]
        groups["pro oof"] = [reason(r, th, SLIP_FLOOR, use_oof=True) for r in pro_rows]
    for name, rows in (("MT", mt_rows), ("pro", pro_rows)):
        now = sum(r.major_now for r in rows)
        if now != Counter(groups[name])[len(REASONS) - 1]:
            raise SystemExit(f"major_breakdown: {name}: the check gives {now} majors, the stages "
                             f"{Counter(groups[name])[len(REASONS) - 1]}")
    print(f"realmt {args.split}, grammar off: {len(mt)} MT, {len(pro)} professional; thresholds minor "
          f"{th['minor']}, major {th['major']}, slip floor {SLIP_FLOOR}\n")
    print(table(groups, args.markdown))
    gates = Counter(s.gate for r, g in zip(mt_rows, groups["MT"], strict=True) if g in (2, 6)
                    for s in r.segs if s.gate and s.p is not None and s.p >= th["minor"])
    print("\nMT, gate of the blocked segments:", dict(gates))
    stopped = Counter(c for r, g in zip(mt_rows, groups["MT"], strict=True) if g == 5
                      for s in r.segs for c in s.other_rules + s.carried)
    print("MT, non-corroborating rule codes where that is the furthest stage:", dict(stopped.most_common()))
    band = [max(s.p for s in r.segs if s.p is not None) for r, g in zip(mt_rows, groups["MT"], strict=True)
            if g in (3, 4, 5)]
    edges = [th["minor"], 0.40, 0.50, 0.55, 0.60, th["major"]]
    print("MT suspicions allowed a major (stages 3-5), by p:",
          {f"[{a:.2f}, {b:.2f})": sum(a <= p < b for p in band) for a, b in zip(edges, edges[1:], strict=False)})
    if args.show:
        for r, g in zip(mt_rows, groups["MT"], strict=True):
            if g in (5, 6):
                print(f"  {r.id} [{REASONS[g][:40]}] " + "; ".join(
                    f"p={s.p:.2f} gate={s.gate or 'ok'} {s.corroborating + s.other_rules + s.carried + s.signs}"
                    for s in r.segs if s.p is not None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
