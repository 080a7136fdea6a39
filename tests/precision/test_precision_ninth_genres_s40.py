"""Session 40, precision on clean English in a ninth set of genres (``tests/data/professional_ninth_genres.txt``,
250 lines of safety data sheets, travel itineraries, dictionary entries, insurance and warranty wording,
birdwatchers' field notes, assembly instructions, school reports, concert programme notes, training plans and police
appeals): ``fix`` changes nothing and nothing is major, each line as its own document and each genre whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.precision.genre_lines import assert_untouched, genres, majors

DATA = Path(__file__).parent.parent / "data" / "professional_ninth_genres.txt"

#: Lines the detector calls major (session 40; detector inputs untouched, reported for a refit): a safety data sheet's
#: verbless statement (a participle, then chained prepositional phrases: MT's verbless shape), and a dictionary
#: entry whose verb sense ends in a preposition with its object left out, as dictionaries write it ("to make a
#: summary of.": the stranded-postposition sign with no finite verb).  :func:`test_known_false_majors` fails once one
#: is fixed.
KNOWN_FALSE_MAJORS = (
    "Not classified as a skin sensitiser on the basis of the available data.",
    "precis (n.) a summary of a text; (v.) to make a summary of.",
)


GENRES = genres(DATA, KNOWN_FALSE_MAJORS)


def test_the_set_covers_ten_genres_of_twenty_five_lines() -> None:
    assert len(GENRES) == 10
    assert all(len(lines) >= 24 for lines in GENRES.values())
    lines = set(DATA.read_text(encoding="utf-8").splitlines())
    assert set(KNOWN_FALSE_MAJORS) <= lines


@pytest.mark.parametrize("genre", sorted(GENRES))
def test_no_line_is_edited_or_major(pipeline, genre):
    assert_untouched(pipeline, GENRES[genre])


@pytest.mark.parametrize("sentence", KNOWN_FALSE_MAJORS)
@pytest.mark.xfail(strict=True, reason="session 40: the detector's false majors (not fixed; detector inputs untouched)")
def test_known_false_majors(pipeline, sentence):
    assert majors(pipeline, sentence) == []
