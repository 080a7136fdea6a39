"""The review page for a newsroom's editors, in real headless Chromium: decisions carried over to a
new report of a document that changed during the review (only where a sentence reads the same), a
count on every filter, and the desk summary."""

from __future__ import annotations

import json

import pytest

from tests.review.conftest import mtfix
from tests.review.test_browser import card, click, correct, open_report, review_and_open, toast

pytestmark = pytest.mark.browser

SELECT = ("--select", "MTF105,MTF206,MTF401")
ROAD = "Officials of ministry was saying the road will be build until the winter comes probably."
ROAD_FIXED = "Ministry officials said the road would be built before winter."
#: the article as the editor reviewed it
V1 = ("The minister said the the budget would rise.\n"
      "Talks on the oilgas pipeline resumed in Baku on Monday.\n"
      "The council approved the the plan on Tuesday.\n"
      f"{ROAD}\n"
      "The the harbour reopened after the storm.\n")
#: the reporter's update meanwhile: a line on top (every offset moves) and the third sentence reworded
V2 = ("Update: the figures were revised on Wednesday.\n"
      + V1.replace("the the plan on Tuesday", "the the revised plan on Tuesday"))


def _wait(driver, what, timeout: float = 10.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(what)


def _decide(browser, code: str, start: int, act: str) -> None:
    from selenium.webdriver.common.by import By

    click(browser, card(browser, code, start).find_element(By.CSS_SELECTOR, f"button.{act}"))


def test_decisions_carry_over_to_a_new_report_of_a_changed_document(browser, tmp_path):
    """The reporter changed the article while the editor reviewed it: the old decisions are refused by
    fix --decisions (the message says what to do), and Import… into a report of the new text takes
    each decision, correction and finding left as is whose sentence reads the same, at its new
    offsets, and leaves out those of a sentence that changed; the new export applies exactly."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "article.txt"
    doc.write_text(V1, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, *SELECT, cwd=tmp_path)
    _decide(browser, "MTF105", V1.index(" the budget"), "acc")
    _decide(browser, "MTF206", V1.index("oilgas"), "rej")
    _decide(browser, "MTF105", V1.index(" the plan"), "acc")
    _decide(browser, "MTF105", V1.index(" the harbour"), "acc")
    oil = [c for c in browser.find_elements(By.CSS_SELECTOR, "#doc .card")
           if c.find_element(By.CSS_SELECTOR, "a.code").text == "MTF401"
           and c.get_attribute("data-a") == str(V1.index("oilgas"))]
    assert oil, "the detector no longer flags the oilgas sentence: pick another"
    click(browser, oil[0].find_element(By.CSS_SELECTOR, "button.keep"))
    correct(browser, V1.index(ROAD), ROAD_FIXED)
    _wait(browser, lambda d: "1 correction" in d.find_element(By.ID, "decision-count").text)
    old = browser.execute_script("return window.mtfixReview.exportData();")
    entry = old["files"][0]
    assert {d["sentence"] for d in entry["decisions"]} >= {"The the harbour reopened after the storm."}
    assert entry["checked"][0]["sentence"] == "Talks on the oilgas pipeline resumed in Baku on Monday."
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")

    doc.write_text(V2, encoding="utf-8")  # the reporter's update
    r = mtfix("fix", "--grammar", "off", *SELECT, "--decisions", "old.json", doc.name, cwd=tmp_path)
    assert r.rc == 2 and "changed since the report" in r.stderr and "Import" in r.stderr, r.stderr
    assert doc.read_text(encoding="utf-8") == V2

    browser.execute_script("window.localStorage.clear();")
    report = review_and_open(browser, tmp_path, doc.name, *SELECT, cwd=tmp_path)
    browser.execute_script("return window.mtfixReview.importData(arguments[0]);", old)
    _wait(browser, lambda d: "carried over" in toast(d))
    message = toast(browser)
    assert "4 decisions" in message and "1 correction" in message, message
    assert "1 left out" in message, message  # the reworded sentence's edit
    new = browser.execute_script("return window.mtfixReview.exportData();")
    got = {(d["code"], d["sentence"]): d["decision"] for d in new["files"][0]["decisions"]}
    assert got == {("MTF105", "The minister said the the budget would rise."): "accept",
                   ("MTF206", "Talks on the oilgas pipeline resumed in Baku on Monday."): "reject",
                   ("MTF105", "The the harbour reopened after the storm."): "accept"}, got
    assert [c["original"] for c in new["files"][0]["corrections"]] == [ROAD]
    assert new["files"][0]["checked"][0]["start"] == V2.index("oilgas")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    r = mtfix("fix", "--grammar", "off", *SELECT, "--decisions", "new.json", doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_text(encoding="utf-8") == (
        "Update: the figures were revised on Wednesday.\n"
        "The minister said the budget would rise.\n"
        "Talks on the oilgas pipeline resumed in Baku on Monday.\n"
        "The council approved the the revised plan on Tuesday.\n"
        f"{ROAD_FIXED}\n"
        "The harbour reopened after the storm.\n")
    assert report.exists()


def test_a_repeated_sentence_is_not_guessed(browser, tmp_path):
    """A sentence the new text holds twice, decided differently in the old one, is not re-aimed: the
    page cannot tell which is which, so both are left undecided and counted as left out."""
    line = "The the harbour reopened after the storm.\n"
    doc = tmp_path / "a.txt"
    doc.write_text(line + "Talks resumed in Baku.\n" + line, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, *SELECT, cwd=tmp_path)
    _decide(browser, "MTF105", 3, "acc")
    second = len(line) + len("Talks resumed in Baku.\n") + 3
    _decide(browser, "MTF105", second, "rej")
    old = browser.execute_script("return window.mtfixReview.exportData();")
    doc.write_text("Storm update.\n" + line + "Talks resumed in Baku on Monday.\n" + line, encoding="utf-8")
    browser.execute_script("window.localStorage.clear();")
    review_and_open(browser, tmp_path, doc.name, *SELECT, cwd=tmp_path)
    browser.execute_script("return window.mtfixReview.importData(arguments[0]);", old)
    _wait(browser, lambda d: "Imported" in toast(d))
    assert browser.execute_script("return Object.keys(window.mtfixReview.decisions).length;") == 0
    assert "2 left out" in toast(browser), toast(browser)


def test_decisions_of_another_file_are_not_carried_over(browser, tmp_path):
    """Carrying over needs the same file (by path): a decisions file of another article is left out."""
    (tmp_path / "a.txt").write_text(V1, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", *SELECT, cwd=tmp_path)
    _decide(browser, "MTF105", V1.index(" the budget"), "acc")
    old = browser.execute_script("return window.mtfixReview.exportData();")
    (tmp_path / "b.txt").write_text(V2, encoding="utf-8")
    browser.execute_script("window.localStorage.clear();")
    report = review_and_open(browser, tmp_path, "b.txt", *SELECT, cwd=tmp_path)
    browser.execute_script("return window.mtfixReview.importData(arguments[0]);", old)
    _wait(browser, lambda d: "Imported" in toast(d))
    assert browser.execute_script("return Object.keys(window.mtfixReview.decisions).length;") == 0
    open_report(browser, report)


_JS_FACETS = """
var out = {};
document.querySelectorAll('#filters label.chk').forEach(function (l) {
  var i = l.querySelector('input'), c = l.querySelector('.count');
  if (i.name) out[i.name + ':' + i.value] = c ? c.textContent : null;
});
['f-category', 'f-rule'].forEach(function (id) {
  Array.from(document.getElementById(id).options).forEach(function (o) { out[id + ':' + o.value] = o.textContent; });
});
return out;
"""


def test_every_filter_counts_the_findings_it_would_show(browser, tmp_path):
    """Each filter says how many findings of the open file it shows with the other filters as they are:
    severity, safe fix / unsafe fix / needs a human, each category and each rule; ticking one off
    changes the others' counts; another file of the batch has its own counts."""
    from selenium.webdriver.common.by import By

    (tmp_path / "a.txt").write_text(V1, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks on the oilgas pipeline resumed in Baku on Monday.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "b.txt", "--select", "MTF105,MTF206", cwd=tmp_path)
    facets = browser.execute_script(_JS_FACETS)
    assert facets["sev:minor"] == "4" and facets["sev:major"] == "0", facets
    assert (facets["fix:safe"], facets["fix:unsafe"], facets["fix:none"]) == ("4", "0", "0"), facets
    assert facets["f-rule:"] == "all rules (4)" and facets["f-rule:MTF105"].endswith("(3)"), facets
    assert facets["f-rule:MTF206"].endswith("(1)") and facets["f-category:"] == "all categories (4)", facets
    assert browser.find_element(By.ID, "shown-count").text == "4 of 4 findings shown"
    # choosing a rule: the severity and fix counts are of that rule; the rule list keeps its counts
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "f-rule")).select_by_value("MTF206")
    _wait(browser, lambda d: d.execute_script(_JS_FACETS)["fix:safe"] == "1")
    facets = browser.execute_script(_JS_FACETS)
    assert facets["sev:minor"] == "1" and facets["f-rule:MTF105"].endswith("(3)"), facets
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("")
    # ticking "safe fix" off: nothing left to show, every count of the other filters is 0
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[name=fix][value=safe]"))
    _wait(browser, lambda d: d.execute_script(_JS_FACETS)["sev:minor"] == "0")
    facets = browser.execute_script(_JS_FACETS)
    assert facets["fix:safe"] == "4" and facets["f-rule:"] == "all rules (0)", facets
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[name=fix][value=safe]"))
    # the other file: its own counts
    browser.execute_script("window.mtfixReview.showFile(1);")
    _wait(browser, lambda d: d.execute_script(_JS_FACETS)["sev:minor"] == "1")
    facets = browser.execute_script(_JS_FACETS)
    assert facets["f-rule:MTF105"].endswith("(0)") and facets["f-rule:MTF206"].endswith("(1)"), facets


