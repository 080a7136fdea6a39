"""A block to sentences without pysbd where pysbd's answer is known: the sure sentence ends it always splits at
(:func:`_sure_ends`), the blocks it must read whole (:func:`_not_local`), the pieces it gives whole
(:func:`_one_sentence`); and a block longer than :data:`MAX_BLOCK` cut into pieces first (:func:`_pieces`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mtfix.caching import regexcache
from mtfix.model import strip_span
from mtfix.segment.abbreviations import _abbreviations, _title_goes_on
from mtfix.segment.pysbd_english import no_list_items
from mtfix.segment.pysbd_pass import _pysbd_spans
from mtfix.text.tokens import LazyPattern

# Where a sentence could end inside a block; blocks without one skip pysbd.  A stop, then closing quotes or brackets,
# white space and more text.  Since seg-23 (session 48) also a quotation or bracket closed before white space after a
# stop in the same run of text ('began.e.g) it'), and a stop glued to a quote mark or a bracket ('voted."Harvest, he
# said" Then'): pysbd reads a quotation or a bracket before a capital as a sentence of its own, whether or not a stop
# ends it, so such a block was whole alone and cut when a sentence end came before it in the block.
_MAYBE_SENTENCE_END = regexcache.compile(r"[.!?…](?:\S*?[\"'”’»)\]])?\s+\S|[.!?…][\"'“‘(（「]")

#: The longest block handed to pysbd in one piece (characters).
MAX_BLOCK = 5000
#: Where a long block is cut, best first: a likely sentence end, punctuation, a space.
_CUTS = (
    ("sentence", LazyPattern(r"(?<=\p{Ll}{2}[.!?…][\"'”’»)\]]*)\s+(?=[\"“‘(«]?[\p{Lu}\p{N}])")),
    ("punctuation", LazyPattern(r"(?<=[.!?…;:,][\"'”’»)\]]*)\s+")),
    ("space", LazyPattern(r"\s+")),
)

# A sentence end pysbd always splits at: a word of letters (or, session 33, a number of 3+ ASCII digits: no pysbd rule
# reads its period) after a space or at the start, a period, spaces, then a capital and a lower-case letter or a
# space ("A deal", not "A.").  Found from the period back (see :func:`_sure_ends`).
_SURE_DOT = regexcache.compile(r"\. +(?=[A-Z][a-z\s])")
_WORD_BEFORE = regexcache.compile(r"(?r)(?:(?<=\s)|^)(?:[A-Za-z]{2,}|[0-9]{3,})")
# What pysbd reads across sentences in ways a cut cannot follow, or uses as placeholders:
# such blocks go to pysbd whole (see :func:`_not_local`).  Plain ``re``, as pysbd uses; each pattern
# opens with one character class, so that ``re`` skips to a character of it (session 29: the matches of
# ``[rare]|--|[!?][!?]`` and of ``[<rare>.)]``-first :data:`_LIST_MARK`, written as one class then
# look-behinds, are the same; ``tests/segment/test_segment_fastpath.py`` compares them).
_RARE_CHARS = r"""‘{}<>（）「」\n\r\v\f\x85\u2028\u2029∯∮♨☝ȸȹ☉☈☇☄ᓰᓱᓳᓴᓷᓸ✂⌬♬♭ƪ♟♝☏⎋&"""
_RARE = re.compile(rf"""[{_RARE_CHARS}\-!?](?:(?<=-)-|(?<=[!?])[!?]|(?<![\-!?]))""")
_LETTER = r"[^\W\d_]"
_LOOSE_APOSTROPHE = re.compile(rf"'(?:(?!{_LETTER})|(?<!{_LETTER}'))")  # not between two letters
_QUOTE_BRACKET = re.compile(r"""\((?<=["”]\s\()""")  # ``["”]\s\(``, from its rarer "(" (session 29)
# List markers pysbd numbers across the whole text: "2. ", "-3.)", "4)", "(b)", " c.", "iv)".
_LIST_MARK = re.compile(
    r"[.)](?:(?<=\.)(?=[\s)]|\Z)(?:(?<=[\s\-⁃]\d\.)|(?<=[\s\-⁃]\d\d\.))|(?<=\d\))|(?<=[ivx]\))|(?<=[\s(][a-z][.)]))"
)
_LIST_MARK_AT_START = re.compile(r"\d{1,2}\.(?:\s|\)|\Z)|[a-z][.)]|(?:[a-z]|[ivx]+)\)")


def _not_local(block: str) -> bool:
    """Whether pysbd may read ``block`` across sentences in a way a cut cannot follow: single
    quotes not inside a word, list numbering, line breaks, ``--``, double ``!?``, a quote before
    a bracket, pysbd's own placeholder characters.  A list mark counts only where pysbd's list pass finds two
    items of a kind (session 34, :func:`~mtfix.segment.pysbd_english.no_list_items`): with fewer it changes neither the
    block nor any piece of it cut at a sure end (a piece starts at the block's start or at a capital).  An empty pair
    of straight quotes no longer counts (seg-15): pysbd reads it as a word
    (:func:`~mtfix.segment.pysbd_pass._pysbd_reading`), so it pairs the quotes after it as the cuts count them; nor
    does a backslash (seg-16): pysbd reads it as a character, and a unit mark (:func:`unit_mark`) as a symbol."""
    return bool(
        _RARE.search(block)
        or ("'" in block and _LOOSE_APOSTROPHE.search(block))
        or ("(" in block and _QUOTE_BRACKET.search(block))
        or ((_LIST_MARK.search(block) is not None or _LIST_MARK_AT_START.match(block) is not None)
            and not no_list_items(block))
    )


_DIGITS = frozenset("0123456789")


def unit_mark(block: str, at: int) -> bool:
    """Whether the straight quote at ``block[at]``, with no quote open before it, is a unit mark (inches, seconds: 'a 12"
    screen', "5' 11\" tall"): right after an ASCII digit, and no quote right after it (seg-16).  pysbd is given it as a symbol
    (:func:`~mtfix.segment.pysbd_pass._pysbd_reading`), so neither route pairs it with the next quote.

    >>> unit_mark('a 12" pipe', 4), unit_mark('"12" pipes', 0), unit_mark('a 12"" pipe', 4)
    (True, False, False)
    """
    return at > 0 and block[at - 1] in _DIGITS and block[at + 1:at + 2] != '"'


# Quotes and brackets: pysbd pairs them, so a cut is made only where none is open.
_PAIRS = re.compile(r'["“”«»()\[\]]')  # plain ``re``: a class alone, scanned faster than by ``regex``
_OPENS = {"“": "”", "«": "»", "(": ")", "[": "]"}
_CLOSES = {v: k for k, v in _OPENS.items()}
# Any character pysbd may end a sentence at (a closing quote or bracket before a capital too).
# Plain ``re``: a class of characters alone, scanned three times faster than by ``regex`` (session 32; the same matches).
_ANY_END = re.compile(r'[.!?…。．！？"“”()（）「」]')
#: A piece that ends as a sentence does: one of those, then any closing marks, single quotes too ("He said 'no.'":
#: the review of seg-24, which read the closing quote as no stop and ran the next sentence on)
_ENDED = re.compile(r'[.!?…。．！？"“”()（）「」][\'’»\]）」"”)]*\Z')


def _sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    block = text[start:end]
    if not _MAYBE_SENTENCE_END.search(block):
        yield start, end
        return
    if _not_local(block):
        yield from _pysbd(block, start)
        return
    pos = 0
    marks = [(m.start(), m.group()) for m in _PAIRS.finditer(block)]
    seen = 0  # marks before the cut looked at so far
    open_: dict[str, int] = dict.fromkeys(_OPENS, 0)
    quotes = 0
    for word, dot, after in _sure_ends(block):
        cut = dot + 1
        while seen < len(marks) and marks[seen][0] < cut:
            ch = marks[seen][1]
            if ch == '"':
                at = marks[seen][0]  # a unit mark opens nothing (:func:`unit_mark`, inline)
                if quotes % 2 or block[at - 1:at] not in _DIGITS or block[at + 1:at + 2] == '"':
                    quotes += 1
            elif ch in _OPENS:
                open_[ch] += 1
            elif open_[_CLOSES[ch]]:
                open_[_CLOSES[ch]] -= 1
            seen += 1
        if quotes % 2 or any(open_.values()) or block[word:dot].lower() in _abbreviations() \
                or _title_goes_on(block[word:cut], block[after:after + 40]):
            continue
        yield from _piece(block[pos:cut], start + pos)
        pos = after
    yield from _piece(block[pos:], start + pos)


def _sure_ends(block: str) -> Iterator[tuple[int, int, int]]:
    """(start of the word, the period, the end of the spaces after it) of each sure sentence end in
    ``block``, in order: the matches of ``(?:(?<=\\s)|^)([A-Za-z]{2,}|[0-9]{3,})\\. +(?=[A-Z][a-z\\s])``, found
    from each period back to its word (a scan of the whole block for that pattern costs ten times more)."""
    for d in _SURE_DOT.finditer(block):
        w = _WORD_BEFORE.match(block, 0, d.start())
        if w is not None:
            yield w.start(), d.start(), d.end()


# What pysbd may end a sentence at inside a piece (its Punctuations, and "…", left to pysbd), what may open
# a sentence of its own at a piece's first character (its SENTENCE_BOUNDARY_REGEX's bracket and quote
# alternatives, a space), and its QUOTATION_AT_END_OF_SENTENCE_REGEX (of which only the "-" alternative can
# match without a stop inside): see :func:`_one_sentence`.
# A decimal point ("3.5") is no stop (pysbd's Numbers rule): ``[!?。．！？…]|(?<!\d)\.|\.(?!\d)``, as one class first
# (session 29: ``re`` skips to a character of it; the same matches).
_INNER_STOP = re.compile(r"[.!?。．！？…](?:(?<!\.)|(?<!\d\.)|(?!\d))")
_OPENS_ALONE = frozenset("（「(\'\"“")
_QUOTE_AT_END = re.compile(r"""[!?.\-]["'“”]\s[A-Z]""")


def _one_sentence(piece: str) -> bool:
    """Whether pysbd gives ``piece`` (a piece of a block :func:`_not_local` passed, cut at sure ends) as one
    sentence, itself (session 25): no stop of pysbd's before its last character (an abbreviation's period
    included; a period between two digits is none: pysbd's first number rule hides it, and its numbered-reference
    rule needs no digit before the period), a last character other than ``!``/``?``, no bracket, quote or space first,
    and no ``-"`` before a space and a capital.  Then every pysbd rule that splits needs a stop that is not
    there; its sentence pattern matches from the first character to the end.  (A last ``!``/``?`` and a ``…``
    inside go to pysbd without a known case where it splits: kept out to be safe.)  Pieces with quotes or
    brackets but no stop inside (``He said "yes" to the plan.``) are most pieces pysbd was given on news."""
    return (piece[:1] not in _OPENS_ALONE and not piece[:1].isspace() and piece[-1:] not in "!?！？"
            and _INNER_STOP.search(piece, 0, len(piece) - 1) is None and _QUOTE_AT_END.search(piece) is None)


def _piece(piece: str, start: int) -> Iterable[tuple[int, int]]:
    """A piece of a block cut at sure sentence ends: pysbd only when it may hold another."""
    if _ANY_END.search(piece, 0, len(piece) - 1) is None:
        yield start, start + len(piece)
    elif _one_sentence(piece):  # what pysbd would give, located as :func:`_pysbd_relative` locates it
        yield start, start + len(piece.rstrip())
    else:
        yield from _pysbd(piece, start)


def _pysbd(block: str, start: int) -> Iterable[tuple[int, int]]:
    """pysbd's sentences of ``block``, a sentence glued to the one before it (no white space between) kept in it
    (:func:`_glued_kept`)."""
    return [(start + s, start + e) for s, e in _glued_kept(block, _pysbd_spans[block])]


#: Stops, closing quotes or brackets, then white space: where pysbd's cut between two sentences with no white space
#: between them is no glued sentence but a cut inside the marks that end one ('endured." Earlier', 'now?) The',
#: 'family !!!! :-)'); such a cut is made alike whatever comes before (:data:`_MAYBE_SENTENCE_END` sends both to pysbd)
_ENDS_THEN_SPACE = re.compile(r"[.!?…\"'”’»)\]]*\s")


def _glued_kept(block: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each one glued to the one before (it starts where that one ends, and no white space follows the
    stops, closing quotes or brackets at its start: :data:`_ENDS_THEN_SPACE`) joined to it: "ended!Counting", "ended..Counting", 'voted."Harvest',
    "了。她" are one segment, as a block with no white space after any stop is whole without pysbd
    (:data:`_MAYBE_SENTENCE_END`).  Until seg-23 pysbd cut there when a sure end came earlier in the block, so the same
    sentence was cut or not by the text before it (session 48); the glued-stop rules (MTF112, MTF123) read the pair
    in one segment.

    A glued sentence that pysbd ended where no stop is ("The..2019 The.": pysbd gives "The.", ".2019 ", "The.") goes
    on into the next one too (seg-24): its end was pysbd's reading of the glued stop, and a block with no stop
    before a space is whole without pysbd, so the cut came and went with the text before it (session 53).

    >>> _glued_kept("Rain.Snow!Sun. (Fog) Hail", [(0, 5), (5, 10), (10, 14), (15, 19), (19, 25)])
    [(0, 14), (15, 19), (19, 25)]
    >>> _glued_kept("The..2019 The. Next", [(0, 4), (4, 9), (10, 14), (15, 19)])
    [(0, 14), (15, 19)]
    >>> _glued_kept("Why?He said 'no.' Then", [(0, 4), (4, 17), (18, 22)])
    [(0, 17), (18, 22)]
    """
    out: list[tuple[int, int]] = []
    open_glued = False  # the last span took a glued sentence in and ended with no stop
    for s, e in spans:
        glued = bool(out) and out[-1][1] >= s and not _ENDS_THEN_SPACE.match(block, s)
        if glued or (open_glued and not block[out[-1][1]:s].strip()):
            out[-1] = (out[-1][0], e)
            open_glued = glued and _ENDED.search(block[s:e].rstrip()) is None
        else:
            out.append((s, e))
            open_glued = False
    return out


def _pieces(
    text: str, start: int, end: int, cuts: list[tuple[int, str]] | None
) -> Iterable[tuple[int, int]]:
    """``[start, end)`` in pieces of at most :data:`MAX_BLOCK` characters (linear time)."""
    pos = start
    while end - pos > MAX_BLOCK:
        lo, hi = pos + MAX_BLOCK // 2, pos + MAX_BLOCK
        cut: tuple[int, int, str] | None = None
        for kind, pattern in _CUTS:
            last = None
            for last in pattern.finditer(text, lo, hi):  # noqa: B007 - the last match is wanted
                pass
            if last is not None:
                cut = (last.start(), last.end(), kind)
                break
        if cut is None:
            cut = (hi, hi, "hard")
        if cuts is not None:
            cuts.append((cut[1], cut[2]))
        yield pos, cut[0]
        pos = cut[1]
    yield pos, end


def _block_sentences(
    text: str, start: int, end: int, cuts: list[tuple[int, str]] | None
) -> Iterable[tuple[int, int]]:
    if end - start <= MAX_BLOCK:
        yield from _sentences(text, start, end)
        return
    for ps, pe in _pieces(text, start, end, cuts):
        ps, pe = strip_span(text, ps, pe)
        if ps < pe:
            yield from _sentences(text, ps, pe)
