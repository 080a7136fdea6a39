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
* an edit is trimmed through the marks too (since session 26): a mark between characters the fix keeps stays,
  so lower-casing ``T\u200bhere`` gives ``t\u200bhere`` and splitting ``sn\u00adowmutual`` gives
  ``sn\u00adow mutual``; a mark at the very place a fix writes new text goes (``snow\u200bmutual`` →
  ``snow mutual``, ``oil\u200bgas`` → ``oil and gas``).

A document with none of the marks is not viewed: the rules run on it as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from mtfix.caching.lastmemo import LastMemo
from mtfix.model import Document, Edit, Finding, Segment, Span
from mtfix.rules.detectors.registry import Hit
from mtfix.text.charrefs import reference_end, reference_read
from mtfix.text.tokens import ZERO_WIDTH_MARKS

#: the marks a viewed rule reads through: :data:`~mtfix.text.tokens.ZERO_WIDTH_MARKS` (U+FEFF, ZWSP, word joiner,
#: bidi controls, the zero-width joiners and the soft hyphen)
VIEW_MARKS = ZERO_WIDTH_MARKS
_MARK_SET = frozenset(VIEW_MARKS)
def keep_marks(text: str, edit: Edit, is_mark: Callable[[int], bool] | None = None) -> Edit:
    """``edit`` on ``text`` trimmed through the marks it holds: the characters it keeps at either end, with
    the marks among them, are left out of it, so that only the marks inside what it changes go with it.  An
    edit that then holds marks alone (a fix that writes new text where a mark stood) is as it was.

    >>> e = keep_marks("T\u200bhere", Edit(0, 2, "t", "T\u200b", "X", "o", None))
    >>> e.start, e.end, e.replacement
    (0, 1, 't')
    >>> keep_marks("oil\u200bgas", Edit(3, 4, " and ", "\u200b", "X", "o", None)).end
    4
    >>> e = keep_marks("sn\u200bowmutual", Edit(2, 5, "ow ", "\u200bow", "X", "o", None))
    >>> e.start, e.end, e.replacement
    (5, 5, ' ')
    """
    s, e, r = edit.start, edit.end, edit.replacement
    if is_mark is None:
        if _MARK_SET.isdisjoint(edit.original):
            return edit
        is_mark = _is_zero_width(text)
    read = _reader(text, is_mark)
    i, j = s, 0
    while True:  # the kept characters at the start, and the marks before each
        k = i
        while k < e and is_mark(k):
            k += 1
        if k < e and j < len(r) and read(k) == r[j]:
            # a reference read as its character is kept whole (its other characters are marks)
            i, j = (reference_end(text, k) or k + 1) if read(k) != text[k] else k + 1, j + 1
        else:
            break
    i2, j2 = e, len(r)
    while True:  # the same at the end
        k = i2
        while k > i and is_mark(k - 1):
            k -= 1
        if k > i and j2 > j and read(k - 1) == r[j2 - 1]:
            i2, j2 = k - 1, j2 - 1
        else:
            break
    visible = [p for p in range(i, i2) if not is_mark(p)]
    if visible:  # the marks at the edges of what changes stay
        i, i2 = visible[0], visible[-1] + 1
        end = reference_end(text, i2 - 1)  # but a character reference's own characters go with it (session 31)
        if end is not None and all(is_mark(k) for k in range(i2, end)):
            i2 = end
    # else an insertion, with the marks at its place (they go with it: the fix writes there) or none
    if i2 - i >= e - s:
        return edit
    return replace(edit, start=i, end=i2, replacement=r[j:j2], original=text[i:i2])


def _reader(text: str, is_mark: Callable[[int], bool]) -> Callable[[int], str]:
    """The character a reader sees at offset ``k`` of ``text``: a character reference's (its first character's
    offset) whose other characters are marks is the character it stands for (session 31), else ``text[k]``."""
    if "&" not in text:
        return text.__getitem__

    def read(k: int) -> str:
        if text[k] == "&" and (end := reference_end(text, k)) is not None and all(is_mark(p) for p in range(k + 1, end)):
            return reference_read(text[k:end]) or "&"
        return text[k]

    return read


def _is_zero_width(text: str) -> Callable[[int], bool]:
    return lambda k: text[k] in _MARK_SET


def finding_keeping_marks(text: str, finding: Finding) -> Finding:
    """``finding`` with each edit trimmed by :func:`keep_marks` (the finding's own span is unchanged)."""
    if not finding.edits:
        return finding
    edits = tuple(keep_marks(text, e) for e in finding.edits)
    return finding if edits == finding.edits else replace(finding, edits=edits)


