"""Files a batch could not check, and fixes of formats whose text is not the file's bytes, in the
JSON and SARIF reports of ``mtfix check``.

* a file that cannot be read is in ``failures`` (JSON) and an ``error`` notification with
  ``executionSuccessful: false`` (SARIF); the exit code stays 2 and the text output as it was;
* a binary file that is skipped, or a special file a folder walk skips, is in ``skipped`` (JSON)
  and a ``warning`` notification (SARIF), which does not make the run unsuccessful;
* SARIF ``fixes`` are regions of the file: only plain text and Markdown, whose unit is the file's
  own text, carry them; applying them to the file gives what ``mtfix fix`` writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from tests.report.test_sarif import SCHEMA

OFF = ["--grammar", "off"]
FINE = "The harbour reopened on Monday after the storm.\n"
# \xe7 is Latin-1 "ç": not valid UTF-8, so the file fails (exit 2) and is left untouched
UNDECODABLE = b"The ferry to Baku left at noon.\nThe fa\xe7ade was repainted.\n"
BINARY = b"GIF89a\x00\x00\x01\x00binary"


def run(*args: str):
    return CliRunner().invoke(app, [*args])


@pytest.fixture
def batch(tmp_path: Path, monkeypatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    Path("harbour.txt").write_text(FINE, encoding="utf-8")
    Path("ferry news.txt").write_bytes(UNDECODABLE)
    Path("logo.txt").write_bytes(BINARY)
    return ["harbour.txt", "ferry news.txt", "logo.txt"]


def _notes(log: dict) -> list[dict]:
    return log["runs"][0]["invocations"][0]["toolExecutionNotifications"]


def test_sarif_reports_unreadable_and_skipped_files(batch):
    r = run("check", *OFF, "--format", "sarif", *batch)
    assert r.exit_code == 2  # unchanged: a file failed
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.FormatChecker())
    (inv,) = log["runs"][0]["invocations"]
    assert inv["executionSuccessful"] is False
    by_level = {n["level"]: n for n in _notes(log)}
    assert set(by_level) == {"error", "warning"} and len(_notes(log)) == 2
    err = by_level["error"]
    where = err["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "ferry%20news.txt"
    assert where["region"] == {"startLine": 2}  # the line of the bad byte
    assert err["message"]["text"].startswith("ferry news.txt:2: not valid utf-8")
    skipped = by_level["warning"]
    assert skipped["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "logo.txt"
    assert "binary file skipped" in skipped["message"]["text"]


def test_sarif_skipped_binary_file_alone_is_a_successful_run(batch):
    r = run("check", *OFF, "--format", "sarif", "harbour.txt", "logo.txt")
    assert r.exit_code == 0
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
    (note,) = _notes(log)
    assert note["level"] == "warning"


def test_json_lists_failures_and_skipped_files(batch):
    r = run("check", *OFF, "--format", "json", *batch)
    assert r.exit_code == 2
    report = json.loads(r.stdout)
    assert [f["path"] for f in report["files"]] == ["harbour.txt"]
    (failure,) = report["failures"]
    assert failure["path"] == "ferry news.txt" and failure["line"] == 2
    assert failure["message"].startswith("ferry news.txt:2: not valid utf-8")
    assert report["skipped"] == [{"path": "logo.txt", "message": "logo.txt: binary file skipped"}]
    assert f"mtfix: error: {failure['message']}" in r.stderr  # the same line as before


def test_score_json_lists_failures_and_skipped_files_as_check_does(batch):
    """A script reading ``score --format json`` learns why a file has no score (exit 2), as from check's."""
    r = run("score", *OFF, "--format", "json", *batch)
    assert r.exit_code == 2
    report = json.loads(r.stdout)
    checked = json.loads(run("check", *OFF, "--format", "json", *batch).stdout)
    assert [f["path"] for f in report["files"]] == ["harbour.txt"]
    assert report["failures"] == checked["failures"] and report["skipped"] == checked["skipped"]
    assert set(json.loads(run("score", *OFF, "--format", "json", "harbour.txt").stdout)) == {"schema", "files"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_special_files_a_folder_walk_skips_are_reported_too(tmp_path, monkeypatch, jobs):
    import os

    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    Path("news/harbour.txt").write_text(FINE, encoding="utf-8")
    Path("news/more.txt").write_text(FINE, encoding="utf-8")
    os.mkfifo("news/pipe.txt")
    r = run("check", *OFF, "--format", "json", "--jobs", jobs, "news")
    assert r.exit_code == 0
    report = json.loads(r.stdout)
    assert [f["path"] for f in report["files"]] == ["news/harbour.txt", "news/more.txt"]
    assert report["skipped"] == [{"path": "news/pipe.txt",
                                  "message": "news/pipe.txt: FIFO, not a regular file; skipped"}]
    assert r.stderr.count("pipe.txt: FIFO") == 1  # warned once
    log = json.loads(run("check", *OFF, "--format", "sarif", "news").stdout)
    (note,) = _notes(log)
    assert note["level"] == "warning" and "FIFO" in note["message"]["text"]


def test_json_without_problems_has_no_new_keys(batch):
    report = json.loads(run("check", *OFF, "--format", "json", "harbour.txt").stdout)
    assert set(report) == {"schema", "files", "stats"}


def test_text_report_is_unchanged(batch):
    r = run("check", *OFF, *batch)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "mtfix: error: ferry news.txt:2: not valid utf-8" in r.stderr
    assert "mtfix: warning: logo.txt: binary file skipped" in r.stderr


def test_failures_come_back_from_worker_processes(batch):
    one = json.loads(run("check", *OFF, "--format", "json", *batch).stdout)
    many = json.loads(run("check", *OFF, "--format", "json", "--jobs", "2", *batch).stdout)
    assert many["failures"] == one["failures"] and many["skipped"] == one["skipped"]


def test_unparsable_xliff_is_a_failure(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("broken.xlf").write_text('<?xml version="1.0"?>\n<xliff version="1.2"><file>\n', encoding="utf-8")
    r = run("check", *OFF, "--format", "sarif", "broken.xlf")
    assert r.exit_code == 2
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
    (note,) = _notes(log)
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.xlf"


# -- fixes only where the unit's text is the file's text -----------------------------------------

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="port.txt" source-language="az" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="p1">
        <source>Liman neft və qaz üçün açıldı.</source>
        <target>The port &amp; <g id="1">terminal</g> reopened for oilgas tankers.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t"
          adminlang="en" srclang="az" datatype="plaintext"/>
  <body>
    <tu tuid="p1">
      <tuv xml:lang="az"><seg>Liman neft və qaz üçün açıldı.</seg></tuv>
      <tuv xml:lang="en"><seg>The port &amp; <ph x="1">&lt;br&gt;</ph>reopened for oilgas tankers.</seg></tuv>
    </tu>
  </body>
</tmx>
"""
PO = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Liman neft və qaz üçün açıldı."
msgstr ""
"The port \"Alyat\" reopened\n"
"for oilgas tankers."
'''
JSONL = '{"id": "p1", "body": "The port \\"Alyat\\" reopened for oilgas tankers."}\n'
CSV = 'id,body\np1,"The port ""Alyat"" reopened for oilgas tankers."\n'
BILINGUAL = {
    "port.xlf": (XLIFF, []),
    "port.tmx": (TMX, []),
    "port.po": (PO, []),
    "port.jsonl": (JSONL, ["--text-field", "body", "--id-field", "id"]),
    "port.csv": (CSV, ["--column", "body", "--id-field", "id"]),
}


@pytest.mark.parametrize("name", sorted(BILINGUAL))
def test_escaped_or_marked_up_units_have_no_fix_regions(tmp_path, monkeypatch, name):
    """Counted within the unit's text, a replacement region would land in the markup
    (``<target>``, ``&amp;``, quotes, escapes): such results carry no ``fixes``."""
    monkeypatch.chdir(tmp_path)
    content, options = BILINGUAL[name]
    Path(name).write_text(content, encoding="utf-8")
    r = run("check", *OFF, "--format", "sarif", *options, name)
    assert r.exit_code in (0, 1), r.output  # findings, no failure
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA)
    results = log["runs"][0]["results"]
    oilgas = [res for res in results if res["ruleId"] == "MTF206"]
    assert oilgas, results
    for res in results:
        assert "fixes" not in res
    # what mtfix fix would do is still said
    assert oilgas[0]["properties"]["fix"] == "safe"
    assert oilgas[0]["properties"]["suggestions"] == ["oil and gas"]
    # and mtfix fix still applies it
    assert run("fix", *OFF, *options, name).exit_code == 0
    assert "oilgas" not in Path(name).read_text(encoding="utf-8")
    assert "oil and gas tankers" in Path(name).read_text(encoding="utf-8")


def _apply(text: str, replacements: list[dict]) -> str:
    """``text`` with SARIF replacements applied (1-based lines and columns, code points)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)

    def offset(line: int, col: int) -> int:
        return starts[line - 1] + col - 1

    spans = []
    for rep in replacements:
        reg = rep["deletedRegion"]
        spans.append((offset(reg["startLine"], reg["startColumn"]), offset(reg["endLine"], reg["endColumn"]),
                      rep["insertedContent"]["text"]))
    for s, e, new in sorted(spans, reverse=True):
        text = text[:s] + new + text[e:]
    return text


@pytest.mark.parametrize("name, content", [
    ("port.txt", "The ferry is from Baku.\nThe port reopened for oilgas tankers.\n"),
    ("port.md", "# Port\n\nThe port `oilgas` reopened for oilgas tankers.\n"),
])
def test_text_and_markdown_fixes_reproduce_mtfix_fix(tmp_path, monkeypatch, name, content):
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(content, encoding="utf-8")
    log = json.loads(run("check", *OFF, "--format", "sarif", name).stdout)
    jsonschema.validate(log, SCHEMA)
    replacements = [rep for res in log["runs"][0]["results"] if res["properties"]["fix"] == "safe"
                    for fix in res.get("fixes", [])
                    for change in fix["artifactChanges"] for rep in change["replacements"]]
    assert replacements
    assert run("fix", *OFF, name).exit_code == 0
    assert _apply(content, replacements) == Path(name).read_text(encoding="utf-8")
