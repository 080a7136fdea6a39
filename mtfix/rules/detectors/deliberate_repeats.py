"""Copies said on purpose: a word repeated as an utterance of its own (``No, no, no.``, ``Hear, hear!``) or to open
a sentence for emphasis (``Wait wait wait, ...``), which the repetition detectors leave alone."""

from __future__ import annotations

from collections.abc import Sequence

from mtfix.model import Document, Span
from mtfix.rules.detectors.markup_runs import _Markup, _markup_runs
from mtfix.text.tokens import LazyPattern

#: What may open an utterance before its repeated word: at most one word and its comma ("Oh, no, no,
#: no."), after the segment's start or a sentence's end (markup, a dialogue dash, "♪", quotes aside), a line
#: break after it too (one post a line in lower case, which the segmenter joins to the line before: session 21).
_UTTERANCE_OPEN = LazyPattern(r"(?:^|[.!?…][\"”’)\]]*[ \t\r\n]+)[^\p{L}\p{N}]*(?:\p{L}+,[ \t]+)?$")
#: Or right after a speaker's label and its colon ("Hon. Members: Hear, hear!"): an utterance (:func:`utterance`)
#: when what is said starts with a capital, as a sentence does ("Decision: rejected, rejected." is no utterance),
#: not an emphatic opening ("He laughed: ha ha ha." stays a loop).
_LABELLED_UTTERANCE_OPEN = LazyPattern(r":[\"”’)\]]*[ \t]+[^\p{L}\p{N}]*(?:(?P<word>\p{L}+),[ \t]+)?$")
#: What may close it: final punctuation, a song's "♪", closing quotes and brackets, or the segment's end.
_UTTERANCE_CLOSE = LazyPattern(r"[ \t]*(?:[.!?…♪]|$)")


def utterance(doc: Document, start: int, end: int, markup: Sequence[Span] = ()) -> bool:
    """Whether the copies at ``[start, end)`` are an utterance on their own: a word repeated for
    emphasis as a whole sentence of dialogue ("No, no, no.", "Go, go, go!", "Oh, no, no, no.",
    "Sorry, sorry!"), not copies inside a clause ("a long, long, long winter", "The bell went, clang,
    clang, clang.").  Looked for within the segment only (session 13: subtitles); since session 17 also
    after a speaker's label and its colon, as a record or a transcript gives it ("Hon. Members: Hear, hear!",
    "The Speaker: Order, order!"), when what is said starts with a capital ("Decision: rejected, rejected." is a
    label's value given twice).

    >>> from mtfix.segment import to_document
    >>> d = to_document("Nope. Nope, nope, nope. It was a long, long winter.")
    >>> utterance(d, 6, 22), utterance(d, 38, 48)
    (True, False)
    """
    if _opens_sentence(doc, start, end, _UTTERANCE_CLOSE, markup):
        return True
    seg = doc.segment_at(start)
    if seg is None:
        return False
    return _labelled_utterance(doc.text, seg.start, seg.end, start, end)


