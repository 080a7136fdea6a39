"""bench/major_evidence.py: what a candidate would make major is counted only on sentences whose MTF401 is a
minor where a major is allowed, the non-word class matches the scoring table's, and a cache round-trips."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from mtfix.garble.signs import DENSE_FEATURES, SURPRISAL_FEATURES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

evidence = pytest.importorskip("major_evidence")

MT = (
    "The delegation of the university with the students of the faculty a meeting held , "
    "and the questions of the sessio were discussed."
)
CLEAN = "The regional council approved the new budget on Thursday after a long debate, officials said."


def _row(
    corpus: str, p: float, findings: list[list[str]], may_major: bool = True, text: str = CLEAN, lang: str = "xx"
) -> dict:
    return {
        "corpus": corpus,
        "lang": lang,
        "text": text,
        "words": 14,
        "may_major": may_major,
        "p": p,
        "findings": findings,
        "dense": {**dict.fromkeys((*DENSE_FEATURES, *SURPRISAL_FEATURES), 0.0), "tag_surprisal_max": 13.0},
    }


MINOR = [["MTF401", "Fluency/Grammar", "minor"]]


def test_only_a_minor_mtf401_where_a_major_is_allowed_is_raisable() -> None:
    assert evidence.minor_401(_row("mt-train", 0.6, MINOR))
    assert not evidence.minor_401(_row("mt-train", 0.6, MINOR, may_major=False))
    assert not evidence.minor_401(_row("mt-train", 0.6, [["MTF104", "Fluency/Grammar", "minor"]]))
    major = _row("mt-train", 0.7, [["MTF401", "Fluency/Grammar", "major"]])
    assert evidence.is_major(major) and not evidence.minor_401(major)


def test_candidates_read_probability_and_inputs() -> None:
    cands = evidence.candidates()
    lowered = cands["p ≥ 0.55 (major threshold lowered from 0.641)"]
    assert lowered(_row("mt-train", 0.58, MINOR)) and not lowered(_row("mt-train", 0.52, MINOR))
    surprisal = cands["tag_surprisal_max ≥ 12.4 + p ≥ 0.50"]
    assert surprisal(_row("mt-train", 0.55, MINOR)) and not surprisal(_row("mt-train", 0.45, MINOR))


def test_nonwords_are_lower_case_words_no_part_of_which_is_english() -> None:
    assert evidence.nonwords("The students of the delegatiom and the universitek were present at it.") == 2
    assert evidence.nonwords(CLEAN) == 0
    assert evidence.nonwords("The visitors met Dana fendlish at the station on Monday.") == 0  # a name's particle


def test_table_counts_train_mt_and_professional_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        _row("mt-train", 0.58, MINOR, text=MT, lang="az"),
        _row("mt-train", 0.58, MINOR, text=MT, lang="tr"),
        _row("mqm-ref", 0.58, MINOR),
        _row("ewt", 0.40, MINOR),
        _row("mt-dev", 0.9, MINOR),
    ]
    cache = tmp_path / "evidence.jsonl"
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    evidence.table(cache, markdown=True)
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("| p ≥ 0.55"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[1].startswith("2 (2: ") and cells[2:] == ["1", "0"]  # mqm-ref 1, ewt 0; dev not shown


def test_quote_and_start_shapes() -> None:
    assert evidence.unbalanced_quotes("She added, \u201cThe harvest came late this year and the prices rose.")
    assert evidence.unbalanced_quotes('The mayor said "the bridge opens in May and the road later.')
    assert not evidence.unbalanced_quotes("She added, \u201cThe harvest came late,\u201d and left the hall.")
    assert not evidence.unbalanced_quotes(CLEAN)
    assert evidence.lower_start("\u201con Monday the council met again to vote on the plan.")
    assert not evidence.lower_start(CLEAN)


def test_grammar_table_counts_grammar_type_languagetool_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grammar = ["LT:AGREEMENT_SENT_START", "Fluency/Grammar", "minor"]
    speller = ["LT:MORFOLOGIK_RULE_EN_US", "Fluency/Spelling", "minor"]
    rows = [
        {"corpus": "mt-train", "lang": "az", "p": 0.52, "text": MT, "lt": [grammar]},
        {"corpus": "mt-train", "lang": "kk", "p": 0.52, "text": MT, "lt": [speller]},
        {"corpus": "mt-train", "lang": "tr", "p": 0.31, "text": MT, "lt": [grammar]},
        {"corpus": "mqm-ref", "lang": "en", "p": 0.48, "text": CLEAN, "lt": [grammar, speller]},
        {"corpus": "ewt", "lang": "en", "p": 0.40, "text": CLEAN, "lt": [speller]},
    ]
    out = tmp_path / "lt.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    evidence.grammar_table(out)
    lines = capsys.readouterr().out.splitlines()

    def cells(start: str) -> list[str]:
        return [c.strip() for c in next(x for x in lines if x.startswith(start)).strip("|").split("|")]

    assert cells("| LanguageTool Fluency/Grammar + p ≥ 0.30")[1:] == ["2 (2: az, tr)", "1", "0"]
    assert cells("| LanguageTool Fluency/Grammar + p ≥ 0.50")[1:] == ["1 (1: az)", "0", "0"]
    assert any(x.strip().startswith("LT:AGREEMENT_SENT_START: mt-train 2, mqm-ref 1") for x in lines)
