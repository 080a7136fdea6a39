"""Fixtures of the review report tests: seed 004, the CLI in a subprocess, headless Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MTFIX_SHARED", REPO.parent / "shared"))
OFF = ["--grammar", "off"]


def seed004_bytes() -> bytes:
    """The canonical garbled article (skips the test with a message when the data is absent)."""
    found = sorted((SHARED / "seeds").glob("004_*.txt"))
    if not found:
        pytest.skip(f"seed 004 not found in {SHARED / 'seeds'} (set MTFIX_SHARED)")
    return found[0].read_bytes()


@pytest.fixture
def seed004(tmp_path: Path) -> Path:
    """A copy of seed 004 in a temporary directory (tests write next to it)."""
    p = tmp_path / "article.txt"
    p.write_bytes(seed004_bytes())
    return p


def mtfix(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "mtfix", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through Selenium; skipped when absent, except under ``make test``
    (MTFIX_REQUIRE_BROWSER=1), where a missing browser is a failure."""
    from mtfix.review.browser import chrome, missing

    why = missing()
    if why:
        if os.environ.get("MTFIX_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required but {why}")
        pytest.skip(why)
    driver = chrome()
    yield driver
    driver.quit()
