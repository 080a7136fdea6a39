"""``mtfix review --skip-bad-records`` on a JSON Lines file with a record that cannot be read (session 34): the
record is named on standard error and counted in the summary, as ``check``, ``fix`` and ``score`` do (until
session 34 review said nothing in the terminal: only the page's file summary listed it), and the page lists it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app

RECORDS = ('{"id": 1, "target": "The the talks went on , he said."}\n'
           '{"id": 2, "target": "half typed\n'
           '{"id": 3, "target": "Prices rose in the market today."}\n')


def test_review_names_and_counts_the_records_it_skipped(tmp_path: Path) -> None:
    src = tmp_path / "recs.jsonl"
    src.write_text(RECORDS, encoding="utf-8")
    out = tmp_path / "recs.html"
    r = CliRunner().invoke(app, ["review", "--grammar", "off", "--text-field", "target", "--skip-bad-records",
                                 str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    err = r.stderr
    assert f"{src}: line 2: invalid JSON" in err, err
    assert "1 record that could not be read skipped (--skip-bad-records; see above)." in err, err
    page = out.read_text(encoding="utf-8")
    assert "Not in this review (1)" in page and '<ul class="errors"><li>line 2: invalid JSON' in page
    assert src.read_text(encoding="utf-8") == RECORDS  # nothing written to the input


def test_quiet_review_still_names_a_skipped_record_but_not_the_count(tmp_path: Path) -> None:
    src = tmp_path / "recs.jsonl"
    src.write_text(RECORDS, encoding="utf-8")
    r = CliRunner().invoke(app, ["review", "-q", "--grammar", "off", "--text-field", "target", "--skip-bad-records",
                                 str(src), "-o", str(tmp_path / "o.html")])
    assert r.exit_code == 0, r.output
    assert "line 2: invalid JSON" in r.stderr and "skipped (--skip-bad-records" not in r.stderr


@pytest.mark.browser
def test_the_page_shows_the_skipped_record_under_its_heading(browser, tmp_path: Path) -> None:
    """In real Chromium: the file's summary shows the heading and the record, on screen when the file is open."""
    from tests.review.test_browser import review_and_open

    (tmp_path / "recs.jsonl").write_text(RECORDS, encoding="utf-8")
    review_and_open(browser, tmp_path, "--text-field", "target", "--skip-bad-records", "recs.jsonl", cwd=tmp_path)
    shown = browser.execute_script(
        "var h = document.querySelector('.errors-head'), li = document.querySelector('ul.errors li');"
        "return h && li ? [h.offsetParent !== null, h.textContent, li.offsetParent !== null, li.textContent] : null;")
    assert shown is not None
    assert shown[0] and shown[1].startswith("Not in this review (1)") and shown[2], shown
    assert shown[3].startswith("line 2: invalid JSON"), shown
