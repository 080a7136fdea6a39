"""``mtfix score`` given only files it skips (binary files, office documents) printed the signature
alone and exited 0, as if it had scored something (session 29).  It now says on standard error that
nothing was scored and which files were skipped and why, and exits 0, as ``check`` does for the
same inputs (``0 findings in 0 files.``, exit 0: a skipped file is not an error)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app

OFF = ["--grammar", "off"]


def run(*args: str):
    return CliRunner().invoke(app, [*args])


def _skipped_only(tmp_path: Path) -> list[str]:
    doc = tmp_path / "report.docx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("word/document.xml", "<w:document>" + "x" * 200 + "</w:document>")
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x89PNG\r\n\x00\x00binary")
    return [str(doc), str(blob)]


def test_score_of_only_skipped_files_says_nothing_was_scored(tmp_path):
    files = _skipped_only(tmp_path)
    r = run("score", *OFF, *files)
    c = run("check", *OFF, *files)
    assert r.exit_code == c.exit_code == 0, (r.output, c.output)
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("nothing scored")]
    assert len(lines) == 1, r.stderr
    line = lines[0]
    assert "2 files skipped" in line, line
    assert "report.docx (a Word document)" in line and "photo.txt (binary file)" in line, line
    # standard output is still the report: no file line, the signature
    assert r.stdout.startswith("signature: mtfix-fluency|"), r.stdout


def test_score_of_only_skipped_files_quiet_and_json(tmp_path):
    files = _skipped_only(tmp_path)
    q = run("score", *OFF, "--quiet", *files)
    assert q.exit_code == 0 and "nothing scored" not in q.stderr, q.stderr  # --quiet: as check's summary
    j = run("score", *OFF, "--format", "json", *files)
    assert j.exit_code == 0, j.output
    report = json.loads(j.stdout)
    assert report["files"] == [] and [s["path"] for s in report["skipped"]] == files


def test_score_of_a_scored_file_beside_a_skipped_one_has_no_such_line(tmp_path):
    files = _skipped_only(tmp_path)
    ok = tmp_path / "a.txt"
    ok.write_text("The ministers met on Monday.\n", encoding="utf-8")
    r = run("score", *OFF, str(ok), *files)
    assert r.exit_code == 0, r.output
    assert "nothing scored" not in r.stderr and "a.txt: fluency" in r.stdout
