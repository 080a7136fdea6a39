"""The review report as an editor checking MT before publication meets it, in real headless Chromium:
each card quotes the text it flags, buttons a screen reader can tell apart, text that meets WCAG AA
contrast, and the text as it will read once the decisions are applied."""

from __future__ import annotations

import pytest

from tests.review.conftest import MINUTES, MINUTES_DECIDED, ROAD, ROAD_FIXED
from tests.review.test_browser import card, click, correct, press, review_and_open, seg_at

pytestmark = pytest.mark.browser

#: Findings at the very start ("snowThe") and the very end ("the the" before the line break) of a
#: sentence, a word in Arabic script and one in Japanese inside English sentences.
EDGES = (
    "snowThe delegation arrived in Tbilisi, where the mayor greeted them at the the\n"
    "The spokesman quoted the slogan \"\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645\" and the crowd cheered in Ankara.\n"
    "Reporters from Tokyo wrote \u6771\u4eac\u306e\u4f1a\u8b70 in the oilgas report and left.\n"
)

#: One long sentence with the same error five times, each between other words.
LONG = ("The minister said that the the budget, the the harbour, the the railway, the the schools and "
        "the the hospitals of the region will get more money next year, and the council agreed.\n")

_JS_QUOTES = """
return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {
  var q = c.querySelector('.quote'), m = q && q.querySelector('mark');
  return {code: c.querySelector('a.code').textContent, a: Number(c.dataset.a), b: Number(c.dataset.b),
          quote: q ? q.textContent : null, mark: m ? m.textContent : null,
          isolated: !!(m && m.closest('bdi')), caret: !!(m && m.classList.contains('caret'))};
});
"""


