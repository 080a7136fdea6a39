"""pysbd's sentences of a block, located in it and memoised (:data:`_pysbd_spans`), and mtfix's passes over them:
a title joined to its name (:func:`_join_titles`), a quotation of several sentences split (:func:`_split_quotes`),
a sentence end before an opening quote mark split (:func:`_split_before_quotes`), a closing mark moved back."""

from __future__ import annotations

import re
import threading
from itertools import pairwise

import regex

from mtfix.caching import regexcache
from mtfix.caching.bounded import BoundedMemo
from mtfix.model import strip_span
from mtfix.segment.abbreviations import ANSWER_WORDS, _title_goes_on, _word_ends_sentence
from mtfix.segment.words import _WORD, word_count

_local = threading.local()


def _segmenter():
    seg = getattr(_local, "segmenter", None)
    if seg is None:
        import pysbd

        from mtfix.segment.pysbd_english import english

        seg = pysbd.Segmenter(language="en", clean=False)
        seg.language_module = english()  # pysbd's English, its abbreviation pass made cheaper (same sentences)
        _local.segmenter = seg
    return seg


def _pysbd_relative(block: str) -> tuple[tuple[int, int], ...]:
    """pysbd's sentences of ``block`` as offsets in it (memoised in ``_pysbd_spans``: a block that
    comes again, a boilerplate paragraph or a repeated unit, is not split again)."""
    out: list[tuple[int, int]] = []
    cursor = 0
    read = _pysbd_reading(block)  # the same length: offsets hold
    # pysbd's own ``segment`` then looks every sentence up again with a fresh
    # regex over the whole block (quadratic in the block); we locate them here.
    for sent in _segmenter().processor(read).process():
        piece = sent.strip()
        if not piece:
            continue
        at = read.find(piece, cursor)
        if at < 0:  # pysbd changed the text: keep the rest as one segment
            out.append((cursor, len(block)))
            break
        out.append((at, at + len(piece)))
        cursor = at + len(piece)
    block = read  # mtfix's passes pair quotes as pysbd was given them
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


# Straight quotes as a reader pairs them on a line, in order, as the cuts at sure ends count them
# (:func:`~mtfix.segment.sentence_ends.unit_mark`): a quote right after a digit while none is open, and no quote right
# after it, is a unit mark (inches, seconds: 'a 12" screen', "5' 11\"", seg-16); the others pair, an empty pair included.
_STRAIGHT_QUOTES = regexcache.compile(r'(?<=[0-9])"(?!")|"[^"\n\r]*"')
# A quote after a digit or another quote: plain ``re``, from the quote (a literal first character is looked for fast).
_QUOTES_TO_READ = re.compile(r'"(?<=[0-9"]")')
#: What an empty pair of straight quotes, a unit mark and a backslash are read as by pysbd: symbols no rule of its reads.
EMPTY_QUOTES_READ_AS = "~~"
UNIT_MARK_READ_AS = "~"
BACKSLASH_READ_AS = "~"


def _straight_quote_read(m: regex.Match[str]) -> str:
    n = m.end() - m.start()
    return UNIT_MARK_READ_AS if n == 1 else EMPTY_QUOTES_READ_AS if n == 2 else m.group()


def _pysbd_reading(block: str) -> str:
    """``block`` as pysbd is given it (the same length: offsets hold), so that it pairs quotes and brackets as a
    reader does and as the cuts at sure sentence ends count them.

    - Each empty pair of straight quotes (``""``, paired in order on its line) is :data:`EMPTY_QUOTES_READ_AS`
      (seg-15): pysbd's quotation pattern needs a character between the quotes, so at ``""`` it paired the second
      quote with the next one over and protected the sentence ends between them ('He typed "" into the box. Then he
      said "yes".' was one sentence).  An empty string is a word.
    - A unit mark (a straight quote right after an ASCII digit while no quote is open on the line, and no quote after it:
      inches, seconds) is :data:`UNIT_MARK_READ_AS` (seg-16): pysbd paired it with the next quote ('The pipe is 3"
      long. The valve is 2" wide.' was one sentence).  A quote after a digit inside a quotation still closes it
      ('He said "we won 3-1" and left.').
    - A backslash is :data:`BACKSLASH_READ_AS` (seg-16): pysbd's patterns for a quotation or brackets fail on content
      that holds one (their ``(?=(?P<tmp>…)*)(?P=tmp)`` keeps only the last piece), so it paired the closing quote
      with the next one over ('The path is "C:\\Temp". Then it failed. She said "no".' was one sentence).  A reader
      reads a backslash as a character, and pairs quotes in order, a quote after a backslash included.

    >>> _pysbd_reading('A 3" pipe, "" and "4" in C:\\\\x')
    'A 3~ pipe, ~~ and "4" in C:~x'
    """
    read = block
    if '"' in block and _QUOTES_TO_READ.search(block) is not None:
        read = _STRAIGHT_QUOTES.sub(_straight_quote_read, block)
    if "\\" in read:
        read = read.replace("\\", BACKSLASH_READ_AS)
    return read


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


# A quotation (“…”, "…", «…»), and a sentence end inside one (before a capital, within the quote).
# Straight quotes are paired in order, as pysbd pairs them (and protects what lies between, a stray
# quote mark's run of sentences too).
# Plain ``re`` (session 37): classes of literal characters, the same matches as ``regex`` with less work per call.
_QUOTATION = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|«[^«»\n]*»")
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


#: Block → its pysbd sentences (:func:`_pysbd_relative`); pysbd's answer depends on the block only.  8,192
#: blocks (about 5 MB of news paragraphs): ``fix`` segments the whole text again after each pass of edits, and
#: with 1,024 a 1 MB document's 1,456 pysbd blocks had left the memo by then, so each pass paid pysbd again
#: (session 21).
_pysbd_spans = BoundedMemo(_pysbd_relative, 8192)
