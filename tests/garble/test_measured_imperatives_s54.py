"""misreads-25 (session 54): an imperative step measured out by a count of units, whose verb the tagger read as a
noun, a name or an adjective ("Work 6 rows in rib, then cast off.", "Knit to the last 2 stitches.", session 53's
notes): read as an imperative, no MTF402.  The verb by the morphology ``structural_signs.misread_imperative`` asks
(its "-ing" form or regular past an everyday word), then a number in figures and a plural noun, right after it or
behind "to", "for" or "until" and at most "the last/first/next" (right after it, no "of" after the plural).  MT's multipliers and
shares ("Increase 2 times ...", "Growth 5 percent ...") and its headings of a quantity of something ("Record 12
degrees of the frost ...") keep MTF402.  Not read (the morphology's word list): "Purl", "Simmer", "Topstitch".  Our own sentences of both kinds."""

from __future__ import annotations

import pytest

from tests.precision.genre_lines import codes

#: Clean steps of our own: knitting, sewing, cooking and workshop instructions measured out by a count.
_CLEAN = [
    "Work 6 rows in rib on the smaller needles, then cast off.",
    "Work 4 rows in garter stitch and cast off loosely.",
    "Knit 2 rows and change to the contrast yarn.",
    "Knit to the last 4 stitches of the first row.",
    "Knit to the last 3 stitches of the sleeve, then turn.",
    "Rest for 20 minutes at room temperature before serving.",
    "Rest for 10 minutes on the board before slicing.",
    "Knit for 8 rows in the main colour of the hat.",
]


@pytest.mark.parametrize("text", _CLEAN)
def test_a_measured_imperative_is_not_verbless(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


#: MT-like verbless lines of our own: a noun first (some of them verbs too), then a count, a multiplier or a share.
_MT_VERBLESS = [
    "Increase 2 times of the prices of the bread in the capital.",
    "Growth 5 percent of the export of the grain to the neighbours.",
    "Export 3 million tons of the oil in the first quarter.",
    "Meeting 5 members of the commission of the parliament on the budget.",
    "Record 12 degrees of the frost in the north of the country.",
    "Support for the 3 schools of the region from the ministry.",
]


@pytest.mark.parametrize("text", _MT_VERBLESS)
def test_mt_verbless_lines_keep_mtf402(pipeline, text):
    assert "MTF402" in codes(pipeline, text)
