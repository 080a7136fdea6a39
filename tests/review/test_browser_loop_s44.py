"""The review loop as a new editor goes through it, round 27 (session 44), in real headless Chromium: a 30 KB Markdown
article of our own (``bench/editor_article.py``) reviewed, its safe edits accepted with one button, the decisions
exported, and the command the page gives run as it is given.

Before, the message after the export said ``mtfix fix --decisions FILE PATH``: the word PATH was the editor's to
work out, and ``mtfix fix --decisions FILE`` alone fails (``Missing argument 'paths'``).  Now the message names the
files decided, as the review named them, quoted for the shell where needed."""

from __future__ import annotations

import json
import shlex
import sys
import time
from pathlib import Path

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import open_report, review_and_open, toast

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from editor_article import article  # noqa: E402

pytestmark = pytest.mark.browser


def _export_here(browser, folder: Path) -> tuple[Path, str]:
    """Press Export decisions with the browser's downloads going to ``folder`` (the review's own folder): the file and
    the message the page shows."""
    from selenium.webdriver.common.by import By

    before = set(folder.glob("mtfix-decisions-*.json"))
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    browser.find_element(By.ID, "export").click()
    said = toast(browser)
    deadline = time.time() + 15
    while time.time() < deadline:
        new = sorted(set(folder.glob("mtfix-decisions-*.json")) - before)
        if new:
            try:
                json.loads(new[0].read_text(encoding="utf-8"))
                return new[0], said
            except ValueError:
                pass
        time.sleep(0.1)
    raise AssertionError("no decisions file downloaded")


def _command(said: str) -> list[str]:
    assert "Apply it with: " in said, said
    return shlex.split(said.split("Apply it with: ", 1)[1])


def test_the_article_accepted_exported_and_applied_by_the_command_the_page_gives(browser, tmp_path):
    """All 30 KB: one click accepts every safe edit; the message's command, run in the review's folder exactly as
    given, writes what ``mtfix fix`` writes (every safe edit accepted); before, the command ended in PATH."""
    from selenium.webdriver.common.by import By

    text = article()
    assert 28_000 <= len(text.encode()) <= 32_000
    (tmp_path / "article.md").write_text(text, encoding="utf-8")
    (tmp_path / "copy.md").write_text(text, encoding="utf-8")
    review_and_open(browser, tmp_path, "article.md", cwd=tmp_path)
    browser.find_element(By.XPATH, "//button[normalize-space()='Accept safe edits']").click()
    assert toast(browser).startswith("Accepted "), toast(browser)
    saved, said = _export_here(browser, tmp_path)
    command = _command(said)
    assert command == ["mtfix", "fix", "--decisions", saved.name, "article.md"], said
    r = mtfix(command[1], *OFF, *command[2:], cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert mtfix("fix", *OFF, "copy.md", cwd=tmp_path).rc == 0
    fixed = (tmp_path / "copy.md").read_text(encoding="utf-8")
    assert fixed != text and (tmp_path / "article.md").read_text(encoding="utf-8") == fixed


def test_a_path_with_a_space_is_quoted_and_many_files_keep_the_word(browser, tmp_path):
    """Two files, one named with a space and an apostrophe: the command names both, quoted, and runs as given;
    four files decided: the message keeps PATH and says how many files (a command line the editor completes)."""
    from selenium.webdriver.common.by import By

    names = ["river notes.md", "o'brien.md"]
    for name in names:
        (tmp_path / name).write_text("The the ferry sails at dawn.\n\nThe pier stays shut .\n", encoding="utf-8")
    review_and_open(browser, tmp_path, *names, cwd=tmp_path)
    for _ in range(2):  # each file's safe edits ("Accept safe edits" takes the file shown), then the next file
        browser.find_element(By.XPATH, "//button[normalize-space()='Accept safe edits']").click()
        browser.find_element(By.TAG_NAME, "body").send_keys("]")
    saved, said = _export_here(browser, tmp_path)
    command = _command(said)
    assert command == ["mtfix", "fix", "--decisions", saved.name, *names], said
    assert "'river notes.md'" in said, said
    r = mtfix(command[1], *OFF, *command[2:], cwd=tmp_path)
    assert r.rc == 0, r.stderr
    for name in names:
        assert (tmp_path / name).read_text(encoding="utf-8") == "The ferry sails at dawn.\n\nThe pier stays shut.\n"

    four = ["e.md", "f.md", "g.md", "h.md"]
    for name in four:
        (tmp_path / name).write_text("The the ferry sails at dawn.\n", encoding="utf-8")
    report = tmp_path / "four.html"
    assert mtfix("review", *OFF, "-q", *four, "-o", report, cwd=tmp_path).rc == 0
    open_report(browser, report)
    for _ in range(4):
        browser.find_element(By.XPATH, "//button[normalize-space()='Accept safe edits']").click()
        browser.find_element(By.TAG_NAME, "body").send_keys("]")
    _, said = _export_here(browser, tmp_path)
    assert said.endswith("PATH… (the 4 files reviewed)"), said
