"""The review page's Kind filter (session 42), in real headless Chromium.

One notion of what an editor does with a finding (:class:`mtfix.model.FindingKind`, shared with the language server's
``diagnostic-severity`` keys): names and terms (the glossary's), the detector's sentence verdicts (MTF401), rule
findings with a safe fix, rule findings to judge.  Session 41's "only glossary names and terms" box is its "names";
its address (``glossary=1``) still opens it.  Measured here: the fewest filter steps (a box ticked or unticked, a
list's choice, a radio button) that show exactly one kind's findings, by trying every setting of the page's filters
of up to :data:`MAX_STEPS` steps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.review.test_browser import open_report, press, review_and_open

pytestmark = pytest.mark.browser

#: our own: a variant and a forbidden form (names), a doubled word and a space before a comma (safe fixes), a word
#: coordinated with itself (an unsafe fix) and a verbless headline (a sign, no fix) (to judge), the detector's
#: verdicts on six sentences
NAMES = "term\tvariants\ttype\tforbidden\tnote\nKestrel Bay\tKestral Bay\tplace\tKestrel Harbour\tthe port town\n"
TEXT = ("The ferry to Kestral Bay sails at dawn.\n"
        "The the residents of Kestrel Harbour welcomed the line on Tuesday.\n"
        "In the ceremony was participated by many of residents of the region and guests.\n"
        "The harbour master thanked the crews for their care and care during the storm.\n"
        "The tides were high , and the pier stayed shut until noon.\n"
        "Increase of the prices for the bread in the region of the north.\n")
#: each kind's findings, by code, as this text is checked (grammar off)
KINDS = {"names": Counter({"MTF301": 1, "MTF306": 1}), "verdicts": Counter({"MTF401": 6}),
         "safe-fixes": Counter({"MTF105": 1, "MTF111": 1}), "to-judge": Counter({"MTF116": 1, "MTF402": 1})}
MAX_STEPS = 3

_SHOWN = ("return Array.from(document.querySelectorAll('#doc .card')).map(function (c) {"
          "  return c.querySelector('a.code').textContent; });")

def _search_script() -> str:
    """Every setting of the page's filters of up to ``arguments[1]`` steps (a box toggled, a list's choice, a radio
    button, a button clicked; the page's own controls, whatever it offers), fewest first, until the cards shown are ``arguments[0]``
    (codes with their counts): the steps, or null."""
    return """
var want = arguments[0], most = arguments[1];
var boxes = Array.from(document.querySelectorAll('#filters input[type=checkbox]')).filter(function (c) {
  return c.id !== 'f-only' && !c.closest('label').hidden; });
var selects = Array.from(document.querySelectorAll('#filters select'));
var radios = Array.from(document.querySelectorAll('#filters input[type=radio]'));
var buttons = Array.from(document.querySelectorAll('#filters button'));
var moves = [];
/* a button (session 43's "only") sets the filter whole: tried before the boxes it may be followed by */
buttons.forEach(function (b, i) { moves.push(['u' + i, function () { b.click(); }, 'button ' + b.getAttribute('aria-label')]); });
boxes.forEach(function (c, i) { moves.push(['b' + i, function () { c.checked = !c.checked; }, (c.name || c.id) + ':' + c.value + (c.checked ? ' off' : ' on')]); });
selects.forEach(function (s, i) { Array.from(s.options).forEach(function (o) { if (!o.defaultSelected && o.value)
  moves.push(['s' + i, function () { s.value = o.value; }, s.id + '=' + o.value]); }); });
radios.forEach(function (r) { if (!r.defaultChecked)
  moves.push(['r' + r.name, function () { r.checked = true; }, r.name + '=' + r.value]); });
