"""The session's one Chromium (tests/review/browser_session.py): what a test leaves behind does not reach
the next test, and a broken browser is replaced instead of failing every test after it."""

from __future__ import annotations

from pathlib import Path

from tests.review.browser_session import LAUNCH_SIZE, SharedBrowser, clear_local_storage


def _mess_up(driver, tmp_path: Path) -> None:
    """What the review tests do to the browser: a page with decisions kept, a second tab, another window size,
    print media and forced colours, a download folder, and a dialog left open."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><title>t</title><p>kept</p>", encoding="utf-8")
    driver.get(page.as_uri())
    driver.execute_script("window.localStorage.setItem('mtfix-test', 'decided');")
    first = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(page.as_uri())
    driver.switch_to.window(first)
    driver.set_window_size(1024, 768)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "print", "features": [{"name": "forced-colors", "value": "active"}]})
    (tmp_path / "downloads").mkdir()
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path / "downloads")})
    driver.execute_script("setTimeout(function () { window.alert('left open'); }, 0);")
    WebDriverWait(driver, 10).until(expected_conditions.alert_is_present())


def test_the_next_test_gets_one_tab_at_the_launch_size_with_screen_media_and_no_decisions(shared_browser, tmp_path):
    driver = shared_browser.page()
    launched = shared_browser.launches
    _mess_up(driver, tmp_path)
    clear_local_storage(driver)  # the browser fixture's teardown

    driver = shared_browser.page()  # the next test's fixture
    assert len(driver.window_handles) == 1
    assert driver.current_url == "about:blank"
    size = driver.get_window_size()
    assert (size["width"], size["height"]) == LAUNCH_SIZE
    assert driver.execute_script("return window.matchMedia('screen').matches;")
    assert not driver.execute_script("return window.matchMedia('(forced-colors: active)').matches;")
    driver.get((tmp_path / "page.html").as_uri())
    assert driver.execute_script("return window.localStorage.getItem('mtfix-test');") is None
    assert shared_browser.launches == launched  # the same browser, not a new one


def test_a_browser_that_died_is_launched_again_for_the_next_test(shared_browser):
    own = SharedBrowser()  # not the session's: this test kills its browser
    try:
        driver = own.page()
        driver.quit()  # what a crashed Chromium or chromedriver looks like to the next test
        again = own.page()
        assert own.launches == 2
        assert again.execute_script("return 1 + 1;") == 2
    finally:
        own.quit()
