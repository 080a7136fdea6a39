"""The review page as an editor works it, round 7 (session 27), in real headless Chromium: tags in a plain-text
file, Markdown table cells of several sentences, markup around sentences a filter hides."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.review.conftest import OFF, REPO, mtfix
from tests.review.test_browser import _JS_PIECES, _JS_SEGMENT_TEXT, export_download, open_report, review_and_open
from tests.review.test_browser_round3 import fixed_by_mtfix

pytestmark = pytest.mark.browser

#: A plain-text wire story of my own that quotes HTML: tags, an entity, a script and an image whose
#: error handler would run if the page ever read the text as markup.
TAGGED_TEXT = (
    "The minister said that , the the <b>new bridge</b> will open on Monday .\n"
    'See <a href="http://example.com/x?a=1&b=2">the the report</a> for details &amp; more .\n'
    '<script>window.__mtfixPwned = 1; document.title = "pwned";</script> Prices of oilgas rose .\n'
    '<img src=x onerror="window.__mtfixPwned = 2"> The the talks went on .\n'
)

_JS_SAFE = (
    "return [window.__mtfixPwned || null, document.title,"
    " document.querySelectorAll('#doc .textcol b, #doc .textcol a, #doc .quote b, #doc .quote a, #doc img,"
    " #doc script, #desk img, #desk script, #desk a').length];"
)


def _check_text_shown_as_text(browser, text: str) -> None:
    """Every sentence shows the file's characters (tags and all), every finding is underlined at its span,
    and nothing of the text became an element or ran."""
    assert browser.execute_script(_JS_SAFE) == [None, "mtfix review", 0]
    segs = browser.execute_script(_JS_SEGMENT_TEXT)
    assert len(segs) == 4, segs
    for a, b, shown in segs:
        assert shown == text[a:b], (a, b, shown)
    pieces = browser.execute_script(_JS_PIECES)
    cards = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {"
        " return [c.dataset.fid, Number(c.dataset.a), Number(c.dataset.b)]; });")
    assert len(cards) >= 8, cards
    for fid, a, b in cards:
        got = sorted(pieces.get(fid, []))
        assert got, fid
        assert "".join(p[2] for p in got) == text[a:b], (fid, got)


def test_tags_in_a_plain_text_file_are_shown_as_text_and_never_run(browser, tmp_path):
    """A `.txt` file holding `<b>`, `<a href>`, `<script>` and `<img onerror>`: the page shows the tags as the
    text's own characters (escaped, not rendered, not run, not dimmed as markup: plain text has none), every
    finding sits on its characters, "As it will read" and the desk summary show them as text too, and the
    decisions exported write what `mtfix fix` writes."""
    from selenium.webdriver.common.by import By

    from tests.review.test_browser import press

    doc, want = fixed_by_mtfix(tmp_path, "wire.txt", TAGGED_TEXT)
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    _check_text_shown_as_text(browser, TAGGED_TEXT)
    assert browser.execute_script("return document.querySelectorAll('#doc .markup').length") == 0
    browser.find_element(By.ID, "accept-safe").click()
    press(browser, "v")
    reads = browser.execute_script("return document.getElementById('doc').textContent")
    assert "<script>window.__mtfixPwned = 1;" in reads and '<img src=x onerror="window.__mtfixPwned = 2">' in reads
    press(browser, "v")
    press(browser, "s")
    assert "<b>new bridge</b>" in browser.execute_script("return document.getElementById('desk').textContent")
    assert browser.execute_script(_JS_SAFE) == [None, "mtfix review", 0]
    press(browser, "s")
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == want


def test_tags_in_text_from_stdin_are_shown_as_text(browser, tmp_path):
    """The same story piped in (`mtfix review -`): read as plain text, shown as text, nothing runs."""
    report = tmp_path / "report.html"
    r = subprocess.run([sys.executable, "-m", "mtfix", "review", *OFF, "-q", "-", "-o", str(report)],
                       input=TAGGED_TEXT, capture_output=True, text=True, cwd=tmp_path, timeout=300,
                       env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    open_report(browser, report)
    _check_text_shown_as_text(browser, TAGGED_TEXT)


#: A Markdown story of my own whose table stacks cells: a cell of two sentences, a cell with a line break
#: (`<br>`), a row with no pipe before its first cell.
STACKED = (
    "Flood news from the regions .\n"
    "\n"
    "| Town | What happened |\n"
    "|---|---|\n"
    "| Baku | The road was closed. The the bridge reopened on Monday. |\n"
    "| Gəncə | Prices rose ,, in the market.<br>Talks went on . |\n"
    "Şəki | Officials of ministry was met the the mayor. |\n"
    "\n"
    "```text\n"
    "code here\n"
    "```\n"
    "\n"
    "After the table the the text went on.\n"
)

_JS_CELLS = (
    "return Array.from(document.querySelectorAll('#doc .seg')).map(function (s) {"
    "  var t = s.querySelector('.textcol > .text').cloneNode(true);"
    "  t.querySelectorAll('ins, .markup').forEach(function (n) { n.remove(); });"
    "  var said = s.querySelector('.textcol > .sr-only');"
    "  var lines = s.querySelector('.textcol > .markup.lines');"
    "  return [t.textContent, said ? said.textContent : null, s.classList.contains('cell-next'),"
    "          s.classList.contains('para'), lines ? lines.textContent : null]; });"
)


def test_a_table_cell_of_several_sentences_reads_as_one_cell(browser, tmp_path):
    """"| Baku | The road was closed. The the bridge reopened on Monday. |": the cell's first sentence was not
    announced at all and its second was "table row 1, cell 1" (every later row counted again from 1), so a
    screen reader placed half the table wrongly.  Each cell's first sentence now says its row and cell, the
    next sentence of the same cell follows it without a name, and each finding's card names its cell; a `<br>` in a cell is markup (dimmed, hidden from
    a screen reader, its characters kept); the exported decisions write what `mtfix fix` writes."""
    from selenium.webdriver.common.by import By

    doc, want = fixed_by_mtfix(tmp_path, "floods.md", STACKED)
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    rows = browser.execute_script(_JS_CELLS)
    by = {r[0]: r[1:] for r in rows}
    assert by["Town"][:3] == ["table row 1, cell 1: ", False, True], rows
    assert by["What happened"][:3] == ["table row 1, cell 2: ", True, False], rows
    assert by["Baku"][:3] == ["table row 2, cell 1: ", False, True], rows
    assert by["The road was closed."][:3] == ["table row 2, cell 2: ", True, False], rows
    assert by["The the bridge reopened on Monday."][:3] == [None, True, False], rows
    assert by["Gəncə"][:3] == ["table row 3, cell 1: ", False, True], rows
    gence = next(k for k in by if k.startswith("Prices rose"))
    assert by[gence][:3] == ["table row 3, cell 2: ", True, False], rows
    assert by["Şəki"][:3] == ["table row 4, cell 1: ", False, True], rows
    assert by["Officials of ministry was met the the mayor."][:3] == ["table row 4, cell 2: ", True, False], rows
    assert by["After the table the the text went on."][:1] == [None], rows
    said = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .seg .textcol > .sr-only')).map(function (n) {"
        " return n.textContent; });")
    assert said == [f"table row {r}, cell {c}: " for r in (1, 2, 3, 4) for c in (1, 2)], said
    # a finding's card, where `n` takes the focus, names the cell too (the text column's name is not read then)
    names = [c.get_attribute("aria-label") for c in browser.find_elements(By.CSS_SELECTOR, "#doc .card")]
    bridge = [n for n in names if n.startswith("minor MTF105, line 5")]
    assert bridge and all(", table row 2, cell 2: " in n for n in bridge), names
    assert all("table row" not in n for n in names if ", line 1:" in n or ", line 13" in n), names
    br = browser.find_elements(By.CSS_SELECTOR, "#doc .text .markup.br")
    assert [b.get_attribute("textContent") for b in br] == ["<br>"]
    assert br[0].get_attribute("aria-hidden") == "true"
    for a, b, shown in browser.execute_script(_JS_SEGMENT_TEXT):  # the characters stay
        assert shown.replace("|", "").strip() == STACKED[a:b].replace("|", "").strip() or shown == STACKED[a:b]
    browser.find_element(By.ID, "accept-safe").click()
    target = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", target, doc.name, cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert doc.read_bytes() == want


def test_markup_of_sentences_a_filter_hides_goes_with_them(browser, tmp_path):
    """*Only sentences with findings* hid the header row and the code fence's sentence: the table's alignment
    row then showed under no header, and a row's second cell, its first hidden, was drawn indented as if it
    followed a cell.  A sentence shown after hidden ones now starts a line (set apart by a dashed rule), a
    cell so shown starts its row and says where it is, and the markup lines that stood between it and the
    hidden sentence are hidden with that sentence (docs/review.md)."""
    from selenium.webdriver.common.by import By

    (tmp_path / "floods.md").write_text(STACKED, encoding="utf-8")
    review_and_open(browser, tmp_path, "floods.md", cwd=tmp_path)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", browser.find_element(By.ID, "f-only"))
    browser.find_element(By.ID, "f-only").click()
    rows = browser.execute_script(_JS_CELLS)
    texts = [r[0] for r in rows]
    assert "Town" not in texts and "Baku" not in texts and "The road was closed." not in texts, texts
    by = {r[0]: r[1:] for r in rows}
    # the second sentence of Baku's second cell, shown alone: it starts a line and names its cell
    assert by["The the bridge reopened on Monday."] == ["table row 2, cell 2, continued: ", False, True, None], rows
    # the alignment row went with the hidden header; the code fence, between two sentences shown, stays
    assert [r[4] for r in rows if r[4]] == ["```text\ncode here\n```"], rows
    gaps = browser.execute_script("return Array.from(document.querySelectorAll('#doc .seg.gap')).length")
    assert gaps >= 1
    browser.find_element(By.ID, "f-only").click()
    rows = browser.execute_script(_JS_CELLS)
    by = {r[0]: r[1:] for r in rows}
    assert by["Baku"][3] == "|---|---|" and by["After the table the the text went on."][3] == "```text\ncode here\n```"
    assert browser.execute_script("return document.querySelectorAll('#doc .seg.gap').length") == 0
