"""The review page for an editor who works with the keyboard and a screen reader (session 21), in real
headless Chromium: which file is open and what a file key did, findings alike on one long line told apart,
and undo that stays in the file on screen."""

from __future__ import annotations

import pytest

from tests.review.test_browser import card, click, press, review_and_open

pytestmark = pytest.mark.browser

#: One long line (a paragraph on one line, as MT output often is) with the same error many times.
LONG_LINE = " ".join(["The delegation of the the ministry met the the officials there."] * 6) + "\n"
FIRST = "Talks on the oilgas pipeline resumed on Monday.\n"
SECOND = "Prices of oilgas rose and the the talks went on.\n"


def _status(browser) -> str:
    return browser.find_element("id", "announce").text


def test_a_file_key_says_which_file_is_open_and_keeps_the_focus_in_the_text(browser, tmp_path):
    """`]` in a batch: the focus was on a card of the file just left, which went away, so it fell to the
    page's body (the next Tab started from the top) and a screen reader said nothing at all; the file list
    marked the open file by colour alone."""
    from selenium.webdriver.common.by import By

    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "b.txt", cwd=tmp_path)
    links = browser.find_elements(By.CSS_SELECTOR, "#files a")
    assert [a.get_attribute("aria-current") for a in links] == ["page", None]
    press(browser, "n")
    press(browser, "]")
    assert [a.get_attribute("aria-current") for a in links] == [None, "page"]
    said = _status(browser)
    assert "b.txt" in said and "2 of 2" in said, said
    active = browser.switch_to.active_element
    assert active.get_attribute("id") == "doc" or active.find_elements(By.XPATH, "ancestor::*[@id='doc']"), \
        active.tag_name
    press(browser, "]")  # there is no next file: said, not silence
    assert "last file" in _status(browser), _status(browser)
    press(browser, "[")
    assert "a.txt" in _status(browser) and [a.get_attribute("aria-current") for a in links] == ["page", None]
    # the pager's "next file" pressed with the keyboard: the focus stays in the pager (it fell to the body)
    from selenium.webdriver.common.keys import Keys

    browser.execute_script("document.querySelector('#file-pager button[data-go=next]').focus();")
    press(browser, Keys.ENTER)
    assert "b.txt" in _status(browser), _status(browser)
    assert browser.switch_to.active_element.accessible_name == "previous file"  # next is disabled on the last


