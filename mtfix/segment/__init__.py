"""Text → segments (sentences) with offsets into the original string.

Blocks are found first: a line break ends a segment unless the next line
continues a wrapped sentence (it starts in lower case, or, in plain text, the
line break is a hard wrap: :func:`wrapped_breaks`).  Inside a block,
sentences are split by pysbd (chosen over syntok and blingfire by measurement,
see the README); its sentences are located in the original text, so every
offset points at the input exactly.

pysbd's cost grows faster than the length of what it is given, so a block
longer than :data:`MAX_BLOCK` characters (a paragraph with no line break) is
first cut into pieces of at most that length, at the last likely sentence end
(a lower-case word, ``.``/``!``/``?``, space, a capital) in the second half of
each piece; failing that at other punctuation, then at a space, then anywhere.
Such cuts are not pysbd's: ``split_segments`` reports them in ``cuts`` and
:func:`to_document` keeps them in ``meta["forced_cuts"]``.

pysbd costs milliseconds per call, so a block is first split at the sentence
ends pysbd always splits at (a word of letters that is no pysbd abbreviation,
``.``, spaces, a capital and a lower-case letter, with no quote or bracket
open), in blocks free of what else pysbd reads across sentences (single
quotes, list markers, newlines, its own placeholder characters); only the
pieces that still hold a possible sentence end go to pysbd, and of those not the pieces pysbd is known to
give whole (no stop of its inside, only quotes or brackets: :func:`_one_sentence`, session 25; checked
piece by piece against pysbd by ``bench/check_one_sentence.py``).  ``bench/identity.py`` checks that the segments are
pysbd's own on EWT, MLQE-PE post-edits, realmt and the benchmark text, except that a sentence never starts
in lower case (:data:`_LOWER_START`): pysbd's split before a lower-case word is undone; and that a
quotation of several sentences, which pysbd keeps whole, is split at its inner sentence ends (:func:`_split_quotes`, seg-6),
and so is a sentence end before an opening quote mark that pysbd's pairing of straight quotes hid (:func:`_split_before_quotes`, seg-7);
and that a title or honorific before a name ends no sentence inside a line, as at a line's end (:func:`_join_titles`, seg-7).

An HTML comment (an inline ignore directive, ``<!-- mtfix-ignore: MTF105 -->``) is never cut (seg-11,
:func:`_comments_kept_whole`): sentences are split as in the text without it; a comment inside a sentence stays in it,
any other is a segment boundary, a segment of its own (with the comments after it on its line), so that the sentences
before and after it are the segments they are without it; an opener nothing closes runs to its line's end where a
comment stands (first on its line, after a sentence end), and in running prose is characters of its sentence.

>>> from mtfix.segment import split_segments
>>> text = "U.S. Secretary met E. Macron. He left.\\nHeading"
>>> [text[s.start:s.end] for s in split_segments(text)]
['U.S. Secretary met E. Macron.', 'He left.', 'Heading']

The package's modules (session 34 split the one ``segment.py`` by concern): :mod:`~mtfix.segment.sentence_ends`
(sure sentence ends, pieces pysbd gives whole, long blocks cut), :mod:`~mtfix.segment.pysbd_pass` (pysbd's split and
mtfix's passes over it), :mod:`~mtfix.segment.abbreviations`, :mod:`~mtfix.segment.wrapping` (hard-wrapped plain text),
:mod:`~mtfix.segment.comments` (HTML comments kept whole), :mod:`~mtfix.segment.markup` and
:mod:`~mtfix.segment.protected` (spans never split or edited) and :mod:`~mtfix.segment.words`; this module holds the
public API (:func:`split_segments`, :func:`to_document`), the blocks' invisible marks (:class:`_Unmarked`) and the
spreading of a long text's blocks over processes, and imports back the names of ``mtfix.segment`` before the split.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from mtfix.caching import regexcache
from mtfix.errors import InputError
from mtfix.model import Document, Segment, Span, blank, strip_span

# The names of the one ``segment.py`` before session 34, importable from here as before.
from mtfix.segment.abbreviations import (
    _ABBREVIATION_END,
    _BEFORE_A_QUANTITY,
    _FIRST_WORD,
    _LAST_WORD,
    _LOWER_GOES_ON,
    _MORE_ABBREVIATIONS,
    _NAME_START,
    _NUMBER_WORD,
    _QUANTITY_START,
    _TOKEN_BEFORE_PERIOD,
    _YEAR,
    ANSWER_WORDS,
    _abbreviations,
    _after_its_quantity,
    _ends_in_title,
    _goes_on,
    _initial_or_capitals,
    _local,
    _starts_sentence,
    _title_goes_on,
    _word_ends_sentence,
)
from mtfix.segment.markup import (
    _CLOSERS,
    _CODE_MARK,
    _CODE_TOKEN,
    _ENDS_SENTENCE,
    _IGNORE_OPENER,
    _NAME_ELEMENT,
    _PARAGRAPH_BREAK,
    _RUNS_ON,
    _across_paragraphs,
    _code_elements,
    _stands_as_comment,
    find_markup_spans,
    html_code_elements,
)
from mtfix.segment.protected import (
    _LAST_SPACE,
    _LINE_BREAK,
    _QUOTE_MARKER,
    _SPACE,
    _TLDS,
    _URL,
    _URL_MARK,
    _near,
    find_protected_spans,
    quote_markers,
    soft_breaks,
)
from mtfix.segment.pysbd_pass import (
    _CAPITAL_START,
    _DIGIT_START,
    _END_BEFORE_QUOTE,
    _LEADING_CLOSE,
    _OPEN_QUOTE_AFTER_END,
    _QUOTATION,
    _QUOTE_INNER_END,
    _QUOTE_MIN_WORDS,
    _a_sentence,
    _closing_marks_back,
    _cut,
    _join_titles,
    _next_starts_sentence,
    _pysbd_relative,
    _pysbd_spans,
    _segmenter,
    _split_before_quotes,
    _split_quotes,
)
from mtfix.segment.sentence_ends import (
    _ANY_END,
    _CLOSES,
    _CUTS,
    _INNER_STOP,
    _LETTER,
    _LIST_MARK,
    _LIST_MARK_AT_START,
    _LOOSE_APOSTROPHE,
    _MAYBE_SENTENCE_END,
    _OPENS,
    _OPENS_ALONE,
    _PAIRS,
    _QUOTE_AT_END,
    _QUOTE_BRACKET,
    _RARE,
    _RARE_CHARS,
    _SURE_DOT,
    _WORD_BEFORE,
    MAX_BLOCK,
    _block_sentences,
    _not_local,
    _one_sentence,
    _piece,
    _pieces,
    _pysbd,
    _sentences,
    _sure_ends,
)
from mtfix.segment.words import _WORD, word_count
from mtfix.segment.wrapping import (
    _ARTICLE,
    _CONTINUES,
    _INITIAL,
    _INNER_PUNCT,
    _ITEM,
    _LINE_END,
    _LONG_WORD,
    _PRONOUN,
    WRAP_WIDTHS,
    _block_widths,
    _headline,
    _indented,
    _title,
    wrapped_breaks,
)
from mtfix.text.charrefs import prose_references, read_as_characters
from mtfix.text.tokens import ZERO_WIDTH_MARKS

#: The names of :mod:`mtfix.segment.comments` importable from here: that module is loaded on first use, by a text
#: holding ``<!--`` (session 34: a plain text's check never needs it).
_COMMENT_NAMES = frozenset({"_OPEN_COMMENT", "_SAME_LINE", "_comments_kept_whole"})


def __getattr__(name: str) -> object:
    if name in _COMMENT_NAMES:
        from mtfix.segment import comments

        return getattr(comments, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# A line break followed by a lower-case letter continues a wrapped sentence.
_BLOCK_BREAK = regexcache.compile(r"(?:\r\n|\r(?!\n)|\n)(?![ \t]*\p{Ll})")  # any line end (\r alone too)

_NO_WORDS = regexcache.compile(r"[^\p{L}\p{N}]+")
# An English sentence does not start in lower case: where pysbd ends a sentence before a lower-case
# word ("4 x 6 in. thermal paper", "approx. two litres", "incl. tax"), the period is an
# abbreviation's and the sentence goes on; unless the word holds a capital too (a name: "iPhone",
# "eBay", "mRNA").  MT (or web text) that lower-cases a sentence's first word after a word is then one
# segment with the sentence before.
_LOWER_START = regexcache.compile(r"\p{Ll}(?![\p{L}\p{N}]*\p{Lu})")
# ... unless the sentence before ends in a number ("in 1848. the Romans"): a number is no abbreviation.
_NUMBER_END = regexcache.compile(r"\p{N}\.")
#: mtfix's own segmentation rules on top of pysbd's (in the signature): 2 = session 12 (lower-case
#: starts, block-quote markers); 3 = session 13 (hard-wrapped plain text, :func:`wrapped_breaks`); 4 = session 14
#: (headlines above a wrapped paragraph, a wrap width per paragraph, "on Sept.⏎10", "by Dr.⏎Leyla Aliyeva"); 5 =
#: session 15 (abbreviation classes at a line's end: "the Hon.⏎John Smith", "by the Dr.⏎The"; headlines
#: holding an article; a line end of ``\r`` alone, classic Mac OS, read as ``\n`` and ``\r\n`` are); 6 = session 16 (a quotation of several sentences is split at its
#: inner sentence ends, :func:`_split_quotes`: pysbd kept it one sentence); 7 = session 17 (a sentence end before an
#: opening quote mark that pysbd's pairing of straight quotes protected, :func:`_split_before_quotes`; an answer word
#: or interjection of one word before a sentence inside a quotation, :data:`ANSWER_WORDS`; no cut inside a quotation
#: between an abbreviation and a number, "Vol. 2"; a closing quote mark at a sentence's start goes back;
#: a title or honorific before a name ends no sentence inside a line, :func:`_join_titles`); 8 = session 18 (an
#: academic rank, "Assoc.", "Asst.", is a title; "approx." and "ca." before a number or an amount (not after
#: their own quantity, "3 kg approx.") and "ref." before an identifier end no sentence, inside a line or at its
#: end; a comma right after a period goes on with it: "on Tues., Jan. 2"); 9 = session 21 (a title at a line's
#: end goes on to its name on a line indented deeper, and to a name that starts with an initial, an apostrophe or is
#: in capitals, "Mr.⏎J. Smith", "Mr.⏎O'Brien", "Mrs.⏎AL-SUDANI", inside a line too); 10 = session 26 (a block that
#: holds an invisible mark is split as the same block without it, :func:`_marked_block`: "the roads.\u200b The council"
#: is two sentences; the content of an HTML ``<pre>``, ``<code>``, ``<kbd>`` or ``<samp>`` element is protected,
#: :func:`find_markup_spans`); 11 = session 29 (an HTML comment ``<!-- … -->`` is never cut: sentences are split as in the text
#: without it, and one outside a sentence is a segment of its own, :func:`_comments_kept_whole`; pysbd ended a
#: sentence at the ``!`` of ``<!--``; extended before release: an opener nothing closes runs to its line's end);
#: 12 = session 30 (an unclosed opener is a comment only where one stands: first on its line, after a sentence end or
#: a comment, or opening an ignore directive; one in running prose, "write <!-- to open one", is taken out as a
#: comment is but is no segment boundary: seg-11 made the rest of its line one segment); 13 = session 32 (a character
#: reference in the prose of a page or a Markdown file is split as the character it stands for,
#: :func:`mtfix.text.charrefs.read_as_characters`: ``no.&#8221; Then`` ends a sentence as ``no.” Then`` does); 14 = session 33
#: (in plain text, a ``<!--`` in running prose that nothing closes before a blank line is no comment: a ``-->`` in a
#: later paragraph closed it, the paragraphs one segment and their prose between protected; :func:`_code_elements`);
#: 15 = session 35 (pysbd reads an empty pair of straight quotes, ``""`` paired in order, as a word,
#: :func:`~mtfix.segment.pysbd_pass._pysbd_reading`: it had paired the quotes after it otherwise, one with the next
#: one over, and protected the sentence ends between them, where the cuts at sure ends, which count quotes, cut); 16 =
#: session 36 (a straight quote right after a digit while none is open is a unit mark, inches or seconds, 'a 12" pipe',
#: and pysbd reads a backslash as a character, :func:`~mtfix.segment.pysbd_pass._pysbd_reading`: pysbd paired either with
#: the next quote over; a block with a backslash is no longer sent to pysbd whole); 17 = session 43 (Markdown only:
#: the text of an HTML block, ``<div>…</div>``, is prose read as a page's, :func:`mtfix.formats.markdown._html_block`;
#: it was protected whole, no segment; reverted at session 43's merge, the revision kept); 18 = session 44 (the same
#: reading re-landed, once the review page's rows showed a block's tags as markup around its sentences); 19 = session
#: 44's review (only a CommonMark type-6 block, a block-level tag such as ``<div>``, is read so; types 1-5 and 7, an
#: ``<img>`` or ``<span>`` alone on its line with the text after it, are protected whole again; Markdown syntax in a
#: type-6 block's text, ``**``, links, backticks, is protected as in a paragraph); 20 = session 45 (Markdown only: a
#: type-7 block, an ``<img>`` or ``<span>`` alone on its line, is read as type 6 is, its text as a paragraph's; a line of
#: tags alone in such a block's text hides no text; an image alone on a block's first line is no word of the sentence
#: below it, in a page too; a block's inline tags inside a word are its ``meta["glued"]``, not a page's); 21 = session 46
#: (Markdown only: an ordinary paragraph's inline tags inside a word, ``Ba<b>kı</b>``, are glued too, one word; an HTML
#: block in a block quote is read as unquoted, its later lines' ``>`` markers protected, not the block protected whole;
#: a GFM footnote reference ``[^1]`` the file defines, and a definition's ``[^1]:``, are protected marks); 22 = session
#: 47 (inline formatting closed right after a sentence end and before a space, ``**rose.** Then``, ``<b>rose.</b> Then``,
#: ends the sentence as a closing quote does, :func:`_closed_after_ends`: pysbd read the closer as part of a word and
#: kept the two sentences one segment; glued to the next word, ``rose.**Next**``, or before a digit or a lower-case
#: letter, ``**No.** 5``, it still ends none, and no segment starts with a closing tag); 23 = session 48 (a sentence
#: glued to the one before, no white space between, "ended..Counting", "ended!Counting", 'voted."Harvest', stays one
#: segment with it wherever pysbd is asked, :func:`~mtfix.segment.sentence_ends._glued_kept`; a stop glued to a quote
#: mark or a bracket sends its block to pysbd: the same sentence was cut or not by the text before it in its block);
#: 24 = session 53 (a glued sentence pysbd ended where no stop is, "The..2019 The.", goes on into the next one, as the
#: block is whole without pysbd: the cut came and went with the text before it)
REVISION = "seg-24"

#: Inline formatting closed right after a sentence end (and any closing quotes or brackets) and before a space and
#: more text: closing tags (``</b>``, ``</em >``) and Markdown's emphasis and strike-through marks (``**``, ``*``, ``_``,
#: ``~~``).  The character before the end is no space or mark ("use *.* files" is a pattern, not a sentence end).
#: What follows, past any opening formatting, is no digit and no lower-case letter: "See **No.** 5", "<b>No.</b> 7",
#: "**rose.** then" go on as without the markup (round 38's review).
_CLOSED_AFTER_END = regexcache.compile(
    r"""[^\s*_~][.!?…]["'”’»)\]]*((?:</[A-Za-z][\w:.-]*[ \t]*>|\*{1,3}|_{1,3}|~~)+)"""
    r"""(?=[ \t]+(?:<[A-Za-z][^<>]*>|[*_~]+)*+[^\s\d\p{Ll}])""")


