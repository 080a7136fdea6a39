"""The review page at the sizes and with the habits editors have, in real headless Chromium: the top
bar at 1,280, 1,024 and 768 px wide and at 200 % zoom, the keyboard alone, a screen reader's view."""

from __future__ import annotations

import pytest

from tests.review.test_browser import press, review_and_open

pytestmark = pytest.mark.browser

#: A harbour strike, MT-style: a stray capital after "that,", a doubled word, glued words, calques.
HARBOUR = (
    "Harbour workers in Constanta strike over wages\n\n"
    "The port authority of Constanta announced on Tuesday that, The loading of grain ships was stopped for two days.\n"
    "Union leaders said the the workers demand a raise of twelve percent before the harvest season begins.\n"
    "According to the ministry of transport, the strike costs the port about one million euros per day.\n"
    "The negotiations was held in the office of governor until late at the night.\n"
    "Shipping companies from Odesa and Varna have redirected theircargo to other ports along the coast.\n"
    "A spokesman of union told to journalists that nobody wants to harm the farmers of the region.\n"
    "The oilgas terminal in the north of harbour continues to work normally, officials confirmed.\n"
    "Farmers worry that the grain will spoil in the silos if the ships not arrive this week.\n")

#: every control of the top bar, by id
CONTROLS = ("reads", "accept-safe", "desk-btn", "import", "export", "help-toggle")

_JS_BAR = """
var bar = document.querySelector('.topbar'), b = bar.getBoundingClientRect();
function box(n) { var r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
function shown(n) { return n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden'; }
function hit(n) { var r = n.getBoundingClientRect(), at = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
                  return !!at && (at === n || n.contains(at)); }
var ids = arguments[0], out = {bar: box(bar), controls: {}, page: [], overflow: document.documentElement.scrollWidth - innerWidth};
ids.concat(['more-controls', 'progress']).forEach(function (id) {
  var n = document.getElementById(id);
  out.controls[id] = n && shown(n) ? {box: box(n), hit: hit(n), inBar: bar.contains(n)} : null;
});
['#main', '.sidebar', '.totals'].forEach(function (s) { var n = document.querySelector(s); if (n && shown(n)) out.page.push([s, box(n)]); });
return out;
"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _batch(tmp_path):
    (tmp_path / "constanta.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "galati.txt").write_text(HARBOUR.replace("Constanta", "Galati"), encoding="utf-8")
    return ["constanta.txt", "galati.txt"]


@pytest.mark.parametrize("width,height", [(1280, 800), (1024, 768), (768, 1024), (640, 400), (590, 800), (360, 640)])
def test_the_top_bar_fits_and_every_control_stays_reachable(browser, tmp_path, width, height):
    """Since session 18's *Desk summary* the top bar wrapped at 1,440 px: at 1,280 px it took 139 px in
    three rows of totals, at 768 px its buttons wrapped under each other. Now it is one row at 1,280,
    1,024 and 768 px and at 200 % zoom (640×400 CSS px): the secondary controls collapse into *More*
    below 1,180 px, the batch's totals read in the page, the bar covers nothing of the document, and
    every control is on screen and clickable, or one click (or Enter) on *More* away; Esc closes it.
    At 600 px and less (a phone, 400 % zoom) the controls take a second row and the bar scrolls away."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(width, height)
    try:
        review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
        w = browser.execute_script("return innerWidth")
        assert w == width, (w, width)
        got = browser.execute_script(_JS_BAR, list(CONTROLS))
        bar = got["bar"]
        assert got["overflow"] <= 0, f"the page scrolls sideways by {got['overflow']} px at {w} px"
        if w > 600:
            assert bar[3] - bar[1] <= 56, f"the top bar takes {bar[3] - bar[1]:.0f} px at {w} px: it wraps"
        else:  # a phone, 400 % zoom: two rows, which scroll away with the page
            assert browser.execute_script("return getComputedStyle(document.querySelector('.topbar')).position") == "static"
        assert got["controls"]["progress"], "the progress is not shown"
        for name, page in got["page"]:
            assert page[1] >= bar[3] - 0.5, f"{name} starts at {page[1]:.0f} px, under the bar ({bar[3]:.0f} px)"
        shown = {k: v for k, v in got["controls"].items() if v}
        boxes = list(shown.items())
        for i, (a, va) in enumerate(boxes):
            assert va["inBar"] and va["box"][2] <= w + 0.5 and va["box"][0] >= -0.5, (a, va, w)
            for b, vb in boxes[i + 1:]:
                assert not _overlap(va["box"], vb["box"]), f"{a} and {b} overlap at {w} px"
        folded = [c for c in CONTROLS if not got["controls"][c]]
        for c in CONTROLS:
            if got["controls"][c]:
                assert got["controls"][c]["hit"], f"{c} is covered at {w} px"
        if w >= 1180:
            assert not folded, f"{folded} folded away at {w} px"
            return
        assert folded and got["controls"]["more-controls"], f"nothing folded into More at {w} px"
        more = browser.find_element(By.ID, "more-controls")
        assert more.get_attribute("aria-expanded") == "false"
        more.click()
        assert more.get_attribute("aria-expanded") == "true"
        opened = browser.execute_script(_JS_BAR, list(CONTROLS))["controls"]
        for c in CONTROLS:
            assert opened[c] and opened[c]["hit"], f"{c} is not reachable through More at {w} px"
            assert opened[c]["box"][2] <= w + 0.5 and opened[c]["box"][3] <= height, (c, opened[c])
        press(browser, Keys.ESCAPE)
        assert more.get_attribute("aria-expanded") == "false"
        assert browser.switch_to.active_element == more
        # the keyboard: Enter opens it, Tab goes through its controls in order, and the next key acts on them
        press(browser, Keys.ENTER)
        assert more.get_attribute("aria-expanded") == "true"
        reached = []
        for _ in folded:
            press(browser, Keys.TAB)
            reached.append(browser.switch_to.active_element.get_attribute("id"))
        assert reached == folded, reached
        press(browser, Keys.ESCAPE)
        assert more.get_attribute("aria-expanded") == "false" and browser.switch_to.active_element == more
    finally:
        browser.set_window_size(1440, 1000)


