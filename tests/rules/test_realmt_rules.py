"""Rule packs and glossaries on real MT from the web (``../shared/realmt``, development files).

Issue 11's must-holds for the rules and glossary tier, with LanguageTool off:
professional news sentences get no major finding from a rule pack or a glossary
and are never edited; on the garbled MT sentences, ``fix`` lowers corpus TER
against the human corrections and most sentences it changes move closer.
Skipped with a message when the data is absent (set ``MTFIX_SHARED``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.model import Severity
from mtfix.pipeline import Pipeline
from tests.conftest import SHARED

REALMT = SHARED / "realmt"


def _records(name: str) -> list[dict]:
    path = REALMT / name
    if not path.is_file():
        pytest.skip(f"{path} not found (set MTFIX_SHARED to the shared data directory)")
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The rule packs and glossaries exactly as ``mtfix`` builds them by default, and nothing else."""
    from mtfix.glossary.checker import build_checker as glossary_checker
    from mtfix.rules.engine import build_checker as rules_checker

    config = Config(grammar="off")
    warnings: list[str] = []
    checkers = [c for c in (rules_checker(config, warnings), glossary_checker(config, warnings)) if c is not None]
    return Pipeline(config, checkers=checkers)


def test_professional_news_gets_no_major_rule_or_glossary_finding(pipeline):
    bad = []
    for rec in _records("clean_news_dev.jsonl"):
        result = pipeline.check(rec["text"])
        for f in result.findings:
            if f.origin.startswith(("rule:", "glossary:")) and f.severity.rank >= Severity.MAJOR.rank:
                bad.append((rec["id"], f.code, rec["text"][f.start:f.end]))
    assert not bad, bad


def test_professional_news_is_never_edited(pipeline):
    edited = [(rec["id"], [e.code for e in r.edits])
              for rec in _records("clean_news_dev.jsonl")
              if (r := pipeline.fix(rec["text"])).text != rec["text"]]
    assert not edited, edited


def test_fix_moves_garbled_mt_towards_the_human_corrections(pipeline):
    from sacrebleu.metrics import TER

    ter = TER()
    recs = _records("real_mt_dev.jsonl")
    fixed = [pipeline.fix(r["text"]).text for r in recs]
    refs = [[r["correction"] for r in recs]]
    before = ter.corpus_score([r["text"] for r in recs], refs).score
    after = ter.corpus_score(fixed, refs).score
    changed = [(r, f) for r, f in zip(recs, fixed, strict=True) if f != r["text"]]
    assert changed, "fix changed no garbled sentence"
    closer = sum(ter.sentence_score(f, [r["correction"]]).score < ter.sentence_score(r["text"], [r["correction"]]).score
                 for r, f in changed)
    assert after < before, (before, after)
    assert closer >= 0.7 * len(changed), (closer, len(changed))