MAJOR = "It simply came to our notice then that, the vote was postponed.\n"


def test_the_desk_summary_lists_the_changes_and_what_is_still_open(browser, tmp_path):
    """*Desk summary* (or s) shows on one page, for each file, what was decided (accepted, rejected,
    left as is, corrections), every sentence that will change as a word diff with its line, and every
    major or critical finding still open with its line and quote; the minor ones still open are
    counted. The keyboard opens and closes it (the focus goes to it and back), and printing while it
    is shown prints it alone."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import press

    doc = tmp_path / "article.txt"
    doc.write_text(MAJOR + V1, encoding="utf-8")
    text = MAJOR + V1
    review_and_open(browser, tmp_path, doc.name, "--select", "MTF101,MTF105,MTF206,MTF401", cwd=tmp_path)
    _decide(browser, "MTF105", text.index(" the budget"), "acc")
    _decide(browser, "MTF206", text.index("oilgas"), "rej")
    correct(browser, text.index(ROAD), ROAD_FIXED)
    _wait(browser, lambda d: "1 correction" in d.find_element(By.ID, "decision-count").text)
    button = browser.find_element(By.ID, "desk-btn")
    assert button.get_attribute("aria-pressed") == "false"
    click(browser, button)
    desk = _wait(browser, lambda d: d.find_element(By.ID, "desk") if d.find_element(By.ID, "desk").is_displayed() else None)
    assert button.get_attribute("aria-pressed") == "true"
    assert browser.switch_to.active_element == desk
    assert not browser.find_element(By.ID, "doc").is_displayed()
    body = desk.text
    assert "article.txt" in body and "1 accepted" in body and "1 rejected" in body and "1 correction" in body, body
    changes = desk.find_elements(By.CSS_SELECTOR, ".desk-changes li")
    assert len(changes) == 2, [c.text for c in changes]
    assert changes[0].text.startswith("line 2") and changes[1].text.startswith("line 5"), [c.text for c in changes]
    deleted = changes[0].find_elements(By.TAG_NAME, "del")
    assert [d.text.strip() for d in deleted] == ["the"], changes[0].text
    assert "your correction" in changes[1].text and "Ministry officials said" in changes[1].text
    opened = desk.find_elements(By.CSS_SELECTOR, ".desk-open li")
    assert [o.text.split(" \u00b7 ")[:2] for o in opened] == [["line 1", "major MTF101"], ["line 1", "major MTF401"]], \
        [o.text for o in opened]  # the detector agrees with MTF101: a major too
    assert "came to our notice then that" in opened[0].find_element(By.CSS_SELECTOR, ".quote").text
    assert "minor findings still open" in body, body
    from tests.review.test_browser_editor import _JS_CONTRAST

    browser.execute_script("document.getElementById('toast').hidden = true;")
    low = browser.execute_script(_JS_CONTRAST)
    assert low == [], "\n".join(low)  # WCAG AA, as the rest of the page
    # printing while it is shown prints the summary alone
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert desk.is_displayed() and not browser.find_element(By.CSS_SELECTOR, ".layout").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # Esc closes it, the focus goes back to the button; s opens it again
    press(browser, "\ue00c")
    _wait(browser, lambda d: not d.find_element(By.ID, "desk").is_displayed())
    assert browser.switch_to.active_element == button and browser.find_element(By.ID, "doc").is_displayed()
    press(browser, "s")
    _wait(browser, lambda d: d.find_element(By.ID, "desk").is_displayed())
    press(browser, "s")
    _wait(browser, lambda d: not d.find_element(By.ID, "desk").is_displayed())


def test_shift_a_and_shift_r_decide_and_move_on(browser, tmp_path):
    """Accept and move to the next finding (as a word processor's "Accept and Move to Next"): Shift+A
    accepts the current finding's edit and goes to the next finding, Shift+R rejects it (or, with no
    edit, leaves the finding as is) and goes on; z undoes the decision and n/p still move alone."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import press

    doc = tmp_path / "a.txt"
    doc.write_text(V1, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, "--select", "MTF105,MTF206", cwd=tmp_path)
    current = "var c = document.querySelector('#doc .card.cur'); return c ? c.dataset.a : null;"
    state = "return Array.from(document.querySelectorAll('#doc .card')).map(function (c) { return c.className; });"
    press(browser, "n")
    assert browser.execute_script(current) == str(V1.index(" the budget"))
    press(browser, "A")
    _wait(browser, lambda d: d.execute_script(current) == str(V1.index("oilgas")))
    assert "accepted" in browser.execute_script(state)[0]
    assert browser.switch_to.active_element.get_attribute("data-a") == str(V1.index("oilgas"))
    press(browser, "R")
    _wait(browser, lambda d: d.execute_script(current) == str(V1.index(" the plan")))
    assert "rejected" in browser.execute_script(state)[1]
    press(browser, "z")
    _wait(browser, lambda d: "rejected" not in d.execute_script(state)[1])
    assert browser.find_element(By.ID, "decision-count").text.startswith("1 accepted")


