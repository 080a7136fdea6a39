"""The review page as editors use it, round 15 (session 32), in real headless Chromium: high contrast (Windows'
forced colours), where the page's own colours give way to the system's few."""

from __future__ import annotations

import pytest

from tests.review.test_browser import card, click, press, review_and_open

pytestmark = pytest.mark.browser

#: A mistranslated compound with a safe fix, a space before a comma, a doubled word: three cards to move through.
NEWS = "Prices of oilgas will rise next year , officials said.\nThe the road to the port is closed.\n"

_LOOK = """
var s = getComputedStyle(arguments[0]), bg = s.backgroundColor;
for (var e = arguments[0].parentElement; e && /rgba\\(.*, 0\\)$/.test(bg); e = e.parentElement) {
  bg = getComputedStyle(e).backgroundColor;  // a transparent background shows its parent's
}
return [s.outlineStyle === 'none' ? 'none' : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
        bg, s.color, s.borderTopColor, s.borderLeftStyle, s.boxShadow];
"""


def _look(browser, element) -> list[str]:
    """How ``element`` is drawn: its outline, background (its parent's when transparent), text colour, border
    colour and style, shadow."""
    return browser.execute_script(_LOOK, element)


@pytest.fixture
def forced(browser, tmp_path):
    """The news report open with forced colours on (Chromium applies the system palette, as high contrast does)."""
    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    browser.set_window_size(1280, 900)
    review_and_open(browser, tmp_path, "news.txt", cwd=tmp_path)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    assert browser.execute_script("return matchMedia('(forced-colors: active)').matches;")
    yield
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_high_contrast_shows_the_current_finding_and_each_decision(browser, forced):
    """Forced colours drop backgrounds and shadows: the current card (a blue shadow) looked as every other, its
    words in the text (a tinted background) too, and an accepted or rejected edit's pressed button (green or grey)
    as an undecided one: an editor in high contrast could not see where `n` had gone nor what they had decided."""
    first, other = card(browser, "MTF206", NEWS.index("oilgas")), card(browser, "MTF105", NEWS.index(" the road"))
    browser.find_element("tag name", "body").click()
    press(browser, "n")
    while "cur" not in first.get_attribute("class"):
        press(browser, "n")
    assert _look(browser, first)[0] != "none", _look(browser, first)  # the current card is outlined
    assert _look(browser, other)[0] == "none"
    words = browser.find_element("css selector", "#doc .u.cur, #doc .ed.cur")
    assert _look(browser, words)[0] != "none" or _look(browser, words)[1] != _look(browser, first)[1]
    click(browser, first.find_element("css selector", "button.acc"))
    click(browser, other.find_element("css selector", "button.rej"))
    pending = card(browser, "MTF111", NEWS.index(" ,"))
    accepted, rejected = (c.find_element("css selector", sel) for c, sel in ((first, "button.acc"), (other, "button.rej")))
    untouched = pending.find_element("css selector", "button.acc")
    assert _look(browser, accepted)[1:3] != _look(browser, untouched)[1:3], (_look(browser, accepted), _look(browser, untouched))
    assert _look(browser, rejected)[1:3] != _look(browser, untouched)[1:3]
    assert "rgb(23, 112, 61)" not in _look(browser, accepted)  # the system's colours, not the page's own green
    reads = browser.find_element("id", "reads")
    plain = _look(browser, reads)
    click(browser, reads)
    assert reads.get_attribute("aria-pressed") == "true"
    assert _look(browser, reads)[1:3] != plain[1:3], "a pressed top-bar button looks as an unpressed one"


def test_high_contrast_marks_the_words_an_edit_would_put_in(browser, tmp_path):
    """An edit's new words were told from the text around them by a green background alone: in forced colours a
    proposed insertion (the space after a comma) read as if it were in the text already."""
    (tmp_path / "comma.txt").write_text("The council said,the road stays closed until May.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, "comma.txt", cwd=tmp_path)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    try:
        looks = browser.execute_script("""
          var s = function (e) { var c = getComputedStyle(e); return [c.borderBottomStyle, c.textDecorationLine, c.fontWeight].join(' '); };
          var ins = document.querySelector('#doc .ed ins'), text = document.querySelector('#doc .text');
          return [ins ? s(ins) : null, s(text), ins ? ins.textContent : null];""")
        assert looks[0] is not None and looks[2].strip() == "", looks  # the space the edit puts in
        assert looks[0] != looks[1], looks
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_high_contrast_shows_which_file_is_open(browser, tmp_path):
    """The open file's row of the file list was told by a light blue background alone."""
    for n in range(3):
        (tmp_path / f"story-{n}.txt").write_text(f"In district {n}, the the road is closed.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, ".", cwd=tmp_path)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    try:
        links = browser.find_elements("css selector", "#files a[data-file]")
        assert len(links) == 3 and "on" in links[0].get_attribute("class")
        assert _look(browser, links[0]) != _look(browser, links[1]), (_look(browser, links[0]), _look(browser, links[1]))
        click(browser, links[2])
        assert "on" in links[2].get_attribute("class")
        assert _look(browser, links[2]) != _look(browser, links[0])
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
