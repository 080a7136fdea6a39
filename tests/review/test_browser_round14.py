"""The review page as editors use it, round 14 (session 31), in real headless Chromium: a small report's plain file
list (≤ ``render.BATCH_FILES`` files) keyed and labelled as the large batch's virtual list is."""

from __future__ import annotations

import pytest

from tests.review.test_browser import click, open_report, press, shows
from tests.review.test_browser_filelist import _active_file, _in_view, _stories, end_up_and_open

pytestmark = pytest.mark.browser

FILES = 40


@pytest.fixture
def small_batch(browser, tmp_path):
    """A 40-file report (under BATCH_FILES: the plain list, every link in the page), 1280×800."""
    from mtfix.config import Config
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline
    from mtfix.review import build_report, render

    assert FILES <= render.BATCH_FILES
    files = _stories(FILES)
    with Pipeline(Config(grammar="off")) as p:
        html = build_report(p, [Input(name, text.encode()) for name, text in files.items()])
    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    browser.set_window_size(1280, 800)
    open_report(browser, report)
    assert not browser.execute_script("return document.getElementById('files').classList.contains('virtual');")
    return files


def _stops(browser) -> list[str]:
    """The list's links a Tab reaches (tabindex not -1)."""
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#files a[data-file]')).filter(function (a) {"
        "  return a.tabIndex !== -1; }).map(function (a) { return a.getAttribute('data-file'); });")


def _place(browser, n: int) -> tuple[str | None, str | None]:
    li = browser.find_element("css selector", f"#files a[data-file='{n}']").find_element("xpath", "..")
    return li.get_attribute("aria-posinset"), li.get_attribute("aria-setsize")


def test_the_small_list_takes_the_arrow_keys_and_is_one_tab_stop(browser, small_batch):
    """Session 30 left the plain list with one tab stop per file and no arrow keys, the virtual list with both."""
    assert _stops(browser) == ["0"]  # the open file's row
    assert _place(browser, 0) == ("1", str(FILES)) and _place(browser, FILES - 1) == (str(FILES), str(FILES))
    browser.execute_script("document.querySelector('#files a[data-file=\"0\"]').focus();")
    for _ in range(30):
        press(browser, "\ue015")  # ArrowDown
    assert _active_file(browser) == "30" and _in_view(browser, 30)
    assert _stops(browser) == ["30"]
    end_up_and_open(browser, FILES)
    press(browser, "\ue011")  # Home
    assert _active_file(browser) == "0" and _in_view(browser, 0)
    press(browser, "\ue00f")  # PageDown: a window's worth further, not to the end
    moved = int(_active_file(browser))
    assert 1 < moved < FILES - 1, moved
    assert _stops(browser) == [str(moved)]


def test_the_small_list_filtered_keys_through_what_it_shows_and_says_each_rows_place(browser, small_batch):
    search = browser.find_element("id", "file-search")
    search.send_keys("story-3")  # story-30..39
    assert "10 of 40 files shown" in browser.find_element("id", "announce").text
    assert _place(browser, 30) == ("1", "10") and _place(browser, 39) == ("10", "10")
    assert len(_stops(browser)) == 1
    click(browser, browser.find_element("css selector", "#files a[data-file='30']"))
    shows(browser, "In district 30")
    assert _active_file(browser) == "30"
    press(browser, "\ue013")  # ArrowUp at the first row shown: it stays (story-29 is filtered out)
    assert _active_file(browser) == "30"
    press(browser, "\ue015")  # ArrowDown
    assert _active_file(browser) == "31"
    press(browser, "\ue010")  # End
    assert _active_file(browser) == "39"
    search.clear()
    search.send_keys("x")
    search.send_keys("\b")  # cleared: every file back, in its place
    assert _place(browser, 39) == ("40", "40") and _place(browser, 0) == ("1", "40")
    assert len(_stops(browser)) == 1


