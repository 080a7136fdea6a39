"""Session 53 (analysis-29, en-generic 1.54): a clause number that opens a line ("2.2 The opening area shall ...") is
a line's marker, as a clock time is: the capital after it is the clause's first, neither MTF104 nor the detector's
``capital_midsentence``.  Building regulations, standards, contracts, legislation and minutes number their clauses
so; the twentieth own set's regulation clause was major on that capital alone (p 0.75).  A number that is no clause
number (a thousands group, a year) and a clause number inside the sentence keep the capital flagged, as MT's splices
are.  Our own sentences."""

from __future__ import annotations

import pytest

from mtfix.garble import checker
from mtfix.text.symbols import entry_number_end


def _capitals(text: str) -> float:
    return checker.predict(text).analysis.dense["capital_midsentence"]


def _capital_codes(pipeline, text: str) -> list[tuple[str, str]]:
    return [(f.code, str(f.severity)) for f in pipeline.check(text).findings if f.code in ("MTF104", "MTF401")]


CLAUSES = [
    "2.2 The opening area of the window shall be not less than one twentieth of the floor area of the room.",
    "3.1 It is the duty of the owner to keep the records for six years.",
    "4.1.3 The applicant shall submit the drawings before the planning meeting.",
    "12.4 This section applies to new dwellings only.",
    "7.2. They shall be inspected at least once a year by a competent person.",
    "1.10 There shall be a clear space of 1.2 m in front of each door.",
]


@pytest.mark.parametrize("text", CLAUSES)
def test_a_clause_number_opens_its_entry(pipeline, text):
    codes = _capital_codes(pipeline, text)
    assert ("MTF104", "minor") not in codes and ("MTF104", "major") not in codes
    assert ("MTF401", "major") not in codes
    assert _capitals(text) == 0.0


@pytest.mark.parametrize("text", [
    "The minister said 2.2 The talks would resume on Monday.",  # a number inside the sentence: a splice
    "200.000 The soldiers died in the war of the army.",  # a thousands group, no clause number
    "2019 The government announced a plan for the farmers.",  # a year
    "Delegates approved 3.4 It the budget of the region in the session.",
])
def test_a_capital_after_any_other_number_is_still_flagged(pipeline, text):
    assert any(code == "MTF104" for code, _ in _capital_codes(pipeline, text))
    assert _capitals(text) >= 1.0


@pytest.mark.parametrize(("text", "entry"), [
    ("2.2 The opening area", "The opening area"), ("4.1.3 The applicant", "The applicant"),
    ("12.4. This section", "This section"), ("09.30 The rain has stopped.", "The rain has stopped."),
    ("14:05 The minister", "The minister"),
])
def test_where_the_entry_starts(text, entry):
    assert text[entry_number_end(text):] == entry


@pytest.mark.parametrize("text", ["200.000 The soldiers", "2019 The", "2. The list item", "v2.2 The", "at 2.2 The"])
def test_what_is_no_clause_number(text):
    assert entry_number_end(text) == 0
