"""``mtfix.findings.changed_runs`` on long texts: ``mtfix fix`` of a JSON Lines (or CSV, PO, XML)
record of 30 KB spent 113 of its 114 s comparing the old and new text character by character
(difflib is quadratic in the repeats of a character: every space and ``e``).  Session 28, found
by ``bench/bench_spark.py``'s CLI baseline.  No timing here: the test checks what is compared."""

from __future__ import annotations

import difflib
import random

import pytest

from mtfix.findings import changed_runs

WORDS = ("the", "port", "of", "Poti", "handled", "more", "grain", "and", "steel", "in", "April", "than", "in",
         "March", "officials", "said")


def _apply(old: str, new: str, runs: list[tuple[int, int, int, int]]) -> str:
    out, done = [], 0
    for i1, i2, j1, j2 in runs:
        assert done <= i1 <= i2 and j1 <= j2
        out += [old[done:i1], new[j1:j2]]
        done = i2
    return "".join(out) + old[done:]


def _long_pair(size: int, edits: int, seed: int = 5) -> tuple[str, str]:
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(size // 5)]
    old = " ".join(words)
    new_words = list(words)
    for k in sorted(rng.sample(range(len(words)), edits)):
        new_words[k] = rng.choice(["oil and gas", "", "The", words[k] + ","])
    return old, " ".join(w for w in new_words if w)


@pytest.fixture
def compared(monkeypatch):
    """The (len(a), len(b)) of every character-level comparison ``changed_runs`` makes."""
    sizes: list[tuple[int, int]] = []
    real = difflib.SequenceMatcher

    class Recording(real):
        def __init__(self, isjunk=None, a="", b="", autojunk=True):
            if isinstance(a, str):
                sizes.append((len(a), len(b)))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(difflib, "SequenceMatcher", Recording)
    return sizes


def test_a_long_text_with_scattered_edits_is_not_compared_character_by_character_whole(compared):
    old, new = _long_pair(30_000, 100)
    runs = changed_runs(old, new)
    assert _apply(old, new, runs) == new
    assert len(old) > 29_000 and 50 <= len(runs) <= 400
    assert max(a * b for a, b in compared) <= 1_000_000, max(compared)


def _char_runs(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """What ``changed_runs`` gave before session 28: the common affix trimmed, the rest by character."""
    from mtfix.findings import common_affix

    p, q = common_affix(old, new)
    m = difflib.SequenceMatcher(None, old[p : len(old) - q], new[p : len(new) - q], autojunk=False)
    return [(p + i1, p + i2, p + j1, p + j2) for tag, i1, i2, j1, j2 in m.get_opcodes() if tag != "equal"]


def test_short_texts_give_the_same_runs_as_before():
    """Up to the size compared character by character at once, the runs are exactly as before."""
    for seed in range(20):
        old, new = _long_pair(600, 4, seed)
        assert changed_runs(old, new) == _char_runs(old, new)
        assert _apply(old, new, changed_runs(old, new)) == new
    assert changed_runs("the the end / x", "the end / y") == [(4, 8, 4, 4), (14, 15, 10, 11)]
