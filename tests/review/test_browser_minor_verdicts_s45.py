"""The detector's minor verdicts on the review page (session 45), in real headless Chromium.

On the 30 KB article of our own (``bench/editor_article.py``) the detector has a minor MTF401 on most sentences, each
scoring 90 or more, and the page underlined each like any finding with no fix (a wavy line) and advised "judge the
whole sentence". Measured in session 45 (``bench/detector_minors.py``), the minor verdict lands on 65-72 % of
professional translations and post-edits as on 71-73 % of real MT. Now the words only a minor verdict covers are
underlined dotted (``.u.suspicion``, the language server's Hint) and its card says it is a suspicion only; a major
verdict and every other finding are drawn as before. The findings, their counts and the filters are unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.review.test_browser import review_and_open

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from editor_article import article, garbled_article  # noqa: E402

pytestmark = pytest.mark.browser

#: per mark on the page: its classes, and the codes and severities of the findings under it
_MARKS = """
return Array.from(document.querySelectorAll('#doc .u:not(.caret)')).map(function (u) {
  return [u.className, u.title, getComputedStyle(u).textDecorationStyle]; });
"""

_CARDS = """
return Array.from(document.querySelectorAll('#doc .card')).filter(function (c) {
  return c.querySelector('a.code').textContent === 'MTF401'; }).map(function (c) {
  return [c.querySelector('.sev').textContent, c.querySelector('.advice').textContent]; });
"""


def _render_all(browser) -> None:
    """Scroll to the end until no more sentences are drawn (the page draws its rows in chunks as one scrolls)."""
    import time

    seen, still = -1, 0
    while still < 5:
        browser.execute_script("window.scrollTo(0, document.body.scrollHeight);")
        time.sleep(0.2)
        n = browser.execute_script("return document.querySelectorAll('#doc .card').length;")
        still, seen = (still + 1, seen) if n == seen else (0, n)


def _marks(browser) -> dict[str, int]:
    _render_all(browser)
    got = browser.execute_script(_MARKS)
    counts: dict[str, int] = {}
    for cls, title, style in got:
        lines = title.split("\n")
        only_minor_verdicts = all(t.startswith("MTF401: ") for t in lines) and "sev-minor" in cls
        if "suspicion" in cls:
            assert only_minor_verdicts and style == "dotted", (cls, title, style)
        else:
            assert not only_minor_verdicts, (cls, title)
        key = ("dotted " if "suspicion" in cls else "") + next(c for c in cls.split() if c.startswith("sev-"))
        counts[key] = counts.get(key, 0) + 1
    return counts


@pytest.mark.parametrize("which", ["clean", "garbled"])
def test_minor_verdicts_are_dotted_and_their_cards_say_suspicion(browser, tmp_path, which):
    """Each mark that only minor verdicts cover is dotted and every other is not; the clean article's verdict marks
    are all dotted; each minor verdict's card says "a suspicion only", each major one's does not."""
    text = article() if which == "clean" else garbled_article()
    (tmp_path / "article.md").write_text(text, encoding="utf-8")
    review_and_open(browser, tmp_path, "article.md", cwd=tmp_path)
    counts = _marks(browser)
    print(which, "marks:", counts)
    cards = browser.execute_script(_CARDS)
    print(which, "verdict cards:", len(cards))
    assert counts.get("dotted sev-minor", 0) >= 100 and cards, counts
    for sev, advice in cards:
        assert ("a suspicion only" in advice) == (sev == "minor"), (sev, advice)
        assert "judge the whole sentence" in advice
    if which == "clean":
        assert {sev for sev, _ in cards} == {"minor"}
        assert counts.get("sev-minor", 0) < 60, counts  # the slips' marks, not three sentences in four
    else:
        assert "major" in {sev for sev, _ in cards} and counts.get("sev-major", 0) > 0, counts
