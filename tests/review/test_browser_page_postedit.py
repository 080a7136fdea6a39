"""An editor's post-edit of an HTML page's sentence in real headless Chromium (session 29): the text box holds the
sentence with its tags; a text that drops, moves or changes one (or a template span, or an attribute) is not saved
and the page says what was lost; one that keeps them is saved and written by ``fix --decisions``; a ``<`` or ``&``
typed as text is saved as ``&lt;`` / ``&amp;``."""

from __future__ import annotations

import json

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import ctrl_enter, export_download, review_and_open, seg_at, toast
from tests.review.test_decisions_page_markup import PAGE, SENTENCE

pytestmark = pytest.mark.browser

KEPT = ('Ministry <b>officials</b> said the <a href="/road">road</a> to {{ region.name }} &amp; the coast '
        "would be built.")


def _type(browser, text: str) -> None:
    """Replace the open text box's text with ``text`` and press Ctrl+Enter."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.CSS_SELECTOR, "#doc .editor textarea")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text)
    ctrl_enter(browser)


def _corrections(browser) -> list[str]:
    return browser.execute_script(
        "var c = window.mtfixReview.corrections; return Object.keys(c).map(function (k) { return c[k].r; });")


@pytest.mark.parametrize("typed, said", [
    (KEPT.replace("</a>", ""), "drops the tag </a>"),
    (KEPT.replace("<b>officials</b>", "officials"), "drops the tags <b>, </b>"),
    (KEPT.replace("road</a> to", "road to</a>"), None),  # a tag moved over words, the markup's order kept
    (KEPT.replace("road</a> to", "road to").replace("coast", "coast</a>"), "moves the tag </a>"),  # over {{ }}
    (KEPT.replace("officials</b> said the <a", "officials said the <a").replace("road</a>", "road</b></a>"),
     "moves the tag </b>"),
    (KEPT.replace("/road", "/roads"), 'changes the tag <a href="/road"> to <a href="/roads">'),
    (KEPT.replace("{{ region.name }}", "the region"), "drops the template span {{ region.name }}"),
    (KEPT.replace(" &amp; ", " <i>and</i> "), "adds the tags <i>, </i>"),
    # session 29: every piece lost is named, as fix --decisions names them
    (KEPT.replace("<b>officials</b>", "officials").replace("/road", "/roads"),
     'changes the tag <a href="/road"> to <a href="/roads"> and drops the tags <b>, </b>'),
    (KEPT.replace("<b>officials</b>", "officials").replace('<a href="/road">road</a>', "road"),
     'drops the tags <b>, </b>, <a href="/road">, </a>'),  # session 30: every one named
])
def test_a_post_edit_that_loses_a_tag_is_not_saved(browser, tmp_path, typed, said):
    from selenium.webdriver.common.by import By

    doc = tmp_path / "page.html"
    doc.write_text(PAGE, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    start = PAGE.index(SENTENCE)
    seg_at(browser, start).find_element(By.CSS_SELECTOR, "button.edit-sent").click()
    assert browser.switch_to.active_element.get_attribute("value") == SENTENCE  # the sentence, tags and all
    _type(browser, typed)
    if said is None:  # the editor's choice: saved
        assert _corrections(browser) == [typed], toast(browser)
        return
    assert browser.find_elements(By.CSS_SELECTOR, "#doc .editor textarea")  # still open, with the text as typed
    assert browser.find_element(By.CSS_SELECTOR, "#doc .editor textarea").get_attribute("value") == typed
    assert f"Not saved: your text {said}: keep every tag, template span and comment" in toast(browser)
    assert _corrections(browser) == []


def test_a_post_edit_that_keeps_the_tags_is_written_and_typed_lt_and_amp_are_escaped(browser, tmp_path):
    """The kept tags: saved, exported, written by ``fix --decisions``, every other byte of the page as it was. A
    ``&`` and a ``<`` typed as text are saved as ``&amp;`` and ``&lt;`` (the page's text), and the toast says so;
    the ``&amp;`` the sentence had stays one."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "page.html"
    doc.write_text(PAGE, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    start = PAGE.index(SENTENCE)
    seg_at(browser, start).find_element(By.CSS_SELECTOR, "button.edit-sent").click()
    typed = KEPT.replace("would be built", "would be built by R&D teams in <5 years (&copy2024, caf&eacute; &notx;)")
    _type(browser, typed)
    written = KEPT.replace("would be built", "would be built by R&amp;D teams in &lt;5 years (&amp;copy2024, "
                                             "caf&eacute; &amp;notx;)")
    assert _corrections(browser) == [written]
    assert "&amp;" in toast(browser) and "&lt;" in toast(browser)
    shown = seg_at(browser, start).find_element(By.CSS_SELECTOR, ".textcol > .text").text
    assert "R&D teams in <5 years (&copy2024, café &notx;)" in shown and "&amp;" not in shown, shown
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_text(encoding="utf-8") == PAGE.replace(SENTENCE, written)


def test_import_leaves_out_a_page_correction_edited_by_hand_to_drop_a_tag(browser, tmp_path):
    """A decisions file whose page correction was retyped by hand without a tag: Import… leaves it out (``fix
    --decisions`` would refuse it), as it does a decision edited by hand; the exported one, unedited, is taken."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import open_report
    from tests.review.test_browser_round10 import _import

    doc = tmp_path / "page.html"
    doc.write_text(PAGE, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    seg_at(browser, PAGE.index(SENTENCE)).find_element(By.CSS_SELECTOR, "button.edit-sent").click()
    _type(browser, KEPT)
    exported = export_download(browser, tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["files"][0]["corrections"][0]["replacement"] = KEPT.replace("</a>", "")
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    for path, want in ((edited, []), (exported, [KEPT])):
        report = tmp_path / f"again-{len(want)}.html"
        r = mtfix("review", *OFF, "-q", "--title", "again", doc.name, "-o", report, cwd=tmp_path)
        assert r.rc == 0, r.stderr
        open_report(browser, report)
        browser.execute_script("localStorage.clear();")
        open_report(browser, report)
        _import(browser, path)
        assert _corrections(browser) == want


def test_a_markdown_post_edit_keeps_its_link_and_is_warned_of_unpaired_bold(browser, tmp_path):
    """Markdown: a post-edit that drops a link's ``](url)`` is not saved (the URL would be lost); one that drops a
    ``**`` of a pair is saved (bold is the editor's to change) with a warning that one may be unpaired."""
    from selenium.webdriver.common.by import By

    from tests.review.test_decisions_page_markup import MD, MD_SENTENCE

    doc = tmp_path / "news.md"
    doc.write_text(MD, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    seg_at(browser, 0).find_element(By.CSS_SELECTOR, "button.edit-sent").click()
    assert browser.switch_to.active_element.get_attribute("value") == MD_SENTENCE
    _type(browser, MD_SENTENCE.replace("[road](https://example.org/road)", "road"))
    assert "Not saved: your text drops the link ](https://example.org/road): keep every link destination" in toast(
        browser)
    assert _corrections(browser) == []
    unpaired = MD_SENTENCE.replace("**ministry**", "**ministry")
    _type(browser, unpaired)
    assert _corrections(browser) == [unpaired]
    assert "it has 1 emphasis mark (** or * or ~~) where the sentence had 2" in toast(browser)
    assert "may be unpaired" in toast(browser)


def test_a_page_with_line_breaks_and_images_exports_what_fix_writes(browser, tmp_path):
    """Lines read apart at a ``<br>`` before a capital, an ``<img>`` between words: *Accept safe edits* and
    ``fix --decisions`` write what ``mtfix fix`` writes, byte for byte."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser_round3 import fixed_by_mtfix

    page = ("<html><body>\n<p>Ministry of Foreign Affairs<br>Baku , Azerbaijan</p>\n"
            '<p>The the talks<img src="m.png" alt="Jeyhun Bayramov">resumed on Monday .<br>Prices of oilgas rose<br>'
            "and the the markets calmed.</p>\n</body></html>\n")
    doc, want = fixed_by_mtfix(tmp_path, "page.html", page)
    assert want != page.encode() and b'<img src="m.png" alt="Jeyhun Bayramov">' in want and want.count(b"<br>") == 3
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    browser.find_element(By.ID, "accept-safe").click()
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == want
