"""The review page's Kind filter shows several kinds at once (session 43), in real headless Chromium.

Session 42's Kind filter was radio buttons: one kind at a time, so names and the rule findings with a safe fix could
not be shown together (an editor putting right names and small slips in one pass).  Now each kind is a box (all ticked
as the page opens; "all kinds" ticks or unticks every one, half-ticked when some are) with an "only" button beside it:
one step to any single kind, as before, and a second step adds another.  The address writes the kinds ticked
(``kind=names,safe-fixes``); session 42's ``kind=to-judge`` and session 41's ``glossary=1`` keep their meaning."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.review.test_browser import open_report, press
from tests.review.test_browser_kinds_s42 import _SHOWN, KINDS, MAX_STEPS, _open, _search_script

pytestmark = pytest.mark.browser

NAMES_AND_SAFE = KINDS["names"] + KINDS["safe-fixes"]


def _hash(browser) -> str:
    return browser.execute_script("return location.hash;")


def _said(browser) -> str:
    return browser.find_element("id", "announce").get_attribute("textContent")


def test_names_and_safe_fixes_together_in_two_steps_each_kind_still_in_one(browser, tmp_path):
    """The fewest steps (every setting of the page's own filters tried, up to three) to names and safe fixes
    together: two ("only names and terms", then tick the safe fixes); session 42's page: none in three (its radio
    buttons show one kind, and no other filter of the page picks exactly those four findings).  Each kind alone is
    still one step."""
    _open(browser, tmp_path)
    together = browser.execute_script(_search_script(), dict(NAMES_AND_SAFE), MAX_STEPS)
    alone = {kind: browser.execute_script(_search_script(), dict(want), MAX_STEPS) for kind, want in KINDS.items()}
    print(f"names + safe fixes: {len(together) if together else f'> {MAX_STEPS}'} steps {together}; "
          f"each kind: { {k: len(v) if v else None for k, v in alone.items()} }")
    assert together is not None and len(together) == 2, together
    assert {k: len(v) if v else None for k, v in alone.items()} == dict.fromkeys(KINDS, 1), alone


def test_only_then_a_box_shows_both_walks_them_and_says_so(browser, tmp_path):
    """Real clicks: "only" on names and terms, then the safe-fix box: the four findings, ``n`` walks all four and
    nothing else, a screen reader hears both kinds, the address says both and "all kinds" is half-ticked; "all
    kinds" shows all 12 again (ticked, the address clean), and unticked shows none."""
    _open(browser, tmp_path)
    browser.find_element("css selector", "#f-kind button.only-kind[data-kind='names']").click()
    assert Counter(browser.execute_script(_SHOWN)) == KINDS["names"]
    browser.find_element("css selector", "#f-kind input[value='safe-fixes']").click()
    assert Counter(browser.execute_script(_SHOWN)) == NAMES_AND_SAFE
    assert _said(browser) == ("4 of 12 findings of this file shown "
                              "(only names and terms and rule findings with a safe fix).")
    assert "kind=names%2Csafe-fixes" in _hash(browser) or "kind=names,safe-fixes" in _hash(browser), _hash(browser)
    everything = browser.find_element("css selector", "#f-kind input[value='']")
    assert browser.execute_script("return arguments[0].indeterminate && !arguments[0].checked;", everything)
    press(browser, "p" * 12)
    walked = []
    for _ in range(6):
        walked.append(browser.execute_script(
            "var c = document.querySelector('#doc .card.cur'); return c && c.querySelector('a.code').textContent;"))
        press(browser, "n")
    assert Counter(walked[:4]) == NAMES_AND_SAFE and set(walked) <= set(NAMES_AND_SAFE), walked
    everything.click()
    assert len(browser.execute_script(_SHOWN)) == 12 and everything.is_selected()
    assert "kind=" not in _hash(browser)
    assert all(c.is_selected() for c in browser.find_elements("css selector", "#f-kind input[name=kind]"))
    everything.click()
    assert browser.execute_script(_SHOWN) == [] and "kind=none" in _hash(browser)
    assert "no kind" in _said(browser), _said(browser)


def test_addresses_old_and_new(browser, tmp_path):
    """``#kind=names,safe-fixes`` opens both kinds; session 42's ``#kind=to-judge`` one; session 41's
    ``#glossary=1`` the names; a kind the report does not hold is left out (``names,nonsense``: the names), and an
    address of none of its kinds is left (all kinds)."""
    from selenium.webdriver.support.ui import WebDriverWait

    report = _open(browser, tmp_path)
    every = sum(KINDS.values(), Counter())
    for hash_, want in (("#kind=names,safe-fixes", NAMES_AND_SAFE), ("#kind=names%2Csafe-fixes", NAMES_AND_SAFE),
                        ("#kind=to-judge", KINDS["to-judge"]), ("#glossary=1", KINDS["names"]),
                        ("#kind=names,nonsense", KINDS["names"]), ("#kind=nonsense", every)):
        browser.get("about:blank")
        open_report(browser, Path(str(report)))
        browser.execute_script(f"location.hash = '{hash_}'; location.reload();")
        WebDriverWait(browser, 10).until(lambda d, w=want: Counter(d.execute_script(_SHOWN)) == w)
