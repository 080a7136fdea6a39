"""The rules pass's cheaper scans (session 15) find exactly what the scans they replace found.

Each faster form is compared with the plain one it replaces, on random texts built of the characters its
look-arounds read (and each comparison checks that the plain form found something, so the texts reach it).
"""

from __future__ import annotations

import random

import pytest
import regex

from mtfix.rules.detectors import glued, punctuation, repetition
from mtfix.rules.detectors.registry import DETECTORS, Context
from mtfix.rules.engine import RulesChecker, lower_same_length
from mtfix.segment import to_document

_PIECES = [
    "the", "of", "countryof", "inthe", "tothe", "ofthe", "words", "wordsx", "abcde", "abcdef", "Straße", "straße",
    "ĳssel", "ſtory", "Word", "WORD", "é", "É", "ß", "ab", "5", "12", " ", " ", " ", "  ", "\t", "\n", ",", ".",
    "!", "?", ";", ":", ")", "(", "”", "“", "’", "'", "-", "_", "@", "/", "\\", "#", "<i>", "</i>", "{\\an8}",
    "&amp;", "*", "and", "And", "Said", "said", "ll", "re", "ve",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 60))) for _ in range(n)]


def test_glued_tokens_find_what_the_lower_token_scan_finds():
    rng = random.Random(3)
    reached = 0
    for text in _texts(3000, 1):
        found = list(glued._LOWER_TOKEN.finditer(text))
        tokens = sorted({m.group() for m in found})
        if not tokens:
            continue
        chosen = set(rng.sample(tokens, rng.randint(1, len(tokens))))
        want = [m.span() for m in found if m.group() in chosen]
        got = [m.span() for m in glued._glued_tokens(chosen).finditer(text)]
        assert got == want, (text, chosen)
        reached += bool(want)
    assert reached > 500


@pytest.mark.parametrize("alternation", [200, 0])
def test_glued_function_word_unchanged_on_random_texts(monkeypatch, alternation):
    monkeypatch.setattr(glued, "_MAX_ALTERNATION", alternation)  # 0: the walk of every lower-case token
    rule = next(r for r in RulesChecker.bundled(["en-generic"]).packs[0].rules if r.code == "MTF117")
    function = {w.lower() for w in rule.params["function_words"]}
    hits = 0
    for text in _texts(1500, 2):
        doc = to_document(text)
        got = list(DETECTORS["glued_function_word"](doc, rule, Context(lower=lower_same_length(text))))
        split = {t: s for t in set(glued._LOWER_TOKEN.findall(text))
                 if (s := glued._glued_split(t, function)) is not None}
        want = [(m.start(), m.end(), " ".join(split[m.group()])) for m in glued._LOWER_TOKEN.finditer(text)
                if m.group() in split and doc.segment_at(m.start()) is not None]
        assert [(h.start, h.end, h.replacement) for h in got] == want, text
        hits += len(want)
    assert hits > 100


def _bare_plain(lower: str) -> list[str]:
    """Each token stripped as before session 15 (``_bare`` of every token not alphanumeric at both ends)."""
    def bare(token: str) -> str:
        return repetition._EDGES.sub("", token) or token

    return [t if t[0].isalnum() and t[-1].isalnum() else bare(t) for t in lower.split()]


def test_bare_tokens_as_each_token_stripped():
    changed = 0
    for text in _texts(3000, 4):
        low = lower_same_length(text)
        want = _bare_plain(low)
        assert repetition._bare_tokens(low) == want, text
        changed += want != low.split()
    assert changed > 300


_PLAIN_SITES = {"before": regex.compile(r"[ \t]+(?=[,!?;:.])"), "close": regex.compile(r"[ \t]+(?=\))")}


def test_blank_runs_are_the_plain_sites():
    reached = 0
    for text in _texts(3000, 5):
        for kind, plain in _PLAIN_SITES.items():
            want = [m.start() for m in plain.finditer(text)]
            assert list(punctuation._blank_runs(text, kind)) == want, (kind, text)
            reached += bool(want)
    assert reached > 500


_PLAIN_QUOTES = [
    (punctuation._QUOTE_GLUE, regex.compile(r"(?<=[.!?,]”)(?=\p{Lu}\p{Ll})")),
    (punctuation._QUOTE_GLUE_LOWER, regex.compile(r"(?<=[\p{L}.!?,]”)(?=\p{Ll}{2,}\b)(?!(?:ll|re|ve)\b)")),
]


def test_quote_patterns_find_the_plain_places():
    rng = random.Random(6)
    reached = 0
    for text in _texts(3000, 7):
        text = text.replace("“", rng.choice(["”", "“"]))  # more closing marks
        for new, plain in _PLAIN_QUOTES:
            want = [(m.start() - 1, m.start()) for m in plain.finditer(text)]
            assert [m.span() for m in new.finditer(text)] == want, text
            reached += bool(want)
    assert reached > 150


#: The comma pattern as it was before session 23 (found from each position, which the ``regex`` module tries one
#: by one: 0.13–0.18 s per MB of news); :data:`punctuation._COMMA_GLUED` finds the comma first.
_COMMA_GLUED_PLAIN = regex.compile(
    r"(?<![\p{L}\p{N}_.,@/\\#:'’&=+*`~-])(?P<left>\p{Lu}?\p{Ll}+),(?P<right>\p{Ll}+)"
    r"(?![\p{L}\p{N}_@/\\'’=+*`~-]|[.:,;]\S)"
)


def test_comma_glued_finds_what_the_plain_scan_finds():
    reached = 0
    for text in _texts(4000, 4) + [t.replace(" ", ",") for t in _texts(6000, 5)]:
        want = [(m.group("left"), m.group("right"), m.end("left")) for m in _COMMA_GLUED_PLAIN.finditer(text)]
        got = [(m.group("left"), m.group("right"), m.end("left"))
               for m in punctuation._COMMA_GLUED.finditer(text)]
        assert got == want, text
        reached += bool(want)
    assert reached > 300