def _closed_after_ends(text: str) -> list[Span]:
    """The runs of inline formatting closed after a sentence end (:data:`_CLOSED_AFTER_END`, seg-22): the text is split
    into sentences with them blanked, so that pysbd sees ``rose.     Then``, and each run then goes back to the
    sentence it closes (:func:`split_segments`)."""
    if not any(c in text for c in "<*_~"):
        return []
    return [Span(m.start(1), m.end(1)) for m in _CLOSED_AFTER_END.finditer(text) if _ends_by_its_word(text, m.start() + 1)]


#: the letters right before a period, after no period (an initial's or "U.S."'s letters are no word)
_LETTERS_BEFORE = regexcache.compile(r"(?r)(?<![.\p{L}])\p{L}+\G")


def _ends_by_its_word(text: str, end: int) -> bool:
    """Whether the sentence end at ``end`` ends a sentence by the word before it: ``!``, ``?`` and ``…`` always; a
    period after a word that is no abbreviation or title (:func:`_word_ends_sentence`: "rose." yes, "Dr.", "U.S." no),
    or after no letter ("5 %.", "in 2024.")."""
    if text[end] != ".":
        return True
    if not text[end - 1].isalpha():
        return True
    m = _LETTERS_BEFORE.search(text, 0, end)
    return m is not None and _word_ends_sentence(f" {m.group()}.", len(m.group()) + 1)


