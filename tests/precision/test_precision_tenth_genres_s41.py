"""Session 41, precision on clean English in a tenth set of genres (``tests/data/professional_tenth_genres.txt``,
250 lines of clinical case reports, climbing route guides, sailing directions, genealogy records, chess annotations,
election results, peer-review reports, book jacket copy, animal adoption profiles and gardening notes): ``fix``
changes nothing and nothing is major, each line as its own document and each genre whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.precision.genre_lines import assert_untouched, genres, majors

DATA = Path(__file__).parent.parent / "data" / "professional_tenth_genres.txt"

#: Lines the detector calls major (session 41; detector inputs untouched, reported for a refit): a route guide's
#: verbless description, a noun then a chain of prepositional phrases ("up the ... to the left of the ..."), MT's
#: verbless shape.  :func:`test_known_false_majors` fails once it is fixed.
KNOWN_FALSE_MAJORS = (
    "A classic line up the clean rib to the left of the main gully.",
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
@pytest.mark.xfail(strict=True, reason="session 41: the detector's false major (not fixed; detector inputs untouched)")
def test_known_false_majors(pipeline, sentence):
    assert majors(pipeline, sentence) == []
