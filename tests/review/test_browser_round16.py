"""The review page as editors use it, round 16 (session 33), in real headless Chromium: a garbled sentence's finding
(MTF401), whose underlined words are only where to start reading, says so and outlines the sentence it judges."""

from __future__ import annotations

import pytest

from tests.review.test_browser import card, click, press, review_and_open

pytestmark = pytest.mark.browser

# a doubled word (an edit: MTF105), then a sentence the detector reads as garbled MT (MTF401 on a few of its words)
CLEAN = "The council met on Monday and the the mayor spoke."
GARBLED = ("The conference was dedicated to the history of the bridge of the river, built the role by the workers "
           "of the factory of the town and the help of the people of the valley.")
NEWS = CLEAN + " " + GARBLED + "\n"

_OUTLINE = "var s = getComputedStyle(arguments[0]); return s.outlineStyle === 'none' ? 'none' : s.outlineStyle;"


def _sentence(browser, start: int):
    return browser.find_element("css selector", f'#doc .seg[data-a="{start}"] .textcol > .text')


@pytest.mark.parametrize("colours", ["normal", "forced"])
def test_a_garbled_sentence_card_outlines_its_sentence_and_says_where_to_start(browser, tmp_path, colours):
    """Its card quoted a few words mid-sentence ("…of the river, built the role by…") with "No edit: if it is wrong,
    rewrite it": which words were wrong, and what "it" was, the editor had to guess. Now the advice names the whole
    sentence, the marked words are where to start reading, and the sentence is outlined while its card is current
    (in forced colours too); a card of another rule outlines nothing."""
    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    browser.set_window_size(1280, 900)
    review_and_open(browser, tmp_path, "news.txt", cwd=tmp_path)
    if colours == "forced":
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    try:
        start = len(CLEAN) + 1
        wide = browser.execute_script(
            "return Array.from(document.querySelectorAll('#doc .card')).filter(function (c) {"
            "  return c.querySelector('a.code').textContent === 'MTF401'; })[0] || null;")
        assert wide is not None, "no MTF401 card: the detector no longer reads the sentence as garbled"
        assert "wide" in wide.get_attribute("class")
        assert int(wide.get_attribute("data-b")) - int(wide.get_attribute("data-a")) < len(GARBLED)
        advice = wide.text
        assert "judge the whole sentence" in advice and "where to start reading" in advice, advice
        mark = wide.find_element("css selector", ".quote mark")
        assert "start reading here" in mark.get_attribute("title")
        doubled = card(browser, "MTF105", NEWS.index(" the mayor"))
        assert "judge the whole sentence" not in doubled.text
        browser.find_element("tag name", "body").click()
        press(browser, "n")
        assert "cur" in doubled.get_attribute("class")
        assert browser.execute_script(_OUTLINE, _sentence(browser, start)) == "none"
        while "cur" not in wide.get_attribute("class"):
            press(browser, "n")
        assert browser.execute_script(_OUTLINE, _sentence(browser, start)) == "dashed"
        assert browser.execute_script(_OUTLINE, _sentence(browser, 0)) == "none"
        click(browser, wide.find_element("css selector", "button.keep"))  # left as is: still current, still outlined
        assert "judge the whole sentence" in wide.text
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
