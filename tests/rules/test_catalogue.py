"""Issue 10 item 1: one rule catalogue behind ``mtfix rules``, ``mtfix explain``, SARIF's rule
table and ``--select``/``--ignore``, so that they cannot disagree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.catalogue import RuleInfo, Selection, build_catalogue, lt_jars, register_source, selection_for
from mtfix.cli import app
from mtfix.config import Config
from mtfix.errors import ConfigError
from tests.cli_in_process import mtfix_in_process

REPO = Path(__file__).resolve().parents[2]
FIELDS = ("code", "name", "checker", "pack", "category", "severity", "fix", "title", "docs", "examples",
          "leaves_alone", "anchor", "help_uri")
ARTICLE = "It simply came to our notice then that, the delegations met in Baku.\nThey signed the the agreement.\n"


def cli(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(app, list(args))
    return r.exit_code, r.stdout


def mtfix(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``mtfix`` in this process; in a fresh one when ``env`` changes the environment (what the catalogue finds
    installed is read once per process)."""
    if env is None:
        return mtfix_in_process(*args, cwd=cwd)
    full = dict(os.environ, PYTHONPATH=str(REPO), **env)
    return subprocess.run([sys.executable, "-m", "mtfix", *args], capture_output=True, text=True, env=full,
                          cwd=cwd, timeout=180)


