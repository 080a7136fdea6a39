"""The file list of a large batch's review page (session 30, round 13), in real headless Chromium: a virtual list
(only the rows in view and a margin are links in the page, in a scroller as tall as every file's row), filtered
over the files' names, with the keyboard and a screen reader served as by a plain list."""

from __future__ import annotations

import pytest

from tests.review.conftest import mtfix
from tests.review.test_browser import click, export_download, open_report, press, shows
from tests.review.test_browser_round12 import _batch_report

pytestmark = pytest.mark.browser

FILES = 60


def _stories(n: int) -> dict[str, str]:
    """Short news of my own: a doubled word (a safe edit) in the odd ones."""
    return {f"story-{k:02d}.txt": f"In district {k}, the council {'met the the' if k % 2 else 'met the'} officials.\n"
            for k in range(n)}


def _links(browser) -> list[str]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#files a[data-file]')).map(function (a) {"
        "  return a.getAttribute('data-file'); });")


def _in_view(browser, n: int) -> bool:
    """Is file ``n``'s link in the page and inside the list's visible box?"""
    return browser.execute_script(
        "var a = document.querySelector('#files a[data-file=\"' + arguments[0] + '\"]');"
        "if (!a) return false;"
        "var r = a.getBoundingClientRect(), box = document.getElementById('files').getBoundingClientRect();"
        "return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;", n)


def _active_file(browser) -> str | None:
    return browser.switch_to.active_element.get_attribute("data-file")


@pytest.fixture
def batch(browser, tmp_path, monkeypatch):
    files = _stories(FILES)
    report, _html = _batch_report(tmp_path, monkeypatch, files)
    browser.set_window_size(1280, 800)
    open_report(browser, report)
    return files


def test_only_the_rows_in_view_are_links_and_the_scroller_holds_every_file(browser, batch):
    """10,000 links in the list made Chromium lay out 10,000 rows on every filter (2.7 to 3.8 s)."""
    links = _links(browser)
    assert 0 < len(links) < FILES // 2, links
    assert links[0] == "0"
    height = browser.execute_script("return document.getElementById('files').scrollHeight;")
    row = browser.execute_script("return document.querySelector('#files li').getBoundingClientRect().height;")
    assert abs(height - FILES * row) <= row, (height, row)
    # each row tells a screen reader where it stands in the list
    li = browser.find_element("css selector", "#files li")
    assert (li.get_attribute("aria-posinset"), li.get_attribute("aria-setsize")) == ("1", str(FILES))
    # scrolled to the end: the last files' links are put in, the first ones leave
    browser.execute_script("var f = document.getElementById('files'); f.scrollTop = f.scrollHeight;")
    browser.execute_script("return new Promise(function (r) { requestAnimationFrame(function () { setTimeout(r, 0); }); });")
    links = _links(browser)
    assert str(FILES - 1) in links and "0" not in links, links
    assert _in_view(browser, FILES - 1)


def test_a_filter_narrows_to_a_file_far_down_and_clearing_it_keeps_the_open_file_in_view(browser, batch):
    search = browser.find_element("id", "file-search")
    search.send_keys("story-57")
    assert _links(browser) == ["57"]
    assert "1 of 60 files shown" in browser.find_element("id", "announce").text
    li = browser.find_element("css selector", "#files li")
    assert (li.get_attribute("aria-posinset"), li.get_attribute("aria-setsize")) == ("1", "1")
    click(browser, browser.find_element("css selector", "#files a[data-file='57']"))
    shows(browser, "In district 57")
    search.send_keys(*["\b"] * len("story-57"))
    assert "57" in _links(browser) and _in_view(browser, 57)
    assert browser.find_element("css selector", "#files a[data-file='57']").get_attribute("aria-current") == "page"
    search.send_keys("nothing-like-it")
    assert _links(browser) == []
    assert "No file matches" in browser.find_element("id", "announce").text


def end_up_and_open(browser, files: int) -> None:
    """End, ArrowUp and Enter in the file list (the small list and the virtual one take the same keys): the last
    file is focused and in view, then the one before it, which Enter opens."""
    press(browser, "\ue010")  # End
    assert _active_file(browser) == str(files - 1) and _in_view(browser, files - 1)
    press(browser, "\ue013")  # ArrowUp
    assert _active_file(browser) == str(files - 2)
    press(browser, "\ue007")  # Enter opens the focused file
    shows(browser, f"In district {files - 2}")


def test_arrow_keys_move_through_files_past_the_window_and_the_focused_row_stays_in_view(browser, batch):
    first = browser.find_element("css selector", "#files a[data-file='0']")
    browser.execute_script("arguments[0].focus();", first)
    assert _active_file(browser) == "0"
    for _ in range(45):
        press(browser, "\ue015")  # ArrowDown
    assert _active_file(browser) == "45"
    assert _in_view(browser, 45)
    # the focus is shown: the focused link has an outline
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle;")
    assert outline not in ("none", ""), outline
    end_up_and_open(browser, FILES)
    press(browser, "\ue011")  # Home: back to the first, the open file's row keeps its mark
    assert _active_file(browser) == "0" and _in_view(browser, 0)
    # one tab stop in the list (the row last focused), not one per file
    stops = browser.execute_script("return document.querySelectorAll('#files a:not([tabindex=\"-1\"])').length;")
    assert stops == 1


def test_file_keys_bring_the_open_file_into_view_and_decisions_count_in_rows_put_in_later(browser, batch, tmp_path):
    """``]`` past the window, a file's count updated while its row was out of the page, and fix --decisions."""
    browser.execute_script("return window.mtfixReview.showFile(40);")
    shows(browser, "In district 40")
    browser.find_element("tag name", "body").click()
    press(browser, "]")
    shows(browser, "In district 41")
    assert _in_view(browser, 41)
    assert browser.find_element("css selector", "#files a[data-file='41']").get_attribute("aria-current") == "page"
    browser.find_element("id", "accept-safe").click()
    browser.execute_script("var f = document.getElementById('files'); f.scrollTop = 0;")
    browser.execute_script("return new Promise(function (r) { requestAnimationFrame(function () { setTimeout(r, 0); }); });")
    assert "41" not in _links(browser)
    browser.execute_script("return window.mtfixReview.showFile(41);")
    row = browser.find_element("css selector", "#files a[data-file='41'] .left")
    assert row.text == "1 left", row.text  # of 2: the safe edit accepted, a finding with no edit still to do
    assert f"left in all {FILES} files" in browser.find_element("id", "progress").get_attribute("title")
    target = export_download(browser, tmp_path)
    fixed = tmp_path / "fixed"
    assert mtfix("fix", "--grammar", "off", "-o", fixed, "story-41.txt", cwd=tmp_path).rc == 0
    r = mtfix("fix", "--grammar", "off", "--decisions", target, "story-41.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert (tmp_path / "story-41.txt").read_bytes() == (fixed / "story-41.txt").read_bytes()
