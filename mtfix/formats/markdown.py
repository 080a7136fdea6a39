"""Markdown: only prose is checked; code, URLs, HTML, front matter and table
syntax are never touched.

The file is parsed with markdown-it-py (CommonMark plus GFM tables and
strikethrough).  The whole file is one :class:`~mtfix.formats.base.Unit`
whose ``regions`` are the prose of paragraphs, headings, table cells and the
blocks of type-6 and type-7 HTML blocks (read as a page's, :func:`_html_block`; session 43, re-landed in session 44, type 7 since 45), as
character offsets into the original text, and whose ``protected`` spans are
everything else: inline code, link brackets and destinations, autolinks,
images, inline HTML (comments too), TeX math between dollars (``$x_i$``,
``$$…$$``), GFM footnote marks (``[^1]``, a definition's ``[^1]:``, :func:`_footnote`), emphasis markers, escapes and entities, the trailing spaces of a
hard line break, container markers (``>``) inside a paragraph, and every
non-blank character between the prose regions (front matter, code blocks,
the markup of HTML blocks, table pipes, reference definitions).  Protecting the gaps
matters: some detectors scan the whole text, and the core drops findings that
touch a protected span.

How offsets are found: block tokens carry line ranges (``.map``); each
inline token's ``content`` is located in those lines (prefixes such as
``> `` or list indentation stripped), giving a map from content offsets to
file offsets.  Inline positions come from markdown-it itself: every inline
rule is wrapped to record the ``[pos, end)`` range it consumed.  Whatever
cannot be located exactly is protected whole, never guessed.

The parser's structure goes along (:class:`MarkdownSpans`): which regions are headings (a glossary's
first mention and the garble detector's majors ask :meth:`mtfix.model.Document.in_heading`), and which
protected spans inside prose read as a name (code spans, images, autolinks, math) rather than as markup
to drop (:mod:`mtfix.garble.view`).

>>> text = "# Title\\n\\nSee `code` and [the site](https://example.org).\\n"
>>> unit = MarkdownFormat().load(text.encode(), "a.md", {}).units[0]
>>> [text[r.start:r.end] for r in unit.regions]
['Title', 'See `code` and [the site](https://example.org).']
>>> [text[p.start:p.end] for p in unit.protected if p.start >= 10][:3]
['`code`', '[', '](https://example.org)']
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable
from typing import Any, NamedTuple

from markdown_it.rules_block.html_block import HTML_SEQUENCES as _HTML_SEQUENCES

from mtfix.formats.base import Container, Unit
from mtfix.formats.spans import MarkdownSpans, _gaps, _merge
from mtfix.formats.text import TextContainer
from mtfix.io.textfile import decode
from mtfix.model import Span
from mtfix.text.lines import LINE_WITH_END as _LINE
from mtfix.text.tokens import INVISIBLE_MARKS

# Inline rules whose whole consumed range is markup, not prose ("text" is prose; "link" is
# handled apart: its text is prose; so is "newline": only a hard break's spaces are markup).
_PROSE_RULES = frozenset({"text"})
#: Inline rules whose consumed range reads as one name in a sentence, not as markup to drop: code
#: spans, images, autolinks, TeX math (:mod:`mtfix.garble.view`).
_OPAQUE_RULES = frozenset({"backticks", "image", "autolink", "math"})
_ATX = re.compile(r" {0,3}#{1,6}")
_ATX_CLOSING = re.compile(r"(?:[ \t]+#*)?[ \t]*")
#: invisible marks at a line's start (U+FEFF, U+200B, U+2060), which CommonMark reads as text
LINE_START_MARKS = re.compile(rf"(?:\A|(?<=[\r\n]))[{INVISIBLE_MARKS}]+")
#: an inline HTML tag's name (markdown-it's ``html_inline``: a comment, ``<?…?>`` or a declaration has none)
_INLINE_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_QUOTE_MARKERS = re.compile(r"(?:[ \t]*>[ \t]?)*")
_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_local = threading.local()


class MarkdownFormat:
    name = "markdown"
    extensions = (".md", ".markdown")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        from mtfix.formats.html import unfinished_note

        tf = decode(raw, path)
        spans = markdown_spans(tf.text)
        return TextContainer(path=path, format=self.name, units=[markdown_unit(tf.text, spans)], textfile=tf,
                             errors=[*(unfinished_note(tf.text, u) for u in spans.unfinished),
                                     *(too_deep_note(tf.text, u) for u in spans.unread)])


def markdown_unit(text: str, spans: MarkdownSpans | None = None) -> Unit:
    """The one unit of Markdown ``text``, as ``mtfix check`` and the language server read it (one place, session 45):
    its prose, protected spans, code, headings, names, and the glued tags of its HTML blocks (``<b>Ba</b>kı``),
    ``meta["glued"]`` with ``meta["page"]`` false: not a page.  ``spans``: ``text``'s, parsed already (the language
    server's :func:`mtfix.formats.markdown_incremental.reparse`, session 50)."""
    spans = markdown_spans(text) if spans is None else spans
    meta = {"glued": list(spans.glued), "page": False} if spans.glued else {}
    return Unit(None, text, regions=spans.regions, protected=spans.protected, code=spans.code,
                headings=spans.headings, opaque=spans.opaque, verbatim=True, meta=meta)


