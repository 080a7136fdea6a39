"""bench/audit_round4.py and its data (bench/recall_round4): well-formed, the ten realmt source
languages, known error classes, and the per-class table counts what it says."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

audit = pytest.importorskip("audit_round4")
eval_realmt = pytest.importorskip("eval_realmt")

LANGS = {"ar", "az", "fa", "hy", "ka", "kk", "ru", "tr", "uk", "uz"}
CLASSES = {"broken_syntax", "calque_idiom", "case_role_error", "doubled_reporting_verb", "glued_tokens",
           "lexical_mistranslation", "midsentence_capital", "name_misspelling", "sov_word_order",
           "stranded_postposition", "untranslated_token"}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (BENCH / "recall_round4" / name).open(encoding="utf-8") if line.strip()]


def test_round4_data_covers_the_ten_languages_and_known_classes() -> None:
    mt, clean = _rows("mt.jsonl"), _rows("clean.jsonl")
    assert len(mt) >= 80 and len(clean) >= 40
    assert len({r["id"] for r in mt}) == len(mt) and len({r["id"] for r in clean}) == len(clean)
    per_lang = Counter(r["lang"] for r in mt)
    assert set(per_lang) == LANGS and min(per_lang.values()) >= 8
    assert {c for r in mt for c in r["artifacts"]} == CLASSES
    assert all(r["source"] == "own" for r in clean)


def test_per_class_counts_flagged_major_and_rule_findings() -> None:
    rows = [{"artifacts": ["glued_tokens", "calque_idiom"]}, {"artifacts": ["calque_idiom"]}]
    outcomes = [eval_realmt.Outcome("a", "az", "", ["MTF401", "MTF117"], ["MTF401"], 50.0, ""),
                eval_realmt.Outcome("b", "tr", "", [], [], 90.0, "")]
    table = audit.per_class(rows, outcomes)
    assert (table["calque_idiom"]["n"], table["calque_idiom"]["flagged"], table["calque_idiom"]["major"]) == (2, 1, 1)
    assert table["calque_idiom"]["by_rule"] == 1 and table["calque_idiom"]["missed_langs"] == {"tr"}
    assert table["glued_tokens"]["langs"] == {"az"}
