"""Headless Chromium for the review report's tests, benchmark and screenshot.

Debian's ``chromium`` and ``chromium-driver`` (``make browser``) driven through
Selenium (a dev dependency, imported only here), with a fresh profile and
everything that would reach the network switched off.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
    "--disable-extensions", "--hide-scrollbars",
)


def find_browser() -> tuple[str | None, str | None]:
    """Paths of the Chromium binary and of chromedriver (``MTFIX_CHROMIUM``/``MTFIX_CHROMEDRIVER`` override)."""
    binary = os.environ.get("MTFIX_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("MTFIX_CHROMEDRIVER") or shutil.which("chromedriver")
    return binary, driver


def missing() -> str | None:
    """Why no browser can run here (None when one can)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    binary, driver = find_browser()
    if not binary or not driver:
        return "Chromium and chromedriver are not installed (make browser; Debian: chromium chromium-driver)"
    return None


def chrome(width: int = 1440, height: int = 1000, download_dir: Path | None = None) -> Any:
    """A Selenium WebDriver for headless Chromium with a fresh ``--user-data-dir``.

    The caller quits it (``driver.quit()``); the profile directory is removed then.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = find_browser()
    if not binary or not driver_path:
        raise RuntimeError(missing() or "no browser")
    profile = tempfile.mkdtemp(prefix="mtfix-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={width},{height}")
    if download_dir is not None:
        opts.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                               "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=opts, service=Service(driver_path))
    if download_dir is not None:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    original_quit = driver.quit

    def quit_and_clean() -> None:
        try:
            original_quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    driver.quit = quit_and_clean  # type: ignore[method-assign]
    return driver


def wait_ready(driver: Any, timeout: float = 10.0) -> None:
    """Wait until the report's script has rendered (``<html data-ready="1">``)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.getAttribute('data-ready')") == "1")