def test_carry_over_finds_the_file_of_a_report_made_in_another_folder(browser, tmp_path):
    """The first report named the file news/a.txt (made in the folder above), the new one a.txt (made in
    news/): the same file, so its decisions are carried over; news/a.txt never stands for other/a.txt."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(V1, encoding="utf-8")
    review_and_open(browser, tmp_path, "news/a.txt", *SELECT, cwd=tmp_path)
    _decide(browser, "MTF105", V1.index(" the budget"), "acc")
    old = browser.execute_script("return window.mtfixReview.exportData();")
    assert old["files"][0]["path"] == "news/a.txt"
    (news / "a.txt").write_text(V2, encoding="utf-8")
    browser.execute_script("window.localStorage.clear();")
    review_and_open(browser, tmp_path, "a.txt", *SELECT, cwd=news)
    browser.execute_script("return window.mtfixReview.importData(arguments[0]);", old)
    _wait(browser, lambda d: "carried over" in toast(d))
    assert browser.execute_script("return Object.keys(window.mtfixReview.decisions).length;") == 1
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(V2, encoding="utf-8")
    browser.execute_script("window.localStorage.clear();")
    review_and_open(browser, tmp_path, "other/a.txt", *SELECT, cwd=tmp_path)
    browser.execute_script("return window.mtfixReview.importData(arguments[0]);", old)
    _wait(browser, lambda d: "Imported" in toast(d))
    assert browser.execute_script("return Object.keys(window.mtfixReview.decisions).length;") == 0


def test_shift_n_goes_to_the_next_finding_still_to_do(browser, tmp_path):
    """After Import… carried most decisions over, the editor goes straight to what is left: Shift+N
    (Shift+P back) passes over the findings done (decided, left as is, corrected); at the last one left
    it stays and says so."""
    from tests.review.test_browser import press

    doc = tmp_path / "a.txt"
    doc.write_text(V1, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, "--select", "MTF105,MTF206", cwd=tmp_path)
    current = "var c = document.querySelector('#doc .card.cur'); return c ? Number(c.dataset.a) : null;"
    _decide(browser, "MTF105", V1.index(" the budget"), "acc")
    _decide(browser, "MTF206", V1.index("oilgas"), "rej")
    browser.execute_script("window.mtfixReview.setCurrent(0);")
    press(browser, "N")
    _wait(browser, lambda d: d.execute_script(current) == V1.index(" the plan"))
    press(browser, "N")
    _wait(browser, lambda d: d.execute_script(current) == V1.index(" the harbour"))
    press(browser, "N")
    _wait(browser, lambda d: "No finding left to do after this one" in toast(d))
    assert browser.execute_script(current) == V1.index(" the harbour")
    press(browser, "P")
    _wait(browser, lambda d: d.execute_script(current) == V1.index(" the plan"))
    _decide(browser, "MTF105", V1.index(" the plan"), "acc")
    press(browser, "P")
    _wait(browser, lambda d: "No finding left to do before this one" in toast(d))


def test_the_detectors_figures_are_set_apart_from_what_the_editor_reads(browser, tmp_path):
    """The detector's message ends in its figures ("(detector: p=0.52; inputs: unknown_lower, ...)"):
    on the card they stay, in a smaller, muted span after the plain words, and the card's name, which a
    screen reader reads on every card, and the desk summary give the plain words alone."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "a.txt"
    doc.write_text(MAJOR + V1, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, "--select", "MTF101,MTF105,MTF206,MTF401", cwd=tmp_path)
    cards = [c for c in browser.find_elements(By.CSS_SELECTOR, "#doc .card")
             if c.find_element(By.CSS_SELECTOR, "a.code").text == "MTF401"]
    assert cards
    for c in cards:
        tech = c.find_element(By.CSS_SELECTOR, ".msg .tech")
        assert tech.text.startswith("(detector: p="), tech.text
        assert "detector:" not in c.get_attribute("aria-label") and "rewrite it" in c.get_attribute("aria-label")
        size = lambda n: float(n.value_of_css_property("font-size").rstrip("px"))  # noqa: E731
        assert size(tech) < size(c.find_element(By.CSS_SELECTOR, ".msg"))
    click(browser, browser.find_element(By.ID, "desk-btn"))
    _wait(browser, lambda d: d.find_element(By.ID, "desk").is_displayed())
    listed = browser.find_element(By.CSS_SELECTOR, "#desk .desk-open").text
    assert "MTF401" in listed and "rewrite it" in listed and "detector:" not in listed, listed


