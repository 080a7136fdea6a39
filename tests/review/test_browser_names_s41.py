"""The review page's "only glossary names and terms" filter (session 41), in real headless Chromium.

Measured in session 41 on our own article of 20 lines of MT phrasing with five misspelt glossary names (the article and
glossary of tests/lsp/test_lsp_severity_s41.py): the detector's minor MTF401 verdicts (one on most lines) bury the names.
With ``n`` from the top the five name cards were findings 1, 2, 6, 9 and 19 of 23; the Category filter's
"Terminology" misses the misspelt surname (MTF302 is Fluency/Spelling) and the Rule filter shows one code at a time;
unticking "needs a human" happens to show the five there (they are its only fixes) but not in general (a doubled word
has a safe fix, a forbidden form none). Now one tick shows the glossary's findings alone (MTF301–MTF307, by the rule catalogue's checker), kept in the
address as the other filters are; unticked, the page is as before.  (Session 42: the box became the Kind filter's
"names and terms", :func:`only_names`; its address ``glossary=1`` still opens it: tests/review/test_browser_kinds_s42.py.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.review.browser_session import clear_local_storage
from tests.review.test_browser import open_report, press, review_and_open

sys.path.insert(0, str(Path(__file__).parents[1] / "lsp"))
from test_lsp_severity_s41 import ARTICLE, ARTICLE_NAMES, NAME_CODES  # noqa: E402

pytestmark = pytest.mark.browser

_CURRENT = ("var c = document.querySelector('#doc .card.cur');"
            "return c ? [c.dataset.fid, c.querySelector('a.code').textContent] : null;")


def only_names(browser, on: bool = True) -> None:
    """Session 41's "only glossary names and terms" box, now the Kind filter's "names and terms" (session 42): one
    click, its "only" button since session 43 (``on`` false: "all kinds")."""
    sel = "#f-kind button.only-kind[data-kind='names']" if on else "#f-kind input[value='']"
    browser.find_element("css selector", sel).click()


def _open(browser, tmp_path: Path) -> Path:
    (tmp_path / "names.tsv").write_text(ARTICLE_NAMES, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return review_and_open(browser, tmp_path, "--glossary", "names.tsv", "a.txt", cwd=tmp_path)


def _walk(browser) -> list[tuple[str, str]]:
    """Press ``n`` from the top until it stops moving: the findings in the order an editor meets them."""
    seen: list[tuple[str, str]] = []
    for _ in range(100):
        press(browser, "n")
        at = browser.execute_script(_CURRENT)
        if at is None or (seen and tuple(at) == seen[-1]):
            break
        seen.append(tuple(at))
    return seen


def _name_places(walk: list[tuple[str, str]]) -> list[int]:
    return [i for i, (_, code) in enumerate(walk, 1) if code in NAME_CODES]


def _screens(browser) -> float:
    """How many window heights down the last name card is (the scrolling an editor reading the page does)."""
    return browser.execute_script(
        "var codes = arguments[0], top = 0; document.querySelectorAll('#doc .card').forEach(function (c) {"
        "  if (codes.indexOf(c.querySelector('a.code').textContent) >= 0)"
        "    top = Math.max(top, c.getBoundingClientRect().top + window.scrollY); });"
        "return Math.round(10 * top / window.innerHeight) / 10;", sorted(NAME_CODES))


def _states(browser) -> dict[str, str]:
    return browser.execute_script(
        "var out = {}; document.querySelectorAll('#doc .card').forEach(function (c) {"
        "  var s = c.querySelector('.state'); out[c.dataset.fid] = [c.querySelector('a.code').textContent,"
        "  s ? s.textContent : '']; }); return out;")


def test_names_are_buried_without_the_filter_and_first_with_it(browser, tmp_path):
    """Unticked (the page as before): the five names are findings 1, 2, 6, 9 and 19 of 23 with ``n``. Ticked (one
    click): they are findings 1 to 5 of 5, and five Shift+A decide them all; the count beside the box says 5 first."""
    report = _open(browser, tmp_path)
    label = browser.find_element("css selector", "#f-kind input[value=names]").find_element("xpath", "./ancestor::label")
    assert label.is_displayed() and " ".join(label.text.split()) == "names and terms 5", label.text
    before = _walk(browser)
    places = _name_places(before)
    assert len(places) == 5 and len(before) > 20 and places[-1] > 15, (places, len(before))
    print(f"before: names at {places} of {len(before)} findings with n; screens to scroll: {_screens(browser)}")
    clear_local_storage(browser)  # afresh (the page keeps where the editor was): opened, the box ticked first
    open_report(browser, report)
    only_names(browser)
    assert browser.find_element("id", "shown-count").text == "5 of 23 findings shown"
    after = _walk(browser)
    assert [code for _, code in after] and _name_places(after) == [1, 2, 3, 4, 5] and len(after) == 5, after
    print(f"after: names at {_name_places(after)} of {len(after)} findings with n; screens to scroll: {_screens(browser)}")
    browser.find_element("id", "f-only").click()  # with "only sentences with findings": the four sentences named
    assert browser.execute_script("return document.querySelectorAll('#doc .seg:not([hidden])').length;") == 4
    print(f"after, with only sentences with findings: screens to scroll: {_screens(browser)}")
    browser.find_element("id", "f-only").click()
    # decide them: back to the first, then Shift+A five times (accept and on to the next)
    press(browser, "p" * 5)
    assert browser.execute_script(_CURRENT)[0] == after[0][0]
    press(browser, "A" * 5)
    states = _states(browser)
    assert all(states[fid][1] == "accepted" for fid, _ in after), states
    assert all(s == "undecided" for code, s in states.values() if code not in NAME_CODES), states
    # unticked again: every finding is shown, the decisions stay
    only_names(browser, False)
    assert browser.find_element("id", "shown-count").text == "23 of 23 findings shown"


def test_what_the_page_offered_before(browser, tmp_path):
    """The filters the page had: Category "Terminology" shows the four MTF301 but not the misspelt surname (MTF302,
    Fluency/Spelling); the Rule filter one of the two codes at a time; the fix facets do not part names from the
    detector's verdicts."""
    from selenium.webdriver.support.ui import Select

    _open(browser, tmp_path)
    Select(browser.find_element("id", "f-category")).select_by_value("Terminology/Inappropriate for context")
    assert browser.find_element("id", "shown-count").text == "4 of 23 findings shown"
    Select(browser.find_element("id", "f-category")).select_by_value("")
    fixes = browser.execute_script(
        "return Array.from(document.querySelectorAll('input[name=fix]')).map(function (c) {"
        "  return c.value + ' ' + c.closest('label').querySelector('.count').textContent; });")
    print(f"fix facets: {fixes}")
    assert [int(x.split()[1]) for x in fixes if x.split()[1] != "0"] != [5], fixes


