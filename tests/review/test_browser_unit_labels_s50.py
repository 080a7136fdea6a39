"""The review page heads a PO unit whose context holds a tab with the label the one-line report prints (session 50):
``toolbar\\tedit | ...`` as the file writes it.  Before, the tab reached the page raw and HTML folded it into a space.
In the real headless Chromium."""

from __future__ import annotations

from tests.formats.test_unit_labels_s50 import PO
from tests.review.test_browser import review_and_open


def test_the_unit_head_shows_a_tab_of_a_po_context_as_its_escape(browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    doc = tmp_path / "labels.po"
    doc.write_text(PO, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    heads = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".unit-head")]
    assert any(h.startswith("unit toolbar\\tedit\\nundo | Rueckgaengig") for h in heads), heads
    assert any(h.startswith("unit status\\tbar | Bereit") for h in heads), heads
    assert any(h.startswith("unit Hilfe ·") for h in heads), heads