def test_the_batch_totals_read_in_the_page(browser, tmp_path):
    """The batch's totals (files, words, findings by severity, edits, findings that need a human) moved
    out of the sticky bar into a line at the top of the page: still there, on one line at 1,280 px."""
    browser.set_window_size(1280, 800)
    try:
        review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
        text, height, in_bar = browser.execute_script(
            "var t = document.querySelector('.totals');"
            "return [t.textContent.replace(/\\s+/g, ' '), t.getBoundingClientRect().height, !!t.closest('.topbar')];")
        assert "2 files" in text and "findings" in text and "need a human" in text, text
        assert not in_bar and height < 40, (in_bar, height)
    finally:
        browser.set_window_size(1440, 1000)


def _tab(browser, shift: bool = False) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    if shift:
        ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    else:
        ActionChains(browser).send_keys(Keys.TAB).perform()


def test_the_first_tab_offers_to_skip_to_the_text(browser, tmp_path):
    """With the keyboard alone, the text came after the bar's buttons, the filters and the file list
    (20 Tab stops for two files, one more per file of a batch). The first Tab now shows *Skip to the
    text* (WCAG 2.4.1); Enter puts the focus on the document, and the next Tab is in it."""
    from selenium.webdriver.common.keys import Keys

    review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
    _tab(browser)
    skip = browser.switch_to.active_element
    assert skip.text == "Skip to the text" and skip.is_displayed(), skip.get_attribute("outerHTML")[:120]
    top, height = browser.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.top, r.height];", skip)
    assert top >= 0 and height >= 16, (top, height)
    press(browser, Keys.ENTER)
    assert browser.execute_script("return document.getElementById('doc').contains(document.activeElement);")
    _tab(browser)
    assert browser.execute_script("return document.getElementById('doc').contains(document.activeElement) "
                                  "&& document.activeElement !== document.getElementById('doc');")


_JS_RING = """
function lum(c) { var m = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(function (v) { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; }
function behind(n) { for (n = n.parentElement; n; n = n.parentElement) { var b = getComputedStyle(n).backgroundColor;
  if (b && !/rgba\\(.*, 0\\)$/.test(b) && b !== 'transparent') return b; } return 'rgb(255, 255, 255)'; }
var a = document.activeElement, s = getComputedStyle(a), l1 = lum(s.outlineColor), l2 = lum(behind(a));
return [a.id || a.className || a.tagName, s.outlineStyle, parseFloat(s.outlineWidth),
        (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)];
"""


