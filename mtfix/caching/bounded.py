"""Bounded stores: the one policy of every in-process cache mtfix fills as it runs.

A store holds at most ``size`` entries; putting one in a full store empties it first, and it starts
again (no recency bookkeeping, so a hit stays a plain dict look-up, in C).  A long-running process
(the language server) does not grow without limit, and the values never depend on what is cached:
starting again costs only recomputing.  :class:`BoundedMemo` computes a missing value itself; the
garble detector's hot paths, the segmenter and the glossary use it, :mod:`mtfix.caching.regexcache` puts its
patterns with :meth:`Bounded.put`, and :class:`mtfix.caching.savedstore.SavedStore` (compiled code saved in the
user's cache) holds its entries in a :class:`Bounded`.

>>> squares = BoundedMemo(lambda n: n * n, size=2)
>>> squares[3], squares[4], len(squares)
(9, 16, 2)
>>> squares[5], len(squares)  # full: it starts again rather than grow
(25, 1)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Bounded(dict):
    """A dict of at most ``size`` entries, filled with :meth:`put`."""

    __slots__ = ("size",)

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def put(self, key: Any, value: Any) -> Any:
        """Store ``value`` under ``key`` and return it; a full store is emptied first."""
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value


class BoundedMemo(Bounded):
    """``key → compute(key)``, computed and stored on a miss (a hit is a plain dict look-up, in C)."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[Any], Any], size: int):
        super().__init__(size)
        self.compute = compute

    def __missing__(self, key: Any) -> Any:
        value = self.compute(key)
        # Bounded.put, inlined: a miss is on the detector's hot path, and the call cost a check of 1 MB of
        # distinct news 0.1 % more instructions (bench/RESULTS.md, session 28); tests/caching/test_bounded.py holds both
        # to one policy
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value


class SizedMemo(BoundedMemo):
    """A :class:`BoundedMemo` also bounded by the summed ``weigh(key)`` of its entries (the characters of the
    documents it is keyed by): a memo of whole documents sized by entries alone kept thousands of them, of
    any length (session 30).  Putting an entry that would pass ``budget`` empties the store first, so the
    last entry is always kept, however heavy (a document asked for twice is computed once).

    >>> m = SizedMemo(len, size=100, weigh=len, budget=10)
    >>> m["abcd"], m["efgh"], len(m), m.load
    (4, 4, 2, 8)
    >>> m["ijklmnopqrstuvwxyz"], len(m), m.load  # over the budget: it starts again, and keeps this one
    (18, 1, 18)
    """

    __slots__ = ("budget", "load", "weigh")

    def __init__(self, compute: Callable[[Any], Any], size: int, weigh: Callable[[Any], int], budget: int):
        super().__init__(compute, size)
        self.weigh = weigh
        self.budget = budget
        self.load = 0

    def __missing__(self, key: Any) -> Any:
        return self.put(key, self.compute(key))

    def put(self, key: Any, value: Any) -> Any:
        """Store ``value`` under ``key``, weighed as a computed one is, and return it (a value computed for many keys at
        once: :mod:`mtfix.rules.detectors.repeat_memo`)."""
        weight = self.weigh(key)
        if len(self) >= self.size or self.load + weight > self.budget:
            self.clear()
        self[key] = value
        self.load += weight
        return value

    def clear(self) -> None:
        """Empty the store (and its load)."""
        super().clear()
        self.load = 0
