"""MTF116's separators found by a scan for each kind in C (session 36): the spans equal those of the pattern tried
at every position that found them before (``finditer(overlapped=True)``), with letters only the regex module knows,
a dotted capital I (kept by the same-length lower case), tabs, "and" inside words and "and and"."""

from __future__ import annotations

import random

import regex

from mtfix.rules.detectors import coordinated_copies
from mtfix.text.tokens import lower_same_length

#: The look-up of session 28–35, kept here as the reference.
_OLD_SEP = regex.compile(r"(?=[ \t,])(?<=\p{L})(?:[ \t]+(?i:and)[ \t]+|,[ \t]+)")

# U+0C5C and U+A7CB: letters to the regex module's Unicode, not yet to str.isalpha's (Python 3.11)
_WORDS = ["tea", "Tea", "band", "AND", "And", "and", "anD", "Kilo", "\u212ailo", "İzmir", "İ", "straße", "\u0c5c",
          "x\ua7cb", "5", "5th", "’", "-", "(", "dand", "Thailand", "éclat", "Éclat", ""]
_SEPS = [" ", "  ", "\t", " \t ", ",", ", ", ",\t", " ,", " and ", " AND\t", "\tand  ", "and ", " and", " andand ",
         " and and ", ",  and ", ".", "\n", ""]


def _old(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _OLD_SEP.finditer(text, overlapped=True)]


def test_separators_equal_the_overlapped_scan():
    rng = random.Random(36)
    found = ands = 0
    for _ in range(8000):
        text = "".join(rng.choice(_WORDS) + rng.choice(_SEPS) for _ in range(rng.randint(1, 9)))
        want = _old(text)
        assert coordinated_copies._coordinated_separators(text, lower_same_length(text)) == want, repr(text)
        found += bool(want)
        ands += any("nd" in text[a:b].lower() for a, b in want)
    assert found > 3000 and ands > 1000, (found, ands)


def test_a_letter_of_newer_unicode_opens_a_separator():
    text = "x\ua7cb, x\ua7cb and \u0c5c and \u0c5c"
    assert not "\ua7cb".isalpha() and _old(text)
    assert coordinated_copies._coordinated_separators(text, lower_same_length(text)) == _old(text)


def test_matches_with_the_context_lower_case_or_without():
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(_WORDS) + rng.choice(_SEPS) for _ in range(rng.randint(2, 9)))
        alone = [m.span() for m in coordinated_copies._coordinated_matches(text)]
        assert [m.span() for m in coordinated_copies._coordinated_matches(text, lower_same_length(text))] == alone
        assert alone == [m.span() for m in coordinated_copies._COORDINATED.finditer(text)], repr(text)
