"""The review page, round 8 (session 27), in real headless Chromium: the desk summary dims a Markdown table
cell's `<br>` as *As it will read* and the sentences do (markup: dimmed, hidden from a screen reader, its
characters kept); in a plain-text file a tag stays the text's own characters there too."""

from __future__ import annotations

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import export_download, press, review_and_open
from tests.review.test_browser_round3 import fixed_by_mtfix
from tests.review.test_browser_round7 import STACKED, TAGGED_TEXT

pytestmark = pytest.mark.browser

_JS_DESK_BR = (
    "var d = document.getElementById('desk');"
    "return [Array.from(d.querySelectorAll('.markup.br')).map(function (b) {"
    "  return [b.textContent, b.getAttribute('aria-hidden'), b.closest('li') ? b.closest('ol').className : null]; }),"
    " d.textContent];"
)


def test_the_desk_summary_dims_a_table_cells_br_as_the_page_does(browser, tmp_path):
    """Until round 8 the desk summary's "Sentences that will change" showed "<br>" as words of the sentence
    (As it will read dimmed it); now each `<br>` of the old and the new text is markup there too, and the
    exported decisions still write `mtfix fix`'s bytes."""
    from selenium.webdriver.common.by import By

    doc, want = fixed_by_mtfix(tmp_path, "floods.md", STACKED)
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    browser.find_element(By.ID, "accept-safe").click()
    press(browser, "s")
    marks, text = browser.execute_script(_JS_DESK_BR)
    assert "Prices rose, in the market." in text.replace("<br>", " ") or "Prices rose" in text, text
    assert marks and all(m[0] == "<br>" and m[1] == "true" and m[2] == "desk-changes" for m in marks), marks
    assert "<br>" in text  # the characters stay (a printed summary shows where the break is)
    press(browser, "s")
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == want


def test_the_desk_summary_of_a_plain_text_file_shows_tags_as_text(browser, tmp_path):
    from selenium.webdriver.common.by import By

    doc = tmp_path / "wire.txt"
    doc.write_text(TAGGED_TEXT.replace("<b>", "<br><b>"), encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    browser.find_element(By.ID, "accept-safe").click()
    press(browser, "s")
    marks, text = browser.execute_script(_JS_DESK_BR)
    assert marks == [] and "<br><b>new bridge</b>" in text, (marks, text)
