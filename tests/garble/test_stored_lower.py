"""The lower-case words the analysis stores (``Analysis.lower``, session 35) are a fresh lower-casing of its tokens:
``misreads.instruction``, ``opened_imperative`` and ``ordinary_repeat`` read them instead of lower-casing the sentence
again, and must judge every sentence as before.  The analysis makes them from the word info's folded form (lower case
with ’ as '), which is the plain lower case for every word without a ’."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from mtfix.garble import misreads
from mtfix.garble.checker import detector
from mtfix.garble.sign_views import word_info

SENTENCES = [
    "Take the kettle to the sink and fill the kettle halfway.",
    "Don’t forget the kettle, and don’t leave the kettle on the stove.",  # a typographic apostrophe
    "Don't forget the kettle, and don't leave the kettle on the stove.",  # a straight one
    "Then open the Settings menu and choose Settings again.",
    "İstanbul’s ferries and İZMİR’S ferries ran late, the ferries said.",  # a dotted capital I grows when lower-cased
    "4. Save the file, then save the file again.",
    "Anna, please bring the report and the REPORT’S annex.",
    "The re\u00adport of the council and the report of the mayor were read.",  # a soft hyphen: offsets mapped
    'The word "mahalla" means "neighbourhood" in the report on the mahalla.',  # a quoted gloss: read without quotes
    "ΑΘΗΝΑ and Straße and ǅemal were named in the report of the report.",
    "Yes.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_stored_lower_case_words_are_a_fresh_lower_casing(text: str) -> None:
    a = detector().analyse(text)
    assert a.lower is not None
    assert a.lower == [t.text.lower() for t in a.tokens]
    assert misreads._lower(a) is a.lower  # read, not made again


@pytest.mark.parametrize("text", SENTENCES)
def test_the_helpers_judge_as_with_a_fresh_lower_casing(text: str) -> None:
    a = detector().analyse(text)
    bare = replace(a, lower=None)  # an analysis without the record: lower-cased on the spot, as before session 35
    assert misreads._lower(bare) == a.lower
    for judge in (misreads.instruction, misreads.opened_imperative, misreads.ordinary_repeat):
        assert judge(bare) is judge(a), judge.__name__


def test_the_helpers_read_the_stored_words() -> None:
    """A stored list that differs is what the helpers read (so a test above that passes is no accident)."""
    a = detector().analyse("The storm reached the coast, and the storm stayed there.")
    assert misreads.ordinary_repeat(a)  # each "storm" a mention after "the"
    assert not misreads.ordinary_repeat(replace(a, lower=["x" for _ in a.lower]))


def test_only_a_typographic_apostrophe_differs_between_folded_and_lower_case() -> None:
    """What ``signs.analyse`` relies on: lower-casing never makes a ’, so a word's folded form (its word info's
    first item) is its lower case exactly when the word has no ’."""
    assert all("’" not in chr(c).lower() for c in range(sys.maxunicode + 1) if c != 0x2019)
    for w in ("Don’t", "Don't", "İZMİR", "Straße", "ǅemal", "ΑΘΗΝΑ", "report", "’"):
        assert (word_info[w][0] == w.lower()) is ("’" not in w)
