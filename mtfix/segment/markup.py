"""HTML and XML written in the text: tags, ``<script>``, ``<style>``, comments and code elements
(:func:`find_markup_spans`, :func:`html_code_elements`), and where an opener ``<!--`` stands as a comment
(:func:`_stands_as_comment`, :func:`_across_paragraphs`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from mtfix.caching import regexcache
from mtfix.model import Span
from mtfix.text.tokens import MARKUP_TAG

#: a sentence's end, and the closing quotes or brackets after it, before an opener that stands as a comment
_ENDS_SENTENCE = frozenset(".!?\u2026")
_CLOSERS = frozenset("\"'\u201d\u2019\u00bb)]")
_IGNORE_OPENER = regexcache.compile(r"<!--[^\S\r\n]*mtfix-ignore")


def _stands_as_comment(text: str, at: int, line_floor: int) -> bool:
    """Whether an opener ``<!--`` at ``at`` that nothing closes stands where a comment stands, and so runs to its
    line's end: first on its line (or from ``line_floor``, its region's start), after a sentence end ("Tuesday.
    <!-- draft") or another comment, or opening an ignore directive.  Anywhere else (after a word, a comma, an
    opening quote: "write <!-- to open one") it is characters of the prose (session 30).

    >>> [_stands_as_comment(t, t.index("<!--"), 0) for t in ("a. <!-- b", "write <!-- b", "a <!-- mtfix-ignore")]
    [True, False, True]
    """
    i = at
    while i > line_floor and text[i - 1] in " \t":
        i -= 1
    if i == line_floor or text[i - 1] in "\r\n" or text.startswith("-->", i - 3):
        return True
    while i > line_floor and text[i - 1] in _CLOSERS:
        i -= 1
    if i > line_floor and text[i - 1] in _ENDS_SENTENCE:
        return True
    return _IGNORE_OPENER.match(text, at) is not None


def find_markup_spans(text: str, regions: Iterable[Span] | None = None, quoted: Iterable[Span] = ()) -> list[Span]:
    """HTML and XML tags written in the text (:data:`mtfix.text.tokens.MARKUP_TAG`: ``<b>``, ``<a href="/terms">``,
    ``</a>``): never reported, never edited, as the inline markup an XLIFF parser finds is (session 12).
    A PO entry's msgstr, an XLIFF target that escapes its HTML and plain text carry them as text.

    The whole of a ``<script>`` or ``<style>`` element (any case, with attributes) and of a comment
    ``<!-- … -->`` is one span (session 21, in ``seg-9``): the code in an HTML page read as text is not
    prose; so is the whole of a ``<pre>``, ``<code>``, ``<kbd>`` or ``<samp>`` element (session 26, ``seg-10``), a code
    sample protected as Markdown's code blocks and code spans are, but an opener of one that nothing closes is its
    tag alone. A ``<script>`` or ``<style>`` opener that nothing closes protects the rest of the text, as a browser
    reads the rest of the page as its code, or, when the text has ``regions`` (a format's records, paragraphs,
    cells), the rest of the region it opens in; an element never runs past its region's end (session 22,
    in ``seg-9``). One the format quotes (inside a ``quoted`` span: a Markdown code span, a code block)
    protects its tag alone; so does one outside every region (the format protects that text already).
    An unclosed ``<!--`` protects nothing (:func:`_code_elements`).

    >>> t = '<p>Hi</p><script>var a = [1 , 2];'
    >>> [t[s.start:s.end] for s in find_markup_spans(t)]
    ['<p>', '</p>', '<script>var a = [1 , 2];']

    >>> t = 'Read our <a href="/terms">Terms</a>.'
    >>> [t[s.start:s.end] for s in find_markup_spans(t)]
    ['<a href="/terms">', '</a>']
    >>> t = '<style>p { color: red ; }</style><p>Hi</p>'
    >>> [t[s.start:s.end] for s in find_markup_spans(t)]
    ['<style>p { color: red ; }</style>', '<p>', '</p>']
    """
    if "<" not in text:
        return []
    code = _code_elements(text, regions, quoted) if _CODE_MARK.search(text) else []
    tags = [Span(m.start(), m.end()) for m in MARKUP_TAG.finditer(text)]
    if not code:
        return tags
    starts = [c.start for c in code]
    ends = [c.end for c in code]

    def inside(t: Span) -> bool:
        i = bisect_right(starts, t.start) - 1
        return i >= 0 and t.end <= ends[i]

    return sorted([*code, *(t for t in tags if not inside(t))], key=lambda s: s.start)


_NAME_ELEMENT = re.compile(r"<(?:pre|code|kbd|samp)(?=[\s/>])[^<>]*>", re.IGNORECASE)


def html_code_elements(text: str, markup: Iterable[Span]) -> list[Span]:
    """The ``<pre>``, ``<code>``, ``<kbd>`` and ``<samp>`` elements (tags and content) among ``markup``
    (:func:`find_markup_spans`), in order: a code sample the garble detector reads as one name, as it reads a Markdown
    code span (seg-10); an opener alone (nothing closed it) is a tag like any other.

    >>> t = "Run <code>make all</code> or <code> alone."
    >>> [t[s.start:s.end] for s in html_code_elements(t, find_markup_spans(t))]
    ['<code>make all</code>']
    """
    out = []
    for m in markup:
        tag = _NAME_ELEMENT.match(text, m.start, m.end)
        if tag is not None and tag.end() < m.end:
            out.append(m)
    return out


def _code_elements(text: str, regions: Iterable[Span] | None = None, quoted: Iterable[Span] = ()) -> list[Span]:
    """``<script>…</script>``, ``<style>…</style>``, ``<!-- … -->`` and (seg-10) ``<pre>…</pre>``, ``<code>…</code>``,
    ``<kbd>…</kbd>``, ``<samp>…</samp>`` in ``text``, in order, not
    overlapping: one scan of :data:`_CODE_TOKEN` finds every opener and closer, and each opener
    outside the last element found goes to the first closer of its kind after it (a bisection), so a
    long text of openers nothing closes is read in one pass, not once per opener.

    An opener inside one of ``regions`` pairs only with a closer inside the same region; a script or
    style opener left unpaired runs to the end of its region (of the text when there are no regions);
    one outside every region or inside a ``quoted`` span is its tag alone; an unpaired comment, ``<pre>``,
    ``<code>``, ``<kbd>`` or ``<samp>`` opener is left out (its tag is markup as any tag is: "wrap it in
    <code> tags" in prose leaves the rest of the text checked)."""
    limits = sorted(regions or (), key=lambda r: r.start)
    region_starts = [r.start for r in limits]
    quotes = sorted(quoted, key=lambda q: q.start)
    quote_starts = [q.start for q in quotes]

    def limit(start: int, end: int) -> int:
        """Where the element opened by the tag at ``start``..``end`` may run to."""
        q = bisect_right(quote_starts, start) - 1
        if q >= 0 and end <= quotes[q].end:
            return end
        if regions is None:
            return len(text)
        i = bisect_right(region_starts, start) - 1
        return limits[i].end if i >= 0 and end <= limits[i].end else end

    openers: list[tuple[int, int, str]] = []
    kinds = ("--", "script", "style", "pre", "code", "kbd", "samp")
    closers: dict[str, list[int]] = {k: [] for k in kinds}
    closer_ends: dict[str, list[int]] = {k: [] for k in kinds}
    for m in _CODE_TOKEN.finditer(text):
        if m.group("open_comment"):
            openers.append((m.start(), m.end(), "--"))
        elif m.group("open"):
            openers.append((m.start(), m.end(), m.group("open").lower()))
        else:
            kind = "--" if m.group("close_comment") else m.group("close").lower()
            closers[kind].append(m.start())
            closer_ends[kind].append(m.end())
    out: list[Span] = []
    done = 0
    for start, end, kind in openers:
        if start < done:
            continue
        stop = limit(start, end)
        i = bisect_left(closers[kind], end)
        if kind == "--" and regions is None and i < len(closers[kind]) and _across_paragraphs(text, start, end,
                                                                                             closers[kind][i]):
            continue  # prose's "<!--": unpaired, as an opener nothing closes is (seg-14)
        if i < len(closers[kind]) and closer_ends[kind][i] <= stop:
            done = closer_ends[kind][i]
            out.append(Span(start, done))
        elif kind in _RUNS_ON:
            done = stop
            out.append(Span(start, done))
    return out


#: Whether a text may hold a script, a style or a comment (a cheap test before :data:`_CODE_TOKEN`).
_CODE_MARK = re.compile(r"<!--|<(?:script|style|pre|code|kbd|samp)", re.IGNORECASE)
#: The openers and closers :func:`_code_elements` pairs: ``<!--``, ``-->``, ``<script …>``, ``</style >``, and (seg-10)
#: ``<pre>``, ``<code>``, ``<kbd>``, ``<samp>`` and their closers.
_CODE_TOKEN = re.compile(r"(?P<open_comment><!--)|(?P<close_comment>-->)"
                         r"|<(?P<open>script|style|pre|code|kbd|samp)(?=[\s/>])[^<>]*>"
                         r"|</(?P<close>script|style|pre|code|kbd|samp)\s*>", re.IGNORECASE)
#: The elements whose opener nothing closes runs to the end of its region (a browser runs the rest as code); any
#: other unclosed opener protects nothing but its tag (:func:`_code_elements`).
_RUNS_ON = frozenset(("script", "style"))
#: a blank line (LF, CRLF or a lone CR, spaces or tabs on it): a paragraph break of plain text
_PARAGRAPH_BREAK = regexcache.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)")


def _across_paragraphs(text: str, start: int, end: int, closer: int) -> bool:
    r"""Whether the ``<!--`` at ``start``..``end`` of plain text (no regions) stands in running prose
    (:func:`_stands_as_comment` is false) and the first ``-->`` after it, at ``closer``, is past a blank line: then it
    is no comment a reader of plain text sees, only the characters "<!--" in a sentence, and the paragraphs are
    segmented apart (seg-14; until then one segment of both, the prose between them protected).  A comment that
    stands as one (first on its line, after a sentence end) may span paragraphs, as a block commented out does.

    >>> _across_paragraphs("Type <!-- here.\n\nAdd --> there.", 5, 9, 22)
    True
    >>> [_across_paragraphs(t, t.index("<!--"), t.index("<!--") + 4, t.index("-->"))
    ...  for t in ("<!--\ndraft\n\nmore -->", "Type <!-- here.\nAdd --> there.", "Type <!-- a.\r\nb --> c")]
    [False, False, False]
    """
    return _PARAGRAPH_BREAK.search(text, end, closer) is not None and not _stands_as_comment(text, start, 0)
