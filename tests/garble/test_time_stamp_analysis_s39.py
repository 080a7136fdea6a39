"""Session 39 (analysis revision 25): a clock time that opens a line is a line's marker, as "b)" or ">" are, so the
capital after it is the sentence's first and no capital in mid-sentence; and a math, degree or copyright sign that
opens a sentence is part of it, read as a word again.  Our own sentences."""

from __future__ import annotations

import pytest

from mtfix.garble.model import Detector
from mtfix.garble.signs import ANALYSIS_REVISION, opened_by_symbols, reading


def _capitals(text: str) -> float:
    return Detector.load().analyse(text).dense["capital_midsentence"]


def test_the_revision_is_25_or_later():
    assert ANALYSIS_REVISION >= 25


@pytest.mark.parametrize("text", [
    "14:05 The minister has arrived at the harbour.",
    "09:30:15 We are live from the council chamber.",
    "7:45am The first bus leaves the depot.",
    "9:30 pm Our reporter is outside the court.",
    "7:45 a.m. The road to the coast is open again.",
    "09.30 The rain has stopped over the valley.",
    "10:00 – The doors of the hall open.",
])
def test_the_capital_after_a_stamp_is_the_sentences_first(text):
    assert _capitals(text) == 0.0


@pytest.mark.parametrize("text", [
    # a time inside the sentence, or a number that is no time, before a capital: still a capital in mid-sentence
    "The vote closed at 22:00 The count went on all night.",
    "Officials said 14 The wounded were taken away.",
    "The ferry left at 7:45 The passengers were tired.",
])
def test_a_capital_after_a_time_in_mid_sentence_still_counts(text):
    assert _capitals(text) >= 1.0


def test_a_stamp_lowers_p_to_about_that_of_the_bare_entry():
    det = Detector.load()
    entry = "The prime minister has arrived at the summit venue and is greeting the hosts."
    stamped = det.predict("14:05 " + entry).probability
    assert abs(stamped - det.predict(entry).probability) < 0.1


@pytest.mark.parametrize("text", [
    "± 5 votes separated the two candidates in the end.",
    "°C readings were taken every hour at the station.",
    "√2 is the length of the square's diagonal.",
    "© 2025 The Harbour Gazette, all rights reserved.",
])
def test_a_math_degree_or_copyright_sign_is_read_as_part_of_the_sentence(text):
    assert opened_by_symbols(text) == 0
    assert reading(text) is None
    first = Detector.load().analyse(text).tokens[0]
    assert first.start == 0


@pytest.mark.parametrize("opener", ["✅ ", "→ ", "▪ ", "❶ ", "🗸 ", "⭐ "])
def test_emoji_arrows_bullets_and_check_marks_are_still_read_past(opener):
    text = opener + "The ferry service resumed on Monday."
    assert opened_by_symbols(text) == len(opener)
    assert Detector.load().analyse(text).tokens[0].start == len(opener)
