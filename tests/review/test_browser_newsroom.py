"""The review report as a newsroom editor uses it, in real headless Chromium: printing a long
article, the keyboard alone, flag-only findings with suggestions."""

from __future__ import annotations

import base64
import json

import pytest

from tests.review.conftest import MINUTES, OFF, ROAD, ROAD_FIXED, mtfix
from tests.review.test_browser import click, press, review_and_open, toast

pytestmark = pytest.mark.browser

_SUBJECTS = ("The council", "Local farmers", "The new hospital", "Police officers", "The energy company",
             "Teachers in the capital", "Members of parliament")
_VERBS = ("announced a plan for", "welcomed the start of", "asked for money for", "reported progress on",
          "postponed the debate on")
_OBJECTS = ("the railway line", "the water supply", "the school reform", "the road repairs", "the new museum")


def long_article(sentences: int = 520) -> str:
    """An article of ``sentences`` sentences in paragraphs of four; every ninth has a glued word (oilgas)."""
    out = []
    for n in range(sentences):
        s = f"{_SUBJECTS[n % 7]} {_VERBS[n % 5]} {_OBJECTS[n % 3]} in week {n}."
        out.append(s.replace(" in week", " and oilgas prices in week") if n % 9 == 4 else s)
    return "\n\n".join(" ".join(out[i:i + 4]) for i in range(0, len(out), 4)) + "\n"


def test_printing_a_long_article_prints_every_sentence(browser, tmp_path):
    """The page renders 150 sentences at a time as it scrolls; printing (or saving as PDF) a
    520-sentence article printed the first 150 and a "Show more" button. Now every sentence is
    rendered before printing, and the print shows each edit's decision instead of the buttons."""
    doc = tmp_path / "long.txt"
    doc.write_text(long_article(), encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    count = "return document.querySelectorAll('#doc .seg').length;"
    assert browser.execute_script(count) < 520
    browser.execute_script("document.getElementById('accept-safe').click();")
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {})["data"])  # WebDriver's print times out at 10 s
    assert pdf.startswith(b"%PDF")
    assert browser.execute_script(count) == 520
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.execute_script(
            "var s = document.querySelector('#doc .card.accepted .state');"
            "var b = document.querySelector('#doc .card .decide button');"
            "return [s.getBoundingClientRect().width > 1, s.textContent, getComputedStyle(b).display];")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == [True, "accepted", "none"]


def test_keys_work_after_ticking_a_filter_with_the_keyboard(browser, tmp_path):
    """A keyboard-only editor ticks a filter (Tab to it, Space) and presses n: nothing happened,
    because every key pressed in any <input> was taken for typing, and so was Esc; the editor had
    to Tab through the whole sidebar first. A checkbox takes no letters: the keys now work there,
    and still do not in the file search box."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    minor = browser.find_element(By.CSS_SELECTOR, "input[name=sev][value=minor]")
    minor.send_keys(Keys.SPACE)  # focus is on the checkbox, as after Tab
    assert not minor.is_selected()
    assert browser.switch_to.active_element == minor
    press(browser, "n")
    current = browser.find_elements(By.CSS_SELECTOR, "#doc .card.cur")
    assert len(current) == 1 and "sev-major" in current[0].get_attribute("class")
    press(browser, "a")
    assert "accepted" in current[0].get_attribute("class")
    search = browser.find_element(By.ID, "file-search")
    browser.execute_script("arguments[0].closest('section').hidden = false; arguments[0].focus();", search)
    press(browser, "n")
    assert search.get_attribute("value") == "n"
    assert browser.find_element(By.CSS_SELECTOR, "#doc .card.cur") == current[0]


FLIGHTS = "Passengers at the Baku weather Port waited for four hours on Sunday.\nThe airline apologised.\n"


def test_a_suggestion_of_a_flag_opens_the_sentence_with_it_in_place(browser, tmp_path):
    """A finding with no edit but suggestions (MTF201: 'weather' for Azerbaijani 'hava') listed them
    as plain text: the editor had to open the sentence and retype. Each suggestion is now a button
    (reachable with Tab) that opens the sentence with it in place of the span, selected; Ctrl+Enter
    saves it as the editor's correction, which `fix --decisions` writes."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card, ctrl_enter, export_download

    doc = tmp_path / "flights.txt"
    doc.write_bytes(FLIGHTS.encode("utf-8"))
    review_and_open(browser, tmp_path, "--source-lang", "az", doc.name, cwd=tmp_path)
    start = FLIGHTS.index("weather")
    flag = card(browser, "MTF201", start)
    assert "Replace \u201cweather\u201d with:" in flag.text
    button = next(b for b in flag.find_elements(By.CSS_SELECTOR, ".sugg button") if b.text == "air")
    click(browser, button)
    box = browser.switch_to.active_element
    value = "Passengers at the Baku air Port waited for four hours on Sunday."
    assert box.get_attribute("value") == value
    assert browser.execute_script("return [arguments[0].selectionStart, arguments[0].selectionEnd];", box) == [
        start, start + 3]
    ctrl_enter(browser)
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--source-lang", "az", "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == (value + "\nThe airline apologised.\n").encode("utf-8")


