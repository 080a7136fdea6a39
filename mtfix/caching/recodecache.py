"""Patterns of the standard ``re`` module compiled once per installation (the command line only).

``re`` parses a pattern and generates its code in pure Python: the 156 patterns a cold
``mtfix check`` compiles (pysbd's rules, the standard library's modules, mtfix's own) cost it
about 90 million instructions, 8 % of the whole run.  What the compiler produces is plain data:
the arguments of ``_sre.compile`` (the pattern, its flags, the code as a list of integers, the
group count and names).  :func:`install` routes ``re``'s compiler through this module: a
pattern's arguments are read from the user's cache (:mod:`mtfix.caching.cache`, folder ``code/``, one
entry per mtfix, Python and ``_sre`` version, written at exit when it gained patterns) and the
pattern is built from them.  A pattern enters the cache only when the pattern built from its
arguments equals the one ``re`` compiles (``re`` compares patterns by their code; the group
names and count are compared too), so every pattern is the same.  ``MTFIX_NO_CACHE=1`` leaves ``re`` alone.
"""

from __future__ import annotations

import atexit
from typing import Any

from mtfix.caching import cache
from mtfix.caching.savedstore import SavedStore

_original: Any = None
_differs = False  # set when arguments read here built another pattern than re's


def _raw() -> bytes:
    import _sre

    return f"re: compiled patterns, _sre {_sre.MAGIC} {_sre.CODESIZE}".encode()


#: The patterns' arguments, saved at exit.  A saved cache keeps at most 1,024 entries: past it, only the
#: patterns this process used, so patterns of other programs that imported mtfix's command line (a test
#: run) leave with the next command's save.
STORE = SavedStore(_raw, "re-code-1", "code", limit=1024, held=8192)


def install() -> bool:
    """Route ``re``'s compiler through the cache; False when the cache is off or it was done."""
    global _original
    from re import _compiler

    if not cache.enabled() or _original is not None:
        return False
    _original = _compiler.compile
    _compiler.compile = cached_compile  # what re._compile calls on a miss of re's own cache
    atexit.register(save)
    return True


def cached_compile(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile(p, flags)``, built from the cache when it holds the pattern."""
    global _differs
    import _sre
    from re import _compiler

    original = _original or _compiler.compile
    if not isinstance(p, (str, bytes)) or not isinstance(flags, int):
        return original(p, flags)
    key = (p, int(flags))
    with STORE.lock:
        if STORE.loading:  # a pattern the reading of the cache compiles (platformdirs'): as re would
            return original(p, flags)
        args = STORE.get(key)
    if isinstance(args, tuple) and args and args[0] == p:  # else no entry, or one that is not this pattern's
        try:
            return _sre.compile(*args)
        except Exception:  # damaged entry: compiled afresh below
            pass
    compiled = original(p, flags)
    args = None if _differs else _arguments(p, int(flags))
    if args is not None:
        try:  # patterns compare by their code alone: the group names and count are compared too
            built = _sre.compile(*args)
            same = built == compiled and built.groupindex == compiled.groupindex and built.groups == compiled.groups
        except Exception:
            same = False
        if not same:  # this Python's compiler is not the one read here: no more second compiles
            _differs = True
        else:
            with STORE.lock:
                STORE.add(key, args)
    return compiled


def _arguments(pattern: str | bytes, flags: int) -> tuple[Any, ...] | None:
    """The arguments ``re._compiler.compile`` gives ``_sre.compile`` for ``pattern`` (None for a
    debugging pattern, or when this Python's compiler differs)."""
    from re import _compiler, _parser

    if flags & _compiler.SRE_FLAG_DEBUG:
        return None
    try:
        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        state = tree.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in state.groupdict.items():
            indexgroup[i] = name
        return (pattern, int(flags | state.flags), list(map(int, code)), state.groups - 1, dict(state.groupdict),
                tuple(indexgroup))
    except Exception:
        return None


def save() -> None:
    """Store the patterns compiled in this process with what was read (:meth:`SavedStore.save`)."""
    STORE.save()


def uninstall() -> None:
    """Give ``re`` its own compiler back (for tests)."""
    global _original
    from re import _compiler

    if _original is not None:
        _compiler.compile = _original
        _original = None

