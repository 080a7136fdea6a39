"""A finite verb after a noun phrase in apposition between commas (session 48, misreads-23, our own examples).

"The dam, the region's largest, holds ..." gave MTF402 "no main verb" and a minor MTF401 at base: the tagger reads
an "-s" present after the appositive's closing comma as a plural noun, and the session 43 reading
(``_after_apposition``) took only a parenthetical opened by a participle, an adverb or a preposition.  Now a
determined noun phrase in apposition to the opening noun phrase counts too
(:func:`mtfix.garble.finite_misreads._noun_apposition`).  MT's verbless chains of the same outward shape (a subject
that is a preposition's object, three commas) keep the sign and MTF402; tables, lists, headlines, quotes and code
with an appositive are neither edited nor major."""

from __future__ import annotations

import pytest

from mtfix.garble import misreads
from mtfix.garble.finite_misreads import _noun_apposition
from tests.precision.genre_lines import assert_untouched, codes, majors, no_finite

_READ = [
    "The steel plant, Ohio's third largest, employs about 3,000 workers.",
    "The harbour, the country's busiest, handles about 9 million tonnes a year.",
    "The refinery, the state's biggest, processes about 200,000 barrels a day.",
    "The clinic, the district's main hospital, treats about 80 patients a day.",
    "The plant, a joint venture, exports about half its output to Asia.",
    "The quarry, the county's largest, supplies about a third of the gravel.",
    "The reservoir, the valley's main supply, stores about 90 million litres.",
    "The mine, the company's largest asset, produces about 5 tonnes of gold a year.",
]


@pytest.mark.parametrize("text", _READ)
def test_a_verb_after_a_noun_apposition_is_read(pipeline, text):
    assert no_finite(text) == (True, False)  # the analysis misses the verb; the checker reads it
    assert "MTF402" not in codes(pipeline, text) and majors(pipeline, text) == []


#: MT-like verbless sentences of our own with commas around a noun phrase: the subject is a preposition's object,
#: or the commas make a list of three.
_MT_VERBLESS = [
    "Cooperation in economy, the region's trade, visits of the delegations.",
    "Development of tourism, the country's priority, plans for the next year.",
    "The president, the minister, the ambassador, visits to the capital.",
    "The meeting of the sides, the ministry's proposals, plans for the energy.",
    "Strengthening of the ties, a main direction, results of the visit in the region.",
]


@pytest.mark.parametrize("text", _MT_VERBLESS)
def test_mt_verbless_chains_keep_their_sign(pipeline, text):
    assert no_finite(text) == (True, True)
    assert "MTF402" in codes(pipeline, text)


def test_the_apposition_shape():
    # tags of "The dam , the region 's largest , holds": commas at 2 and 7
    tags = ["DT", "NN", ",", "DT", "NN", "POS", "JJS", ",", "NNS"]
    assert _noun_apposition(tags, 2, 7)
    assert not _noun_apposition(["NN", ",", "NN", "NN", ",", "NNS"], 1, 4)  # bare nouns: a list, no determiner
    assert not _noun_apposition(["NN", "IN", "NN", ",", "DT", "NN", ",", "NNS"], 3, 6)  # a preposition's object
    long_phrase = ["DT", "NN", ",", "DT", "JJ", "JJ", "JJ", "NN", "NN", "NN", ",", "NNS"]
    assert not _noun_apposition(long_phrase, 2, 10)  # seven words: longer than an appositive the rule reads
    assert not _noun_apposition(["DT", "NN", ",", ",", "NNS"], 2, 3)  # nothing between the commas


def test_formats_with_an_appositive_are_left_alone(pipeline):
    assert_untouched(pipeline, [
        "Site\tRole\tStaff\nThe plant, a joint venture,\texports\t3,000",
        "- The port, Norway's second busiest, handles about 4 million containers a year.",
        "HARBOUR, THE COUNTRY'S BUSIEST, HANDLES RECORD TONNAGE",
        '"The mill, a family business, ships flour every week," she said.',
        "`The quarry, the county's largest, supplies gravel.` is the example in `docs/intro.md`.",
        "See https://example.org/dam and write to info@example.org: the dam, the region's largest, holds 2 billion m3.",
    ])


def test_revision():
    assert misreads.REVISION >= 23