def test_a_suggestion_button_names_what_it_replaces_and_where(browser, tmp_path):
    """Tabbed to, a flag's suggestion button said only its word ("air, button"): not what it replaces, nor for
    which finding, where an edit's Accept button says "Accept MTF105 on line 1: “the the” → “the”"."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card, review_and_open
    from tests.review.test_browser_newsroom import FLIGHTS

    (tmp_path / "flights.txt").write_text(FLIGHTS, encoding="utf-8")
    review_and_open(browser, tmp_path, "--source-lang", "az", "flights.txt", cwd=tmp_path)
    flag = card(browser, "MTF201", FLIGHTS.index("weather"))
    button = next(b for b in flag.find_elements(By.CSS_SELECTOR, ".sugg button") if b.text == "air")
    name = button.accessible_name
    assert "MTF201" in name and "line 1" in name and "\u201cweather\u201d" in name and "\u201cair\u201d" in name, name
    assert flag.find_element(By.CSS_SELECTOR, ".sugg").text.startswith("Replace \u201cweather\u201d with:")


#: Hebrew and Arabic words (and an emoji: two UTF-16 units) before a doubled word, in one sentence of our own.
MIXED = "Talks on \U0001F4F0 the שלום עכשיו and سلام plans met the the officials on Monday.\n"


def test_right_to_left_words_before_a_finding_keep_its_card_and_edit_in_place(browser, tmp_path):
    """An editor's probe: RTL and astral characters before a finding (Python counts code points, the page UTF-16
    units): the card sits on "the the", Accept then export, and `fix --decisions` writes what `mtfix fix` writes."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import card, export_download, review_and_open

    doc = tmp_path / "mixed.txt"
    doc.write_text(MIXED, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    found = card(browser, "MTF105", MIXED.index("the the") + len("the"))  # " the", repeated
    assert "\u201cthe the\u201d" in found.find_element(By.CSS_SELECTOR, "button.acc").accessible_name
    click(browser, found.find_element(By.CSS_SELECTOR, "button.acc"))
    _decisions_write_what_fix_writes(export_download(browser, tmp_path), doc)
    assert "met the officials" in doc.read_text(encoding="utf-8") and "שלום עכשיו" in doc.read_text(encoding="utf-8")


def _decisions_write_what_fix_writes(exported, doc) -> None:
    """``fix --decisions`` of the page's export writes ``doc`` byte for byte as ``mtfix fix`` writes it."""
    from tests.review.conftest import OFF, mtfix

    fixed = doc.parent / "fixed"
    assert mtfix("fix", *OFF, "-o", fixed, doc.name, cwd=doc.parent).rc == 0
    r = mtfix("fix", *OFF, "--decisions", exported, doc.name, cwd=doc.parent)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == (fixed / doc.name).read_bytes()


#: One long sentence of our own (a paragraph on one line, as MT output often is) with overlapping findings: doubled
#: words, spaces before commas, a glued compound, a doubled word next to a space before a comma.
LONG = ("The delegation of the the ministry , which met the the officials of oilgas companies , said that the the "
        "prices , taxes and and tariffs will be be reviewed by the the committee , the the council and the the "
        "regional authorities , who who said the the the report would be published in in June , after the the "
        "talks in the the capital and the the provinces , where the the roads remain closed .\n")


def test_a_long_sentence_with_many_overlapping_findings_accepts_safe_and_writes_what_fix_writes(browser, tmp_path):
    """An editor's probe: `n` visits every finding of one long sentence in order, *Accept safe edits* decides the
    edits that do not overlap an accepted one, and `fix --decisions` of the export writes what `mtfix fix` writes
    (`fix` also applies the later passes' edits: compared only when the page proposes them all)."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import export_download, review_and_open

    doc = tmp_path / "long.txt"
    doc.write_text(LONG, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    starts = [int(c.get_attribute("data-a")) for c in browser.find_elements(By.CSS_SELECTOR, "#doc .card")]
    assert len(starts) >= 15 and starts == sorted(starts), starts
    seen = []
    for _ in starts:
        press(browser, "n")
        seen.append(int(browser.execute_script(
            "var c = document.querySelector('#doc .card.cur'); return c ? c.getAttribute('data-a') : -1;")))
    assert seen == starts, (seen, starts)
    click(browser, browser.find_element(By.ID, "accept-safe"))
    _decisions_write_what_fix_writes(export_download(browser, tmp_path), doc)
