"""A document read without its zero-width marks, for the rules that must see through them (session 25).

Web MT copy carries invisible marks inside and between words: a zero-width space (U+200B), the joiners
(U+200C, U+200D), a word joiner (U+2060), U+FEFF inside text, a soft hyphen (U+00AD), the bidirectional
controls.  A reader sees ``oil\u200bgas`` as "oilgas" and ``closed,\u200b,`` as ",,", but a pattern stops at
the mark.  A rule whose pack gives it ``params: {through_marks: true}`` runs on a :class:`MarkView` of the
document, the same text without the marks, and its hits are mapped back to the original offsets:

* a span's ends are mapped to the visible characters they hold, so a mark at either edge of a hit stays where
  it is (``depot\u200b ,`` → ``depot\u200b,``: the fix removes the space, not the mark);
* a mark *inside* the span a fix replaces goes with the text it stood in (``oil\u200bgas`` → ``oil and gas``,
  ``It came to\u200b our notice then that the`` → ``The``): the fix rewrites that text, and an invisible
  mark has no place of its own in what replaces it.  A fix never duplicates a mark.

A document with none of the marks is not viewed: the rules run on it as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Any

from mtfix import regexcache
from mtfix.model import Document, Segment, Span
from mtfix.rules.detectors.registry import Hit
from mtfix.tokens import INVISIBLE_MARKS

#: the marks a viewed rule reads through: :data:`~mtfix.tokens.INVISIBLE_MARKS` (U+FEFF, ZWSP, word joiner,
#: bidi controls), the zero-width joiners and the soft hyphen
VIEW_MARKS = INVISIBLE_MARKS + "\u200c\u200d\u00ad"
_MARK = regexcache.compile(f"[{VIEW_MARKS}]")


class MarkView:
    """``doc`` without its zero-width marks (:data:`VIEW_MARKS`), and the way back to its offsets."""

    def __init__(self, doc: Document, marks: list[int]):
        self.original = doc
        self.marks = marks  # the marks' offsets in the original text, ascending
        # each mark's place in the view: the view offset of the character after it (marks in a row share one)
        self._at = [m - k for k, m in enumerate(marks)]
        self.doc = self._view(doc)

    @classmethod
    def of(cls, doc: Document) -> MarkView | None:
        """The view of ``doc``, or None when its text holds none of the marks."""
        text = doc.text
        if not any(c in text for c in VIEW_MARKS):
            return None
        return cls(doc, [m.start() for m in _MARK.finditer(text)])

    # -- offsets ----------------------------------------------------------------------------------------
    def to_view(self, pos: int) -> int:
        """The view offset of original offset ``pos`` (a mark's own offset maps to the character after it)."""
        return pos - bisect_left(self.marks, pos)

    def _kept(self, pos: int) -> int:
        """The original offset of the view's character ``pos``: the marks placed at or before it come before it."""
        return pos + bisect_right(self._at, pos)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of view span ``[start, end)``: from its first visible character to just after its
        last; an empty span sits just after the visible character before it."""
        after = self._kept(end - 1) + 1 if end > 0 else 0
        if end <= start:
            return after, after
        return self._kept(start), after

    def hit(self, hit: Hit) -> Hit:
        """``hit`` (found in the view) at its original offsets."""
        start, end = self.to_original(hit.start, hit.end)
        return replace(hit, start=start, end=end)

    # -- the viewed document -----------------------------------------------------------------------------
    def _span(self, span: Span) -> Span:
        return Span(self.to_view(span.start), self.to_view(span.end))

    def _meta_value(self, key: str, value: Any) -> Any:
        if isinstance(value, Span):
            return self._span(value)
        if isinstance(value, (list, tuple)) and value:
            if all(isinstance(v, Span) for v in value):
                return [self._span(v) for v in value]
            if key == "lower_starts" and all(isinstance(v, int) for v in value):
                return [self.to_view(v) for v in value]
        return value

    def _view(self, doc: Document) -> Document:
        text = _MARK.sub("", doc.text)
        segments = [Segment(s.index, self.to_view(s.start), self.to_view(s.end)) for s in doc.segments]
        # a protected span of marks alone protects nothing the view holds
        protected = [v for p in doc.protected if (v := self._span(p)).end > v.start or p.end == p.start]
        meta = {k: self._meta_value(k, v) for k, v in doc.meta.items()}
        return Document(text, segments, protected, path=doc.path, source=doc.source, meta=meta)
