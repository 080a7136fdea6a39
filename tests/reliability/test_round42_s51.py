"""Reliability, round 42 (session 51): what a new user's ordinary batches showed.

An ``mtfix-ignore`` directive that silences nothing inside a translation file's unit was said to be at the unit's
own line ("a.po:1"), not the file's; the language server published no warning for it in a translation file (its
unit-by-unit check kept no document to read the directive from)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.lsp.units import check_units
from mtfix.pipeline import Pipeline
from tests.cli_runner import run_mtfix

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
#: the directive on the file's line 8, the second literal of a msgstr that starts on line 6
PO_WRONG = (HEADER + 'msgid "Tolls"\nmsgstr ""\n"The council met on Monday.\\n"\n'
            '"Tolls rose , then fell. <!-- mtfix-ignore: MTF111 MTF401 -->"\n')
PO_RIGHT = PO_WRONG.replace("MTF111 MTF401", "MTF111, MTF401")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(grammar="off"))


def test_a_directive_in_a_po_entry_is_warned_about_at_its_line_in_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text(PO_WRONG, encoding="utf-8")
    run = run_mtfix("check", "a.po", cwd=tmp_path)
    assert not run.traceback, run.stderr
    assert "a.po:8: 'mtfix-ignore' codes 'MTF111 MTF401' are not codes separated by commas" in run.stderr, run.stderr
    assert "a.po:8:" in run.stdout and "MTF111" in run.stdout  # not silenced: reported, at the same line


def test_two_entries_directives_are_two_warnings_not_one(tmp_path: Path) -> None:
    """Both said "a.po:1" before, and the second, the same words, was dropped as a repeat."""
    (tmp_path / "a.po").write_text(HEADER + 'msgid "A"\nmsgstr "Tolls rose , then fell. <!-- mtfix-ignore: MTF111 MTF401 -->"'
                                   '\n\nmsgid "B"\nmsgstr "Fares rose , then fell. <!-- mtfix-ignore: MTF111 MTF401 -->"\n',
                                   encoding="utf-8")
    run = run_mtfix("check", "a.po", cwd=tmp_path)
    said = [line for line in run.stderr.splitlines() if "silences nothing" in line]
    assert [line.split(": '")[0] for line in said] == ["mtfix: warning: a.po:6", "mtfix: warning: a.po:9"], said


def test_a_directive_in_a_jsonl_record_is_warned_about_at_the_records_line(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Fine."}\n{"text": "Tolls rose , then fell. '
                                      '<!-- mtfix-ignore: MTF111 MTF401 -->"}\n', encoding="utf-8")
    run = run_mtfix("check", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert "a.jsonl:2: 'mtfix-ignore' codes" in run.stderr, run.stderr


def test_a_plain_files_directive_keeps_its_own_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n\nTolls rose , then fell. <!-- mtfix-ignore: MTF111 MTF401 -->\n",
                                    encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert "a.txt:3: 'mtfix-ignore' codes" in run.stderr, run.stderr


def test_the_language_server_places_a_translation_files_malformed_directive(pipeline: Pipeline) -> None:
    findings, view = check_units(pipeline, PO_WRONG, "a.po", "po")
    assert view is not None
    [(start, end, why)] = view.directives
    assert PO_WRONG[start:end] == "MTF111 MTF401" and "silences nothing" in why
    assert PO_WRONG.count("\n", 0, start) == 7  # the file's line 8 (0-based 7)
    assert any(f.code == "MTF111" for f in findings)


def test_a_mended_directive_in_a_translation_file_is_no_warning_and_silences(pipeline: Pipeline) -> None:
    findings, view = check_units(pipeline, PO_RIGHT, "a.po", "po")
    assert view is not None and view.directives == []
    assert not any(f.code == "MTF111" for f in findings)


def _xliff2(units: list[tuple[str, str]]) -> str:
    body = "".join(f'<unit id="u{n}"><segment><source>{src}</source><target>{tgt}</target></segment></unit>\n'
                   for n, (src, tgt) in enumerate(units, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            f'srcLang="de" trgLang="en">\n<file id="f1">\n{body}</file></xliff>\n')


def test_an_inline_element_written_as_text_is_one_finding_not_two(tmp_path: Path) -> None:
    """Session 50's note: a source's ``<ph/>`` the target writes as text ("&lt;ph id="3"/&gt;") gave two MTF503s,
    "not in the source (as text)" and "of the source is missing", for one tag."""
    (tmp_path / "ui.xlf").write_text(_xliff2([
        ('Tippen Sie <ph id="3"/> an', 'Tap &lt;ph id="3"/&gt; now'),  # written as text: one finding
        ('Tippen Sie <ph id="4"/> an', 'Tap <ph id="4"/> and &lt;ph id="4"/&gt; now'),  # kept, and text added
        ('Tippen Sie <ph id="5"/> an', 'Tap it now'),  # lost: missing, as before
    ]), encoding="utf-8")
    run = run_mtfix("check", "--format", "json", "ui.xlf", cwd=tmp_path)
    got = [(f["id"], f["message"]) for f in json.loads(run.stdout)["files"][0]["findings"] if f["code"] == "MTF503"]
    assert got == [
        ("u1", "placeholder or tag '<ph id=\"3\"/>' of the source is written as text, not as inline markup"),
        ("u2", "placeholder or tag '<ph id=\"4\"/>' (as text) is not in the source"),
        ("u3", "placeholder or tag '<ph id=\"5\"/>' of the source is missing"),
    ], got


def test_a_reference_that_is_a_folder_is_named_as_one_not_as_replaced(tmp_path: Path) -> None:
    """``score --ref refs`` with ``refs`` a folder said "a folder now, not a file (replaced after the inputs were
    listed)": nothing had been replaced."""
    (tmp_path / "refs").mkdir()
    (tmp_path / "a.txt").write_text("The ferry left.\n", encoding="utf-8")
    run = run_mtfix("score", "--ref", "refs", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "mtfix: error: --ref: refs: a folder, not a file: name the reference file" in run.stderr, run.stderr
    assert "replaced" not in run.stderr


def test_explain_with_no_languagetool_rule_after_its_prefix_says_so() -> None:
    run = run_mtfix("explain", "LT:")
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "mtfix: error: 'LT:' names no rule: give LanguageTool's rule id after it" in run.stderr, run.stderr
    assert "no entry for this LanguageTool rule" not in run.stderr


def test_explain_shows_a_byte_that_is_not_utf8_as_paths_show_it() -> None:
    """An argument with a byte that is not UTF-8 reached the message as Python's "\\udcff"."""
    run = run_mtfix("explain", b"MTF\xff".decode("utf-8", "surrogateescape"))
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "no rule 'MTF\\xff'" in run.stderr and "udc" not in run.stderr, run.stderr