def _blocks(text: str, regions: Iterable[Span] | None) -> Iterable[tuple[int, int]]:
    spans = [(r.start, r.end) for r in regions] if regions is not None else [(0, len(text))]
    for rstart, rend in spans:
        pos = rstart
        for m in _BLOCK_BREAK.finditer(text, rstart, rend):
            yield pos, m.start()
            pos = m.end()
        yield pos, rend


#: A text at least this long is segmented in ``jobs`` processes when ``jobs`` is other than 1 (:func:`split_segments`):
#: below it (about a thousand sentences of news), forking costs about what it saves.
SPREAD_MIN_CHARS = 200_000


def split_segments(
    text: str, regions: Iterable[Span] | None = None, *, cuts: list[tuple[int, str]] | None = None,
    lower_starts: list[int] | None = None, jobs: int = 1, memo: BlockMemo | None = None,
) -> list[Segment]:
    """Split ``text`` (or only its ``regions``) into sentence segments.

    Where a block longer than :data:`MAX_BLOCK` had to be cut before sentence
    splitting, ``(position, kind)`` is appended to ``cuts`` (when given); kind
    is ``sentence``, ``punctuation``, ``space`` or ``hard``.  Where pysbd ended a sentence
    before a lower-case word and the segment goes on (:data:`_LOWER_START`), the position of
    that word is appended to ``lower_starts`` (when given): MT that lost a sentence's subject
    starts a sentence there ("… the quarter. said that …", rule MTF121).

    With ``jobs`` other than 1 (0: one per CPU core), a text of :data:`SPREAD_MIN_CHARS` or more has its
    blocks split in that many forked processes, each a contiguous run of blocks (:func:`_spread_blocks`):
    a block's sentences depend only on the block, so the segments are those of one process.

    An HTML comment is never cut (:func:`_comments_kept_whole`, seg-11).  ``memo``: the blocks split before, read
    and kept there (:class:`BlockMemo`: the language server's, session 51); the segments do not change.
    """
    if "<!--" in text:
        from mtfix.segment.comments import _comments_kept_whole

        kept = _comments_kept_whole(text, regions, cuts=cuts, lower_starts=lower_starts, jobs=jobs,
                                    split=partial(split_segments, memo=memo) if memo is not None else split_segments)
        if kept is not None:
            return kept
    goes_on: frozenset[int] = frozenset()
    marked = _MARK.search(text) is not None  # searched once: most texts hold no invisible mark
    if regions is None:  # plain text: a format with regions reads its own line breaks
        # read without invisible marks ("Hon.\u200b⏎John" goes on as "Hon.⏎John" does; seg-10)
        u = _Unmarked(text) if marked else None
        lines = u.view if u is not None else text
        wraps = wrapped_breaks(lines)
        # where a line that ends in an abbreviation went on ("by the Hon.⏎John Smith"), pysbd may still end a
        # sentence at the period when its list lacks the abbreviation: the segment goes on there
        goes_on = frozenset(strip_span(lines, sp.end, len(lines))[0] for sp in wraps
                            if lines[sp.start - 1] == "." and _ABBREVIATION_END.search(lines[lines.rfind("\n", 0, sp.start) + 1:sp.start]))
        if u is not None:
            wraps = [Span(u.orig(sp.start), u.orig(sp.end - 1) + 1) for sp in wraps]
            goes_on = frozenset(u.orig(g) for g in goes_on if g < len(lines))
        text = blank(text, wraps) if wraps else text
    closers = _closed_after_ends(text)
    text = blank(text, closers) if closers else text
    blocks = [(s, e) for s, e in (strip_span(text, bs, be) for bs, be in _blocks(text, regions)) if s < e]
    shares = _spread_blocks(text, blocks, goes_on, jobs, marked) if jobs != 1 and len(text) >= SPREAD_MIN_CHARS else None
    if shares is None:
        spans, share_cuts, share_lower = _block_spans(text, blocks, goes_on, marked, memo)
        shares = [(spans, share_cuts, share_lower)]
    out: list[Segment] = []
    for spans, share_cuts, share_lower in shares:
        out += [Segment(len(out) + i, s, e) for i, (s, e) in enumerate(spans)]
        if cuts is not None:
            cuts += share_cuts
        if lower_starts is not None:
            lower_starts += share_lower
    return _closers_kept(text, out, closers) if closers else out


