"""The segmenter's URL scan (session 39): :data:`mtfix.segment.protected._URL_HINT` (``re``) picks the runs of
non-white space that ``_URL`` reads, where :data:`_URL_MARK` (``regex``, case-insensitive, with ``\\b``) picked
them before.  Exact when every run holding a mark holds a hint, and ``_URL`` finds nothing in a run without a mark:
checked over every code point (case folding) and on random texts rich in marks, near-marks and the characters
``re`` and ``regex`` read differently."""

from __future__ import annotations

import random
import re
import sys

import regex

from mtfix.segment.protected import _LAST_SPACE, _SPACE, _TLDS, _URL, _URL_HINT, _URL_MARK, find_protected_spans


def _old_protected_spans(text: str) -> list[tuple[int, int]]:
    """:func:`find_protected_spans` as it stood until session 38 (runs found by ``_URL_MARK``)."""
    out: list[tuple[int, int]] = []
    done = 0
    for mark in _URL_MARK.finditer(text):
        if mark.start() < done:
            continue
        before = _LAST_SPACE.search(text, done, mark.start())
        after = _SPACE.search(text, mark.end())
        start = before.end() if before else done
        done = after.start() if after else len(text)
        out += [(m.start(), m.end()) for m in _URL.finditer(text, start, done)]
    return out


def test_regex_folds_no_character_re_does_not():
    """Every character ``regex``'s case-insensitive mark matches for a letter of the mark, ``re`` matches for it;
    the mark's punctuation matches itself only; and ``regex`` folds one character to one (no full case folding)."""
    assert not _URL_MARK.flags & regex.FULLCASE
    letters = sorted(set("www" + _TLDS.replace("|", "")))
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    for c in ".:@/":
        assert regex.findall("(?i)" + regex.escape(c), every) == [c]
    seen = 0
    for c in letters:
        folds = regex.findall(f"(?i){c}", every)
        assert folds == re.findall(f"(?i:{c})", "".join(folds)), c
        assert not any(_SPACE.match(ch) for ch in folds)
        seen += len(set(folds) - {c, c.upper()})
    assert seen >= 2  # the Kelvin sign (k) and the long s (s) fold beyond ASCII: the check reaches them


_PIECES = ["a", "B", "z", "w", "W", "ww", "www", "WwW", "ẁ", "\u212a", "\u017f", "\u0131", "\u0130", "é", "e\u0301",
           "\u0663", "_", "-", "+", ".", "..", ":", "/", "//", "://", "@", "http", "https", "ftp", "www.", "WWW.",
           *(f".{t}" for t in _TLDS.split("|")), ".CoM", ".nEwS", ".u\u212a", ".info", ".infox", ".comma", "ne",
           "ws", "com", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85", '"', "'", "“", "”", "<",
           ">", ")", "]", ",", ";", "!", "?", "1", "77", "example", "mail", "x.y"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25))) for _ in range(n)]


def test_hint_spans_are_those_of_the_mark_and_of_the_whole_scan():
    texts = ["see www.example.com/a, mail a.b@c.org or https://x.io/p?q=1. Baku.news and gov.az",
             "Write to press@agency.az or visit WWW.AGENCY.AZ; the ministry.gov.u\u212a page", *_texts(30_000, 39)]
    found = 0
    for text in texts:
        want = [(m.start(), m.end()) for m in _URL.finditer(text)]
        assert _old_protected_spans(text) == want, text
        assert [(s.start, s.end) for s in find_protected_spans(text)] == want, text
        found += bool(want)
    assert found > 5_000  # the random texts hold URLs, addresses and domain names


def test_every_run_with_a_mark_holds_a_hint():
    """The property itself, run by run (the spans above would hide a run whose URL another run's scan found)."""
    marks = 0
    for text in _texts(30_000, 40):
        for mark in _URL_MARK.finditer(text):
            before, after = _LAST_SPACE.search(text, 0, mark.start()), _SPACE.search(text, mark.end())
            lo, hi = before.end() if before else 0, after.start() if after else len(text)
            assert _URL_HINT.search(text, lo, hi) is not None, (text, text[lo:hi])
            marks += 1
    assert marks > 20_000


def test_a_weaker_hint_misses_runs():
    """Mutants: the hint without the TLDs' case folding, or without "www.", misses runs the mark finds."""
    mutants = [re.compile(rf"[.:@](?:(?<=@)|(?<=:)//|(?<=(?i:www)\.)|(?<=\.)(?:{_TLDS}))"),
               re.compile(rf"[.:@](?:(?<=@)|(?<=:)//|(?<=\.)(?i:{_TLDS}))")]
    texts = _texts(5_000, 41)
    for mutant in mutants:
        missed = 0
        for text in texts:
            for m in _SPACE.splititer(text):
                missed += _URL_MARK.search(m) is not None and mutant.search(m) is None
        assert missed > 50