def _labelled_utterance(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the copies at ``[start, end)`` of the segment ``[lo, hi)`` follow a speaker's label and its
    colon and close the utterance, what is said starting with a capital (session 17: "Hon. Members: Hear, hear!")."""
    label = _LABELLED_UTTERANCE_OPEN.search(text, _tail_start(text, lo, start), start)
    return (label is not None and (label.group("word") or text[start])[:1].isupper()
            and _UTTERANCE_CLOSE.match(text, end, hi) is not None)


def _opens_sentence(doc: Document, start: int, end: int, close: LazyPattern, markup: Sequence[Span] = ()) -> bool:
    """Whether ``[start, end)`` opens a sentence of its segment and ``close`` matches right after it.  The inline
    ``markup`` (:func:`~mtfix.rules.detectors.phrases.markup_spans`) around it is read as blanks: "<v Roger>Sorry,
    sorry!" is an utterance as "Sorry, sorry!" is (session 20), wherever the pair stands in its segment and with
    markup before its closing punctuation ("<i>Wait wait wait</i>, it is late."; session 21: until then only within
    400 characters of the segment's start, and not before the punctuation).  Only the tail an opener can match in
    is read (:func:`_markup_tail_start`), so a long paragraph of pairs and tags stays linear."""
    seg = doc.segment_at(start)
    if seg is None:
        return False
    text = doc.text
    if not markup:
        # the opener first: most pairs fail it, and ``close`` is given the rest of the segment
        return _opener_before(text, seg.start, start, _UTTERANCE_OPEN) and close.match(text, end, seg.end) is not None
    runs = _markup_runs(text, markup)
    tail = _markup_tail_start(text, seg.start, start, runs)
    lo = tail if tail == seg.start else tail - 1  # one character before the tail: ``^`` cannot match there
    before = runs.blank(text, lo, start)
    if tail == seg.start:
        opens = _opener_before(before, 0, len(before), _UTTERANCE_OPEN)
    else:
        opens = _UTTERANCE_OPEN.search(before, 1) is not None
    return opens and close.match(text, runs.skip(text, end, seg.end), seg.end) is not None


def _markup_tail_start(text: str, lo: int, start: int, runs: _Markup) -> int:
    """:func:`_tail_start` of ``text`` with the markup ``runs`` read as blanks (a run is no letter or digit)."""
    k = start
    for want in (False, True, False):  # non-alphanumerics, then the letters of one word, then non-alphanumerics
        while k > lo:
            r = runs.at(k - 1)
            if r >= 0:
                if want:
                    break  # markup ends the word
                k = max(runs.starts[r], lo)
                continue
            c = text[k - 1]
            if (c.isalpha() if want else not c.isalnum()):
                k -= 1
            else:
                break
    return k


#: An opener's part after its ``^`` (a match from the segment's start).
_OPENER_REST = LazyPattern(r"[^\p{L}\p{N}]*(?:\p{L}+,[ \t]+)?$")


def _opener_before(text: str, lo: int, start: int, opener: LazyPattern) -> bool:
    """``opener.search(text[lo:start]) is not None``, without copying or scanning the segment: a match
    holds no letter or digit but one word before its comma, so it starts after the last other letter or
    digit before ``start`` (the whole slice was searched per pair: a 600 KB paragraph of commas took
    quadratic time, session 17)."""
    if _OPENER_REST.match(text, lo, start) is not None:  # the ``^`` branch, at the segment's start
        return True
    return opener.search(text, max(_tail_start(text, lo, start), 1), start) is not None  # from 1: ``^`` is above


def _tail_start(text: str, lo: int, start: int) -> int:
    """Where a match of an opener ending at ``start`` can start at the earliest: after the last letter or
    digit before ``start`` but one word (and the marks around it), not before ``lo``."""
    k = start
    while k > lo and not text[k - 1].isalnum():
        k -= 1
    while k > lo and text[k - 1].isalpha():
        k -= 1
    while k > lo and not text[k - 1].isalnum():
        k -= 1
    return k


#: What may follow an emphatic opening: clause punctuation or a dash, or the segment's end.
_EMPHASIS_CLOSE = LazyPattern(r"[ \t]*(?:[,;:.!?…–—-]|$)")


def emphatic_opening(doc: Document, start: int, end: int, markup: Sequence[Span] = ()) -> bool:
    """Whether the copies at ``[start, end)`` open a sentence and are closed by punctuation or a dash:
    a word said three or four times for emphasis ("Practise practise practise - it pays.", "Wow wow wow."),
    not a loop inside a clause ("Exports of wheat wheat wheat fell") nor one before its noun ("Solar
    solar solar panels arrived.").

    >>> from mtfix.segment import to_document
    >>> d = to_document("Wait wait wait, it is late. Solar solar solar panels arrived.")
    >>> emphatic_opening(d, 0, 14), emphatic_opening(d, 28, 45)
    (True, False)
    """
    return _opens_sentence(doc, start, end, _EMPHASIS_CLOSE, markup)
