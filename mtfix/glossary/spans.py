"""Where the glossary must not touch a document: protected spans (URLs, e-mail
addresses, markup the format reader protects), inline code in backticks, and
quoted source-language text ("the slogan “Qarabağ Azərbaycandır”").

>>> from mtfix.model import Document
>>> doc = Document.from_text("They chanted “Qarabağ bizimdir” and `Bakı` in Baku.")
>>> b = Blocked.of(doc)
>>> b.blocked(14, 21), b.blocked(37, 41), b.blocked(46, 50)
(True, True, False)
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from mtfix.glossary.inflect import has_source_letters
from mtfix.model import Document

_QUOTED = regex.compile(r"“([^“”\n]{1,400})[”“]|«([^«»\n]{1,400})»|„([^„“”\n]{1,400})[“”]|\"([^\"\n]{1,400})\"")
_CODE = regex.compile(r"`[^`\n]+`")
_WORDS = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")


def is_source_language(text: str) -> bool:
    """Whether a quotation is (mostly) in the source language: at least two
    words, half of them with a source-language letter or unknown in English."""
    from mtfix.lexicon import is_everyday_word, is_word

    words = _WORDS.findall(text)
    if len(words) < 2:
        return False
    # Most English quotations are settled by the small word list alone, which
    # spares a cold process the large list (0.15 s to load).
    everyday = sum(1 for w in words if not has_source_letters(w) and is_everyday_word(w))
    if everyday * 2 > len(words):
        return False
    foreign = sum(1 for w in words if has_source_letters(w) or (w.islower() and not is_word(w)))
    return foreign * 2 >= len(words)


class Blocked:
    """Sorted, merged spans, asked with a binary search."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    @classmethod
    def of(cls, doc: Document) -> Blocked:
        text = doc.text
        spans = [(p.start, max(p.end, p.start + 1)) for p in doc.protected]
        spans += [m.span() for m in _CODE.finditer(text)]
        for m in _QUOTED.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            if is_source_language(inner):
                spans.append(m.span())
        return cls(spans)

    def blocked(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches a blocked span."""
        i = bisect_right(self._starts, max(start, end - 1)) - 1
        return i >= 0 and self._ends[i] > start
