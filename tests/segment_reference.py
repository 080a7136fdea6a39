"""Segments with the sentence splitter's fast path on and off, for the tests that compare them."""

from __future__ import annotations

from typing import Any

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
    """Segments with every block sent to pysbd whole and pysbd given the block as it stands (seg-14 and before: an
    empty pair ``""``, a unit mark after a digit, a backslash read by pysbd's own patterns; seg-15 read only ``""``
    otherwise), for the tests of seg-15 and seg-16: pysbd then pairs a quote with the next one over."""
    from mtfix.segment import pysbd_pass

    saved = pysbd_pass._pysbd_reading
    pysbd_pass._pysbd_reading = lambda block: block
    pysbd_pass._pysbd_spans.clear()
    try:
        return reference_segments(text)
    finally:
        pysbd_pass._pysbd_reading = saved
        pysbd_pass._pysbd_spans.clear()


def record_pysbd_calls(monkeypatch: Any) -> list[str]:
    """The blocks the splitter hands pysbd from now on (the list fills as it runs; pysbd still splits them)."""
    calls: list[str] = []
    real = sentence_ends._pysbd

    def recording(block: str, start: int) -> list[tuple[int, int]]:
        calls.append(block)
        return real(block, start)

    monkeypatch.setattr(sentence_ends, "_pysbd", recording)
    return calls
