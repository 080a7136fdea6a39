"""Character references in a page's or a Markdown file's prose: which ones a reader reads as the character they
stand for, and the text the sentence splitter reads (session 32, seg-13).

The one place that says where a reference stands in prose: the rules' view (:func:`mtfix.rules.markup.reference_spans`,
session 31) and the segmenter (:func:`mtfix.segment.to_document`) both ask :func:`prose_references`.  The segmenter
splits :func:`read_as_characters` of the text, the same length: each reference written as its character followed by
word joiners (one of the invisible marks it splits without, seg-10), so ``&#8220;no.&#8221; Then`` is split as
``“no.” Then`` is, every offset is the source's, and a reference is never cut (the marks after a character go with it).

>>> t = "He said &#8220;no.&#8221; Then"
>>> refs = [Span(8, 15), Span(18, 25)]
>>> read_as_characters(t, refs).replace("\u2060", "")
'He said “no.” Then'
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from mtfix.model import Span
from mtfix.text.tokens import LazyPattern

#: a character reference (``&#233;``, ``&#x131;``, ``&eacute;``), as HTML and Markdown write one
REFERENCE = LazyPattern(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: what a page's protected run holds that a reader does not see as written: a tag or comment, a character reference
PAGE_MARKUP = LazyPattern(
    r"(?s)<!--.*?-->|<[A-Za-z/!?][^<>]*>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: (both compiled on first use: a cold start of plain text pays for neither)
#: what pads a reference read as a character to its own length: a word joiner, a mark the segmenter reads through
PAD = "\u2060"
#: characters a reference is not read as by the segmenter: a line break would end a block the page does not end
_LINE_BREAKS = frozenset("\n\r\v\f\x85\u2028\u2029")


def reference_read(ref: str) -> str | None:
    """The one character the character reference ``ref`` stands for; None for one that stands for none or more.

    >>> reference_read("&#305;"), reference_read("&eacute;"), reference_read("&nosuch;")
    ('ı', 'é', None)
    """
    import html  # on first use: the segmenter imports this module, and plain text never asks

    read = html.unescape(ref)
    return read if len(read) == 1 and read != ref else None


def reference_end(text: str, pos: int) -> int | None:
    """The end of the character reference that starts at ``pos`` of ``text``, or None."""
    if not text.startswith("&", pos):
        return None
    m = REFERENCE.match(text, pos)
    return m.end() if m is not None and reference_read(m.group()) is not None else None


def peeled(text: str, p: Span) -> tuple[list[Span], Span]:
    """The character references protected span ``p`` starts and ends with (merged with the markup next to them:
    ``&#305;](https://x.org)``), and what is left of it between them."""
    refs: list[Span] = []
    start, end = p.start, p.end
    while start < end and (e := reference_end(text, start)) is not None and e <= end:
        refs.append(Span(start, e))
        start = e
    while start < end and text[end - 1] == ";":
        at = text.rfind("&", start, end)
        if at < 0 or reference_end(text, at) != end:
            break
        refs.append(Span(at, end))
        end = at
    return refs, Span(start, end)


def prose_references(text: str, fmt: Iterable[Span] | None, opaque: Iterable[Span] | None, *, page: bool) -> list[Span]:
    """The character references among the format's protected spans ``fmt`` that are prose, ascending: none when the
    format does not say which protected spans are markup (``opaque`` None: plain text, where ``&amp;`` is text), never
    one overlapping a name of ``opaque`` (a code span, template syntax); in a ``page`` (HTML) scanned tag first, so
    that one in an attribute is no prose; in Markdown only those a protected run starts or ends with (not one in a
    link's destination).

    >>> t = "caf&#233; <b title='&amp;'>x</b> `&lt;`"
    >>> [t[r.start:r.end] for r in prose_references(t, [Span(3, 9), Span(10, 27), Span(33, 39)], [Span(33, 39)],
    ...                                             page=True)]
    ['&#233;']
    """
    if opaque is None or not fmt or "&" not in text:
        return []
    names = sorted(opaque, key=lambda o: o.start)
    ends = list(accumulate((o.end for o in names), max))  # the furthest end of the names up to each
    out: list[Span] = []
    for p in fmt:
        if text.find("&", p.start, p.end) < 0:
            continue
        k = bisect_left(names, p.end, key=lambda o: o.start)
        if k > 0 and ends[k - 1] > p.start:  # in a name (a code span, template syntax): as written
            continue
        if page:  # a tag first: a reference in its attribute is no prose
            out += [Span(m.start(), m.end()) for m in PAGE_MARKUP.finditer(text, p.start, p.end)
                    if m.group()[0] == "&" and reference_read(m.group()) is not None]
        else:
            out += peeled(text, p)[0]
    out.sort(key=lambda r: r.start)
    return out


def read_as_characters(text: str, refs: Iterable[Span]) -> str:
    """``text`` with each reference of ``refs`` read as its character, the same length: the character, then
    :data:`PAD` (a white-space character, a no-break space, repeated instead: it is no word to pad); one that
    stands for a line break stays as written."""
    parts: list[str] = []
    pos = 0
    for r in refs:
        char = reference_read(text[r.start:r.end])
        if char is None or char in _LINE_BREAKS:
            continue
        parts.append(text[pos:r.start])
        n = r.end - r.start
        parts.append(char * n if char.isspace() else char + PAD * (n - 1))
        pos = r.end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)
