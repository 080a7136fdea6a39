"""A bounded memo: the one cache shape the garble detector's hot paths share.

>>> squares = BoundedMemo(lambda n: n * n, size=2)
>>> squares[3], squares[4], len(squares)
(9, 16, 2)
>>> squares[5], len(squares)  # full: it starts again rather than grow
(25, 1)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class BoundedMemo(dict):
    """``key → compute(key)``, computed and stored on a miss (a hit is a plain dict look-up, in C).
    Cleared when it holds ``size`` entries, so a long-running process (the language server)
    does not grow without limit; the values never depend on what is cached."""

    __slots__ = ("compute", "size")

    def __init__(self, compute: Callable[[Any], Any], size: int):
        super().__init__()
        self.compute = compute
        self.size = size

    def __missing__(self, key: Any) -> Any:
        value = self.compute(key)
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
