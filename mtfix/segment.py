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
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, pairwise

from mtfix.caching import regexcache
from mtfix.caching.bounded import BoundedMemo
from mtfix.charrefs import prose_references, read_as_characters
from mtfix.errors import InputError
from mtfix.model import Document, Segment, Span, blank, strip_span
from mtfix.tokens import FUNCTION_WORDS, MARKUP_TAG, ZERO_WIDTH_MARKS, LazyPattern

# A line break followed by a lower-case letter continues a wrapped sentence.
_BLOCK_BREAK = regexcache.compile(r"(?:\r\n|\r(?!\n)|\n)(?![ \t]*\p{Ll})")  # any line end (\r alone too)
# Where a sentence could end inside a block; blocks without one skip pysbd.
_MAYBE_SENTENCE_END = regexcache.compile(r"[.!?…][\"'”’»)\]]*\s+\S")

_TLDS = "com|org|net|edu|gov|eu|io|az|ru|uk|de|fr|tr|am|ge|info|media|news"
_URL = regexcache.compile(
    rf"""(?xi)
    \b(?:https?|ftp)://[^\s<>"'“”]+[^\s<>"'“”.,;:!?)\]]      # scheme URLs
    | \bwww\.[^\s<>"'“”]+[^\s<>"'“”.,;:!?)\]]                 # www. URLs
    | \b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b                        # e-mail addresses
    | \b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/[^\s<>"'“”]*)?
    """
)
# What every match of _URL holds (same flags, so the same case folding); no match holds white space.
_URL_MARK = regexcache.compile(rf"(?i)://|\bwww\.|@|\.(?:{_TLDS})\b")
_SPACE = regexcache.compile(r"\s")
_LAST_SPACE = regexcache.compile(r"(?r)\s")

#: The longest block handed to pysbd in one piece (characters).
MAX_BLOCK = 5000
#: Where a long block is cut, best first: a likely sentence end, punctuation, a space.
_CUTS = (
    ("sentence", LazyPattern(r"(?<=\p{Ll}{2}[.!?…][\"'”’»)\]]*)\s+(?=[\"“‘(«]?[\p{Lu}\p{N}])")),
    ("punctuation", LazyPattern(r"(?<=[.!?…;:,][\"'”’»)\]]*)\s+")),
    ("space", LazyPattern(r"\s+")),
)

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
#: :func:`mtfix.charrefs.read_as_characters`: ``no.&#8221; Then`` ends a sentence as ``no.” Then`` does); 14 = session 33
#: (in plain text, a ``<!--`` in running prose that nothing closes before a blank line is no comment: a ``-->`` in a
#: later paragraph closed it, the paragraphs one segment and their prose between protected; :func:`_code_elements`)
REVISION = "seg-14"
_local = threading.local()

# A sentence end pysbd always splits at: a word of letters (or, session 33, a number of 3+ ASCII digits: no pysbd rule
# reads its period) after a space or at the start, a period, spaces, then a capital and a lower-case letter or a
# space ("A deal", not "A.").  Found from the period back (see :func:`_sure_ends`).
_SURE_DOT = regexcache.compile(r"\. +(?=[A-Z][a-z\s])")
_WORD_BEFORE = regexcache.compile(r"(?r)(?:(?<=\s)|^)(?:[A-Za-z]{2,}|[0-9]{3,})")
# What pysbd reads across sentences in ways a cut cannot follow, or uses as placeholders:
# such blocks go to pysbd whole (see :func:`_not_local`).  Plain ``re``, as pysbd uses; each pattern
# opens with one character class, so that ``re`` skips to a character of it (session 29: the matches of
# ``[rare]|--|[!?][!?]`` and of ``[<rare>.)]``-first :data:`_LIST_MARK`, written as one class then
# look-behinds, are the same; ``tests/test_segment_fastpath.py`` compares them).
_RARE_CHARS = r"""‘{}<>\\（）「」\n\r\v\f\x85\u2028\u2029∯∮♨☝ȸȹ☉☈☇☄ᓰᓱᓳᓴᓷᓸ✂⌬♬♭ƪ♟♝☏⎋&"""
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
    a bracket, pysbd's own placeholder characters."""
    return bool(
        _RARE.search(block)
        or ("'" in block and _LOOSE_APOSTROPHE.search(block))
        or ("(" in block and _QUOTE_BRACKET.search(block))
        or _LIST_MARK.search(block)
        or _LIST_MARK_AT_START.match(block)
    )


# Quotes and brackets: pysbd pairs them, so a cut is made only where none is open.
_PAIRS = re.compile(r'["“”«»()\[\]]')  # plain ``re``: a class alone, scanned faster than by ``regex``
_OPENS = {"“": "”", "«": "»", "(": ")", "[": "]"}
_CLOSES = {v: k for k, v in _OPENS.items()}
# Any character pysbd may end a sentence at (a closing quote or bracket before a capital too).
# Plain ``re``: a class of characters alone, scanned three times faster than by ``regex`` (session 32; the same matches).
_ANY_END = re.compile(r'[.!?…。．！？"“”()（）「」]')


def _abbreviations() -> frozenset[str]:
    """pysbd's English abbreviations (all three lists), lower case."""
    abbrs = getattr(_local, "abbreviations", None)
    if abbrs is None:
        from pysbd.lang.english import English

        a = English.Abbreviation
        abbrs = frozenset(x.strip().lower() for x in (*a.ABBREVIATIONS, *a.PREPOSITIVE_ABBREVIATIONS,
                                                       *a.NUMBER_ABBREVIATIONS))
        _local.abbreviations = abbrs
    return abbrs


def _segmenter():
    seg = getattr(_local, "segmenter", None)
    if seg is None:
        import pysbd

        from mtfix.pysbd_english import english

        seg = pysbd.Segmenter(language="en", clean=False)
        seg.language_module = english()  # pysbd's English, its abbreviation pass made cheaper (same sentences)
        _local.segmenter = seg
    return seg


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
    return [(start + s, start + e) for s, e in _pysbd_spans[block]]


