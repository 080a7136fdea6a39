"""Segments with the sentence splitter's fast path on and off, for the tests that compare them."""

from __future__ import annotations

from mtfix import segment
from mtfix.segment import sentence_ends


def reference_segments(text: str) -> list[tuple[int, int]]:
    """Segments with the fast path off: every block with a possible end goes to pysbd whole."""
    saved = sentence_ends._not_local
    sentence_ends._not_local = lambda block: True
    try:
        return [(s.start, s.end) for s in segment.split_segments(text)]
    finally:
        sentence_ends._not_local = saved


def fast_segments(text: str) -> list[tuple[int, int]]:
    """Segments as the splitter gives them."""
    return [(s.start, s.end) for s in segment.split_segments(text)]


def pysbd_pairing_segments(text: str) -> list[tuple[int, int]]:
    """Segments with every block sent to pysbd whole and pysbd reading an empty pair of straight quotes ``""`` as it
    stands (seg-14 and before: it pairs the second quote with the next one over), for the tests of seg-15."""
    from mtfix.segment import pysbd_pass

    saved = pysbd_pass._empty_quotes_hidden
    pysbd_pass._empty_quotes_hidden = lambda block: block
    pysbd_pass._pysbd_spans.clear()
    try:
        return reference_segments(text)
    finally:
        pysbd_pass._empty_quotes_hidden = saved
        pysbd_pass._pysbd_spans.clear()
