"""The review page's suggestion buttons say a suggestion as an editor reads it (session 51): the page trimmed each
(" the", an insertion after "in", read "the"; a space read "␣"); it now shows the words of
:func:`mtfix.findings.suggestion_said` ("insert “ the”"), sent as the finding's ``sw`` where any differs from the
suggestion, and still puts the suggestion itself in place.  In the real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline
from mtfix.review import review_files
from mtfix.review.report import file_payload
from tests.report.test_suggestions_said_s51 import PACK
from tests.review.test_browser import review_and_open

TEXT = "The ferry stopped in middle of the harbour. Prices of oilgas rose.\n"


def _findings(tmp_path: Path) -> list[dict]:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    pipeline = Pipeline(Config(grammar="off", rule_files=[str(tmp_path / "pack.yaml")]))
    [fr] = review_files(pipeline, [Input("a.txt", TEXT.encode())])
    return [f for u in file_payload(fr)["units"] for f in u["f"]]


def test_the_page_data_says_an_edge_space_suggestion_and_only_where_it_differs(tmp_path: Path) -> None:
    found = {f["c"]: f for f in _findings(tmp_path)}
    assert found["XYZ951"]["sg"] == [" the"] and found["XYZ951"]["sw"] == ["insert “ the”"]
    assert found["MTF206"]["sg"] == ["oil and gas"] and "sw" not in found["MTF206"]


@pytest.mark.browser
def test_the_button_shows_the_space_and_tries_the_suggestion_itself(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    review_and_open(browser, tmp_path, "--rules", "pack.yaml", "a.txt", cwd=tmp_path)
    buttons = browser.find_elements(By.CSS_SELECTOR, "#doc button.sg")
    said = [(b.get_attribute("textContent"), b.get_attribute("data-sg"), b.get_attribute("aria-label")) for b in buttons]
    assert [(t, s) for t, s, _ in said] == [("insert “ the”", " the")], said
    assert said[0][2].endswith(": insert “ the”"), said


TWO = """pack: mine
version: "1"
rules:
  - code: XYZ952
    name: middle-article-two
    title: article before middle, two ways
    docs: "What it does: at middle of → at the middle of."
    category: Fluency/Grammar
    severity: minor
    pattern: '(?<=\\bat) middle(?= of\\b)'
    replacement: ' the middle'
    suggestions: ['the middle']
    fix: none
    message: "an article is missing before 'middle'"
    examples:
      flag:
        - text: "The bus waited at middle of the square."
      pass:
        - "The bus waited at the middle of the square."
"""


@pytest.mark.browser
def test_a_plain_suggestion_beside_a_worded_one_keeps_its_quotes_in_the_label(browser, tmp_path: Path) -> None:
    """Once a finding has ``sw`` (one suggestion worded), a plain one's label lost its quotes ("→ the middle")."""
    from selenium.webdriver.common.by import By

    (tmp_path / "pack.yaml").write_text(TWO, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The bus waited at middle of the square.\n", encoding="utf-8")
    review_and_open(browser, tmp_path, "--rules", "pack.yaml", "a.txt", cwd=tmp_path)
    buttons = browser.find_elements(By.CSS_SELECTOR, "#doc button.sg")
    said = [(b.get_attribute("textContent"), b.get_attribute("aria-label")) for b in buttons]
    assert [t for t, _ in said] == ["insert “the ”", "the middle"], said
    assert said[0][1].endswith(": “middle” → insert “the ”"), said
    assert said[1][1].endswith(": “middle” → “the middle”"), said