def test_each_card_quotes_the_text_it_flags(browser, tmp_path):
    """Every card shows the exact span it flags (marked, with a few words around it, isolated so that
    right-to-left text cannot reorder it): a card is tied to its words without hunting through the
    underlines, at the start and the end of a sentence, in Arabic and Japanese text, and the five
    same findings of one long sentence read apart."""
    doc = tmp_path / "edges.txt"
    doc.write_text(EDGES + "\n" + LONG, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    text = doc.read_text(encoding="utf-8")
    quotes = browser.execute_script(_JS_QUOTES)
    assert quotes, "no card"
    for q in quotes:
        assert q["quote"] is not None, f"{q['code']} at {q['a']}: the card does not quote its text"
        if q["a"] < q["b"]:
            assert q["mark"] == text[q["a"]:q["b"]], q
        else:
            assert q["caret"], q
        assert q["isolated"], q
    at_start = [q for q in quotes if q["a"] == 0]
    assert at_start and all(q["quote"].startswith(q["mark"]) for q in at_start), at_start
    arabic = [q for q in quotes if q["code"] == "MTF408" and "\u0627" in q["mark"]]
    assert arabic, quotes
    repeated = [q["quote"] for q in quotes if q["code"] == "MTF105" and q["a"] > len(EDGES)]
    assert len(repeated) == 5 and len(set(repeated)) == 5, repeated


def test_buttons_name_the_edit_they_decide_for_a_screen_reader(browser, tmp_path):
    """A screen reader hears which edit Accept and Reject decide (the rule and the change), which
    sentence Edit opens, and each card as a group named by its finding: not twenty "Accept"s."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    oil = card(browser, "MTF206", MINUTES.index("oilgas"))
    assert oil.aria_role == "group"
    assert "MTF206" in oil.accessible_name and "oil and gas" in oil.accessible_name
    acc = oil.find_element(By.CSS_SELECTOR, "button.acc")
    rej = oil.find_element(By.CSS_SELECTOR, "button.rej")
    assert "Accept" in acc.accessible_name and "oilgas" in acc.accessible_name and "oil and gas" in acc.accessible_name
    assert "Reject" in rej.accessible_name and "oilgas" in rej.accessible_name
    names = [b.accessible_name for b in browser.find_elements(By.CSS_SELECTOR, "#doc .decide button")]
    assert len(names) == len(set(names)) >= 4, names
    edit = seg_at(browser, MINUTES.index(ROAD)).find_element(By.CSS_SELECTOR, ".seg-tools button")
    assert edit.accessible_name.startswith("Edit") and "Officials of ministry" in edit.accessible_name
    click(browser, acc)
    assert acc.get_attribute("aria-pressed") == "true"
    score = seg_at(browser, MINUTES.index(ROAD)).find_element(By.CSS_SELECTOR, ".band .score")
    assert score.accessible_name == f"fluency {score.text} of 100", score.accessible_name  # not a bare "98"


_JS_CONTRAST = """
function rgba(c) { var p = c.match(/[\\d.]+/g).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
function over(fg, bg) { var a = fg[3]; return [0, 1, 2].map(function (i) { return fg[i] * a + bg[i] * (1 - a); }).concat([1]); }
function lum(c) {
  var v = [0, 1, 2].map(function (i) { var x = c[i] / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function background(n) {
  var layers = [];
  for (; n && n.nodeType === 1; n = n.parentElement) {
    var b = rgba(getComputedStyle(n).backgroundColor);
    if (b[3] > 0) { layers.push(b); if (b[3] >= 1) break; }
  }
  return layers.reverse().reduce(function (base, l) { return over(l, base); }, [255, 255, 255, 1]);
}
function opacity(n) { var o = 1; for (; n && n.nodeType === 1; n = n.parentElement) o *= Number(getComputedStyle(n).opacity); return o; }
var low = [];
document.querySelectorAll('body *').forEach(function (n) {
  if (!Array.from(n.childNodes).some(function (t) { return t.nodeType === 3 && t.textContent.trim(); })) return;
  if (!n.getClientRects().length || n.closest('[hidden], [aria-hidden=true], button:disabled, .rule-docs')) return;
  var cs = getComputedStyle(n);
  if (cs.visibility === 'hidden') return;
  var bg = background(n), fg = rgba(cs.color);
  fg = over([fg[0], fg[1], fg[2], fg[3] * opacity(n)], bg);
  var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  var size = parseFloat(cs.fontSize), large = size >= 24 || (Number(cs.fontWeight) >= 700 && size >= 18.66);
  if (ratio < (large ? 3 : 4.5)) low.push(n.tagName.toLowerCase() + '.' + n.className + ' ' + ratio.toFixed(2) + ': ' + n.textContent.trim().slice(0, 30));
});
return low;
"""


def test_text_meets_wcag_aa_contrast_in_every_state(browser, tmp_path):
    """Every text the editor reads (card labels, line numbers, fluency badges, the Edit buttons,
    accepted, rejected and corrected sentences, sentences without findings) has a contrast of at
    least 4.5:1 (3:1 for large text) against what is behind it, as WCAG 2.1 AA asks."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES + "\nThe council met on Monday.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    click(browser, card(browser, "MTF206", MINUTES.index("oilgas")).find_element(By.CSS_SELECTOR, "button.acc"))
    click(browser, card(browser, "MTF104", MINUTES.index("There")).find_element(By.CSS_SELECTOR, "button.rej"))
    correct(browser, MINUTES.index(ROAD), ROAD_FIXED, ".seg-tools button")
    corrected(browser)
    browser.execute_script("window.scrollTo(0, 0); document.getElementById('toast').hidden = true;")
    assert browser.find_elements(By.CSS_SELECTOR, "#doc .seg.dim"), "no sentence without findings"
    assert browser.find_elements(By.CSS_SELECTOR, "#doc .seg.corrected")
    low = browser.execute_script(_JS_CONTRAST)
    assert low == [], "\n".join(low)


def corrected(browser, timeout: float = 10.0) -> None:
    """Wait until a saved correction is drawn: Ctrl+Enter saves and redraws asynchronously."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, timeout).until(lambda d: d.find_elements("css selector", "#doc .seg.corrected"))


_JS_READS = """
return Array.from(document.querySelectorAll('#doc .seg .text')).map(function (t) { return t.innerText; }).join(' ');
"""


def test_the_text_as_it_will_read(browser, tmp_path):
    """*As it will read* (or `v`) shows every sentence as `fix --decisions` will write it: the accepted
    edits and the corrections in, the undecided and rejected edits out, no struck text; `v` again
    goes back to the marked-up view."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    click(browser, card(browser, "MTF101", MINUTES.index("It simply")).find_element(By.CSS_SELECTOR, "button.acc"))
    click(browser, card(browser, "MTF206", MINUTES.index("oilgas")).find_element(By.CSS_SELECTOR, "button.acc"))
    correct(browser, MINUTES.index(ROAD), ROAD_FIXED, ".seg-tools button")
    corrected(browser)
    marked = browser.execute_script(_JS_READS)
    assert "oilgas" in marked and "It simply" in marked  # the diff view shows what goes, struck through
    button = browser.find_element(By.ID, "reads")
    assert button.get_attribute("aria-pressed") == "false"
    browser.execute_script("document.activeElement.blur();")
    press(browser, "v")
    assert button.get_attribute("aria-pressed") == "true"
    assert browser.execute_script(_JS_READS).split() == MINUTES_DECIDED.decode("utf-8").split()
    press(browser, "v")
    assert browser.execute_script(_JS_READS) == marked
    click(browser, button)
    assert browser.execute_script(_JS_READS).split() == MINUTES_DECIDED.decode("utf-8").split()


#: A Hebrew→English XLIFF unit: the source ends in a Latin acronym and a full stop.
HEBREW_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    ' <file source-language="he" target-language="en" datatype="plaintext" original="n"><body>\n'
    '  <trans-unit id="t1"><source>\u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u05d0\u05d9\u05e9\u05e8\u05d4 '
    '\u05d0\u05ea \u05d4\u05ea\u05e7\u05e6\u05d9\u05d1 \u05e9\u05dc NATO.</source>\n'
    '   <target>The government approved the the budget of NATO.</target></trans-unit>\n'
    ' </body></file>\n</xliff>\n')


def test_a_right_to_left_source_reads_right_to_left(browser, tmp_path):
    """A Hebrew (or Arabic) source above an English unit is laid out right to left, isolated from the
    "source" label: in the page's left-to-right flow its full stop showed at the wrong end and a
    Latin word in it out of place, in the very text the editor checks the meaning against."""
    from selenium.webdriver.common.by import By

    xliff = tmp_path / "he.xlf"
    xliff.write_text(HEBREW_XLIFF, encoding="utf-8")
    review_and_open(browser, tmp_path, xliff)
    src = browser.find_element(By.CSS_SELECTOR, "#doc .unit-src")
    assert src.text.startswith("SOURCE") and "NATO." in src.text
    text = src.find_element(By.CSS_SELECTOR, "bdi")
    assert text.text.startswith("\u05d4\u05de\u05de\u05e9\u05dc\u05d4")
    assert browser.execute_script("return arguments[0].matches(':dir(rtl)')", text)
    english = browser.find_element(By.CSS_SELECTOR, "#doc .seg .text")
    assert browser.execute_script("return arguments[0].matches(':dir(ltr)')", english)


_NOUNS = ("budget", "harbour", "railway", "schools", "hospitals", "museum", "bridge", "airport", "library",
          "stadium", "theatre", "market", "tunnel", "archive", "clinic", "factory")
#: One sentence with sixteen repeated words: its cards reach far below the window.
VERY_LONG = ("The minister said that " + ", ".join(f"the the {n}" for n in _NOUNS)
             + " of the region will get more money next year.\n")

_JS_IN_VIEW = """
var top = document.querySelector('.topbar').getBoundingClientRect().bottom, h = innerHeight;
function seen(n) { var r = n.getBoundingClientRect(); return r.height > 0 && r.top >= top - 1 && r.bottom <= h + 1; }
var card = document.querySelector('#doc .card.cur');
var marks = Array.from(document.querySelectorAll('#doc .text .cur'));
return [card ? card.dataset.fid : null, !!card && seen(card), marks.length > 0 && marks.some(seen)];
"""


def test_n_shows_the_card_and_its_words_in_a_sentence_taller_than_the_window(browser, tmp_path):
    """In a sentence whose cards reach far below the window, `n`/`p` bring the current card into view
    and the sentence stays beside it with the finding's words marked: the page centred the whole
    sentence, and the current card and its words were both off screen."""
    doc = tmp_path / "long.txt"
    doc.write_text(VERY_LONG, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    assert browser.execute_script("return document.querySelector('#doc .seg').getBoundingClientRect().height") > 1500
    seen = []
    for key in "n" * 17 + "p" * 3:
        press(browser, key)
        fid, card_seen, words_seen = browser.execute_script(_JS_IN_VIEW)
        assert card_seen, f"after {key}: the current card {fid} is off screen"
        assert words_seen, f"after {key}: the words of {fid} are off screen"
        seen.append(fid)
    assert len(set(seen)) >= 17, seen


_JS_FOCUS = """
var a = document.activeElement, r = a.getBoundingClientRect(), bar = document.querySelector('.topbar');
return [a.tagName.toLowerCase() + '.' + a.className, r.top, r.bottom, bar.getBoundingClientRect().bottom, bar.contains(a)];
"""


def test_focus_is_never_hidden_under_the_top_bar_on_a_narrow_screen(browser, tmp_path):
    """At 1024×768 (a laptop at 125 % zoom, a tablet) the top bar wrapped to 139 px while the page kept
    76 px clear for it: going back with Shift+Tab put the focused button or link under the bar,
    out of sight (WCAG 2.2 2.4.11, focus not obscured). The bar now stays one compact block and
    the page keeps its real height clear."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    from tests.review.test_browser_newsroom import long_article

    doc = tmp_path / "article.txt"
    doc.write_text(long_article(120), encoding="utf-8")
    browser.set_window_size(1024, 768)
    try:
        review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
        bar = browser.execute_script("return document.querySelector('.topbar').getBoundingClientRect().height")
        assert bar < 768 / 6, f"the top bar takes {bar:.0f} px of 768"
        press(browser, "n" * 12)
        for _ in range(40):
            ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
            what, top, bottom, bar_bottom, in_bar = browser.execute_script(_JS_FOCUS)
            assert in_bar or top >= bar_bottom - 2, f"{what} at {top:.0f}-{bottom:.0f} px, under the bar ({bar_bottom:.0f} px)"
    finally:
        browser.set_window_size(1440, 1000)
