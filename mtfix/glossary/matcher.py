"""Exact matching of every glossary form at once, with an Aho-Corasick automaton.

All forms (terms, accepted spellings, variants, forbidden forms) go into one
automaton over lower-cased text; a hit counts when it stands at word
boundaries (or, for source-language spellings, before an Azerbaijani case
suffix) and, for case-sensitive entries, when the case matches.  Of
overlapping hits the longest wins.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from mtfix.glossary.model import Entry, Glossary

# Letters that only a source-language spelling has (Azerbaijani, Turkish).
SOURCE_LETTERS = set("əƏıİşŞğĞçÇöÖüÜ")
# Azerbaijani case suffixes (with vowel harmony and buffer consonants); genitives become 's.
GENITIVE = ("nın", "nin", "nun", "nün", "ın", "in", "un", "ün")
OTHER_CASES = ("dan", "dən", "da", "də", "ya", "yə", "nı", "ni", "nu", "nü", "a", "ə", "ı", "i", "u", "ü")
_WORDCHAR = regex.compile(r"[\p{L}\p{N}_]")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: Entry
    kind: str  # "term" | "accepted" | "variant" | "forbidden" | "inflected"
    form: str
    genitive: bool = False


def _is_word(ch: str) -> bool:
    return bool(_WORDCHAR.match(ch))


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Matcher:
    """Finds glossary forms in text.  Build once per glossary (thread-safe to use)."""

    def __init__(self, glossary: Glossary):
        import ahocorasick

        self.glossary = glossary
        # key → index into self._owners; the automaton stores plain ints (compact, fast to build)
        slots: dict[str, int] = {}
        owners: list[list[tuple[Entry, str, str]]] = []
        for e in glossary.entries:
            for kind, forms in (("term", e.forms()), ("variant", e.variants), ("forbidden", e.forbidden)):
                for f in forms:
                    if not f:
                        continue
                    key = _lower(f)
                    i = slots.get(key)
                    if i is None:
                        i = slots[key] = len(owners)
                        owners.append([])
                    owners[i].append((e, kind, f))
        self._owners = owners
        self.keys = slots  # every form, lower-cased
        self._auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, i in slots.items():
            self._auto.add_word(key, i)
        self.size = len(slots)
        if slots:
            self._auto.make_automaton()

    def owners(self):
        """Every (entry, kind, form) the matcher knows."""
        for group in self._owners:
            yield from group

    def find(self, text: str, low: str | None = None) -> list[Hit]:
        """Non-overlapping hits, longest first, in text order."""
        if not self.size:
            return []
        low = _lower(text) if low is None else low
        found: list[Hit] = []
        n = len(text)
        for end_idx, slot in self._auto.iter(low):
            for entry, kind, form in self._owners[slot]:
                start = end_idx - len(form) + 1
                end = end_idx + 1
                if start > 0 and _is_word(text[start - 1]) and _is_word(form[0]):
                    continue
                if entry.case_sensitive and text[start:end] != form:
                    continue
                if end < n and _is_word(text[end]) and _is_word(form[-1]):
                    hit = self._inflected(text, start, end, entry, kind, form)
                    if hit:
                        found.append(hit)
                    continue
                found.append(Hit(start, end, entry, "term" if kind == "term" and form == entry.term else
                                 ("accepted" if kind == "term" else kind), form))
        found.sort(key=lambda h: (h.start, -(h.end - h.start), h.kind != "term"))
        out: list[Hit] = []
        last_end = -1
        for h in found:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out

    @staticmethod
    def _inflected(text: str, start: int, end: int, entry: Entry, kind: str, form: str) -> Hit | None:
        """``Paşinyana``, ``Əliyevin``, ``Əliyev'in``: a source-language spelling plus a case suffix."""
        if kind != "variant" or not SOURCE_LETTERS.intersection(form):
            return None
        m = regex.match(r"['’]?(\p{Ll}{1,3})(?![\p{L}\p{N}_])", text[end : end + 5])
        if not m:
            return None
        suffix = m.group(1)
        if suffix in GENITIVE:
            return Hit(start, end + m.end(), entry, "inflected", form, genitive=True)
        if suffix in OTHER_CASES:
            return Hit(start, end + m.end(), entry, "inflected", form)
        return None
