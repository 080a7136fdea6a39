"""The review page as a demanding editor works it, round 6 (session 26), in real headless Chromium."""

from __future__ import annotations

import pytest

from tests.review.test_browser import review_and_open

pytestmark = pytest.mark.browser

#: A short MT-style article of my own: doubled words, a space before a comma, an Azerbaijani name, a Hebrew
#: and an Arabic word, an emoji.
ARTICLE = (
    "The minister Əli Həsənov said that , the the new bridge 😀 will open on Monday .\n"
    "The delegation of Israel (ישראל) and the delegation of Egypt (مصر) has discussed the the cooperation.\n"
    "He went to the the market and bought bread , milk and tea.\n"
)
OTHER = "Prices of oilgas rose and the the talks went on.\n"


def _status(browser) -> str:
    return browser.find_element("id", "announce").get_attribute("textContent")


def test_a_filter_changed_says_how_many_findings_it_shows(browser, tmp_path):
    """A screen-reader user who chose a rule in *Rule*, or unticked *minor*, heard nothing: the page drew
    the file again and "48 of 238 findings shown" changed out of the live region, so whether the filter took,
    and whether anything was left to review, could only be found by walking the text.  Now each filter
    change says what it shows in the polite status, and so does the file search of a batch."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "b.txt", cwd=tmp_path)
    total = browser.execute_script("return document.querySelectorAll('#doc .card').length")
    rule = Select(browser.find_element(By.ID, "f-rule"))
    twice = next(o.get_attribute("value") for o in rule.options if o.get_attribute("value") == "MTF105")
    rule.select_by_value(twice)
    shown = browser.execute_script("return document.querySelectorAll('#doc .card').length")
    assert 0 < shown < total
    said = _status(browser)
    assert f"{shown} of {total} findings" in said and "MTF105" in said, said
    browser.find_element(By.CSS_SELECTOR, "#filters input[name=sev][value=minor]").click()
    said = _status(browser)
    assert said.startswith("No finding of this file matches the filters"), said
    browser.find_element(By.CSS_SELECTOR, "#filters input[name=sev][value=minor]").click()
    browser.find_element(By.ID, "f-human").click()
    said = _status(browser)
    assert "(rule MTF105; without needs a human)" in said, said
    browser.find_element(By.ID, "f-human").click()
    rule.select_by_value("")
    said = _status(browser)
    assert f"{total} of {total} findings" in said, said
    search = browser.find_element(By.ID, "file-search")
    search.send_keys("b.t")
    assert _status(browser) == "1 of 2 files shown.", _status(browser)
    search.send_keys("zz")
    assert _status(browser) == "No file matches “b.tzz”.", _status(browser)


def test_a_finding_that_says_start_reading_here_names_where_for_a_screen_reader(browser, tmp_path):
    """MTF401's card was named "minor MTF401, line 2: this sentence reads like garbled machine translation:
    … Start reading here, compare the whole sentence with the source and rewrite it": the eye sees "here"
    marked in the quote and underlined in the text, a screen reader says "here" and nothing else.  A finding
    with no edit whose message does not quote its words now names them after the line ("line 2 at “of
    Israel (”"); a finding whose message quotes its words, or that has an edit (its buttons say what it
    does), keeps its name."""
    from selenium.webdriver.common.by import By

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", cwd=tmp_path)
    cards = browser.find_elements(By.CSS_SELECTOR, "#doc .card")
    garbled = [c for c in cards if c.find_element(By.CSS_SELECTOR, "a.code").text == "MTF401"]
    assert garbled, [c.get_attribute("aria-label") for c in cards]
    for c in garbled:
        marked = c.find_element(By.CSS_SELECTOR, ".quote mark").get_attribute("textContent")
        name = c.get_attribute("aria-label")
        assert f" at \u201c{marked}\u201d: this sentence reads like garbled" in name, name
    names = {c.find_element(By.CSS_SELECTOR, "a.code").text: c.get_attribute("aria-label") for c in cards}
    assert " at \u201c" not in names["MTF207"] and "'H\u0259s\u0259nov'" in names["MTF207"], names["MTF207"]
    assert " at \u201c" not in names["MTF105"], names["MTF105"]


def test_a_decision_key_with_no_finding_current_says_so(browser, tmp_path):
    """`a` (or `r`, `u`, `Shift+A`, `d`) pressed before any finding was current — on opening the page, or
    after a filter hid the one that was — did nothing and said nothing: the editor, hearing no "Accepted …",
    could not tell a key not taken from a decision made out of sight.  `e` said "Go to a finding first (n)";
    now the decision keys say so too, and decide nothing."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from tests.review.test_browser import press

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", cwd=tmp_path)
    for key in ("a", "r", "u", "A", "d"):
        press(browser, key)
        assert _status(browser) == "No finding is current: n goes to the next one the filters show.", (
            key,
            _status(browser),
        )
    assert browser.find_element(By.ID, "drawer").get_attribute("hidden") is not None
    press(browser, "n")
    current = browser.switch_to.active_element.get_attribute("aria-label")
    code = current.split()[1]
    other = next(
        o.get_attribute("value")
        for o in Select(browser.find_element(By.ID, "f-rule")).options
        if o.get_attribute("value") not in ("", code)
    )
    Select(browser.find_element(By.ID, "f-rule")).select_by_value(other)
    browser.execute_script("document.activeElement.blur()")
    press(browser, "a")
    assert _status(browser) == "No finding is current: n goes to the next one the filters show.", _status(browser)
    assert "0 accepted" in browser.execute_script(
        "return document.body.textContent"
    ) or "no decision" in browser.execute_script("return document.body.textContent")


#: Five doubled words, one rule, on three lines (a long line holds three).
DOUBLED = (
    "The talks on the the bridge went on, and the the mayor (ראש העיר) left before the the vote.\n"
    "Prices of the the fuel 😀 rose.\n"
    "The the ferry stopped.\n"
)


def test_accept_all_of_a_rule_counts_what_is_left_to_accept(browser, tmp_path):
    """*Accept all 5 safe MTF105* on every MTF105 card kept its count after one was accepted and one
    rejected, and after the click accepted the other three: a screen reader heard "Accept all 5 safe MTF105
    edits shown in this file" on a rule with nothing left to accept, and the click said "Accepted 3".  The
    button now counts the undecided edits it would accept, says when none is left, and follows undo."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import press

    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "--select", "MTF105", cwd=tmp_path)

    def buttons() -> set[tuple[str, str]]:
        return {
            (b.text, b.get_attribute("aria-label"))
            for b in browser.find_elements(By.CSS_SELECTOR, "#doc button.rule-all")
        }

    assert buttons() == {("Accept all 5 safe MTF105", "Accept all 5 safe MTF105 edits shown in this file")}
    press(browser, "n")
    press(browser, "a")
    press(browser, "n")
    press(browser, "r")
    assert buttons() == {("Accept all 3 safe MTF105", "Accept all 3 undecided safe MTF105 edits shown in this file")}
    button = browser.find_elements(By.CSS_SELECTOR, "#doc button.rule-all")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()
    assert _status(browser).startswith("Accepted 3 safe MTF105 edits"), _status(browser)
    assert buttons() == {("All safe MTF105 decided", "All safe MTF105 edits shown in this file are decided")}
    press(browser, "z")
    assert buttons() == {("Accept all 3 safe MTF105", "Accept all 3 undecided safe MTF105 edits shown in this file")}


#: Three sentences: slips that safe fixes mend, a garbled one no edit mends, a clean one.
SCORED = (
    "Prices of oilgas rose ,, and the the ferry 😀 stopped , and the the talks in Şəki went on .\n\n"
    "Officials of ministry was saying the road will be build until the winter comes probably.\n\n"
    "The committee met in Baku on Friday and approved the budget.\n"
)


def test_a_sentence_fluency_says_what_its_safe_fixes_leave(browser, tmp_path):
    """Each sentence's badge read "fluency 54 of 100", the score of the MT as it stands, and stayed so when
    every edit in it was accepted: the editor could not tell a sentence its safe fixes mend (54 → 95) from
    one that needs rewriting whatever is accepted (the file's card gave before → after for the whole file
    only).  The badge's name and tooltip now give the sentence's score after its safe fixes where they
    change it, as `mtfix score` gives the fixed text."""
    import json
    import re

    from selenium.webdriver.common.by import By

    from tests.review.conftest import OFF, mtfix

    doc = tmp_path / "a.txt"
    doc.write_text(SCORED, encoding="utf-8")
    r = mtfix("fix", *OFF, "-o", tmp_path / "fixed", doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    r = mtfix("score", *OFF, "--format", "json", "fixed/a.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    after = [round(s["fluency"]) for s in json.loads(r.stdout)["files"][0]["segments"]]
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    badges = browser.find_elements(By.CSS_SELECTOR, "#doc .seg .score")
    names = [b.get_attribute("aria-label") for b in badges]
    assert len(names) == 3 == len(after), names
    first = re.fullmatch(r"fluency (\d+) of 100; (\d+) after its safe fixes", names[0])
    assert first and int(first.group(2)) == after[0] > int(first.group(1)), (names, after)
    assert re.fullmatch(r"fluency \d+ of 100", names[1]) and re.fullmatch(r"fluency \d+ of 100", names[2]), names
    band = browser.find_elements(By.CSS_SELECTOR, "#doc .seg .band")[0]
    assert "after its safe fixes" in band.get_attribute("title"), band.get_attribute("title")


def test_n_after_a_filter_hid_the_current_finding_goes_on_from_there(browser, tmp_path):
    """An editor at line 3 who narrowed *Rule* to MTF105 pressed `n` and was taken back to line 1 (the
    finding they were at was hidden, so the page forgot where they were): every MTF105 already passed came
    round again.  Now `n` goes to the first finding the filters show after the hidden one, `p` to the last
    before it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from tests.review.test_browser import press

    (tmp_path / "a.txt").write_text(ARTICLE + DOUBLED, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", cwd=tmp_path)
    every = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {"
        " return [c.id, c.querySelector('a.code').textContent]; });"
    )
    codes = [c for _i, c in every]
    at = next(
        k for k, c in enumerate(codes) if c != "MTF105" and "MTF105" in codes[:k] and "MTF105" in codes[k + 1 :][2:]
    )
    after = next(i for i, c in every[at + 1 :] if c == "MTF105")
    before = [i for i, c in every[:at] if c == "MTF105"][-1]
    for _ in range(at + 1):
        press(browser, "n")
    assert browser.switch_to.active_element.get_attribute("id") == every[at][0]

    def narrowed() -> None:
        Select(browser.find_element(By.ID, "f-rule")).select_by_value("MTF105")
        browser.execute_script("document.activeElement.blur()")

    narrowed()
    press(browser, "n")
    assert browser.switch_to.active_element.get_attribute("id") == after, every
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("")
    browser.execute_script("document.getElementById(arguments[0]).focus()", every[at][0])
    narrowed()
    press(browser, "p")
    assert browser.switch_to.active_element.get_attribute("id") == before, every
    # Shift+N (the next finding still to do) goes on from there too
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("")
    browser.execute_script("document.getElementById(arguments[0]).focus()", every[at][0])
    narrowed()
    press(browser, "N")
    assert browser.switch_to.active_element.get_attribute("id") == after, every
