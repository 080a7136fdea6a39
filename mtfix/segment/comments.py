"""An HTML comment is never cut (seg-11): the sentences of a text holding comments are those of the text without
them, and a comment outside a sentence is a segment of its own (:func:`_comments_kept_whole`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate

from mtfix.caching import regexcache
from mtfix.model import Segment, Span
from mtfix.segment.markup import _code_elements, _stands_as_comment

# What may stand between two comments of one segment on a line (no line break).
_SAME_LINE = regexcache.compile(r"[^\S\r\n]*")
_OPEN_COMMENT = regexcache.compile(r"<!--")
_LINE_BREAK = regexcache.compile(r"[\r\n]")


def _comments_kept_whole(
    text: str, regions: Iterable[Span] | None, *, cuts: list[tuple[int, str]] | None,
    lower_starts: list[int] | None, jobs: int, split: Callable[..., list[Segment]],
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
    split from as a comment is, so that its ``!`` ends nothing, but no segment boundary.  ``split`` is
    :func:`~mtfix.segment.split_segments` (passed in: this module is imported by it)."""
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
    segs = split(view, view_regions, cuts=view_cuts, lower_starts=view_lower, jobs=jobs)
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
