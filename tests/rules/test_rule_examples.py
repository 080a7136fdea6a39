"""Every example of every rule in the catalogue, run as a test: the rules are their own specification.

The cases come from :func:`mtfix.catalogue.build_catalogue` and from nothing else, so a rule of any
checker (pack rules, LanguageTool's safe fixes, a plug-in's ``rules()``) is tested as soon as its
catalogue entry carries examples:

* a flag example is reported by its rule (at the ``flagged`` text, with the ``fix`` safety, when given);
* applying the rule's own fixes turns it into ``fixed`` (or leaves it, without ``fixed``);
* the fixed text is no longer fixed by the rule;
* a leave-alone example is not reported by its rule.

Each example runs through a pipeline that selects the rule's checker (so no other checker's finding on
the same span displaces it) and names every bundled pack (so source-language packs run without
evidence of their language); LanguageTool's examples need the real server.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mtfix.catalogue import RuleInfo, build_catalogue
from mtfix.config import Config
from mtfix.model import Finding, FixSafety
from mtfix.pipeline import Pipeline
from mtfix.repair import apply_edit_groups
from tests.languagetool_home import installed_lt_home

CATALOGUE = build_catalogue()
PACKS = tuple(sorted({r.pack for r in CATALOGUE if r.checker == "rules"}))
NEEDS_LT = {"grammar"}  # checkers whose examples need the LanguageTool server


def _marks(rule: RuleInfo) -> list[pytest.MarkDecorator]:
    return [pytest.mark.languagetool, pytest.mark.slow] if rule.checker in NEEDS_LT else []


CASES_FLAG = [pytest.param(r, e, marks=_marks(r), id=f"{r.code}-{e['text'][:40]}")
              for r in CATALOGUE for e in r.examples]
CASES_PASS = [pytest.param(r, t, marks=_marks(r), id=f"{r.code}-{t[:40]}")
              for r in CATALOGUE for t in r.leaves_alone]

_pipelines: dict[str, Pipeline] = {}  # by checker (and the codes an example needs beside it)


def _pipeline(rule: RuleInfo, also: str = "") -> Pipeline:
    """The pipeline of the rule's checker; ``also``: codes of other rules an example needs (a rule that
    reports on another's fixes, MTF601, flags nothing alone)."""
    key = f"{rule.checker}+{also}"
    if key not in _pipelines:
        with_lt = rule.checker in NEEDS_LT
        if with_lt:
            installed_lt_home()  # or a skip
        codes = tuple(r.code for r in CATALOGUE if r.checker == rule.checker) + tuple(filter(None, also.split(",")))
        config = Config(grammar="required" if with_lt else "off", packs=PACKS, select=codes)
        _pipelines[key] = Pipeline(config)
    return _pipelines[key]


@pytest.fixture(scope="module", autouse=True)
def _close_pipelines() -> Iterator[None]:
    yield
    while _pipelines:
        _pipelines.popitem()[1].close()


def _findings(rule: RuleInfo, text: str) -> list[Finding]:
    """The rule's findings on ``text``; an example of a format's own rule (its ``format``, ``with``
    the codes it needs) is read as a file of that format."""
    example = _EXAMPLE_OPTIONS.get((rule.code, text), {})
    pipeline = _pipeline(rule, example.get("with", ""))
    if example.get("format"):
        from mtfix.files import unit_document
        from mtfix.formats import get_format

        unit = get_format(example["format"]).load(text.encode(), f"example.{example['format']}", {}).units[0]
        return [f for f in pipeline.check(unit_document(unit, None)).findings if f.code == rule.code]
    return [f for f in pipeline.check(text).findings if f.code == rule.code]


#: (code, text) → the ``format`` and ``with`` of the example or leave-alone text (leave-alone texts
#: of a rule with a format example are read in that format too)
_EXAMPLE_OPTIONS: dict[tuple[str, str], dict[str, str]] = {}
for _rule in CATALOGUE:
    for _e in _rule.examples:
        if _e.get("format"):
            opts = {k: _e[k] for k in ("format", "with") if k in _e}
            _EXAMPLE_OPTIONS[(_rule.code, _e["text"])] = opts
            for _t in _rule.leaves_alone:
                _EXAMPLE_OPTIONS.setdefault((_rule.code, _t), opts)