@pytest.fixture(scope="module")
def rules_json() -> list[dict]:
    r = mtfix("rules", "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_catalogue_has_every_source(rules_json):
    by_checker = {row["checker"] for row in rules_json}
    assert {"rules", "glossary", "bilingual", "grammar"} <= by_checker
    codes = [row["code"] for row in rules_json]
    assert len(codes) == len(set(codes))
    for row in rules_json:
        assert set(FIELDS) <= set(row), row["code"]
        assert row["severity"] in ("minor", "major", "critical")
        assert row["help_uri"].endswith("#" + row["anchor"])


def test_rules_and_explain_agree_on_every_field_for_every_code(rules_json):
    for row in rules_json:
        code, out = cli("explain", row["code"], "--format", "json")
        assert code == 0, row["code"]
        assert json.loads(out) == row
        code, text = cli("explain", row["code"])
        assert code == 0
        for key in ("code", "name", "checker", "pack", "category", "severity", "fix", "title", "help_uri"):
            assert str(row[key]) in text, (row["code"], key)


def test_the_disagreements_of_the_issue_are_gone(rules_json):
    rows = {row["code"]: row for row in rules_json}
    assert (rows["MTF302"]["category"], rows["MTF302"]["severity"]) == ("Fluency/Spelling", "major")
    assert rows["MTF503"]["category"] == "Other"
    text_rows = {ln.split()[0]: ln for ln in mtfix("rules").stdout.splitlines()}
    assert "Fluency/Spelling" in text_rows["MTF302"] and " major " in text_rows["MTF302"]
    assert " - " not in text_rows["MTF302"]


def test_sarif_rules_carry_the_catalogue_and_help_uri(tmp_path, rules_json):
    rows = {row["code"]: row for row in rules_json}
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    r = mtfix("check", "--grammar", "off", "--format", "sarif", str(article))
    assert r.returncode == 1, r.stderr
    rules = json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert {d["id"] for d in rules} >= {"MTF101", "MTF105"}
    for d in rules:
        row = rows[d["id"]]
        assert d["name"] == row["name"] and d["shortDescription"]["text"] == row["title"]
        assert d["helpUri"] == row["help_uri"]
        props = d["properties"]
        for key in ("category", "severity", "fix", "checker", "pack"):
            assert props[key] == row[key], (d["id"], key)


def test_sarif_descriptor_for_every_catalogue_rule():
    from mtfix.report.sarif import rule_descriptor

    for info in build_catalogue():
        d = rule_descriptor(info)
        assert d["id"] == info.code and d["helpUri"] == info.help_uri
        assert d["properties"]["category"] == info.category and d["properties"]["severity"] == info.severity


def test_select_by_name_in_check_fix_and_rules(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    r = mtfix("check", "--grammar", "off", "--format", "json", "--select", "hallucinated-phrase", str(article))
    codes = {f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert codes == {"MTF101"}
    r = mtfix("rules", "--format", "json", "--select", "hallucinated-phrase")
    assert [row["code"] for row in json.loads(r.stdout)] == ["MTF101"]
    r = mtfix("fix", "--grammar", "off", "--select", "hallucinated-phrase", str(article))
    assert r.returncode == 0, r.stderr
    fixed = article.read_text(encoding="utf-8")
    assert fixed.startswith("The delegations met") and "the the" in fixed  # MTF105 was not selected


def test_select_prefix_and_lt_codes_stay_valid():
    cat = build_catalogue()
    sel = cat.resolve(["MTF1", "LT:"], ["MTF105", "repeated-word"])
    assert sel.wants("MTF101") and sel.wants("LT:EN_A_VS_AN") and not sel.wants("MTF105")
    assert not sel.wants("MTF206")
    assert cat.resolve(["lt:morfologik_rule_en_us"], []).wants("LT:morfologik_rule_en_us")


def test_unknown_code_or_name_lists_near_matches():
    with pytest.raises(ConfigError) as exc:
        build_catalogue().resolve(["halucinated-phrase"], [])
    assert "hallucinated-phrase" in str(exc.value)
    with pytest.raises(ConfigError, match="--ignore 'MTF9'"):
        selection_for(Config(ignore=("MTF9",)))


def test_pipeline_filters_by_the_resolved_selection():
    from mtfix.pipeline import Pipeline

    with Pipeline(Config(grammar="off", select=("hallucinated-phrase",))) as p:
        assert {f.code for f in p.check(ARTICLE).findings} == {"MTF101"}
    with Pipeline(Config(grammar="off", ignore=("hallucinated-phrase",))) as p:
        assert "MTF101" not in {f.code for f in p.check(ARTICLE).findings}
    with Pipeline(Config(grammar="off", select=("no-such-rule",))) as p, pytest.raises(ConfigError):
        p.check(ARTICLE)


class _PluginChecker:
    """A checker from outside mtfix that documents its rules through ``rules()``."""

    name = "plugin"

    def rules(self) -> list[RuleInfo]:
        return [RuleInfo("XPL001", "plugin-rule", "plugin", "plugin", "Style/Awkward", "minor", "none",
                         "A plug-in rule", "Flags what the plug-in flags.")]


def test_a_checker_plugs_in_with_rules():
    cat = build_catalogue(checkers=[_PluginChecker()])
    assert cat["XPL001"].checker == "plugin"
    assert selection_for(Config(select=("plugin-rule",)), [_PluginChecker()]) == Selection(("XPL001",), ())
    assert "XPL001" not in build_catalogue()


def test_register_source_adds_rules_everywhere():
    from mtfix import catalogue

    before = list(catalogue.SOURCES)
    try:
        register_source("extra", lambda config: _PluginChecker().rules())
        assert "XPL001" in build_catalogue()
    finally:
        catalogue.SOURCES[:] = before
        catalogue._cached.cache_clear()


def test_a_pack_edited_while_the_process_runs_is_read_again(tmp_path):
    """The language server lives long: a rule added to a user's pack must resolve in --select."""
    import yaml

    rule = {"code": "TST001", "name": "tst-one", "title": "t", "docs": "d", "category": "Fluency/Spelling",
            "severity": "minor", "message": "m", "pattern": r"\bteh\b",
            "examples": {"flag": ["teh cat"], "pass": ["the cat"]}}
    pack = tmp_path / "mine.yaml"
    pack.write_text(yaml.safe_dump({"pack": "mine", "rules": [rule]}), encoding="utf-8")
    config = Config(rule_files=(str(pack),), select=("TST002",))
    assert "TST001" in build_catalogue(config) and "TST002" not in build_catalogue(config)
    second = {**rule, "code": "TST002", "name": "tst-two", "pattern": r"\bhte\b",
              "examples": {"flag": ["hte cat"], "pass": ["the cat"]}}
    pack.write_text(yaml.safe_dump({"pack": "mine", "rules": [rule, second]}), encoding="utf-8")
    assert "TST002" in build_catalogue(config)
    assert selection_for(config) == Selection(("TST002",), ())


def test_explain_lt_rule_without_languagetool(tmp_path):
    env = {"MTFIX_LT_HOME": str(tmp_path / "no-lt"), "MTFIX_CACHE_DIR": str(tmp_path / "cache")}
    r = mtfix("explain", "LT:EN_A_VS_AN", env=env)
    assert r.returncode == 0, r.stderr
    assert "LT:EN_A_VS_AN" in r.stdout and "mtfix languagetool install" in r.stdout
    r = mtfix("explain", "LT:HE_VERB_AGR", env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "mtfix languagetool install" in r.stderr


USER_PACK = (Path(__file__).parent.parent / "data" / "user-pack.yaml").read_text(encoding="utf-8")  # TRE101


def test_a_user_pack_rule_links_to_its_pack_not_to_a_missing_anchor_of_docs_rules_md(tmp_path):
    """docs/rules.md lists the bundled rules only: a user pack's rule links to the pack file that
    documents it (explain, rules --format json, SARIF), and SARIF describes it from the pack."""
    pack = tmp_path / "my-pack.yaml"
    pack.write_text(USER_PACK, encoding="utf-8")
    uri = pack.resolve().as_uri()
    r = mtfix("explain", "--rules", str(pack), "TRE101", "--format", "json")
    assert r.returncode == 0, r.stderr
    row = json.loads(r.stdout)
    assert row["help_uri"] == uri and "url" not in row
    assert f"docs: {uri}" in mtfix("explain", "--rules", str(pack), "TRE101").stdout
    article = tmp_path / "a.txt"
    article.write_text("As you know, the talks failed.\n", encoding="utf-8")
    r = mtfix("check", "--grammar", "off", "--rules", str(pack), "--select", "TRE", "--format", "sarif", str(article))
    assert r.returncode == 1, r.stderr
    (rule,) = json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "TRE101" and rule["helpUri"] == uri
    assert rule["name"] == "as-you-know" and rule["shortDescription"]["text"] == "A stock opener"
    bundled = {i.code: i.help_uri for i in build_catalogue(Config(rule_files=(str(pack),)), with_lt=False)}
    assert bundled["MTF101"].endswith("docs/rules.md#mtf101") and bundled["TRE101"] == uri


def test_an_lt_rule_read_from_the_jars_links_to_languagetool():
    """An LT rule docs/rules.md has no section for (read from the jars) links to LanguageTool's page."""
    import xml.etree.ElementTree as ET

    from mtfix.catalogue import _xml_rule

    cat = ET.fromstring('<category id="GRAMMAR" name="Grammar"><rule id="HE_VERB_AGR" name="he/she + verb">'
                        '<message>Agreement</message><example correction="is">He <marker>are</marker>.</example>'
                        '</rule></category>')
    info = _xml_rule("HE_VERB_AGR", cat[0], cat, "org/languagetool/rules/en/grammar.xml")
    assert info.help_uri == "https://community.languagetool.org/rule/show/HE_VERB_AGR?lang=en"
    assert "url" not in info.to_dict() and info.to_dict()["help_uri"] == info.help_uri


@pytest.mark.skipif(lt_jars() is None, reason="LanguageTool is not installed (mtfix languagetool install)")
def test_explain_lt_rule_from_the_jars():
    r = mtfix("explain", "LT:EN_A_VS_AN")
    assert r.returncode == 0 and "Fluency/Grammar" in r.stdout and "languagetool install" not in r.stdout
    r = mtfix("explain", "LT:HE_VERB_AGR")  # an XML rule mtfix has no entry for: read from grammar.xml
    assert r.returncode == 0, r.stderr
    assert "GRAMMAR" in r.stdout and "Flags:" in r.stdout
    r = mtfix("explain", "LT:NO_SUCH_RULE_AT_ALL")
    assert r.returncode == 2 and "no LanguageTool rule" in r.stderr


def test_every_builtin_checker_lists_its_own_rules():
    """The checker protocol's ``rules()``: each built-in checker returns its slice of the catalogue
    (the rules checker only the rules its selection runs)."""
    from mtfix.pipeline import Pipeline

    cat = build_catalogue(Config(grammar="off"), with_lt=False)
    checkers = {c.name: c for c in Pipeline(Config(grammar="off")).checkers}
    for name in ("rules", "glossary", "garble", "bilingual"):
        infos = checkers[name].rules()
        assert infos and all(isinstance(i, RuleInfo) and i.checker == name for i in infos), name
        assert all(cat[i.code] == i for i in infos), name
    narrowed = Pipeline(Config(grammar="off", select=("MTF101",))).checkers
    assert [i.code for i in next(c for c in narrowed if c.name == "rules").rules()] == ["MTF101"]


@pytest.mark.parametrize(("token", "first"), [("garble", "MTF401"), ("MTF2", "MTF201"), ("glossary", "MTF301")])
def test_explain_a_checker_or_prefix_lists_its_rules(token, first):
    """``explain garble`` said "no rule 'garble'; did you mean garble, ...?"; a checker's name or
    a prefix stands for several rules, and the error names them."""
    r = mtfix("explain", token)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"'{token}' stands for" in r.stderr and first in r.stderr and "did you mean" not in r.stderr
