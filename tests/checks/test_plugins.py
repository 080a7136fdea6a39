"""Plug-ins: a checker defined here and registered as an entry point (group ``mtfix.checkers``)
shows up in ``mtfix rules``, in ``check`` findings and in the signature, with no edit to mtfix.

The entry point is "installed" by writing a ``*.dist-info`` directory (``METADATA`` and
``entry_points.txt``) onto ``sys.path``; the CLI runs in a subprocess that gets the same
directory on ``PYTHONPATH``.  Also here: the pipeline orders checkers by what they need and
provide, and the signature names every input that decides results.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from mtfix.catalogue import RuleInfo
from mtfix.checker_registry import ENTRY_POINT_GROUP, order_checkers
from mtfix.config import Config
from mtfix.model import BaseChecker, CheckOutput, Document, Finding, Severity
from mtfix.pipeline import Pipeline
from mtfix.signature import Signature

CODE = "XPL001"
_SHOUT = re.compile(r"\b[A-Z]{4,}\b")


class ShoutChecker(BaseChecker):
    """Flags words in capitals, except the glossary's names and terms (``NATO``, ``OSCE``)."""

    name = "shout"
    needs = ("terms",)

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> CheckOutput:
        terms = (annotations or {}).get("terms", ())
        found = [Finding(CODE, "Fluency/Register", Severity.MINOR, m.start(), m.end(), "a word in capitals")
                 for m in _SHOUT.finditer(doc.text)
                 if not any(t.start <= m.start() and m.end() <= t.end for t in terms)]
        return CheckOutput(found)

    def signature(self) -> str:
        return "shout-1"

    def rules(self) -> list[RuleInfo]:
        return [RuleInfo(CODE, "shouting", "shout", "shout", "Fluency/Register", "minor", "none",
                         "A word in capitals", "Words written in capitals that no glossary knows.",
                         ({"text": "The TALKS failed."},), ("The talks failed.",))]


