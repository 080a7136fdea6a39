"""The review page as a demanding editor works it, round 2 (session 22), in real headless Chromium: what a
screen reader hears for an edit that changes only spaces."""

from __future__ import annotations

import pytest

from tests.review.test_browser import card, click, review_and_open

pytestmark = pytest.mark.browser

#: A flood report as MT writes it: a space before a comma, a space before a full stop, a glued word.
FLOOD = (
    "The administration said that , more than 4,000 residents left the villages .\n"
    "Rescuers came to Sabirabad where the riverrose and snowThe roads closed.\n"
    'The governor said " the roads are open " on Monday.\n'
)


def _status(browser) -> str:
    return browser.find_element("id", "announce").text


def test_an_edit_of_spaces_alone_names_what_it_deletes_and_where(browser, tmp_path):
    """MTF111 deletes the space before a comma: its buttons were named "Accept MTF111 on line 1: “that” →
    “that”" (the words around it, trimmed: the same on both sides), and the status after accepting said the
    same; the space before the full stop likewise ("“villages” → “villages”"), and the spaces inside quotation
    marks (MTF127).  A screen reader heard an edit that changed nothing."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "flood.txt"
    doc.write_text(FLOOD, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    comma = card(browser, "MTF111", FLOOD.index(" ,"))
    stop = card(browser, "MTF111", FLOOD.index(" ."))
    names = [c.find_element(By.CSS_SELECTOR, "button.acc").get_attribute("aria-label") for c in (comma, stop)]
    assert names == [
        "Accept MTF111 on line 1, column 29: delete the space between “that” and “,”",
        "Accept MTF111 on line 1, column 75: delete the space between “villages” and “.”",
    ], names
    assert (
        stop.find_element(By.CSS_SELECTOR, "button.rej")
        .get_attribute("aria-label")
        .startswith("Reject MTF111 on line 1, column 75: delete the space between")
    )
    click(browser, comma.find_element(By.CSS_SELECTOR, "button.acc"))
    assert "delete the space between “that” and “,”" in _status(browser), _status(browser)
    # the spaces inside quotation marks (MTF127) read the same too: “the roads are open” → “the roads are open”
    quoted = card(browser, "MTF127", FLOOD.index('" the roads'))
    assert quoted.find_element(By.CSS_SELECTOR, "button.acc").get_attribute("aria-label") == (
        'Accept MTF127 on line 3: delete the space between “"” and “the”; delete the space between “open” and “"”'
    )
    # an edit of words still reads as before
    glued = card(browser, "MTF202", FLOOD.index("snowThe"))
    assert (
        glued.find_element(By.CSS_SELECTOR, "button.acc").get_attribute("aria-label")
        == "Accept MTF202 on line 2: “snowThe” → “snow The”"
    )


#: Edits inside others: "the the" and "oilgas" inside the quotation marks' spaces (MTF127, unsafe), and the
#: second "There" lowered (MTF104) inside the deletion of the repeated " There" (MTF105).
NESTED = 'The spokesman said " the the prices of oilgas " will rise, and he said that There There was none.\n'
_JS_READS = "return Array.from(document.querySelectorAll('#doc .seg .text')).map(function (t) { return t.innerText; }).join('\\n');"


def test_an_accepted_edit_inside_another_edit_is_shown_as_it_will_be_written(browser, tmp_path):
    """Of overlapping edits the sentence drew the first by position only: with the quotation marks' edit
    (MTF127) left undecided, the accepted "the the" → "the" and "oilgas" → "oil and gas" inside it were
    never drawn, and with "There There" → "There" rejected for the accepted "There" → "there" inside it,
    *As it will read* said "that There There was none" where `fix --decisions` wrote "There there": the
    preview the editor signs off was not the text published."""
    from selenium.webdriver.common.by import By

    from tests.review.conftest import OFF, mtfix
    from tests.review.test_browser import export_download, press

    doc = tmp_path / "nested.txt"
    doc.write_text(NESTED, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    for code, at in (
        ("MTF105", NESTED.index(" the the") + 4),
        ("MTF206", NESTED.index("oilgas")),
        ("MTF105", NESTED.index("There There") + 5),
        ("MTF104", NESTED.index("There There") + 6),
    ):
        button = card(browser, code, at).find_element(By.CSS_SELECTOR, "button.acc")
        click(browser, button)
        assert browser.switch_to.active_element == button  # the focus stays where the editor was
    drawn = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .ed.accepted')).map(function (n) { return n.dataset.a; });"
    )
    assert len(drawn) == 3, drawn  # the two inside the quotation marks, and "There" → "there"
    expected = NESTED.replace("the the prices of oilgas", "the prices of oil and gas").replace(
        "There There", "There there"
    )
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == expected.rstrip("\n")
    press(browser, "v")
    press(browser, "z")  # "There" → "there" undone: the deletion of " There" is accepted again, and shown
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == expected.replace("There there", "There").rstrip("\n")
    press(browser, "v")
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_text(encoding="utf-8") == expected.replace("There there", "There")


def test_two_accepted_edits_in_the_same_words_are_both_shown(browser, tmp_path):
    """ "said that There there was": "There" → "there" (MTF104) and the deletion of the " there" after it
    (MTF105) do not overlap, and both can be accepted, but their words do: the sentence drew one only, and
    *As it will read* said "that there there was" where `fix --decisions` writes "that there was"."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import press

    text = "They said that There there was no water in the village.\n"
    doc = tmp_path / "there.txt"
    doc.write_text(text, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    lower = card(browser, "MTF104", text.index("There"))
    repeat = card(browser, "MTF105", text.index(" there"))
    click(browser, lower.find_element(By.CSS_SELECTOR, "button.acc"))
    click(browser, repeat.find_element(By.CSS_SELECTOR, "button.acc"))
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == "They said that there was no water in the village."
    press(browser, "v")
    click(browser, repeat.find_element(By.CSS_SELECTOR, "button.rej"))  # one of them rejected: the other alone
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == "They said that there there was no water in the village."
    press(browser, "v")
    press(browser, "z")
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == "They said that there was no water in the village."
