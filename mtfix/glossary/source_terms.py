"""MTF307: a source term whose target term is missing from the translation.

For bilingual input (``Document.source`` set), the source-language terms of
all entries go into a second Aho-Corasick automaton, built on first use.  A
source term counts at a word start and before a word end or a case suffix
("Paşinyanın" holds "Paşinyan"); the translation then needs one of the
entry's forms (a variant counts too: MTF301 fixes it).

>>> from mtfix.glossary.model import Entry
>>> st = SourceTerms([Entry("Karabakh", source=("Qarabağ",), type="place")])
>>> [e.term for e in st.find("Qarabağda sülh")], [e.term for e in st.find("Qarabag\u0306da sülh")]
(['Karabakh'], ['Karabakh'])
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable

from mtfix.glossary.inflect import GENITIVE, OTHER_CASES
from mtfix.glossary.matcher import lower_same_length, normal_form
from mtfix.glossary.model import Entry

_SUFFIXES = GENITIVE | OTHER_CASES | {"ın", "dakı", "dəki", "lar", "lər", "nın", "sı", "si", "su", "sü"}


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


class SourceTerms:
    """Finds the entries whose source terms occur in a source text."""

    def __init__(self, entries: Iterable[Entry]):
        self._entries = list(entries)
        self._auto = None
        self._owners: list[list[tuple[Entry, str]]] = []
        self._lock = threading.Lock()

    def _build(self):
        import ahocorasick

        slots: dict[str, int] = {}
        for e in self._entries:
            for s in map(normal_form, e.source):
                key = lower_same_length(s)
                if key not in slots:
                    slots[key] = len(self._owners)
                    self._owners.append([])
                self._owners[slots[key]].append((e, s))
        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, i in slots.items():
            auto.add_word(key, i)
        if slots:
            auto.make_automaton()
        return auto

    def find(self, source: str) -> list[Entry]:
        """Entries with a source term in ``source``, in order of first occurrence."""
        if self._auto is None:
            with self._lock:
                if self._auto is None:
                    self._auto = self._build()
        if not self._owners:
            return []
        source = normal_form(source)  # a source typed decomposed (NFD) holds the same terms
        low = lower_same_length(source)
        out: dict[int, Entry] = {}
        for last, slot in self._auto.iter(low):
            for e, form in self._owners[slot]:
                start, end = last + 1 - len(form), last + 1
                if start > 0 and _word(source[start - 1]):
                    continue
                if end < len(source) and _word(source[end]):
                    tail = source[end:end + 5]
                    k = 0
                    while k < len(tail) and _word(tail[k]):
                        k += 1
                    if tail[:k].lower() not in _SUFFIXES:
                        continue
                out.setdefault(id(e), e)
        return list(out.values())