# -- parser set-up ----------------------------------------------------------------------------------


def _recording(name: str, fn: Callable) -> Callable:
    """Wrap inline rule ``fn`` to record the source range it consumed.

    The range is stored in the ``meta`` of the inline block token whose
    children are being parsed (see :func:`_own_children`); image alt texts,
    parsed into a list of their own, are not recorded.
    """

    def rule(state, silent: bool) -> bool:
        start = state.pos
        ok = fn(state, silent)
        if ok and not silent:
            owner = state.env.get("mtfix_owner", {}).get(id(state.tokens))
            if owner is None:
                return ok
            spans = owner[1].meta.setdefault("mtfix_spans", [])
            if name == "newline":
                if not (state.tokens and state.tokens[-1].type == "hardbreak"):
                    return ok  # a soft break is prose
                ws = start  # the two or more spaces before the line end make the break: markup
                while ws > 0 and state.src[ws - 1] == " ":
                    ws -= 1
                spans.append((ws, start + 1))
            elif name == "link":
                label_end = state.md.helpers.parseLinkLabel(state, start, True)
                spans.append((start, start + 1))
                spans.append((label_end, state.pos) if label_end >= 0 else (start, state.pos))
            else:
                spans.append((start, state.pos))
                if name == "backticks":
                    owner[1].meta.setdefault("mtfix_code", []).append((start, state.pos))
                if name in _OPAQUE_RULES:
                    owner[1].meta.setdefault("mtfix_opaque", []).append((start, state.pos))
                if name == "html_inline":
                    owner[1].meta.setdefault("mtfix_html", []).append((start, state.pos))
        return ok

    return rule


def _gluing(content: str, at: int) -> bool:
    """Whether the inline HTML at ``content[at:]`` is a tag a browser shows as nothing inside a word (``<b>``,
    ``</span>``; :data:`mtfix.formats.html.GLUING`): not ``<br>``, ``<img>``, a comment or a block-level tag."""
    from mtfix.formats.html import GLUING

    m = _INLINE_TAG.match(content, at)
    return m is not None and m.group(1).lower() in GLUING


def _math(state, silent: bool) -> bool:
    """TeX math between dollars, as GitHub and Pandoc read it: ``$$…$$`` (on lines of their own
    too), or ``$…$`` whose opening dollar has a non-space after it and whose closing one a
    non-space before it and no digit after it (so "$5 and $6" is prose).  A formula, not prose."""
    src, pos, end = state.src, state.pos, state.posMax
    if src[pos] != "$":
        return False
    inline = not src.startswith("$$", pos)
    delim = "$" if inline else "$$"
    start = i = pos + len(delim)
    if start >= end or (inline and src[start].isspace()):
        return False
    while i < end and not src.startswith(delim, i):
        i += 2 if src[i] == "\\" else 1
    if i >= end or not src[start:i].strip():
        return False
    if inline and (src[i - 1].isspace() or src[i + 1 : i + 2].isdigit()):
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content, token.markup = src[start:i], delim
    state.pos = i + len(delim)
    return True


