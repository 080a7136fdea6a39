"""One problem, one finding (session 28) on the review page, in real headless Chromium: the az-en pack's
MTF206 and a glossary's MTF301 turning `oilgas` into `oil and gas` are one card naming both codes, as
`mtfix check` reports them."""

from __future__ import annotations

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import review_and_open

pytestmark = pytest.mark.browser

_JS_CARDS = (
    "return Array.from(document.querySelectorAll('#doc .card')).filter(function (c) {"
    "  return c.dataset.a === '4'; }).map(function (c) {"
    "  var also = c.querySelector('.card-head .also');"
    "  return [c.querySelector('a.code').textContent, also ? also.textContent : null]; });"
)


def test_a_merged_finding_is_one_card_naming_the_other_code(browser, tmp_path):
    doc, tsv = tmp_path / "og.txt", tmp_path / "og.tsv"
    doc.write_text("The oilgas sector grew.\n", encoding="utf-8")
    tsv.write_text("term\tvariants\noil and gas\toilgas\n", encoding="utf-8")
    line = mtfix("check", *OFF, "--glossary", tsv.name, doc.name, cwd=tmp_path).stdout.splitlines()
    assert len(line) == 1 and "MTF206" in line[0] and "(also MTF301)" in line[0]
    review_and_open(browser, tmp_path, "--glossary", tsv.name, doc.name, cwd=tmp_path)
    assert browser.execute_script(_JS_CARDS) == [["MTF206", "also MTF301"]]
