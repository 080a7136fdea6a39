"""A word doubled by accident (``the the``), also across inline formatting (``the <b>the</b>``): MTF105."""

from __future__ import annotations

from collections.abc import Iterable

from mtfix.model import Document, FixSafety, Scope, Span
from mtfix.rules.detectors.markup_runs import _Markup, _markup_runs
from mtfix.rules.detectors.phrases import markup_of
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.rules.detectors.repeat_memo import loop_sites
from mtfix.rules.detectors.repeat_scan import (
    _segments_with_sites,
    _tokens,
    cells_apart,
    glued_to_code,
    in_code_span,
    same_word,
)
from mtfix.text.tokens import INVISIBLE_MARKS, WORD, LazyPattern

#: What may part two copies of a word: spaces, tabs and the no-break spaces (seen as a space), with invisible marks
#: (:data:`~mtfix.text.tokens.INVISIBLE_MARKS`: a zero-width space, a word joiner, a BOM, a bidi control) anywhere in it,
#: but at least one space: "the\u200b the" reads "the the" (session 24), "the\u200bthe" reads as one word
_GAP = LazyPattern(rf"[{INVISIBLE_MARKS}]*[ \t\u00a0\u202f][ \t\u00a0\u202f{INVISIBLE_MARKS}]*")
#: One line break inside a segment, with spaces or tabs around it: a paragraph wrapped at "the" and taken up again
#: with "the" on the next line ("the\nthe", "the\r\nthe", a Markdown hard break "the  \nthe", one subtitle cue's two
#: lines; session 47).  A second line break (a new paragraph) or anything printed (a quote's ">", a list's "-", a
#: table's "|") is no such gap, and the segmenter never puts two subtitle cues or two table cells in one segment.
_WRAP = LazyPattern(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
#: the spaces of :data:`_GAP`, and those with the invisible marks
_SPACES = " \t\u00a0\u202f"
_BLANKS = _SPACES + INVISIBLE_MARKS
#: The words a line must hold, the first copy among them, to read as a wrapped line of prose rather than one entry of
#: a list written one to a line ("Phrases:\na\na lot\na bit", an index's "of\nof course"): a wrapped paragraph's or
#: a subtitle cue's line holds a few words before the copy ("We crossed the\nthe river"); session 47, round 38's review.
WRAPPED_LINE_MIN_WORDS = 3


def _wrapped_line(text: str, first: tuple[int, int, str], second: tuple[int, int, str],
                  bounds: tuple[int, int] | None = None) -> bool:
    """Whether the line that ends with the copy ``first`` reads as wrapped prose: it holds at least
    :data:`WRAPPED_LINE_MIN_WORDS` words and neither it nor the line of ``second`` holds a tab (a table's cells,
    "bread\tthe\nthe\tmilk": removing a copy would remove a cell).  Both lines are read inside ``bounds`` (the
    segment, ``(start, end)``; the whole text when None): the words of the sentence before on the same line do not
    count ("Yes. On the\nthe mat." reads "On the" alone, as the sentence checked alone does: session 48)."""
    lo, hi = bounds if bounds is not None else (0, len(text))
    start = max(lo, text.rfind("\n", 0, first[0]) + 1, text.rfind("\r", 0, first[0]) + 1)
    end = hi
    for brk in ("\n", "\r"):
        at = text.find(brk, second[1], hi)
        end = min(end, at) if at >= 0 else end
    if "\t" in text[start:end]:
        return False
    return len(WORD.findall(text, start, first[1])) >= WRAPPED_LINE_MIN_WORDS


def _across_wrap(text: str, first: tuple[int, int, str], second: tuple[int, int, str], message: str,
                 safety: FixSafety | None, limit: int) -> Hit:
    """A copy on the next line of a wrapped paragraph ("on the\nthe mat"): the fix removes the second copy and the
    spaces after it ("on the\nmat"), so the line break and every line's other characters stay as they were.  When the
    second copy ends its line or its text ("the\nthe.", "the\nthe\n") removing it would leave a line with one word
    or none moved: reported with no fix.  Nothing after ``limit`` (its segment's end) is read."""
    end = second[1]
    while end < limit and text[end] in _SPACES:
        end += 1
    if end == second[1] or end >= limit or text[end] in "\r\n":
        return Hit(second[0], second[1], None, message=message)
    return Hit(second[0], end, "", message=message, safety=safety)


def _pair_safety(first: str, second: str, word: str, safe_words: set[str] | None) -> FixSafety | None:
    """The safety of removing ``second``, a copy of ``first`` (``word``: its lower-case form): unsafe for a name
    ("Bora Bora": both capitalised) and for a word that may be doubled on purpose (not in ``safe_words``); None (the
    rule's, safe) otherwise.  A long content word stays unsafe (session 53's review): post-editors removed every such
    double in fitting MT, but clean English doubles them too ("Homo sapiens sapiens", "hallelujah hallelujah")."""
    if first[:1].isupper() and second[:1].isupper():
        return FixSafety.UNSAFE
    if safe_words is None or word in safe_words:
        return None
    return FixSafety.UNSAFE


# DOCUMENT, not SEGMENT (session 48, the lead's read of RFK): the whole-text pre-screen (repeat_memo.loop_sites)
# decides which sentences are scanned, and misses copies glued to a stop or a backtick, so a sentence's result
# can depend on text elsewhere; a per-sentence screen added false majors on clean text ("n(n + 1)", chess)
@detector("repeated_word", scope=Scope.DOCUMENT)
def repeated_word(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``the the`` → ``the``; words that may repeat (``had had``, ``that that``) are in ``params.allowed``.

    The fix is safe only for the words of ``params.safe`` (articles, coordinators, possessive
    determiners: closed-class words that English never doubles); any other word may be doubled
    on purpose ("What it was was a disaster", "Those who can can help", "moved on on Monday",
    "mahi mahi"), so it is reported with an unsafe fix.  A capitalised word repeated with its
    capital in mid-sentence ("Bora Bora", "Duran Duran") is a name: unsafe too.  Without
    ``params.safe`` every fix is safe (as before version 1.7 of the pack).
    """
    allowed = {w.lower() for w in rule.params.get("allowed", [])}
    safe_words = {w.lower() for w in rule.params["safe"]} if "safe" in rule.params else None
    text = doc.text
    markup: _Markup | None = None
    marked = any(c in text for c in "<{*_~")  # once, not for each segment (session 28)
    for idx in _segments_with_sites(doc, loop_sites(doc, ctx)):
        toks = _tokens(doc, idx)
        if marked:
            markup = markup if markup is not None else _markup_runs(text, markup_of(doc, ctx))
            yield from _across_markup(text, toks, markup, allowed, safe_words)
        i = 0
        while i + 1 < len(toks):
            j = _line_run_end(doc, toks, i)
            wrapped = j == i and _across_one_wrap(doc, toks, i, doc.segments[idx])
            j = i + 1 if wrapped else j
            first, second = text[toks[i][0] : toks[i][1]], text[toks[j][0] : toks[j][1]]
            if (j - i + 1 == 2 and toks[i][2] not in allowed and not toks[i][2].isdigit()
                    and same_word(first, second) and not in_code_span(doc, idx, toks[i][0], toks[j][1])
                    and not glued_to_code(text, toks[i][0], text[toks[i][1]:toks[i + 1][0]])):
                safety = _pair_safety(first, second, toks[i][2], safe_words)
                if wrapped:
                    yield _across_wrap(text, toks[i], toks[j], f"'{first}' is repeated across a line break", safety,
                                       doc.segments[idx].end)
                else:
                    yield Hit(toks[i][1], toks[j][1], "", message=f"'{first}' is repeated", safety=safety)
            i = j + 1


def _line_run_end(doc: Document, toks: list[tuple[int, int, str]], i: int) -> int:
    """The last of the copies of ``toks[i]`` that follow it on its line (:data:`_GAP` between each two): a run is
    counted up to the first line break, so "in the the\nthe hall" is the pair on line 1 (round 38's review), and up
    to the first tab (:func:`cells_apart`)."""
    j = i
    while (j + 1 < len(toks) and toks[j + 1][2] == toks[i][2] and _GAP.fullmatch(doc.text, toks[j][1], toks[j + 1][0])
           and not cells_apart(doc.text, toks[j][1], toks[j + 1][0])):
        j += 1
    return j


def _across_one_wrap(doc: Document, toks: list[tuple[int, int, str]], i: int, seg: Span) -> bool:
    """Whether ``toks[i]`` ends a wrapped line (:func:`_wrapped_line`) and its one copy opens the next, with no third
    copy after that one on its line ("the\nthe the": that loop is MTF106's)."""
    text = doc.text
    if i + 1 >= len(toks) or toks[i + 1][2] != toks[i][2] or _WRAP.fullmatch(text, toks[i][1], toks[i + 1][0]) is None:
        return False
    return (_line_run_end(doc, toks, i + 1) == i + 1
            and _wrapped_line(text, toks[i], toks[i + 1], (seg.start, seg.end)))


def _across_markup(text: str, toks: list[tuple[int, int, str]], markup: _Markup, allowed: set[str],
                   safe_words: set[str] | None) -> Iterable[Hit]:
    """A word repeated across inline formatting in mid-sentence (session 21): "the <b>the</b> report", "to <i>to</i>",
    "the **the** report".  The copies are the segment's words outside markup with only white space and formatting
    between them.  The fix removes the copy outside the formatting and the white space that parts it from the
    markup ("the <b>the</b> report" → "<b>the</b> report", "<b>the</b> the report" → "<b>the</b> report"): no tag is
    touched, so the markup stays balanced and the formatted copy keeps its formatting.  When both copies are formatted,
    or the copy to remove is capitalised and the other not (the sentence would lose its capital), it is reported with
    no fix.  Its safety otherwise is the plain pair's (:func:`repeated_word`)."""
    words = [t for t in toks if markup.at(t[0]) < 0]
    for a, b in zip(words, words[1:], strict=False):
        if a[2] != b[2] or a[2] in allowed or a[2].isdigit():
            continue
        first, second = text[a[0] : a[1]], text[b[0] : b[1]]
        if not same_word(first, second):
            continue
        gap = _formatting_gap(text, a[1], b[0], markup)
        if gap is None:
            continue
        lead, trail = gap  # white space right after ``a`` and right before ``b``
        safety = _pair_safety(first, second, a[2], safe_words)
        message = f"'{first}' is repeated across inline markup"
        if trail:  # ``b`` stands outside the markup: remove it and the white space before it
            yield Hit(b[0] - trail, b[1], "", message=message, safety=safety)
        elif lead and first == second:  # ``a`` stands outside: remove it and the white space after it
            yield Hit(a[0], a[1] + lead, "", message=message, safety=safety)
        else:
            yield Hit(b[0], b[1], None, message=message)


def _formatting_gap(text: str, start: int, end: int, markup: _Markup) -> tuple[int, int] | None:
    """When ``text[start:end]`` is white space (no line break, no tab: :func:`cells_apart`) and inline formatting
    only, with some of each: the lengths of the white space at its start and at its end; else None."""
    if cells_apart(text, start, end):
        return None
    pos, spaced, marked = start, False, False
    while pos < end:
        if text[pos] in _BLANKS:
            pos, spaced = pos + 1, spaced or text[pos] in _SPACES
            continue
        k = markup.at(pos)
        if k < 0 or markup.starts[k] != pos or not markup.formatting(k) or markup.ends[k] > end:
            return None
        pos, marked = markup.ends[k], True
    if not (spaced and marked):
        return None
    gap = text[start:end]
    return len(gap) - len(gap.lstrip(_BLANKS)), len(gap) - len(gap.rstrip(_BLANKS))