#: a GFM footnote definition's label at a line's start (after block-quote markers, up to three spaces): ``[^1]:``
_FOOTNOTE_DEFINITION = re.compile(r"^(?:[ \t]*>)*[ \t]{0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
#: a footnote reference ``[^label]``, with a definition's colon and blanks after it
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](:[ \t]*)?")


def _footnote(state, silent: bool) -> bool:
    """A GFM footnote reference, ``[^1]`` or ``[^note]``, whose label the file defines (``[^1]: …`` at a line's
    start; ``env["mtfix_footnotes"]``), as GitHub reads it: a mark, no word of the sentence; at a line's start with
    a colon, the definition's label.  Without a definition ``[^x]`` is text, as on GitHub (session 46)."""
    src, pos = state.src, state.pos
    if not src.startswith("[^", pos):
        return False
    m = _FOOTNOTE.match(src, pos, state.posMax)
    if m is None or m.group(1) not in state.env.get("mtfix_footnotes", ()):
        return False
    label_start = pos == 0 or src[pos - 1] == "\n"
    if not silent:
        token = state.push("footnote_ref", "sup", 0)
        token.content = m.group(1)
    state.pos = m.end() if m.group(2) and label_start else m.end(1) + 1
    return True


def _own_children(state) -> None:
    """Core rule run before ``inline``: give each inline block token a fresh
    children list and remember which token owns it (the list is kept in
    ``env`` so that its id stays unique during the parse)."""
    owners = state.env.setdefault("mtfix_owner", {})
    for tok in state.tokens:
        if tok.type == "inline":
            tok.children = []
            owners[id(tok.children)] = (tok.children, tok)


def markdown_parser(indented_code: bool = True):
    """This thread's parser; without ``indented_code`` (markdown-it's ``code`` rule off) for the text of an HTML
    block, where CommonMark reads no indented code block: pretty-printed HTML indents its text (session 45)."""
    key = "md" if indented_code else "md_html"
    md = getattr(_local, key, None)
    if md is None:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
        if not indented_code:
            md.disable("code")
        md.inline.ruler.after("backticks", "math", _math)
        md.inline.ruler.before("link", "footnote", _footnote)
        for r in list(md.inline.ruler.__rules__):
            if r.name not in _PROSE_RULES:
                md.inline.ruler.at(r.name, _recording(r.name, r.fn))
        md.core.ruler.before("inline", "mtfix_own_children", _own_children)
        md.block.tokenize = _noting_too_deep(md.block.tokenize)
        setattr(_local, key, md)
    return md


def _noting_too_deep(tokenize: Callable) -> Callable:
    """markdown-it's block ``tokenize``, noting in ``env["mtfix_too_deep"]`` the lines it leaves unread: past
    ``maxNesting`` levels of lists and block quotes (20) it skips to the end of the enclosing range, which for a
    list item is the end of the document (session 53: said, never silently unchecked; CommonMark has no limit)."""

    def noted(state: Any, start_line: int, end_line: int) -> None:
        if state.level >= state.md.options.maxNesting:  # constant in one call: only its first line is tested
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                state.env.setdefault("mtfix_too_deep", []).append((line, end_line))
        tokenize(state, start_line, end_line)

    return noted


def too_deep_note(text: str, span: Span) -> str:
    """The warning for Markdown ``text`` that :func:`markdown_spans` could not read (``MarkdownSpans.unread``).

    >>> t = "".join("> " * 25 + "Deep.\\n") + "\\nEnd.\\n"
    >>> [too_deep_note(t, u) for u in markdown_spans(t).unread]  # doctest: +NORMALIZE_WHITESPACE
    ['line 1: lists or block quotes nested too deep to read (20 levels, a list item counting two): the line is not read, and it is not checked']
    """
    first = text.count("\n", 0, span.start) + 1
    last = text.count("\n", 0, max(span.start, span.end - 1)) + 1
    return (f"line {first}: lists or block quotes nested too deep to read (20 levels, a list item counting two): "
            f"{'the line' if last == first else f'the text to line {last}'} is not read, and it is not checked")


