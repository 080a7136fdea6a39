"""Fixtures of the review report tests: seed 004, the CLI in a subprocess, headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import run_mtfix
from tests.review.browser_session import SharedBrowser, clear_local_storage

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MTFIX_SHARED", REPO.parent / "shared"))
OFF = ["--grammar", "off"]
#: Minutes for the tests of the editor's corrections: a sentence no edit can mend (ROAD) and its
#: post-edit (ROAD_FIXED), between sentences with proposed edits.
MINUTES = (
    "The committee met in Gyumri on Friday. It simply came to our notice then that, the vote was postponed.\n"
    "Officials of ministry was saying the road will be build until the winter comes probably.\n"
    "Talks on the oilgas pipeline resumed and There were no objections.\n"
)
ROAD = "Officials of ministry was saying the road will be build until the winter comes probably."
ROAD_FIXED = "Ministry officials said the road would be built before winter."
#: MINUTES with MTF101 and MTF206's edits accepted and ROAD corrected to ROAD_FIXED
MINUTES_DECIDED = (
    b"The committee met in Gyumri on Friday. The vote was postponed.\n"
    b"Ministry officials said the road would be built before winter.\n"
    b"Talks on the oil and gas pipeline resumed and There were no objections.\n")

#: An XLIFF unit whose target has inline tags (shown in the unit's text as they are written).
TAGGED_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    ' <file source-language="az" target-language="en" datatype="plaintext" original="n"><body>\n'
    '  <trans-unit id="t1"><source>Neft-qaz <g id="1">qiymətləri</g> artdı.</source>\n'
    '   <target>Prices of <g id="1">oilgas</g> rose<x id="2"/> in May.</target></trans-unit>\n'
    ' </body></file>\n</xliff>\n')


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


#: The real command line, in a subprocess (the shared runner, :func:`tests.cli_runner.run_mtfix`, with a longer
#: timeout for a machine shared with a browser): ``mtfix("fix", *OFF, path, cwd=...) -> Run``.
mtfix = partial(run_mtfix, timeout=300)


@pytest.fixture(scope="session")
def shared_browser() -> Iterator[SharedBrowser]:
    """One headless Chromium for the session (tests/review/browser_session.py); skipped when absent, except
    under ``make test`` (MTFIX_REQUIRE_BROWSER=1), where a missing browser is a failure."""
    from mtfix.review.browser import missing

    why = missing()
    if why:
        if os.environ.get("MTFIX_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required but {why}")
        pytest.skip(why)
    shared = SharedBrowser()
    yield shared
    shared.quit()


@pytest.fixture
def browser(shared_browser: SharedBrowser) -> Iterator[Any]:
    """The session's Chromium on a fresh page: one tab at 1440×1000, screen media, default downloads,
    ``about:blank``; after the test, the local storage of the page it left is cleared (no decisions kept)."""
    driver = shared_browser.page()
    yield driver
    clear_local_storage(driver)
