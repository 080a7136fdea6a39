"""The review page as a demanding editor works it, round 3 (session 23), in real headless Chromium: the text the
editor signs off after *Accept safe edits* is the text `mtfix fix` writes."""

from __future__ import annotations

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import card, click, export_download, press, review_and_open

pytestmark = pytest.mark.browser

_JS_READS = "return Array.from(document.querySelectorAll('#doc .seg .text')).map(function (t) { return t.innerText; }).join('\\n');"

#: MT's stray spaces before commas, where removing the space lets another rule act (a second pass of `fix`):
#: "said that , the" (the space, then the comma after "said that"), "rose ,," (the space, then the doubled comma).
#: CRLF, an emoji and a Hebrew word: bytes outside the edits must stay as they are.
COMMAS = (
    "The mayor said that , the bridge 😀 over the river was closed on Monday.\r\n"
    "Prices of fuel rose ,, and the ferry (מעבורת) stopped for the night.\r\n"
    "It was said that ,, the water came back to the houses of the village.\r\n"
)


def fixed_by_mtfix(tmp_path, name: str, text: str):
    """``text`` written to ``tmp_path/name`` and what `mtfix fix -o` writes for it: (the file, the fixed bytes)."""
    doc = tmp_path / name
    doc.write_bytes(text.encode("utf-8"))
    fixed = tmp_path / "fixed"
    r = mtfix("fix", *OFF, "-o", fixed, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    return doc, (fixed / doc.name).read_bytes()


def accept_safe_edits_and_export(browser, tmp_path, doc, want: bytes) -> None:
    """*Accept safe edits*; the page then reads `want` (what `mtfix fix` wrote), and its exported decisions,
    applied by `fix --decisions` to the untouched file, write `want` byte for byte."""
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "accept-safe").click()
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == want.decode("utf-8").replace("\r\n", "\n").rstrip("\n")
    press(browser, "v")
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == want


def test_accept_safe_edits_gives_the_text_mtfix_fix_writes(browser, tmp_path):
    """`mtfix fix` removes "said that , the"'s space (MTF111) and then, in its second pass, the comma after
    "said that" (MTF102); "rose ,," loses its space and then the doubled comma.  The page proposed the first
    pass's edits only: *Accept safe edits*, *As it will read* and `fix --decisions` gave "said that, the" and
    "rose,,", where `mtfix fix` writes "said that the" and "rose,": the text signed off was not the fixed one,
    in every sentence of this commonest MT slip."""
    from selenium.webdriver.common.by import By

    doc, want = fixed_by_mtfix(tmp_path, "commas.txt", COMMAS)
    assert b"said that the bridge" in want and b"rose, and" in want and b"said that the water" in want, want
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    # the card of the space before the comma carries the comma's removal too: one decision, as `fix` writes it
    space = card(browser, "MTF111", COMMAS.index(" ,"))
    assert space.find_element(By.CSS_SELECTOR, "button.acc").get_attribute("aria-label") == (
        "Accept MTF111 on line 1: delete the space between “that” and “,”; delete “,”"
    )
    accept_safe_edits_and_export(browser, tmp_path, doc, want)


def test_the_second_pass_edit_goes_with_the_edit_that_made_it(browser, tmp_path):
    """The comma's removal is proposed only with the space's: rejected together, undone together, and never
    accepted alone (which would leave "said that  the", two spaces)."""
    from selenium.webdriver.common.by import By

    text = "The mayor said that , the bridge was closed on Monday.\n"
    doc = tmp_path / "one.txt"
    doc.write_text(text, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    space = card(browser, "MTF111", text.index(" ,"))
    click(browser, space.find_element(By.CSS_SELECTOR, "button.acc"))
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == "The mayor said that the bridge was closed on Monday."
    press(browser, "v")
    click(browser, space.find_element(By.CSS_SELECTOR, "button.rej"))
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == text.rstrip("\n")
    press(browser, "v")
    press(browser, "z")
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == "The mayor said that the bridge was closed on Monday."


def test_one_rules_safe_edits_at_once_take_the_later_passes_edits_with_them(browser, tmp_path):
    """*Accept all 3 safe MTF111* (the card's button): each space's removal with the comma's after it, as `fix`
    writes them, and the button counts the rule's own edits (3), not the ones that go with them."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "commas.txt"
    doc.write_bytes(COMMAS.encode("utf-8"))
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    button = card(browser, "MTF111", COMMAS.index(" ,")).find_element(By.CSS_SELECTOR, "button.rule-all")
    assert button.text == "Accept all 3 safe MTF111"
    click(browser, button)
    assert "Accepted 3 safe MTF111 edits" in browser.find_element(By.ID, "announce").text
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == (
        "The mayor said that the bridge 😀 over the river was closed on Monday.\n"
        "Prices of fuel rose, and the ferry (מעבורת) stopped for the night.\n"
        "It was said that the water came back to the houses of the village."
    )


#: A long MT line with the same slip three times (findings a screen reader tells apart by their columns).
REPEATS = "The the minister said the the talks on the the bridge over the river went on until Monday.\n"


def test_undo_says_which_decision_it_undid_and_goes_to_it(browser, tmp_path):
    """`Shift+A` on three "the the" of one line, then `z`: the status said "Undone: accept MTF105 (1 edit)." (which
    of the three?) and the focus stayed on the card after the last one, so that a screen reader user could not
    tell what came back, nor decide it again without searching.  Now the status names it as its buttons do,
    and the undone finding is the current one, its card focused."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    doc = tmp_path / "repeats.txt"
    doc.write_text(REPEATS, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    first = card(browser, "MTF105", REPEATS.index(" the minister"))
    first.click()
    for _ in range(3):
        ActionChains(browser).key_down(Keys.SHIFT).send_keys("a").key_up(Keys.SHIFT).perform()
    press(browser, "z")
    status = browser.find_element("id", "announce").text
    last = card(browser, "MTF105", REPEATS.index(" the bridge"))
    assert status.startswith("Undone: accept MTF105 on line 1, column 43: “the the” → “the”"), status
    assert browser.switch_to.active_element == last
    assert "cur" in last.get_attribute("class").split()
    press(browser, "z")
    status = browser.find_element("id", "announce").text
    assert status.startswith("Undone: accept MTF105 on line 1, column 26: “the the” → “the”"), status
    assert browser.switch_to.active_element == card(browser, "MTF105", REPEATS.index(" the talks"))