#: a closing tag (``</b>``, ``</em >``) at a position
_CLOSING_TAG = regexcache.compile(r"</[A-Za-z][\w:.-]*[ \t]*>")


def _closers_kept(text: str, segments: list[Segment], closers: list[Span]) -> list[Segment]:
    """``segments`` with each run of :func:`_closed_after_ends` given back to the segment that ends right before it
    (``Prices <b>rose.`` → ``Prices <b>rose.</b>``), or that holds it, and so no formatting lies between two
    segments (seg-22).  A segment that would start with a closing tag (pysbd cut inside ``<b>ext.</b>``) goes on
    the one before it: no segment starts with a closing tag (round 38's review)."""
    after_end = {c.start: c.end for c in closers}
    out: list[Segment] = []
    for sg in segments:
        end = after_end.get(sg.end, sg.end)
        if out and _CLOSING_TAG.match(text, sg.start):
            out[-1] = Segment(out[-1].index, out[-1].start, max(end, out[-1].end))
        else:
            out.append(Segment(len(out), sg.start, end))
    return out


_Share = tuple[list[tuple[int, int]], list[tuple[int, str]], list[int]]


def _block_spans(text: str, blocks: Iterable[tuple[int, int]], goes_on: frozenset[int], marked: bool = True,
                 memo: BlockMemo | None = None) -> _Share:
    """The sentences of ``blocks`` (stripped, non-empty, in order) as (start, end) pairs, with the forced cuts and
    lower-case starts they hold (see :func:`split_segments`); a block holding an invisible mark is split as the
    same block without it (:func:`_marked_block`, seg-10).  ``marked`` False: ``text`` holds no mark, and no block
    is searched for one (session 32).  With ``memo``, each block's are read from it when a block of the same text (and
    the same places where a sentence goes on) was split before (session 51: the language server cut every sentence
    of the document again on each keystroke)."""
    out: list[tuple[int, int]] = []
    cuts: list[tuple[int, str]] = []
    lower_starts: list[int] = []
    for bstart, bend in blocks:
        if memo is None:
            spans, block_cuts, block_lower = _one_block(text, bstart, bend, goes_on, marked)
            out += spans
            cuts += block_cuts
            lower_starts += block_lower
            continue
        key = (text[bstart:bend], tuple(g - bstart for g in goes_on if bstart <= g < bend) if goes_on else (), marked)
        found = memo.get(key)
        if found is None:
            found = _one_block(text, bstart, bend, goes_on, marked)
            found = ([(s - bstart, e - bstart) for s, e in found[0]], [(c - bstart, k) for c, k in found[1]],
                     [x - bstart for x in found[2]])
            memo.put(key, found)
        out += [(s + bstart, e + bstart) for s, e in found[0]]
        cuts += [(c + bstart, k) for c, k in found[1]]
        lower_starts += [x + bstart for x in found[2]]
    return out, cuts, lower_starts


