"""Whole-text scans read with ``re`` instead of ``regex`` (session 37) find exactly what ``regex`` found.

MTF117's runs of lower-case letters read ASCII with ``re`` and only the stretches around other characters with
``regex``; the sites of MTF111, MTF118's marks, the glossary's quoted spans and the segmenter's line breaks are
classes of literal characters, compiled with ``re``.  Each is compared with the ``regex`` form it replaces on
random texts of the characters it reads (and each comparison checks that the texts reach what it finds).
"""

from __future__ import annotations

import random

import pytest
import regex

from mtfix.glossary import spans
from mtfix.rules.detectors import glued, punctuation
from mtfix.segment import protected, pysbd_pass, wrapping
from mtfix.text.lines import LINE_BREAK

# ASCII letters of both cases; lower-case letters beyond ASCII (Latin, Turkish dotless i, Greek, Cyrillic, a ligature,
# the long s); capitals beyond ASCII; marks and digits of other scripts; white space, punctuation, quotes
_PIECES = [
    "abcde", "abcdef", "word", "Word", "WORD", "ab", "x", "countryof", "é", "É", "ß", "ı", "İ", "ſ", "ĳ", "ø", "æ",
    "λόγος", "Λ", "слово", "Слово", "ǆ", "ǅ", "ﬁ", "ª", "º", "µ", "café", "naïve", "Zürich", "straße", "résumé",
    "٣", "5", "12", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", ",", ".", "!", "?", ";", ":", ")", "(", "”", "“",
    "’", "'", "\"", "«", "»", "„", "-", "—", "_", "…", "，", "。", "（", "）", "։", "،", "।", "\u200b", "\u00ad",
    "😀", "中文",
]


def _texts(n: int, seed: int, pieces: list[str] = _PIECES, most: int = 60) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


def test_ascii_lower_and_upper_letters_are_a_to_z():
    """What the scans rest on: of ASCII, ``regex``'s ``\\p{Ll}`` is ``[a-z]`` and ``\\p{Lu}`` is ``[A-Z]``."""
    ascii_chars = "".join(map(chr, range(128)))
    assert "".join(regex.findall(r"\p{Ll}", ascii_chars)) == "abcdefghijklmnopqrstuvwxyz"
    assert "".join(regex.findall(r"\p{Lu}", ascii_chars)) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def test_lower_runs_are_the_regex_runs():
    reached = beyond = 0
    for text in _texts(6000, 37):
        want = set(glued._LOWER_RUN.findall(text))
        assert glued._lower_runs(text) == want, text
        reached += bool(want)
        beyond += any(not r.isascii() for r in want)
    assert reached > 3000 and beyond > 1000


def test_lower_runs_of_ascii_texts_and_of_long_runs():
    assert glued._lower_runs("Theinthe inthe, xinthe inthex abc.") == {"heinthe", "inthe", "xinthe", "inthex"}
    assert glued._lower_runs("") == set()
    long = "é" + "a" * 5000 + "ß" + "b" * 3 + "“" + "c" * 7
    assert glued._lower_runs(long) == set(glued._LOWER_RUN.findall(long))


def test_lower_runs_past_the_stretch_limit(monkeypatch: pytest.MonkeyPatch):
    """Past ``_MAX_STRETCHES`` stretches the scan is ``regex``'s own: the same runs."""
    monkeypatch.setattr(glued, "_MAX_STRETCHES", 2)
    for text in _texts(1500, 5):
        assert glued._lower_runs(text) == set(glued._LOWER_RUN.findall(text)), text


def test_glued_function_word_reads_runs_beside_other_characters():
    """A glued token next to a mark beyond ASCII is decided as before: "countryof" after a typographic quote."""
    from mtfix.rules.detectors.registry import DETECTORS, Context
    from mtfix.rules.engine import RulesChecker, lower_same_length
    from mtfix.segment import to_document

    rule = next(r for p in RulesChecker.bundled().packs for r in p.rules if r.detector == "glued_function_word")
    text = "The talks in the “countryof” the north ended. Officials from the countryof Zürich spoke.\n"
    doc = to_document(text)
    hits = list(DETECTORS["glued_function_word"](doc, rule, Context(lower=lower_same_length(text))))
    assert [text[h.start:h.end] for h in hits] == ["countryof", "countryof"]
    assert all(h.replacement == "country of" for h in hits)


_LITERAL_PATTERNS = [
    ("MTF111 sites before a mark", punctuation._SITE_MARKS["before"]),
    ("MTF111 sites before a closing bracket", punctuation._SITE_MARKS["close"]),
    ("MTF111 sites after an opening bracket", punctuation._SITES["open"]),
    ("MTF118 marks", punctuation._SOURCE_MARK),
    ("glossary quoted spans", spans._QUOTED),
    ("segmenter quotations", pysbd_pass._QUOTATION),
    ("segmenter line breaks (wrapping)", wrapping._LINE_BREAK),
    ("segmenter line breaks (protected)", protected._LINE_BREAK),
]


@pytest.mark.parametrize("name, pattern", _LITERAL_PATTERNS, ids=[n for n, _ in _LITERAL_PATTERNS])
def test_literal_patterns_match_as_regex_did(name: str, pattern):
    """Each ``re`` pattern finds the spans and groups that the same pattern compiled by ``regex`` found, whole
    texts and slices (``pos``, ``endpos``) alike."""
    old = regex.compile(pattern.pattern)
    rng = random.Random(len(name))
    reached = 0
    for text in _texts(3000, len(name) + 1, most=120):
        got = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in old.finditer(text)], (name, text)
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert [m.span() for m in pattern.finditer(text, lo, hi)] == [m.span() for m in old.finditer(text, lo, hi)]
        reached += bool(got)
    assert reached > 100, name


def test_the_segmenter_reads_the_one_line_break():
    assert wrapping._LINE_BREAK is protected._LINE_BREAK is LINE_BREAK
