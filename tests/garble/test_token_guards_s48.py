"""The first alternative of :data:`mtfix.text.tokens.EWT_TOKEN_ASCII` (session 48): a run of ASCII letters with white
space or an end on both sides is read as one token at once.  Only ``re`` work is spared: the tokens and their
places are those of the pattern without it (as sessions 38-47 shipped it), on random text built so that such runs
stand beside every piece another alternative reads (abbreviations before a capital, clitics, hosts of "n't",
initials, numbers, hyphens, apostrophes, punctuation, the white space ``re`` alone counts)."""

from __future__ import annotations

import random
import re

from mtfix.text.tokens import EWT_TOKEN_ASCII

#: The first alternative, as it stands in the pattern.
FAST = r"(?<![^\t\n\v\f\r ])[A-Za-z]++(?![^\t\n\v\f\r ])|"
#: The pattern without it.
BEFORE = re.compile(EWT_TOKEN_ASCII.pattern.replace(FAST, "", 1))

_PIECES = [
    "Mr.", "Jan.", "Gen.", "St.", "Sept.", "Co.", "MR", "Mrsx", "A", "a", "I", "x", "n", "N", "t", "s", "re", "don",
    "can", "didn", "Wasn", "nn", "'t", "’t", "n't", "n’t", "'s", "’re", "'", "’", ".", "..", "...", ",", ";", ":",
    "/", "-", "0", "12", "3.5", "1,500", "5th", "U.S.", "e.g.", "a.", "(", ")", '"', "!", "?", "_", "~", "\x00",
    "\x1c", "\x1f", "said", "The", "minister", "Baku", "abc123",
]
_BLANKS = [" ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\n\x00\n"]


def _texts(n: int, seed: int) -> list[str]:
    """Texts of pieces, often parted by white space (so that many runs of letters stand alone), sometimes glued."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 16)):
            parts.append(rng.choice(_PIECES))
            parts.append(rng.choice(_BLANKS) if rng.random() < 0.7 else "")
        out.append("".join(parts))
    return out


def test_the_alternative_stands_first_once():
    assert EWT_TOKEN_ASCII.pattern.count(FAST) == 1
    assert EWT_TOKEN_ASCII.pattern.startswith(r"(?=[^\t\n\v\f\r ])(?:" + FAST)
    assert BEFORE.pattern != EWT_TOKEN_ASCII.pattern and BEFORE.groups == EWT_TOKEN_ASCII.groups == 0


def test_tokens_and_places_are_those_without_it():
    texts = _texts(30_000, 48)
    for text in texts:
        assert [m.span() for m in EWT_TOKEN_ASCII.finditer(text)] == [m.span() for m in BEFORE.finditer(text)], text
    joined = "\n\x00\n".join(texts)  # as tokenize_many joins them
    assert EWT_TOKEN_ASCII.findall(joined) == BEFORE.findall(joined)


def test_runs_of_letters_beside_every_other_reading():
    """Words alone, and the same words where the other alternatives must read them: an abbreviation before a capital
    ("Mr. Aliyev"), a host of "n't", a clitic, initials, a hyphenated word, a word glued to a number or a mark."""
    text = ("Mr. Aliyev met Gen. Hasanov on Jan. 5 in Baku. He doesn't know; they won't go, and we can't say. "
            "The U.S. and e.g. the EU's co-operation (so-called \"rock 'n' roll\") ... a. b. I x\tN\vn\ft\rs\n"
            "abc123 5th 12:30 don 't rock-n-roll ends")
    assert EWT_TOKEN_ASCII.findall(text) == BEFORE.findall(text)
    assert "Aliyev" in EWT_TOKEN_ASCII.findall(text) and "Mr." in EWT_TOKEN_ASCII.findall(text)


def test_the_alternative_reads_the_words_alone():
    """It is no dead branch: in news text most words are runs of letters alone, and it takes them."""
    text = "Officials said the new bridge opens in May, and traffic will ease."
    fast = re.compile(FAST[:-1])
    alone = [m.group() for m in fast.finditer(text)]
    assert alone == ["Officials", "said", "the", "new", "bridge", "opens", "in", "and", "traffic", "will"]
    assert EWT_TOKEN_ASCII.findall(text) == [*alone[:7], "May", ",", *alone[7:], "ease", "."]


def test_a_mutant_that_drops_a_bound_differs():
    """Without its bound after the run, the alternative would take "don" of "don't" and "Mr" of "Mr." whole:
    the tokens would change, so the bounds are what keeps it exact."""
    mutant = re.compile(EWT_TOKEN_ASCII.pattern.replace(FAST, r"(?<![^\t\n\v\f\r ])[A-Za-z]++|", 1))
    text = "We don't know, Mr. Aliyev said."
    assert mutant.findall(text) != EWT_TOKEN_ASCII.findall(text) == BEFORE.findall(text)
