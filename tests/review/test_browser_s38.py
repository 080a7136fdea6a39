"""The review page as editors use it, round 21 (session 38), in real headless Chromium: the filters are kept in the
page's address, so a reload, a bookmark or a link sent to a colleague opens the same file under the same filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.review.test_browser import open_report, press, review_and_open

pytestmark = pytest.mark.browser

#: our own examples: a doubled word (MTF105) and a comma glued to the next word, in two stories
FIRST = "The the talks ended late ,and the delegation left.\nThe mayor said that the the bridge will open.\n"
SECOND = "The harvest was late ,but the the farmers were glad.\n"


def _choose(driver, element_id: str, value: str) -> None:
    """Pick ``value`` in a filter's select as a user does (the change event fires)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, element_id)).select_by_value(value)


def _hash(driver) -> str:
    return driver.execute_script("return location.hash;")


def _shown_rules(driver) -> set[str]:
    return set(driver.execute_script(
        "return Array.from(document.querySelectorAll('#doc .card a.code')).map(function (a) { return a.textContent; });"))


def _reopen(driver, report: Path, hash_: str) -> None:
    driver.get("about:blank")
    open_report_at = report.resolve().as_uri() + hash_
    driver.get(open_report_at)
    from mtfix.review.browser import wait_ready

    wait_ready(driver)


def test_the_filters_are_kept_in_the_address(browser, tmp_path):
    """Before: the address said only ``#file-1``; a reload or a link opened the file with every finding shown, the
    rule the editor had picked gone. Now the filters set otherwise than the page opened with are in the address, and
    an address with them opens the page so filtered."""
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    report = review_and_open(browser, tmp_path, "a.txt", "b.txt", cwd=tmp_path)
    assert len(_shown_rules(browser)) > 1, _shown_rules(browser)
    _choose(browser, "f-rule", "MTF105")
    assert _hash(browser) == "#file-0&rule=MTF105", _hash(browser)
    assert _shown_rules(browser) == {"MTF105"}
    browser.execute_script("document.activeElement.blur();")
    press(browser, "]")  # the next file: the filter stays, and so does its word in the address
    assert _hash(browser) == "#file-1&rule=MTF105", _hash(browser)
    _reopen(browser, report, _hash(browser))  # a reload, a bookmark, a link sent on
    assert browser.execute_script("return document.getElementById('f-rule').value;") == "MTF105"
    assert _shown_rules(browser) == {"MTF105"}
    assert "harvest" in browser.execute_script("return document.getElementById('doc').textContent;")
    # the rule set back to all: its word leaves the address
    _choose(browser, "f-rule", "")
    assert _hash(browser) == "#file-1", _hash(browser)
    assert len(_shown_rules(browser)) > 1
    # severities, fixes and "only sentences with findings" from an address; a rule this report lacks is left
    _reopen(browser, report, "#file-0&only=1&rule=MTF999&fix=safe")
    state = browser.execute_script(
        "return [document.getElementById('f-only').checked, document.getElementById('f-rule').value,"
        " Array.from(document.querySelectorAll('#filters input[name=fix]')).filter(function (c) { return c.checked; })"
        ".map(function (c) { return c.value; })];")
    assert state == [True, "", ["safe"]], state


def test_a_single_file_report_keeps_its_filters_and_its_opening_severity(browser, tmp_path):
    """One file: the address had no ``#file-`` and nothing else; now the filters set are in it, and none when the
    filters are as the page opened (with ``--min-severity``, its severities are the page's own, not written)."""
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    report = review_and_open(browser, tmp_path, "a.txt", cwd=tmp_path)
    assert _hash(browser) == ""
    _choose(browser, "f-rule", "MTF105")
    assert _hash(browser) == "#rule=MTF105"
    _choose(browser, "f-rule", "")
    assert _hash(browser) == "" and not browser.execute_script("return location.href;").endswith("#")
    report = review_and_open(browser, tmp_path, "--min-severity", "major", "a.txt", cwd=tmp_path)
    assert _hash(browser) == ""
    unticked = browser.execute_script(
        "return Array.from(document.querySelectorAll('#filters input[name=sev]')).filter(function (c) {"
        " return !c.checked; }).map(function (c) { return c.value; });")
    assert unticked, "--min-severity major ticked every severity"
    open_report(browser, report)
    assert _hash(browser) == ""
