"""A glossary compiled: the automaton and the indexes built from one glossary, immutable once built and shared by
every checker of the same files in a process (session 44: from ``checker.py``)."""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path

from mtfix.glossary.capitals_names import NameWords
from mtfix.glossary.formats import gc_paused
from mtfix.glossary.initials import SurnameIndex
from mtfix.glossary.loading import assemble, bundled_glossary_paths, file_key
from mtfix.glossary.matcher import Matcher
from mtfix.glossary.misspell import NameIndex
from mtfix.glossary.model import Glossary
from mtfix.glossary.source_terms import SourceTerms

#: The tokens whose nearest name a compiled glossary remembers at most.
_CACHE_LIMIT = 50_000


class Compiled:
    """Everything built from one glossary; immutable once built, shared between threads."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        with gc_paused():
            self.matcher = Matcher(glossary.entries)
            self.names = NameIndex(glossary.entries)
            self.surnames = SurnameIndex(glossary.entries)
            self.source_terms = SourceTerms(glossary.entries)
        self.near_cache: dict[str, tuple[str, int] | None] = {}  # token → nearest name (a benign race)
        self._name_words: NameWords | None = None

    @property
    def name_words(self) -> NameWords:
        """The words this glossary's names go on with (:class:`NameWords`), made at the first headline in capitals
        with a misspelt name that asks (a benign race: two threads make the same)."""
        words = self._name_words
        if words is None:
            words = self._name_words = NameWords.of(self.glossary.entries)
        return words

    def nearest(self, token: str) -> tuple[str, int] | None:
        try:
            return self.near_cache[token]
        except KeyError:
            pass
        found = self.names.nearest(token)
        if len(self.near_cache) < _CACHE_LIMIT:
            self.near_cache[token] = found
        return found

    def signature(self) -> str:
        g = self.glossary
        if g.digests and len(g.digests) == len(g.sources):
            return "+".join(f"{Path(s).stem}@{d[:8]}" for s, d in zip(g.sources, g.digests, strict=True))
        h = hashlib.sha1("\n".join(repr(e) for e in g.entries).encode("utf-8")).hexdigest()[:8]
        return f"in-memory@{h}"


_compile_lock = threading.Lock()


@lru_cache(maxsize=8)
def _compiled(keys: tuple[tuple[str, int, int], ...], user_files: tuple[str, ...], bundled: bool) -> Compiled:
    return Compiled(assemble(user_files, bundled=bundled))


def compiled_for(user_files: tuple[str, ...], bundled: bool) -> Compiled:
    """The compiled glossary for these files, built once per process (until a file changes)."""
    keys = tuple(file_key(p) for p in [*(bundled_glossary_paths() if bundled else []), *user_files])
    with _compile_lock:
        return _compiled(keys, tuple(user_files), bundled)