#: our own: a variant (MTF301, safe fix), a forbidden form (MTF306, no fix), a doubled word (MTF105, safe fix) and the
#: detector's verdicts (MTF401, no fix): the fix facets part these otherwise than by name
MIXED_NAMES = "term\tvariants\ttype\tforbidden\tnote\nKestrel Bay\tKestral Bay\tplace\tKestrel Harbour\tthe port town\n"
MIXED = ("The ferry to Kestral Bay sails at dawn.\n"
         "The the residents of Kestrel Harbour welcomed the line on Tuesday.\n"
         "In the ceremony was participated by many of residents of the region and guests.\n")


def test_names_are_not_the_safe_fixes(browser, tmp_path):
    """In the article above the names happen to be its only safe fixes (unticking "needs a human" shows them too);
    here they are not: unticking "needs a human" shows the doubled word and hides the forbidden form, while the
    glossary box shows the variant and the forbidden form alone."""
    (tmp_path / "names.tsv").write_text(MIXED_NAMES, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MIXED, encoding="utf-8")
    review_and_open(browser, tmp_path, "--glossary", "names.tsv", "b.txt", cwd=tmp_path)

    def shown() -> list[str]:
        return sorted(browser.execute_script(
            "return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {"
            "  return c.querySelector('a.code').textContent; });"))

    assert shown() == ["MTF105", "MTF301", "MTF306", "MTF401", "MTF401", "MTF401"]
    browser.find_element("id", "f-human").click()
    assert shown() == ["MTF105", "MTF301"]
    browser.find_element("id", "f-human").click()
    only_names(browser)
    assert shown() == ["MTF301", "MTF306"]


def test_the_filter_is_kept_in_the_address_and_announced(browser, tmp_path):
    """Ticked, the address says ``kind=names`` (``glossary=1`` until session 42; a reload or a link opens the same
    view) and a screen reader hears which filter is on; a report opened from session 41's address shows the names
    alone."""
    report = _open(browser, tmp_path)
    only_names(browser)
    assert "kind=names" in browser.execute_script("return location.hash;")
    said = browser.find_element("id", "announce").get_attribute("textContent")
    assert said == "5 of 23 findings of this file shown (only names and terms).", said
    browser.get("about:blank")
    open_report(browser, Path(str(report)))
    browser.execute_script("location.hash = '#glossary=1'; location.reload();")
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10).until(
        lambda d: d.find_element("id", "shown-count").text == "5 of 23 findings shown")
    assert browser.find_element("css selector", "#f-kind input[value=names]").is_selected()


def test_no_glossary_no_box(browser, tmp_path):
    """A report without glossary findings does not offer the filter (the Kind filter has no "names")."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    review_and_open(browser, tmp_path, "a.txt", cwd=tmp_path)
    assert not browser.find_elements("css selector", "#f-kind input[value=names]")