def test_a_sentence_named_like_a_javascript_property_does_not_break_the_carry_over(browser, tmp_path):
    """Review of session 18: the carry-over looked sentences up in a plain object, so a line reading
    "constructor" (a word of a code listing) met Object's own property and Import… failed with a TypeError,
    taking nothing. Now the decisions carry over as for any text."""
    line = "The the harbour reopened after the storm.\n"
    doc = tmp_path / "a.txt"
    doc.write_text(line, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, *SELECT, cwd=tmp_path)
    _decide(browser, "MTF105", 3, "acc")
    old = browser.execute_script("return window.mtfixReview.exportData();")
    doc.write_text("constructor\n\n" + line, encoding="utf-8")
    browser.execute_script("window.localStorage.clear();")
    review_and_open(browser, tmp_path, doc.name, *SELECT, cwd=tmp_path)
    browser.execute_script("return window.mtfixReview.importData(arguments[0]);", old)
    _wait(browser, lambda d: "Imported" in toast(d))
    assert "1 decision" in toast(browser), toast(browser)
    assert list(browser.execute_script("return window.mtfixReview.decisions;").values()) == ["accept"]


def test_shift_a_on_a_finding_without_an_edit_moves_on_and_says_so(browser, tmp_path):
    """Shift+A on a finding with no edit (a garbled sentence: MTF401) said "No edit to accept here" and stayed,
    so an editor going through with Shift+A felt stuck. Now it goes on to the next finding, saying so; the
    finding is left undecided (still to do for Shift+N), and plain ``a`` there still stays put."""
    from tests.review.test_browser import press

    doc = tmp_path / "a.txt"
    doc.write_text(V1, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, *SELECT, cwd=tmp_path)
    current = ("var c = document.querySelector('#doc .card.cur'); "
               "return c ? [c.querySelector('a.code').dataset.code, Number(c.dataset.a)] : null;")
    for _ in range(6):
        press(browser, "n")
        if browser.execute_script(current)[0] == "MTF401":
            break
    code, start = browser.execute_script(current)
    assert code == "MTF401" and start < V1.index(" the budget"), (code, start)  # the first sentence's
    press(browser, "a")
    _wait(browser, lambda d: "No edit to accept here" in toast(d))
    assert browser.execute_script(current) == [code, start]  # plain a: it stays
    press(browser, "A")
    _wait(browser, lambda d: d.execute_script(current)[1] > start)
    assert browser.execute_script(current) == ["MTF105", V1.index(" the budget")], browser.execute_script(current)
    assert "No edit to accept here" in toast(browser) and "on to the next finding" in toast(browser), toast(browser)
    assert browser.execute_script("return Object.keys(window.mtfixReview.decisions).length;") == 0
