"""Issue 9, unsafe data: patterns that backtrack forever, YAML bombs, bad templates,
lone surrogates, and fixes that never reach a fixed point.

The library is called directly where the behaviour lives there; the CLI is run in a
subprocess where the user-facing contract (exit 2, one clear line, no traceback) is
the point.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import mtfix
import mtfix.rules.engine as engine
from mtfix.config import Config
from mtfix.errors import GlossaryError, InputError, RulePackError
from mtfix.glossary.formats import load as load_glossary
from mtfix.pipeline import MAX_FIX_PASSES, Pipeline
from mtfix.rules.pack import load_pack_file
from tests.conftest import seed_path
from tests.reliability.conftest import REPO, run_mtfix


def _rule(code: str, pattern: str, *, replacement: str | None = None, message: str = "something is wrong",
          fixed: str = "", flag: str = "x", keep: str = "y", triggers: list[str] | None = None) -> dict:
    rule: dict = {
        "code": code, "name": code.lower(), "title": "a test rule", "docs": "For the tests.",
        "category": "Fluency/Spelling", "severity": "minor", "message": message, "pattern": pattern,
        "examples": {"flag": [{"text": flag, "fixed": fixed} if replacement is not None else flag],
                     "pass": [keep]},
    }
    if replacement is not None:
        rule.update(replacement=replacement, fix="safe")
    if triggers:
        rule["triggers"] = triggers
    return rule


def _pack(tmp_path: Path, name: str, rules: list[dict]) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"pack": name, "version": "1", "rules": rules}), encoding="utf-8")
    return path


def _pipeline(pack: Path, select: str) -> Pipeline:
    return Pipeline(Config(grammar="off", rule_files=[str(pack)], select=(select,)))


# -- a pattern that backtracks for minutes ----------------------------------------------------------


def test_a_catastrophic_pattern_stops_with_an_error_naming_pack_and_rule(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "PATTERN_TIMEOUT", 0.2)
    pack = _pack(tmp_path, "slow-pack", [_rule("SLW101", r"(a|a)+$", flag="aaa", keep="b")])
    with pytest.raises(RulePackError) as err:  # without the timeout: minutes of backtracking, then no error at all
        _pipeline(pack, "SLW").check("Intro.\n\n" + "a" * 40 + "b")  # a blank line: another segment
    assert (err.value.pack, err.value.code, err.value.field) == ("slow-pack", "SLW101", "pattern")
    assert ":3" in str(err.value)  # the line where it happened


def test_the_cli_turns_a_pattern_timeout_into_exit_2(tmp_path):
    pack = _pack(tmp_path, "slow-pack", [_rule("SLW101", r"(a|a)+$", flag="aaa", keep="b")])
    text = tmp_path / "a.txt"
    text.write_text("a" * 40 + "b\n", encoding="utf-8")
    run = run_mtfix("check", "--rules", pack, text, timeout=120)
    assert run.rc == 2, run.stderr
    assert not run.traceback
    assert "slow-pack" in run.stderr and "SLW101" in run.stderr and "pattern" in run.stderr


def test_an_ordinary_pattern_is_not_stopped(tmp_path):
    pack = _pack(tmp_path, "ok-pack", [_rule("OKP101", r"\bteh\b", replacement="the", flag="teh", fixed="the")])
    text = "Teh cat. " + "The talks went on. " * 2000 + "I saw teh cat."
    assert _pipeline(pack, "OKP").fix(text).text.endswith("I saw the cat.")


# -- YAML bombs -------------------------------------------------------------------------------------


def _laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    prev = "a"
    for i in range(levels - 1):
        name = f"l{i}"
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_rule_pack_is_refused_quickly_with_a_short_message(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(_laughs() + "pack: bomb\nrules: [*l7]\n", encoding="utf-8")
    with pytest.raises(RulePackError) as err:  # refused by its aliases, before anything is expanded
        load_pack_file(path)
    assert "alias" in str(err.value) and len(str(err.value)) < 400


def test_a_billion_laughs_glossary_is_refused(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(_laughs() + "entries: [*l7]\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert "alias" in str(err.value) and len(str(err.value)) < 400


def test_a_few_aliases_are_still_fine(tmp_path):
    rule = _rule("ALS101", r"\bteh\b", replacement="the", flag="teh", fixed="the")
    text = yaml.safe_dump({"pack": "aliases", "version": "1", "rules": [rule]})
    text = text.replace("docs: For the tests.", "docs: &d For the tests.")
    path = tmp_path / "aliases.yaml"
    path.write_text(text + "extra: [*d, *d]\n", encoding="utf-8")
    assert load_pack_file(path).rules[0].code == "ALS101"


def test_deep_nesting_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("pack: deep\nrules: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    code = ("import sys\nfrom mtfix.rules.pack import load_pack_file\nfrom mtfix.errors import RulePackError\n"
            f"try:\n    load_pack_file({str(path)!r})\nexcept RulePackError as exc:\n    print(exc)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]  # the C parser segfaulted (-11) here
    # our guard says "nested"; PyYAML >= 6.0.4 stops first with its own "nesting depth" error
    assert "nest" in proc.stdout and len(proc.stdout) < 400


def test_the_cli_refuses_a_bomb_pack_with_exit_2(tmp_path):
    pack = tmp_path / "bomb.yaml"
    pack.write_text(_laughs() + "pack: bomb\nrules: [*l7]\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Prices rose.\n", encoding="utf-8")
    run = run_mtfix("check", "--rules", pack, text, timeout=120)
    assert run.rc == 2 and not run.traceback
    assert len(run.stderr) < 2000


# -- replacement templates are checked at load -------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "template", "words"),
    [
        ("replacement", "{nosuch}", ["{nosuch}", "names no group"]),
        ("replacement", "{w:shout}", ["shout", "unknown transform"]),
        ("replacement", "{3}", ["{3}", "names no group"]),
        ("message", "bad {w:loud}", ["loud"]),
    ],
)
def test_a_bad_template_is_refused_at_load(tmp_path, field, template, words):
    rule = _rule("TPL101", r"(?P<w>teh)", replacement="the", flag="teh", fixed="the")
    rule[field] = template
    with pytest.raises(RulePackError) as err:
        load_pack_file(_pack(tmp_path, "tpl", [rule]))
    assert (err.value.pack, err.value.code, err.value.field) == ("tpl", "TPL101", field)
    assert all(w in str(err.value) for w in words)


def test_good_templates_still_load(tmp_path):
    rule = _rule("TPL102", r"(?P<w>teh) (\w+)", replacement="{w:upper} {2} {{x}}", flag="teh cat",
                 fixed="TEH cat {x}")
    pack = load_pack_file(_pack(tmp_path, "tpl", [rule]))
    assert Pipeline(Config(grammar="off"), checkers=[engine.RulesChecker([pack])]).fix("teh cat").text == \
        "TEH cat {x}"


# -- lone surrogates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("call", [mtfix.check, mtfix.fix, mtfix.score])
def test_a_lone_surrogate_is_an_input_error(call):
    with pytest.raises(InputError) as err:
        call("Fine line.\nPrices\ud800 rose.")
    assert "U+D800" in str(err.value) and err.value.line == 2 and "column 7" in str(err.value)


def test_text_without_surrogates_is_untouched():
    assert mtfix.fix("Emoji \U0001f600 stay.").text == "Emoji \U0001f600 stay."


# -- fixed points -----------------------------------------------------------------------------------


def _flip_flop(tmp_path: Path) -> Path:
    return _pack(tmp_path, "flip", [
        _rule("FLP101", r"\bcolour\b", replacement="color", flag="a colour", fixed="a color", keep="a hue"),
        _rule("FLP102", r"\bcolor\b", replacement="colour", flag="a color", fixed="a colour", keep="a hue"),
    ])


def test_fixes_that_undo_each_other_stop_and_say_so(tmp_path):
    pipe = _pipeline(_flip_flop(tmp_path), "FLP")
    first = pipe.fix("The colour of the flag.")
    assert not first.converged and first.oscillation and not first.pass_limit_hit
    assert first.still_firing == ("FLP101", "FLP102")
    assert "FLP101" in first.warning and "FLP102" in first.warning
    assert any("undo each other" in w for w in pipe.warnings)
    second = pipe.fix(first.text)
    assert second.text == first.text and not second.edits  # a second run makes no edit


def test_a_self_triggering_rule_hits_the_pass_limit_and_is_named(tmp_path):
    grow = _pack(tmp_path, "grow", [_rule("GRW101", r"news(?P<m>)", replacement=" news", flag="news",
                                          fixed="news news", keep="a hue")])
    pipe = _pipeline(grow, "GRW")
    result = pipe.fix("Good news.")
    assert result.pass_limit_hit and not result.converged and not result.oscillation
    assert len(result.log.passes) == MAX_FIX_PASSES
    assert result.still_firing == ("GRW101",)
    assert "GRW101" in result.warning and str(MAX_FIX_PASSES) in result.warning


def test_the_cli_prints_the_pass_limit_warning(tmp_path):
    grow = _pack(tmp_path, "grow", [_rule("GRW101", r"news(?P<m>)", replacement=" news", flag="news",
                                          fixed="news news", keep="a hue")])
    text = tmp_path / "a.txt"
    text.write_text("Good news.\n", encoding="utf-8")
    run = run_mtfix("fix", "--rules", grow, "--select", "GRW", text)
    assert run.rc in (0, 1) and not run.traceback
    assert "GRW101" in run.stderr and "passes" in run.stderr


def test_ordinary_fixes_converge_and_a_second_run_changes_nothing():
    pipe = Pipeline(Config(grammar="off"))
    first = pipe.fix("It simply came to our notice then that, the ministers met. Prices of oilgas rose.")
    assert first.converged and not first.pass_limit_hit and first.warning is None
    assert first.changed
    assert not pipe.fix(first.text).changed


def test_the_garbled_seed_reaches_a_fixed_point():
    text = seed_path("004").read_text(encoding="utf-8")
    pipe = Pipeline(Config(grammar="off"))
    first = pipe.fix(text)
    assert first.converged and first.changed
    second = pipe.fix(first.text)
    assert second.converged and not second.changed


class _SentenceStartCapitals:
    """A stand-in for LanguageTool's UPPERCASE_SENTENCE_START: a lower-case word after ". " is given a
    capital (an ``LT:`` finding with an unsafe fix); like LanguageTool, it judges the text it is given."""

    name = "grammar"
    needs: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    fork_safe = False

    def check(self, doc, annotations=None):
        import re

        from mtfix.findings import make_finding
        from mtfix.model import CheckOutput, FixSafety, Severity

        return CheckOutput([
            make_finding(doc, "LT:UPPERCASE_SENTENCE_START", "Fluency/Grammar", Severity.MINOR, m.start(1), m.end(1),
                         "a sentence starts with a lower-case letter", replacement=m.group(1).capitalize(),
                         safety=FixSafety.UNSAFE, origin="languagetool", edit_origin="languagetool:UPPERCASE")
            for m in re.finditer(r"\. ([a-z]\w*)", doc.text)])

    def post_filter(self, doc, findings):
        return findings

    def signature(self):
        return "fake-lt"


def test_languagetool_edits_wait_for_the_sentence_edits_of_the_rules():
    """`fix --unsafe-fixes` gave "tourism and other Issues.": LanguageTool's capital rested on the period of
    "and s.", which MTF205's edit in the same pass turned into "and other". Its edits now wait a pass and
    are judged again on the edited sentence; elsewhere they apply as before."""
    from mtfix.rules.engine import RulesChecker

    rules = RulesChecker.bundled(["en-generic", "az-en"])
    pipeline = Pipeline(Config(grammar="off", packs=("en-generic", "az-en")), checkers=[rules, _SentenceStartCapitals()])
    text = "Talks covered energy, tourism and s. issues. Trade rose. prices fell."
    result = pipeline.fix(text, unsafe=True)
    assert result.text == "Talks covered energy, tourism and other issues. Trade rose. Prices fell.", result.text
    assert result.converged
