"""bench/number_calques_s51.py (session 51): each candidate number-form class matches what its description says,
on sentences of our own, both ways; the script refuses a missing data directory with one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

nc = pytest.importorskip("number_calques_s51")


@pytest.mark.parametrize(("code", "text", "hit"), [
    ("Q1", "Nearly 60 thousand fans filled the stadium.", "60 thousand"),
    ("Q1", "The plant made 3.2 thousand cars in May.", "3.2 thousand"),
    ("Q2", "The dam is 7 hundred metres wide.", "7 hundred"),
    ("Q3", "The farmer borrowed 3 lakh from the bank.", "lakh"),
    ("Q4", "Imports were two times less than last year.", "two times less"),
    ("Q5", "Prices are 3 times higher in the capital.", "3 times higher"),
    ("Q6", "Output grew by 2 times over the decade.", "by 2 times"),
    ("Q7", "The budget is 4.5 mln manat.", "mln"),
    ("Q8", "Only twenty percent voted.", "twenty percent"),
    ("Q9", "The grant was manat 5 million.", "manat 5"),
    ("Q10", "Turnout was 64 % in the north.", "64 %"),
    ("Q11", "Decree № 12 was signed.", "№"),
    ("Q12", "It was the 5-th meeting.", "5-th"),
    ("Q13", "Losses reached 3 million 400 thousand dram.", "3 million 400 thousand"),
    ("Q14", "One and a half million tourists came.", "One and a half million"),
    ("Q15", "There were 3 dozens of boats.", "3 dozens of"),
])
def test_each_class_matches_its_own_example(code: str, text: str, hit: str) -> None:
    assert nc.matches(code, text) == [hit]


@pytest.mark.parametrize(("code", "text"), [
    ("Q1", "Nearly 60,000 fans filled the stadium, and thousands of others watched."),
    ("Q1", "A thousand people came."),
    ("Q1", "Version 2.4.1 thousand"),
    ("Q2", "Hundreds of boats and 700 cars."),
    ("Q4", "Imports were half of last year's."),
    ("Q7", "The budget is 4.5 million manat."),
    ("Q8", "Only 20 percent voted."),
    ("Q10", "Turnout was 64% in the north."),
    ("Q12", "It was the 5th meeting."),
])
def test_english_writing_does_not_match(code: str, text: str) -> None:
    assert nc.matches(code, text) == []


def test_the_rule_row_is_empty_without_a_pipeline() -> None:
    assert nc.matches(nc.RULE, "Nearly 60 thousand fans came.") == []


def test_a_missing_data_directory_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(BENCH / "number_calques_s51.py"), "--shared", str(tmp_path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert run.stderr.strip().startswith("number_calques_s51: ") and "not found" in run.stderr
    assert "Traceback" not in run.stderr