class BlockMemo:
    """The blocks split before (:func:`_block_spans`), for a caller that splits one text again and again (the language
    server, on each keystroke; session 51): a block's sentences depend only on its text and on where a line ending in
    an abbreviation goes on in it (``goes_on``), so they are kept by those, relative to the block's start.  Emptied
    when it holds ``size`` blocks (a long article holds about 500) or ``chars`` characters of block text (each
    keystroke in one long pasted paragraph keeps the whole paragraph again: the session 51 review measured 0.35 MB
    a keystroke in a 95 KB paragraph).  The callers that change how a block is split (the tests that compare the
    splitter's routes) pass none."""

    def __init__(self, size: int = 20_000, chars: int = 4_000_000) -> None:
        self.size, self.chars = size, chars
        self.held = 0  # characters of block text kept
        self.blocks: dict[tuple[str, tuple[int, ...], bool], _Share] = {}
        #: the memos of the later stages that read the document this memo built (:attr:`~mtfix.model.Document.memo`),
        #: by name (session 52: :mod:`mtfix.rules.detectors.repeat_memo`), each bounded by its own owner
        self.stages: dict[str, Any] = {}

    def stage(self, name: str, make: Callable[[], Any]) -> Any:
        """The memo of the stage ``name``, made by ``make`` on first use."""
        found = self.stages.get(name)
        if found is None:
            found = self.stages.setdefault(name, make())
        return found

    def get(self, key: tuple[str, tuple[int, ...], bool]) -> _Share | None:
        return self.blocks.get(key)

    def put(self, key: tuple[str, tuple[int, ...], bool], found: _Share) -> None:
        if len(self.blocks) >= self.size or self.held + len(key[0]) > self.chars:
            self.blocks.clear()
            self.held = 0
        self.blocks[key] = found
        self.held += len(key[0])


