"""The prose the garble detector reads in a Markdown sentence that holds markup (session 12).

A sentence with Markdown markup in it is judged as the same sentence in plain text would be: inline
markup (emphasis markers, link brackets and destinations, inline HTML tags) is dropped, a backslash
escape or an entity is read as the character it stands for, and what reads as one name (a code span,
an image, TeX math: the format's ``opaque`` spans) becomes :data:`STAND_IN`, which the analysis reads
as an @handle, one opaque name-like token (analysis revision 7).  Offsets map back to the document,
so findings point into it.

An HTML code sample (``<code>make all</code>``, a ``<pre>``, ``<kbd>`` or ``<samp>`` element: ``doc.meta["html_code"]``,
protected whole since seg-10) is one name too, in every view, as a Markdown code span is (session 26).

A web address, an e-mail address or a domain name in the prose (and an autolink or an image, which
Markdown's view reads as opaque anyway) is one name too, :data:`STAND_IN`, in every view
(:func:`address_names`, session 23): until then such a sentence had no view and the check skipped it while
the fluency score read its raw text.  No view (the checker leaves the sentence alone) where the format does
not say which of its protected spans are markup (``meta["opaque"]`` is None and a span is neither an HTML
comment nor an address: XLIFF placeholders may stand for words).

>>> from mtfix.files import unit_document
>>> from mtfix.formats.markdown import MarkdownFormat
>>> text = "Run `mtfix check` on the *whole* [site](https://example.org) &amp; see $x$.\\n\\nSee <https://x.org>."
>>> doc = unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")
>>> v = segment_view(doc, doc.segments[0])
>>> v.text
'Run @code on the whole site & see @code.'
>>> doc.text[slice(*v.span(17, 22))], doc.text[slice(*v.span(4, 9))]
('whole', '`mtfix check`')
>>> segment_view(doc, doc.segments[1]).text
'See @code.'
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mtfix.model import Document, Segment, Span
from mtfix.segment import find_protected_spans

#: What the analysis reads in place of a code span, an image or a formula: an @handle,
#: which it takes as one opaque token and tags as a name (:func:`mtfix.garble.tagger.is_opaque`).
STAND_IN = "@code"
_DECODED = re.compile(r"\\([!-/:-@\[-`{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


#: A paragraph break (session 32): a line end, perhaps spaces or tabs, another line end (LF, CRLF or a lone CR).
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)")


def spliced_paragraphs(text: str, comments: Iterable[Span], start: int, end: int) -> bool:
    r"""Whether a comment inside ``text[start:end]`` (a segment) crosses a paragraph break: in plain text a ``<!--``
    in one paragraph's prose closed by a ``-->`` in a later one makes the two one segment, and no one sentence to
    judge (:mod:`mtfix.garble.misreads`).  A break the format joins (a subtitle's sentence across two cues) is no
    comment: judged as usual.

    >>> t = "Type <!-- it.\n\nThen --> go.\nSay <!-- a\nb --> c."
    >>> [spliced_paragraphs(t, [Span(5, 23)], 0, 27), spliced_paragraphs(t, [Span(32, 44)], 28, len(t))]
    [True, False]
    >>> [spliced_paragraphs(u, [Span(0, len(u))], 0, len(u)) for u in ("a\r\nb", "a\r \rb", "a\n\t\nb")]
    [False, True, True]
    """
    return any(_PARAGRAPH_BREAK.search(text, max(c.start, start), min(c.end, end)) is not None
               for c in comments if c.start < end and start < c.end)


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
    if spliced_paragraphs(text, doc.meta.get("comments") or (), start, end):  # no sentence (session 32)
        return None
    opaque = doc.meta.get("opaque")
    fmt = _within(doc.meta.get("format_protected") or (), start, end)
    names = address_names(text, start, end, fmt)
    code = _within(doc.meta.get("html_code") or (), start, end)
    if code:  # an HTML code sample is one name, whatever address or format markup lies inside it (session 26)
        names = sorted([*code, *(n for n in names if not _overlaps(n, code))], key=lambda n: n.start)
        fmt = [f for f in fmt if not _overlaps(f, code)]
    if opaque is None:
        return _around_comments(doc, start, end, names)
    runs = sorted([*fmt, *names], key=lambda r: r.start)
    pos = start
    for r in [*runs, Span(end, end)]:
        if pos < r.start and doc.is_protected(pos, r.start):
            return None  # protected text the format does not own and no address: not judged
        pos = max(pos, r.end)
    opaque_runs = [*_within(opaque, start, end), *names]
    glued = {(g.start, g.end) for g in _within(doc.meta.get("glued") or (), start, end)}
    out = _Builder(text)
    pos = start
    for run in runs:
        out.verbatim(pos, run.start)
        if (run.start, run.end) not in glued:  # HTML inline tags inside a word read as nothing (session 29)
            out.replace(run, any(o.start < run.end and run.start < o.end for o in opaque_runs))
        pos = run.end
    out.verbatim(pos, end)
    return View("".join(out.chars), tuple(out.starts), tuple(out.ends))


#: What may stand right before a name made of an address (:func:`address_names`) without being part of it,
#: and what may end a sentence or a clause right after it.
_OPENERS = frozenset("([{<\"'“‘«„‹—–")
_CLOSERS = frozenset(".,;:!?)]}>\"'”’»›…—–")


def address_names(text: str, start: int, end: int, fmt: Sequence[Span] = ()) -> list[Span]:
    """The web addresses, e-mail addresses and domain names in the prose of ``text[start:end]`` (outside the
    format's own spans ``fmt``), each as the name the detector reads (:data:`STAND_IN`), the one place every
    view (plain text, Markdown, a format that only protects comments) finds them, so that the check and the
    fluency score read one text (session 23).  An address is :func:`mtfix.segment.find_protected_spans`'s
    (what rules never touch), widened over the characters glued to it ("athttps://x.org" is one name) but not
    over an opening bracket or quote before it, nor over punctuation after it ("see x.org/a." ends in prose),
    save a closing parenthesis the address opened ("wiki/Baku_(city)").

    >>> t = "Read (https://en.wikipedia.org/wiki/Baku_(city)) or mail a@b.org."
    >>> [t[s.start:s.end] for s in address_names(t, 0, len(t))]
    ['https://en.wikipedia.org/wiki/Baku_(city)', 'a@b.org']
    """
    prose = text[start:end]
    if fmt:  # the format's spans read as blanks: a link's destination, a code span, emphasis markers are not prose
        chars = list(prose)
        for f in fmt:
            chars[f.start - start : f.end - start] = " " * (f.end - f.start)
        prose = "".join(chars)
    found = find_protected_spans(prose)
    if not found:
        return []
    out: list[Span] = []
    for a in found:
        s, e = start + a.start, start + a.end
        lo = max([f.end for f in fmt if f.end <= s], default=start)
        hi = min([f.start for f in fmt if f.start >= e], default=end)
        if out:
            lo = max(lo, out[-1].end)
        while s > lo and not text[s - 1].isspace() and text[s - 1] not in _OPENERS:
            s -= 1
        core = e
        while e < hi and not text[e].isspace():
            e += 1
        while e > core and text[e - 1] in _CLOSERS and not (
                text[e - 1] == ")" and text.count("(", s, e - 1) > text.count(")", s, e - 1)):
            e -= 1
        if out and s <= out[-1].end:
            out[-1] = Span(out[-1].start, max(e, out[-1].end))
        else:
            out.append(Span(s, e))
    return out


def _around_comments(doc: Document, start: int, end: int, names: Sequence[Span] = ()) -> View | None:
    """Where the format does not say which spans are markup: a sentence whose only protected text is HTML
    comments (``doc.meta["comments"]``: a directive ``<!-- mtfix-ignore: MTF105 -->`` after it) and addresses
    (``names``, :func:`address_names`) is judged without the comments (as it was before comments were protected,
    session 21) and with each address read as one name; else None (not judged)."""
    comments = _within(doc.meta.get("comments") or (), start, end)
    if not comments and not names:
        return None
    out = _Builder(doc.text)
    pos = start
    runs = sorted([*((c, False) for c in comments), *((n, True) for n in names)], key=lambda r: r[0].start)
    for c, name in [*runs, (Span(end, end), False)]:
        if pos < c.start and doc.is_protected(pos, c.start):
            return None
        out.verbatim(pos, c.start)
        if name:
            out.replace(c, True)
        elif c.start < c.end and out.chars and not out.chars[-1].isspace() and c.end < end \
                and not doc.text[c.end].isspace():
            out.add(" ", c.start, c.start)
        pos = max(pos, c.end)
    if not "".join(out.chars).strip():
        return None
    return View("".join(out.chars), tuple(out.starts), tuple(out.ends))


def _overlaps(span: Span, spans: Sequence[Span]) -> bool:
    return any(s.start < span.end and span.start < s.end for s in spans)


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