# -- locating content -------------------------------------------------------------------------------


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end-without-newline) of each line, newlines as markdown-it counts them."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and out:
            break
        body = m.group().rstrip("\r\n")
        out.append((m.start(), m.start() + len(body)))
    return out


def front_matter_lines(text: str, lines: list[tuple[int, int]]) -> int:
    """Number of lines of a YAML (``---``) or TOML (``+++``) front matter block at the top."""
    if not lines:
        return 0
    first = text[lines[0][0] : lines[0][1]].rstrip()
    closers = _FRONT_MATTER_FENCES.get(first)
    if not closers:
        return 0
    for i in range(1, len(lines)):
        if text[lines[i][0] : lines[i][1]].rstrip() in closers:
            return i + 1
    return 0


class _Unlocated(Exception):
    """Inline content that cannot be placed exactly in the source."""


def _paragraph_map(text: str, lines: list[tuple[int, int]], first: int, content: str) -> tuple[list[int], list[Span]]:
    """Content offset → file offset for a paragraph-like block starting at line ``first``.

    Each content line is a suffix of its source line (container prefixes and
    indentation removed, tabs possibly expanded), with trailing blanks trimmed
    on the last line.  Returns the map and the prefixes to protect.
    """
    cmap: list[int] = []
    prefixes: list[Span] = []
    parts = content.split("\n")
    if first + len(parts) > len(lines):
        raise _Unlocated
    for k, part in enumerate(parts):
        ls, le = lines[first + k]
        src = text[ls:le]
        core = part.lstrip(" \t")
        ws = len(part) - len(core)
        p = src.rfind(core) if core else len(src.rstrip(" \t"))
        if p < 0 or src[p + len(core) :].strip(" \t"):
            raise _Unlocated
        pos = ls + p
        cmap.extend([pos] * ws)
        cmap.extend(range(pos, pos + len(core)))
        if k and src[:p].strip():
            prefixes.append(Span(ls, pos))
        if k < len(parts) - 1:
            cmap.append(pos + len(core))  # the newline
    cmap.append(pos + len(core))
    return cmap, prefixes


def _heading_map(text: str, line: tuple[int, int], content: str) -> list[int]:
    ls, le = line
    src = text[ls:le]
    opening = _ATX.match(src)
    p = src.rfind(content, opening.end() if opening else 0)
    if p < 0 or not _ATX_CLOSING.fullmatch(src, p + len(content)):
        raise _Unlocated
    return list(range(ls + p, ls + p + len(content) + 1))


def _split_cells(src: str, base: int) -> list[tuple[str, list[int]]]:
    """Cells of a table row as markdown-it splits them (``\\|`` is an escaped
    pipe), each with the file offset of every character."""
    cells: list[tuple[str, list[int]]] = []
    chars: list[str] = []
    idx: list[int] = []
    escaped = False
    for i, ch in enumerate(src):
        if ch == "|":
            if not escaped:
                cells.append(("".join(chars), idx))
                chars, idx = [], []
                escaped = False
                continue
            chars.pop()  # the backslash goes, the pipe stays
            idx.pop()
        chars.append(ch)
        idx.append(base + i)
        escaped = ch == "\\"
    cells.append(("".join(chars), idx))
    return cells


def _row_cells(text: str, line: tuple[int, int], quoted: bool = False) -> list[list[int] | None]:
    """Per cell of a row: file offsets of its trimmed content (None if empty); ``quoted``: the
    table is in a block quote, whose ``>`` markers start the line."""
    ls, le = line
    src = text[ls:le]
    skip = _QUOTE_MARKERS.match(src).end() if quoted else 0
    lead = len(src) - len(src[skip:].lstrip(" \t"))
    body = src[lead:].rstrip(" \t")
    cells = _split_cells(body, ls + lead)
    if body.startswith("|"):
        cells = cells[1:]
    if body.endswith("|") and not body.endswith("\\|") and cells:
        cells = cells[:-1]
    out: list[list[int] | None] = []
    for chars, idx in cells:
        a = len(chars) - len(chars.lstrip())
        b = len(chars.rstrip())
        out.append(idx[a:b] + [idx[b - 1] + 1] if b > a else None)
    return out


