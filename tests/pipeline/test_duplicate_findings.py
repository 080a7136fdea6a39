"""One problem, one finding (session 28): findings of different checkers on the same span with the
same edit are merged into one (:func:`mtfix.findings.merge_duplicates`), through the real CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from mtfix.findings import duplicate_key, merge_duplicates
from mtfix.model import Edit, Finding, FixSafety, Severity
from tests.cli_in_process import mtfix_in_process

TEXT = "The oilgas sector grew.\n"
OFF = ("--grammar", "off")


def finding(code: str, origin: str, *, start: int = 4, end: int = 10, replacement: str = "oil and gas",
            minimal: bool = False, severity: Severity = Severity.MINOR, safety: FixSafety = FixSafety.SAFE) -> Finding:
    e = Edit(7, 7, " and ", "", code, origin, safety) if minimal else \
        Edit(start, end, replacement, "oilgas"[: end - start], code, origin, safety)
    return Finding(code, "Accuracy/Mistranslation", severity, start, end, "m", (replacement,), (e,), safety, origin)


def test_same_span_same_edit_keeps_the_rule_and_names_the_glossary() -> None:
    glossary, rule = finding("MTF301", "glossary:g.tsv:2"), finding("MTF206", "rule:az-en", minimal=True)
    assert duplicate_key(glossary) == duplicate_key(rule)  # a whole-word edit and its minimal form are one edit
    (kept,) = merge_duplicates([glossary, rule])
    assert (kept.code, kept.also, kept.origin) == ("MTF206", ("MTF301",), "rule:az-en")


def test_different_edits_on_one_span_are_both_kept() -> None:
    a, b = finding("MTF103", "rule:en-generic", replacement="oil. gas"), finding("MTF202", "rule:az-en")
    assert [f.code for f in merge_duplicates([a, b])] == ["MTF103", "MTF202"]


def test_severity_then_safety_then_checker_decide_which_is_kept() -> None:
    major = finding("MTF301", "glossary:g", severity=Severity.MAJOR)
    assert merge_duplicates([finding("MTF206", "rule:az-en"), major])[0].code == "MTF301"
    unsafe = finding("MTF206", "rule:az-en", safety=FixSafety.UNSAFE)
    assert merge_duplicates([unsafe, finding("MTF301", "glossary:g")])[0].code == "MTF301"
    generic, specific = finding("MTF117", "rule:en-generic"), finding("MTF202", "rule:az-en")
    assert merge_duplicates([generic, specific])[0].code == "MTF202"


def test_flag_only_findings_without_suggestions_are_never_merged() -> None:
    a = Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 9, "garbled")
    b = Finding("MTF402", "Fluency/Grammar", Severity.MINOR, 0, 9, "a sign")
    assert merge_duplicates([a, b]) == [a, b]


# -- the real CLI ------------------------------------------------------------------------------------
def mtfix(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    """The command's code in this process, with its own cache folder (the claims are about the findings)."""
    return mtfix_in_process(*args, env={"MTFIX_CACHE_DIR": str(cache)}, cwd=cache)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    (tmp_path / "cache").mkdir()
    text, tsv = tmp_path / "og.txt", tmp_path / "og.tsv"
    text.write_text(TEXT, encoding="utf-8")
    tsv.write_text("term\tvariants\noil and gas\toilgas\n", encoding="utf-8")
    return text, tsv, tmp_path / "cache"


def json_findings(*args: str, cache: Path) -> list[dict]:
    r = mtfix("check", *OFF, "--format", "json", *args, cache=cache)
    return [f for entry in json.loads(r.stdout)["files"] for f in entry["findings"]]


def test_cli_reports_one_finding_with_the_other_code(files) -> None:
    text, tsv, cache = files
    r = mtfix("check", *OFF, str(text), "--glossary", str(tsv), cache=cache)
    assert r.stdout.splitlines() == [
        f"{text}:1:5: MTF206 [minor] 'oilgas' should read 'oil and gas' (also MTF301): 'oilgas' → 'oil and gas' [fix]"]
    assert "1 finding in 1 file" in r.stderr + r.stdout
    (f,) = json_findings(str(text), "--glossary", str(tsv), cache=cache)
    assert (f["code"], f["also"], f["start"], f["end"]) == ("MTF206", ["MTF301"], 4, 10)
    sarif = json.loads(mtfix("check", *OFF, "--format", "sarif", str(text), "--glossary", str(tsv), cache=cache).stdout)
    (res,) = sarif["runs"][0]["results"]
    assert res["ruleId"] == "MTF206" and res["properties"]["also"] == ["MTF301"]
    assert res["message"]["text"].endswith("(also MTF301)")
    fixed = mtfix("fix", *OFF, str(text), "--glossary", str(tsv), "--diff", cache=cache)
    assert "+The oil and gas sector grew." in fixed.stdout


@pytest.mark.parametrize(("ignored", "left"), [("MTF301", "MTF206"), ("MTF206", "MTF301"), ("MTF3", "MTF206")])
def test_ignoring_either_code_reports_the_other_alone(files, ignored: str, left: str) -> None:
    text, tsv, cache = files
    (f,) = json_findings(str(text), "--glossary", str(tsv), "--ignore", ignored, cache=cache)
    assert f["code"] == left and "also" not in f
    assert json_findings(str(text), "--glossary", str(tsv), "--ignore", "MTF206,MTF301", cache=cache) == []


@pytest.mark.parametrize(("ignored", "left"), [("MTF301", "MTF206"), ("MTF206", "MTF301")])
def test_an_inline_ignore_of_either_code_reports_the_other_alone(files, ignored: str, left: str) -> None:
    text, tsv, cache = files
    text.write_text(f"The oilgas sector grew. <!-- mtfix-ignore: {ignored} -->\n", encoding="utf-8")
    (f,) = json_findings(str(text), "--glossary", str(tsv), cache=cache)
    assert f["code"] == left and "also" not in f
    text.write_text("The oilgas sector grew. <!-- mtfix-ignore: MTF206, MTF301 -->\n", encoding="utf-8")
    assert json_findings(str(text), "--glossary", str(tsv), cache=cache) == []


def test_the_score_counts_the_merged_problem_once(files) -> None:
    """A glossary that agrees with a rule leaves the penalty as the rule alone has it (8 MQM points:
    a minor rule finding times the rule factor), instead of adding the glossary's point."""
    text, tsv, cache = files

    def score(*extra: str) -> dict:
        return json.loads(mtfix("score", *OFF, "--format", "json", str(text), *extra, cache=cache).stdout)["files"][0]

    with_glossary, without = score("--glossary", str(tsv)), score()
    assert with_glossary["segments"][0]["penalty"] == without["segments"][0]["penalty"] == 8.0
    assert with_glossary["fluency"] == without["fluency"]
    assert with_glossary["glossary"]["findings"] == {"MTF301": 1}  # the merged glossary finding still counts there
    assert "|findings:merge-2|" in with_glossary["signature"]
