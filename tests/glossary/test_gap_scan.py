"""The glossary matcher's scan of a text's gaps (session 23) finds what a scan of every position finds:
it starts only where a rare space or invisible character, or two spaces, are."""

from __future__ import annotations

import random

from mtfix.glossary import matcher

_PIECES = [
    "a",
    "Ab",
    "word",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u3000",
    "\u00ad",
    "\u200b",
    "\ufeff",
    "\u2060",
    "\n",
    ".",
    "é",
    "e\u0301",
]


def test_gaps_are_the_matches_of_the_gap_pattern() -> None:
    rng = random.Random(7)
    reached = 0
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        want = [(m.start(), m.end(), m.group()) for m in matcher._GAP.finditer(text)]
        assert [(m.start(), m.end(), m.group()) for m in matcher._gaps(text)] == want, repr(text)
        reached += len(want)
    assert reached > 5000


def test_a_text_of_single_spaces_has_no_gap() -> None:
    assert list(matcher._gaps("one two three. Four five")) == []
