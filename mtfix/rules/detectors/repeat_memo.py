"""The repeat scan's sites kept across keystrokes: the language server's document is scanned again only where the
edit changed it (session 52).

:func:`~mtfix.rules.detectors.repeat_scan.sites_of` reads white-space tokens.  A site is a token equal to one at most
``2 * MAX_N - 1`` tokens on (a word doubled before punctuation, a copy glued to a stop, a phrase's copy), or to the next
token that is not markup alone (a word repeated across tags); a glued copy is none before a column's spaces.  So the
text is cut into *pieces* at the end of each run of white space that holds a line break (or follows a sentence stop,
in a line longer than :data:`_LONG_LINE`), unless a tag may span the cut (:func:`_outside_tags`), and the pieces are
gathered into *chunks* of at least ``2 * MAX_N`` tokens, one of them a word, each ending after a piece picked by its
own text (a long one, or one in four by its hash), so that the chunks after an edit are mostly those before it.  A
site's tokens then lie in its chunk and the next one; a chunk is scanned with the next one, and what the scan finds
there is kept by the two chunks' texts and :func:`~mtfix.rules.detectors.repeat_scan.screened` of the whole text
(every sign compares tokens both present, so a part's scan finds what the whole text's finds there).  A phrase's
copies are the exception: where a run of equal tokens at one distance is reported depends on where its stretch
starts, any number of chunks before, so each chunk keeps its tokens' flags by distance, and the runs are looked for in
the flags of all chunks joined (:func:`~mtfix.rules.detectors.repeat_scan.run_sites`, C-speed).
``tests/rules/test_loop_sites_memo_s52.py`` compares the sites with a whole scan's after random chained edits.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Any

from mtfix.caching.bounded import SizedMemo
from mtfix.model import Document
from mtfix.rules.detectors.registry import Context
from mtfix.rules.detectors.repeat_scan import (
    MAX_N,
    _bare_tokens,
    _token_starts,
    _without_tags,
    markup_alone,
    run_sites,
    scanned,
    screened,
    sites_of,
)
from mtfix.text.tokens import MARKUP_TAG

#: the end of a run of white space holding a line break
_LINE_CUT = re.compile(r"[\r\n]\s*")
#: the end of a run of white space after a sentence stop (and its closing quotes or brackets): cut in a long line only
_STOP_CUT = re.compile(r"[.!?][\"'”’)\]]*\s+")
#: a line longer than this is cut at its sentence stops too (a paragraph pasted on one line)
_LONG_LINE = 2_000
_ANGLE = re.compile(r"[<>]")
#: the fewest tokens of a chunk (but the last): the most tokens a site reads after its own
_MIN_TOKENS = 2 * MAX_N


class LoopMemo:
    """The pieces' token counts and the chunks' scans, each store bounded by entries and characters."""

    def __init__(self, size: int = 50_000, chars: int = 2_000_000) -> None:
        self.pieces = SizedMemo(lambda key: _piece(key), size, weigh=lambda key: len(key[0]), budget=chars)
        self.chunks = SizedMemo(lambda key: _chunk_scan(key), size, weigh=lambda key: len(key[1]) + len(key[2]),
                                budget=chars)


#: a chunk's scan: its sites found by what follows them closely (offsets in the chunk) and its flags by distance
#: (one per token of the chunk, as the whole text's scan has them there)
Scan = tuple[list[int], tuple[bytes, ...]]


def _piece(key: tuple[str, bool]) -> tuple[int, bool]:
    """A piece's tokens as the scan reads them, and whether one of them is a word (not markup alone)."""
    low = _bare_tokens(_without_tags(*key))
    return len(low), not all(map(markup_alone, low))


def _chunk_scan(key: tuple[int, str, str, str]) -> Scan:
    """The scan of the chunk ``key[1]`` of ``key[0]`` tokens, read with the chunk after it, ``key[2]``."""
    count, chunk, after, screens = key
    scan, _, hits, by_distance = scanned(chunk + after, screens)
    near = sorted(i for i in hits if i < count)
    return (_token_starts(scan, near) if near else []), tuple(flags[:count] for flags in by_distance)


def loop_sites(doc: Document, ctx: Context) -> list[int]:
    """Character offsets near which a word or phrase repeats back to back (:func:`sites_of`, cached per document;
    with the language server's memo, ``ctx.memo``, the chunks the last keystroke left as they were are not scanned
    again: :func:`memoised_sites`).  ``repeat_scan._loop_sites`` until session 52."""
    cached = ctx.cache.get("loop_sites")
    if cached is not None:
        return cached  # type: ignore[return-value]  # the list stored below
    screens = screened(ctx.lower)
    sites = sites_of(ctx.lower, screens) if ctx.memo is None else memoised_sites(ctx.lower, screens, ctx.memo)
    ctx.cache["loop_sites"] = sites
    return sites


