"""The review page as editors use it, round 23 (session 40), in real headless Chromium: a glossary name's "Accept all"
accepts that name's fix at its places, not every name fix of the file."""

from __future__ import annotations

import pytest

from tests.review.test_browser import review_and_open, toast

pytestmark = pytest.mark.browser

#: our own glossary and article: a port town misspelt three times, a governor misspelt once, a doubled word twice
NAMES = ("term\tvariants\ttype\tnote\n"
         "Kestrel Bay\tKestral Bay\tplace\tthe port town\n"
         "Selim Vardanov\tSelim Vardanow\tperson\tthe governor\n")
ARTICLE = ("Governor Selim Vardanow opened the ferry line to Kestral Bay on Tuesday.\n"
           "The the residents of Kestral Bay welcomed the line.\n"
           "The ferry will sail from Kestral Bay twice a day, said the the governor.\n")


def _rule_alls(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#doc button.rule-all')).map(function (b) { return b.textContent; });")


def _decided(driver) -> dict[str, str]:
    """Each card's rule and marked words → the state its row says ("accepted", "undecided", …)."""
    return driver.execute_script(
        "var out = {}; document.querySelectorAll('#doc .card').forEach(function (c) {"
        "  var s = c.querySelector('.state'); if (!s) return;"
        "  out[c.querySelector('a.code').textContent + ' ' + c.dataset.a] = s.textContent; }); return out;")


def test_a_names_accept_all_accepts_that_names_fix_only(browser, tmp_path):
    """Before: each glossary name card offered "Accept all 4 safe MTF301", which also accepted the governor's fix
    (another name, on another card, unseen) where the editor meant the town's three places. Now the button names the
    fix, "Accept all 3 safe MTF301 ‘Kestral Bay’ → ‘Kestrel Bay’", and accepts those three alone; the governor's one
    place has no such button; another rule's button is as before."""
    (tmp_path / "names.tsv").write_text(NAMES, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    review_and_open(browser, tmp_path, "--glossary", "names.tsv", "a.txt", cwd=tmp_path)
    town = "Accept all 3 safe MTF301 \u2018Kestral Bay\u2019 \u2192 \u2018Kestrel Bay\u2019"
    alls = _rule_alls(browser)
    assert alls.count(town) == 3, alls
    assert "Accept all 2 safe MTF105" in alls and not any(a.startswith("Accept all 4") for a in alls), alls
    button = next(b for b in browser.find_elements("css selector", "#doc button.rule-all") if b.text == town)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()
    assert toast(browser).startswith("Accepted 3 safe MTF301 \u2018Kestral Bay\u2019 \u2192 \u2018Kestrel Bay\u2019 edits"), \
        toast(browser)
    states = _decided(browser)
    governor = str(ARTICLE.index("Selim Vardanow"))  # the finding's start (its card's)
    names = {k: v for k, v in states.items() if k.startswith("MTF301")}
    assert sorted(v for k, v in names.items() if not k.endswith(" " + governor)) == ["accepted"] * 3, states
    assert len(names) == 4 and names["MTF301 " + governor] == "undecided", states
    assert "All safe MTF301 \u2018Kestral Bay\u2019 \u2192 \u2018Kestrel Bay\u2019 decided" in _rule_alls(browser)