def build_checker(config: Any, warnings: list[str]) -> ShoutChecker:
    """The entry point's factory."""
    return ShoutChecker()


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``shout`` registered as a ``mtfix.checkers`` entry point of an installed distribution."""
    dist = tmp_path / "mtfix_shout-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mtfix-shout\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\nshout = {__name__}:build_checker\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield tmp_path


def _mtfix(plugin_dir: Path, *args: str) -> subprocess.CompletedProcess:
    here = str(Path(__file__).resolve().parent)  # this module, for the entry point to import
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin_dir), here, os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "mtfix", *args], capture_output=True, text=True, env=env,
                          timeout=300)


TEXT = "The OSCE said the TALKS failed.\n"


def test_a_plugin_checker_runs_in_check_and_is_in_the_signature(plugin: Path) -> None:
    p = Pipeline(Config(grammar="off", ignore=("MTF4",)))  # the garble detector may judge the capitals too
    assert [c.name for c in p.checkers][-1] == "shout"
    result = p.check(TEXT)
    assert [(f.code, TEXT[f.start:f.end]) for f in result.findings] == [(CODE, "TALKS")]  # OSCE: a glossary term
    assert p.signature_info().fields["shout"] == "shout-1"
    assert "|shout:shout-1|" in p.signature()


def test_a_plugin_checker_is_in_rules_explain_and_check(plugin: Path, tmp_path: Path) -> None:
    rows = json.loads(_mtfix(plugin, "rules", "--format", "json").stdout)
    (row,) = [r for r in rows if r["code"] == CODE]
    assert row["checker"] == "shout" and row["name"] == "shouting"
    assert "A word in capitals" in _mtfix(plugin, "explain", CODE).stdout
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    r = _mtfix(plugin, "check", "--grammar", "off", "--format", "json", "--select", CODE, str(article))
    assert [f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]] == [CODE], r.stderr


def test_without_the_entry_point_there_is_no_plugin() -> None:
    assert "shout" not in [c.name for c in Pipeline(Config(grammar="off")).checkers]


def test_checkers_run_in_the_order_of_their_needs() -> None:
    from mtfix.glossary.checker import GlossaryChecker

    shout, glossary = ShoutChecker(), GlossaryChecker.from_files()
    p = Pipeline(Config(grammar="off"), checkers=[shout, glossary])
    assert [c.name for c in p.checkers] == ["glossary", "shout"]
    assert [f.code for f in p.check(TEXT).findings] == [CODE]

    class Needy(BaseChecker):
        def __init__(self, name: str, provides: tuple[str, ...], needs: tuple[str, ...]):
            self.name, self.provides, self.needs = name, provides, needs

    with pytest.raises(ValueError, match="circle"):
        order_checkers([Needy("a", ("x",), ("y",)), Needy("b", ("y",), ("x",))])


def test_the_glossary_provides_terms_and_stats_without_changing_the_document() -> None:
    p = Pipeline(Config(grammar="off"))
    doc = p.document(TEXT)
    before = (list(doc.segments), list(doc.protected), dict(doc.meta))
    result = p.check(doc)
    assert [TEXT[s.start:s.end] for s in result.annotations["terms"]] == ["OSCE"]
    assert result.annotations["glossary_stats"]["mentions"] == 1
    assert (list(doc.segments), list(doc.protected), dict(doc.meta)) == before


def test_the_signature_names_every_input() -> None:
    p = Pipeline(Config(grammar="off"))
    sig = p.signature_info()
    assert isinstance(sig, Signature) and sig.kind == "mtfix-check" and str(sig) == p.signature()
    assert list(sig.fields)[:5] == ["rules", "glossary", "grammar", "bilingual", "garble"]
    assert all(re.fullmatch(r"[\w-]+@[\w.]+#[0-9a-f]{8}", pack) for pack in sig.fields["rules"].split("+"))
    assert sig.fields["grammar"] == "off"
    assert sig.fields["segmenter"].startswith("pysbd-") and sig.fields["lexicon"].startswith("wordfreq-")
    assert list(sig.fields)[-1] == "version"
    assert Signature.parse(str(sig)) == sig
    assert sig.format(short=True).startswith("mtfix-check|r:")
    score = Signature.parse(p.score("Prices rose.").signature)
    assert score.kind == "mtfix-fluency" and {"lm", "weights", "segmenter"} <= set(score.fields)
    assert score.fields["rules"] == sig.fields["rules"] and list(score.fields)[-1] == "version"


def test_the_rule_selection_is_in_the_signature() -> None:
    """``--select``/``--ignore`` change which findings count, so scores made with different selections
    must not carry one signature (75.9 and 85.9 did); the resolved codes are named, so that a rule's name
    and its code give the same signature, and the default selection adds no field."""
    text = "Prices of oilgas rose in the the market."
    default = Pipeline(Config(grammar="off"))
    ignored = Pipeline(Config(grammar="off", ignore=("MTF105", "MTF206")))
    assert "select" not in default.signature_info().fields
    assert ignored.signature_info().fields["select"] == "-MTF105,-MTF206"
    assert ignored.score(text).fluency != default.score(text).fluency
    assert Signature.parse(ignored.score(text).signature).fields["select"] == "-MTF105,-MTF206"
    by_name = Pipeline(Config(grammar="off", select=("MTF2",), ignore=("repeated-word", "MTF206")))
    assert by_name.signature_info().fields["select"] == "+MTF2,-MTF105,-MTF206"


def test_a_pack_edited_without_a_new_version_changes_the_signature(tmp_path: Path) -> None:
    import yaml

    rule = {"code": "TST901", "name": "teh", "title": "teh", "docs": "A typo.", "category": "Fluency/Spelling",
            "severity": "minor", "message": "test", "triggers": ["teh"], "pattern": r"\bteh\b",
            "replacement": "the", "fix": "safe",
            "examples": {"flag": [{"text": "teh cat", "fixed": "the cat"}], "pass": ["the cat"]}}
    pack = tmp_path / "mine.yaml"

    def rules_field() -> str:
        pack.write_text(yaml.safe_dump({"pack": "mine", "version": "1", "rules": [rule]}), encoding="utf-8")
        return Pipeline(Config(grammar="off", rule_files=(str(pack),))).signature_info().fields["rules"]

    first = rules_field()
    rule["docs"] = "A typo, fixed."
    second = rules_field()
    assert "mine@1#" in first and first != second


def test_a_plugin_rule_without_a_url_links_to_no_section_of_docs_rules_md(plugin: Path, tmp_path: Path) -> None:
    """A plug-in's rule without a ``url`` got a ``helpUri`` (SARIF), ``help_uri`` (JSON) and ``docs:``
    line (explain) pointing at ``docs/rules.md#xpl001``, a section mtfix's docs do not have: it now has
    none; mtfix's own rules and a plug-in's ``url`` keep theirs."""
    rows = {r["code"]: r for r in json.loads(_mtfix(plugin, "rules", "--format", "json").stdout)}
    assert rows[CODE]["help_uri"] is None
    assert rows["MTF105"]["help_uri"].endswith("docs/rules.md#mtf105")
    assert "docs:" not in _mtfix(plugin, "explain", CODE).stdout
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    r = _mtfix(plugin, "check", "--grammar", "off", "--format", "sarif", "--select", CODE, str(article))
    (rule,) = json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == CODE and "helpUri" not in rule, rule
    documented = RuleInfo(CODE, "shouting", "shout", "shout", "Fluency/Register", "minor", "none", "t", "d",
                          url="https://example.org/shout#xpl001")
    assert documented.help_uri == "https://example.org/shout#xpl001"
