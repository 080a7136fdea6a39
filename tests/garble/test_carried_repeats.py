"""The repeated nouns the analysis records as it counts them (``Analysis.nouns``, session 34) are the ones a fresh scan
of its tokens finds (:func:`mtfix.garble.misreads.scan_nouns`): ``ordinary_repeat`` reads the record instead of
scanning the sentence again, and must judge every sentence as before."""

from __future__ import annotations

import pytest

from mtfix.garble import misreads
from mtfix.garble.checker import detector
from mtfix.garble.signs import Analysis

SENTENCES = [
    "Save the report as a text file and send the report to the office.",
    "The storm came to the coast, and the storm stayed on the coast.",
    "The development of economy and development of culture were discussed.",
    "Where the Customer is a consumer, the rights of the Customer are not affected.",  # a defined term: no repeat
    "Where the customer is a consumer, the rights of the customer are not affected.",  # lower case: a repeat
    "Market prices rose while the market of the town and the Market Hall stayed closed.",  # case variants
    "The re\u00adport of the council and the report of the mayor were read.",  # a soft hyphen: offsets mapped
    "The bridge was built in 1968 and the bridge, the BRIDGE and the bridges are old.",  # capitals, a plural
    "We compared our list with his list before the meeting started.",
    "Officials said the talks would resume on Monday.",  # no repeat
    "Yes.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_recorded_nouns_are_a_fresh_scans(text: str) -> None:
    a = detector().analyse(text)
    assert a.nouns is not None
    assert a.nouns == misreads.scan_nouns(a)
    fresh = {w: p for w, p in misreads.scan_nouns(a).items() if len(p) > 1}
    assert misreads._repeats(a) == fresh
    # the count the detector reads is the record's
    words = max(sum(1 for g in a.tags if g[0].isalpha() or g == "CD"), 1)
    assert a.dense.get("repeated_nouns", 0.0) == sum(len(p) - 1 for p in fresh.values()) / words


def test_a_repeat_is_recorded_with_every_place() -> None:
    a = detector().analyse("The storm came to the coast, and the storm stayed on the coast.")
    assert {w: [a.tokens[i].text for i in p] for w, p in misreads._repeats(a).items()} == \
        {"storm": ["storm", "storm"], "coast": ["coast", "coast"]}


def test_an_analysis_without_the_record_is_scanned() -> None:
    """An analysis made without the record (a test's own, an older object) is judged from its tokens, as before."""
    text = "The storm came to the coast, and the storm stayed on the coast."
    a = detector().analyse(text)
    bare = Analysis(a.tokens, a.tags, a.signs, a.dense, a.hashed, a.worst)
    assert bare.nouns is None
    assert misreads._repeats(bare) == misreads._repeats(a)
    assert misreads.ordinary_repeat(bare) is misreads.ordinary_repeat(a) is True
