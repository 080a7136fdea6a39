"""The review page as editors use it, round 19 (session 36), in real headless Chromium: the summary's score after
the safe fixes says when the editor's decisions differ from them; a report opened from a path with spaces, ``#``
and ``%`` in its folder and file names."""

from __future__ import annotations

import time

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import card, click, open_report, review_and_open

pytestmark = pytest.mark.browser

STORY = "Story one: the minister met the the delegation. Prices of oilgas rose and There were no talks.\n"


def _note(browser) -> str:
    return browser.execute_script(
        "var n = document.querySelector('.summary:not([hidden]) .fl-note');"
        "return n && !n.hidden ? n.textContent : '';")


def test_the_score_after_says_when_the_decisions_differ_from_the_safe_fixes(browser, tmp_path):
    """The summary's "after" is the score after the safe fixes; an editor who accepted an unsafe fix (MTF104 here) or
    rejected a safe one was shown it as if it were the score of what they decided. Now a note beside it says that the
    decisions differ, how, and how to score them; it goes when they agree again."""
    doc = tmp_path / "story.txt"
    doc.write_text(STORY, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    assert _note(browser) == ""
    unsafe = card(browser, "MTF104", STORY.index("There"))
    click(browser, unsafe.find_element("css selector", "button.acc"))
    time.sleep(0.2)
    note = _note(browser)
    assert "1 unsafe fix accepted" in note and "mtfix score" in note, note
    click(browser, unsafe.find_element("css selector", "button.rej"))
    time.sleep(0.2)
    assert _note(browser) == ""
    safe = card(browser, "MTF105", STORY.index(" the the") + 4)
    click(browser, safe.find_element("css selector", "button.rej"))
    time.sleep(0.2)
    assert "1 safe fix rejected" in _note(browser)
    title = browser.execute_script("var f = document.querySelector('#files .fl'); return f ? f.title : null;")
    assert title is None or "safe fixes" in title


def test_a_report_in_a_folder_with_spaces_hash_and_percent(browser, tmp_path):
    """Opened from ``file://`` with ``%20``, ``%23`` and ``%25`` in its address: the page renders, its files open by
    the keys, and a decision survives a reload (the address's ``#file-N`` is the page's, not the file name's)."""
    from selenium.webdriver.common.action_chains import ActionChains

    folder = tmp_path / "my reports" / "week #3 (100%)"
    folder.mkdir(parents=True)
    for i in range(2):
        (folder / f"story {i}.txt").write_text(STORY, encoding="utf-8")
    report = folder / "review #1 of 100%.html"
    r = mtfix("review", *OFF, "-q", folder, "-o", report, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    open_report(browser, report)
    assert browser.execute_script("return document.querySelectorAll('#files a[data-file]').length") == 2
    browser.find_element("tag name", "body").click()
    ActionChains(browser).send_keys("]").perform()
    time.sleep(0.2)
    assert browser.execute_script("return document.querySelector('.summary:not([hidden])').dataset.file") == "1"
    click(browser, card(browser, "MTF105", STORY.index(" the the") + 4).find_element("css selector", "button.acc"))
    time.sleep(0.2)
    browser.refresh()
    from mtfix.review.browser import wait_ready

    wait_ready(browser)
    assert browser.execute_script("return document.querySelector('.summary:not([hidden])').dataset.file") == "1"
    assert "accepted" in card(browser, "MTF105", STORY.index(" the the") + 4).get_attribute("class")
