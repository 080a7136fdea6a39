"""Exact matching of every glossary form at once, with an Aho-Corasick automaton.

All forms (terms, accepted spellings, short forms, variants, historical names, forbidden forms)
go into one pyahocorasick automaton over lower-cased text, never into a
regular-expression alternation.  A hit counts when it stands at word
boundaries (or before a source-language case suffix, see
:mod:`mtfix.glossary.inflect`) and, for a case-sensitive entry, when the case
matches (a lower-case term may start a sentence with a capital).  Of
overlapping hits the leftmost, then the longest wins.

>>> from mtfix.glossary.model import Entry
>>> m = Matcher([Entry("Baku", ("Bakı",), type="place")])
>>> [(h.kind, h.start, h.end) for h in m.find("From Bakıda to Baku, not Bakuvian.")]
[('inflected', 5, 11), ('term', 15, 19)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mtfix.glossary.inflect import suffix_after
from mtfix.glossary.model import Entry

_JOINERS = "'’-"
_PRIORITY = {"term": 0, "accepted": 1, "variant": 2, "inflected": 2, "historical": 2, "forbidden": 3}


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: Entry
    kind: str  # "term" | "accepted" (incl. the short form) | "variant" | "historical" | "forbidden" | "inflected"
    form: str  # the glossary form that matched
    genitive: bool = False  # an inflected hit whose suffix is a genitive


def lower_same_length(text: str) -> str:
    """``text.lower()`` without changing its length, so that offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _case_ok(got: str, form: str) -> bool:
    return got == form or (form[:1].islower() and got[:1] == form[:1].upper() and got[1:] == form[1:])


class Matcher:
    """Finds glossary forms in text.  Build once per glossary; safe to share between threads."""

    def __init__(self, entries: Iterable[Entry]):
        import ahocorasick

        slots: dict[str, int] = {}
        owners: list = []  # slot → (entry, kind, form), or a list of them when several share a key
        get = slots.get
        for e in entries:
            term = e.term
            forms = [("term", term)]
            if e.accepted or e.type == "person" or e.short_form:
                forms += [("accepted", f) for f in e.forms() if f != term]
            if e.variants:
                forms += [("variant", f) for f in e.variants]
            if e.historical:
                forms += [("historical", f) for f in e.historical]
            if e.forbidden:
                forms += [("forbidden", f) for f in e.forbidden]
            for kind, f in forms:
                if not f:
                    continue
                key = f.lower()
                if len(key) != len(f):
                    key = lower_same_length(f)
                i = get(key)
                if i is None:
                    slots[key] = len(owners)
                    owners.append((e, kind, f))
                elif isinstance(owners[i], list):
                    owners[i].append((e, kind, f))
                else:
                    owners[i] = [owners[i], (e, kind, f)]
        self._owners = owners
        self.size = len(owners)
        self._auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        add = self._auto.add_word
        for key, i in slots.items():
            add(key, i)
        if owners:
            self._auto.make_automaton()

    def __contains__(self, form: str) -> bool:
        """Whether ``form`` (any case) is a form of some entry."""
        return self.size > 0 and self._auto.exists(lower_same_length(form))

    def owners(self):
        """Every (entry, kind, form) the matcher knows."""
        for own in self._owners:
            yield from own if isinstance(own, list) else (own,)

    def find(self, text: str, low: str | None = None) -> list[Hit]:
        """Non-overlapping hits in text order (leftmost, then longest)."""
        if not self.size:
            return []
        low = lower_same_length(text) if low is None else low
        found: list[Hit] = []
        n = len(text)
        owners = self._owners
        for last, slot in self._auto.iter(low):
            own = owners[slot]
            for entry, kind, form in own if isinstance(own, list) else (own,):
                end = last + 1
                start = end - len(form)
                if start > 0 and _word(text[start - 1]) and _word(form[0]):
                    continue
                if entry.case_sensitive and not _case_ok(text[start:end], form):
                    continue
                if end < n and kind != "forbidden":
                    c = text[end]
                    glued = _word(c) and _word(form[-1])
                    if glued or (c in _JOINERS and end + 1 < n and text[end + 1].islower()):
                        suffix = suffix_after(form, text, end)
                        if suffix is not None:
                            found.append(Hit(start, suffix[0], entry, "inflected", form, suffix[1]))
                            continue
                        if glued:
                            continue
                elif end < n and _word(text[end]) and _word(form[-1]):
                    continue
                found.append(Hit(start, end, entry, kind, form))
        if len(found) > 1:
            found.sort(key=lambda h: (h.start, h.start - h.end, _PRIORITY[h.kind]))
        out: list[Hit] = []
        last_end = -1
        for h in found:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out
