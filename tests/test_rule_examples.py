"""Every example of every rule, run as a test: the rule packs are their own specification.

* a ``flag`` example is reported by its rule (at the ``flagged`` text, with the ``fix`` safety, when given);
* applying the rule's own fixes turns it into ``fixed`` (or leaves it, without ``fixed``);
* the fixed text is no longer reported by the rule;
* a ``pass`` example is not reported by its rule.
"""

from __future__ import annotations

import pytest

from mtfix.model import Document, FixSafety
from mtfix.repair import apply_edit_groups
from mtfix.rules.engine import RulesChecker

CHECKER = RulesChecker.bundled()
CASES_FLAG = [(r, e) for r in CHECKER.rules for e in r.flag_examples]
CASES_PASS = [(r, e) for r in CHECKER.rules for e in r.pass_examples]


def _findings(text: str, code: str):
    return [f for f in CHECKER.check(Document.from_text(text)) if f.code == code]


def _apply_rule(text: str, code: str) -> str:
    for _ in range(4):
        fixable = [f for f in _findings(text, code) if f.fix is not FixSafety.NONE and f.edits]
        if not fixable:
            break
        new = apply_edit_groups(text, [f.edits for f in fixable]).text
        if new == text:
            break
        text = new
    return text


def test_every_rule_has_examples_of_both_kinds():
    assert CHECKER.rules
    for rule in CHECKER.rules:
        assert rule.flag_examples and rule.pass_examples, rule.code


@pytest.mark.parametrize(("rule", "example"), CASES_FLAG, ids=lambda x: getattr(x, "code", None) or x.text[:40])
def test_flag_example(rule, example):
    found = _findings(example.text, rule.code)
    assert found, f"{rule.code} did not flag {example.text!r}"
    if example.flagged is not None:
        assert example.flagged in [example.text[f.start : f.end] for f in found]
    if example.fix is not None:
        assert {str(f.fix) for f in found} == {example.fix}, f"{rule.code} fix safety on {example.text!r}"
    fixed = _apply_rule(example.text, rule.code)
    assert fixed == (example.fixed if example.fixed is not None else example.text)
    if example.fixed is not None and example.fixed != example.text:
        assert not [f for f in _findings(fixed, rule.code) if f.edits], f"{rule.code} still fixes {fixed!r}"


@pytest.mark.parametrize(("rule", "example"), CASES_PASS, ids=lambda x: getattr(x, "code", None) or x.text[:40])
def test_pass_example(rule, example):
    found = _findings(example.text, rule.code)
    assert not found, f"{rule.code} flagged {example.text!r} at {[example.text[f.start:f.end] for f in found]}"
