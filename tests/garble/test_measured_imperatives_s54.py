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
    # the review of misreads-25: a count of people or things is no unit a step is measured in
    "Lack 150 nurses in the hospitals of the province this winter.",
    "Decline 30 visitors for the last 2 weeks in the museum of the town.",
    "Shortage 12 buses on the routes of the city since the spring.",
    "Rise 15 points in the index of prices on bread and milk.",
    "Drop 4 places in the world ranking of the universities.",
    "Release 3 hostages from the captivity in the north of the country.",
    "Delay 2 hours in the flights from the capital because of the fog.",
    "Import 40 tractors from abroad for the farmers of the region.",
]


def test_a_repeated_noun_in_an_mt_heading_keeps_its_major(pipeline):
    # the review of misreads-25: read as an instruction, the heading's repeated noun no longer counted (major → minor)
    found = pipeline.check("Rise 15 points in the prices of bread and rise in the prices of milk in the region.\n")
    assert any(f.code == "MTF401" and f.severity.name.lower() == "major" for f in found.findings)


@pytest.mark.parametrize("text", _MT_VERBLESS)
def test_mt_verbless_lines_keep_mtf402(pipeline, text):
    assert "MTF402" in codes(pipeline, text)
