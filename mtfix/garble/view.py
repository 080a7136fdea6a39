"""The prose the garble detector reads in a Markdown sentence that holds markup (session 12).

A sentence with Markdown markup in it is judged as the same sentence in plain text would be: inline
markup (emphasis markers, link brackets and destinations, inline HTML tags) is dropped, a backslash
escape or an entity is read as the character it stands for, and what reads as one name (a code span,
an image, TeX math: the format's ``opaque`` spans) becomes :data:`STAND_IN`, which the analysis reads
as an @handle, one opaque name-like token (analysis revision 7).  Offsets map back to the document,
so findings point into it.

No view (the checker leaves the sentence alone, as before): where a URL, an e-mail address or a
domain name is in the prose, an autolink or an image with such an address (as in plain text, where such a sentence is not
judged: judging them raised the majors of ``bench/audit_professional.py`` and the professional
findings of ``bench/eval_realmt.py``), and where the format does not say which of its protected
spans are markup (``meta["opaque"]`` is None: XLIFF placeholders may stand for words).

>>> from mtfix.files import unit_document
>>> from mtfix.formats.markdown import MarkdownFormat
>>> text = "Run `mtfix check` on the *whole* [site](https://example.org) &amp; see $x$.\\n\\nSee <https://x.org>."
>>> doc = unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")
>>> v = segment_view(doc, doc.segments[0])
>>> v.text
'Run @code on the whole site & see @code.'
>>> doc.text[slice(*v.span(17, 22))], doc.text[slice(*v.span(4, 9))]
('whole', '`mtfix check`')
>>> segment_view(doc, doc.segments[1]) is None
True
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from mtfix.model import Document, Segment, Span
from mtfix.segment import find_protected_spans

#: What the analysis reads in place of a code span, an image or a formula: an @handle,
#: which it takes as one opaque token and tags as a name (:func:`mtfix.garble.tagger.is_opaque`).
STAND_IN = "@code"
_DECODED = re.compile(r"\\([!-/:-@\[-`{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class View:
    """A segment as the detector reads it: ``text``, and for each of its characters the document span
    it comes from (``starts``, ``ends``; a stand-in's characters each the whole span it replaces)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The document span of ``text[start:end]``."""
        if not self.text:
            return 0, 0
        start = min(start, len(self.text) - 1)
        return self.starts[start], max(self.starts[start], self.ends[max(start, end - 1)])


def segment_view(doc: Document, seg: Segment) -> View | None:
    """The view of ``seg`` (None when it is not judged: see the module's docstring)."""
    start, end = seg.start, seg.end
    text = doc.text
    if not doc.is_protected(start, end):
        return View(text[start:end], tuple(range(start, end)), tuple(range(start + 1, end + 1)))
    opaque = doc.meta.get("opaque")
    if opaque is None:
        return _around_comments(doc, start, end)
    fmt = _within(doc.meta.get("format_protected") or (), start, end)
    pos = start
    for r in [*fmt, Span(end, end)]:
        if pos < r.start and doc.is_protected(pos, r.start):
            return None  # an address in the prose: not judged, as in plain text
        pos = max(pos, r.end)
    opaque_runs = _within(opaque, start, end)
    code = _within(doc.meta.get("code") or (), start, end)
    for o in opaque_runs:
        if not any(c.start <= o.start and o.end <= c.end for c in code) and find_protected_spans(text[o.start:o.end]):
            return None  # an autolink, an image with an address: as an address in plain text
    out = _Builder(text)
    pos = start
    for run in fmt:
        out.verbatim(pos, run.start)
        out.replace(run, any(o.start < run.end and run.start < o.end for o in opaque_runs))
        pos = run.end
    out.verbatim(pos, end)
    return View("".join(out.chars), tuple(out.starts), tuple(out.ends))


def _around_comments(doc: Document, start: int, end: int) -> View | None:
    """Where the format does not say which spans are markup: a sentence whose only protected text is HTML
    comments (``doc.meta["comments"]``: a directive ``<!-- mtfix-ignore: MTF105 -->`` after it) is judged
    without them, as it was before comments were protected (session 21); else None (not judged)."""
    comments = _within(doc.meta.get("comments") or (), start, end)
    if not comments:
        return None
    out = _Builder(doc.text)
    pos = start
    for c in [*comments, Span(end, end)]:
        if pos < c.start and doc.is_protected(pos, c.start):
            return None
        out.verbatim(pos, c.start)
        if c.start < c.end and out.chars and not out.chars[-1].isspace() and c.end < end \
                and not doc.text[c.end].isspace():
            out.add(" ", c.start, c.start)
        pos = max(pos, c.end)
    if not "".join(out.chars).strip():
        return None
    return View("".join(out.chars), tuple(out.starts), tuple(out.ends))


def _within(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The spans of ``spans`` (sorted, disjoint) that overlap ``[start, end)``, clipped to it (binary search)."""
    i = bisect_left(spans, end, key=lambda s: s.start) - 1
    out: list[Span] = []
    while i >= 0 and spans[i].end > start:
        s = spans[i]
        if s.start < s.end:
            out.append(Span(max(s.start, start), min(s.end, end)))
        i -= 1
    out.reverse()
    return out


class _Builder:
    """The view's characters and their document spans, appended in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, piece: str, start: int, end: int) -> None:
        self.chars.extend(piece)
        self.starts.extend([start] * len(piece))
        self.ends.extend([end] * len(piece))

    def verbatim(self, start: int, end: int) -> None:
        self.chars.extend(self.text[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def replace(self, run: Span, opaque: bool) -> None:
        """What the detector reads for protected ``run``: the stand-in (apart from the words beside it),
        the characters its escapes and entities stand for, a space, or nothing."""
        src = self.text[run.start:run.end]
        last = self.chars[-1] if self.chars else " "
        if opaque:
            if last.isalnum():
                self.add(" ", run.start, run.start)
            self.add(STAND_IN, run.start, run.end)
            if self.text[run.end:run.end + 1].isalnum():
                self.add(" ", run.end, run.end)
            return
        if "](" not in src and not src.startswith("<"):  # not a link's destination, not an HTML tag
            found = False
            for m in _DECODED.finditer(src):
                self.add(m.group(1) or html.unescape(m.group()), run.start + m.start(), run.start + m.end())
                found = True
            if found:
                return
        nxt = self.text[run.end:run.end + 1]
        if (src.startswith("<") or any(c.isspace() for c in src)) and not last.isspace() and nxt \
                and not nxt.isspace():
            self.add(" ", run.start, run.start)
