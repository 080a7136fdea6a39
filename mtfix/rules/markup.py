"""Rules read a Markdown sentence through its inline markup, and their fixes keep it (session 28).

A reader of ``the **snow**The minister`` sees "snowThe", of ``in [Baku](https://x.org) ,where`` sees
"Baku ,where"; a pattern over the raw text sees neither, and a finding that touched the markers was
dropped as touching a protected span.  In a document whose format says which of its protected spans are
markup (``meta["opaque"]`` is not None: Markdown), the emphasis markers and the link
brackets and destinations inside prose (:func:`markup_offsets`) are left out of the text the rules read,
as zero-width marks are (:class:`~mtfix.rules.marks.MarkView`), and the hits are mapped back.  The rules run over the text as it is too, first: a finding the pass through the
markup makes again (a rule that handles markup itself) is left out (:func:`new_findings`).

A fix never rewrites markup (:func:`place_edit`): the characters it keeps on either side of the markup
are trimmed off it; what is left is either clear of the markup (applied as it is) or an insertion at a
run of markers (the space of ``snow**The``), which goes where the Markdown keeps its structure: after
closing markers, before opening ones (``**snow** The``, ``snow **The**``), checked by parsing the
paragraph before and after.  Any other fix that would cut through markup is offered as a suggestion
only (the finding keeps its suggestions, loses its edits).

Since session 31 a character reference in the prose of a page or a Markdown file (:func:`reference_spans`) reads as
the character it stands for: its characters but its first are markup, which the view
(:class:`~mtfix.rules.marks.MarkView`) reads as that character; a span over it covers it whole, and an edit holds it
whole (``Bak&#305;`` → ``Baku``) or keeps it (an insertion goes before or after it, never inside).  Since session
44 only a reference that spells a letter or a digit is held whole; one for spacing or punctuation (``&nbsp;`` between
a loop's copies) is markup an edit must keep, so an edit over it is a suggestion only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from itertools import accumulate

from mtfix.caching import regexcache
from mtfix.caching.lastmemo import LastMemo
from mtfix.model import Document, Edit, Finding, FixSafety, Span
from mtfix.rules.marks import MarkView, keep_marks, mark_offsets, reference_end, reference_read
from mtfix.segment import is_page
from mtfix.text.charrefs import PAGE_MARKUP, peeled, prose_references

#: a protected span inside prose that is markup a reader skips: emphasis markers, a link's
#: brackets, its destination or reference label (several merged into one span: ``**[``, ``](x)**``)
#: (not strikethrough: a struck word is deleted text, not prose to read with its neighbours: ``~~the~~ the``)
_MARKUP = regexcache.compile(r"(?:[*_]+|\[|\](?:\([^\n]*?\)|\[[^\]\n]*\])?)+")


#: detectors that read Markdown's emphasis as a signal (a word in italics is mentioned, not used: 'the word
#: *qarşı*'), which the pass through the markup does not run
READS_MARKUP = frozenset({"foreign_letters", "foreign_words"})


def markup_offsets(doc: Document) -> list[int]:
    """The offsets of the inline markup characters inside the segments of ``doc``, ascending; none unless
    the format says which protected spans are markup (``meta["opaque"]``, Markdown), and never a span that
    overlaps a code span, image, autolink or formula (those read as names).

    >>> from mtfix.segment import to_document
    >>> t = "The **snow**The [men](https://x.org) ,left `a*b*c`."
    >>> prot = [Span(4, 6), Span(10, 12), Span(16, 17), Span(20, 36), Span(43, 50)]
    >>> doc = to_document(t, protected=prot, regions=[Span(0, len(t))], opaque=[Span(43, 50)])
    >>> "".join(t[i] for i in markup_offsets(doc))
    '****[](https://x.org)'
    >>> t = "Press *?* or **snow**The."
    >>> doc = to_document(t, protected=[Span(6, 7), Span(8, 9), Span(13, 15), Span(19, 21)], regions=[Span(0, 25)],
    ...                   opaque=[])
    >>> "".join(t[i] for i in markup_offsets(doc))
    '****'
    """
    return _LAST_OFFSETS(doc)  # the rules, the glossary (twice) and a report ask for the same document's (session 30)


def _markup_offsets(doc: Document) -> list[int]:
    found = _inline_markup(doc)
    rests = reference_offsets(doc)
    return sorted({*found, *rests}) if rests else found


#: the :func:`markup_offsets` of the last document asked for (a document's offsets never change)
_LAST_OFFSETS: LastMemo[Document, list[int]] = LastMemo(_markup_offsets)


def read_through(doc: Document, start: int, end: int) -> set[int]:
    """The protected offsets inside ``start``–``end`` a reader reads through, which are no bound to a span over
    the words: an HTML page's tags glued inside a word (``meta["glued"]``) and every character reference
    (:func:`reference_spans`) whole (session 31: the garble detector's MTF401 span over ``caf&#233;``)."""
    out = {i for g in doc.meta.get("glued") or () if g.start < end and start < g.end for i in range(g.start, g.end)}
    out.update(i for r in _LAST_REFERENCES(doc).near(start, end) if r.start < end and start < r.end
               for i in range(r.start, r.end))
    return out


def reference_offsets(doc: Document) -> list[int]:
    """The offsets of the characters of ``doc``'s character references (:func:`reference_spans`) but the first of
    each, ascending: the part of :func:`markup_offsets` a view leaves out so that the first reads as the character
    the reference stands for."""
    return [k for r in reference_spans(doc) for k in range(r.start + 1, r.end)]


def reference_spans(doc: Document) -> list[Span]:
    """The character references (``&#233;``, ``&eacute;``, ``&amp;``) in the prose of ``doc``'s segments, ascending,
    each standing for one character (session 31); none unless the format says which protected spans are markup
    (HTML, Markdown: plain text's ``&amp;`` is text), and never one in a tag's attribute, a code span or a name.
    :func:`markup_offsets` holds each one's characters but its first, which a view
    (:class:`~mtfix.rules.marks.MarkView`) reads as the character it stands for.

    >>> from mtfix.segment import to_document
    >>> t = "The caf&#233; &amp; <b title='&amp;'>x</b> `&lt;`."
    >>> prot = [Span(7, 13), Span(14, 19), Span(20, 37), Span(38, 42), Span(43, 49)]
    >>> doc = to_document(t, protected=prot, regions=[Span(0, len(t))], opaque=[Span(43, 49)])
    >>> [t[r.start:r.end] for r in reference_spans(doc)]
    ['&#233;', '&amp;']
    """
    return _LAST_REFERENCES(doc).spans  # a finding's quote, read_through and reference_offsets each ask (session 32)


class _References:
    """A document's :func:`reference_spans`, and the few of them near a span found by bisection."""

    __slots__ = ("spans", "_starts", "_longest")

    def __init__(self, doc: Document):
        self.spans = _reference_spans(doc)
        self._starts = [r.start for r in self.spans]
        self._longest = max((r.end - r.start for r in self.spans), default=0)

    def near(self, start: int, end: int) -> list[Span]:
        """The references that may overlap ``start``–``end`` (a superset, in order: every one starting from
        the longest one's length before ``start`` up to ``end``)."""
        starts = self._starts
        return self.spans[bisect_left(starts, start - self._longest):bisect_right(starts, end)]


def _reference_spans(doc: Document) -> list[Span]:
    if not doc.segments:
        return []
    found = prose_references(doc.text, doc.meta.get("format_protected"), doc.meta.get("opaque"),
                             page=is_page(doc))
    return [r for r in found if doc.segment_at(r.start) is not None]


#: the references of the last document asked about (a document's references never change)
_LAST_REFERENCES: LastMemo[Document, _References] = LastMemo(_References)


def _inline_markup(doc: Document) -> list[int]:
    opaque = doc.meta.get("opaque")
    fmt = doc.meta.get("format_protected")
    glued = glued_offsets(doc)
    if is_page(doc):  # HTML: the inline tags inside a word (mtfix.formats.html.page_spans)
        return glued
    if opaque is None or not fmt or not doc.segments:
        return glued
    text = doc.text
    names = sorted(opaque, key=lambda o: o.start)
    ends = list(accumulate((o.end for o in names), max))  # the furthest end of the names up to each

    def by_name(p: Span) -> bool:  # whether ``p`` overlaps a name (binary search)
        k = bisect_left(names, p.end, key=lambda o: o.start)
        return k > 0 and ends[k - 1] > p.start

    markup = _MARKUP.fullmatch  # the cheap test first (session 30): most protected spans are code, not markup
    # a run of markup merged with the references next to it (``*&#305;``, ``&#305;](x)``) is that markup (session 31)
    fmt = [peeled(text, p)[1] if text.find("&", p.start, p.end) >= 0 else p for p in fmt]
    spans = [p for p in fmt if p.start < p.end and markup(text, p.start, p.end) and doc.segment_at(p.start) is not None
             and doc.segment_at(p.end - 1) is not None and not by_name(p)]
    # emphasis or a link around punctuation alone names a key or a button ("the *?* key"): kept, as a name
    keys = {i for i, (a, b) in enumerate(zip(spans, spans[1:], strict=False)) if a.end < b.start
            and not any(c.isalnum() or c.isspace() for c in text[a.end:b.start])}
    keys |= {i + 1 for i in keys}
    return sorted({*glued, *(k for i, p in enumerate(spans) if i not in keys for k in range(p.start, p.end))})


def glued_offsets(doc: Document) -> list[int]:
    """The offsets of the inline tags inside a word in ``doc``'s segments (``meta["glued"]``: an HTML page's, a
    Markdown HTML block's, session 45), which every rule reads through (``<b>Ba</b>kı`` reads "Bakı")."""
    return [k for g in doc.meta.get("glued") or () if doc.segment_at(g.start) is not None for k in range(g.start, g.end)]


def as_read(doc: Document, start: int, end: int) -> str:
    """``doc.text[start:end]`` as a reader sees it: without the inline markup inside it (:func:`markup_offsets`:
    ``snow**The`` reads "snowThe"), for a report or a message to quote (session 29); the span as it is where the
    format says nothing of its markup (plain text: ``**`` is text), and a code span, image or autolink as written.
    The edit still applies to the span as it is.  In an HTML page (session 30), each tag, comment or character
    reference the span holds whole reads as the reader sees it (:func:`_page_read`: ``&amp;`` "&", a tag nothing)."""
    text = doc.text[start:end]
    if is_page(doc):  # an HTML page (mtfix.formats.html.page_spans)
        return _page_read(doc, start, end)
    if doc.meta.get("opaque") is None or not doc.meta.get("format_protected") or not doc.is_protected(start, end):
        return text
    offsets = markup_offsets(doc)
    lo, hi = bisect_left(offsets, start), bisect_left(offsets, end)
    if lo == hi:
        return text
    gone = set(offsets[lo:hi])
    # a reference the span holds whole reads as its character (session 31); one it cuts, as written
    reads = {r.start: reference_read(text[r.start - start:r.end - start]) for r in _LAST_REFERENCES(doc).near(start, end)
             if start <= r.start and r.end <= end}
    return "".join(reads.get(i) or c for i, c in enumerate(text, start) if i not in gone or i in reads)


_BREAK_TAG = regexcache.compile(r"(?i)<br\b")


def _page_read(doc: Document, start: int, end: int) -> str:
    """:func:`as_read` in an HTML page: the protected runs inside ``start``–``end`` (of ``meta["format_protected"]``,
    held whole) without their tags and comments (``<br>`` reads as a space between two words) and with each
    character reference decoded; a template's syntax, and a run the span cuts, as written.

    >>> from mtfix.segment import to_document
    >>> t = "<p>Tom &amp; <b>Jerry</b>'s caf&#233;<br>Baku</p>"
    >>> prot = [Span(0, 3), Span(7, 12), Span(13, 16), Span(21, 25), Span(31, 37), Span(37, 41), Span(45, 49)]
    >>> doc = to_document(t, protected=prot, regions=[Span(3, 45)], opaque=[])
    >>> _page_read(replace(doc, meta={**doc.meta, "glued": []}), 3, 45)
    "Tom & Jerry's café Baku"
    """
    import html

    text = doc.text
    runs = sorted(doc.meta.get("format_protected") or (), key=lambda p: p.start)
    out: list[str] = []
    pos = start
    for p in runs[max(bisect_left(runs, start, key=lambda p: p.start) - 1, 0):]:
        if p.start >= end:
            break
        if p.start < start or p.end > end:
            continue  # cut by the span: as written
        out.append(text[pos : p.start])
        at = p.start
        for m in PAGE_MARKUP.finditer(text, p.start, p.end):
            out.append(text[at : m.start()])
            if m.group()[0] == "&":
                out.append(html.unescape(m.group()))
            elif _BREAK_TAG.match(m.group()) and not text[m.start() - 1 : m.start()].isspace() \
                    and not text[m.end() : m.end() + 1].isspace():
                out.append(" ")
            at = m.end()
        out.append(text[at : p.end])
        pos = p.end
    out.append(text[pos:end])
    return "".join(out)


def reading_view(doc: Document) -> MarkView | None:
    """``doc`` as a reader sees it: without its inline markup (:func:`markup_offsets`) and its zero-width marks
    (:class:`~mtfix.rules.marks.MarkView`); None when it holds neither (the glossary reads it so)."""
    gone = sorted({*markup_offsets(doc), *mark_offsets(doc.text)})
    return MarkView(doc, gone) if gone else None


def shielded(doc: Document, finding: Finding, markup: set[int]) -> bool:
    """Whether ``finding`` touches protected text other than ``markup`` (then it is dropped, as before)."""
    if not doc.is_protected(finding.start, finding.end):
        return False
    end = max(finding.end, finding.start + 1)
    return any(i not in markup and doc.is_protected(i, i + 1) and not is_reference_start(doc.text, i, markup)
               for i in range(finding.start, end))


def is_reference_start(text: str, pos: int, markup: set[int] | frozenset[int]) -> bool:
    """Whether ``pos`` starts a character reference whose other characters are all ``markup`` (a view reads it
    as the character it stands for: :func:`reference_spans`)."""
    end = reference_end(text, pos)
    return end is not None and all(k in markup for k in range(pos + 1, end))


def shielded_in(doc: Document) -> Callable[[Finding], bool]:
    """:func:`shielded` for ``doc``'s own markup (found once, on the first protected finding)."""
    found: list[set[int]] = []

    def test(f: Finding) -> bool:
        if not doc.is_protected(f.start, f.end):
            return False
        if not found:
            found.append(set(markup_offsets(doc)))
        return shielded(doc, f, found[0])

    return test


def place_edit(doc: Document, edit: Edit, markup: set[int]) -> Edit | None:
    """``edit`` (mapped from the markup view) trimmed off the markup it keeps; an insertion at a run of markers
    placed where the paragraph keeps its structure; None when it would still rewrite markup."""
    edit = keep_marks(doc.text, edit, markup.__contains__)
    inside = [i for i in range(edit.start, edit.end) if i in markup]
    if not inside or _whole_references(doc.text, edit, inside, markup):
        return edit
    if (copy := _copy_before_reference(doc.text, edit, markup)) is not None:
        return copy
    if len(inside) < edit.end - edit.start:
        return None  # it rewrites words and markers together: a suggestion only
    for pos in range(edit.start, edit.end + 1):
        moved = replace(edit, start=pos, end=pos, original="")
        if _keeps_structure(doc, moved):
            return moved
    return None


def _whole_references(text: str, edit: Edit, inside: list[int], markup: set[int]) -> bool:
    """Whether the markup ``inside`` ``edit`` is the characters of character references it holds whole, each
    standing for a letter or a digit of a word the fix rewrites (``Bak&#305;`` → "Baku": it cuts none; session 31).

    A reference that stands for spacing or punctuation (``&nbsp;``, ``&amp;``, ``&#8217;``) is markup the author
    wrote between words: an edit over it (a repeat's copies deleted with the ``&nbsp;`` between them) would remove
    or rewrite it, so the fix is a suggestion only (session 44)."""
    rests: set[int] = set()
    pos = edit.start
    while (pos := text.find("&", pos, edit.end)) >= 0:
        end = reference_end(text, pos)
        if end is not None and end <= edit.end and is_reference_start(text, pos, markup):
            if not _spells_a_word(reference_read(text[pos:end]) or ""):
                return False
            rests.update(range(pos + 1, end))
        pos += 1
    return bool(rests) and rests.issuperset(inside)


def _copy_before_reference(text: str, edit: Edit, markup: set[int]) -> Edit | None:
    """A repeat's deletion of a spacing reference and the copy after it (``&nbsp;the`` in ``met the&nbsp;the
    minister``) as the deletion of the copy before it and the reference (``the&nbsp;``): the same words are left,
    ``met the minister``, every character outside the edit as it was and no reference cut or moved (session 45).
    None unless the edit deletes one whole reference that stands for spacing and then a word the same as the one
    right before the reference, that word starting the text or after a blank, and not capitalised: two capitalised
    words an author bound with a no-break space (``Bora&nbsp;Bora``, ``Duran&nbsp;Duran``) are evidence of a name,
    whose half no fix deletes (a suggestion only, as a repeat across any other reference)."""
    t = text
    if edit.replacement or t.find("&", edit.start, edit.end) != edit.start:
        return None
    ref_end = reference_end(t, edit.start)
    if ref_end is None or ref_end >= edit.end or not is_reference_start(t, edit.start, markup):
        return None
    if not (reference_read(t[edit.start:ref_end]) or "x").isspace():
        return None
    word = t[ref_end:edit.end]
    start = edit.start - len(word)
    if not word.isalnum() or word[0].isupper() or start < 0 or t[start:edit.start] != word \
            or (start and not t[start - 1].isspace()):
        return None
    if t[edit.end:edit.end + 1].isalnum() or any(i in markup for i in range(start, edit.start)):
        return None
    return replace(edit, start=start, end=ref_end, original=t[start:ref_end])


def _spells_a_word(char: str) -> bool:
    """Whether ``char`` (what a reference stands for) is part of a word's spelling: a letter, a digit, a mark."""
    import unicodedata

    return char.isalnum() or unicodedata.category(char).startswith("M") if char else False


def finding_around_markup(doc: Document, finding: Finding, markup: set[int]) -> Finding:
    """``finding`` with each edit placed by :func:`place_edit`; when one cannot be, no edit at all (its fix is
    offered as a suggestion only).  A finding whose one edit was its span and moved onto the copy before a
    reference (:func:`_copy_before_reference`) is reported there: what ``check`` shows is what ``fix`` applies."""
    if not finding.edits or not any(i in markup for e in finding.edits for i in range(e.start - 1, e.end + 1)):
        return finding
    edits = [place_edit(doc, e, markup) for e in finding.edits]
    if any(e is None for e in edits):
        return replace(finding, edits=(), fix=FixSafety.NONE)
    placed = tuple(e for e in edits if e is not None)
    old = finding.edits[0]
    if len(placed) == 1 and placed[0].start < old.start and (finding.start, finding.end) == (old.start, old.end):
        return replace(finding, start=placed[0].start, end=placed[0].end, edits=placed)
    return replace(finding, edits=placed)


def new_findings(found: list[Finding], viewed: list[Finding]) -> list[Finding]:
    """The findings of the pass through the markup (``viewed``) that no finding of the pass over the text as it
    is (``found``) already makes: none of the same code overlapping it (a rule that handles markup itself, such
    as the repeated word across ``the **the**``, keeps its own finding and fix)."""
    spans: dict[str, list[Span]] = {}
    for f in found:
        spans.setdefault(f.code, []).append(Span(f.start, f.end))
    return [v for v in viewed if not any(Span(v.start, v.end).overlaps(s) or (s.start, s.end) == (v.start, v.end)
                                         for s in spans.get(v.code, ()))]


def _region(doc: Document, pos: int) -> Span | None:
    for r in doc.meta.get("regions") or ():
        if r.start <= pos <= r.end:
            return r
    return None


def _keeps_structure(doc: Document, edit: Edit) -> bool:
    """Whether the paragraph holding ``edit`` parses to the same Markdown structure after it."""
    region = _region(doc, edit.start)
    if region is None:
        return False
    before = doc.text[region.start:region.end]
    s, e = edit.start - region.start, edit.end - region.start
    after = before[:s] + edit.replacement + before[e:]
    if is_page(doc):  # HTML (session 29)
        from mtfix.formats.html import html_structure

        return html_structure(before) == html_structure(after)
    return markdown_structure(before) == markdown_structure(after)


def markdown_structure(text: str) -> list[tuple]:
    """The structure of Markdown ``text`` as the project's parser reads it: the tokens, without their text but
    for whether the text inside emphasis, links and strikethrough starts or ends with a space (a marker next to
    a space no longer closes or opens: ``**snow **The`` is not bold).

    >>> markdown_structure("the **snow** The") == markdown_structure("the **snow**The")
    True
    >>> markdown_structure("the **snow **The") == markdown_structure("the **snow**The")
    False
    """
    from mtfix.formats.markdown import markdown_parser

    out: list[tuple] = []
    for tok in markdown_parser().parse(text, {}):
        out.append((tok.type, tok.nesting))
        for child in tok.children or ():
            if child.type == "text":
                if child.level > 0 and child.content:
                    out.append(("text", child.content[0].isspace(), child.content[-1].isspace()))
            else:
                out.append((child.type, child.nesting, child.markup, child.attrs.get("href") if child.attrs else None))
    return out