def _cell_map(cells: list[list[int] | None], col: int, text: str, content: str) -> list[int]:
    if col >= len(cells) or cells[col] is None:
        raise _Unlocated
    cmap = cells[col]
    if len(cmap) != len(content) + 1 or any(text[cmap[i]] != content[i] for i in range(len(content))):
        raise _Unlocated
    return cmap


# -- the walk over the token stream -----------------------------------------------------------------


def prose_spans(text: str) -> tuple[list[Span], list[Span]]:
    """The prose regions of Markdown ``text`` and the spans to protect.

    >>> text = "---\\ntitle: x\\n---\\n\\nHello *world*.\\n\\n    code\\n"
    >>> regions, protected = prose_spans(text)
    >>> [text[r.start:r.end] for r in regions], [text[p.start:p.end] for p in protected]
    (['Hello *world*.'], ['---\\ntitle: x\\n---', '*', '*', 'code'])
    """
    spans = markdown_spans(text)
    return spans.regions, spans.protected


def markdown_spans(text: str, indented_code: bool = True) -> MarkdownSpans:
    """:func:`prose_spans`, the code (fenced and indented blocks, inline code spans) among
    the protected spans: its text is quoted, so an ``mtfix-ignore`` directive there is an
    example, not a directive (:mod:`mtfix.suppress`); and the regions that are headings.

    >>> text = "Say `mtfix-ignore` here.\\n\\n```\\nx\\n```\\n"
    >>> [text[c.start:c.end] for c in markdown_spans(text).code]
    ['`mtfix-ignore`', '```\\nx\\n```']
    >>> text = "# Talks\\n\\nTalks\\n---\\n\\n- # Aims\\n\\n> They met.\\n---\\n"
    >>> [text[h.start:h.end] for h in markdown_spans(text).headings]
    ['Talks', 'Talks', 'Aims']

    ``indented_code`` false: a line indented four spaces is no code block (the text of an HTML block, :func:`markdown_parser`).
    """
    if LINE_START_MARKS.search(text):  # not Markdown: parse what follows them, offsets mapped back
        return _without_line_start_marks(text, indented_code)
    lines = line_spans(text)
    parse_src, env = parse_source(text, lines)
    tokens = markdown_parser(indented_code).parse(parse_src, env)
    return with_unread(finish_parts(text, walk_tokens(text, lines, tokens)), lines, env)


def with_unread(spans: MarkdownSpans, lines: list[tuple[int, int]], env: dict[str, Any]) -> MarkdownSpans:
    """``spans`` with the lines a parse whose environment was ``env`` left unread (:func:`_noting_too_deep`)."""
    if "mtfix_too_deep" not in env:
        return spans
    unread = [Span(lines[a][0], lines[min(b, len(lines)) - 1][1]) for a, b in env["mtfix_too_deep"] if a < len(lines)]
    return spans._replace(unread=tuple(_merge(unread)))


class MarkdownParts(NamedTuple):
    """What :func:`walk_tokens` reads from a token stream, before the gaps are protected and overlaps merged
    (:func:`finish_parts`): each span lies in the lines of the root-level block it came from, so the parts of
    blocks an edit left alone can be kept (:mod:`mtfix.formats.markdown_incremental`)."""

    regions: list[Span]
    protected: list[Span]
    code: list[Span]
    headings: list[Span]
    opaque: list[Span]
    glued: list[Span]
    #: a paragraph's inline HTML tags (``<b>``, ``</span>``) that may glue a word
    inline_tags: list[tuple[int, int]]
    #: the tags or comments of its HTML blocks that never close (:attr:`MarkdownSpans.unfinished`)
    unfinished: list[Span]