def test_the_focus_is_visible_on_the_dark_bar_and_on_the_page(browser, tmp_path):
    """The browser's own focus ring (1 px, near black) was all a keyboard user had: on the top bar's
    dark ground it measured 1.1:1, out of sight. Every control now draws a 2 px ring of at least 3:1
    against what is behind it (WCAG 1.4.11, 2.4.7), in the bar and on the page."""
    review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
    seen = []
    for _ in range(34):
        _tab(browser)
        what, style, width, ratio = browser.execute_script(_JS_RING)
        seen.append(what)
        assert style not in ("none", "auto") and width >= 2, (what, style, width)
        assert ratio >= 3, f"{what}: focus ring {ratio:.1f}:1 against its ground"
    assert "export" in seen and "acc" in seen, seen


def test_a_screen_reader_hears_which_edit_was_decided(browser, tmp_path):
    """The one live region for a decision was the count ("1 accepted · 0 rejected"): a screen reader
    user pressing `a` heard a number, not which edit was decided, and the toast that says what an
    accept rejected for overlapping is shown and hidden, so it went unread. A polite status that is
    always in the page now says what each key did: "Accepted MTF105 on line 4: “the the” → “the”"."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "constanta.txt"
    doc.write_text(HARBOUR, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    live = browser.find_element(By.ID, "announce")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    assert browser.execute_script("return arguments[0].getClientRects().length > 0 && !arguments[0].closest('[hidden]');", live)
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(20):
        press(browser, "n")
        if browser.execute_script("var c = document.querySelector('#doc .card.cur'); return !!(c && c.dataset.edits);"):
            break
    code = browser.execute_script("return document.querySelector('#doc .card.cur a.code').textContent;")
    press(browser, "a")
    said = live.text
    assert said.startswith("Accepted " + code + " on line ") and "\u2192" in said, said
    press(browser, "r")
    assert live.text.startswith("Rejected " + code), live.text
    press(browser, "z")
    assert live.text.startswith("Undone"), live.text
    press(browser, "n")
    while browser.execute_script("var c = document.querySelector('#doc .card.cur'); return !!(c && c.dataset.edits);"):
        press(browser, "n")
    press(browser, "r")
    assert live.text.startswith("Left as is:"), live.text


def test_a_narrow_window_opens_on_the_text_with_the_filters_one_click_away(browser, tmp_path):
    """Below 1,100 px (a tablet, a laptop at 125 % zoom, 200 % zoom) the filters, the file list and
    the keys stood above the text, in full: at 1,024×768 the first sentence began 1,077 px down, below
    the first screen. They now fold behind *Filters, files and keys* (open on a wide screen, where they
    stand beside the text), the first sentence shows on the first screen, and the filters are one
    click (or Enter) away; a wide window opens them again."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(1024, 768)
    try:
        review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
        first = "return document.querySelector('#doc .seg').getBoundingClientRect().top;"
        assert browser.execute_script(first) < 768 - 60, browser.execute_script(first)
        fold = browser.find_element(By.ID, "side-fold")
        minor = browser.find_element(By.CSS_SELECTOR, '#filters input[value="minor"]')
        assert not minor.is_displayed()
        summary = fold.find_element(By.TAG_NAME, "summary")
        assert "Filters" in summary.text
        summary.send_keys(Keys.ENTER)
        assert minor.is_displayed()
        minor.click()
        assert not minor.is_selected()
        summary.send_keys(Keys.ENTER)  # folded again, then a wide window: beside the text, open
        assert not minor.is_displayed()
        browser.set_window_size(1440, 1000)
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 5).until(lambda d: minor.is_displayed())
        assert not summary.is_displayed()
    finally:
        browser.set_window_size(1440, 1000)


def test_a_screen_reader_finds_the_text_by_heading_and_landmark(browser, tmp_path):
    """The page's headings were the file's name (h1), the sidebar's Filter, Files and Keys, the
    summary's figures and the rules' documentation: none led to the text, which a screen reader user
    reaches by heading (h) or landmark (d). The text now has its heading and is a named region."""
    review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
    heads = browser.execute_script(
        "return Array.from(document.querySelectorAll('h1, h2')).filter(function (h) { return !h.closest('[hidden]'); })"
        ".map(function (h) { return h.tagName + ' ' + h.textContent.trim(); });")
    text = [h for h in heads if h.startswith("H2 The text")]
    assert text, heads
    from selenium.webdriver.common.by import By

    doc = browser.find_element(By.ID, "doc")
    assert doc.aria_role == "region" and doc.accessible_name.startswith("The text"), (doc.aria_role, doc.accessible_name)


