"""The garble detector's explanations (``mtfix explain MTF401`` … ``MTF408``, the review page's rule drawer,
docs/rules.md) give examples: each must do what its explanation says, severity included (session 26:
MTF401's example said "major, with MTF405" where the shipped model gives it minor)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.garble.rules import GARBLE_RULES

#: "sentence" → MTF401 (major, with MTF405 …): the sentence, the code, its severity if said, codes named with it
_EXAMPLE = re.compile(r'"([^"]+)" → (MTF\d{3})(?: \((minor|major|critical)?([^)]*)\))?')

EXAMPLES = [
    (code, m.group(1), m.group(2), m.group(3), re.findall(r"MTF\d{3}", m.group(4) or ""))
    for code, rule in GARBLE_RULES.items()
    for m in _EXAMPLE.finditer(rule.docs.split("Example:", 1)[-1] if "Example:" in rule.docs else "")
]

#: "sentence" → no MTF407 (...): an example the rule must NOT flag (session 31: MTF407 on "her", never the possessive)
_NOT_FLAGGED = re.compile(r'"([^"]+)" → no (MTF\d{3})')

NEGATIVES = [
    (code, m.group(1), m.group(2))
    for code, rule in GARBLE_RULES.items()
    for m in _NOT_FLAGGED.finditer(rule.docs.split("Example:", 1)[-1] if "Example:" in rule.docs else "")
]


def _findings(text: str) -> list[dict]:
    r = CliRunner().invoke(app, ["check", "-", "--grammar", "off", "--format", "json"], input=text + "\n")
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)["files"][0]["findings"]


def test_every_detector_rule_has_an_example():
    assert {code for code, *_ in EXAMPLES} == set(GARBLE_RULES), EXAMPLES


@pytest.mark.parametrize(
    ("rule", "sentence", "code", "severity", "with_codes"),
    EXAMPLES,
    ids=[f"{e[0]}-{i}" for i, e in enumerate(EXAMPLES)],
)
def test_an_explanation_example_does_what_it_says(rule, sentence, code, severity, with_codes):
    found = _findings(sentence)
    got = {f["code"]: f["severity"] for f in found}
    assert code in got, (sentence, found)
    if severity:
        assert got[code] == severity, (sentence, got)
    for other in with_codes:
        assert other in got, (sentence, other, got)


def test_the_case_role_rule_shows_an_example_both_ways():
    assert [e[1] for e in EXAMPLES if e[0] == "MTF407"] == [
        "Them said the offer was fair.", "Her said that the offer was fair.", "Her told reporters the talks had failed."]
    assert [e[1] for e in NEGATIVES if e[0] == "MTF407"] == [
        "Her report said the offer was fair.", "Her lost keys were found in the car park.", "US said the talks had failed."]


@pytest.mark.parametrize(("rule", "sentence", "code"), NEGATIVES, ids=[f"{e[0]}-not-{i}" for i, e in enumerate(NEGATIVES)])
def test_an_explanation_example_not_flagged_is_not(rule, sentence, code):
    assert code not in {f["code"] for f in _findings(sentence)}, sentence
