"""Session 50's tuning set of short fluent English (``tests/data/professional_short_tuning.txt``): 160 sentences of
6 to 12 words, 16 in each of ten genres, written before any run to choose a short band's minor threshold on
(``bench/length_minors.py``, source ``short-tuning``; a threshold was chosen on it, so it is not held-out evidence).  Its shape is what a threshold for short sentences may be
read on, and as clean English no line is edited or major."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.garble import checker
from tests.precision.genre_lines import assert_untouched, genres

SET = Path(__file__).parent.parent / "data" / "professional_short_tuning.txt"
GENRES = genres(SET)


def test_the_set_has_ten_genres_of_sixteen_sentences():
    assert len(GENRES) == 10
    assert {len(lines) for lines in GENRES.values()} == {16}


def test_every_sentence_is_short_and_judged():
    """Each line is in the band the threshold is for: at least the six words the checker judges, at most 12."""
    counts = [checker._words(line) for lines in GENRES.values() for line in lines]
    assert len(counts) == 160
    assert min(counts) >= checker.MIN_WORDS
    assert max(counts) <= 12


def test_no_line_is_repeated():
    lines = [line for lines in GENRES.values() for line in lines]
    assert len(set(lines)) == len(lines)


@pytest.mark.parametrize("genre", sorted(GENRES))
def test_no_line_is_edited_or_major(pipeline, genre):
    assert_untouched(pipeline, GENRES[genre])
