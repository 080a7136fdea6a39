"""The cheap scan the repetition detectors share: where a word or a phrase comes again back to back.

The text is lower-cased and split on white space once (each tag read as white space, :func:`_without_tags`; each
token compared without the inline markup around its word), and for each distance n ≤ :data:`MAX_N` the positions
where a word equals the word n places later are computed in C (``map(operator.eq)`` into bytes; for a long text
numpy compares token numbers: :func:`_equal_flags`).
A loop of an n-word phrase shows as a run of n such positions; only there are tokens and offsets computed in Python
(:func:`~mtfix.rules.detectors.repeat_memo.loop_sites`, cached per document), and the detectors read only the segments that hold one
(:func:`_segments_with_sites`).  Moved out of ``repetition.py`` in session 38.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from itertools import count, islice, repeat
from operator import eq

from mtfix.caching import regexcache
from mtfix.model import Document
from mtfix.text.tokens import ALNUM_WORD as _TOKEN
from mtfix.text.tokens import CODE_SPAN as _CODE_SPAN
from mtfix.text.tokens import INVISIBLE_MARKS, MARKUP_TAG, LazyPattern

#: A token as ``str.split`` cuts them: ``regex``'s ``\s`` leaves out the ASCII separators ``\x1c``-``\x1f`` that
#: ``str.split`` cuts at, so a site's offset drifted a token at each (session 52's review: MTF105 missed after one)
TOKEN, GAP = r"[^\s\x1c-\x1f]+", r"[\s\x1c-\x1f]+"
_SPACE_SPLIT = regexcache.compile(TOKEN)
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


def _without_tags(lower: str, tags: bool | None = None) -> str:
    """``lower`` with each tag (:data:`~mtfix.text.tokens.MARKUP_TAG`) blanked out, same length: a word glued to a
    tag is a token of its own, as the segments read it (session 42: ``<p>Intro</p><p>The the cat</p>`` and
    ``line.<br>The the`` were one token ``intro</p><p>the``, ``line.<br>the``, and the doubled word was never looked
    at).  Only where the scan looks: the detectors read the segments themselves (a word glued to a tag,
    ``the<b>the</b>``, is no copy there).  A text without ``<`` is itself (``tags``: whether the whole text ``lower``
    is part of holds one, when that is not ``lower`` itself: its runs of invisible marks are blanked then too).

    >>> _without_tags("<p>intro</p><p>the the cat.</p> a < b")
    '   intro       the the cat.     a < b'
    >>> _without_tags("read <b>the</b>\u200b the") == "read    the    " + "  the"
    True
    """
    if not ("<" in lower if tags is None else tags):
        return lower
    blank = MARKUP_TAG.sub(lambda m: " " * len(m.group()), lower)
    # invisible marks left alone between blanks ("<b>the</b>\u200b the": a token of its own between the copies)
    return _LONE_MARKS.sub(lambda m: " " * len(m.group()), blank) if any(c in blank for c in INVISIBLE_MARKS) else blank


#: a run of invisible marks that stands as a white-space token of its own (:func:`_without_tags`)
_LONE_MARKS = regexcache.compile(r"(?<!\S)[" + re.escape(INVISIBLE_MARKS) + r"]+(?!\S)")


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


def screened(lower: str) -> str:
    """What the scan asks of the whole text once: which of ``<{*_~`` it holds.  Any of them: a word repeated across
    tokens of markup alone is looked for (:func:`_across_markup_sites`); ``<``: the runs of invisible marks between
    blanks are blanked (:func:`_without_tags`)."""
    return "".join(c for c in "<{*_~" if c in lower)


def sites_of(lower: str, screens: str) -> list[int]:
    """The sites (:func:`~mtfix.rules.detectors.repeat_memo.loop_sites`) of the lower-cased text ``lower``, computed; ``screens``: :func:`screened` of the whole
    text ``lower`` is part of (``lower`` itself, or a part the language server's memo reads alone)."""
    scan, _, hits, by_distance = scanned(lower, screens)
    hits.update(run_sites(by_distance))
    return _token_starts(scan, sorted(hits)) if hits else []


def scanned(lower: str, screens: str) -> tuple[str, list[str], set[int], list[bytes]]:
    """The scan of ``lower`` (:func:`sites_of`): the text with its tags blanked, its tokens, the indices of the tokens
    that are sites by what follows them closely (a word doubled before punctuation, a word repeated across markup, a
    copy glued to a stop), and :func:`_equal_flags`' flags by distance, whose runs :func:`run_sites` reads."""
    scan = _without_tags(lower, "<" in screens)
    low = _bare_tokens(scan)
    hits: set[int] = set()
    trailing, by_distance = _equal_flags(low)
    # a word doubled right before punctuation: "the the." ends a cue or a sentence; the second token
    # carries the punctuation, so it is compared without it (the first must have none: "very, very.")
    same = trailing
    i = same.find(1)
    while i >= 0:
        hits.add(i)
        i = same.find(1, i + 1)
    if screens:
        hits.update(_across_markup_sites(low))
    glued = _glued_copy_sites(low)
    if glued:
        hits.update(i for i, at in zip(glued, _token_starts(scan, glued), strict=False) if not _column_after(lower, at))
    return scan, low, hits, by_distance


def run_sites(by_distance: list[bytes]) -> set[int]:
    """The tokens where a phrase of n words repeats right after (a run of n flags at distance n), each run read from
    the end of the one found before: where a run is found depends on where its stretch of flags starts."""
    hits: set[int] = set()
    for n, same in enumerate(by_distance, 1):
        run = b"\x01" * n
        i = same.find(run)
        while i >= 0:
            hits.add(i)
            i = same.find(run, i + n)
    return hits


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
    pure = {t for t in set(low) if markup_alone(t)}
    if not pure:
        return []
    words = [i for i, t in enumerate(low) if t not in pure]
    return [x for x, y in zip(words, islice(words, 1, None), strict=False) if y > x + 1 and low[x] == low[y]]


def markup_alone(token: str) -> bool:
    """Whether the bare token (:func:`_bare_tokens`) is markup alone ("<span>", "**", "&nbsp;"), no word."""
    return token[:1] in _MARK_CHARS and not _EDGES.sub("", token)


#: A white-space token whose last word is glued to a sentence's stop before it ("left.in", "ended.the"): that word
#: (group 1) is the one a copy right after the token repeats
_GLUED_TAIL = LazyPattern(r"\p{L}[.!?]+[\"'”’)\]]*(\p{L}+)$")


def _glued_copy_sites(low: list[str]) -> list[int]:
    """The indices of the tokens of ``low`` whose last word, glued to a full stop, comes again right after ("he
    left.in in"; a phrase's too, "ended.in the in the", though MTF106 reports two copies of a short phrase nowhere,
    glued or not: "ended in the in the" neither, so nothing is found there, session 49 review): the white-space tokens compare "left.in" with "in" and
    miss the copy, so its sentence was read only when another repeat in the document named it (session 49: the
    whole check's findings there hung on text elsewhere).  Only a stop between letters: "n(n + 1)" and "O-O O-O-O"
    stay unread, as before.  Only a glued sentence (:func:`glued_token`): "report.pdf pdf", "example.com com",
    "java.lang.string string" stay unread (session 49 review).  A text without a glued stop costs one pass over its
    tokens.

    >>> _glued_copy_sites(["he", "left.in", "in", "readme.md", "md", "files", "visit", "example.com", "com"])
    [1]
    """
    out: list[int] = []
    for i in [i for i, t in enumerate(low) if "." in t or "!" in t or "?" in t]:
        m = _GLUED_TAIL.search(low[i])
        if m is None or not glued_token(low[i]):
            continue
        words = [m.group(1), *low[i + 1:i + 2 * MAX_N]]
        for n in range(1, MAX_N + 1):
            if len(words) < 2 * n:
                break
            if words[:n] == [*words[n:2 * n - 1], words[2 * n - 1].rstrip(_TRAILING)]:
                out.append(i)
                break
    return out


#: punctuation around a white-space token's words ("(left.in", "ended.the,")
_TOKEN_EDGES = "\"'“”‘’()[]{}<>*_,;:"


def glued_token(token: str) -> bool:
    """Whether the white-space ``token`` is a sentence glued to its stop ("left.in", "(ended.the"): its words are a
    :func:`~mtfix.text.tokens.glued_sentence`, and it holds no URL, e-mail address or domain name
    (:func:`~mtfix.segment.protected.find_protected_spans`: "example.com").  What the repeat screen and MTF105 read
    a copy glued to a stop by (session 49 review: file names, dotted names and domains were read as sentences).

    >>> [glued_token(t) for t in ("left.in", "example.com", "readme.md", "~/.config/app/settings.json")]
    [True, False, False, False]
    """
    from mtfix.segment.protected import find_protected_spans
    from mtfix.text.tokens import glued_sentence

    word = token.strip(_TOKEN_EDGES)
    return glued_sentence(word) and not find_protected_spans(word)


def glued_to_code(text: str, start: int, gap: str) -> bool:
    """Whether the word at ``start`` is glued to a stop before it in a token that is no sentence glued to its stop
    (:func:`glued_token`: "README.md", "example.com"), or glued to one and followed by ``gap``, a column's run of
    spaces ("report.pdf    pdf"): a copy of that word after it is no word written twice (session 49 review)."""
    if start == 0 or text[start - 1] not in ".!?":
        return False
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = start
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return not glued_token(text[lo:hi].lower()) or "  " in gap or "\t" in gap


def _column_after(text: str, at: int) -> bool:
    """Whether the white-space token at ``at`` is followed by two spaces or more, or a tab: a table's column
    ("report.pdf    pdf"), not prose."""
    m = _SPACE_SPLIT.match(text, at)
    end = m.end() if m is not None else at
    return text.startswith("  ", end) or text.startswith("\t", end)


#: Punctuation after a word's second copy that :func:`sites_of` compares it without.
_TRAILING = ",;:.!?…\"'”’)]"

_SKIP = 256
#: ``_SKIP`` tokens of ``_SPACE_SPLIT`` and the white space after each: from a token's start to the start
#: of the token ``_SKIP`` places on (or the text's end), in one match.
_SKIP_TOKENS = LazyPattern(rf"(?:{TOKEN}{GAP}){{{_SKIP}}}")


def _token_starts(text: str, indices: list[int]) -> list[int]:
    """The offsets of the :data:`_SPACE_SPLIT` tokens of ``text`` at ``indices`` (ascending), up to the first that does
    not exist; the tokens between are skipped (:data:`_SKIP_TOKENS`: :data:`_SKIP` of them at once) without a Python
    step or a match object each.  (Session 49: the token and skipping patterns were parameters no caller passed, their
    defaults bound when the module loaded, so a test that set ``_SKIP`` and ``_SKIP_TOKENS`` skipped with the old
    pattern; they are the module's constants, read when called.)

    >>> _token_starts("  a bb  c d ", [0, 2, 3, 9])
    [2, 8, 10]
    """
    token, skip = _SPACE_SPLIT, _SKIP_TOKENS
    first = token.search(text)
    if first is None:
        return []
    out: list[int] = []
    pos, at = first.start(), 0  # ``at``: the index of the token that starts at ``pos``
    for i in indices:
        while i - at >= _SKIP and (m := skip.match(text, pos)) is not None:
            pos, at = m.end(), at + _SKIP
        m = next(islice(token.finditer(text, pos), i - at, None), None)
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


def in_code_span(doc: Document, idx: int, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` lies inside a span in backticks of segment ``idx`` ("`code the the`"): code
    written in prose, not prose, which the repetition detectors leave alone as Markdown's protected code spans are
    (session 48; until then plain text got a safe fix inside the backticks).  Read from the segment only."""
    seg = doc.segments[idx]
    if "`" not in doc.text[seg.start:seg.end]:
        return False
    return any(m.start() < start and end < m.end() for m in _CODE_SPAN.finditer(doc.text, seg.start, seg.end))


def _tokens(doc: Document, idx: int) -> list[tuple[int, int, str]]:
    seg = doc.segments[idx]
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(doc.text, seg.start, seg.end)]


def cells_apart(text: str, start: int, end: int) -> bool:
    """Whether a tab stands in ``text[start:end]``, the gap between two copies: they are two cells of a table written
    with tabs ("bread\\tthe\\tthe milk"), not a word doubled in prose, and removing one would remove a cell (session 48;
    until then the fix merged the cells).  Prose parts its words with spaces."""
    return "\t" in text[start:end]


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
