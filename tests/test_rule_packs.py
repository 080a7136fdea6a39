"""Loading rule packs: every mistake names the pack, the rule code and the field."""

from __future__ import annotations

import pytest
import yaml

from mtfix.errors import RulePackError
from mtfix.rules.engine import RulesChecker, select_rules
from mtfix.rules.pack import load_pack_file

GOOD_RULE = {
    "code": "TST001",
    "name": "test-rule",
    "title": "A test rule",
    "docs": "What it does: tests.",
    "category": "Fluency/Spelling",
    "severity": "minor",
    "message": "test",
    "triggers": ["teh"],
    "pattern": r"\bteh\b",
    "replacement": "the",
    "fix": "safe",
    "examples": {"flag": [{"text": "teh cat", "fixed": "the cat"}], "pass": ["the cat"]},
}


def _write(tmp_path, rules, name="mypack"):
    p = tmp_path / f"{name}.yaml"
    p.write_text(yaml.safe_dump({"pack": name, "version": "1", "rules": rules}), encoding="utf-8")
    return p


def test_a_valid_user_pack_loads_and_fixes(tmp_path):
    pack = load_pack_file(_write(tmp_path, [GOOD_RULE]))
    checker = RulesChecker([pack])
    from mtfix.pipeline import Pipeline

    assert Pipeline(checkers=[checker]).fix("I saw teh cat.").text == "I saw the cat."


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"pattern": "(unclosed"}, "pattern"),
        ({"title": None}, "title"),
        ({"severity": "huge"}, "severity"),
        ({"category": "Fluency/Nonsense"}, "category"),
        ({"fix": "maybe"}, "fix"),
        ({"examples": {"flag": [{"text": "teh", "fixed": "the"}]}}, "examples"),
        ({"colour": "red"}, "colour"),
        ({"params": {"words": ["yes", True]}}, "params.words"),
        ({"examples": {"flag": [{"text": "teh cat", "fixed": "the cat", "fix": "sure"}], "pass": ["x"]}},
         "examples.flag"),
    ],
)
def test_bad_rule_is_named_with_pack_code_and_field(tmp_path, change, field):
    rule = {**GOOD_RULE, **change}
    rule = {k: v for k, v in rule.items() if v is not None}
    with pytest.raises(RulePackError) as err:
        load_pack_file(_write(tmp_path, [rule]))
    assert err.value.pack == "mypack"
    assert err.value.code == "TST001"
    assert err.value.field == field
    assert "mypack" in str(err.value) and "TST001" in str(err.value) and field in str(err.value)


def test_duplicate_codes_and_invalid_yaml(tmp_path):
    with pytest.raises(RulePackError, match="duplicate"):
        load_pack_file(_write(tmp_path, [GOOD_RULE, GOOD_RULE]))
    bad = tmp_path / "broken.yaml"
    bad.write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="broken.*not valid YAML"):
        load_pack_file(bad)


def test_select_and_ignore_by_code_or_prefix():
    rules = RulesChecker.bundled().rules
    assert {r.code for r in select_rules(rules, select=["MTF2"])} == {r.code for r in rules if r.code.startswith("MTF2")}
    kept = select_rules(rules, ignore=["MTF1", "MTF205"])
    assert kept and all(not r.code.startswith("MTF1") and r.code != "MTF205" for r in kept)


def test_prefilter_runs_patterns_only_where_triggers_occur():
    checker = RulesChecker.bundled()
    from mtfix.model import Document

    doc = Document.from_text("A clean sentence.\nPrices of oilgas rose.")
    assert [(s.index,) for s in doc.segments] == [(0,), (1,)]
    pairs = checker._candidates(doc, doc.text.lower(), [s.start for s in doc.segments])
    assert [(r.code, segs) for r, segs in pairs] == [("MTF206", [1])]


def test_loop_severity_and_safety_follow_the_occurrence():
    from mtfix.model import Document

    checker = RulesChecker.bundled()

    def loop(text):
        (f,) = [f for f in checker.check(Document.from_text(text)) if f.code == "MTF106"]
        return str(f.fix), str(f.severity)

    assert loop("Exports of wheat wheat wheat fell.") == ("safe", "major")
    assert loop("It was a long, long, long winter.") == ("unsafe", "minor")
    assert loop("They chanted: our town, our town, our town, our town, our town.") == ("safe", "major")
    assert loop("We discussed the new gas route the new gas route today.") == ("unsafe", "major")