def _one_block(text: str, bstart: int, bend: int, goes_on: frozenset[int], marked: bool) -> _Share:
    """:func:`_block_spans` of the one block ``text[bstart:bend]``."""
    if marked and _MARK.search(text, bstart, bend) is not None:
        return _marked_block(text, bstart, bend, goes_on)
    out: list[tuple[int, int]] = []
    cuts: list[tuple[int, str]] = []
    lower_starts: list[int] = []
    for s, e in _block_sentences(text, bstart, bend, cuts):
        s, e = strip_span(text, s, e)
        if s >= e:
            continue
        if out and s in goes_on:
            out[-1] = (out[-1][0], e)
        elif out and (_NO_WORDS.fullmatch(text, s, e) or (
                _LOWER_START.match(text, s, e) and not _NUMBER_END.match(text, out[-1][1] - 2, out[-1][1]))):
            # a lone closing quote or bracket belongs to the sentence before it, and so does
            # what starts in lower case (see :data:`_LOWER_START`)
            if not _NO_WORDS.fullmatch(text, s, e):
                lower_starts.append(s)
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out, cuts, lower_starts


#: The invisible marks a sentence is split without (seg-10): :data:`~mtfix.text.tokens.ZERO_WIDTH_MARKS` (U+FEFF, a
#: zero-width space, a word joiner, the bidi controls, a soft hyphen, ZWNJ and ZWJ), the set the rules read through.
SEGMENT_MARKS = ZERO_WIDTH_MARKS
_MARK = re.compile(f"[{SEGMENT_MARKS}]")
_MARK_RUN = re.compile(f"[{SEGMENT_MARKS}]+")


class _Unmarked:
    """``text[start:end]`` without its invisible marks (:data:`SEGMENT_MARKS`): ``view``, and the way between its
    offsets and ``text``'s (seg-10)."""

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        end = len(text) if end is None else end
        self.start = start
        self.runs = [(m.start(), m.end()) for m in _MARK_RUN.finditer(text, start, end)]
        # the text between the runs: what ``_MARK_RUN.sub("", ...)`` gives, without scanning the text again
        ends = [start, *(re_ for _, re_ in self.runs)]
        starts = [*(rs for rs, _ in self.runs), end]
        self.view = "".join(text[a:b] for a, b in zip(ends, starts, strict=True)) if self.runs else text[start:end]
        self.view_starts: list[int] = []  # where each run of marks stood in the view
        self.removed = [0]  # marks removed before the view's character after each run, cumulative
        for rs, re_ in self.runs:
            self.view_starts.append(rs - start - self.removed[-1])
            self.removed.append(self.removed[-1] + re_ - rs)

    def orig(self, v: int) -> int:
        """The offset in the text of the view's character ``v`` (of the text's end for the view's end)."""
        return self.start + v + self.removed[bisect_right(self.view_starts, v)]

    def to_view(self, pos: int) -> int:
        """The view offset of the text's ``pos``: of the character after the marks when ``pos`` is one."""
        i = bisect_right(self.runs, pos, key=lambda r: r[0])  # the runs that start at or before it
        if i and pos < self.runs[i - 1][1]:
            return self.view_starts[i - 1]
        return pos - self.start - self.removed[i]


