"""The methods ``dataclasses`` writes, compiled once per installation (the command line only).

For every dataclass, ``dataclasses`` writes the source of ``__init__``, ``__repr__``,
``__eq__`` and the rest and compiles it with ``exec``: the 46 dataclasses a cold
``mtfix check`` defines cost it about 25 ms of compiling.  :func:`install` gives the
``dataclasses`` module an ``exec`` of its own that compiles each source text once and keeps
the code in the user's cache (:mod:`mtfix.caching.cache`, folder ``code/``, one entry per mtfix
and Python version, written at exit when it gained code).  The code is what ``exec``
would compile from the same text (same file name, no inherited ``__future__`` flags), so
every class is the same.  ``MTFIX_NO_CACHE=1`` leaves ``dataclasses`` alone.
"""

from __future__ import annotations

import atexit
import builtins
import sys
from types import CodeType
from typing import Any

from mtfix.caching import cache
from mtfix.caching.savedstore import SavedStore

_KIND = "dataclass-code-1"
_RAW = f"dataclasses: compiled method sources, optimize={sys.flags.optimize}".encode()
#: The compiled code, saved at exit.  A saved cache keeps at most 1,024 entries: past it, only the code this
#: process used, so the methods of other programs that imported mtfix's command line (a test run) leave with
#: the next command's save (a cache of 2,685 entries, 3 MB, cost a cold check 77 million instructions to
#: read, 7 %).
STORE = SavedStore(lambda: _RAW, _KIND, "code", limit=1024, held=8192)


def install() -> bool:
    """Route ``dataclasses``' ``exec`` through the cache; False when the cache is off or it was done."""
    import dataclasses

    if not cache.enabled() or "exec" in vars(dataclasses):
        return False
    dataclasses.exec = cached_exec  # a module global shadows the builtin for dataclasses alone
    atexit.register(save)
    return True


def cached_exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:  # noqa: A002
    """``exec(source, globals, locals)``, with a source text compiled from the cache."""
    if isinstance(source, str):
        source = code_for(source)
    builtins.exec(source, globals, locals)


def code_for(source: str) -> CodeType:
    """``compile(source, "<string>", "exec")`` as ``exec`` does it, from the cache when it holds it."""
    with STORE.lock:
        code = STORE.get(source)
        if not isinstance(code, CodeType):
            code = STORE.add(source, builtins.compile(source, "<string>", "exec", dont_inherit=True))
        return code


def save() -> None:
    """Store the code compiled in this process with what was read (:meth:`SavedStore.save`)."""
    STORE.save()
