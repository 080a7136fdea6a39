"""Repeated words (``the the``) and repeated n-gram loops, a symptom of MT hallucination.

Both detectors share one cheap scan: the text is lower-cased and split on
white space once (each token compared without the inline markup around its
word), and for each distance n ≤ ``max_n`` the positions where a
word equals the word n places later are computed in C (``map(operator.eq)``
into bytes; for a long text numpy compares token numbers: :func:`_equal_flags`).  A loop of an n-word phrase shows as a run of n such positions;
only there are tokens and offsets computed in Python.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import count, islice, repeat
from operator import eq

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, FixSafety, Severity, Span
from mtfix.rules.detectors.markup_runs import _Markup, _markup_runs
from mtfix.rules.detectors.phrases import markup_of
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.tokens import ALNUM_WORD as _TOKEN
from mtfix.text.tokens import INVISIBLE_MARKS, LazyPattern, lower_same_length

_SPACE_SPLIT = regexcache.compile(r"\S+")
_CLAUSE_PUNCT = LazyPattern(r"[,;:.!?…]")
#: what else may sit between copies (quotes, brackets, line breaks...): the fix would delete it, so it is unsafe
_OTHER_MARK = LazyPattern(rf"[^ \t\u00a0\u202f,;:.!?…{INVISIBLE_MARKS}]")
MAX_N = 8
_MARK = r"<[^<>]*>|\{[^{}]*\}|&\w+;|[*_]"
#: the inline markup around a token's word, which the scan compares without ("the</i>",
#: "{\\an8}the", "*the*" are "the"; until session 13 "<i>the the</i>" was missed).  Punctuation
#: stays: "very, very, very" and "ylang ylang," are no loop of "very," or "ylang"
_EDGES = LazyPattern(rf"^(?:{_MARK})+|(?:{_MARK})+$")


def _bare(token: str) -> str:
    """``token`` without the inline markup around its word (itself if nothing is left)."""
    if not any(c in token for c in _MARK_CHARS):
        return token
    return _EDGES.sub("", token) or token


#: A tag with white space inside (``<font color="#f00">``, WebVTT's ``<v Roger>``, XLIFF's ``<g id="1">``), which
#: ``str.split`` cuts into tokens none of which is a whole tag
_SPACED_TAG = LazyPattern(r"<[\p{L}/][^<>\s\x1c-\x1f]*[\s\x1c-\x1f][^<>]*>")
#: white space as ``str.split`` cuts at (``\s`` and the separators U+001C..U+001F)
_TAG_SPACE = LazyPattern(r"[\s\x1c-\x1f]+")


def _close_tag_pieces(lower: str) -> str:
    """``lower`` with each tag that has white space inside cut into whole tags, one per token ("<font
    color=x>the" → "<font> <color=x>the"): the token after it is then its word with a tag before it, which
    :func:`_bare` strips (session 20: "<v Roger>The the talks" was missed, "roger>the" is no "the").  The
    number of white-space tokens does not change (each run of white space stays one run)."""
    if "<" not in lower:
        return lower
    return _SPACED_TAG.sub(lambda m: _TAG_SPACE.sub(lambda s: ">" + s.group() + "<", m.group()), lower)


def _bare_tokens(lower: str) -> list[str]:
    """``lower``'s white-space tokens, each without the inline markup around its word (:func:`_bare`; a tag
    with a space inside read as whole tags, :func:`_close_tag_pieces`).
    Only a token holding a markup character can change: those are found from the characters (each
    widened to its token as ``str.split`` cuts it), stripped once each, and the list is rebuilt only when
    one changed (news text holds none)."""
    lower = _close_tag_pieces(lower)
    low = lower.split()
    marked = _tokens_holding(lower, _MARK_CHARS)
    changed = {t: b for t in marked if not (t[0].isalnum() and t[-1].isalnum()) and (b := _bare(t)) != t}
    if any(c in lower for c in INVISIBLE_MARKS):  # "\ufeffthe the": the word without the mark before it
        # (and the markup inside the mark: "</b>\u200b" ends "<b>the</b>\u200b").  Only a token holding a mark
        # can change here: any other is stripped of its markup as above (session 28; until then every token)
        changed.update((t, b) for t in _tokens_holding(lower, INVISIBLE_MARKS)
                       if (b := _bare(t.strip(INVISIBLE_MARKS) or t).strip(INVISIBLE_MARKS) or t) != t)
    return list(map(changed.get, low, low)) if changed else low


def _tokens_holding(lower: str, chars: str) -> set[str]:
    """The white-space tokens of ``lower`` (as ``str.split`` cuts them) that hold one of ``chars``, each found
    from the character with ``str.find`` and widened to its token."""
    out: set[str] = set()
    for c in chars:
        at = lower.find(c)
        while at >= 0:
            i, j = at, at + 1
            while i > 0 and not lower[i - 1].isspace():
                i -= 1
            while j < len(lower) and not lower[j].isspace():
                j += 1
            out.add(lower[i:j])
            at = lower.find(c, j)
    return out


_MARK_CHARS = "<>{}&*_"  # what :func:`_bare` looks for


def _loop_sites(doc: Document, ctx: Context) -> list[int]:
    """Character offsets near which a word or phrase repeats back to back (cached per document)."""
    cached = ctx.cache.get("loop_sites")
    if cached is not None:
        return cached  # type: ignore[return-value]  # the list stored below
    low = _bare_tokens(ctx.lower)
    hits: set[int] = set()
    trailing, by_distance = _equal_flags(low)
    # a word doubled right before punctuation: "the the." ends a cue or a sentence; the second token
    # carries the punctuation, so it is compared without it (the first must have none: "very, very.")
    same = trailing
    i = same.find(1)
    while i >= 0:
        hits.add(i)
        i = same.find(1, i + 1)
    if any(c in ctx.lower for c in "<{*_~"):
        hits.update(_across_markup_sites(low))
    for n, same in enumerate(by_distance, 1):
        run = b"\x01" * n
        i = same.find(run)
        while i >= 0:
            hits.add(i)
            i = same.find(run, i + n)
    sites = _token_starts(doc.text, sorted(hits)) if hits else []
    ctx.cache["loop_sites"] = sites
    return sites


#: From this many tokens the comparisons of :func:`_equal_flags` run in numpy (about 0.05 s of map(eq) for a 1 MB
#: text against 0.03 s); from the smaller count only when numpy is loaded already (the detector's): importing
#: it costs more than a short text saves.
_NUMPY_TOKENS = 50_000
_NUMPY_TOKENS_LOADED = 2_000


def _equal_flags(low: list[str]) -> tuple[bytes, list[bytes]]:
    """Which tokens of ``low`` equal a later one, as bytes of 0 and 1: ``trailing[i]`` is whether ``low[i]`` is
    ``low[i + 1]`` without its :data:`_TRAILING` punctuation, ``by_distance[n - 1][i]`` whether ``low[i]`` is
    ``low[i + n]`` (n = 1 … :data:`MAX_N`).  A long text compares token numbers in numpy, each distinct token
    numbered by its first place (a string without a place is no token: -1); a short one the strings
    (``map(operator.eq)``), as before session 30: the same bytes either way."""
    if len(low) < _NUMPY_TOKENS and not (len(low) >= _NUMPY_TOKENS_LOADED and "numpy" in sys.modules):
        trailing = bytes(map(eq, low, map(str.rstrip, islice(low, 1, None), repeat(_TRAILING))))
        return trailing, [bytes(map(eq, low, islice(low, n, None))) for n in range(1, MAX_N + 1)]  # islice: no copy
    import numpy as np

    first: dict[str, int] = {}
    ids = np.fromiter(map(first.setdefault, low, count()), dtype=np.int64, count=len(low))
    bare = np.fromiter(map(first.get, map(str.rstrip, islice(low, 1, None), repeat(_TRAILING)), repeat(-1)),
                       dtype=np.int64, count=max(len(low) - 1, 0))
    return (ids[:-1] == bare).tobytes(), [(ids[:-n] == ids[n:]).tobytes() for n in range(1, MAX_N + 1)]


def _across_markup_sites(low: list[str]) -> list[int]:
    """The indices of the tokens of ``low`` (:func:`_bare_tokens`) whose word comes again after tokens that are markup
    only ("the <span class=x>the" → "the", "<span>", "<class=x>the"; session 21): :func:`repeated_word` looks at their
    segments (:func:`_across_markup`).  Nothing to do in a text whose tokens are all words (news text)."""
    pure = {t for t in set(low) if t[:1] in _MARK_CHARS and not _EDGES.sub("", t)}
    if not pure:
        return []
    words = [i for i, t in enumerate(low) if t not in pure]
    return [x for x, y in zip(words, islice(words, 1, None), strict=False) if y > x + 1 and low[x] == low[y]]


#: Punctuation after a word's second copy that :func:`_loop_sites` compares it without.
_TRAILING = ",;:.!?…\"'”’)]"

_SKIP = 256
#: ``_SKIP`` tokens of ``_SPACE_SPLIT`` and the white space after each: from a token's start to the start
#: of the token ``_SKIP`` places on (or the text's end), in one match.
_SKIP_TOKENS = LazyPattern(rf"(?:\S+\s+){{{_SKIP}}}")


def _token_starts(text: str, indices: list[int]) -> list[int]:
    """The offsets of the ``_SPACE_SPLIT`` tokens of ``text`` at ``indices`` (ascending), up to the first
    that does not exist; the tokens between are skipped without a Python step or a match object each.

    >>> _token_starts("  a bb  c d ", [0, 2, 3, 9])
    [2, 8, 10]
    """
    first = _SPACE_SPLIT.search(text)
    if first is None:
        return []
    out: list[int] = []
    pos, at = first.start(), 0  # ``at``: the index of the token that starts at ``pos``
    for i in indices:
        while i - at >= _SKIP and (m := _SKIP_TOKENS.match(text, pos)) is not None:
            pos, at = m.end(), at + _SKIP
        m = next(islice(_SPACE_SPLIT.finditer(text, pos), i - at, None), None)
        if m is None:
            break
        out.append(m.start())
        pos, at = m.start(), i
    return out


def _segments_with_sites(doc: Document, sites: list[int]) -> list[int]:
    """The segments that hold a site (a token's start), or that start inside its token: a token that begins with a
    block's markup ("<p>The", the segment starting at "The": HTML, session 28)."""
    starts = [s.start for s in doc.segments]
    found = set()
    for p in sites:
        k = bisect_right(starts, p) - 1
        found.add(k)
        if k + 1 < len(starts) and not any(c.isspace() for c in doc.text[p:starts[k + 1]]):
            found.add(k + 1)
    return sorted(i for i in found if i >= 0)


def _tokens(doc: Document, idx: int) -> list[tuple[int, int, str]]:
    seg = doc.segments[idx]
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(doc.text, seg.start, seg.end)]