def parse_source(text: str, lines: list[tuple[int, int]]) -> tuple[str, dict[str, Any]]:
    """The text markdown-it parses (a front matter's lines blanked, so that line numbers stay the same) and the
    environment it starts with (the footnote labels the file defines, :func:`_footnote`)."""
    fm = front_matter_lines(text, lines)
    parse_src = text
    if fm:  # blank out front matter so that line numbers stay the same
        end = lines[fm - 1][1]
        parse_src = "\n" * (fm - 1) + text[end:]
    env: dict[str, Any] = {}
    if "[^" in parse_src:
        env["mtfix_footnotes"] = {m.group(1) for m in _FOOTNOTE_DEFINITION.finditer(parse_src)}
    return parse_src, env


def walk_tokens(text: str, lines: list[tuple[int, int]], tokens: list[Any]) -> MarkdownParts:
    """The spans markdown-it's ``tokens`` give in ``text`` (whose ``lines`` the tokens' line maps count)."""
    parts = MarkdownParts([], [], [], [], [], [], [], [])
    regions, protected, code, headings, opaque, glued, inline_tags, unfinished = parts
    block_stack: list[Any] = []
    row_cells: list[list[int] | None] = []
    col = -1
    for tok in tokens:
        if tok.nesting == 1:
            block_stack.append(tok)
            if tok.type == "tr_open":
                quoted = any(b.type == "blockquote_open" for b in block_stack)
                row_cells = _row_cells(text, lines[tok.map[0]], quoted) if tok.map else []
                col = -1
            elif tok.type in ("th_open", "td_open"):
                col += 1
            continue
        if tok.nesting == -1:
            if block_stack:
                block_stack.pop()
            continue
        if tok.type in ("fence", "code_block") and tok.map:
            first, last = tok.map[0], min(tok.map[1], len(lines)) - 1
            if first <= last:
                code.append(Span(lines[first][0], lines[last][1]))
            continue
        if tok.type == "html_block" and tok.map:
            block = _html_block(text, lines, tok)
            if block is not None:  # read as a page's blocks are (else protected whole, as a gap)
                regions.extend(block.regions)
                protected.extend(block.protected)
                code.extend(block.code)
                headings.extend(block.headings)
                opaque.extend(block.opaque)
                glued.extend(block.glued)
                unfinished.extend(block.unfinished)
            continue
        if tok.type != "inline" or not tok.content or tok.map is None:
            continue
        parent = block_stack[-1] if block_stack else None
        try:
            cmap, prefixes = _content_map(text, lines, tok, parent, row_cells, col)
        except (_Unlocated, IndexError):
            continue  # left out of the regions: protected as a gap
        regions.append(Span(cmap[0], cmap[len(tok.content)]))
        if parent is not None and parent.type == "heading_open":
            headings.append(regions[-1])
        protected.extend(prefixes)
        for s, e in tok.meta.get("mtfix_spans", ()):
            if s < e:
                protected.append(Span(cmap[s], cmap[e]))
        code.extend(Span(cmap[s], cmap[e]) for s, e in tok.meta.get("mtfix_code", ()))
        opaque.extend(Span(cmap[s], cmap[e]) for s, e in tok.meta.get("mtfix_opaque", ()))
        inline_tags.extend((cmap[s], cmap[e]) for s, e in tok.meta.get("mtfix_html", ()) if _gluing(tok.content, s))
    return parts


def finish_parts(text: str, parts: MarkdownParts) -> MarkdownSpans:
    """The spans of the whole ``text`` from its ``parts``: a paragraph's glued tags found, the gaps between the prose
    regions protected, overlapping protected spans merged."""
    regions = sorted(parts.regions, key=lambda r: r.start)
    glued = list(parts.glued)
    if parts.inline_tags:  # a paragraph's inline tags inside a word (``Ba<b>kı</b>``) read as nothing, as a page's (s46):
        from mtfix.formats.html import glued_runs  # between two letters or digits (not ``("<b>the``: a quote's)

        glued.extend(g for g in glued_runs(text, parts.inline_tags, [(r.start, r.end) for r in regions])
                     if text[g.start - 1].isalnum() and text[g.end].isalnum())
    protected = _merge([*parts.protected, *_gaps(text, regions)])
    return MarkdownSpans(regions, protected, sorted(parts.code, key=lambda c: c.start),
                         sorted(parts.headings, key=lambda h: h.start), sorted(parts.opaque, key=lambda o: o.start),
                         tuple(glued), tuple(sorted(set(parts.unfinished), key=lambda u: u.start)))


