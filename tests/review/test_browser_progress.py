"""The review report for an editor working through a batch before publication, in real headless
Chromium: each card says what to do in plain words, one rule's safe edits are accepted at once (and
undone with z), and the progress (edits decided, left) is shown, per file too, and survives a reload
along with the open file and finding."""

from __future__ import annotations

import pytest

from tests.review.test_browser import click, open_report, press, review_and_open

pytestmark = pytest.mark.browser

#: Safe edits of one rule (MTF105, a word written twice) four times, a safe edit of another rule
#: (MTF206 "oilgas") and a sentence with no edit a detector may flag.
DOUBLED = (
    "The minister said the the budget would rise.\n"
    "Talks on the oilgas pipeline resumed in Baku on Monday.\n"
    "The council approved the the plan, and the the mayor signed it.\n"
    "Officials of ministry was saying the road will be build until the winter comes probably.\n"
    "The the harbour reopened after the storm.\n"
)


def _wait(driver, what, timeout: float = 10.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(what)


_JS_CARDS = """
return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {
  var adv = c.querySelector('.advice');
  return {code: c.querySelector('a.code').textContent, sev: c.querySelector('.sev').textContent,
          fix: c.dataset.fix || null, advice: adv ? adv.textContent : null, edits: !!c.dataset.edits};
});
"""


def test_each_card_says_why_and_what_to_do(browser, tmp_path):
    """A card says in plain words what its severity means and what the editor should do: accept a
    safe fix (mtfix fix would make it anyway), check an unsafe one against the source first, rewrite
    a sentence no edit can mend."""
    doc = tmp_path / "doubled.txt"
    doc.write_text(DOUBLED, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, "--select", "MTF105,MTF206,MTF401,MTF402,MTF403,MTF404",
                    cwd=tmp_path)
    cards = browser.execute_script(_JS_CARDS)
    assert cards and {c["fix"] for c in cards} >= {"safe", "none"}, cards
    for c in cards:
        assert c["advice"], f"{c['code']}: the card does not say what to do"
        advice = c["advice"].lower()
        assert advice.startswith(c["sev"].lower()), c
        if c["fix"] == "safe":
            assert "safe fix" in advice and "accept" in advice, c
        elif c["fix"] == "unsafe":
            assert "unsafe" in advice and "source" in advice, c
        else:
            assert "no edit" in advice and "rewrite" in advice, c
    minor = next(c for c in cards if c["sev"] == "minor")
    assert "need not" in minor["advice"], minor
    # on every card, not only the current one (cards that grow as the current one changes move
    # the buttons under the mouse)
    from selenium.webdriver.common.by import By

    assert all(a.is_displayed() for a in browser.find_elements(By.CSS_SELECTOR, "#doc .card .advice")[:10])


def test_accept_one_rules_safe_edits_at_once_and_undo(browser, tmp_path):
    """A card whose rule has more safe edits in the file offers to accept them all (the four MTF105,
    not MTF206's); z puts them all back."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "doubled.txt"
    doc.write_text(DOUBLED, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, "--select", "MTF105,MTF206", cwd=tmp_path)
    first = browser.find_element(By.CSS_SELECTOR, "#doc .card[data-edits]")
    assert first.find_element(By.CSS_SELECTOR, "a.code").text == "MTF105"
    button = first.find_element(By.CSS_SELECTOR, "button.rule-all")
    assert "4" in button.text and "MTF105" in button.accessible_name
    click(browser, button)
    state = "return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {" \
            " return [c.querySelector('a.code').textContent, c.querySelector('.state').textContent]; });"
    _wait(browser, lambda d: all(s == "accepted" for code, s in d.execute_script(state) if code == "MTF105"))
    got = browser.execute_script(state)
    assert sum(code == "MTF105" for code, _s in got) == 4
    assert [s for code, s in got if code == "MTF206"] == ["undecided"]
    assert "4 accepted" in browser.find_element(By.ID, "decision-count").text
    browser.find_element(By.TAG_NAME, "body").click()
    press(browser, "z")
    _wait(browser, lambda d: all(s == "undecided" for _c, s in d.execute_script(state)))
    assert "no decisions" in browser.find_element(By.ID, "decision-count").text


def test_progress_is_shown_per_file_and_survives_a_reload(browser, tmp_path):
    """The top bar counts the file's edits decided and left, the file list marks what is left in each
    file, and a reload opens the same file at the same finding with the same counts."""
    from selenium.webdriver.common.by import By

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(DOUBLED, encoding="utf-8")
    report = review_and_open(browser, tmp_path, "a.txt", "b.txt", "c.txt", "--select", "MTF105,MTF206",
                             cwd=tmp_path)
    progress = lambda d: d.find_element(By.ID, "progress").text  # noqa: E731
    assert "0 of 5" in progress(browser) and "5 left" in progress(browser)
    left = "return Array.from(document.querySelectorAll('#files a .left')).map(function (n) { return n.textContent; });"
    assert browser.execute_script(left) == ["5 left"] * 3
    click(browser, browser.find_elements(By.CSS_SELECTOR, "#files a")[1])
    _wait(browser, lambda d: d.execute_script("return document.querySelector('#files a.on').dataset.file") == "1")
    browser.find_element(By.TAG_NAME, "body").click()
    press(browser, "nna")
    _wait(browser, lambda d: "1 of 5" in progress(d))
    assert "4 left" in progress(browser)
    assert browser.execute_script(left) == ["5 left", "4 left", "5 left"]
    at = browser.find_element(By.CSS_SELECTOR, "#doc .card.cur").get_attribute("data-fid")
    open_report(browser, report)
    _wait(browser, lambda d: d.execute_script("var a = document.querySelector('#files a.on'); return a && a.dataset.file") == "1")
    assert "1 of 5" in progress(browser) and "4 left" in progress(browser)
    assert browser.execute_script(left) == ["5 left", "4 left", "5 left"]
    cur = browser.find_elements(By.CSS_SELECTOR, "#doc .card.cur")
    assert len(cur) == 1 and cur[0].get_attribute("data-fid") == at
    press(browser, "n")
    _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#doc .card.cur").get_attribute("data-fid") != at)


_JS_KEPT = """
return Array.from(document.querySelectorAll('#doc .card:not([data-edits])')).map(function (c) {
  return [c.dataset.fid, c.classList.contains('kept'), (c.querySelector('.state') || {}).textContent || ''];
});
"""


def test_a_finding_with_no_edit_is_left_as_is_and_counts(browser, tmp_path):
    """A finding with no edit (the detector's MTF401) is ticked off with Leave as is (or r on it), z
    undoes it; a finding inside a corrected sentence is done too; the count of findings done and left
    includes them, survives a reload, and the export carries them (fix --decisions still applies it,
    and Import into a fresh page takes them back)."""
    import json

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from tests.review.conftest import mtfix
    from tests.review.test_browser import ctrl_enter, seg_at

    doc = tmp_path / "doubled.txt"
    doc.write_text(DOUBLED, encoding="utf-8")
    report = review_and_open(browser, tmp_path, doc.name, "--select", "MTF105,MTF206,MTF401", cwd=tmp_path)
    progress = lambda d: d.find_element(By.ID, "progress").text  # noqa: E731
    total = len(browser.find_elements(By.CSS_SELECTOR, "#doc .card"))
    human = browser.execute_script(_JS_KEPT)
    assert total >= 8 and len(human) >= 3 and f"0 of {total}" in progress(browser)
    # the mouse: Leave as is
    first = browser.find_element(By.CSS_SELECTOR, f'#doc .card[data-fid="{human[0][0]}"]')
    keep = first.find_element(By.CSS_SELECTOR, "button.keep")
    assert "MTF401" in keep.accessible_name
    click(browser, keep)
    _wait(browser, lambda d: f"1 of {total}" in progress(d))
    assert browser.execute_script(_JS_KEPT)[0][1:] == [True, "left as is"]
    # the keyboard: r on the current finding, z undoes it
    browser.find_element(By.CSS_SELECTOR, f'#doc .card[data-fid="{human[1][0]}"]').click()
    press(browser, "r")
    _wait(browser, lambda d: f"2 of {total}" in progress(d))
    press(browser, "z")
    _wait(browser, lambda d: f"1 of {total}" in progress(d))
    assert [k for _f, k, _s in browser.execute_script(_JS_KEPT)].count(True) == 1
    # a correction of the sentence no edit can mend: its finding is done
    road = DOUBLED.index("Officials")
    click(browser, seg_at(browser, road).find_element(By.CSS_SELECTOR, ".seg-tools button"))
    box = _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#doc .editor textarea"))
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("Ministry officials said the road would be built before winter.")
    ctrl_enter(browser)
    _wait(browser, lambda d: f"2 of {total}" in progress(d))
    # a reload keeps both
    open_report(browser, report)
    _wait(browser, lambda d: f"2 of {total}" in progress(d))
    assert browser.execute_script(_JS_KEPT)[0][1] is True
    # the export names the finding left as is; fix --decisions applies the file as before
    data = browser.execute_script("return window.mtfixReview.exportData();")
    checked = data["files"][0]["checked"]
    assert len(checked) == 1 and checked[0]["code"] == "MTF401", checked
    dec = tmp_path / "decisions.json"
    dec.write_text(json.dumps(data), encoding="utf-8")
    r = mtfix("fix", "--grammar", "off", "--select", "MTF105,MTF206,MTF401", "--decisions", dec, doc.name,
              "--diff", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    # a fresh page (no storage) takes the finding left as is back from the file
    browser.execute_script("window.localStorage.clear();")
    open_report(browser, report)
    assert f"0 of {total}" in progress(browser)
    browser.execute_script("return window.mtfixReview.importData(arguments[0]);", data)
    _wait(browser, lambda d: f"2 of {total}" in progress(d))
    assert browser.execute_script(_JS_KEPT)[0][1] is True


def test_progress_counts_the_findings_the_filters_show(browser, tmp_path):
    """Under --min-severity major the editor reviews the major findings only: the progress counts
    those (it reaches "done" when they are), in the top bar and in the file list, also for a file not
    opened yet; showing the minor ones again counts them too."""
    from selenium.webdriver.common.by import By

    major = "It simply came to our notice then that, the vote was postponed.\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(major + DOUBLED, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "b.txt", "--select", "MTF101,MTF105,MTF206",
                    "--min-severity", "major", cwd=tmp_path)
    progress = lambda d: d.find_element(By.ID, "progress").text  # noqa: E731
    left = "return Array.from(document.querySelectorAll('#files a .left')).map(function (n) { return n.textContent; });"
    shown = browser.find_elements(By.CSS_SELECTOR, "#doc .card")
    assert len(shown) == 1 and "0 of 1" in progress(browser) and "1 left" in progress(browser)
    assert browser.execute_script(left) == ["1 left", "1 left"]
    click(browser, shown[0].find_element(By.CSS_SELECTOR, "button.acc"))
    _wait(browser, lambda d: "1 of 1" in progress(d))
    assert "0 left" in progress(browser) and browser.execute_script(left) == ["done", "1 left"]
    click(browser, browser.find_element(By.CSS_SELECTOR, 'input[name=sev][value=minor]'))
    _wait(browser, lambda d: "1 of 6" in progress(d))
    assert browser.execute_script(left) == ["5 left", "6 left"]