def _pysbd_relative(block: str) -> tuple[tuple[int, int], ...]:
    """pysbd's sentences of ``block`` as offsets in it (memoised in ``_pysbd_spans``: a block that
    comes again, a boilerplate paragraph or a repeated unit, is not split again)."""
    out: list[tuple[int, int]] = []
    cursor = 0
    # pysbd's own ``segment`` then looks every sentence up again with a fresh
    # regex over the whole block (quadratic in the block); we locate them here.
    for sent in _segmenter().processor(block).process():
        piece = sent.strip()
        if not piece:
            continue
        at = block.find(piece, cursor)
        if at < 0:  # pysbd changed the text: keep the rest as one segment
            out.append((cursor, len(block)))
            break
        out.append((at, at + len(piece)))
        cursor = at + len(piece)
    if len(out) > 1:
        out = _join_titles(block, out)
    if _QUOTE_INNER_END.search(block):
        out = [part for s, e in out for part in _split_quotes(block, s, e)]
    # each match holds an opening or closing quote mark: looked for first (``in``, session 32), the same results
    if ('"' in block or "“" in block) and _END_BEFORE_QUOTE.search(block):
        out = [part for s, e in out for part in _split_before_quotes(block, s, e)]
    if len(out) > 1 and ("”" in block or "»" in block) and _LEADING_CLOSE.search(block):
        out = _closing_marks_back(block, out)
    return tuple(out)


# A closing quote mark before white space: it closes a quotation, never opens a sentence.
_LEADING_CLOSE = regexcache.compile(r"[”»]\s")