def _without_line_start_marks(text: str, indented_code: bool = True) -> MarkdownSpans:
    """:func:`markdown_spans` of ``text`` whose lines start with invisible marks (a byte order mark an
    editor kept, at the file's start or, after ``cat a.md b.md``, in mid-file; a zero-width space or
    word joiner): CommonMark would read ``\\ufeff# Title`` as a paragraph, so the marks are left out of
    the parse and the spans mapped back.  A mark right before a region stays in it (prose, as in a
    paragraph of text) but for a BOM opening the file; any other is protected (before a ``#``, ``-``
    or ``>``: markup)."""
    marks = [m.start() + i for m in LINE_START_MARKS.finditer(text) for i in range(len(m.group()))]
    removed = set(marks)
    pieces = zip([-1, *marks], [*marks, len(text)], strict=True)
    inner = markdown_spans("".join(text[a + 1:b] for a, b in pieces), indented_code)
    shifts = [m - j for j, m in enumerate(marks)]  # where each mark stood in the text without them

    def start(p: int) -> int:
        return p + bisect.bisect_right(shifts, p)

    def end(p: int) -> int:
        return start(p - 1) + 1 if p else 0

    def back(p: int) -> int:  # a region's start, with the marks right before it (not the file's BOM)
        q = start(p)
        while q - 1 in removed and not (q == 1 and text[0] == "\ufeff"):
            q -= 1
        return q

    def mapped(spans: list[Span]) -> list[Span]:
        return [Span(start(x.start), end(x.end)) for x in spans]

    regions = [Span(back(r.start), end(r.end)) for r in inner.regions]
    starts = [r.start for r in regions]

    def inside(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and regions[k].start <= i < regions[k].end

    protected = _merge([*mapped(inner.protected), *(Span(i, i + 1) for i in marks if not inside(i))])
    headings = [Span(back(h.start), end(h.end)) for h in inner.headings]
    return MarkdownSpans(regions, protected, mapped(inner.code), headings, mapped(inner.opaque),
                         tuple(mapped(list(inner.glued))), tuple(mapped(list(inner.unfinished))),
                         tuple(mapped(list(inner.unread))))


def _html_block(text: str, lines: list[tuple[int, int]], tok: Any) -> MarkdownSpans | None:
    """The spans of a CommonMark type-6 or type-7 HTML block (``<div>…</div>``, ``<p align="center">…``, ``<details>``;
    ``<img …>`` or ``<span>`` alone on its line and the text after it, :func:`_block_type`),
    read as an HTML page's are (:func:`mtfix.formats.html.html_spans`: the text of its blocks is prose; tags,
    attributes, comments, ``<pre>``, ``<code>``, ``<script>`` never are), with the Markdown syntax in that text
    (``**``, ``[…](…)``, backticks) protected as in a paragraph; offsets in ``text``.  None (the block stays
    protected whole) for the other types (``<pre>``, comments, declarations).  A list item's marker or a block
    quote's ``>`` before the first line's ``<``, and the container prefix of the lines after it, are read as blanks;
    a prefix that is not blank (``> ``) is protected, as in a quoted paragraph (session 46: the block was protected
    whole).  Its inline tags inside a word (``<b>Ba</b>kı``) are the spans' ``glued``,
    as a page's are (session 45): the unit's ``meta["glued"]``, with ``meta["page"]`` false.

    >>> t = "<div>\\nThe the cat.\\n</div>\\n\\n- <p>A dog\\n  sat.</p>\\n"
    >>> [t[r.start:r.end] for r in markdown_spans(t).regions]
    ['The the cat.', 'A dog\\n  sat.']
    """
    from mtfix.formats.html import page_spans

    first, last = tok.map[0], min(tok.map[1], len(lines)) - 1
    if first > last or _block_type(tok.content) not in (6, 7) or getattr(_local, "in_html_block", False):
        return None  # an HTML block inside one's text is text the page reader left (never re-read: no recursion)
    start, end = lines[first][0], lines[last][1]
    parts = tok.content.split("\n")
    if len(parts) <= last - first:  # fewer lines than the block's: not located, never guessed
        return None
    masked = list(text[start:end])
    prefixes: list[Span] = []  # a block quote's ``>`` markers on the lines after the first: markup, as in a paragraph
    for i, content in zip(range(first, last + 1), parts, strict=False):
        line = text[lines[i][0]:lines[i][1]]
        cut = len(line) - len(content)
        if cut < 0 or not line.endswith(content):
            return None
        if i > first and line[:cut].strip():
            prefixes.append(Span(lines[i][0], lines[i][0] + cut))
        masked[lines[i][0] - start:lines[i][0] - start + cut] = " " * cut
    read = "".join(masked)
    page, glued, unfinished = page_spans(read)

    def moved(spans: list[Span]) -> list[Span]:
        return [Span(x.start + start, x.end + start) for x in spans]

    marks: list[Span] = []  # Markdown syntax a writer put in the block's text (``**``, ``[…](…)``, backticks)
    opaque: list[Span] = []
    for r in page.regions:
        _local.in_html_block = True
        try:
            inner = markdown_spans(_tag_lines_blanked(read, r.start, r.end, page.protected), indented_code=False)
        finally:
            _local.in_html_block = False
        at = start + r.start
        marks.extend(Span(p.start + at, p.end + at) for p in inner.protected)
        opaque.extend(Span(o.start + at, o.end + at) for o in inner.opaque)
    return MarkdownSpans(moved(page.regions), _merge([*moved(page.protected), *marks, *prefixes]), moved(page.code),
                         moved(page.headings), sorted([*moved(page.opaque), *opaque], key=lambda o: o.start),
                         tuple(moved(glued)), tuple(moved(unfinished)))


def _tag_lines_blanked(text: str, start: int, end: int, tags: list[Span]) -> str:
    """``text[start:end]`` (a region of an HTML block) with each line that holds only ``tags`` (the page's protected
    spans) and blanks made blank, same length: Markdown would read ``<span>`` alone on its line as an HTML block of
    its own (type 7) and hide the text after it (session 45), where a page's reader reads that text as prose."""
    covered = bytearray(end - start)
    for t in tags[max(bisect.bisect_right(tags, start, key=lambda t: t.start) - 1, 0):]:  # ascending, disjoint
        if t.start >= end:
            break
        lo, hi = max(t.start, start), min(t.end, end)
        if lo < hi:
            covered[lo - start:hi - start] = b"\1" * (hi - lo)
    chars = list(text[start:end])
    pos = 0
    for line in text[start:end].split("\n"):
        if any(not c.isspace() for c in line) and all(c.isspace() or covered[pos + i] for i, c in enumerate(line)):
            chars[pos:pos + len(line)] = [c if c in "\r\n" else " " for c in line]
        pos += len(line) + 1
    return "".join(chars)


def _block_type(content: str) -> int | None:
    """The CommonMark type (1–7) of the HTML block whose text is ``content``, as markdown-it tells them (its own
    openers, in its order: ``<pre>`` alone on its line is type 1, not 7).  Type 7, one complete tag alone on its
    line (``<img …>``, ``<span>``, ``<a href=…>``), runs to the next blank line, the text after the tag too, which
    CommonMark shows as HTML: read as a type-6 block's (session 45), its Markdown syntax protected."""
    line = content.split("\n", 1)[0].lstrip(" \t")
    return next((k for k, (opener, _closer, _para) in enumerate(_HTML_SEQUENCES, 1) if opener.search(line)), None)


def _content_map(text, lines, tok, parent, row_cells, col) -> tuple[list[int], list[Span]]:
    kind = parent.type if parent is not None else ""
    if kind == "paragraph_open":
        return _paragraph_map(text, lines, tok.map[0], tok.content)
    if kind == "heading_open":
        if parent.markup.startswith("#"):
            return _heading_map(text, lines[tok.map[0]], tok.content), []
        return _paragraph_map(text, lines, tok.map[0], tok.content)  # setext
    if kind in ("th_open", "td_open"):
        return _cell_map(row_cells, col, text, tok.content), []
    raise _Unlocated