def test_the_help_lists_every_key_the_page_takes(browser, tmp_path):
    """The help and the sidebar's key list named every key but `?` itself (and the sidebar left out
    Esc): a keyboard user who closed the help had no list saying how to open it again."""
    review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
    for where in ("#help", ".keys"):
        keys = set(browser.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0] + ' kbd')).map(function (k) { return k.textContent; });",
            where))
        missing = set("npmNPaAruRz][evsd?") - keys - {"M", "N", "P", "A", "R"} | ({"Esc"} - keys)
        assert not missing, f"{where} does not list {sorted(missing)}"


def test_the_focus_comes_back_to_more_after_a_folded_control(browser, tmp_path):
    """On a narrow window, *Desk summary* chosen from *More* and closed with Esc gave the focus back
    to its own button, folded out of sight in the closed menu: the focus was lost (on the page's body),
    and the next Tab started from the top. It now comes back to *More*; so it does after *As it will
    read* chosen from the menu."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(1024, 768)
    try:
        review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
        more = browser.find_element(By.ID, "more-controls")
        more.click()
        browser.find_element(By.ID, "desk-btn").click()
        desk = browser.find_element(By.ID, "desk")
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 5).until(lambda d: desk.is_displayed())
        assert browser.switch_to.active_element == desk
        press(browser, Keys.ESCAPE)
        assert not desk.is_displayed()
        assert browser.switch_to.active_element == more, browser.switch_to.active_element.get_attribute("outerHTML")[:80]
        more.click()
        browser.find_element(By.ID, "reads").click()
        assert browser.find_element(By.ID, "reads").get_attribute("aria-pressed") == "true"
        assert more.get_attribute("aria-expanded") == "false" and browser.switch_to.active_element == more
    finally:
        browser.set_window_size(1440, 1000)


def test_a_file_link_reads_as_words_to_a_screen_reader(browser, tmp_path):
    """A batch's file link read "constanta.txt11011 left79→89" to a screen reader: its severity counts,
    what is left and its fluency ran together into one number. It now reads "constanta.txt: 1 major,
    10 minor, 11 left, fluency 79 → 89" (the words hidden on screen, where colours say it)."""
    import re

    from selenium.webdriver.common.by import By

    review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
    link = browser.find_element(By.CSS_SELECTOR, '#files a[data-file="0"]')
    name = link.accessible_name
    assert re.match(r"constanta\.txt ?: \d+ major, \d+ minor, \d+ left ?, fluency \d+", name), name


def test_a_key_closes_more_as_it_acts(browser, tmp_path):
    """With *More* open, `s` opened the desk summary under the still open menu, which covered its
    heading. A key that acts now closes *More* first."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(1024, 768)
    try:
        review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
        more = browser.find_element(By.ID, "more-controls")
        more.click()
        press(browser, "s")
        desk = browser.find_element(By.ID, "desk")
        WebDriverWait(browser, 5).until(lambda d: desk.is_displayed())
        assert more.get_attribute("aria-expanded") == "false"
        assert not browser.find_element(By.ID, "reads").is_displayed()
    finally:
        browser.set_window_size(1440, 1000)


_JS_ERRORS = """
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push('error: ' + e.message); });
window.addEventListener('unhandledrejection', function (e) { window.__errors.push('rejection: ' + e.reason); });
var ce = console.error;
console.error = function () { window.__errors.push('console: ' + Array.from(arguments).join(' ')); ce.apply(console, arguments); };
"""


@pytest.mark.parametrize("width", [1440, 1024, 590])
def test_the_new_top_bar_by_keyboard_alone_raises_no_script_error_and_traps_no_focus(browser, tmp_path, width):
    """Review of session 19's top bar: the page used by keyboard alone (skip link, *More* opened, walked
    through and left with Tab and Shift+Tab, Esc, each folded control, the desk summary, the filters
    folded and opened across 1,100 px) logs no script error, and Tab always leaves *More*."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    ident = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _JS_ERRORS})
    browser.set_window_size(width, 800)
    try:
        review_and_open(browser, tmp_path, *_batch(tmp_path), cwd=tmp_path)
        active = lambda: browser.switch_to.active_element.get_attribute("id")  # noqa: E731
        _tab(browser)
        assert active() == "skip"
        press(browser, Keys.ENTER)
        more = browser.find_element(By.ID, "more-controls")
        if more.is_displayed():
            more.click()
            assert more.get_attribute("aria-expanded") == "true"
            press(browser, Keys.TAB)
            seen = [active()]
            for _ in range(6):
                if seen[-1] not in ("reads", "desk-btn", "import"):
                    break
                press(browser, Keys.TAB)
                seen.append(active())
            assert seen[:3] == ["reads", "desk-btn", "import"] and seen[3] == "accept-safe", seen
            assert more.get_attribute("aria-expanded") == "false", "Tab out of the menu left it open"
            from selenium.webdriver.common.action_chains import ActionChains

            ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
            assert active() == "more-controls", active()
            press(browser, Keys.ENTER)
            assert more.get_attribute("aria-expanded") == "true", "Enter on More did not open it"
            press(browser, Keys.TAB)
            assert active() == "reads", active()
            press(browser, Keys.ESCAPE)
            assert active() == "more-controls" and more.get_attribute("aria-expanded") == "false"
            for control in ("reads", "reads", "desk-btn"):
                more.click()
                browser.find_element(By.ID, control).click()
                if control == "desk-btn":
                    press(browser, Keys.ESCAPE)
                assert more.get_attribute("aria-expanded") == "false"
        else:
            for key in ("v", "v", "s", Keys.ESCAPE):
                press(browser, key)
        for key in ("n", "a", "z", "n", "r", "?", Keys.ESCAPE, "]", "["):
            press(browser, key)
        for w in (1200, 900, 1200):
            browser.set_window_size(w, 800)
            browser.execute_script("return document.body.offsetWidth")
        errors = browser.execute_script("return window.__errors")
        assert errors == [], errors
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": ident["identifier"]})
        browser.set_window_size(1440, 1000)