function reset() {
  boxes.forEach(function (c) { c.checked = c.defaultChecked; });
  selects.forEach(function (s) { s.value = ''; });
  radios.forEach(function (r) { r.checked = r.defaultChecked; });
}
function matches() {
  (boxes[0] || selects[0]).dispatchEvent(new Event('change'));
  var got = {};
  document.querySelectorAll('#doc .card a.code').forEach(function (a) { got[a.textContent] = (got[a.textContent] || 0) + 1; });
  var ks = Object.keys(got), kw = Object.keys(want);
  return ks.length === kw.length && kw.every(function (k) { return got[k] === want[k]; });
}
var found = null;
function go(from, chosen, groups, left) {
  if (found) return;
  if (left === 0) {
    reset(); chosen.forEach(function (m) { m[1](); });
    if (matches()) found = chosen.map(function (m) { return m[2]; });
    return;
  }
  for (var i = from; i < moves.length && !found; i++) {
    if (groups.indexOf(moves[i][0]) >= 0) continue;
    go(i + 1, chosen.concat([moves[i]]), groups.concat([moves[i][0]]), left - 1);
  }
}
for (var n = 1; n <= most && !found; n++) go(0, [], [], n);
reset(); (boxes[0] || selects[0]).dispatchEvent(new Event('change'));
return found;
"""


def _open(browser, tmp_path: Path) -> Path:
    (tmp_path / "names.tsv").write_text(NAMES, encoding="utf-8")
    (tmp_path / "mixed.txt").write_text(TEXT, encoding="utf-8")
    return review_and_open(browser, tmp_path, "--glossary", "names.tsv", "mixed.txt", cwd=tmp_path)


def test_the_fewest_steps_to_each_kind(browser, tmp_path):
    """Every kind is one step away (one radio button), where session 41's page reached the names in one step (its
    box), the verdicts in one (Rule MTF401, one code here) and neither the safe rule fixes (the names' safe fix
    comes with them) nor the findings to judge (an unsafe fix and a sign with none) in up to three."""
    _open(browser, tmp_path)
    assert Counter(browser.execute_script(_SHOWN)) == sum(KINDS.values(), Counter())
    steps = {kind: browser.execute_script(_search_script(), dict(want), MAX_STEPS) for kind, want in KINDS.items()}
    print("steps to each kind:", {k: (len(v) if v else f"> {MAX_STEPS}", v) for k, v in steps.items()})
    assert {k: len(v) if v else None for k, v in steps.items()} == dict.fromkeys(KINDS, 1), steps


def test_each_kind_shows_its_findings_with_counts_keys_and_announcement(browser, tmp_path):
    """Each radio button shows its kind's findings alone, its count said beside it; ``n`` walks them (a radio button
    takes no letters); a screen reader hears the kind; "all kinds" shows every finding again."""
    _open(browser, tmp_path)
    counts = browser.execute_script(
        "var out = {}; document.querySelectorAll('#f-kind input').forEach(function (c) {"
        "  out[c.value] = c.closest('label').querySelector('.count').textContent; }); return out;")
    assert counts == {"": "12", **{k: str(sum(v.values())) for k, v in KINDS.items()}}, counts
    titles = {"names": "names and terms", "verdicts": "sentence verdicts", "safe-fixes": "rule findings with a safe fix",
              "to-judge": "rule findings to judge"}
    for kind, want in KINDS.items():
        browser.find_element("css selector", f"#f-kind button.only-kind[data-kind='{kind}']").click()  # session 43
        assert Counter(browser.execute_script(_SHOWN)) == want, kind
        n = sum(want.values())
        said = browser.find_element("id", "announce").get_attribute("textContent")
        assert said == f"{n} of 12 findings of this file shown (only {titles[kind]}).", said
        assert f"kind={kind}" in browser.execute_script("return location.hash;")
        press(browser, "p" * 12)  # to its first finding, wherever the editor was
        walked = []
        for _ in range(n):
            walked.append(browser.execute_script(
                "var c = document.querySelector('#doc .card.cur'); return c && c.dataset.fid;"))
            press(browser, "n")
        codes = browser.execute_script(
            "var out = {}; document.querySelectorAll('#doc .card').forEach(function (c) {"
            "  out[c.dataset.fid] = c.querySelector('a.code').textContent; }); return out;")
        walked = [codes[fid] for fid in dict.fromkeys(walked)]
        assert Counter(walked) == want, (kind, walked)
    browser.find_element("css selector", "#f-kind input[value='']").click()
    assert len(browser.execute_script(_SHOWN)) == 12
    assert "kind=" not in browser.execute_script("return location.hash;")


def test_addresses_open_a_kind_and_session_41s_address_the_names(browser, tmp_path):
    """``#kind=to-judge`` opens the page on the findings to judge; session 41's ``#glossary=1`` on the names; a kind
    the report does not hold is left (all kinds)."""
    from selenium.webdriver.support.ui import WebDriverWait

    report = _open(browser, tmp_path)
    for hash_, want in (("#kind=to-judge", KINDS["to-judge"]), ("#glossary=1", KINDS["names"]),
                        ("#kind=nonsense", sum(KINDS.values(), Counter()))):
        browser.get("about:blank")
        open_report(browser, Path(str(report)))
        browser.execute_script(f"location.hash = '{hash_}'; location.reload();")
        WebDriverWait(browser, 10).until(
            lambda d, w=want: Counter(d.execute_script(_SHOWN)) == w)
