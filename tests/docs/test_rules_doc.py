"""docs/rules.md is the rule catalogue as Markdown, and every rule's documentation link lands on its section."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from mtfix.catalogue import build_catalogue
from mtfix.cli import app
from mtfix.config import Config
from mtfix.report.rules_markdown import _code, example_item, render

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
REGENERATE = "python -m mtfix rules --format markdown > docs/rules.md"


def test_docs_rules_md_matches_the_catalogue():
    result = CliRunner().invoke(app, ["rules", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert DOC.read_text(encoding="utf-8") == result.output, f"docs/rules.md is stale: run `{REGENERATE}`"


def test_every_rule_has_its_anchor_and_examples_in_the_page():
    page = DOC.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', page))
    for rule in build_catalogue(Config()):
        assert rule.help_uri.rsplit("#", 1)[1] in anchors, rule.code
        for e in rule.examples:
            assert "\n".join(example_item(e["text"], e.get("format"), e.get("fixed"))) in page, (rule.code, e["text"])
    assert _code("one line") == example_item("one line")[0][2:]  # one line: a code span, as before


def test_code_spans_survive_backticks_and_the_table_survives_pipes():
    assert _code("a `b` c") == "`` a `b` c ``"
    assert _code("plain") == "`plain`"
    from mtfix.catalogue import RuleInfo

    row = RuleInfo("X1", "x", "rules", "p", "Other", "minor", "none", "a | b", "docs")
    assert "| a \\| b |" in render([row])
