"""The review page as a demanding editor works it, round 5 (session 25), in real headless Chromium."""

from __future__ import annotations

import pytest

from tests.review.test_browser import review_and_open
from tests.review.test_browser_round3 import accept_safe_edits_and_export, fixed_by_mtfix

pytestmark = pytest.mark.browser

#: An article whose third line needs more passes than `fix` makes: MTF102 takes one comma of "said that ,," a
#: pass (under an unsafe MTF106 over the sentence), so after four passes the first "that," keeps its comma and
#: `fix` says it stopped.  The other lines need two passes ("said that , the": the space, then the comma).
STUCK = (
    "The mayor said that , the bridge 😀 over the river was closed on Monday.\r\n"
    "Prices of fuel rose ,, and the ferry (מעבורת) stopped for the night.\r\n"
    "The minister said that ,, the talks said that ,, the vote said that ,, the plan would go ahead.\r\n"
    "Later the ferry stopped for the night.\r\n"
)


def test_a_file_where_fix_hits_its_pass_limit_still_reads_as_fix_writes_it(browser, tmp_path):
    """One sentence that needs a fifth pass cost the whole file its later passes' edits: *Accept safe edits*,
    *As it will read* and the export gave "said that, the bridge" and "rose,, and" on the other lines (and
    "said that,, the" three times), where `mtfix fix` writes "said that the bridge" and "rose, and".  Now the
    page proposes what `fix`'s passes applied, as for a text it finishes, and says where `fix` stopped, with
    the rule still firing, so that the editor reads that sentence."""
    from selenium.webdriver.common.by import By

    doc, want = fixed_by_mtfix(tmp_path, "stuck.txt", STUCK)
    assert b"said that the bridge" in want and b"rose, and" in want, want
    assert b"The minister said that, the talks said that the vote" in want, want  # where the passes ran out
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    accept_safe_edits_and_export(browser, tmp_path, doc, want)
    notes = browser.find_element(By.CSS_SELECTOR, ".summary .notes").text
    assert "line 3" in notes and "MTF102" in notes and "stopped after 4 passes" in notes, notes