def _apply_rule(rule: RuleInfo, text: str) -> str:
    for _ in range(4):
        fixable = [f for f in _findings(rule, text) if f.fix is not FixSafety.NONE and f.edits]
        if not fixable:
            break
        new = apply_edit_groups(text, [f.edits for f in fixable]).text
        if new == text:
            break
        text = new
    return text


def test_the_catalogue_has_examples_and_every_pack_rule_has_both_kinds() -> None:
    assert CASES_FLAG and CASES_PASS
    for rule in CATALOGUE:
        if rule.checker == "rules":
            assert rule.examples and rule.leaves_alone, rule.code


@pytest.mark.parametrize(("rule", "example"), CASES_FLAG)
def test_flag_example(rule: RuleInfo, example: dict[str, Any]) -> None:
    text = example["text"]
    found = _findings(rule, text)
    assert found, f"{rule.code} did not flag {text!r}"
    if example.get("flagged") is not None:
        assert example["flagged"] in [text[f.start : f.end] for f in found]
    if example.get("fix") is not None:
        assert {str(f.fix) for f in found} == {example["fix"]}, f"{rule.code} fix safety on {text!r}"
    fixed = _apply_rule(rule, text)
    expected = example.get("fixed")
    assert fixed == (expected if expected is not None else text)
    if expected is not None and expected != text:
        assert not [f for f in _findings(rule, fixed) if f.edits], f"{rule.code} still fixes {fixed!r}"


@pytest.mark.parametrize(("rule", "text"), CASES_PASS)
def test_leave_alone_example(rule: RuleInfo, text: str) -> None:
    found = _findings(rule, text)
    assert not found, f"{rule.code} flagged {text!r} at {[text[f.start:f.end] for f in found]}"


def test_a_garbled_structure_counts_its_signs_as_it_lists_them():
    """MTF120 counts signs by span: two codes on the same glued word are one sign, and the message
    listed them apart ("3 signs: MTF103, MTF104, MTF202, MTF203")."""
    text = "Tbilisi Baku snowThe agreement was signed and There were no objections."
    found = Pipeline(Config(grammar="off", packs=["en-generic", "az-en"])).check(text).findings
    (whole,) = [f for f in found if f.code == "MTF120"]
    assert "(3 signs: MTF203, MTF103/MTF202, MTF104)" in whole.message, whole.message


def test_a_garbled_structure_names_each_sign_once_with_its_count():
    """MTF120's message is a review card's name, read whole by a screen reader: a sign that repeats is named
    once with its count ("MTF104 ×3"), not once per occurrence (session 21)."""
    text = ("The talks ended and The ministers left and The leaders spoke and The crowd cheered and "
            "Tbilisi Baku snowThe agreement was signed.")
    found = Pipeline(Config(grammar="off", packs=["en-generic", "az-en"])).check(text).findings
    (whole,) = [f for f in found if f.code == "MTF120"]
    assert "(5 signs: MTF104 ×3, MTF203, MTF103/MTF202)" in whole.message, whole.message


def test_a_garbled_structure_with_many_kinds_of_sign_names_a_few_and_counts_the_rest():
    """Past four kinds of sign the message names the most frequent four and says how many signs are left."""
    from types import SimpleNamespace

    from mtfix.rules.detectors.structure import _signs_by_span

    codes = ["MTF104"] * 12 + ["MTF203"] * 9 + ["MTF201"] * 3 + ["MTF202"] * 2 + ["MTF204", "MTF103", "MTF103"]
    found = [SimpleNamespace(start=10 * i, end=10 * i + 3, code=c) for i, c in enumerate(codes)]
    summary = _signs_by_span(found)
    assert summary == "MTF104 ×12, MTF203 ×9, MTF201 ×3, MTF202 ×2 and 3 more", summary
    assert summary.count("MTF104") == 1
