"""Span-level agreement of mtfix findings with human MQM error spans.

Families are MQM's: fluency, accuracy, terminology, style, locale, other
(``mtfix.model.category_family``).  A finding *meets* a human span when their
character ranges overlap (a zero-width human span, an omission point, is met by
a finding that covers it).  Only target-side human spans with offsets count.

* precision of a family / a rule code: share of its findings that meet a human
  span of the same family (``same``) or of any family (``any``);
* recall of a family: share of distinct human spans of that family met by a
  finding of the same family;
* ``silent``: share of a code's findings in segments where no rater marked any error;
* :func:`agreement`: per rule and split, pooled over sets, whether it agrees with the raters.

The he-en set has severities but no categories: its spans count for ``any`` only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mtfix.model import Finding, category_family

FAMILIES = ("fluency", "accuracy", "terminology", "style", "locale", "other")


def human_family(category: str | None) -> str:
    if not category:
        return "any"
    fam = category_family(category)
    if fam.startswith("locale"):
        return "locale"
    return fam if fam in FAMILIES else "other"


def human_spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Distinct target-side human error spans ``(start, end, family)``."""
    out = set()
    for e in record.get("errors") or []:
        if e.get("side") == "source" or e.get("start") is None or e.get("end") is None:
            continue
        if str(e.get("severity", "")).lower() == "neutral":
            continue
        fam = human_family(e.get("category"))
        if fam == "source":
            continue
        out.add((int(e["start"]), int(e["end"]), fam))
    return sorted(out)


def _meets(a0: int, a1: int, b0: int, b1: int) -> bool:
    if b0 == b1:  # a point: inside the finding or at its edges
        return a0 <= b0 <= a1
    if a0 == a1:
        return b0 <= a0 <= b1
    return a0 < b1 and b0 < a1


@dataclass
class SpanTally:
    """Counts accumulated over records."""

    human: Counter = field(default_factory=Counter)  # family → human spans
    human_met: Counter = field(default_factory=Counter)  # family → human spans met by a same-family finding
    found: Counter = field(default_factory=Counter)  # family → findings
    found_same: Counter = field(default_factory=Counter)
    found_any: Counter = field(default_factory=Counter)
    code: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    code_family: dict[str, str] = field(default_factory=dict)
    records: int = 0
    categorised: bool = True

    def add(self, record: dict[str, Any], findings: Iterable[Finding]) -> None:
        self.records += 1
        spans = human_spans(record)
        if any(f == "any" for _, _, f in spans):
            self.categorised = False
        findings = list(findings)
        gold = record.get("mqm_score", record.get("mqm_score_from_spans"))
        silent = not spans and not (gold or 0) > 0
        for s0, s1, fam in spans:
            self.human[fam] += 1
            self.human["all"] += 1
            if any(_meets(f.start, f.end, s0, s1) for f in findings):
                self.human_met["all"] += 1
            if any(_meets(f.start, f.end, s0, s1) and category_family(f.category) == fam for f in findings):
                self.human_met[fam] += 1
        for f in findings:
            fam = category_family(f.category)
            same = any(_meets(f.start, f.end, s0, s1) and fam2 == fam for s0, s1, fam2 in spans)
            anyf = any(_meets(f.start, f.end, s0, s1) for s0, s1, _ in spans)
            for key in (fam, "all"):
                self.found[key] += 1
                self.found_same[key] += same
                self.found_any[key] += anyf
            c = self.code[f.code]
            self.code_family[f.code] = fam
            c["n"] += 1
            c["same"] += same
            c["any"] += anyf
            c["silent"] += silent

    def family_rows(self) -> list[dict[str, Any]]:
        rows = []
        for fam in (*FAMILIES, "all"):
            if not self.human[fam] and not self.found[fam]:
                continue
            rows.append({
                "family": fam,
                "human_spans": self.human[fam],
                "findings": self.found[fam],
                "precision_same": _ratio(self.found_same[fam], self.found[fam]) if self.categorised or fam == "all" else None,
                "precision_any": _ratio(self.found_any[fam], self.found[fam]),
                "recall": _ratio(self.human_met[fam], self.human[fam], 5),
            })
        return rows

    def code_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "code": code,
                "family": self.code_family[code],
                "findings": c["n"],
                "meets_same": c["same"] if self.categorised else None,
                "meets_any": c["any"],
                "precision_same": _ratio(c["same"], c["n"]) if self.categorised else None,
                "precision_any": _ratio(c["any"], c["n"]),
                "silent": _ratio(c["silent"], c["n"]),
            }
            for code, c in sorted(self.code.items())
        ]


def agreement(spans: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Per rule code and split, pooled over the MQM sets: findings, shares meeting a human span,
    and a verdict: ``agrees`` (half or more meet a span of the same family), ``right place,
    other category`` (half or more meet some span), ``disagrees`` (fewer than half meet any)."""
    pool: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for s in spans.values():
        for r in s["codes"]:
            c = pool[(r["code"], s["split"])]
            c["n"] += r["findings"]
            c["any"] += r["meets_any"]
            if r["meets_same"] is not None:
                c["cat_n"] += r["findings"]
                c["same"] += r["meets_same"]
    rows = []
    for (code, split), c in sorted(pool.items(), key=lambda kv: (kv[0][1] != "dev", kv[0][0])):
        same, anyp = _ratio(c["same"], c["cat_n"]), _ratio(c["any"], c["n"])
        verdict = ("disagrees" if (anyp or 0) < 0.5 else
                   "agrees" if same is not None and same >= 0.5 else "right place, other category")
        rows.append({"code": code, "split": split, "findings": c["n"], "same": same, "any": anyp,
                     "verdict": verdict})
    return rows


def _ratio(a: int, b: int, digits: int = 3) -> float | None:
    return round(a / b, digits) if b else None
