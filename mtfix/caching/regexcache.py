"""``regex`` patterns compiled once per installation, not once per process.

The ``regex`` module parses and compiles a pattern in pure Python (about 0.5 ms
for a simple pattern, 2–5 ms for a token pattern), and a cold ``mtfix check``
compiles some 60 of them.  What the compiler produces is plain data: the
arguments of the extension's constructor, which ``regex`` itself pickles a
pattern as (``Pattern._pickled_data``, rebuilt by ``_regex.compile``).  This
module keeps those arguments in the user's cache (:mod:`mtfix.caching.cache`, folder
``regex/``), keyed by the pattern, its flags, ``regex``'s default version and
the versions of ``regex``, mtfix and Python, and rebuilds the pattern from them.
A miss, a corrupt entry or an entry that does not rebuild compiles as before
(and errors are ``regex``'s own); ``MTFIX_NO_CACHE=1`` turns it off.  Within a
process, the same pattern and flags give the same object, as ``regex.compile``
does for the patterns its own cache holds.

The command line (:func:`install`) also keeps every pattern's arguments in one entry, a
:class:`mtfix.caching.savedstore.SavedStore` read once and saved at exit when it gained patterns: a cold
``check`` rebuilds its 106 patterns from one file instead of reading 106 (about 20 ms; session 30).
A pattern the store lacks is looked up in its own entry, then compiled, as above.
"""

from __future__ import annotations

import atexit
import threading
from typing import Any

import regex

from mtfix.caching import cache
from mtfix.caching.bounded import Bounded
from mtfix.caching.savedstore import SavedStore

_KIND = "regex-pattern-1"
#: (pattern, flags, regex's default version) → the pattern, within this process
_memo: Bounded = Bounded(4096)
_lock = threading.Lock()
#: The command line's patterns in one entry ((pattern, flags, regex's default version) → the arguments),
#: consulted first once :func:`install` ran; within 1,024 entries, else only what the process used.
STORE = SavedStore(lambda: f"regex: compiled patterns, regex {regex.__version__}".encode(), "regex-patterns-1",
                   "regex", limit=1024, held=8192)
_installed = False


def install() -> bool:
    """Read and save the patterns through :data:`STORE` (the command line only); False when the cache is
    off or it was done."""
    global _installed
    if not cache.enabled() or _installed:
        return False
    _installed = True
    atexit.register(save)
    return True


def save() -> None:
    """Store the patterns this process rebuilt or compiled with what was read (:meth:`SavedStore.save`)."""
    STORE.save()


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - regex.compile's name, on purpose
    """``regex.compile(pattern, flags)``, from the cache when it holds the compiled pattern."""
    memo_key = (pattern, flags, regex.DEFAULT_VERSION)
    found = _memo.get(memo_key)
    if found is not None:
        return found
    if not isinstance(pattern, str):
        return regex.compile(pattern, flags)
    stored = _installed and isinstance(flags, int)
    compiled = _from_store(pattern, flags) if stored else None
    if compiled is None:
        compiled = _from_entry(pattern, flags)
        if stored:
            data = _data(compiled)
            if data is not None:
                with STORE.lock:
                    STORE.add(_store_key(pattern, flags), data)
    with _lock:  # another thread's compile of the same pattern, when it came first
        found = _memo.get(memo_key)
        return found if found is not None else _memo.put(memo_key, compiled)


def _from_entry(pattern: str, flags: int) -> regex.Pattern:
    """The pattern from its own cache entry, else compiled (and its entry written)."""
    raw = _raw(pattern, flags)
    compiled = _rebuild(pattern, cache.lookup_blob(raw, _KIND, "regex"))
    if compiled is None:
        compiled = regex.compile(pattern, flags)
        data = _data(compiled)
        if data is not None:
            cache.remember_blob(raw, _KIND, data, "regex")
    return compiled


def _store_key(pattern: str, flags: int) -> tuple[str, int, int]:
    return pattern, int(flags), int(regex.DEFAULT_VERSION)


def _from_store(pattern: str, flags: int) -> regex.Pattern | None:
    """The pattern rebuilt from :data:`STORE`, or None (not there, or an entry that is not this pattern's)."""
    with STORE.lock:
        data = STORE.get(_store_key(pattern, flags))
    return _rebuild(pattern, (data is not None, data))


def _raw(pattern: str, flags: int) -> bytes:
    """What the cache key is made of."""
    head = f"{regex.__version__}\0{regex.DEFAULT_VERSION}\0{flags}\0"
    return head.encode() + pattern.encode("utf-8", "surrogatepass")


def _data(compiled: regex.Pattern) -> tuple[Any, ...] | None:
    """The constructor arguments of ``compiled`` when they can be stored (not for a pattern that
    depends on the locale: that one is compiled each time, as ``regex`` would)."""
    data = getattr(compiled, "_pickled_data", None)
    if not isinstance(data, tuple) or not data or compiled.flags & regex.LOCALE:
        return None
    return data


def _rebuild(pattern: str, entry: tuple[bool, Any]) -> regex.Pattern | None:
    """The pattern rebuilt from a cache entry, or None (no entry, or one that is not this pattern's)."""
    found, data = entry
    if not found or not isinstance(data, tuple) or not data or data[0] != pattern:
        return None
    try:
        from regex import _regex

        compiled = _regex.compile(*data)
    except Exception:  # an entry another regex wrote, or damaged: compiled afresh
        return None
    return compiled if compiled.pattern == pattern else None
