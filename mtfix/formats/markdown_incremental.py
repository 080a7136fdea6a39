"""Markdown parsed again after an edit from the root-level block before it, not from the file's start (session 50).

markdown-it's block parse from the start of a root-level block is a function of the lines from there on, and a block
reads no further than the line after the next root-level block's start (a paragraph's terminator, a table's delimiter
row).  So after an edit, :func:`reparse` parses only a window: from the start of the second root-level block before the
edited lines (its line and the blocks before it unchanged) to a few lines past the start of an old root-level block
after them.  When the window's parse starts a root-level block at that old block's (shifted) line, the parse has
re-synchronised: the spans of the blocks before the window are kept, those after it shifted, and the window's own
spans put between.  Anything that makes Markdown non-local parses the whole text again: a front matter edited or made,
a link reference or footnote definition (``]:``) in the window before or after the edit (they change links anywhere),
invisible marks at a line's start, and no re-synchronisation in the window (a fence, an HTML block or a list opened
to the end, a setext underline or lazy continuation reaching past it).  ``tests/formats/test_markdown_incremental_s50.py``
compares the result with a whole parse, byte for byte, over random edits.

>>> first = reparse("# Title\\n\\nOne line.\\n\\nTwo lines.\\n")
>>> after = reparse("# Title\\n\\nOne good line.\\n\\nTwo lines.\\n", first)
>>> after.spans == reparse("# Title\\n\\nOne good line.\\n\\nTwo lines.\\n").spans, after.incremental
(True, True)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from mtfix.formats.markdown import (
    LINE_START_MARKS,
    MarkdownParts,
    finish_parts,
    front_matter_lines,
    line_spans,
    markdown_parser,
    markdown_spans,
    parse_source,
    walk_tokens,
    with_unread,
)
from mtfix.formats.spans import MarkdownSpans
from mtfix.model import Span
from mtfix.recheck import common_prefix, common_suffix

#: lines parsed past a re-synchronising block's start (a block reads up to the line after the next block's start)
_MARGIN = 3
#: old root-level blocks after the edit at which the window may re-synchronise
_CHANCES = 3


@dataclass(frozen=True)
class MarkdownParse:
    """One parse of a Markdown text: its spans (:func:`mtfix.formats.markdown.markdown_spans`'s), and what the next
    edit's :func:`reparse` needs: the parts before the final sums, the start lines of its root-level blocks, the
    front matter's lines and the link references it defines."""

    text: str
    spans: MarkdownSpans
    parts: MarkdownParts | None = None
    roots: tuple[int, ...] = ()
    front_matter: int = 0
    references: dict[str, Any] | None = None
    #: whether this parse kept blocks of the previous one (False: a whole parse)
    incremental: bool = False


def reparse(text: str, previous: MarkdownParse | None = None) -> MarkdownParse:
    """The parse of Markdown ``text``; after ``previous`` (the parse of the text before an edit), only the blocks
    around the edit parsed again when that is sound (see the module's docstring), else the whole text."""
    if previous is not None and previous.parts is not None and previous.text != text:
        window = _window(previous, text)
        if window is not None:
            return window
    elif previous is not None and previous.text == text:
        return previous
    return whole_parse(text)


def whole_parse(text: str) -> MarkdownParse:
    """The parse of the whole of ``text``, kept for the next edit's :func:`reparse`."""
    if LINE_START_MARKS.search(text):  # mapped back from a parse without the marks: never a window
        return MarkdownParse(text, markdown_spans(text))
    lines = line_spans(text)
    parse_src, env = parse_source(text, lines)
    tokens = markdown_parser().parse(parse_src, env)
    parts = walk_tokens(text, lines, tokens)
    return MarkdownParse(text, with_unread(finish_parts(text, parts), lines, env), parts, _root_starts(tokens),
                         front_matter_lines(text, lines), env.get("references"))


def _root_starts(tokens: list[Any]) -> tuple[int, ...]:
    """The first lines of the root-level blocks (opening or whole tokens of level 0), ascending."""
    return tuple(t.map[0] for t in tokens if t.level == 0 and t.nesting >= 0 and t.map)


def _window(old: MarkdownParse, text: str) -> MarkdownParse | None:
    """The parse of ``text`` from a window around its difference from ``old.text``; None when not sound."""
    if LINE_START_MARKS.search(text):
        return None
    before, roots = old.text, old.roots
    prefix = common_prefix(before, text)
    suffix = common_suffix(before, text, min(len(before), len(text)) - prefix)
    old_lines, new_lines = line_spans(before), line_spans(text)
    fm = front_matter_lines(text, new_lines)
    old_starts = [a for a, _ in old_lines]
    first_changed = bisect.bisect_right(old_starts, prefix) - 1
    last_changed = bisect.bisect_right(old_starts, len(before) - suffix) - 1
    if fm != old.front_matter or first_changed < fm or not roots:
        return None
    k = bisect.bisect_right(roots, first_changed) - 1 - 2  # two root-level blocks before the edited lines' own
    start_line = roots[k] if k >= 0 else fm
    shift_lines, shift = len(new_lines) - len(old_lines), len(text) - len(before)
    after = [r for r in roots if r > last_changed + 1][:_CHANCES]
    end_line = after[-1] + shift_lines + _MARGIN if after else len(new_lines)
    end_line = min(end_line, len(new_lines))
    old_end_line = min(end_line - shift_lines, len(old_lines))
    start = new_lines[start_line][0] if start_line < len(new_lines) else len(text)
    end = new_lines[end_line][0] if end_line < len(new_lines) else len(text)
    old_start = old_lines[start_line][0] if start_line < len(old_lines) else len(before)
    old_end = old_lines[old_end_line][0] if old_end_line < len(old_lines) else len(before)
    if "]:" in text[start:end] or "]:" in before[old_start:old_end]:  # a definition: links anywhere may change
        return None
    parse_src, env = parse_source(text, new_lines)  # the footnote labels the whole file defines
    if old.references is not None:
        env["references"] = dict(old.references)  # defined outside the window only: no "]:" in it
    tokens = markdown_parser().parse("\n" * start_line + text[start:end], env)
    if old.spans.unread or "mtfix_too_deep" in env:  # nested too deep to read: said of the whole text, never a window
        return None
    window_roots = _root_starts(tokens)
    found = set(window_roots)
    resync = next((r for r in after if r + shift_lines in found and r + shift_lines + _MARGIN <= end_line), None)
    if resync is None and end_line < len(new_lines):
        return None  # no root-level block where an old one started: the edit reaches further
    cut_line = resync + shift_lines if resync is not None else len(new_lines)
    cut = new_lines[cut_line][0] if cut_line < len(new_lines) else len(text)
    old_cut = old_lines[resync][0] if resync is not None else len(before)
    inner = walk_tokens(text, new_lines, tokens)
    parts = MarkdownParts(*(
        [*(x for x in kept if _at(x) < old_start), *(x for x in new if start <= _at(x) < cut),
         *(_moved(x, shift) for x in kept if _at(x) >= old_cut)]
        for kept, new in zip(old.parts, inner, strict=True)))
    new_roots = (*(r for r in roots if r < start_line), *(r for r in window_roots if r < cut_line),
                 *(r + shift_lines for r in roots if resync is not None and r >= resync))
    return MarkdownParse(text, finish_parts(text, parts), parts, new_roots, fm, old.references, incremental=True)


def _at(x: Span | tuple[int, int]) -> int:
    return x.start if isinstance(x, Span) else x[0]


def _moved(x: Span | tuple[int, int], by: int) -> Any:
    return Span(x.start + by, x.end + by) if isinstance(x, Span) else (x[0] + by, x[1] + by)
