"""Block markup on the review page (session 26): Markdown tables, block quotes, lists, headings, front matter,
fenced code and HTML blocks read as markup around their sentences, not as stray text after one, in real
headless Chromium."""

from __future__ import annotations

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import export_download, review_and_open
from tests.review.test_browser_round3 import fixed_by_mtfix

pytestmark = pytest.mark.browser

#: A Markdown article of my own with every block the reader knows: front matter, a heading, a block quote,
#: a GFM table (an alignment row, an Azerbaijani name), a list, fenced code and an HTML table block.
ARTICLE = (
    "---\n"
    "title: Flood report\n"
    "---\n"
    "\n"
    "# Roads was closed in the the north\n"
    "\n"
    "> The minister said that , the the bridge was closed.\n"
    "> He added that help will come soon.\n"
    "\n"
    "| Town | What happened |\n"
    "|---|:---:|\n"
    "| Şəki | The the bridge was closed. |\n"
    "| Gəncə | Prices rose ,, in the market. |\n"
    "\n"
    "- First item with the the word.\n"
    "- Second item.\n"
    "\n"
    "```text\n"
    "code the the here\n"
    "```\n"
    "\n"
    "<table>\n"
    "<tr><td>A cell of HTML.</td></tr>\n"
    "</table>\n"
    "\n"
    "After the table the the text went on.\n"
)

#: Per sentence row: [sentence text (without markup, insertions dropped), lead markup, tail markup,
#: markup lines shown before it, starts a line]
_JS_ROWS = (
    "return Array.from(document.querySelectorAll('#doc .seg')).map(function (s) {"
    "  var t = s.querySelector('.textcol > .text').cloneNode(true);"
    "  t.querySelectorAll('ins, .markup').forEach(function (n) { n.remove(); });"
    "  var lead = s.querySelector('.text > .markup.lead'), tail = s.querySelector('.text > .markup.tail');"
    "  var lines = s.querySelector('.textcol > .markup.lines');"
    "  return [t.textContent, lead ? lead.textContent.trim() : null, tail ? tail.textContent.trim() : null,"
    "          lines ? lines.textContent : null, s.classList.contains('para')]; });"
)


def test_markdown_blocks_read_as_markup_around_their_sentences(browser, tmp_path):
    """A Markdown table was cut into its cells with the pipes after each sentence as text ("Town |",
    "What happened |\\n|---|:---:|\\n|"), the block quote's last sentence ended with a line holding "|", the
    list's "-" ended the table's last cell, the front matter with the heading's "#" was a row of its own (no
    score, an Edit button), and the fenced code and the HTML table followed "Second item." as its text.  Each
    sentence now reads alone; a table row reads "| Town |" "What happened |" (its first cell starts a line, the
    others follow it), the alignment row, the code and the HTML are markup lines before the next sentence; the
    HTML block's tags on its sentence's line are markup before and after it (session 44)."""
    doc, want = fixed_by_mtfix(tmp_path, "report.md", ARTICLE)
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    rows = browser.execute_script(_JS_ROWS)
    assert [r[0] for r in rows] == [
        "Roads was closed in the the north",
        "The minister said that , the the bridge was closed.",
        "He added that help will come soon.",
        "Town",
        "What happened",
        "Şəki",
        "The the bridge was closed.",
        "Gəncə",
        "Prices rose ,, in the market.",
        "First item with the the word.",
        "Second item.",
        "A cell of HTML.",
        "After the table the the text went on.",
    ], rows
    by = {r[0]: r for r in rows}
    assert by["Roads was closed in the the north"][1:4] == ["#", None, "---\ntitle: Flood report\n---"]
    assert by["He added that help will come soon."][1:4] == [">", None, None]
    assert by["Town"][1:] == ["|", "|", None, True]
    assert by["What happened"][1:] == [None, "|", None, False]
    assert by["Şəki"][1:] == ["|", "|", "|---|:---:|", True]
    assert by["The the bridge was closed."][1:] == [None, "|", None, False]
    assert by["Gəncə"][1:] == ["|", "|", None, True]
    assert by["First item with the the word."][1:] == ["-", None, None, True]
    # a screen reader hears no pipes (markup is hidden from it): each cell says where it is in its table
    said = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .seg.cell .textcol > .sr-only'))"
        ".map(function (n) { return n.textContent; });"
    )
    assert said == [f"table row {r}, cell {c}: " for r in (1, 2, 3) for c in (1, 2)], said
    # the HTML block is read as a page's (session 44): its cell's text is a sentence, its tags markup around it
    cell = by["A cell of HTML."][1:4]
    assert cell == ["<tr><td>", "</td></tr>", "```text\ncode the the here\n```\n\n<table>"], cell
    assert by["Second item."][1:4] == ["-", None, None], by["Second item."]
    assert by["After the table the the text went on."][3] == "</table>"
    # the page changes no byte: the safe edits accepted and exported, `fix --decisions` writes `mtfix fix`'s bytes
    from selenium.webdriver.common.by import By

    assert b"| The bridge was closed. |" in want, want
    browser.find_element(By.ID, "accept-safe").click()
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == want


def test_a_table_cell_post_edited_keeps_its_pipes(browser, tmp_path):
    """The editor rewrites a table cell's sentence: the text box holds the cell's sentence alone, the
    corrected cell still shows its pipe after it, and `fix --decisions` writes the row with its pipes."""
    from tests.review.test_browser import correct

    doc = tmp_path / "table.md"
    doc.write_text(ARTICLE, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    cell = ARTICLE.index("Prices rose")
    correct(browser, cell, "Prices rose in the market.")
    tail = browser.execute_script(
        "var s = document.querySelector('#doc .seg[data-a=\"' + arguments[0] + '\"]');"
        "return [s.classList.contains('corrected'), s.querySelector('.text > .markup.tail').textContent];",
        cell,
    )
    assert tail == [True, " |"], tail
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_text(encoding="utf-8") == ARTICLE.replace(
        "Prices rose ,, in the market.", "Prices rose in the market."
    )
