"""``mtfix review`` of an HTML page in real headless Chromium (session 29): the page's prose blocks are shown, not
its tags; a word split by a tag reads whole; findings sit on their words; the decisions exported and applied by
``fix --decisions`` write what ``mtfix fix`` writes, byte for byte."""

from __future__ import annotations

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import correct, export_download, review_and_open
from tests.review.test_browser_round3 import fixed_by_mtfix

pytestmark = pytest.mark.browser

#: A news page of my own in the seed style: a head with a script and a style, template syntax, a garbled lead, a
#: word split by a tag with a missing space after it, a doubled word across a link, a reference, a clean list.
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ site.title }}</title>
<style>p { margin: 0 }</style><script>var s = "the the , x";</script></head>
<body><article>
<h1>Talks in <b>Ba</b>kı resume</h1>
<p class="lead">The delegation in the capital the new plan discussed , the ministry on Monday said.</p>
<p>It was <b>snow</b>The roads were closed &amp; officials said the the <a href="/x">trains</a> stopped.</p>
<ul><li>Wheat prices rose by five percent.</li><li>Welcome, {{ user.name }}, to the site.</li></ul>
</article></body></html>
"""

#: Each sentence row: [its text as shown (hidden markup and inserted words left out), starts a paragraph]
_JS_ROWS = (
    "return Array.from(document.querySelectorAll('#doc .seg')).map(function (s) {"
    "  var t = s.querySelector('.textcol > .text').cloneNode(true);"
    "  t.querySelectorAll('ins, [hidden]').forEach(function (n) { n.remove(); });"
    "  return [t.textContent, s.classList.contains('para')]; });"
)


def test_a_page_shows_its_prose_blocks_not_its_tags_and_exports_what_fix_writes(browser, tmp_path):
    doc, want = fixed_by_mtfix(tmp_path, "page.html", PAGE)
    assert b"It was <b>snow</b> The roads" in want and b"said the <a" in want  # what `mtfix fix` writes
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    rows = browser.execute_script(_JS_ROWS)
    assert [r[0] for r in rows] == [
        "Talks in Bakı resume",
        "The delegation in the capital the new plan discussed , the ministry on Monday said.",
        "It was snowThe roads were closed & officials said the the trains stopped.",
        "Wheat prices rose by five percent.",
        "Welcome, {{ user.name }}, to the site.",
    ], rows
    assert all(r[1] for r in rows)  # each block starts a paragraph of its own
    body = browser.execute_script("return document.querySelector('#doc').innerText;")
    for raw in ("<p", "<b>", "</b>", "<a href", "&amp;", "<script", "<style", "<!DOCTYPE", "site.title"):
        assert raw not in body, raw
    # the edits sit on their words
    marked = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .ed')).map(function (e) {"
        "  var c = e.cloneNode(true); c.querySelectorAll('[hidden]').forEach(function (n) { n.remove(); });"
        "  return c.textContent; });")
    # (each edit as its deleted then inserted words): Bakı's last letter after </b>, the space inserted after </b>,
    # the doubled word before the link
    assert {"kıku", " The", "the the"} <= set(marked), marked
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "accept-safe").click()
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == want


def test_a_page_sentence_post_edited_keeps_every_tag(browser, tmp_path):
    """The editor rewrites the lead (its text box holds the sentence as written): ``fix --decisions`` writes the
    new sentence in the paragraph, every other byte of the page as it was."""
    doc = tmp_path / "page.html"
    doc.write_text(PAGE, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    lead = PAGE.index("The delegation")
    new = "The ministry said on Monday that the delegation discussed the new plan in the capital."
    correct(browser, lead, new)
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    old = "The delegation in the capital the new plan discussed , the ministry on Monday said."
    assert doc.read_text(encoding="utf-8") == PAGE.replace(old, new)


def test_an_image_between_two_words_shows_as_a_marker_in_both_views(browser, tmp_path):
    """Session 29: ``talks<img …>resumed`` showed "talksresumed" (the tag hidden) while the check reads the image as
    a name between two words ("talks @code resumed"): the page shows a marker, "[image]", its ``alt`` as the title,
    in the marked-up text and in *As it will read*; the tag's characters stay in the node, hidden."""
    from selenium.webdriver.common.by import By

    page = ('<html><body><p>The talks<img src="m.png" alt="Jeyhun Bayramov">resumed on Monday after a break.</p>'
            "</body></html>\n")
    doc = tmp_path / "page.html"
    doc.write_text(page, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    rows = browser.execute_script(_JS_ROWS)
    assert [r[0] for r in rows] == ["The talks[image]resumed on Monday after a break."], rows
    marker = browser.find_element(By.CSS_SELECTOR, "#doc .markup.img")
    assert marker.get_attribute("title") == "image: Jeyhun Bayramov"
    gap = "return parseFloat(getComputedStyle(arguments[0]).marginLeft) + parseFloat(getComputedStyle(arguments[0]).marginRight);"
    assert marker.is_displayed() and browser.execute_script(gap, marker) > 0  # set apart from the words
    assert "talks[image]resumed" in browser.find_element(By.CSS_SELECTOR, "#doc .seg .textcol > .text").text
    browser.find_element(By.ID, "reads").click()  # As it will read
    assert marker.is_displayed() and marker.size["width"] > 0
    assert "talks[image]resumed" in browser.find_element(By.CSS_SELECTOR, "#doc .seg .textcol > .text").text
