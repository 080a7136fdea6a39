"""bench/number_format_s34.py (session 34): the sub-classes of numbers written the source language's way match
what their descriptions say, and the adoption rule reads the counts as documented (bench/RESULTS.md, session 34:
no sub-class passed, nothing was added to the en-generic pack).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

nf = pytest.importorskip("number_format_s34")


@pytest.mark.parametrize(("code", "text", "hit"), [
    ("N1", "Exports grew by 4,3 per cent in the second quarter.", "4,3 per cent"),
    ("N1", "The fund lent the farmers 1,75 million over three years.", "1,75 million"),
    ("N1", "Turnout reached 61,2% in the capital.", "61,2%"),
    ("N2", "The average speed was 38,4 km / h on the flat stage.", "38,4"),
    ("N3", "The census counted 2.416.900 residents in the province.", "2.416.900"),
    ("N4", "About 2.300 volunteers cleaned the river banks.", "2.300"),
    ("N5", "The harbour handled 14 500 containers in May.", "14 500"),
    ("N6", "Inflation slowed to %6 in the spring.", "%6"),
    ("N7", "A ticket costs 40 € at the door.", "40 €"),
    ("N8", "The contract was signed on 17.09.2014 in the town hall.", "17.09.2014"),
    ("N9", "The plan is worth 412 billion. 300 million dram will go to roads.", "412 billion. 300 million"),
    ("N10", "She has worked at the market for 16 to 7 years.", "16 to 7"),
])
def test_source_format_numbers_are_hits(code: str, text: str, hit: str) -> None:
    assert nf.matches(code, text) == [hit]


@pytest.mark.parametrize(("code", "text"), [
    ("N1", "Exports grew by 4.3 per cent in the second quarter."),
    ("N1", "The fund lent the farmers 1,750 million over three years."),
    ("N3", "The census counted 2,416,900 residents in the province."),
    ("N4", "About 2,300 volunteers cleaned the river banks."),
    ("N5", "The harbour handled 14,500 containers in May."),
    ("N6", "Inflation slowed to 6% in the spring."),
    ("N7", "A ticket costs $40 at the door."),
    ("N8", "The contract was signed on 17 September 2014 in the town hall."),
    ("N9", "The plan is worth 412 billion. Roads take the largest share."),
    ("N10", "The score fell from 16 to 7 points after the break."),
    ("N10", "Children aged 11 to 14 years took part."),
])
def test_english_number_writing_passes(code: str, text: str) -> None:
    assert nf.matches(code, text) == []


def test_english_known_hits_show_why_n2_n4_and_n5_cannot_be_flagged_alone() -> None:
    """A list of page numbers, a decimal with precision and SI-style grouping are English and hit: part of why these
    sub-classes fail (c)."""
    assert nf.matches("N2", "Read pages 2,5 and 7 before the seminar.") == ["2,5"]
    assert nf.matches("N4", "The tunnel is 27.456 kilometres long.") == ["27.456"]
    assert nf.matches("N5", "The observatory sits at 2 400 metres.") == ["2 400"]


@pytest.mark.parametrize(("counts", "expected"), [
    ((3, 4, 10, 1, 20_000, 0), "adopt"),
    ((2, 4, 10, 1, 20_000, 0), "a"),
    ((3, 10, 10, 1, 20_000, 0), "b"),
    ((3, 4, 10, 3, 20_000, 0), "c"),
    ((3, 4, 10, 0, 20_000, 1), "c"),
    ((1, 19, 16, 5, 23_935, 0), "a, b, c"),
])
def test_verdict_applies_the_rule_fixed_before_counting(counts: tuple[int, ...], expected: str) -> None:
    assert nf.verdict(*counts) == expected


def test_english_form_of_a_hit() -> None:
    assert nf._english_form("N1", "2,5 million") == "2.5 million"
    assert nf._english_form("N4", "1.500") == "1,500"
    assert nf._english_form("N5", "12 000") == "12,000"
    assert nf._english_form("N8", "17.09.2014") is None


def test_missing_data_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:  # eval_data.require_shared (session 50)
        nf.main(["--shared", str(tmp_path)])
    assert stop.value.code == 2
    assert "real_mt_train.jsonl not found" in capsys.readouterr().err
