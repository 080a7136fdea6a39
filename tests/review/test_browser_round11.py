"""The review page as an editor meets it, round 11 (session 29), in real headless Chromium."""

from __future__ import annotations

import pytest

from tests.review.test_browser import card, click, review_and_open, toast

pytestmark = pytest.mark.browser

#: Garbled news of our own: a name in Azerbaijani letters that the glossary corrects (MTF301, a safe edit, over
#: the same word as MTF207, which has no edit), a doubled word, a glued word.
NEWS = ("The delegation from Gəncə visited the the oilgas plant on Tuesday.\n"
        "Officials said the new pipeline will open next year.\n")
GLOSSARY = "term\tvariants\nGanja\tGəncə\n"


def _state(browser, c) -> str:
    from selenium.webdriver.common.by import By

    return c.find_element(By.CSS_SELECTOR, ".keeprow .state").text


def test_a_finding_whose_word_an_accepted_edit_replaces_is_done(browser, tmp_path):
    """"Gəncə" has two findings: MTF301's edit to "Ganja" and MTF207 ("spelt with source-language letters"), which
    has none.  Accepting "Ganja" left MTF207 "to check" and the file one finding short of done: the editor had to
    tick off, with *Leave as is*, a word no longer in the text (the LSP's re-check drops it at once).  Now such a
    finding is done while the edit is accepted, its card says by what, ``Shift+N`` passes over it, and undoing
    or rejecting the edit gives it back."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    (tmp_path / "names.tsv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    review_and_open(browser, tmp_path, "--glossary", "names.tsv", "news.txt", cwd=tmp_path)
    at = NEWS.index("Gəncə")
    letters = card(browser, "MTF207", at)
    assert _state(browser, letters) == "to check"
    progress = browser.find_element(By.ID, "progress")
    total = int(progress.text.split(" of ")[1].split()[0])
    assert progress.text == f"0 of {total} findings done · {total} left", progress.text
    click(browser, card(browser, "MTF301", at).find_element(By.CSS_SELECTOR, "button.acc"))
    assert _state(browser, card(browser, "MTF207", at)) == "done: the accepted MTF301 edit replaces its text"
    assert progress.text == f"2 of {total} findings done · {total - 2} left", progress.text
    # on the MTF401 after it, Shift+P (the previous finding still to do) passes over MTF207: there is none
    def current() -> str:
        return browser.find_element(By.CSS_SELECTOR, "#doc .card.cur a.code").text

    while current() != "MTF401":
        ActionChains(browser).send_keys("n").perform()
    ActionChains(browser).key_down("\ue008").send_keys("p").key_up("\ue008").perform()
    assert current() == "MTF401"
    # undo the accept: MTF207 is to check again
    ActionChains(browser).send_keys("z").perform()
    assert _state(browser, card(browser, "MTF207", at)) == "to check"
    assert progress.text == f"0 of {total} findings done · {total} left", progress.text
    click(browser, card(browser, "MTF301", at).find_element(By.CSS_SELECTOR, "button.rej"))
    assert _state(browser, card(browser, "MTF207", at)) == "to check"
    assert progress.text == f"1 of {total} findings done · {total - 1} left", progress.text


def test_the_decision_count_says_when_it_counts_other_files(browser, tmp_path):
    """In a batch the top bar's decision count is the whole report's, beside the open file's progress: after
    accepting edits in one file and opening a file with no finding, the bar read "no findings" and
    "1 accepted · 0 rejected", as if this file had a decision.  Now a count that holds other files' decisions
    says "in all files", and its tooltip gives the open file's own."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import press

    (tmp_path / "a.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "b.txt").write_text("The minister visited the new hospital on Monday.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", "b.txt", cwd=tmp_path)
    count = browser.find_element(By.ID, "decision-count")
    click(browser, card(browser, "MTF206", NEWS.index("oilgas")).find_element(By.CSS_SELECTOR, "button.acc"))
    assert count.text == "1 accepted · 0 rejected", count.text
    press(browser, "]")
    assert browser.find_element(By.ID, "progress").text == "no findings"
    assert count.text == "1 accepted · 0 rejected in all files", count.text
    assert count.get_attribute("title") == "This file: no decisions yet; all 2 files: 1 accepted · 0 rejected"
    # Accept safe edits there has nothing to accept, and says so (it read "Accepted 0 safe edits ...")
    click(browser, browser.find_element(By.ID, "accept-safe"))
    assert toast(browser) == "No undecided safe edit shown in this file to accept.", toast(browser)
    press(browser, "[")
    assert count.text == "1 accepted · 0 rejected", count.text


def test_a_garbled_sentence_finding_is_not_done_by_an_edit_over_its_words(browser, tmp_path):
    """The span of a garbled-sentence finding (MTF120, MTF401–MTF407) is only where to start reading a sentence to
    rewrite: an accepted edit over those words (a name put right) leaves the sentence to judge.  The report's data
    is relabelled here (MTF207 → MTF401, same span) to put such a finding under MTF301's edit."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import open_report

    (tmp_path / "names.tsv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    report = review_and_open(browser, tmp_path, "--glossary", "names.tsv", "news.txt", cwd=tmp_path)
    html = report.read_text(encoding="utf-8")
    assert html.count('{"c":"MTF207"') == 1
    report.write_text(html.replace('{"c":"MTF207"', '{"c":"MTF401"'), encoding="utf-8")
    open_report(browser, report)
    at = NEWS.index("Gəncə")
    click(browser, card(browser, "MTF301", at).find_element(By.CSS_SELECTOR, "button.acc"))
    assert _state(browser, card(browser, "MTF401", at)) == "to check"


@pytest.mark.parametrize("width,height", [(1280, 800), (768, 1024), (640, 400)])
def test_the_longer_decision_count_keeps_the_top_bar_one_row(browser, tmp_path, width, height):
    """A guard for the count's "in all files": with thousands of decisions in another file, the top bar stays one
    row down to 640 px (200 % zoom), nothing in it overlaps, and every control is still hit where it is."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import press
    from tests.review.test_browser_sizes import _JS_BAR, CONTROLS, _overlap

    (tmp_path / "a.txt").write_text(" ".join(["Prices of oilgas rose in the the region ."] * 400) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(NEWS, encoding="utf-8")
    browser.set_window_size(width, height)
    try:
        review_and_open(browser, tmp_path, "a.txt", "b.txt", cwd=tmp_path)
        click(browser, browser.find_element(By.ID, "accept-safe"))
        press(browser, "]")
        count = browser.find_element(By.ID, "decision-count")
        assert count.text.endswith("accepted · 0 rejected in all files") and count.text.startswith("1"), count.text
        got = browser.execute_script(_JS_BAR, [*CONTROLS, "decision-count"])
        bar = got["bar"]
        assert bar[3] - bar[1] <= 56, f"the top bar takes {bar[3] - bar[1]:.0f} px at {width} px: it wraps"
        shown = [(k, v) for k, v in got["controls"].items() if v]
        for i, (a, va) in enumerate(shown):
            assert va["box"][2] <= width + 0.5, (a, va)
            for b, vb in shown[i + 1:]:
                assert not _overlap(va["box"], vb["box"]), f"{a} and {b} overlap at {width} px"
        assert all(v["hit"] for k, v in shown if k in CONTROLS), shown
    finally:
        browser.set_window_size(1440, 1000)
