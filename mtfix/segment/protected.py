"""Spans the segmenter protects or reads as blanks: URLs, e-mail addresses and domain names
(:func:`find_protected_spans`), a format's block-quote markers (:func:`quote_markers`) and soft line breaks
(:func:`soft_breaks`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from mtfix.caching import regexcache
from mtfix.model import Span
from mtfix.text.lines import LINE_BREAK as _LINE_BREAK

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
#: Where :func:`find_protected_spans` looks (session 39): a ``re`` scan that finds, in every run of non-white space
#: holding a :data:`_URL_MARK`, a match of its own -- the mark's ".", ":" or "@" (no other character folds to them)
#: with what follows or precedes it as in the mark, ``\b`` left out and the letters folded by ``re``, which folds
#: every character ``regex`` folds to them (``tests/segment/test_url_hint_s39.py`` checks every code point).
#: ``re`` scans for the three rare characters in a tight loop (a quarter of the mark scan's time on news).
_URL_HINT = re.compile(rf"[.:@](?:(?<=@)|(?<=:)//|(?<=(?i:www)\.)|(?<=\.)(?i:{_TLDS}))")
_SPACE = regexcache.compile(r"\s")
_LAST_SPACE = regexcache.compile(r"(?r)\s")


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
    lies inside one such run, so it finds there what a scan of the whole text finds.  The runs are
    found by :data:`_URL_HINT`, which matches in each of them (and in a few more, where ``_URL``
    then finds nothing: each of its matches holds a mark)."""
    out: list[Span] = []
    done = 0  # the end of the last run scanned
    for mark in _URL_HINT.finditer(text):
        if mark.start() < done:
            continue
        before = _LAST_SPACE.search(text, done, mark.start())
        after = _SPACE.search(text, mark.end())
        start = before.end() if before else done
        done = after.start() if after else len(text)
        out += [Span(m.start(), m.end()) for m in _URL.finditer(text, start, done)]
    return out
