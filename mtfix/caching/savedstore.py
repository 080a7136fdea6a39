"""A store of compiled code saved whole in the user's cache: what :mod:`mtfix.caching.codecache` (dataclass
methods) and :mod:`mtfix.caching.recodecache` (``re``'s patterns) share.

The entries are read from the cache (:func:`mtfix.caching.cache.lookup_blob`) on the first :meth:`SavedStore.get`
and held in a :class:`mtfix.caching.bounded.Bounded` of ``held`` entries; what the process adds is written at exit
(:meth:`SavedStore.save`, registered with ``atexit`` by the module that installs the store).  A saved store
holds at most ``limit`` entries: past it, only the entries this process used are kept, so the entries of
other programs that imported mtfix's command line (a test run) leave with the next command's save.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

from mtfix.caching import cache
from mtfix.caching.bounded import Bounded


class _Entries(Bounded):
    """A store's entries: starting again (:meth:`Bounded.put` at the bound) forgets what was used too."""

    __slots__ = ("used",)

    def __init__(self, size: int, used: set[Hashable]):
        super().__init__(size)
        self.used = used

    def clear(self) -> None:
        super().clear()
        self.used.clear()


class SavedStore:
    """Entries read once from the cache entry of ``raw()`` and ``kind`` in ``folder``, added to as the
    process runs, saved at exit.  Call :meth:`get` and :meth:`add` holding :attr:`lock` (re-entrant:
    reading the cache may compile a pattern)."""

    __slots__ = ("raw", "kind", "folder", "limit", "held", "lock", "entries", "used", "added", "loading")

    def __init__(self, raw: Callable[[], bytes], kind: str, folder: str, *, limit: int = 1024, held: int = 8192):
        self.raw, self.kind, self.folder = raw, kind, folder
        self.limit = limit  # entries a saved store may hold
        self.held = held  # entries held in one process; past it, the process starts again
        self.lock = threading.RLock()
        self.reset()

    def reset(self) -> None:
        """As a fresh process finds the store: nothing read, used or added."""
        self.entries: _Entries | None = None
        self.used: set[Hashable] = set()
        self.added = False
        self.loading = False  # True while the entries are being read

    def get(self, key: Hashable) -> Any:
        """The value stored for ``key`` (None when none, or while the entries are being read), which
        counts as used."""
        if self.entries is None:
            if self.loading:  # a compile that reading the cache makes (platformdirs' patterns)
                return None
            self.loading = True
            try:
                found, value = cache.lookup_blob(self.raw(), self.kind, self.folder)
            finally:
                self.loading = False
            self.entries = _Entries(self.held, self.used)
            if found and isinstance(value, dict):
                self.entries.update(value)
        self.used.add(key)
        return self.entries.get(key)

    def add(self, key: Hashable, value: Any) -> Any:
        """Hold ``value`` for ``key`` (nothing while the entries are being read); a store at ``held``
        entries starts again, with ``key`` alone used."""
        if self.entries is not None:
            self.entries.put(key, value)
            self.used.add(key)
            self.added = True
        return value

    def to_keep(self) -> dict:
        """What to save: the entries within ``limit``, else only those this process used.

        >>> s = SavedStore(bytes, "k", "code", limit=1)
        >>> s.entries = _Entries(8, s.used); s.entries.update(a=1, b=2); s.used.add("b")
        >>> s.to_keep()
        {'b': 2}
        """
        entries = self.entries or {}
        if len(entries) <= self.limit:
            return dict(entries)
        return {k: v for k, v in entries.items() if k in self.used}

    def save(self) -> None:
        """Store the entries when this process added some or they are past ``limit`` (a cache to trim)."""
        with self.lock:
            if self.entries is not None and (self.added or len(self.entries) > self.limit):
                cache.remember_blob(self.raw(), self.kind, self.to_keep(), self.folder)
                self.added = False
