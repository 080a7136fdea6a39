"""The look-aheads of :data:`mtfix.text.tokens.EWT_TOKEN` (session 39; the tokeniser of sentences beyond ASCII) only
spare ``regex`` work: its tokens are those of the same pattern without them (as it stood until session 38), on random
text built from the pieces every alternative reads, in and beyond ASCII (letters of other scripts, combining marks,
digits of other scripts, the white space ``regex`` alone counts, curly apostrophes)."""

from __future__ import annotations

import functools
import random
import sys

import regex

from mtfix.text.tokens import EWT_ABBREVIATIONS, EWT_TOKEN

#: The pattern without the guards, as sessions 14-38 shipped it.
PLAIN = regex.compile(
    rf"""(?:\b(?:{EWT_ABBREVIATIONS})\.(?=\s+[\p{{Lu}}\d]))"""
    r"""|(?:(?<=\p{L})(?:n['’]t|['’](?:s|re|ve|ll|d|m))(?!\p{L}))"""
    r"""|\p{L}+(?=n['’]t(?!\p{L}))"""
    r"""|\d+(?:[.,:/]\d+)*(?:\p{L}{1,3}\b)?"""
    r"""|(?:\p{L}\.){2,}"""
    r"""|[\p{L}\p{M}\d]+(?:-[\p{L}\p{M}\d]+|['’](?!(?:s|re|ve|ll|d|m)(?!\p{L}))[\p{L}\p{M}]+)*"""
    r"""|\.\.\.|[^\s\p{L}\d]""",
    regex.VERSION1,
)

_PIECES = [
    *EWT_ABBREVIATIONS.split("|"), "Mr. ", "Jan.\u2009", "St.\n", "Dr.\u00a0", "Gen. ", "MR", "Mrsx", "Corpo", "Şen", "Dré", "A", "x", "n", "N", "t", "s", "re", "ll",
    "don", "didn", "isn", "Wasn", "çn", "ŞIn", "ñ", "n", "nn", "'t", "’t", "tn", "'", "’", "n't", "n’t", "'s", "’re",
    "'ve", "'d", "'m", ".", "..", "...", ",", ":", "/", "-", "0", "12", "3.5", "1,500", "5th", "٣", "٣.٥", "१२",
    "U.S.", "Ş.Ö.", "e.g.", "a.", "é.", "(", ")", '"', "«", "»", "—", "!", "?", "é", "e\u0301", "\u0301", "ü", "ß",
    "İ", "ı", "Ω", "ж", "Мир", "李", "東京", "α", "ǅ", " ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000",
    "\u2028", "\x85", "\x1c", "\x1f", "\x00", "_", "~", "\u200b", "\ufeff",
]


@functools.cache
def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_no_token_alternative_starts_at_white_space():
    """The guard ``(?=\\S)``: no letter, mark or digit is white space to ``regex``, over every code point."""
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    starts = regex.findall(r"[\p{L}\p{M}\d]", every, flags=regex.VERSION1)
    assert len(starts) > 100_000
    assert not regex.search(r"\s", "".join(starts), flags=regex.VERSION1)


def test_guarded_tokens_are_the_plain_ones():
    texts = _texts(25_000, 39)
    assert EWT_TOKEN.groups == PLAIN.groups == 0
    for text in texts:
        assert EWT_TOKEN.findall(text) == PLAIN.findall(text), text
    joined = "\n".join(texts)
    assert [m.span() for m in EWT_TOKEN.finditer(joined)] == [m.span() for m in PLAIN.finditer(joined)]


def test_pieces_reach_every_guarded_alternative():
    """The random texts reach each alternative a guard stands before, beyond ASCII too."""
    texts = _texts(25_000, 39)
    words = [w for t in texts for w in PLAIN.findall(t)]
    abbreviations = sum(w in {a + "." for a in EWT_ABBREVIATIONS.split("|")} for w in words)
    host = regex.compile(r"\p{L}+(?=n['’]t(?!\p{L}))", regex.VERSION1)  # the alternative alone
    hosts = [m.group() for t in texts for m in PLAIN.finditer(t)
             if (h := host.match(t, m.start())) is not None and h.end() == m.end()]
    foreign_hosts = sum(not w.isascii() for w in hosts)
    initials = sum(bool(regex.fullmatch(r"(?:\p{L}\.){2,}", w)) for w in words)
    foreign_initials = sum(bool(regex.fullmatch(r"(?:\p{L}\.){2,}", w)) and not w.isascii() for w in words)
    assert min(abbreviations, len(hosts), initials) > 1000 and min(foreign_hosts, foreign_initials) > 100


def test_mutant_guards_differ():
    """A guard that asks more than its alternative implies changes the tokens: the host's guard asking an "n" after
    the possessive run, the initials' a second letter, the abbreviations' a space only."""
    guarded = EWT_TOKEN.pattern
    mutants = [guarded.replace(r"(?=\p{L}++['’]t)", r"(?=\p{L}++n['’]t)"),
               guarded.replace(r"(?=\p{L}\.)", r"(?=\p{L}{2}\.)"),
               guarded.replace(r"(?=[A-Z][a-z]{1,3}\.\s)", r"(?=[A-Z][a-z]{1,3}\. )")]
    texts = _texts(5_000, 40)
    for source in mutants:
        assert source != guarded
        mutant = regex.compile(source, regex.VERSION1)
        assert sum(mutant.findall(t) != PLAIN.findall(t) for t in texts) > 50, source
