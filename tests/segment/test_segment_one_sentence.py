"""A piece of a block that :func:`mtfix.segment._one_sentence` passes skips pysbd: pysbd would give it whole
(session 25).  Compared with pysbd itself on random pieces of what pysbd reads (abbreviations, initials,
decimals, quotes, brackets, ellipses, list markers, dashes), and the segments of whole texts with and without
the fast path."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("pysbd")

from mtfix import segment  # noqa: E402
from mtfix.segment import sentence_ends  # noqa: E402

_WORDS = ["The", "minister", "said", "it", "is", "no", "more", "than", "a", "plan", "in", "the", "Co", "Inc", "Mr",
          "Dr", "St", "U.S", "e.g", "vs", "Jr", "J", "A", "I", "10", "3.5", "1,200", "5%", "(see", "fig", "2)", "(iv)",
          "(dc)", "(b)", "a)", "4)", "(Xinhua)", '"yes"', '"Yes"', "“good”", "“Good”", "”", "“", '"', "(", ")",
          "so-called", "-", "--", "-\"", "...", "…", "isn't", "China's", "'", "Beijing:", "said,", "and;", "x:y",
          "10:30", "p.m", "a.m", "0.5", "12.25", "v3.5", "1.2.3", "3.", ".5", "No", "Vol", "Art", "approx", "ca", "Hon", "Sept", "Q&A", "1.", "2.", "ii."]
_ENDS = ["", "", "", ".", ",", ":", ";", "?", "!", '."', '"', ")", "."]
_LAST = [".", ".", "", '"', ")", ".)", '."', "!", "?", "…", " "]


def _piece(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) + rng.choice(_ENDS) for _ in range(rng.randint(1, 14))]
    text = " ".join(words) + rng.choice(_LAST)
    if rng.random() < 0.3:  # most pieces that reach the test have no stop inside
        text = text[:-1].replace(".", "").replace("!", "").replace("?", "").replace("…", "") + text[-1]
    return text


def test_the_fast_path_gives_pysbd_sentences():
    rng = random.Random(25)
    fast = 0
    for _ in range(8000):
        piece = _piece(rng)
        if segment._not_local(piece) or not segment._one_sentence(piece):
            continue
        fast += 1
        assert segment._pysbd_relative(piece) == ((0, len(piece.rstrip())),), piece
    assert fast > 700  # hundreds reached (about 900 of 8,000)


@pytest.mark.parametrize("piece", [
    '"Yes" Then he left.',                # a quotation first: pysbd's own sentence
    "(Xinhua News) The rate rose.",       # a bracket first
    'the so-called -" Then it rose.',     # "-" and a quote before a capital
    "\xa0He left.",                       # white space first
    "The deal rose 5%!",                  # "!" last
    "Mr. Smith left.",                    # an abbreviation's period inside
    "It rose 3. 5 per cent.",             # a period after a digit, not between two
    "He was no.1 in the list.",           # a period after a letter, before a digit
    "J. Smith came.",                     # an initial
    "It went on... Then it stopped.",     # an ellipsis
    "It went on… Then it stopped.",
])
def test_what_may_split_goes_to_pysbd(piece):
    assert not segment._one_sentence(piece)


@pytest.mark.parametrize("piece", ['He said "yes" to the plan.', "Use the (dc) Then go.", "The “Belt” rose by 5%.",
                                   "Mr Smith (Inc) said “no” about it", "The firm (Beijing) grew.",
                                   'It rose 3.5 per cent in "Q3" 2.0.1.', "The ٣.٥ (rate) rose."])
def test_what_pysbd_gives_whole_skips_it(piece):
    assert segment._one_sentence(piece)
    assert segment._pysbd_relative(piece) == ((0, len(piece.rstrip())),)


def test_each_guard_is_needed():
    """Without any one of the guards, pysbd would split a piece the fast path keeps whole."""
    for piece in ['"Yes" Then he left.', "(Xinhua News) The rate rose.", 'the so-called -" Then it rose.',
                  "\xa0He left.", "It went on... Then it stopped."]:
        assert segment._pysbd_relative(piece) != ((0, len(piece.rstrip())),), piece


def test_segments_of_texts_as_without_the_fast_path(monkeypatch):
    rng = random.Random(2025)
    texts = []
    for _ in range(400):
        sents = [_piece(rng) for _ in range(rng.randint(2, 8))]
        texts.append(" ".join(s[:1].upper() + s[1:] for s in sents))
    fast = [segment.split_segments(t) for t in texts]
    segment._pysbd_spans.clear()
    monkeypatch.setattr(sentence_ends, "_one_sentence", lambda piece: False)
    plain = [segment.split_segments(t) for t in texts]
    segment._pysbd_spans.clear()
    assert fast == plain
