"""The review page as a demanding editor works it, round 4 (session 24), in real headless Chromium."""

from __future__ import annotations

import pytest

from tests.review.test_browser import card, press, review_and_open
from tests.review.test_browser_round3 import accept_safe_edits_and_export, fixed_by_mtfix

pytestmark = pytest.mark.browser

#: An MT loop: the same words three times, each with a doubled "the". `fix` deletes the loop's repeats (MTF106),
#: and only then sees the "the the the the" left in the words it kept, seven characters before the deletion.
LOOP = (
    "The crowd 😀 went to the the the the market went to the the the the market went to the the the the market.\r\n"
    "Later the ferry (מעבורת) stopped for the night.\r\n"
)


def test_a_later_pass_edit_inside_the_finding_it_follows_is_offered_with_it(browser, tmp_path):
    """The loop's card offered the deletion of the repeats only: *Accept safe edits*, *As it will read* and the
    export gave "went to the the the the market.", where `mtfix fix` writes "went to the market." (its second
    pass deletes the "the the the" the loop's words kept, not next to the first edit, so session 23's rule
    did not offer it).  Now the loop's card carries both, and the page's text is `fix`'s."""
    from selenium.webdriver.common.by import By

    doc, want = fixed_by_mtfix(tmp_path, "loop.txt", LOOP)
    assert want.startswith("The crowd 😀 went to the market.\r\n".encode()), want
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    loop = card(browser, "MTF106", LOOP.index("went to the the"))
    label = loop.find_element(By.CSS_SELECTOR, "button.acc").get_attribute("aria-label")
    assert label.startswith("Accept MTF106 on line 1: “market went to the the the the market") and label.endswith(
        "; “the the the the” → “the”"
    ), label
    accept_safe_edits_and_export(browser, tmp_path, doc, want)


def test_z_one_time_too_many_is_taken_back_with_shift_z(browser, tmp_path):
    """Three decisions undone with `z`, one too many: nothing brought the last one back (the page had no redo;
    the editor had to find the finding and decide it again, and after *Accept safe edits* undone, do all of
    them again).  `Shift+Z` redoes the last undo of the open file, names it and goes to it; a new decision ends
    the chain, as in every editor."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    from tests.review.test_browser_round3 import REPEATS

    def accepted() -> int:
        return browser.execute_script("return document.querySelectorAll('#doc .ed.accepted').length;")

    def status() -> str:
        return browser.find_element("id", "announce").text

    doc = tmp_path / "repeats.txt"
    doc.write_text(REPEATS, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    card(browser, "MTF105", REPEATS.index(" the minister")).click()
    for _ in range(3):
        ActionChains(browser).key_down(Keys.SHIFT).send_keys("a").key_up(Keys.SHIFT).perform()
    assert accepted() == 3
    press(browser, "zz")
    assert accepted() == 1
    press(browser, "Z")
    assert accepted() == 2
    assert status().startswith("Redone: accept MTF105 on line 1, column 26: “the the” → “the”"), status()
    assert browser.switch_to.active_element == card(browser, "MTF105", REPEATS.index(" the talks"))
    press(browser, "Z")
    assert accepted() == 3 and status().startswith("Redone: accept MTF105 on line 1, column 43"), status()
    press(browser, "Z")
    assert accepted() == 3 and status().startswith("Nothing to redo"), status()
    press(browser, "z")  # the redone step is undone again
    assert accepted() == 2
    browser.find_element("id", "accept-safe").click()  # a new decision: the chain ends
    press(browser, "Z")
    assert status().startswith("Nothing to redo"), status()
    press(browser, "z")
    assert accepted() == 2
    press(browser, "Z")
    assert accepted() == 3 and status().startswith("Redone: accept safe edits"), status()


def test_caps_lock_z_undoes(browser, tmp_path):
    """With Caps Lock on, `z` comes as "Z" without Shift: it undoes, as the editor meant, rather than redo."""
    from tests.review.test_browser_round3 import REPEATS

    doc = tmp_path / "repeats.txt"
    doc.write_text(REPEATS, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    browser.find_element("id", "accept-safe").click()
    browser.execute_script("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Z', bubbles: true}));")
    assert browser.find_element("id", "announce").text.startswith("Undone: accept safe edits")
    browser.execute_script(
        "document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Z', shiftKey: true, bubbles: true}));"
    )
    assert browser.find_element("id", "announce").text.startswith("Redone: accept safe edits")
