"""The paragraphs of a Markdown document that hold inline markup, as one smaller document (session 29).

The rules' second pass reads a Markdown document without its inline markup (:mod:`mtfix.rules.markup`); a
finding of that pass that the first pass (over the text as it is) also makes is left out.  Most paragraphs
hold no markup at all (the project's docs: 565 of 5,379 sentences hold some): read without markup they are
the same text, and the rules find the same there.  So the second pass reads only the paragraphs
(``meta["regions"]``) that hold markup, each with the format text around it up to the next paragraph on
either side (a list marker, a heading's ``#``, the blank lines), joined by blank lines into one document
(:func:`markup_windows`); its hits are mapped back (:meth:`Windows.hit`).  What a detector reads in the whole
document (whether the text writes code anywhere: ``glued_case_change``) it reads in the whole text without the
markup (``ctx.cache["document_text"]``, :func:`~mtfix.rules.detectors.registry.document_text`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Any

from mtfix.model import Document, Segment, Span
from mtfix.rules.detectors.registry import Hit

#: the share of the document past which the windows are not worth it (the whole document is read)
MOST = 0.9
#: what stands between two windows in the document read (no window runs on into the next)
_JOIN = "\n\n"


@dataclass(frozen=True)
class Windows:
    """The windows of a document as one document (``doc``), the markup offsets in it (``markup``), and the way
    back to the original offsets."""

    doc: Document
    markup: list[int]
    starts: list[int]  # each window's start in ``doc``
    origins: list[int]  # each window's start in the original document

    def to_original(self, pos: int) -> int:
        """The original offset of ``doc``'s offset ``pos`` (a hit never runs over two windows)."""
        k = max(0, bisect_right(self.starts, pos) - 1)
        return pos - self.starts[k] + self.origins[k]

    def hit(self, hit: Hit) -> Hit:
        """``hit`` (found in ``doc``) at its original offsets."""
        start = self.to_original(hit.start)
        return replace(hit, start=start, end=start + (hit.end - hit.start))


def markup_windows(doc: Document, markup: list[int]) -> Windows | None:
    """The paragraphs of ``doc`` holding an offset of ``markup`` (ascending), each from the end of the paragraph
    before to the start of the one after and widened to whole sentences, as one document; None when ``doc``
    says nothing of its paragraphs or the windows would hold most of it (the whole document is read then)."""
    regions = sorted(doc.meta.get("regions") or (), key=lambda r: (r.start, r.end))
    if not regions or not markup:
        return None
    spans: list[list[int]] = []
    starts = [r.start for r in regions]
    for i in sorted({max(0, bisect_right(starts, m) - 1) for m in markup}):
        lo = regions[i - 1].end if i > 0 else 0
        hi = regions[i + 1].start if i + 1 < len(regions) else len(doc.text)
        lo, hi = min(lo, regions[i].start), max(hi, regions[i].end)
        for s in (doc.segment_at(lo), doc.segment_at(max(lo, hi - 1))):  # never half a sentence
            if s is not None:
                lo, hi = min(lo, s.start), max(hi, s.end)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    if sum(b - a for a, b in spans) > MOST * len(doc.text):
        return None  # most of it: the whole document costs no more
    pieces, starts_in, origins, at = [], [], [], 0
    for a, b in spans:
        if pieces:
            pieces.append(_JOIN)
            at += len(_JOIN)
        pieces.append(doc.text[a:b])
        starts_in.append(at)
        origins.append(a)
        at += b - a
    cut = _Cutter([(a, b) for a, b in spans], starts_in)
    segments = [Segment(i, s.start - a + o, s.end - a + o) for i, s in enumerate(
        s for s in doc.segments if cut.holds(s.start, s.end)) for a, o in [cut.piece(s.start)]]
    meta = {k: cut.meta_value(k, v) for k, v in doc.meta.items()}
    sub = Document("".join(pieces), segments, cut.spans(doc.protected), path=doc.path, source=doc.source, meta=meta)
    inside = [cut.offset(m) for m in markup]
    if any(p is None for p in inside):
        return None  # markup outside the paragraphs: read the whole document
    return Windows(sub, [p for p in inside if p is not None], starts_in, origins)


def without(text: str, offsets: list[int]) -> str:
    """``text`` without the characters at ``offsets`` (ascending, each once).

    >>> without("the **snow**The", [4, 5, 10, 11])
    'the snowThe'
    """
    cuts = [-1, *offsets, len(text)]
    return "".join([text[a + 1:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a + 1])


class _Cutter:
    """Offsets and spans of the original document in the windows' document."""

    def __init__(self, spans: list[tuple[int, int]], starts: list[int]):
        self.spans_ = spans
        self.los = [a for a, _ in spans]
        self.starts = starts

    def piece(self, pos: int) -> tuple[int, int]:
        """(original start, start in the windows' document) of the window holding ``pos``."""
        k = max(0, bisect_right(self.los, pos) - 1)
        return self.los[k], self.starts[k]

    def holds(self, start: int, end: int) -> bool:
        k = bisect_right(self.los, start) - 1
        return k >= 0 and end <= self.spans_[k][1]

    def offset(self, pos: int) -> int | None:
        k = bisect_right(self.los, pos) - 1
        if k < 0 or pos > self.spans_[k][1]:
            return None
        return pos - self.los[k] + self.starts[k]

    def spans(self, spans: Any) -> list[Span]:
        """The parts of ``spans`` inside the windows, at their offsets there (an empty span kept where it is)."""
        out = []
        los, wins, starts, n = self.los, self.spans_, self.starts, len(self.los)
        for p in spans:
            ps, pe = p.start, p.end
            k = bisect_right(los, ps) - 1
            if k >= 0 and pe <= wins[k][1]:  # inside one window (or the empty span at its end)
                out.append(Span(ps - los[k] + starts[k], pe - los[k] + starts[k]))
                continue
            if (k < 0 or ps >= wins[k][1]) and (k + 1 >= n or pe <= los[k + 1]):
                continue  # between two windows
            for j in range(max(k, 0), bisect_left(los, pe)):
                a, b = wins[j]
                lo, hi = max(a, ps), min(b, pe)
                if lo < hi:
                    out.append(Span(lo - a + starts[j], hi - a + starts[j]))
        return out

    def meta_value(self, key: str, value: Any) -> Any:
        if isinstance(value, Span):
            got = self.spans([value])
            return got[0] if got else Span(0, 0)
        if isinstance(value, (list, tuple)) and value:
            if all(isinstance(v, Span) for v in value):
                return self.spans(value)
            if key == "lower_starts" and all(isinstance(v, int) for v in value):
                return [o for v in value if (o := self.offset(v)) is not None]
        return value
