"""The look-aheads of :data:`mtfix.text.tokens.EWT_TOKEN_ASCII` (session 26) only spare ``re`` work: its tokens are
those of the same pattern without them (as it stood until session 25), on random text built from the pieces
every alternative reads (abbreviations, clitics, "n't", numbers, initials, hyphens, punctuation, the six
white-space characters and the ones ``re`` alone counts as white space).  Session 38 added two: the host of
"n't" read only where a run of letters has an apostrophe and "t" after it, initials only where a letter and a
period start the text; the pieces hold hosts, runs that end in "n" before other clitics, and lone "t"s."""

from __future__ import annotations

import random
import re

from mtfix.text.tokens import EWT_ABBREVIATIONS, EWT_TOKEN_ASCII

#: The pattern without the guards, as sessions 14-25 shipped it.
PLAIN = re.compile(
    rf"""(?:\b(?:{EWT_ABBREVIATIONS})\.(?=[\t\n\v\f\r ]+[A-Z0-9]))"""
    r"""|(?:n(?<=[A-Za-z]n)['’]t|['’](?<=[A-Za-z]['’])(?:s|re|ve|ll|d|m))(?![A-Za-z])"""
    r"""|[A-Za-z]+(?=n['’]t(?![A-Za-z]))"""
    r"""|[0-9]+(?:[.,:/][0-9]+)*(?:[A-Za-z]{1,3}\b)?"""
    r"""|(?:[A-Za-z]\.){2,}"""
    r"""|[A-Za-z0-9]+(?:-[A-Za-z0-9]+|['’](?!(?:s|re|ve|ll|d|m)(?![A-Za-z]))[A-Za-z]+)*"""
    r"""|\.\.\.|[^\t\n\v\f\r A-Za-z0-9]"""
)

_PIECES = [
    *EWT_ABBREVIATIONS.split("|"), "MR", "mr", "Mrsx", "Sepx", "Corpo", "A", "x", "n", "N", "t", "s", "re", "ll",
    "don", "can", "won", "didn", "isn", "Wasn", "n", "nn", "'t", "’t", "tn", "'", "’", "n't", "n’t", "'s", "’re", "'ve", "'d", "'m", ".", "..", "...", ",", ":", "/", "-",
    "--", "0", "12", "3.5", "1,500", "12:30", "5th", "2024s", "U.S.", "e.g.", "a.", "(", ")", '"', "!", "?",
    " ", " ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x1c", "\x1f", "\x00", "_", "~",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_abbreviations_fit_the_guard():
    assert all(re.fullmatch(r"[A-Z][a-z]{1,3}", a) for a in EWT_ABBREVIATIONS.split("|"))


def test_guarded_tokens_are_the_plain_ones():
    texts = _texts(40_000, 26)
    assert EWT_TOKEN_ASCII.groups == PLAIN.groups == 0
    for text in texts:
        assert EWT_TOKEN_ASCII.findall(text) == PLAIN.findall(text), text
    joined = "\n\x00\n".join(texts)  # as tokenize_many joins them
    assert EWT_TOKEN_ASCII.findall(joined) == PLAIN.findall(joined)


def test_news_sentences_tokenise_as_before():
    text = ("Mr. Aliyev met Gen. Hasanov on Jan. 5 in Baku. Prices rose 3.5% to $1,500 at 12:30, officials "
            "said. He doesn't know; they won't go, and we can't say. The U.S. and e.g. the EU's co-operation "
            "(so-called \"rock 'n' roll\") ... Co. No. 5 St. Mary's Dr. no.1 Sept. 11.")
    assert EWT_TOKEN_ASCII.findall(text) == PLAIN.findall(text)


def test_pieces_reach_the_guarded_alternatives():
    """The random texts hold hosts of "n't" and initials, so the two guards of session 38 are exercised."""
    texts = _texts(40_000, 26)
    hosts = sum(1 for t in texts for w in PLAIN.findall(t) if w.isalpha() and t.find(w + "n'") >= 0)
    initials = sum(1 for t in texts for w in PLAIN.findall(t) if re.fullmatch(r"(?:[A-Za-z]\.){2,}", w))
    assert hosts > 1000 and initials > 1000