def _closing_marks_back(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a closing quote mark that pysbd put at a sentence's start before white space moved to
    the sentence before (seg-7): a quote nested in one of the same marks ('He said “We go. “They stay” is
    false.” Then …') ends pysbd's sentence at "false." and leaves '” Then he left.'."""
    out = [spans[0]]
    for s, e in spans[1:]:
        mark = _LEADING_CLOSE.match(block, s, e)
        if mark is not None and out[-1][1] <= s:
            out[-1] = (out[-1][0], s + 1)
            s = strip_span(block, s + 1, e)[0]
        out.append((s, e))
    return out


def _join_titles(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sentences of ``block``) with each that ends in a title, rank or honorific joined to the
    next when that starts with a name, as at a line's end (:func:`_goes_on`; seg-7): pysbd ends a
    sentence at the titles it does not list as prepositive ("I thank the Hon. Member", "the Rt. Hon.
    Keir Starmer", "by Cllr. Patel").  Before a word that starts a sentence ("Hon. Secretary in 2019.
    Members") it still ends.  So too an approximation before a quantity and a reference before an identifier
    ("approx. £2.1bn", "ref. HR-2025-014"), and a comma right after a sentence's final period goes on with it
    ("on Tues., Jan. 2", "a 7 lb., 10 oz. boy": pysbd ends one at the abbreviation; seg-8).  After a space
    ("flowers. , were") or before a semicolon (an emoticon, "laid back. ;) I want") the break stays."""
    out = [spans[0]]
    for s, e in spans[1:]:
        ps, pe = out[-1]
        if block[pe - 1] == "." and ((s == pe and block[s] == ",") or _title_goes_on(block[ps:pe], block[s:e])):
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def _title_goes_on(sentence: str, nxt: str) -> bool:
    """Whether ``sentence`` ends in a title (:data:`_ABBREVIATION_END`'s titles) that goes on to ``nxt``'s
    first word, a name, or in an approximation or a reference that goes on to a quantity or an identifier."""
    j = k = len(sentence) - 1  # a short capitalised word (or "approx", "ca", "ref") before the final period first: cheap
    while j > 0 and sentence[j - 1].isalpha():
        j -= 1
    if not (0 < k - j <= 6 and (sentence[j].isupper() or sentence[j:k] in _LOWER_GOES_ON)):
        return False
    m = _ABBREVIATION_END.search(sentence)
    return m is not None and (m.group("title") or m.group("quantity") or m.group("reference")) is not None \
        and bool(nxt.strip()) and _goes_on(sentence, nxt.split(None, 1)[0], wrapped=False)


# A quotation (“…”, "…", «…»), and a sentence end inside one (before a capital, within the quote).
# Straight quotes are paired in order, as pysbd pairs them (and protects what lies between, a stray
# quote mark's run of sentences too).
_QUOTATION = regexcache.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|«[^«»\n]*»")
# What closes a sentence after its final mark: a cut goes after it.
_CLOSERS = frozenset("'\"”’»)]")
_QUOTE_INNER_END = regexcache.compile(r"[.!?…][\"'”’»)\]]*\s+[\"“‘(«]?\p{Lu}")
#: The fewest words of each sentence a quotation is split into: a title of one-word sentences ("Eat.
#: Pray. Love.") stays whole.
_QUOTE_MIN_WORDS = 2


def _split_quotes(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``block[start:end]`` (one of pysbd's) cut at the sentence ends inside its quotations.

    pysbd protects everything between quotation marks ("between punctuation"), so a quote of several
    sentences is one sentence.  The text inside each quotation that holds a sentence end before a
    capital is split as a block is (pysbd, seg-6 rules), and the sentence is cut between its inner
    sentences when each is a sentence (:func:`_a_sentence`: :data:`_QUOTE_MIN_WORDS` words or more, or an answer
    word before one, seg-7) and the second starts one (:func:`_next_starts_sentence`: not "Read Vol.", "2 first."):
    the opening quote mark goes with the first, the closing one with the last ('He said: “Prices rose.',
    'Talks ended.” Then …' is cut once more by pysbd after the quote).  A quoted title or phrase ("Why Nations
    Fail?", "U.S. Army") and a quote of one sentence stay whole."""
    cuts: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
    for q in _QUOTATION.finditer(block, start, end):
        qs, qe = q.start() + 1, q.end() - 1
        if not _QUOTE_INNER_END.search(block, qs, qe):
            continue
        inner = [(qs + s, qs + e) for s, e in _pysbd_spans[block[qs:qe]]]
        pending = inner[0][0]  # where the inner sentence not yet cut off starts
        for i, ((_, a_end), (b_start, b_end)) in enumerate(pairwise(inner)):
            after = inner[i + 2] if i + 2 < len(inner) else None
            if (_next_starts_sentence(block, a_end, b_start, b_end)
                    and _a_sentence(block, pending, a_end, (b_start, b_end))
                    and _a_sentence(block, b_start, b_end, after)):
                cut = a_end
                while cut < qe and block[cut] in _CLOSERS:  # "… action.'' What", "… musk.) Here"
                    cut += 1
                cuts.append((cut, max(cut, b_start)))
                pending = b_start
    return _cut(start, end, cuts)


def _cut(start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` cut at ``cuts`` ((end of a sentence, start of the next), in order)."""
    if not cuts:
        return [(start, end)]
    out, pos = [], start
    for a_end, b_start in cuts:
        out.append((pos, a_end))
        pos = b_start
    out.append((pos, end))
    return out


#: One-word sentences: answer words and interjections, capitalised before a sentence inside a quotation
#: ("“No. We will not pay.”", "“Thanks. We got it.”"); any other word of one ("Eat. Pray. Love.", "Stop!",
#: "Vol.", an initial) is no sentence of its own there.
ANSWER_WORDS = frozenset((
    "yes", "yeah", "yep", "yup", "no", "nope", "nah", "ok", "okay", "sure", "thanks", "please", "sorry", "hello",
    "hi", "hey", "goodbye", "bye", "cheers", "welcome", "oh", "ah", "aha", "wow", "alas", "oops", "ouch", "hmm",
    "indeed", "absolutely", "exactly", "certainly", "definitely", "right", "fine", "agreed", "correct", "true",
    "never", "really", "seriously", "why", "what", "great", "good", "excellent", "perfect", "wonderful",
    "congratulations",
))
_CAPITAL_START = regexcache.compile(r"[^\p{L}\p{N}]*\p{Lu}")  # after any marks: "'' Then", "“We"


def _a_sentence(block: str, start: int, end: int, after: tuple[int, int] | None) -> bool:
    """Whether ``block[start:end]``, a part of a quotation cut off at a sentence end, is a sentence of its own:
    :data:`_QUOTE_MIN_WORDS` words or more, or one capitalised answer word or interjection (:data:`ANSWER_WORDS`)
    followed (``after``) by a sentence of that many words that starts with a capital."""
    n = word_count(block[start:end])
    if n >= _QUOTE_MIN_WORDS:
        return True
    if n != 1 or after is None or word_count(block[after[0]:after[1]]) < _QUOTE_MIN_WORDS:
        return False
    word = _WORD.search(block, start, end)
    return (word is not None and word.group()[0].isupper() and word.group().lower() in ANSWER_WORDS
            and _CAPITAL_START.match(block, after[0], after[1]) is not None)


# A sentence end right before an opening quote mark and a capital: '… the minister said. "Prices …'.
_END_BEFORE_QUOTE = regexcache.compile(r"[.!?…][\"'”’»)\]]*\s+[\"“]\p{Lu}")
_OPEN_QUOTE_AFTER_END = regexcache.compile(r"(?<=[.!?…][\"'”’»)\]]*)(\s+)(?=[\"“]\p{Lu})")
_TOKEN_BEFORE_PERIOD = regexcache.compile(r"(?r)(?:^|(?<=[\s\"“‘(«\[]))[^\s\"“‘(«\[]*\.\G")


def _split_before_quotes(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``block[start:end]`` (one of pysbd's) cut at a sentence end before an opening quote mark
    and a capital (seg-7).

    pysbd pairs straight quotes in order, so a quote inside a quotation ('He said "We will go. "They will not"
    is false."') or a quote mark before it ('"We call it "good news," he said. "Prices rose," he added.')
    puts a sentence end between two quotes it protects.  The cut is made where a quote mark opens after
    white space, after ``!``, ``?`` or a period whose word is of two letters or more and no abbreviation
    (not "the U.S. "Dream Team"", "Robert E. "Bob" Lee", "Gen. "Mad Dog" Mattis"), outside brackets, inside a
    quotation as pysbd pairs the marks (after an odd number of straight quotes or a “ not yet closed: not between
    quoted titles, 'played "Help!" "Yesterday," and …'), and the parts on both sides are sentences (:func:`_a_sentence`)."""
    found: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
    for m in _OPEN_QUOTE_AFTER_END.finditer(block, start, end):
        a_end = m.start()
        mark = a_end
        while block[mark - 1] in _CLOSERS:
            mark -= 1
        if block[mark - 1] == "." and not _word_ends_sentence(block, mark - 1):
            continue
        if block.count("(", start, a_end) > block.count(")", start, a_end) or \
                block.count("[", start, a_end) > block.count("]", start, a_end):
            continue
        if not (block.count('"', 0, a_end) % 2 or block.rfind("“", 0, a_end) > block.rfind("”", 0, a_end)):
            continue  # every quote closed before it, as pysbd pairs them: pysbd saw this end ('played "Help!" "Yesterday,"')
        found.append((a_end, m.end()))
    cuts: list[tuple[int, int]] = []
    pending = start
    for i, (a_end, b_start) in enumerate(found):
        b_end = found[i + 1][0] if i + 1 < len(found) else end
        after = (found[i + 1][1], found[i + 2][0] if i + 2 < len(found) else end) if i + 1 < len(found) else None
        if _a_sentence(block, pending, a_end, (b_start, b_end)) and _a_sentence(block, b_start, b_end, after):
            cuts.append((a_end, b_start))
            pending = b_start
    return _cut(start, end, cuts)


def _next_starts_sentence(block: str, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether ``block[b_start:b_end]``, after a sentence ending at ``a_end``, starts a sentence: with a capital, or
    with a number after ``!``, ``?`` or a period whose word is no abbreviation ("this week. 2005 was hard", not
    "Read Vol. 2 first", "No. 5")."""
    if _CAPITAL_START.match(block, b_start, b_end):
        return True
    if not _DIGIT_START.match(block, b_start, b_end):
        return False
    end = a_end
    while end > 0 and block[end - 1] in _CLOSERS:
        end -= 1
    return block[end - 1] != "." or _word_ends_sentence(block, end - 1, answers=False)


_DIGIT_START = regexcache.compile(r"[^\p{L}\p{N}]*\p{N}")


def _word_ends_sentence(block: str, dot: int, *, answers: bool = True) -> bool:
    """Whether the period at ``dot`` ends a sentence by its word: a word of two letters or more that is no
    abbreviation (pysbd's, a title or reference one it lacks: :data:`_ABBREVIATION_END`, :data:`_MORE_ABBREVIATIONS`),
    or a number (not an initial, "U.S.", "Gen.", "Fr.", "Vol.", "p.m."); with ``answers``, a capitalised answer word
    is one too ("No." before a quote mark, not before a number)."""
    m = _TOKEN_BEFORE_PERIOD.search(block, 0, dot + 1)
    if m is None:
        return False
    word = m.group()[:-1]
    if answers and word[:1].isupper() and word.lower() in ANSWER_WORDS:
        return True
    return (word.isdigit() or (len(word) >= 2 and word.isalpha())) and word.lower() not in _abbreviations() \
        and word.lower() not in _MORE_ABBREVIATIONS and not _ABBREVIATION_END.search(m.group())


#: Abbreviations before a title or a name that pysbd's lists lack ("Vol. “Early Years”").
_MORE_ABBREVIATIONS = frozenset(("vol", "vols", "ch", "chap", "ed", "eds", "trans", "cf", "approx", "est"))


#: Block → its pysbd sentences (:func:`_pysbd_relative`); pysbd's answer depends on the block only.  8,192
#: blocks (about 5 MB of news paragraphs): ``fix`` segments the whole text again after each pass of edits, and
#: with 1,024 a 1 MB document's 1,456 pysbd blocks had left the memo by then, so each pass paid pysbd again
#: (session 21).
_pysbd_spans = BoundedMemo(_pysbd_relative, 8192)


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


# Hard-wrapped plain text (see :func:`wrapped_breaks`).
#: Words that (almost) never end an English sentence: a line that ends in one goes on on the next line.
#: Chosen by measurement on UD English EWT (train+dev+test): articles, possessive determiners,
#: conjunctions and prepositions seen at least 100 times that end under 1.5% of the sentences they
#: occur in (the base rate of any word is 8%); not those that also stand alone as pronouns
#: (some, any, these, all), nor the particles of phrasal verbs (in, on, up, over, after: 1.5-6%).
_CONTINUES = frozenset({
    "a", "an", "the", "every", "my", "your", "our", "their", "its", "his",  # 0-0.22%
    "and", "or", "but", "if", "because",  # 0-0.45%
    "of", "to", "into", "as", "under", "with", "by", "from", "than",  # 0-1.2%
})
#: A line ending a sentence or introducing what follows (a list after a colon) is no wrapped line.
_LINE_END = regexcache.compile(r"[.!?…:][\"'”’»)\]]*$")
#: The last word of a line.
_LAST_WORD = regexcache.compile(r"(?r)(?:^|(?<=\s))(\p{L}+)$")
#: A list item's marker (a bullet, a dash, "1.", "2)", "a)", "(iv)") at the start of a line.
_ITEM = regexcache.compile(r"[ \t]*(?:[-*+•‣◦▪–—](?=\s)|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s))[ \t]*")
#: A title: no comma, and every word of four letters or more starts with a capital.
_LONG_WORD = regexcache.compile(r"\p{L}{4,}")
#: The widths a hard-wrapped text is wrapped at (its longest line with a space): shorter lines are
#: poetry, subtitles, lists or addresses; longer ones are unwrapped paragraphs.
WRAP_WIDTHS = (50, 100)


def wrapped_breaks(text: str) -> list[Span]:
    """The line breaks of plain ``text`` that fall inside a sentence: the segmenter reads them as
    spaces (pysbd would end a sentence at a line break).  A line break before a line that starts in
    lower case continues a sentence (as :data:`_BLOCK_BREAK` reads it); before another line (a capital: "led by\\nIlham Aliyev"), it does when
    the line before ends in no final punctuation (``. ! ? … :``), the line after is no list item
    and is indented no deeper than the text of the line before, its first word is no capitalised
    function word but "I" (:data:`~mtfix.tokens.FUNCTION_WORDS`: "The", "In", "It" start a sentence),
    and either

    * the line before ends in a word that does not end a sentence (:data:`_CONTINUES`: "of", "the",
      "and", "by"), or
    * the paragraph is hard-wrapped at a width ``W`` (:func:`_block_widths`: its longest line holding a
      space is 50-100 characters long and another line comes within 10 characters of it), the line
      before is full (the first word of the line after would not have fitted on it: the line is ``W``
      long less at most that word), is no title (a line with no comma whose every word of four letters
      or more starts with a capital) and, when it starts a paragraph above a line that starts with a
      capital, no headline (:func:`_headline`).

    A line that ends in a final period goes on when the period is an abbreviation's that a sentence
    goes on from, by class: a title, rank or honorific before a name, a place name's first word in a
    hard-wrapped paragraph, a month, "No." or "p." before a number (:func:`_goes_on`); where it does,
    :func:`split_segments` also undoes a sentence end pysbd reads at that period.  Blank lines always
    separate.

    >>> t = "The minister met the delegation led by\\nIlham Aliyev in Baku.\\nHome\\nNews"
    >>> [t[s.start - 3:s.start] for s in wrapped_breaks(t + "\\nand more")]
    [' by', 'ews']
    """
    if "\n" not in text and "\r" not in text:  # (``\r`` alone: classic Mac OS line ends)
        return []
    lines = []  # (start, end without the line break or trailing spaces, end of the line break)
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((pos, m.start(), m.end()))
        pos = m.end()
    lines.append((pos, len(text), len(text)))
    lengths = [len(text[s:e].rstrip()) for s, e, _ in lines]
    widths = _block_widths(text, lines, lengths)
    out = []
    joined = False  # whether the line break before the line looked at was joined
    for i, ((s, e, brk), (ns, ne, _), n) in enumerate(zip(lines, lines[1:], lengths, strict=False)):
        was, joined = joined, False
        line, nxt = text[s:e].rstrip(), text[ns:ne]
        first = nxt.split(None, 1)[0] if nxt.strip() else ""
        if not line.strip() or not first:
            continue
        if first[0].islower():  # pysbd would end a sentence at the line break: "quickly. I" / "have read"
            out.append(Span(e, brk))
            joined = True
            continue
        if _ITEM.match(nxt) and not (_INITIAL.match(nxt) and _ends_in_title(line)):  # "Mr.⏎J. Smith" (seg-9)
            continue
        if _LINE_END.search(line):
            # a title goes on to its name on a line indented deeper too (a hanging indent; seg-9): it ends no sentence
            if _goes_on(line, first, bool(widths[i])) and (not _indented(line, nxt) or _ends_in_title(line)):
                out.append(Span(e, brk))  # "on Sept.⏎10", "by Dr.⏎Leyla Aliyeva"
                joined = True
            continue
        if _starts_sentence(first) or _indented(line, nxt):
            continue
        item = _ITEM.match(line)
        word = _LAST_WORD.search(line)
        width = widths[i]
        if (word is not None and word.group(1) in _CONTINUES) or (
                width and n + 1 + len(first) > width and not _title(line[item.end() if item else 0:])
                and (was or not first[0].isupper() or not _headline(line, lengths, i, widths))):
            out.append(Span(e, brk))
            joined = True
    return out


def _indented(line: str, nxt: str) -> bool:
    """Whether ``nxt`` is indented deeper than the text of ``line`` (a new indented paragraph, a quotation)."""
    item = _ITEM.match(line)
    return len(nxt) - len(nxt.lstrip(" \t")) > (item.end() if item else len(line) - len(line.lstrip(" \t")))


def _block_widths(text: str, lines: list[tuple[int, int, int]], lengths: list[int]) -> list[int]:
    """The width each line's paragraph (its lines between blank lines) is hard-wrapped at, 0 if none.

    A paragraph is hard-wrapped at ``W`` when its longest line holding a space is ``W`` long
    (:data:`WRAP_WIDTHS`) and another comes within 10 characters of it; one too short to show it (two
    lines, the last short) takes the narrowest width of the text's other paragraphs that its lines
    fit in, or else the width of the whole text read so (as before session 14), so that a text mixing
    widths (a reply above a quoted message) joins in each paragraph."""
    blocks: list[list[int]] = [[]]
    for i, (s, e, _) in enumerate(lines):
        if text[s:e].strip():
            blocks[-1].append(i)
        elif blocks[-1]:
            blocks.append([])
    own: list[tuple[list[int], int, int]] = []  # (lines, longest spaced line, own width or 0)
    for block in blocks:
        spaced = [lengths[i] for i in block if " " in text[lines[i][0]:lines[i][1]].strip()]
        width = max(spaced, default=0)
        ok = WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and sum(n >= width - 10 for n in spaced) >= 2
        own.append((block, width, width if ok else 0))
    found = sorted({w for _, _, w in own if w})
    spaced = [lengths[i] for i, (s, e, _) in enumerate(lines) if " " in text[s:e].strip()]
    widest = max(spaced, default=0)  # the text's own width, as the paragraphs' read together
    if not (WRAP_WIDTHS[0] <= widest <= WRAP_WIDTHS[1] and sum(n >= widest - 10 for n in spaced) >= 2):
        widest = 0
    out = [0] * len(lines)
    for block, longest, width in own:
        if not width and longest:
            width = next((w for w in found if w >= longest), widest)
        for i in block:
            out[i] = width
    return out


#: Determiners a headline leaves out ("Armenia and Azerbaijan sign memorandum on border talks").
_ARTICLE = regexcache.compile(r"(?i)(?:^|(?<=\s))(?:the|a|an)(?=\s|$)")
#: Pronouns of the first and second person and personal pronouns of the third: a headline names who
#: acts ("Azerbaijan raises its gas export target"), a paragraph's first line refers ("I just wanted",
#: "It would be"); possessives of the third person ("its", "their") are a headline's too.
_PRONOUN = regexcache.compile(r"(?:^|(?<=[\s\"“(]))(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our|[Hh]e|[Hh]im|[Ss]he"
                              r"|[Ii]t|[Tt]hey|[Tt]hem)(?=[\s,.;:!?'’\")]|$)")  # case as written: "US", "IT" are no pronouns
#: Punctuation inside a line that a headline has none of: a comma, a semicolon, a sentence's end.
_INNER_PUNCT = regexcache.compile(r"[,;]|\p{Ll}{2}[.!?][\"'”’)]*\s")


def _headline(line: str, lengths: list[int], i: int, widths: list[int]) -> bool:
    """Whether ``line`` (line ``i``, the first of its paragraph, full at its paragraph's width and
    followed by a line that starts with a capital) is a headline above the paragraph rather than the
    paragraph's first line.  As headlines are written, it starts with a capital, holds no comma,
    semicolon or sentence end, no article ("a", "an", "the") together with a pronoun that refers
    (:data:`_PRONOUN`; an article alone since session 15: "… quota for the second time this year") and
    does not end in a function word ("on", "in");
    and the paragraph below it (two lines or more, up to four, to a blank line) is wrapped at a width
    it does not share: (two full lines below) the line is longer than every one by three characters or
    more, or, when it ends in a word in lower case, shorter than the longest of them (a line that ends in
    a capitalised word may hold a name that runs on over the line break: "met US⏎Secretary of State")."""
    last = _LAST_WORD.search(line)
    if (not line.lstrip()[:1].isupper() or _INNER_PUNCT.search(line) or last is None
            or last.group(1).lower() in FUNCTION_WORDS or (_ARTICLE.search(line) and _PRONOUN.search(line))):
        return False
    below = []
    for j in range(i + 1, min(i + 5, len(lengths))):
        if not lengths[j] or widths[j] != widths[i]:
            break
        below.append(lengths[j])
    if len(below) < 2:
        return False
    n, widest = lengths[i], max(below)
    full = below[:-1] if i + 1 + len(below) >= len(lengths) or not lengths[i + 1 + len(below)] else below
    if len(full) >= 2 and n >= widest + 3:
        return True
    # a name may run on over the line break ("met US⏎Secretary of State", "of State⏎Antony Blinken")
    return n < widest and not last.group(1)[0].isupper()


def _goes_on(line: str, first: str, wrapped: bool = True) -> bool:
    """Whether ``line`` ends in an abbreviation that a sentence goes on from to ``first``, the next
    line's first word (:data:`_ABBREVIATION_END`, by class):

    * a title, rank or honorific before a name ("by Dr.⏎Leyla Aliyeva", "the Hon.⏎John Smith",
      "by Fr.⏎Michael Walsh"; "Mt." as since session 14: "below Mt.⏎Everest"), but not before a word that starts a sentence (:func:`_starts_sentence`:
      "treated by the Dr.⏎The nurses");
    * a place name's first word ("to St.⏎Petersburg", "near Ft.⏎Worth") after a word in lower case
      ("on Nizami St.⏎Officials" is a street's: the sentence ends), before a name, in a paragraph that
      is hard-wrapped (``wrapped``: a line of text one sentence a line that ends so is cut short);
    * a month, "No.", "Art.", "Fig." or "p." before a number ("on Sept.⏎10", "Resolution No.⏎2758");
      before a word ("in Sept.⏎The") the sentence ends;
    * "approx." or "ca." before a number or an amount ("approx.⏎£2.1bn", "ca.⏎1350"; not after the quantity
      it qualifies, "3 kg approx.⏎2 kg", :func:`_after_its_quantity`), "ref." before an
      identifier that holds a digit ("quoting ref.⏎HR-2025-014"; seg-8).

    Any other abbreviation ends the sentence before a capital: a name's or a company's suffix
    ("Ken Griffey Jr.⏎Smith, the commissioner, said", "Caspian Logistics Inc.⏎Officials"), as pysbd
    reads it on one line."""
    m = _ABBREVIATION_END.search(line)
    if m is None:
        return False
    if m.group("number"):
        return first[0].isdigit()
    if m.group("quantity"):
        return _QUANTITY_START.match(first) is not None and not _after_its_quantity(line[: m.start()])
    if m.group("reference"):
        return any(c.isdigit() for c in first)
    name = first[0].isupper() and first[1:2].islower() and not _starts_sentence(first)
    if m.group("place"):
        before = _LAST_WORD.search(line[:m.start()].rstrip())
        return wrapped and name and (before is None or not before.group(1)[0].isupper())
    return name or _initial_or_capitals(first)


#: A name's first word that starts with no capital and a lower-case letter: an initial ("J."), an apostrophe ("O'Brien",
#: "D’Arcy") or a name in capitals ("AL-SUDANI", "SMITH"), which a title goes on to (seg-9)
_NAME_START = regexcache.compile(r"\p{Lu}(?:\.|['’]\p{Lu}|\p{Lu}+(?![\p{Ll}]))")


def _initial_or_capitals(first: str) -> bool:
    """Whether ``first`` (a line's or a sentence's first word, after a title) is a name's written as an initial, with
    an apostrophe or in capitals; a function word in capitals ("THE", "IN") starts a sentence (seg-9)."""
    return _NAME_START.match(first) is not None and first.rstrip(".,;:!?").lower() not in FUNCTION_WORDS


#: An initial and a name ("J. Smith", "A. Karimova") at a line's start, which after a title is no list item (seg-9)
_INITIAL = regexcache.compile(r"[ \t]*\p{Lu}\.[ \t]+\p{Lu}\p{Ll}")


def _ends_in_title(line: str) -> bool:
    """Whether ``line`` ends in a title, rank or honorific (:data:`_ABBREVIATION_END`'s titles) and its period."""
    m = _ABBREVIATION_END.search(line)
    return m is not None and m.group("title") is not None


#: Abbreviations at a line's end that a sentence goes on from (:func:`_goes_on`), by class: titles, ranks
#: and honorifics (pysbd's titles, civil, religious and military ones it lacks); the first word of a place
#: name; those before a number; an approximation before a quantity and a reference before an identifier (seg-8).
_ABBREVIATION_END = regexcache.compile(
    r"(?:^|(?<=[\s(]))(?:(?P<title>Adm|Amb|Assoc|Asst|Atty|Attys|Brig|Capt|Cllr|Cmdr|Col|Comdr|Cpl|Det|Drs?|Ens|Fr|Gen|Gov"
    r"|Hon|Insp|Lt|Maj|Messrs|Mssrs|Mme|Mlle|Mr|Mrs|Ms|Msgr|Mt|Pfc|Pres|Prof|Pvt|Reps?|Rev|Rt|Sens?|Sfc|Sgt|Supt)"
    r"|(?P<place>St|Ft)"
    r"|(?P<number>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|Art|Fig|pp?)"
    r"|(?P<quantity>[Aa]pprox|ca)|(?P<reference>[Rr]ef))\.$")
#: What an approximation goes on to: a number, or an amount with its currency ("£2.1bn", "US$1.5bn", "€230,000")
_QUANTITY_START = regexcache.compile(r"\p{N}|\p{Lu}{0,3}\p{Sc}\p{N}")
#: Words between a number and an approximation that qualifies a quantity after them ("from 10 to approx. 20")
_BEFORE_A_QUANTITY = frozenset({"to", "and", "or", "of", "by", "from", "at", "is", "was", "are", "were", "than", "about",
                                "with", "for", "in", "on", "be", "been", "nor", "but", "as"})


def _after_its_quantity(before: str) -> bool:
    """Whether an approximation follows the quantity it qualifies, a number or a number and its unit ("3 kg
    approx.", "40 EUR approx.", "300 ca."): postpositive, it may end a sentence (review of seg-8).  A year
    ("In 2024 approx. 40%"), a date ("On 12 May approx.") or a number and a comma are no such quantity."""
    words = before.split()[-2:]
    if not words:
        return False
    if _NUMBER_WORD.fullmatch(words[-1]):
        return _YEAR.fullmatch(words[-1]) is None
    unit = words[-1]
    return len(words) == 2 and _NUMBER_WORD.fullmatch(words[0]) is not None and unit.isalpha() \
        and (unit.islower() or (unit.isupper() and len(unit) <= 4)) and unit.lower() not in _BEFORE_A_QUANTITY


_NUMBER_WORD = regexcache.compile(r"\p{N}(?:[\p{N}.,]*\p{N})?")
_YEAR = regexcache.compile(r"1\d{3}|20\d{2}")
#: The lower-case abbreviations that :func:`_title_goes_on` looks at inside a line (seg-8)
_LOWER_GOES_ON = frozenset({"approx", "ca", "ref"})


_FIRST_WORD = regexcache.compile(r"[\"“‘(]?(\p{Lu}\p{Ll}*)\b")


def _starts_sentence(word: str) -> bool:
    """Whether ``word`` (a line's first) is a capitalised function word other than "I": one that starts
    a sentence ("The", "In", "It"), as inside a sentence it is written in lower case."""
    m = _FIRST_WORD.match(word)
    return m is not None and m.group(1) != "I" and m.group(1).lower() in FUNCTION_WORDS


def _title(line: str) -> bool:
    """Whether ``line`` reads as a title: no comma, and every word of four letters or more capitalised."""
    words = _LONG_WORD.findall(line)
    return "," not in line and len(words) >= 2 and all(w[0].isupper() for w in words)


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
    lower_starts: list[int] | None = None, jobs: int = 1,
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

    An HTML comment is never cut (:func:`_comments_kept_whole`, seg-11).
    """
    if "<!--" in text:
        kept = _comments_kept_whole(text, regions, cuts=cuts, lower_starts=lower_starts, jobs=jobs)
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
    blocks = [(s, e) for s, e in (strip_span(text, bs, be) for bs, be in _blocks(text, regions)) if s < e]
    shares = _spread_blocks(text, blocks, goes_on, jobs, marked) if jobs != 1 and len(text) >= SPREAD_MIN_CHARS else None
    if shares is None:
        spans, share_cuts, share_lower = _block_spans(text, blocks, goes_on, marked)
        shares = [(spans, share_cuts, share_lower)]
    out: list[Segment] = []
    for spans, share_cuts, share_lower in shares:
        out += [Segment(len(out) + i, s, e) for i, (s, e) in enumerate(spans)]
        if cuts is not None:
            cuts += share_cuts
        if lower_starts is not None:
            lower_starts += share_lower
    return out


# What may stand between two comments of one segment on a line (no line break).
_SAME_LINE = regexcache.compile(r"[^\S\r\n]*")
_OPEN_COMMENT = regexcache.compile(r"<!--")
_LINE_BREAK = regexcache.compile(r"[\r\n]")
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


def _comments_kept_whole(
    text: str, regions: Iterable[Span] | None, *, cuts: list[tuple[int, str]] | None,
    lower_starts: list[int] | None, jobs: int,
) -> list[Segment] | None:
    """:func:`split_segments` of a ``text`` holding HTML comments ``<!-- … -->`` (:func:`_code_elements`'s: closed,
    inside a region when there are regions), with no segment starting or ending inside one (seg-11); None when there
    is none.  pysbd read the ``!`` of ``<!--`` as a sentence end ("… on Tuesday. <!" and "-- mtfix-ignore: MTF105 -->").

    The sentences are those of the text without its comments (each taken out with the spaces or tabs before it, so
    that "Tuesday. <!-- c --> Then" is split as "Tuesday. Then", unless a word is glued after it), mapped back; then a comment inside a sentence stays
    in it, and any other is a segment boundary: a segment of its own with the comments after it on its line (the
    detector does not judge it).  The sentences on either side are the segments they are without it: attached to the
    sentence before it, a comment made it a sentence holding protected text, which loses its whole-sentence finding
    (MTF120) in plain text.  An opener ``<!--`` nothing closes (in its region) where a comment stands
    (:func:`_stands_as_comment`: first on its line, after a sentence end or a comment, or opening an ignore directive)
    is read as a comment to its line's end: never cut, and what follows on later lines is segmented as without it (an
    ignore directive without ``-->`` holds to its line's end too, :mod:`mtfix.suppress`).  One in running prose
    ("write <!-- to open one", session 30) is characters of its sentence: taken out of the text the sentences are
    split from as a comment is, so that its ``!`` ends nothing, but no segment boundary."""
    regions = list(regions) if regions is not None else None
    elements = _code_elements(text, regions)
    comments = [c for c in elements if text.startswith("<!--", c.start)]
    # an opener nothing closes (outside every element, inside a region when there are regions) runs to its line's end
    # (of its region, before the line's trailing spaces), as an ignore directive without "-->" does (mtfix.suppress)
    taken = sorted(elements, key=lambda e: e.start)
    taken_starts = [e.start for e in taken]
    limits = sorted(regions, key=lambda r: r.start) if regions is not None else [Span(0, len(text))]
    limit_starts = [r.start for r in limits]
    done = 0
    prose: list[Span] = []  # each opener written in prose: taken out as a comment is, but no segment boundary
    for m in _OPEN_COMMENT.finditer(text):
        at = m.start()
        e = bisect_right(taken_starts, at) - 1
        r = bisect_right(limit_starts, at) - 1
        if at < done or (e >= 0 and at < taken[e].end) or r < 0 or m.end() > limits[r].end:
            continue
        if not _stands_as_comment(text, at, limits[r].start):
            prose.append(Span(at, m.end()))
            continue
        done = _LINE_BREAK.search(text, at, limits[r].end)
        done = done.start() if done is not None else limits[r].end
        while text[done - 1] in " \t":
            done -= 1
        comments.append(Span(at, done))
    if not comments and not prose:
        return None
    comments.sort(key=lambda c: c.start)
    keep: list[tuple[int, int]] = []  # the runs of text kept, in order
    pos = 0
    for c in sorted(comments + prose, key=lambda c: c.start) if prose else comments:
        start = c.start
        while start > pos and text[start - 1] in " \t" and (c.end == len(text) or text[c.end].isspace()):
            start -= 1  # not before a word glued to the comment: "met <!-- c -->on" is read "met on"
        keep.append((pos, start))
        pos = c.end
    keep.append((pos, len(text)))
    keep_starts = [k[0] for k in keep]
    view_starts = [0, *accumulate(e - s for s, e in keep)]

    def orig(v: int) -> int:  # the text's offset of the view's character v
        i = bisect_right(view_starts, v, hi=len(keep)) - 1
        return keep[i][0] + v - view_starts[i]

    def to_view(p: int) -> int:  # the view's offset of the text's p (where its comment was, inside one)
        i = bisect_right(keep_starts, p) - 1
        return view_starts[i] + min(p, keep[i][1]) - keep[i][0]

    view = "".join(text[s:e] for s, e in keep)
    view_cuts: list[tuple[int, str]] = []
    view_lower: list[int] = []
    view_regions = None if regions is None else [Span(to_view(r.start), to_view(r.end)) for r in regions]
    segs = split_segments(view, view_regions, cuts=view_cuts, lower_starts=view_lower, jobs=jobs)
    if cuts is not None:
        cuts += [(orig(c) if c < len(view) else len(text), kind) for c, kind in view_cuts]
    if lower_starts is not None:
        lower_starts += [orig(p) for p in view_lower]
    spans = [(orig(s.start), orig(s.end - 1) + 1) for s in segs]
    out: list[tuple[int, int]] = []
    comment_starts = {c.start for c in comments}
    i = 0
    for c in comments:
        while i < len(spans) and spans[i][0] < c.start:
            out.append(spans[i])
            i += 1
        if out and out[-1][1] >= c.end:
            continue  # inside a sentence
        if out and out[-1][0] in comment_starts and _SAME_LINE.fullmatch(text, out[-1][1], c.start):
            out[-1] = (out[-1][0], c.end)
        else:
            out.append((c.start, c.end))
    out += spans[i:]
    return [Segment(k, s, e) for k, (s, e) in enumerate(out)]


_Share = tuple[list[tuple[int, int]], list[tuple[int, str]], list[int]]


def _block_spans(text: str, blocks: Iterable[tuple[int, int]], goes_on: frozenset[int], marked: bool = True) -> _Share:
    """The sentences of ``blocks`` (stripped, non-empty, in order) as (start, end) pairs, with the forced cuts and
    lower-case starts they hold (see :func:`split_segments`); a block holding an invisible mark is split as the
    same block without it (:func:`_marked_block`, seg-10).  ``marked`` False: ``text`` holds no mark, and no block
    is searched for one (session 32)."""
    out: list[tuple[int, int]] = []
    cuts: list[tuple[int, str]] = []
    lower_starts: list[int] = []
    for bstart, bend in blocks:
        if marked and _MARK.search(text, bstart, bend) is not None:
            spans, block_cuts, block_lower = _marked_block(text, bstart, bend, goes_on)
            out += spans
            cuts += block_cuts
            lower_starts += block_lower
            continue
        first = len(out)
        for s, e in _block_sentences(text, bstart, bend, cuts):
            s, e = strip_span(text, s, e)
            if s >= e:
                continue
            if len(out) > first and s in goes_on:
                out[-1] = (out[-1][0], e)
            elif len(out) > first and (_NO_WORDS.fullmatch(text, s, e) or (
                    _LOWER_START.match(text, s, e) and not _NUMBER_END.match(text, out[-1][1] - 2, out[-1][1]))):
                # a lone closing quote or bracket belongs to the sentence before it, and so does
                # what starts in lower case (see :data:`_LOWER_START`)
                if not _NO_WORDS.fullmatch(text, s, e):
                    lower_starts.append(s)
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
    return out, cuts, lower_starts


#: The invisible marks a sentence is split without (seg-10): :data:`~mtfix.tokens.ZERO_WIDTH_MARKS` (U+FEFF, a
#: zero-width space, a word joiner, the bidi controls, a soft hyphen, ZWNJ and ZWJ), the set the rules read through.
SEGMENT_MARKS = ZERO_WIDTH_MARKS
_MARK = re.compile(f"[{SEGMENT_MARKS}]")
_MARK_RUN = re.compile(f"[{SEGMENT_MARKS}]+")


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
    ``jobs``: processes a long text is segmented in (:func:`split_segments`); the segments do not change.
    ``glued``: an HTML page's inline tags inside a word (``meta["glued"]``, :mod:`mtfix.formats.html`); not None
    says the text is a page.  A character reference in the prose of a page or a Markdown file
    (:func:`mtfix.charrefs.prose_references`) is split as the character it stands for (seg-13).

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
    read = text
    if opaque is not None and "&" in text:  # a reference in prose is split as its character (seg-13)
        opaque = list(opaque)
        read = read_as_characters(text, prose_references(text, fmt_protected, opaque, page=glued is not None))
    segs = split_segments(blank(read, [*markers, *soft]) if markers or soft else read, regions=regions, cuts=cuts,
                          lower_starts=lower_starts, jobs=jobs)
    meta = {"regions": regions, "markers": markers, "lower_starts": lower_starts, "format_protected": fmt_protected,
            "forced_cuts": cuts, "code": code,
            "headings": sorted(headings, key=lambda h: h.start),
            "opaque": None if opaque is None else sorted(opaque, key=lambda o: o.start), "joins": joins,
            "comments": [m for m in markup if text.startswith("<!--", m.start)],
            "html_code": html_code_elements(text, markup)}
    if glued is not None:
        meta["glued"] = glued
    return Document(text=text, segments=segs, protected=prot, path=path, source=source, meta=meta)


def _check_regions(text: str, regions: list[Span], path: str | None) -> None:
    """:class:`~mtfix.errors.InputError` naming the first region that is not a span of ``text`` (past its
    end, before its start, or ending before it starts): it raised a bare ``IndexError`` deep inside."""
    n = len(text)
    for i, r in enumerate(regions):
        if not 0 <= r.start <= r.end <= n:
            raise InputError(f"region {i} ({r.start}..{r.end}) is not a span of the text of {n} characters "
                             f"(0 <= start <= end <= {n})", path=path)


# A block quote's marker at the start of a continuation line (``> ``, ``> > ``, ``  > `` in a list item).
_QUOTE_MARKER = regexcache.compile(r"[ \t]*>(?:[ \t]*>)*[ \t]?")


def quote_markers(text: str, regions: list[Span], protected: list[Span]) -> list[Span]:
    """The block-quote markers a format protects at the start of a continuation line inside
    ``regions`` (Markdown's ``> ``, ``> > ``, ``  > `` in a list item's quote), in order.

    The segmenter reads them as blanks, so that a quoted paragraph is segmented as the same paragraph
    unquoted, and :meth:`~mtfix.model.Segment.text` blanks them, so that LanguageTool and the scores
    read a sentence's prose without them (``meta["markers"]``; rules never report across them: they
    are protected).

    >>> t = "> We met on\\n> Monday. It\\n> > rained."
    >>> [t[m.start:m.end] for m in quote_markers(t, [Span(2, len(t))], [Span(12, 14), Span(25, 29)])]
    ['> ', '> > ']
    """
    out = []
    for p in protected:
        if p.start and text[p.start - 1] in "\r\n":
            m = _QUOTE_MARKER.match(text, p.start, p.end)
            if m is not None and any(r.start < m.start() and m.end() <= r.end for r in _near(regions, m.start())):
                out.append(Span(m.start(), m.end()))
    return sorted(out, key=lambda m: m.start)


_LINE_BREAK = regexcache.compile(r"\r\n|\r|\n")


def soft_breaks(text: str, regions: list[Span], protected: list[Span]) -> list[Span]:
    """The line breaks inside a format's prose ``regions`` that are no protected markup: a Markdown
    paragraph's soft breaks, which read as a space (a hard break's spaces and line break, or its
    backslash, are protected).  The segmenter reads them as spaces, so that a sentence wrapped over
    lines is one segment whatever starts the next line (a capital, a quote marker).

    >>> t = "We met on\\nMonday.  \\nThen"
    >>> [m.start for m in soft_breaks(t, [Span(0, len(t))], [Span(17, 20)])]
    [9]
    """
    spans = sorted(protected, key=lambda p: p.start)
    starts = [p.start for p in spans]
    reach = list(accumulate((p.end for p in spans), max))  # the furthest end of the spans so far
    out = []
    for r in regions:
        for m in _LINE_BREAK.finditer(text, r.start, r.end):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or reach[i] <= m.start():
                out.append(Span(m.start(), m.end()))
    return out


def _near(regions: list[Span], pos: int) -> list[Span]:
    """The region of sorted ``regions`` that starts last before ``pos`` (as a list, empty if none)."""
    i = bisect_left(regions, pos, key=lambda r: r.start)
    return regions[i - 1 : i] if i else []


def find_protected_spans(text: str) -> list[Span]:
    """URLs, e-mail addresses and domain names: never reported, never edited.

    ``_URL`` runs only on the runs of non-white space holding a :data:`_URL_MARK`: a match
    lies inside one such run, so it finds there what a scan of the whole text finds."""
    out: list[Span] = []
    done = 0  # the end of the last run scanned
    for mark in _URL_MARK.finditer(text):
        if mark.start() < done:
            continue
        before = _LAST_SPACE.search(text, done, mark.start())
        after = _SPACE.search(text, mark.end())
        start = before.end() if before else done
        done = after.start() if after else len(text)
        out += [Span(m.start(), m.end()) for m in _URL.finditer(text, start, done)]
    return out


def find_markup_spans(text: str, regions: Iterable[Span] | None = None, quoted: Iterable[Span] = ()) -> list[Span]:
    """HTML and XML tags written in the text (:data:`mtfix.tokens.MARKUP_TAG`: ``<b>``, ``<a href="/terms">``,
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


def word_count(text: str) -> int:
    """Words as the scorer counts them (letters or digits, with inner marks).

    >>> word_count("Don't stop — 3.5 per cent.")
    5
    """
    return len(_WORD.findall(text))


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
_WORD = LazyPattern(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")