def _marked_block(text: str, start: int, end: int, goes_on: frozenset[int]) -> _Share:
    """:func:`_block_spans` of the block ``text[start:end]`` that holds invisible marks (:data:`SEGMENT_MARKS`), seg-10.

    The block is split as the same block without its marks (an unseen mark after a final stop, "the roads.\u200b The
    council", hid the sentence end from pysbd: two sentences were one segment), and each sentence is mapped back to
    the original text, which keeps the marks.  A mark glued to a sentence's last character (no space between)
    belongs to that sentence ("roads.\u200b"); any other mark to the sentence after it ("\u200bThe", "\u200b The"),
    and one at the block's end to its last sentence, so that every character of the block but white space lies in a
    segment.  A block of marks alone is one segment."""
    u = _Unmarked(text, start, end)
    view, orig = u.view, u.orig
    vs, ve = strip_span(view, 0, len(view))
    if vs >= ve:
        return [(start, end)], [], []
    view_goes_on = frozenset(u.to_view(g) for g in goes_on if start <= g < end)
    spans, view_cuts, view_lower = _block_spans(view, [(vs, ve)], view_goes_on, False)  # the view holds no mark
    out: list[tuple[int, int]] = []
    for s, e in spans:
        s_o, e_o = orig(s), orig(e - 1) + 1
        if out:
            prev_s, prev_e = out[-1]
            while prev_e < s_o and _MARK.match(text, prev_e):  # glued to the sentence before
                prev_e += 1
            out[-1] = (prev_s, prev_e)
            s_o = strip_span(text, prev_e, s_o)[0]  # any other mark before this sentence opens it
        else:
            s_o = start
        out.append((s_o, e_o))
    out[-1] = (out[-1][0], end)
    return out, [(orig(c) if c < len(view) else end, kind) for c, kind in view_cuts], [orig(p) for p in view_lower]


#: CPU seconds per character of segmenting news (about 0.35 s per MB) and of what this process does besides its run of
#: blocks when :func:`mtfix.parallel.warm_up` has not run (the warm-up, about 0.18 s: numpy and the detector's batch
#: tables, the large word list; and forking, collecting): for sharing out the blocks (session 17, balanced on 1 MB of
#: news: 0.18 left this process the busier, 0.3 the worker).  Only the speed depends on them.
SECONDS_PER_CHAR = 3.5e-7
WARM_UP_SECONDS = 0.24


def _spread_blocks(text: str, blocks: list[tuple[int, int]], goes_on: frozenset[int], jobs: int,
                   marked: bool = True) -> list[_Share] | None:
    """:func:`_block_spans` of ``blocks`` in up to ``jobs`` forked processes, each a contiguous run, this one the
    first; None when there is one block, or no fork (then nothing ran).  Meanwhile this process loads what the
    check of a long document loads on first use (:func:`mtfix.parallel.warm_up`), so its run is shorter by
    that time (:data:`WARM_UP_SECONDS`), the others about equal."""
    from mtfix import parallel

    n = min(parallel.resolve_jobs(jobs), len(blocks))
    if n <= 1 or not parallel.can_fork():
        return None
    _segmenter()  # pysbd, built before the fork: the workers share it
    work = len(text) * SECONDS_PER_CHAR
    warm = WARM_UP_SECONDS if parallel.warm_up_pending() else 0.0
    here = min(1 / n, max(0.0, (work - (n - 1) * warm) / (n * work)))  # here: warm + here*work = (1-here)*work/(n-1)
    ends = [e for _, e in blocks]
    runs, lo = [], 0
    for k in range(n):  # the k-th run ends at the first block reaching its share of the text
        reach = int(len(text) * (here + k * (1 - here) / (n - 1)))
        if k == n - 1:
            hi = len(blocks)
        elif k == 0:  # this process's run may be empty: the warm-up is its share
            hi = bisect_left(ends, reach) + 1 if reach > 0 else 0
        else:
            hi = max(lo + 1, bisect_left(ends, reach) + 1)
        hi = min(hi, len(blocks) - (n - 1 - k))  # every later run keeps a block
        runs.append(blocks[lo:hi])
        lo = hi

    def run(item: tuple[bool, list[tuple[int, int]]]) -> _Share:
        if item[0]:
            parallel.warm_up()
        return _block_spans(text, item[1], goes_on, marked)

    return list(parallel.ordered_map(run, [(k == 0, r) for k, r in enumerate(runs)], n, here_first=True))


