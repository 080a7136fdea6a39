"""The repetition detectors' old single module (758 lines until session 38), now a map of where each part lives.

- :mod:`~mtfix.rules.detectors.repeat_scan`: the cheap scan they share (where a word or phrase comes again).
- :mod:`~mtfix.rules.detectors.doubled_words`: ``the the`` (MTF105, ``repeated_word``).
- :mod:`~mtfix.rules.detectors.phrase_loops`: n-gram loops (MTF106, ``repeated_ngram``).
- :mod:`~mtfix.rules.detectors.coordinated_copies`: ``compassion and compassion`` (MTF116, ``coordinated_repeat``).
- :mod:`~mtfix.rules.detectors.deliberate_repeats`: copies said on purpose (``utterance``, ``emphatic_opening``).

Every name the old module had is read from its home through this one (``repetition.same_word``,
``from mtfix.rules.detectors.repetition import _bare_tokens``), and a name set on it is set in every home that
holds it, as one module's global was: ``monkeypatch.setattr(repetition, "_SKIP", 3)`` still reaches the scan, and
its undo (a delete here) puts back what the set replaced.
New code imports from the homes.
"""

from __future__ import annotations

import sys
from types import ModuleType

from mtfix.rules.detectors import coordinated_copies, deliberate_repeats, doubled_words, phrase_loops, repeat_scan

#: where the names live, the scan first: a name read through this module is the first home's that holds it
HOMES: tuple[ModuleType, ...] = (repeat_scan, deliberate_repeats, doubled_words, coordinated_copies, phrase_loops)


def _homes_of(name: str) -> list[ModuleType]:
    return [m for m in HOMES if name in vars(m)]


#: for each name set through this module, the values it replaced in the homes, last set last: deleting the name
#: here puts them back (pytest's ``monkeypatch`` undoes a set on a name not in the module's own namespace so)
_REPLACED: dict[str, list[dict[ModuleType, object]]] = {}


class _Forwarding(ModuleType):
    """This module, its names read from and written to their homes (:data:`HOMES`)."""

    def __getattr__(self, name: str) -> object:  # only for a name not in this module's own namespace
        for home in _homes_of(name):
            return getattr(home, name)
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

    def __setattr__(self, name: str, value: object) -> None:
        homes = _homes_of(name) if name not in vars(self) else []
        if not homes:
            super().__setattr__(name, value)
            return
        _REPLACED.setdefault(name, []).append({home: vars(home)[name] for home in homes})
        for home in homes:
            setattr(home, name, value)

    def __delattr__(self, name: str) -> None:
        if name in vars(self) or not _REPLACED.get(name):
            super().__delattr__(name)
            return
        for home, value in _REPLACED[name].pop().items():
            setattr(home, name, value)

    def __dir__(self) -> list[str]:
        return sorted(set(vars(self)) | {n for m in HOMES for n in vars(m) if not n.startswith("__")})


sys.modules[__name__].__class__ = _Forwarding