class MarkView:
    """``doc`` without its zero-width marks (:data:`VIEW_MARKS`), and the way back to its offsets; or without
    any characters ``marks`` names (the Markdown markup of :mod:`mtfix.rules.markup`, session 28)."""

    def __init__(self, doc: Document, marks: list[int]):
        self.original = doc
        self.marks = marks  # the marks' offsets in the original text, ascending, each once
        # each mark's place in the view: the view offset of the character after it (marks in a row share one)
        self._at = [m - k for k, m in enumerate(marks)]
        # a character reference whose characters but its first are marks reads as the character it stands for
        # (session 31: the markup of mtfix.rules.markup holds them): its start offset, its end, that character
        self.references = _references(doc.text, marks)
        self._ref_ends = {s: e for s, e, _ in self.references}
        self.doc = self._view(doc)

    @classmethod
    def of(cls, doc: Document) -> MarkView | None:
        """The view of ``doc``, or None when its text holds none of the marks.  The last document's view is
        kept, so that the rules and the glossary, which both read ``doc`` through it, build it once (a view
        never changes)."""
        return _LAST_VIEW(doc)

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
        after = self._ref_ends.get(after - 1, after)  # a reference is covered whole
        if end <= start:
            return after, after
        return self._kept(start), after

    def hit(self, hit: Hit) -> Hit:
        """``hit`` (found in the view) at its original offsets."""
        start, end = self.to_original(hit.start, hit.end)
        return replace(hit, start=start, end=end)

    def finding(self, finding: Finding) -> Finding:
        """``finding`` (found in the view) at its original offsets, with its edits': an edit's ``original`` is
        the original text it replaces, marks inside it included (they go with it; at its edges they stay)."""
        start, end = self.to_original(finding.start, finding.end)
        return replace(finding, start=start, end=end, edits=tuple(self.edit(e) for e in finding.edits))

    def edit(self, edit: Edit) -> Edit:
        """``edit`` (made in the view) at its original offsets."""
        start, end = self.to_original(edit.start, edit.end)
        return replace(edit, start=start, end=end, original=self.original.text[start:end])

    def span(self, span: Span) -> Span:
        """``span`` (of the view) at its original offsets."""
        return Span(*self.to_original(span.start, span.end))

    # -- the viewed document -----------------------------------------------------------------------------
    def _span(self, span: Span) -> Span:
        return Span(self.to_view(span.start), self.to_view(span.end))

    def _spans(self, spans: Any) -> list[Span]:
        """:meth:`_span` of each of ``spans`` (one call: a document's spans are many; session 30)."""
        marks = self.marks
        if not marks:
            return [Span(p.start, p.end) for p in spans]
        return [Span(p.start - bisect_left(marks, p.start), p.end - bisect_left(marks, p.end)) for p in spans]

    def _meta_value(self, key: str, value: Any) -> Any:
        if isinstance(value, Span):
            return self._span(value)
        if isinstance(value, (list, tuple)) and value:
            if all(isinstance(v, Span) for v in value):
                return self._spans(value)
            if key == "lower_starts" and all(isinstance(v, int) for v in value):
                return [self.to_view(v) for v in value]
        return value

    def _view(self, doc: Document) -> Document:
        # the text between the marks (as a ``regex`` substitution of them would give, without its scan of every
        # character: session 28)
        cuts = [-1, *self.marks, len(doc.text)]
        text = "".join([doc.text[a + 1:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a + 1])
        owned = doc.protected
        if self.references:  # each reads as its character, which is prose, not protected
            chars = list(text)
            for s, _, c in self.references:
                chars[self.to_view(s)] = c
            text = "".join(chars)
            owned = _without_spans(doc.protected, [Span(s, e) for s, e, _ in self.references])
        segments = [Segment(s.index, self.to_view(s.start), self.to_view(s.end)) for s in doc.segments]
        # a protected span of marks alone protects nothing the view holds
        protected = [v for p, v in zip(owned, self._spans(owned), strict=True)
                     if v.end > v.start or p.end == p.start]
        meta = {k: self._meta_value(k, v) for k, v in doc.meta.items()}
        return Document(text, segments, protected, path=doc.path, source=doc.source, meta=meta)


def _references(text: str, marks: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, character) of each character reference in ``text`` whose characters but its first are all
    ``marks`` (its first is not one)."""
    if "&" not in text:
        return []
    out: list[tuple[int, int, str]] = []
    gone = set(marks)
    for m in marks:
        if text[m - 1:m] == "&" and m - 1 not in gone and (end := reference_end(text, m - 1)) is not None \
                and all(k in gone for k in range(m, end)):
            out.append((m - 1, end, reference_read(text[m - 1:end]) or ""))
    return out


def _without_spans(spans: Any, cut: list[Span]) -> list[Span]:
    """``spans`` with the parts ``cut`` (ascending, disjoint) covers taken out of them (a span wholly cut is gone;
    one cut in the middle is two)."""
    starts = [c.start for c in cut]
    out: list[Span] = []
    for p in spans:
        k = max(bisect_right(starts, p.start) - 1, 0)
        pos = p.start
        while k < len(cut) and cut[k].start < p.end:
            c = cut[k]
            if c.end > pos:
                if c.start > pos:
                    out.append(Span(pos, c.start))
                pos = max(pos, c.end)
            k += 1
        if pos < p.end or (p.start == p.end and not any(c.start <= p.start < c.end for c in cut[k - 1:k])):
            out.append(Span(pos, p.end))
    return out


def _view_of(doc: Document) -> MarkView | None:
    offsets = mark_offsets(doc.text)
    return MarkView(doc, offsets) if offsets else None


#: the view of the last :meth:`MarkView.of`: the rules and the glossary ask for the same document's
_LAST_VIEW: LastMemo[Document, MarkView | None] = LastMemo(_view_of)


def mark_offsets(text: str) -> list[int]:
    """The offsets of the :data:`VIEW_MARKS` in ``text``, ascending, each mark found with ``str.find`` (a document
    holds few; until session 28 a ``regex`` scan of every character, once for the rules and again for the
    glossary).

    >>> mark_offsets("a\u200bb\u00ad\u200b c\ufeff")
    [1, 3, 4, 7]
    """
    out: list[int] = []
    for c in VIEW_MARKS:
        at = text.find(c)
        while at >= 0:
            out.append(at)
            at = text.find(c, at + 1)
    out.sort()
    return out
