"""A PO context label can hold a tab (session 50): ``msgctxt "menu\\tfile"`` (an escape) or a raw tab.  The
one-line report showed it raw, a blank that matched nothing in the file; every report now shows it as the
escape the file writes, while JSON and SARIF keep the id as read (their own escaping is lossless)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app

PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
    'msgctxt "toolbar\\tedit\\nundo"\nmsgid "Rueckgaengig"\nmsgstr "Undo the the change"\n\n'
    'msgctxt "status\tbar"\nmsgid "Bereit"\nmsgstr "Ready for the the upload"\n'
    'msgid "Hilfe"\nmsgstr "Open the the help"\n'
)


def _po(tmp_path: Path) -> Path:
    path = tmp_path / "labels.po"
    path.write_text(PO, encoding="utf-8")
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_the_text_report_shows_a_tab_in_a_label_as_its_escape(tmp_path: Path) -> None:
    out = _run("check", "--grammar", "off", str(_po(tmp_path)))
    lines = [line for line in out.splitlines() if "MTF105" in line]
    assert len(lines) == 3
    assert "\t" not in out
    assert "[toolbar\\tedit\\nundo | Rueckgaengig]" in lines[0]
    assert "[status\\tbar | Bereit]" in lines[1]
    assert "[Hilfe]" in lines[2]  # a label with no control character stays as it was


def test_json_and_sarif_keep_the_id_as_read(tmp_path: Path) -> None:
    path = _po(tmp_path)
    report = json.loads(_run("check", "--grammar", "off", "--format", "json", str(path)))
    ids = [f["id"] for f in report["files"][0]["findings"]]
    assert "toolbar\tedit\nundo | Rueckgaengig" in ids and "status\tbar | Bereit" in ids
    sarif = json.loads(_run("check", "--grammar", "off", "--format", "sarif", str(path)))
    unit_ids = {r["properties"]["unitId"] for r in sarif["runs"][0]["results"]}
    assert {"toolbar\tedit\nundo | Rueckgaengig", "status\tbar | Bereit", "Hilfe"} <= unit_ids


def test_the_review_page_carries_the_escaped_label_only_where_it_differs(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    _run("review", "--grammar", "off", str(_po(tmp_path)), "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert '"label":"toolbar\\\\tedit\\\\nundo | Rueckgaengig"' in html
    assert '"label":"status\\\\tbar | Bereit"' in html
    assert '"label":"Hilfe"' not in html
    assert '(u.label || u.id)' in (Path(__file__).parents[2] / "mtfix/review/static/report.js").read_text(encoding="utf-8")
