"""LanguageTool matches → mtfix findings.

- code ``LT:<RULE_ID>``; MQM category and severity from ``categories.tsv`` (rule row, else category
  row, else ``*``); LT's replacements become suggestions;
- matches overlapping a glossary term (``doc.terms``) or a protected span are dropped, and so are
  spelling matches that only say a word is British (or American) English: variant spelling is not an
  MT error;
- the fix is ``safe`` only for rules in ``safe-fixes.yaml`` (with at most ``max_suggestions``
  replacements), ``none`` for spelling suggestions on capitalised words (names LT does not know), and
  ``unsafe`` otherwise.

>>> from mtfix.model import Document
>>> doc = Document.from_text("We met the the minister.")
>>> m = LTMatch("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Repeated word.", ("the",), 7, 7)
>>> f = map_matches(doc, doc.segments[0].start, [m])[0]
>>> f.code, str(f.fix), f.edits[0].replacement
('LT:ENGLISH_WORD_REPEAT_RULE', 'safe', 'the')
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
import yaml

from mtfix.grammar.client import LTMatch
from mtfix.model import MQM_CATEGORIES, Document, Edit, Finding, FixSafety, Severity, Span

#: LT's message on a word spelled correctly in another English variant ("‘colour’ is British English.").
VARIANT_SPELLING = regex.compile(r"is (British|American|Australian|Canadian|New Zealand|South African) English")
SPELLING_TYPES = frozenset({"misspelling"})


@dataclass(frozen=True, slots=True)
class SafeFix:
    rule: str
    max_suggestions: int
    examples: tuple[tuple[str, str], ...]
    leave_alone: tuple[str, ...]


@lru_cache(maxsize=1)
def category_table() -> dict[str, tuple[str, Severity]]:
    """``categories.tsv`` as {key: (MQM category, severity)}; keys are LT categories or ``rule:ID``."""
    text = (resources.files("mtfix.grammar") / "categories.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    table: dict[str, tuple[str, Severity]] = {}
    for row in rows:
        if row[0] == "key":
            continue
        key, mqm, severity = row[0], row[1], row[2]
        if mqm not in MQM_CATEGORIES:
            raise ValueError(f"categories.tsv: {key}: {mqm!r} is not an MQM category")
        table[key] = (mqm, Severity(severity))
    return table


@lru_cache(maxsize=1)
def safe_fixes() -> dict[str, SafeFix]:
    """``safe-fixes.yaml``: the LT rules whose first suggestion ``mtfix fix`` applies."""
    data: list[dict[str, Any]] = yaml.safe_load(
        (resources.files("mtfix.grammar") / "safe-fixes.yaml").read_text(encoding="utf-8")
    )
    out = {}
    for entry in data:
        examples = tuple((str(e["text"]), str(e["fixed"])) for e in entry.get("examples", ()))
        out[entry["rule"]] = SafeFix(entry["rule"], int(entry.get("max_suggestions", 1)), examples,
                                     tuple(entry.get("leave_alone", ())))
    return out


def classify(match: LTMatch) -> tuple[str, Severity]:
    """MQM category and severity of a match."""
    table = category_table()
    return table.get(f"rule:{match.rule_id}") or table.get(match.category) or table["*"]


def fix_safety(match: LTMatch, matched_text: str) -> FixSafety:
    """How a match's first replacement may be applied (see the module docstring)."""
    if not match.replacements:
        return FixSafety.NONE
    allowed = safe_fixes().get(match.rule_id)
    if allowed is not None and len(match.replacements) <= allowed.max_suggestions:
        return FixSafety.SAFE
    if (match.issue_type in SPELLING_TYPES or match.category == "TYPOS") and matched_text[:1].isupper():
        return FixSafety.NONE  # a name LT does not know: suggestions only, never applied
    return FixSafety.UNSAFE


def _dropped(doc: Document, start: int, end: int, match: LTMatch) -> bool:
    probe = Span(start, max(end, start + 1))
    if any(t.overlaps(probe) for t in doc.terms) or doc.is_protected(start, end):
        return True
    return match.issue_type in SPELLING_TYPES and VARIANT_SPELLING.search(match.message) is not None


def map_matches(doc: Document, base: int, matches: Iterable[LTMatch], segment: int | None = None) -> list[Finding]:
    """Findings for ``matches`` whose offsets are relative to ``doc.text[base:]``."""
    out = []
    for m in matches:
        start, end = base + m.offset, base + m.offset + m.length
        if end > len(doc.text) or _dropped(doc, start, end, m):
            continue
        original = doc.text[start:end]
        category, severity = classify(m)
        safety = fix_safety(m, original)
        edits: tuple[Edit, ...] = ()
        if safety is not FixSafety.NONE:
            code = f"LT:{m.rule_id}"
            edits = (Edit(start, end, m.replacements[0], original, code, f"lt:{m.rule_id}", safety),)
        out.append(Finding(
            code=f"LT:{m.rule_id}", category=category, severity=severity, start=start, end=end,
            message=m.message, suggestions=m.replacements[:5], edits=edits, fix=safety,
            origin=f"lt:{m.rule_id}", segment=segment,
        ))
    return out
