"""The review page as editors use it, round 20 (session 37), in real headless Chromium: a glossary's finding shows
the entry it enforces (term, variants, note, which glossary and line), so an editor sees why a name is changed; a
CRLF file with emoji and Azerbaijani letters decided, post-edited and exported (a pin)."""

from __future__ import annotations

import pytest

from tests.review.test_browser import card, review_and_open

pytestmark = pytest.mark.browser

#: our own example: a minister's name misspelt by MT, the glossary with a note for the editor
TEXT = "The talks with Zeyhun Bayramov went on until late.\n"
GLOSSARY = "term\tvariants\tnote\nJeyhun Bayramov\tCeyhun Bayramov|Zeyhun Bayramov\tthe minister: spelt as his press office does\n"


def test_a_glossary_finding_shows_its_entry_and_glossary(browser, tmp_path):
    """The card said "'Zeyhun Bayramov' should read 'Jeyhun Bayramov' (glossary)" and no more: which glossary (the
    editor's or one built in), which entry, and its note were nowhere in the page. Now the card shows them; other
    findings show no entry."""
    (tmp_path / "names.tsv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    review_and_open(browser, tmp_path, "--glossary", "names.tsv", "story.txt", cwd=tmp_path)
    c = card(browser, "MTF301", TEXT.index("Zeyhun"))
    entry = browser.execute_script("var g = arguments[0].querySelector('.gloss'); return g ? g.textContent : null;", c)
    assert entry is not None, "no glossary entry on the card"
    assert "Jeyhun Bayramov" in entry and "Zeyhun Bayramov" in entry, entry
    assert "names.tsv, line 2" in entry, entry
    assert "Note: the minister: spelt as his press office does" in entry, entry
    visible = browser.execute_script("var g = arguments[0].querySelector('.gloss'); return g.offsetHeight > 0;", c)
    assert visible
    others = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .card')).filter(function (c) {"
        "  return c.querySelector('a.code').textContent !== 'MTF301' && c.querySelector('.gloss'); }).length;")
    assert others == 0


EMOJI = ("Talks 🙂 in Gəncə went on ,and the the delegation left.\r\n"
         "🇦🇿 Mayor Ağdaşlı 👍🏽 said that oilgas prices rose .\r\n")


def test_emoji_azerbaijani_letters_and_crlf_accepted_post_edited_exported(browser, tmp_path):
    """A pin (passes on base): a CRLF file with emoji outside the BMP (a flag, a skin tone) and Azerbaijani letters
    before its findings; *Accept safe edits*, a sentence post-edited around its emoji, exported: ``fix --decisions``
    writes the accepted edits and the correction at their places, the line ends kept."""
    from selenium.webdriver.common.by import By

    from tests.review.conftest import OFF, mtfix
    from tests.review.test_browser import click, correct, export_download

    doc = tmp_path / "n.txt"
    doc.write_bytes(EMOJI.encode("utf-8"))
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    click(browser, browser.find_element(By.ID, "accept-safe"))
    second = len(EMOJI.split("\r\n")[0]) + 2  # code points: the page's offsets
    correct(browser, second, "🇦🇿 Mayor Ağdaşlı 👍🏽 said that oil and gas prices went up.")
    exported = export_download(browser, tmp_path)
    r = mtfix("fix", *OFF, "--decisions", exported, doc.name, "-o", tmp_path / "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert (tmp_path / "out" / doc.name).read_bytes().decode("utf-8") == (
        "Talks 🙂 in Ganja went on, and the delegation left.\r\n"
        "🇦🇿 Mayor Ağdaşlı 👍🏽 said that oil and gas prices went up.\r\n")