_JS_LIVE_WATCH = """
window.__spoken = [];
var live = Array.from(document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')).filter(function (n) {
  return n.getAttribute('aria-live') !== 'off' && !n.closest('[aria-hidden=true]'); });
live.forEach(function (n) {
  new MutationObserver(function () { window.__spoken.push((n.id || n.className) + ': ' + n.textContent); })
    .observe(n, {childList: true, characterData: true, subtree: true});
});
return live.length;
"""


def test_one_key_is_said_once_by_a_screen_reader(browser, tmp_path):
    """Review of session 19's status region: `a` on an edit changed two polite live regions, the new
    status ("Accepted MTF105 on line 4 …") and the decision count ("1 accepted"), which kept its
    aria-live: a screen reader said both after every decision. The status alone speaks now."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "constanta.txt"
    doc.write_text(HARBOUR, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(20):
        press(browser, "n")
        if browser.execute_script("var c = document.querySelector('#doc .card.cur'); return !!(c && c.dataset.edits);"):
            break
    browser.execute_script(_JS_LIVE_WATCH)
    for key in ("a", "r", "z"):
        browser.execute_script("window.__spoken = [];")
        press(browser, key)
        spoken = browser.execute_script("return window.__spoken;")
        regions = {s.split(":", 1)[0] for s in spoken}
        assert regions == {"announce"}, (key, spoken)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.execute_script("window.__spoken = [];")
    press(browser, "e")
    ActionChains(browser).send_keys(" Indeed.").key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    assert "correction" in browser.find_element(By.ID, "decision-count").text
    spoken = browser.execute_script("return window.__spoken;")
    assert spoken and spoken[-1].startswith("announce: Saved your correction"), spoken


def test_a_message_no_key_caused_is_said_alone(browser, tmp_path):
    """Review of session 19's status region: a message no key or click of this tab caused (another tab's
    decisions taken: a ``storage`` event) was appended to the last key's ("Accepted … Decisions updated …"),
    so a screen reader said the old message again. Messages of one task are said together; a later one
    alone."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    doc = tmp_path / "constanta.txt"
    doc.write_text(HARBOUR, encoding="utf-8")
    report = review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    first = browser.current_window_handle
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(20):
        press(browser, "n")
        if browser.execute_script("var c = document.querySelector('#doc .card.cur'); return !!(c && c.dataset.edits);"):
            break
    press(browser, "a")
    live = browser.find_element(By.ID, "announce")
    assert live.text.startswith("Accepted "), live.text
    browser.switch_to.new_window("tab")
    try:
        from tests.review.test_browser import open_report

        open_report(browser, report)
        browser.execute_script("document.querySelector('#doc .card[data-edits] button.rej').click();")
        browser.switch_to.window(first)
        WebDriverWait(browser, 5).until(lambda d: "another tab" in live.text)
        assert live.text.startswith("Decisions updated from this report open in another tab"), live.text
    finally:
        for handle in browser.window_handles[1:]:
            browser.switch_to.window(handle)
            browser.close()
        browser.switch_to.window(first)