def memoised_sites(lower: str, screens: str, memo: Any) -> list[int]:
    """:func:`~mtfix.rules.detectors.repeat_scan.sites_of` of ``lower``, from ``memo`` (a
    :class:`~mtfix.segment.BlockMemo`) where the chunks were read before.  The runs of flags are looked for in the
    whole text's flags, joined (where a run is found depends on where its stretch starts, anywhere before).  When
    most chunks were not read before (a document opened), the whole text is scanned once and kept by chunk; a text
    whose chunks' keys (each chunk with the next: twice its length) outweigh the store is scanned whole each time."""
    store: LoopMemo = memo.stage("loop_sites", LoopMemo)
    if 2 * len(lower) > store.chunks.budget:  # its chunks' keys would empty the store on every call (review: 3-4x
        return sites_of(lower, screens)  # slower than one whole scan over 1 MB): scanned whole
    tags = "<" in screens
    chunks = _chunks(lower, tags, store)
    keys = [(count, lower[a:b], lower[b:chunks[k + 1][1]] if k + 1 < len(chunks) else "", screens)
            for k, (a, b, count) in enumerate(chunks)]
    missing = [k for k, key in enumerate(keys) if key not in store.chunks]
    if len(missing) > 2 and len(missing) * 2 > len(keys):
        _keep_whole(lower, screens, chunks, keys, missing, store)
    scans = [store.chunks[key] for key in keys]
    firsts = list(accumulate((count for _, _, count in chunks), initial=0))
    found = {a + at for (a, _, _), (near, _) in zip(chunks, scans, strict=True) for at in near}
    runs: dict[int, list[int]] = {}
    for i in run_sites([b"".join(scan[1][n] for scan in scans) for n in range(MAX_N)]):
        runs.setdefault(bisect_right(firsts, i) - 1, []).append(i)
    for k, indices in runs.items():
        a, b, _ = chunks[k]
        found.update(a + at for at in _token_starts(_without_tags(lower[a:b], tags), sorted(i - firsts[k] for i in indices)))
    return sorted(found)


def _keep_whole(lower: str, screens: str, chunks: list[tuple[int, int, int]], keys: list[tuple[int, str, str, str]],
                missing: list[int], store: LoopMemo) -> None:
    """The scans of the chunks ``missing``, cut from one scan of the whole text ``lower``."""
    scan, _, hits, by_distance = scanned(lower, screens)
    near = _token_starts(scan, sorted(hits)) if hits else []
    first = 0
    firsts = []
    for _, _, count in chunks:
        firsts.append(first)
        first += count
    for k in missing:
        a, b, count = chunks[k]
        at = firsts[k]
        store.chunks.put(keys[k], ([s - a for s in near[bisect_left(near, a):bisect_left(near, b)]],
                                   tuple(flags[at:at + count] for flags in by_distance)))


def _chunks(lower: str, tags: bool, store: LoopMemo) -> list[tuple[int, int, int]]:
    """``lower`` cut into chunks (the module's docstring), as ``(start, end, tokens)``."""
    n = len(lower)
    cuts = [m.end() for m in _LINE_CUT.finditer(lower)]
    if any(b - a > _LONG_LINE for a, b in zip([0, *cuts], [*cuts, n], strict=True)):
        cuts = sorted({*cuts, *(m.end() for a, b in zip([0, *cuts], [*cuts, n], strict=True) if b - a > _LONG_LINE
                                for m in _STOP_CUT.finditer(lower, a, b))})
    cuts = [c for c in cuts if c < n]
    if "<" in lower:
        cuts = _outside_tags(lower, cuts)
    chunks: list[tuple[int, int, int]] = []
    start = prev = tokens = 0
    word = False
    pieces = store.pieces
    for cut in [*cuts, n]:
        piece = lower[prev:cut]
        count, has_word = pieces[piece, tags]
        tokens += count
        word = word or has_word
        prev = cut
        if cut < n and tokens >= _MIN_TOKENS and word and (count >= _MIN_TOKENS or hash(piece) & 3 == 0):
            chunks.append((start, cut, tokens))
            start, tokens, word = cut, 0, False
    chunks.append((start, n, tokens))
    return chunks


def _outside_tags(lower: str, cuts: list[int]) -> list[int]:
    """The ``cuts`` no tag may span: not after a ``<`` and before a ``>`` with neither between, in the text, nor in
    the text with its tags blanked (:func:`~mtfix.rules.detectors.repeat_scan._without_tags`: a stray ``<`` before a
    tag and a ``>`` after it make one tag of the scan's)."""
    angles = [(m.start(), m.group()) for m in _ANGLE.finditer(lower)]
    tags = [(m.start(), m.end()) for m in MARKUP_TAG.finditer(lower)]
    starts = [a for a, _ in tags]
    stray = [(at, c) for at, c in angles if not ((k := bisect_right(starts, at) - 1) >= 0 and at < tags[k][1])]
    return [cut for cut in cuts if not (_spanned(angles, cut) or _spanned(stray, cut))]


def _spanned(angles: list[tuple[int, str]], cut: int) -> bool:
    """Whether the last of ``angles`` before ``cut`` is a ``<`` and the next one after it a ``>``."""
    i = bisect_left(angles, (cut, ""))
    return bool(i) and angles[i - 1][1] == "<" and i < len(angles) and angles[i][1] == ">"