def test_a_suggestion_waits_for_the_edit_that_changes_its_word(browser, tmp_path):
    """'snow' (MTF203, suggestion 'against') is glued to 'mutual' (MTF202 proposes the space): put
    in before that edit is decided, the suggestion gave 'againstmutual'. The page asks for the
    edit's decision first, then puts the suggestion into the text the accepted edit leaves."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card

    text = "The ministers discussed trade with Armenia snowmutual barriers on Monday.\n"
    doc = tmp_path / "trade.txt"
    doc.write_text(text, encoding="utf-8")
    review_and_open(browser, tmp_path, "--source-lang", "az", doc.name, cwd=tmp_path)
    start = text.index("snow")

    def suggest() -> None:
        flag = card(browser, "MTF203", start)
        click(browser, next(b for b in flag.find_elements(By.CSS_SELECTOR, ".sugg button") if b.text == "against"))

    suggest()
    assert "Accept or reject MTF202 first" in toast(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "#doc .editor textarea")
    click(browser, card(browser, "MTF202", start).find_element(By.CSS_SELECTOR, "button.acc"))
    suggest()
    box = browser.switch_to.active_element
    assert box.get_attribute("value") == text.strip().replace("snowmutual", "against mutual")


def test_z_undoes_accept_safe_edits_and_single_decisions(browser, tmp_path):
    """*Accept safe edits* pressed by mistake on a long article could only be undone edit by edit
    (and an edit rejected because it overlapped an accepted one stayed rejected after `u`). `z`
    now undoes the last action's decisions, as they were before it, one action at a time."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "long.txt"
    doc.write_text(long_article(60), encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    decisions = "return JSON.stringify(window.mtfixReview.exportData().files);"
    count = browser.find_element(By.ID, "decision-count")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#doc .card[data-edits] button.rej"))  # one by hand
    one = browser.execute_script(decisions)
    browser.find_element(By.ID, "accept-safe").click()
    assert count.text == "6 accepted · 1 rejected"
    browser.find_element(By.TAG_NAME, "body").click()
    press(browser, "z")
    assert count.text == "0 accepted · 1 rejected" and "Undone: accept safe edits (6 edits)" in toast(browser)
    assert browser.execute_script(decisions) == one
    assert not browser.find_elements(By.CSS_SELECTOR, "#doc .card.accepted")
    press(browser, "z")
    assert count.text == "no decisions yet"
    press(browser, "z")
    assert "Nothing to undo" in toast(browser)


def test_a_clean_article_says_there_is_nothing_to_review(browser, tmp_path):
    """A report of a clean article showed its sentences with no word about them, an empty "Rules in
    this report" heading, and an *Accept safe edits* button that accepted nothing. It now says there
    are no findings, hides the empty rules section and disables the button."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "clean.md"
    doc.write_text("# Budget\n\nThe city council approved the budget on Monday.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    text = browser.find_element(By.ID, "doc").text
    assert "No findings in this file" in text and "The city council approved the budget" in text
    assert not browser.find_element(By.ID, "rule-docs").is_displayed()
    assert not browser.find_element(By.ID, "accept-safe").is_enabled()


MARKDOWN = ("# Floods close the western roads\n\nHeavy rains was causing floods in the region on the weekend.\n\n"
            "- Roads to the villages was closed by police.\n- Power was cut in 12 villagesand schools closed.\n"
            "1. Rescuers evacuated 300 people .\n")


def test_markdown_markers_read_before_their_sentence(browser, tmp_path):
    """A Markdown article read as "#" alone on a row (with an Edit button that post-edited the "#"),
    then each sentence followed by the next item's "-" ("...on the weekend. -"). The marker now
    shows, dimmed, before its own sentence, and the text box still holds the sentence alone."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "floods.md"
    doc.write_text(MARKDOWN, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    rows = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .seg .text')).map(function (t) {"
        "  var c = t.cloneNode(true); c.querySelectorAll('ins').forEach(function (n) { n.remove(); });"
        "  return c.textContent; });")
    assert rows == ["# Floods close the western roads",
                    "Heavy rains was causing floods in the region on the weekend.",
                    "- Roads to the villages was closed by police.",
                    "- Power was cut in 12 villagesand schools closed.",
                    "1. Rescuers evacuated 300 people ."]
    seg = browser.find_element(By.CSS_SELECTOR, f'#doc .seg[data-a="{MARKDOWN.index("Roads")}"]')
    click(browser, seg.find_element(By.CSS_SELECTOR, "button.edit-sent"))
    assert browser.switch_to.active_element.get_attribute("value") == "Roads to the villages was closed by police."


def test_keys_act_on_the_finding_that_has_the_focus(browser, tmp_path):
    """Tab into another finding's card, press a: the page accepted the edit of the finding `n` had
    made current, not the one the focus was in, so a keyboard user mixing Tab and keys decided the
    wrong edit. The card with the focus is now the current one; `e` post-edits the sentence
    whose Edit button has the focus."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    browser.find_element(By.TAG_NAME, "body").click()
    press(browser, "n")
    first = browser.find_element(By.CSS_SELECTOR, "#doc .card.cur")
    oil = card(browser, "MTF206", MINUTES.index("oilgas"))
    assert first != oil
    browser.execute_script("arguments[0].focus();", oil.find_element(By.CSS_SELECTOR, "button.rej"))  # as Tab does
    assert "cur" in oil.get_attribute("class")
    press(browser, "a")
    assert "accepted" in oil.get_attribute("class") and "accepted" not in first.get_attribute("class")
    road = browser.find_element(By.CSS_SELECTOR, f'#doc .seg[data-a="{MINUTES.index("Officials")}"]')
    browser.execute_script("arguments[0].focus();", road.find_element(By.CSS_SELECTOR, "button.edit-sent"))
    press(browser, "e")
    assert browser.switch_to.active_element.get_attribute("value") == ROAD


def test_the_same_report_open_in_two_tabs_keeps_both_tabs_decisions(browser, tmp_path):
    """Opened twice (a double click too many), the report kept each tab's decisions under one key:
    the decision made in the second tab was lost when the first tab saved its next one, and the
    export lacked it. Each tab now takes the other's decisions as they are saved."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card, open_report

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    report = review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    first = browser.current_window_handle
    count = "return document.getElementById('decision-count').textContent;"
    click(browser, card(browser, "MTF101", MINUTES.index("It simply")).find_element(By.CSS_SELECTOR, "button.acc"))
    browser.switch_to.new_window("tab")
    try:
        open_report(browser, report)
        assert browser.execute_script(count) == "1 accepted · 0 rejected"
        click(browser, card(browser, "MTF206", MINUTES.index("oilgas")).find_element(By.CSS_SELECTOR, "button.acc"))
        browser.switch_to.window(first)
        assert browser.execute_script(count) == "2 accepted · 0 rejected"
        oil = card(browser, "MTF206", MINUTES.index("oilgas"))
        assert "accepted" in oil.get_attribute("class")
        click(browser, oil.find_element(By.CSS_SELECTOR, "button.rej"))
        decided = {d["code"]: d["decision"] for f in browser.execute_script(
            "return window.mtfixReview.exportData().files;") for d in f["decisions"]}
        assert decided == {"MTF101": "accept", "MTF206": "reject"}
    finally:
        close_other_tabs(browser, first)


def test_decisions_import_into_a_new_report_of_the_same_bytes_only(browser, tmp_path):
    """An editor's decisions lived only in one browser's storage for one report: a report made
    again (another glossary, one more file) or opened on another machine started empty, with no way
    to load the decisions file exported earlier. *Import…* now loads it: decisions and corrections
    are taken for files with the same bytes (by edit id and by the corrected text); a file changed
    since is carried over by sentence (here its one sentence changed: left out), and the message says so."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card, correct, export_download

    minutes, other = tmp_path / "minutes.txt", tmp_path / "other.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    other.write_text("Prices of oilgas rose in May.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, minutes.name, other.name, cwd=tmp_path)
    click(browser, card(browser, "MTF101", MINUTES.index("It simply")).find_element(By.CSS_SELECTOR, "button.acc"))
    correct(browser, MINUTES.index(ROAD), ROAD_FIXED)
    browser.execute_script("window.mtfixReview.showFile(1);")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#doc .card[data-edits] button.acc"))
    exported = export_download(browser, tmp_path)
    first = browser.execute_script("return window.mtfixReview.exportData().files;")

    other.write_text("Prices of oilgas rose in June.\n", encoding="utf-8")  # changed since
    report = tmp_path / "again.html"
    assert mtfix("review", *OFF, "-q", "--title", "again", minutes.name, other.name, "-o", report,
                 cwd=tmp_path).rc == 0
    from tests.review.test_browser import open_report

    open_report(browser, report)
    assert browser.find_element(By.ID, "decision-count").text == "no decisions yet"
    picker = browser.find_element(By.ID, "import-file")
    browser.execute_script("arguments[0].hidden = false;", picker)
    picker.send_keys(str(exported))
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10).until(lambda d: "Imported" in toast(d))
    assert [d["code"] for d in first[0]["decisions"]] == ["MTF101"] and len(first[0]["corrections"]) == 1
    assert toast(browser) == ("Imported 1 decision and 1 correction for 1 file; other.txt changed since: carried "
                              "over to the sentences that read the same, 1 left out (a sentence that changed, or "
                              "that the text now holds twice).")
    again = browser.execute_script("return window.mtfixReview.exportData().files;")
    assert again == [first[0]]


def test_a_second_export_never_takes_the_first_exports_name(browser, tmp_path):
    """Every export was named mtfix-decisions.json: the browser saved the second as
    "mtfix-decisions (1).json", while the message still said to run `fix --decisions
    mtfix-decisions.json`, the first export, whose older decisions then applied cleanly (same
    bytes, known edits). Each export now has its own time-stamped name, which the message gives."""
    import re
    import time

    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})

    def export() -> tuple[str, str]:
        before = set(downloads.iterdir())
        browser.find_element(By.ID, "export").click()
        deadline = time.time() + 10
        while time.time() < deadline:
            new = [p for p in set(downloads.iterdir()) - before if p.suffix == ".json"]
            if new:
                return new[0].name, toast(browser)
            time.sleep(0.1)
        raise AssertionError(f"no download: {sorted(p.name for p in downloads.iterdir())}")

    click(browser, card(browser, "MTF101", MINUTES.index("It simply")).find_element(By.CSS_SELECTOR, "button.acc"))
    first, _ = export()
    click(browser, card(browser, "MTF101", MINUTES.index("It simply")).find_element(By.CSS_SELECTOR, "button.rej"))
    second, message = export()
    assert first != second and re.fullmatch(r"mtfix-decisions-\d{8}-\d{6}(-\d+)?\.json", second)
    assert f"mtfix fix --decisions {second} minutes.txt" in message  # the file reviewed named (session 44, F)
    saved = json.loads((downloads / second).read_text(encoding="utf-8"))
    assert [d["decision"] for d in saved["files"][0]["decisions"]] == ["reject"]


def test_the_rule_documentation_takes_the_focus_and_gives_it_back(browser, tmp_path):
    """`d` opened the rule's documentation beside the page but left the focus on the card: a
    screen-reader user heard nothing, and Tab went on through the text. The focus now goes to the
    documentation (its close button), and Esc gives it back to the finding, where `n` goes on."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    browser.find_element(By.TAG_NAME, "body").click()
    press(browser, "n")
    current = browser.find_element(By.CSS_SELECTOR, "#doc .card.cur")
    code = current.find_element(By.CSS_SELECTOR, "a.code").text
    press(browser, "d")
    drawer = browser.find_element(By.ID, "drawer")
    assert drawer.is_displayed() and code in drawer.text
    assert browser.switch_to.active_element == browser.find_element(By.ID, "drawer-close")
    from selenium.webdriver.common.keys import Keys

    press(browser, Keys.ESCAPE)
    assert not drawer.is_displayed()
    assert browser.switch_to.active_element == current
    press(browser, "n")
    assert browser.find_element(By.CSS_SELECTOR, "#doc .card.cur") != current


#: Major findings (MTF101's stock phrase) with minor ones before, between and after them.
BRIEFS = ("Prices of oilgas rose in May. It simply came to our notice then that, the vote was postponed.\n"
          "Talks on the oilgas pipeline resumed.\n"
          "It simply came to our notice then that, the port opened. The snowThe talks resumed.\n")

_JS_CARDS = ("return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {"
             "  return [c.dataset.fid, c.classList.contains('sev-major') || c.classList.contains('sev-critical')]; });")


def test_m_goes_to_the_next_major_finding_and_shift_m_to_the_previous(browser, tmp_path):
    """An editor short of time reads the major findings first, but `n` stopped at every minor one on
    the way. `m` now goes to the next finding of major severity or worse (of those the filters
    show), Shift+M to the previous one; at the last one it stays and says so. The help and the Keys
    panel list it."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "briefs.txt"
    doc.write_text(BRIEFS, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    cards = browser.execute_script(_JS_CARDS)
    fids = [fid for fid, _major in cards]
    majors = [i for i, (_fid, major) in enumerate(cards) if major]
    assert len(majors) >= 3 and majors[0] > 0, cards  # a minor one before the first major one
    assert any(not cards[i][1] for i in range(majors[0], majors[-1])), cards  # and one between
    assert majors[-1] < len(cards) - 1, cards  # and one after the last

    def current() -> str:
        return browser.find_element(By.CSS_SELECTOR, "#doc .card.cur").get_attribute("data-fid")

    browser.find_element(By.TAG_NAME, "body").click()
    walked = []
    for _ in majors:
        press(browser, "m")
        walked.append(current())
    assert walked == [fids[i] for i in majors]
    press(browser, "m")
    assert current() == fids[majors[-1]] and "No major finding after this one" in toast(browser)
    for i in reversed(majors[:-1]):
        press(browser, "M")
        assert current() == fids[i]
    press(browser, "M")
    assert current() == fids[majors[0]] and "No major finding before this one" in toast(browser)
    press(browser, "n")  # n goes on from there, minor ones included
    assert current() == fids[majors[0] + 1]

    keys = browser.execute_script("return [document.getElementById('help').textContent,"
                                  " document.querySelector('.keys').textContent];")
    assert all("next/previous major finding" in k.replace(" / ", "/") for k in keys), keys


def test_a_correction_box_open_while_another_tab_saves_keeps_the_typed_text(browser, tmp_path):
    """The report open in two tabs: the first re-drew the page on each save of the second, and the
    correction box open in it vanished with the text typed there (the next letters typed were
    taken as keys: `a` accepted an edit). The box now stays open with the text as typed; when the
    other tab changed that very sentence, the box says what it reads now, so that Save puts the
    typed text over it knowingly, and Esc keeps the other tab's."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from tests.review.test_browser import card, ctrl_enter, open_report, seg_at

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    report = review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    first = browser.current_window_handle
    road, oilgas = MINUTES.index(ROAD), MINUTES.index("oilgas")
    draft = "Officials said the road would be ready"

    def corrections() -> list[str]:
        return [c["replacement"] for f in browser.execute_script("return window.mtfixReview.exportData().files;")
                for c in f.get("corrections", [])]

    click(browser, seg_at(browser, road).find_element(By.CSS_SELECTOR, "button.edit-sent"))
    box = browser.switch_to.active_element
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(draft)
    browser.switch_to.new_window("tab")
    try:
        open_report(browser, report)
        # the second tab decides an edit in another sentence
        click(browser, card(browser, "MTF206", oilgas).find_element(By.CSS_SELECTOR, "button.acc"))
        browser.switch_to.window(first)
        assert browser.find_element(By.ID, "decision-count").text == "1 accepted · 0 rejected"
        box = browser.switch_to.active_element
        assert box.tag_name == "textarea" and box.get_attribute("value") == draft
        assert not seg_at(browser, road).find_elements(By.CSS_SELECTOR, ".editor .stale")
        box.send_keys(" in winter.")

        # the second tab corrects the very sentence open here
        browser.switch_to.window(browser.window_handles[-1])
        click(browser, seg_at(browser, road).find_element(By.CSS_SELECTOR, "button.edit-sent"))
        other = browser.switch_to.active_element
        other.send_keys(Keys.CONTROL, "a")
        other.send_keys(ROAD_FIXED)
        ctrl_enter(browser)
        browser.switch_to.window(first)
        assert corrections() == [ROAD_FIXED]  # taken, not overwritten
        box = browser.switch_to.active_element
        assert box.tag_name == "textarea" and box.get_attribute("value") == draft + " in winter."
        notice = seg_at(browser, road).find_element(By.CSS_SELECTOR, ".editor .stale")
        assert "another tab" in notice.text and ROAD_FIXED in notice.text
        box.send_keys(Keys.ESCAPE)  # Esc keeps the other tab's correction
        assert not browser.find_elements(By.CSS_SELECTOR, "#doc textarea")
        assert corrections() == [ROAD_FIXED]

        # Save after the notice puts the typed text in its place
        click(browser, seg_at(browser, road).find_element(By.CSS_SELECTOR, "button.edit-sent"))
        box = browser.switch_to.active_element
        assert box.get_attribute("value") == ROAD_FIXED
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(draft + ".")
        ctrl_enter(browser)
        assert corrections() == [draft + "."]
    finally:
        close_other_tabs(browser, first)


def test_the_help_takes_the_focus_keeps_tab_inside_and_gives_it_back(browser, tmp_path):
    """`?` showed the help but left the focus on the page: a screen reader announced nothing, and
    Tab went on through the text behind it. The help now takes the focus, Tab and Shift+Tab stay
    inside it, the keys behind it wait, and Esc (or ? again) gives the focus back."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    help_ = browser.find_element(By.ID, "help")

    def inside() -> bool:
        return browser.execute_script("return document.getElementById('help').contains(document.activeElement);")

    browser.find_element(By.TAG_NAME, "body").click()
    press(browser, "n")
    current = browser.find_element(By.CSS_SELECTOR, "#doc .card.cur")
    press(browser, "?")
    assert help_.is_displayed() and browser.switch_to.active_element == help_
    assert help_.get_attribute("aria-modal") == "true"
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element == browser.find_element(By.ID, "help-close")
    for _ in range(3):
        press(browser, Keys.TAB)
        assert inside()
    from selenium.webdriver.common.action_chains import ActionChains

    for _ in range(3):
        ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        assert inside()
    press(browser, "n")  # the page behind the help does not move
    assert browser.find_element(By.CSS_SELECTOR, "#doc .card.cur") == current
    press(browser, Keys.ESCAPE)
    assert not help_.is_displayed() and browser.switch_to.active_element == current

    # opened with the ? button: ? again closes it, and the focus is back on the button
    toggle = browser.find_element(By.ID, "help-toggle")
    toggle.click()
    assert help_.is_displayed() and browser.switch_to.active_element == help_
    press(browser, "?")
    assert not help_.is_displayed() and browser.switch_to.active_element == toggle


def close_other_tabs(browser, first: str) -> None:
    """Close every tab but ``first`` and go back to it."""
    for handle in browser.window_handles:
        if handle != first:
            browser.switch_to.window(handle)
            browser.close()
    browser.switch_to.window(first)
