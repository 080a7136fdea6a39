"""One headless Chromium for the whole test session, handed to each test on a fresh page.

Launching Chromium and chromedriver costs seconds (about 4 s on a loaded CI machine); the review tests used
to pay it once per module (25 modules). :class:`SharedBrowser` launches it once, and before every test
:func:`fresh_page` puts back what a test may have changed in the browser: an open dialog, extra tabs, the
window's size, emulated media (print, forced colours), the download folder, and the page itself
(``about:blank``). The report's decisions kept in local storage are cleared after each test by the
``browser`` fixture (tests/review/conftest.py), on the page the test left. A browser that died or whose session
broke is replaced, so one failing test does not fail the modules after it.
"""

from __future__ import annotations

import contextlib
from typing import Any

#: The window every test starts with (``chrome()``'s default; the tests that resize put this size back).
LAUNCH_SIZE = (1440, 1000)


def _dismiss_dialog(driver: Any) -> None:
    """Close an ``alert``/``confirm`` a test left open (every other command would fail on it)."""
    from selenium.common.exceptions import NoAlertPresentException

    with contextlib.suppress(NoAlertPresentException):
        driver.switch_to.alert.dismiss()


def fresh_page(driver: Any, size: dict[str, int]) -> None:
    """Bring *driver* back to the state a just-launched browser is in: one tab, at *size*
    (``get_window_size()`` at launch), screen media, default downloads, ``about:blank``."""
    _dismiss_dialog(driver)
    handles = driver.window_handles
    for handle in handles[1:]:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(handles[0])
    if driver.get_window_size() != size:
        driver.set_window_size(size["width"], size["height"])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "default"})
    driver.get("about:blank")


def clear_local_storage(driver: Any) -> None:
    """Forget the decisions the page the test left kept: every report opened from disk shares one local
    storage, and two reports of the same file and bytes made in the same second share a key (by design)."""
    try:
        _dismiss_dialog(driver)
        driver.switch_to.window(driver.window_handles[0])
        driver.execute_script("try { window.localStorage.clear(); } catch (e) {}")
    except Exception:  # noqa: BLE001 - a test that broke the session leaves nothing to clear
        pass


class SharedBrowser:
    """A lazily launched headless Chromium, relaunched when its session is gone."""

    def __init__(self) -> None:
        self._driver: Any = None
        self._size: dict[str, int] = {}
        #: how many times Chromium was launched (1 unless a test broke the session)
        self.launches = 0

    def _launch(self) -> None:
        from mtfix.review.browser import chrome

        self._driver = chrome(*LAUNCH_SIZE)
        self._size = self._driver.get_window_size()
        self.launches += 1

    def quit(self) -> None:
        """Quit the browser (its profile folder is removed); a dead one is ignored."""
        driver, self._driver = self._driver, None
        if driver is not None:
            with contextlib.suppress(Exception):  # already gone
                driver.quit()

    def page(self) -> Any:
        """The driver, on a fresh page; launched on first use and again when the old session is broken."""
        if self._driver is not None:
            try:
                fresh_page(self._driver, self._size)
                return self._driver
            except Exception:  # noqa: BLE001 - a crashed browser or chromedriver: WebDriverException, URLError...
                self.quit()
        self._launch()
        fresh_page(self._driver, self._size)
        return self._driver
