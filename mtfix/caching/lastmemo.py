"""A one-entry memo: the value built for the last object asked about, found again by identity; and :class:`Once`, a
value of one object built when first asked for.

A document's markup offsets, its view without zero-width marks, the index of a list of spans: the rules, the
glossary and a report each ask for the same object's value in turn, and the value never changes while the
object lives.  :class:`LastMemo` keeps the last one (a new object replaces it whole, so memory stays one entry);
an optional ``stamp`` (the length of a list that may grow, the text a value was built from) must also be equal
for a hit.  The key is held until the next one replaces it.

>>> calls = []
>>> def total(xs: list[int]) -> int:
...     calls.append(1)
...     return sum(xs)
>>> memo = LastMemo(total, stamp=lambda xs: len(xs))
>>> xs = [1, 2]
>>> memo(xs), memo(xs), len(calls)
(3, 3, 1)
>>> xs.append(4)  # the stamp (its length) changed: built again
>>> memo(xs), len(calls)
(7, 2)
>>> memo([1, 2]), len(calls)  # an equal list is another object
(3, 3)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LastMemo(Generic[K, V]):
    """``build(key, *args)`` for the last ``key`` asked about (by identity, and by ``stamp(key, *args)``
    compared with ``==`` when given); the extra ``args`` only feed ``build`` and ``stamp``."""

    __slots__ = ("_build", "_stamp", "_entry")

    def __init__(self, build: Callable[..., V], stamp: Callable[..., Any] | None = None):
        self._build = build
        self._stamp = stamp
        self._entry: tuple[K, Any, V] | None = None  # (the key, its stamp, its value)

    def __call__(self, key: K, *args: Any) -> V:
        entry = self._entry
        stamp = None if self._stamp is None else self._stamp(key, *args)
        if entry is not None and entry[0] is key and entry[1] == stamp:
            return entry[2]
        value = self._build(key, *args)
        self._entry = (key, stamp, value)
        return value

    def __len__(self) -> int:
        """1 when it holds a value, else 0 (so an empty memo is false)."""
        return 0 if self._entry is None else 1

    def clear(self) -> None:
        """Forget the entry (and let its key go)."""
        self._entry = None


class Once(Generic[K, V]):
    """The value a subclass's :meth:`_build` makes of one ``key`` (a document's text), made on the first call and
    kept (:data:`None` until then, so a value is never None): a value of one check, asked for by many of its
    findings, that a check which never asks never pays for (sessions 40 and 45; one helper since session 46).

    >>> class Length(Once[str, int]):
    ...     __slots__ = ()
    ...     def _build(self, key: str) -> int:
    ...         print("built")
    ...         return len(key)
    >>> n = Length("abc")
    >>> n(), n()
    built
    (3, 3)
    """

    __slots__ = ("_key", "_value")

    def __init__(self, key: K) -> None:
        self._key = key
        self._value: V | None = None

    def _build(self, key: K) -> V:
        raise NotImplementedError

    def __call__(self) -> V:
        if self._value is None:
            self._value = self._build(self._key)
        return self._value