def to_document(
    text: str,
    *,
    path: str | None = None,
    protected: Iterable[Span] = (),
    regions: Iterable[Span] | None = None,
    source: str | None = None,
    code: Iterable[Span] = (),
    headings: Iterable[Span] = (),
    opaque: Iterable[Span] | None = None,
    joins: Iterable[Span] = (),
    jobs: int = 1,
    glued: Iterable[Span] | None = None,
    page: bool | None = None,
    memo: BlockMemo | None = None,
) -> Document:
    """``text`` as a :class:`~mtfix.model.Document`: segmented (only inside ``regions`` when
    given), with ``protected`` spans plus URLs and e-mail addresses protected; ``code``
    (quoted code among the protected spans, whose inline directives are examples) is kept in
    ``meta`` for :mod:`mtfix.suppress`; ``headings`` (the regions the format's parser reads as
    headings) for :meth:`~mtfix.model.Document.in_heading`; ``opaque`` (the protected spans that read
    as a name, the others being markup; None when the format does not say) for :mod:`mtfix.garble.view`;
    ``meta["comments"]``: the HTML comments among the markup spans (:func:`mtfix.garble.view.segment_view`);
    ``meta["html_code"]``: the ``<pre>``, ``<code>``, ``<kbd>`` and ``<samp>`` elements among them, which the view reads
    as one name each (:func:`html_code_elements`);
    ``joins`` (format text inside a region that reads as a space: the timing between two cues a
    subtitle sentence runs over; among the ``protected`` spans) are read as blanks, as quote markers are.
    ``jobs``: processes a long text is segmented in (:func:`split_segments`); the segments do not change; nor with
    ``memo``, the blocks split before (:class:`BlockMemo`, the language server's).
    ``glued``: the inline tags inside a word of an HTML page or of a Markdown HTML block (``meta["glued"]``,
    :mod:`mtfix.formats.html`); ``page`` (``meta["page"]``, with ``glued`` only): whether the text is an HTML page,
    true when not given (session 45: a Markdown file's glued tags are no page's, :func:`is_page`).  A character reference in the prose of a page or a Markdown file
    (:func:`mtfix.text.charrefs.prose_references`) is split as the character it stands for (seg-13).

    >>> doc = to_document("It rained. It snowed.")
    >>> [doc.text[s.start:s.end] for s in doc.segments]
    ['It rained.', 'It snowed.']
    """
    fmt_protected = list(protected)
    regions = list(regions) if regions is not None else None
    if regions:
        _check_regions(text, regions, path)
    code = list(code)
    markup = find_markup_spans(text, regions, code)
    prot = sorted([*fmt_protected, *find_protected_spans(text), *markup], key=lambda s: s.start)
    cuts: list[tuple[int, str]] = []
    joins = sorted(joins, key=lambda j: j.start)
    markers = quote_markers(text, sorted(regions, key=lambda r: r.start), fmt_protected) if regions else []
    if joins:
        markers = sorted([*markers, *joins], key=lambda m: m.start)
    soft = soft_breaks(text, regions, fmt_protected) if regions else []
    lower_starts: list[int] = []
    glued = None if glued is None else list(glued)
    page = glued is not None and page is not False
    read = text
    if opaque is not None and "&" in text:  # a reference in prose is split as its character (seg-13)
        opaque = list(opaque)
        read = read_as_characters(text, prose_references(text, fmt_protected, opaque, page=page))
    segs = split_segments(blank(read, [*markers, *soft]) if markers or soft else read, regions=regions, cuts=cuts,
                          lower_starts=lower_starts, jobs=jobs, memo=memo)
    meta = {"regions": regions, "markers": markers, "lower_starts": lower_starts, "format_protected": fmt_protected,
            "forced_cuts": cuts, "code": code,
            "headings": sorted(headings, key=lambda h: h.start),
            "opaque": None if opaque is None else sorted(opaque, key=lambda o: o.start), "joins": joins,
            "comments": [m for m in markup if text.startswith("<!--", m.start)],
            "html_code": html_code_elements(text, markup)}
    if glued is not None:
        meta["glued"], meta["page"] = glued, page
    return Document(text=text, segments=segs, protected=prot, path=path, source=source, meta=meta, memo=memo)


def is_page(doc: Document) -> bool:
    """Whether ``doc`` is an HTML page (:func:`to_document`'s ``page``): its markup between sentences is hidden,
    every rule reads a word through its tags; a Markdown file's glued tags (``meta["glued"]``) make it none."""
    return doc.meta.get("glued") is not None and doc.meta.get("page", True) is not False


def _check_regions(text: str, regions: list[Span], path: str | None) -> None:
    """:class:`~mtfix.errors.InputError` naming the first region that is not a span of ``text`` (past its
    end, before its start, or ending before it starts): it raised a bare ``IndexError`` deep inside."""
    n = len(text)
    for i, r in enumerate(regions):
        if not 0 <= r.start <= r.end <= n:
            raise InputError(f"region {i} ({r.start}..{r.end}) is not a span of the text of {n} characters "
                             f"(0 <= start <= end <= {n})", path=path)