def test_findings_alike_on_one_long_line_have_names_a_screen_reader_tells_apart(browser, tmp_path):
    """Twelve "the the" on one long line: every card was "minor MTF105, line 1: 'the' is repeated" and
    every button "Accept MTF105 on line 1: “the the” → “the”", twelve times over in a list of the page's
    buttons; the status after accepting one did not say which.  Alike ones now name their column."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "long.txt"
    doc.write_text(LONG_LINE + SECOND, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    cards = [c for c in browser.find_elements(By.CSS_SELECTOR, "#doc .card")
             if c.find_element(By.CSS_SELECTOR, "a.code").text == "MTF105"]
    assert len(cards) == 13
    names = [c.get_attribute("aria-label") for c in cards]  # (rows off screen skip layout: no computed name)
    assert len(set(names)) == len(names), names
    accepts = [c.find_element(By.CSS_SELECTOR, "button.acc").get_attribute("aria-label") for c in cards]
    assert len(set(accepts)) == len(accepts), accepts
    second = int(cards[1].get_attribute("data-a"))
    assert f"line 1, column {second + 1}" in card(browser, "MTF105", second).get_attribute("aria-label")
    # one alone on its line keeps the short name
    assert cards[-1].get_attribute("aria-label") == "minor MTF105, line 2: 'the' is repeated"
    click(browser, card(browser, "MTF105", second).find_element(By.CSS_SELECTOR, "button.acc"))
    assert f"column {second + 1}" in _status(browser)


def test_undo_acts_in_the_file_on_screen(browser, tmp_path):
    """An edit accepted in one file of a batch, then `]` and `z` in the next: `z` undid the decision in the
    file left behind, out of sight ("Undone: accept MTF206 (1 edit)"), and the editor, seeing nothing
    change, pressed it again.  `z` now undoes the last action of the open file."""
    from selenium.webdriver.common.by import By

    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "b.txt", cwd=tmp_path)
    click(browser, card(browser, "MTF206", FIRST.index("oilgas")).find_element(By.CSS_SELECTOR, "button.acc"))
    count = browser.find_element(By.ID, "decision-count")
    assert count.text.startswith("1 accepted"), (_status(browser), browser.execute_script("return document.activeElement.outerHTML.slice(0,200)"))
    press(browser, "]")
    press(browser, "z")
    assert count.text.startswith("1 accepted"), count.text
    assert "Nothing to undo" in _status(browser)
    press(browser, "[")
    press(browser, "z")
    assert count.text == "no decisions yet"


def _tab_to(browser, css: str, limit: int = 80):
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        press(browser, Keys.TAB)
        active = browser.switch_to.active_element
        if browser.execute_script("return arguments[0].matches(arguments[1]);", active, css):
            return active
    raise AssertionError(f"Tab never reached {css}")


def _in_sentence(browser, start: int) -> bool:
    return browser.execute_script(
        "var s = document.activeElement.closest('#doc .seg'); return !!s && s.dataset.a === arguments[0];", str(start))


def test_the_focus_stays_on_the_sentence_after_saving_cancelling_or_reverting_a_correction(browser, tmp_path):
    """With the keyboard alone: Tab to a sentence's Edit, type, Ctrl+Enter. The text box went away with the
    focus in it, and the focus fell to the page's body (a screen reader lost its place; the next Tab started
    again near the top), after Esc and after Revert too; and Revert was a bare "Revert" in the list of
    buttons, naming no sentence."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from tests.review.test_browser import ctrl_enter

    doc = tmp_path / "b.txt"
    doc.write_text(SECOND + FIRST, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    second = len(SECOND)
    press(browser, "n")  # the current finding is in the first sentence
    _tab_to(browser, f'#doc .seg[data-a="{second}"] button.edit-sent')
    press(browser, Keys.ENTER)
    press(browser, Keys.ESCAPE)
    assert _in_sentence(browser, second), browser.switch_to.active_element.tag_name
    press(browser, Keys.ENTER)
    box = browser.switch_to.active_element
    assert box.tag_name == "textarea"
    box.send_keys(" Fine.")
    ctrl_enter(browser)
    assert _in_sentence(browser, second), browser.switch_to.active_element.tag_name
    revert = browser.find_element(By.CSS_SELECTOR, f'#doc .seg[data-a="{second}"] button.revert-sent')
    assert revert.accessible_name.startswith("Revert your correction: Talks on the oilgas pipeline resumed on Monday. Fine."), revert.accessible_name
    _tab_to(browser, f'#doc .seg[data-a="{second}"] button.revert-sent', 5)
    press(browser, Keys.ENTER)
    assert _in_sentence(browser, second), browser.switch_to.active_element.tag_name
    assert "the 1 edit inside it is as you had decided it" in _status(browser)


def test_n_and_p_at_the_ends_of_the_file_say_so(browser, tmp_path):
    """`n` on the last finding (and `p` on the first) left the focus where it was and said nothing: a
    screen reader user heard silence and could not tell the end of the file from a key not taken
    (`m` and `Shift+N` said "No major finding after this one")."""
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "b.txt", cwd=tmp_path)
    count = browser.execute_script("return document.querySelectorAll('#doc .card').length;")
    press(browser, "n" * count)
    assert _status(browser) == ""  # each n moved: the focus on a card says it
    press(browser, "n")
    assert "last finding of this file" in _status(browser).lower() and "]" in _status(browser), _status(browser)
    press(browser, "R")  # reject (or leave as is) and on: there is no next one, and the status says so
    assert "last finding of this file" in _status(browser).lower(), _status(browser)
    press(browser, "p" * (count - 1))
    press(browser, "p")
    assert "first finding of this file" in _status(browser).lower(), _status(browser)
