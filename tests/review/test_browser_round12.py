"""The review page, round 12 (session 30), in real headless Chromium: an image's ``alt`` tooltip decodes its
character references; a correction that loses more than three inline tags names every one."""

from __future__ import annotations

import pytest

from tests.review.conftest import mtfix
from tests.review.test_browser import click, ctrl_enter, review_and_open, toast

pytestmark = pytest.mark.browser

#: An XLIFF unit of my own with five inline tags in its target.
FIVE_TAGS_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    ' <file source-language="az" target-language="en" datatype="plaintext" original="n"><body>\n'
    '  <trans-unit id="t1"><source>Bakıda <g id="1">neft</g> və <g id="2">qaz</g> qiymətləri artdı.</source>\n'
    '   <target>In <g id="1">Baku</g> prices of <g id="2">oilgas</g> rose<x id="3"/> in May.</target></trans-unit>\n'
    ' </body></file>\n</xliff>\n')


def test_an_image_alt_tooltip_shows_its_character_references_decoded(browser, tmp_path):
    """Session 30: ``alt="Tom &amp; Jerry &#8211; &quot;live&quot;"`` showed as the title "image: Tom &amp; Jerry
    &#8211; &quot;live&quot;"; now the characters, while the tag in the node (what an edit sees) is unchanged."""
    from selenium.webdriver.common.by import By

    page = ('<html><body><p>The talks<img src="m.png" alt="Tom &amp; Jerry &#8211; &quot;live&quot; &bogus;">'
            "resumed on Monday after a break.</p></body></html>\n")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    review_and_open(browser, tmp_path, "page.html", cwd=tmp_path)
    marker = browser.find_element(By.CSS_SELECTOR, "#doc .markup.img")
    assert marker.get_attribute("title") == 'image: Tom & Jerry \u2013 "live" &bogus;'
    hidden = marker.find_element(By.CSS_SELECTOR, ".markup.tag")
    assert "alt=\"Tom &amp; Jerry &#8211; &quot;live&quot; &bogus;\"" in hidden.get_attribute("textContent")


def test_a_correction_losing_five_inline_tags_names_all_five(browser, tmp_path):
    """Session 30: the toast named the first three lost tags only ("<g id="1"> </g> <g id="2">"): the editor could
    not tell what else to put back. It names all of them."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    (tmp_path / "news.xlf").write_text(FIVE_TAGS_XLIFF, encoding="utf-8")
    review_and_open(browser, tmp_path, "news.xlf", cwd=tmp_path)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#doc .seg button.edit-sent"))
    box = browser.switch_to.active_element
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("In Baku oil and gas prices rose in May.")
    ctrl_enter(browser)
    said = toast(browser)
    assert 'keep the inline tags <g id="1"> </g> <g id="2"> </g> <x id="3"/> as they were' in said, said


def test_fix_decisions_names_every_lost_inline_tag(tmp_path):
    """The same from ``fix --decisions`` (it named three): every tag the correction dropped."""
    import json

    xlf = tmp_path / "news.xlf"
    xlf.write_text(FIVE_TAGS_XLIFF, encoding="utf-8")
    from tests.review.test_decisions import decisions_doc, review

    (payload,) = review(xlf, tmp_path / "r.html")
    text = payload["units"][0]["text"]
    doc = decisions_doc(payload, [])
    doc["version"] = 2
    doc["files"][0]["corrections"] = [{"unit": 0, "start": 0, "end": len(text), "original": text,
                                       "replacement": "In Baku oil and gas prices rose in May."}]
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    r = mtfix("fix", "--grammar", "off", "--decisions", "d.json", xlf.name, cwd=tmp_path)
    assert r.rc == 2, r.stderr
    assert 'inline tags <g id="1">, </g>, <g id="2">, </g>, <x id="3"/>:' in r.stderr, r.stderr


#: Five short stories of my own in the seed style, each with safe edits (a doubled word, "oilgas") and a finding
#: that needs a human.
def _stories(n: int) -> dict[str, str]:
    return {f"story-{k}.txt": f"In district {k}, officials said the the road will stay closed. Prices of oilgas rose "
                              f"and There were no talks on Monday.\n" for k in range(n)}


def _batch_report(tmp_path, monkeypatch, files: dict[str, str]):
    """The report of ``files`` (written to ``tmp_path``) as a large batch's page: every file past the threshold."""
    from mtfix.config import Config
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline
    from mtfix.review import build_report, render

    monkeypatch.setattr(render, "BATCH_FILES", 2)
    monkeypatch.setattr(render, "CHUNK_FILES", 2)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Pipeline(Config(grammar="off")) as p:
        html = build_report(p, [Input(name, text.encode()) for name, text in files.items()])
    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    return report, html