#: What may part two copies of a word: spaces, tabs and the no-break spaces (seen as a space), with invisible marks
#: (:data:`~mtfix.text.tokens.INVISIBLE_MARKS`: a zero-width space, a word joiner, a BOM, a bidi control) anywhere in it,
#: but at least one space: "the\u200b the" reads "the the" (session 24), "the\u200bthe" reads as one word
_GAP = LazyPattern(rf"[{INVISIBLE_MARKS}]*[ \t\u00a0\u202f][ \t\u00a0\u202f{INVISIBLE_MARKS}]*")
#: the spaces of :data:`_GAP`, and those with the invisible marks
_SPACES = " \t\u00a0\u202f"
_BLANKS = _SPACES + INVISIBLE_MARKS


def _adjacent(doc: Document, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return _GAP.fullmatch(doc.text, a[1], b[0]) is not None


def same_word(a: str, b: str) -> bool:
    """Whether ``b`` is an accidental second copy of ``a``: the same spelling, or the
    same with only the first copy capitalised ("The the").  Copies that differ in
    case otherwise ("ß ẞ", "a A") are case variants shown side by side, not prose
    repeated by accident.

    >>> same_word("the", "the"), same_word("The", "the"), same_word("ß", "ẞ"), same_word("a", "A")
    (True, True, False, False)
    """
    if a == b:
        return True
    return a[:1].isupper() and b[:1].islower() and a[:1].lower() == b[:1] and a[1:] == b[1:]


@detector("repeated_word")
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
    for idx in _segments_with_sites(doc, _loop_sites(doc, ctx)):
        toks = _tokens(doc, idx)
        if marked:
            markup = markup if markup is not None else _markup_runs(text, markup_of(doc, ctx))
            yield from _across_markup(text, toks, markup, allowed, safe_words)
        i = 0
        while i + 1 < len(toks):
            j = i
            while j + 1 < len(toks) and toks[j + 1][2] == toks[i][2] and _adjacent(doc, toks[j], toks[j + 1]):
                j += 1
            copies = j - i + 1
            first, second = text[toks[i][0] : toks[i][1]], text[toks[j][0] : toks[j][1]]
            if (copies == 2 and toks[i][2] not in allowed and not toks[i][2].isdigit()
                    and same_word(first, second)):
                name = first[:1].isupper() and second[:1].isupper()
                deliberate = safe_words is not None and toks[i][2] not in safe_words
                yield Hit(toks[i][1], toks[j][1], "", message=f"'{first}' is repeated",
                          safety=FixSafety.UNSAFE if name or deliberate else None)
            i = j + 1


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
        name = first[:1].isupper() and second[:1].isupper()
        deliberate = safe_words is not None and a[2] not in safe_words
        safety = FixSafety.UNSAFE if name or deliberate else None
        message = f"'{first}' is repeated across inline markup"
        if trail:  # ``b`` stands outside the markup: remove it and the white space before it
            yield Hit(b[0] - trail, b[1], "", message=message, safety=safety)
        elif lead and first == second:  # ``a`` stands outside: remove it and the white space after it
            yield Hit(a[0], a[1] + lead, "", message=message, safety=safety)
        else:
            yield Hit(b[0], b[1], None, message=message)


def _formatting_gap(text: str, start: int, end: int, markup: _Markup) -> tuple[int, int] | None:
    """When ``text[start:end]`` is white space (no line break) and inline formatting only, with some of each: the
    lengths of the white space at its start and at its end; else None."""
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


_COORDINATED = regexcache.compile(r"(?<![\p{L}\p{N}'’-])(?P<w>\p{L}{3,})(?P<sep>[ \t]+and[ \t]+|,[ \t]+)(?P=w)(?![\p{L}\p{N}'’-])",
                             regex.IGNORECASE)


# A separator of _COORDINATED that starts right after a letter: every match of _COORDINATED begins at the letter
# run ending there, so the pattern is tried only at those run starts.  Found as the spans of
# ``(?<=\p{L})(?:[ \t]+(?i:and)[ \t]+|,[ \t]+)`` tried at every position (``finditer(overlapped=True)``, up to
# session 35), now by a scan for each kind in C: a comma's literal in the text, "and"'s in the document's lower case
# of the same length (only "a", "A" lower-case to "a", and likewise "n", "d": checked over every code point).
_COMMA_SEP = re.compile(r",[ \t]+")
_AND_SEP = re.compile(r"and(?=[ \t])")
_BLANKS_AFTER = re.compile(r"[ \t]*")
_LETTER = regex.compile(r"\p{L}")  # the regex module's letters (its Unicode is newer than str.isalpha's)


def _after_letter(text: str, i: int) -> bool:
    """Whether ``text[i - 1]`` is a letter as ``(?<=\\p{L})`` reads it."""
    c = text[i - 1] if i > 0 else ""
    return c.isalpha() if c.isascii() else _LETTER.match(c) is not None


def _coordinated_separators(text: str, lower: str) -> list[tuple[int, int]]:
    """The spans, in order, of the separators of :data:`_COORDINATED` that start right after a letter: a comma and
    the white space after it, or white space, "and" in any case and white space (``lower``: ``text`` lower-cased,
    of the same length)."""
    seps = [m.span() for m in _COMMA_SEP.finditer(text) if _after_letter(text, m.start())]
    ands = []
    for m in _AND_SEP.finditer(lower):
        k = m.start()
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k < m.start() and _after_letter(text, k):
            ands.append((k, _BLANKS_AFTER.match(text, m.end()).end()))
    return sorted(seps + ands) if ands else seps


def _coordinated_matches(text: str, lower: str | None = None) -> Iterable[regex.Match]:
    """The matches of ``_COORDINATED.finditer(text)``, found faster (``lower``: ``text`` lower-cased, of the same
    length, as :attr:`Context.lower`; made here when not given)."""
    if lower is None or len(lower) != len(text):
        lower = lower_same_length(text)
    last_end = 0
    for start, stop in _coordinated_separators(text, lower):
        end = k = start
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if end - k < 3 or k < last_end:
            continue
        # the copy after the separator is the word again, case aside: for an ASCII word before an ASCII copy,
        # ``(?i)`` is the lower case (``ſ``, ``K`` are no ASCII), so a word whose copy differs cannot match
        word, after = text[k:end], text[stop:stop + end - k]
        if word.isascii() and after.isascii() and word.lower() != after.lower():
            continue
        m = _COORDINATED.match(text, k)
        if m is not None:
            last_end = m.end()
            yield m


_WORD_BEFORE = LazyPattern(r"(\p{L}+)[ \t]+$")
_WORD_AFTER = LazyPattern(r"[ \t]+(\p{L}+)")


def _chiasmus(text: str, start: int, end: int) -> bool:
    """Whether the pair at ``text[start:end]`` is mirrored: the word before it is the word after it
    ("investment *for* jobs and jobs *for* investment").

    >>> t = "aid for growth and growth for trade"
    >>> _chiasmus(t, t.index("growth"), t.rindex("growth") + 6), _chiasmus("care and care for all", 0, 13)
    (True, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end)
    return before is not None and after is not None and same_word(before.group(1), after.group(1))


_NEXT_COPY = LazyPattern(r"(?:[ \t]+(?i:and)[ \t]+|,[ \t]+)(\p{L}+)")
_PREV_COPY = LazyPattern(r"(\p{L}+)(?:[ \t]+(?i:and)[ \t]+|,[ \t]+)$")
#: Words that open a free relative clause, whose predicate may repeat its verb: "Whatever happens,
#: happens", "Whoever wins, wins".
_FREE_RELATIVE = frozenset({"whatever", "whoever", "whichever", "whenever", "wherever", "what", "who"})


def _in_run(text: str, start: int, end: int, word: str) -> bool:
    """Whether the pair at ``text[start:end]`` is part of three or more copies ("ding, ding, ding").

    >>> t = "Ding, ding, ding, went the bell"
    >>> _in_run(t, 0, 10, "Ding"), _in_run("care and care for all", 0, 13, "care")
    (True, False)
    """
    after = _NEXT_COPY.match(text, end)
    before = _PREV_COPY.search(text, max(0, start - 40), start)
    return any(x is not None and same_word(word.lower(), x.group(1).lower()) for x in (after, before))


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


def _free_relative(text: str, start: int) -> bool:
    """Whether the word before the pair at ``start`` opens a free relative ("Whatever happens, happens").

    >>> _free_relative("Whatever happens, happens.", 9), _free_relative("young, young teachers", 0)
    (True, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in _FREE_RELATIVE


@detector("coordinated_repeat")
def coordinated_repeat(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``compassion and compassion``, ``inexperienced, inexperienced youth``: a word
    coordinated with itself, where the source had two near-synonyms and MT gave one
    word twice.  English repeats on purpose too ("again and again", "more and more",
    "bigger and bigger", "years and years", "very, very"): ``params.allowed`` lists
    such words, and comparatives in -er are left alone.  A name on both sides of a comma
    ends one phrase and starts the next ("after talks with Georgia, Georgia signed"), and a
    mirrored pair is deliberate ("aid for growth and growth for trade").  The fix keeps one copy (unsafe:
    the lost synonym may matter)."""
    allowed = {w.lower() for w in rule.params.get("allowed", [])}
    text = doc.text
    if " and " not in ctx.lower and ", " not in text:
        return
    for m in _coordinated_matches(text, ctx.lower):
        w = m.group("w")
        low = w.lower()
        second = text[m.end("sep") : m.end()]
        if low in allowed or low.endswith("er") or not same_word(w, second):
            continue
        seg = doc.segment_at(m.start())
        if seg is None:
            continue
        if "," in m.group("sep") and w[:1].isupper() and (second[:1].isupper()
                                                            or _inside_name(text, seg.start, m.start())):
            # "… with Georgia, Georgia signed": a name ending one phrase and starting the next; "the
            # Champions League, league officials said": a name's last word, then a common noun (session 11)
            continue
        if _action_went_on(text, m.start(), m.end(), m.group("sep"), low):
            continue  # "She knocked and knocked", "kept digging and digging": the action went on (session 14)
        if _inside_name(text, seg.start, m.start()) and _opens_clause(text, m.end(), "," in m.group("sep")):
            # "farming was disrupted, farming will take a year", "queried Hasanov and Hasanov was asked": the
            # second copy is the subject of the next clause, not a synonym of the first (session 14)
            continue
        if _chiasmus(text, m.start(), m.end()):
            continue  # "trade for growth and growth for trade": a mirrored pair, on purpose
        if _in_run(text, m.start(), m.end(), w):
            continue  # "Ding, ding, ding": three or more copies are a loop (MTF106's), not a lost synonym
        if "," in m.group("sep") and _free_relative(text, m.start()):
            continue  # "Whatever happens, happens": a free relative and its predicate
        if "," in m.group("sep") and utterance(doc, m.start(), m.end(), markup_of(doc, ctx)):
            continue  # "Sorry, sorry!", "Okay, okay.": a word said twice as an utterance, in dialogue
        if "," in m.group("sep") and low in _FALSE_START_WORDS:
            continue  # "And the, the river", "said that, that nobody": a false start in speech (session 21)
        yield Hit(m.start(), m.end(), w, message=f"'{w}' coordinated with itself: a synonym may be lost",
                  suggestions=(w,))


#: Closed-class words (articles, prepositions, pronouns, conjunctions, auxiliaries): no language pairs them
#: as near-synonyms, so one said twice after a comma is a false start in speech, as a verbatim transcript
#: keeps it ("And the, the river", "she said that, that nobody came", "they were, were told"), not a
#: lost synonym (session 21).  Words of one or two letters never reach the rule.
_FALSE_START_WORDS = frozenset({
    "the", "and", "but", "nor", "for", "from", "with", "into", "onto", "over", "under", "via", "than", "about",
    "this", "that", "these", "those", "its", "his", "her", "their", "our", "your", "they", "she", "you", "him",
    "them", "who", "whom", "whose", "which", "what", "when", "where", "while", "because", "although", "though",
    "was", "were", "are", "has", "have", "had", "does", "did", "will", "would", "could", "should", "can",
    "must", "shall", "might", "not",
})
#: Auxiliaries and modals: after the second copy and a comma they show it is the subject of a new clause.
_CLAUSE_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "shall",
                           "should", "can", "could", "may", "might", "must", "does", "did"})
#: Singular auxiliaries: after "X and X" they show the second copy alone is the subject, since a
#: coordinated subject takes a plural verb ("its members and members are" stays flagged).
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})


#: Before an action repeated to say it went on: its subject pronoun, a perfect's auxiliary, or "kept" ("She
#: knocked and knocked", "I've looked and looked", "kept digging and digging").
_WENT_ON_BEFORE = frozenset({"i", "you", "he", "she", "it", "we", "they", "kept", "keep", "keeps", "keeping",
                             "have", "has", "had", "ve", "d"})
#: After it: the clause's end, or a word that goes on to what happened then ("... and walked until dawn").
_WENT_ON_AFTER = frozenset({"until", "till", "but", "and", "all", "for"})
_CLAUSE_END = frozenset(",;:.!?…—–-)\"”")


def _action_went_on(text: str, start: int, end: int, sep: str, low: str) -> bool:
    """Whether a verb in "-ed" or "-ing" is repeated with "and" (no comma) to say the action went on: its
    subject pronoun, "have" or "kept" before it, the clause's end or "until", "but" ... after it ("She knocked and
    knocked, but ...", "kept digging and digging until dawn"; session 14, narrowed in session 15).  Not
    after an adverb or a noun, nor before an object or a preposition: that is the lost synonym MT gives
    ("have been steadily upgraded and upgraded", "has learned and learned from", "tiring and tiring?").

    >>> t = "She knocked and knocked, but ... Ties were upgraded and upgraded since May."
    >>> _action_went_on(t, 4, 23, " and ", "knocked"), _action_went_on(t, 43, 64, " and ", "upgraded")
    (True, False)
    """
    if "," in sep or not low.endswith(("ed", "ing")):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group(1).lower() not in _WENT_ON_BEFORE:
        return False
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    if k == len(text) or text[k] in _CLAUSE_END:
        return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).lower() in _WENT_ON_AFTER


def _opens_clause(text: str, end: int, comma: bool) -> bool:
    """Whether the word after ``end`` shows that the word before it opens a clause: an auxiliary or a
    modal after a comma, a singular auxiliary after "and".

    >>> _opens_clause("and trust is hard", 9, False), _opens_clause("and members are many", 11, False)
    (True, False)
    >>> _opens_clause(", fasting should end", 9, True), _opens_clause("young, young teachers", 12, True)
    (True, False)
    """
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).lower() in (_CLAUSE_VERBS if comma else _SINGULAR_VERBS)


def _inside_name(text: str, seg_start: int, start: int) -> bool:
    """Whether the capitalised word at ``start`` follows a word of its segment (from ``seg_start``) in
    mid-sentence (so its capital is a name's, not a sentence's): "the Champions League", not "Young, young
    teachers", nor a subtitle cue's first word after the protected timing line (session 13)."""
    k = start
    while k > seg_start and text[k - 1].isspace():
        k -= 1
    return k > seg_start and text[k - 1].isalnum()


@detector("repeated_ngram")
def repeated_ngram(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """The same n words repeated back to back: ``min_copies`` times for single
    words and short n-grams, twice for n-grams of ``long_n`` words or more.

    The fix keeps one copy.  It is lowered to unsafe when the loop may be
    deliberate: a phrase repeated only twice, copies separated by clause
    punctuation ("ding, ding, ding") unless there are ``safe_punctuated_copies``
    or more, words in ``params.allowed`` ("ha ha ha"), and copies whose words are all
    capitalised (a title or a name: "Cha Cha Cha", "New York, New York").  Punctuated copies
    below that count are also reported as minor, not as the rule's severity.
    """
    max_n = min(int(rule.params.get("max_n", MAX_N)), MAX_N)
    min_copies = int(rule.params.get("min_copies", 3))
    long_n = int(rule.params.get("long_n", 4))
    punct_copies = int(rule.params.get("safe_punctuated_copies", 0)) or None
    allowed = {w.lower() for w in rule.params.get("allowed", [])}
    for idx in _segments_with_sites(doc, _loop_sites(doc, ctx)):
        toks = _tokens(doc, idx)
        words = [t[2] for t in toks]
        i = 0
        while i < len(words):
            found = None
            for n in range(1, max_n + 1):
                if i + 2 * n > len(words):
                    break
                copies = 1
                while words[i + copies * n : i + (copies + 1) * n] == words[i : i + n]:
                    copies += 1
                if copies >= (2 if n >= long_n else min_copies):
                    found = (n, copies)
                    break
            if not found:
                i += 1
                continue
            n, copies = found
            if n == 1 and not all(same_word(doc.text[toks[i][0]:toks[i][1]], doc.text[toks[k][0]:toks[k][1]])
                                  for k in range(i + 1, i + copies)):
                i += copies  # case variants side by side ("ß ẞ ß"), not a loop
                continue
            start, end = toks[i][0], toks[i + copies * n - 1][1]
            keep_end = toks[i + n - 1][1]
            phrase = doc.text[start:keep_end]
            punctuated = _CLAUSE_PUNCT.search(doc.text, start, end) is not None and (
                punct_copies is None or copies < punct_copies)
            # every word of the copies after the first capitalised (the first may open the sentence)
            name = all(doc.text[toks[k][0]].isupper() for k in range(i + n, i + copies * n))
            marked = any(_OTHER_MARK.search(doc.text, toks[k][1], toks[k + 1][0]) for k in range(i, i + copies * n - 1))
            if n == 1 and punctuated and (words[i] in allowed or utterance(doc, start, end, markup_of(doc, ctx))):
                # "No, no, no.", "Go, go, go!", "very, very, very": a word repeated for emphasis (session 13)
                i += copies
                continue
            if n == 1 and not punctuated and copies < (punct_copies or 5) and emphatic_opening(doc, start, end, markup_of(doc, ctx)):
                # "Location location location: ...", "wow wow wow.": a sentence opened by a word said
                # three or four times for emphasis (session 14)
                i += copies
                continue
            vocable = n == 1 and words[i] in allowed
            deliberate = punctuated or marked or (n > 1 and copies < 3) or vocable or name
            yield Hit(
                start, end, phrase, message=f"'{phrase}' is repeated {copies} times in a row (a translation loop)",
                safety=FixSafety.UNSAFE if deliberate else None,
                # "Na na na na", "hey hey hey", "ha ha ha": vocables and interjections looped on purpose in
                # songs, laughter and dialogue carry no content a loop could lose (session 21)
                severity=Severity.MINOR if punctuated or vocable else None,
            )
            i += copies * n