def test_a_large_batch_page_carries_its_summaries_and_links_compressed(tmp_path, monkeypatch):
    """Session 30: 10,000 files wrote a 38 MB page, three quarters of it every file's summary and link as HTML.
    Past the threshold the page holds one summary (the first file's) and no link as HTML: they travel compressed
    with the files' data, by chunks."""
    import re

    _report, html = _batch_report(tmp_path, monkeypatch, _stories(5))
    assert html.count('<section class="summary"') == 1
    assert 'id="summary-0"' in html and 'id="summary-3"' not in html
    assert not re.search(r'<ol class="files" id="files">\s*<li>', html)
    assert html.count('id="mtfix-chunk-') == 3 and 'id="mtfix-list"' in html
    assert not re.search(r'<script type="application/json" id="mtfix-file-\d', html)


def test_a_large_batch_page_opens_each_file_with_its_summary_and_writes_what_fix_writes(browser, tmp_path,
                                                                                        monkeypatch):
    """The batch's page in Chromium: the file list (with each file's count), a file opened from it shows its summary
    and text; *Accept safe edits* in every file, exported and applied by ``fix --decisions``, writes what
    ``mtfix fix`` writes, byte for byte."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import export_download, open_report, press, shows

    files = _stories(5)
    report, _html = _batch_report(tmp_path, monkeypatch, files)
    fixed = tmp_path / "fixed"
    r = mtfix("fix", "--grammar", "off", "-o", fixed, *files, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    open_report(browser, report)
    links = browser.find_elements(By.CSS_SELECTOR, "#files a[data-file]")
    assert len(links) == 5 and links[3].find_element(By.CSS_SELECTOR, ".fname").text == "story-3.txt"
    assert "left" in links[4].text
    shows(browser, "In district 0")
    click(browser, links[3])
    shows(browser, "In district 3")
    assert browser.find_element(By.ID, "summary-3").is_displayed()
    assert not browser.find_element(By.ID, "summary-0").is_displayed()
    assert "story-3.txt" in browser.find_element(By.ID, "summary-3").text
    # Filter files: the others leave the list (hiding 9,990 of 10,000 took Chromium 36 s), and come back in order
    search = browser.find_element(By.ID, "file-search")
    search.send_keys("story-4")
    assert [a.text.split("\n")[0] for a in browser.find_elements(By.CSS_SELECTOR, "#files a")] == ["story-4.txt"]
    browser.execute_script("window.mtfixReview.showFile(4);")
    shows(browser, "In district 4")
    search.send_keys(*["\b"] * len("story-4"))
    links = browser.find_elements(By.CSS_SELECTOR, "#files a")
    assert [a.get_attribute("data-file") for a in links] == ["0", "1", "2", "3", "4"]
    assert [a.get_attribute("data-file") for a in browser.find_elements(By.CSS_SELECTOR, "#files a.on")] == ["4"]
    for k in range(5):
        browser.execute_script("return window.mtfixReview.showFile(arguments[0]);", k)
        shows(browser, f"In district {k}")
        browser.find_element(By.ID, "accept-safe").click()
    browser.find_element(By.TAG_NAME, "body").click()
    press(browser, "[")
    shows(browser, "In district 3")
    target = export_download(browser, tmp_path)
    r = mtfix("fix", "--grammar", "off", "--decisions", target, *files, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    for name in files:
        assert (tmp_path / name).read_bytes() == (fixed / name).read_bytes(), name
