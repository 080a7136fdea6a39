"""Checking an edited document again: each checker's segment-scope codes run on the changed segments only.

A check of a whole document (:meth:`mtfix.pipeline.Pipeline.check`) keeps each checker's own findings
(:class:`Checked`).  After an edit, :func:`recheck` reuses the findings of the segments the edit left as they were
(shifted by what the edit added), runs the codes whose findings depend on one segment (``Scope.SEGMENT``) on the
changed segments, those that read the segments beside (``Scope.NEIGHBOURS``) on the changed segments' neighbours too,
and the document-scope codes on the whole document; the pipeline's own :meth:`~mtfix.pipeline.Pipeline.finish` makes
the result.  Which code runs where is :func:`mtfix.checker_registry.scope_of`'s answer, nowhere else.  A checker
that declares nothing, provides annotations or cannot run its document-scope codes apart (no
``check_document_codes``) runs on the whole document as before.  The result is the whole check's
(``tests/lsp/test_lsp_edits_s46.py`` and ``tests/lsp/test_lsp_segments_s48.py`` compare them through an editor).

>>> from mtfix.config import Config
>>> from mtfix.pipeline import Pipeline
>>> pipeline = Pipeline(Config(grammar="off"))
>>> first = check_kept(pipeline, pipeline.document("It rained. The the vote was held."))
>>> again = recheck(pipeline, pipeline.document("It rained all day. The the vote was held."), first)
>>> [(f.code, again.result.document.text[f.start:f.end]) for f in again.result.findings]
[('MTF105', ' the')]
>>> again.rerun
(0,)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from mtfix.checker_registry import scope_of
from mtfix.findings import moved_finding
from mtfix.model import Checker, Document, Finding, Scope
from mtfix.pipeline import Pipeline
from mtfix.pipeline_results import CheckResult


@dataclass(frozen=True)
class Checked:
    """A check kept for the next one: its ``result``, each checker's own findings (``found``, in the pipeline's
    order, before the selection, the filters and the merging) and the segments checked again (``rerun``: all of
    them for a whole check)."""

    result: CheckResult
    found: tuple[tuple[Finding, ...], ...]
    checkers: tuple[Checker, ...]
    rerun: tuple[int, ...]


def check_kept(pipeline: Pipeline, doc: Document) -> Checked:
    """``doc`` checked whole, its checkers' findings kept for :func:`recheck`."""
    found, stats, annotations = pipeline.run_checkers(doc)
    result = pipeline.finish(doc, [f for fs in found for f in fs], stats, annotations)
    return Checked(result, tuple(map(tuple, found)), tuple(pipeline.checkers),
                   tuple(range(len(doc.segments))))


def recheck(pipeline: Pipeline, doc: Document, previous: Checked | None) -> Checked:
    """``doc`` checked, reusing ``previous`` (the check of the text before an edit) for the segments the edit left
    alone: the same findings as :func:`check_kept` (a whole check) gives."""
    if (previous is None or len(previous.checkers) != len(pipeline.checkers)
            or any(a is not b for a, b in zip(previous.checkers, pipeline.checkers, strict=True))):
        return check_kept(pipeline, doc)
    old = previous.result.document
    same = unchanged_segments(old, doc)
    changed = [i for i in range(len(doc.segments)) if i not in same]
    by_checker = dict(zip(map(id, pipeline.checkers), previous.found, strict=True))  # the same checkers
    stable = {i: j for i, j in same.items() if _neighbours_stable(i, j, same, len(doc.segments), len(old.segments))}

    def run(checker: Checker, doc: Document, annotations: Mapping[str, Any]) -> list[Finding]:
        return _run(checker, doc, annotations, old, by_checker[id(checker)], (same, stable))

    found, stats, annotations = pipeline.run_checkers(doc, run)
    result = pipeline.finish(doc, [f for fs in found for f in fs], stats, annotations)
    return Checked(result, tuple(map(tuple, found)), previous.checkers, tuple(changed))


class _Scopes(dict):
    """:func:`~mtfix.checker_registry.scope_of` ``checker``'s codes, each asked once."""

    def __init__(self, checker: Checker):
        super().__init__()
        self.checker = checker

    def __missing__(self, code: str) -> Scope:
        found = self[code] = scope_of(self.checker, code)
        return found


def local_findings(checker: Checker, doc: Document, chosen: Iterable[int],
                   scopes: Mapping[str, Scope] | None = None) -> list[Finding]:
    """The findings of ``checker``'s segment-scope codes in the segments ``chosen`` (indices into
    ``doc.segments``) and of its neighbours-scope codes there, read with the segments beside them: what a check
    of the whole document finds there, with the document's offsets.  Its document-scope codes are not run.

    The checker reads the part of the document from the paragraph (``meta["regions"]``) of the segment before the
    first chosen one's neighbour to that of the segment after the last one's, with the document's reading of it
    (:func:`excerpt`), or the whole text with only those segments when the document's ``meta`` holds what cannot be
    cut."""
    scopes = _Scopes(checker) if scopes is None else scopes
    picked = set(chosen)
    if not picked:
        return []
    segments = doc.segments
    first, last = max(min(picked) - 2, 0), min(max(picked) + 2, len(segments) - 1)
    lo, hi = _paragraph_bounds(doc, segments[first].start, segments[last].end)
    part = excerpt(doc, lo, hi)
    if part is None:
        near = picked | {j for i in picked for j in (i - 1, i + 1) if 0 <= j < len(segments)}
        part, lo = replace(doc, segments=[segments[i] for i in sorted(near)]), 0
    run = getattr(checker, "check_local", None)
    out = run(part) if callable(run) else checker.check(part, {})
    kept = []
    for f in out:
        seg = part.segment_at(f.start)
        if seg is not None and seg.index in picked and scopes[f.code] is not Scope.DOCUMENT:
            kept.append(moved_finding(f, lo, seg.index))
    return kept


def _paragraph_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened to the paragraphs (``meta["regions"]``) they fall in, or to the lines they fall in
    when the document has no regions (plain text: session 48, round 18's review; a cut at a sentence's end read as
    the text's end, and "arrived.." was a doubled stop there and nowhere in the whole text)."""
    regions = doc.meta.get("regions")
    if not regions:
        text = doc.text
        end = text.find("\n", end)
        return text.rfind("\n", 0, start) + 1, len(text) if end < 0 else end
    for region in regions:
        if region.start <= start < region.end:
            start = region.start
        if region.start < end <= region.end:
            end = region.end
    return start, end


def excerpt(doc: Document, lo: int, hi: int) -> Document | None:
    """``doc.text[lo:hi]`` as a document read as ``doc`` reads it: its segments there (with their indices in
    ``doc``), its protected spans and ``meta``'s spans and offsets there, shifted; None when ``meta`` holds
    anything else than those, text, numbers, truth values and None (it could not be cut)."""
    def cut(spans: Iterable[Any]) -> list[Any]:
        return [replace(x, start=max(x.start, lo) - lo, end=min(x.end, hi) - lo) for x in spans
                if x.start < hi and x.end > lo or lo <= x.start == x.end <= hi]

    meta: dict[str, Any] = {}
    for key, value in doc.meta.items():
        if value is None or isinstance(value, (str, int, float, bool)):
            meta[key] = value
        elif not _places(value):
            return None
        elif value and isinstance(value[0], int):
            meta[key] = [x - lo for x in value if lo <= x <= hi]
        else:
            meta[key] = cut(value)
    segments = [replace(s, start=s.start - lo, end=s.end - lo) for s in doc.segments if lo <= s.start and s.end <= hi]
    return replace(doc, text=doc.text[lo:hi], segments=segments, protected=cut(doc.protected), meta=meta)


def _run(checker: Checker, doc: Document, annotations: Mapping[str, Any], old: Document,
         before: Sequence[Finding], reused: tuple[Mapping[int, int], Mapping[int, int]]) -> list[Finding]:
    """``checker``'s findings on ``doc``: those of its local codes in the segments whose reading did not change
    (``reused``: new index → old index of the segments unchanged, and of those whose neighbours are unchanged too)
    taken from ``before`` and shifted, the rest found again."""
    split = callable(getattr(checker, "check_document_codes", None))
    if checker.provides or (scope_of(checker) is Scope.DOCUMENT and not split):
        return checker.check(doc, annotations)
    same, stable = reused
    scopes = _Scopes(checker)
    back = {Scope.SEGMENT: {j: i for i, j in same.items()}, Scope.NEIGHBOURS: {j: i for i, j in stable.items()}}
    kept: list[Finding] = []
    for f in before:
        scope = scopes[f.code]
        if scope is Scope.DOCUMENT:
            continue
        seg = old.segment_at(f.start)
        if seg is None:  # a local finding outside every segment: this checker is read whole
            return checker.check(doc, annotations)
        i = back[scope].get(seg.index)
        if i is not None:
            kept.append(moved_finding(f, doc.segments[i].start - seg.start, i))
    fresh = [f for f in local_findings(checker, doc, [i for i in range(len(doc.segments)) if i not in stable], scopes)
             if scopes[f.code] is Scope.NEIGHBOURS or _segment_of(doc, f) not in same]
    found = sorted([*kept, *fresh], key=lambda f: (f.start, f.end, f.code))
    if split:
        return sorted([*found, *checker.check_document_codes(doc, found)],  # type: ignore[attr-defined]
                      key=lambda f: (f.start, f.end, f.code))
    return found


def _segment_of(doc: Document, f: Finding) -> int | None:
    seg = doc.segment_at(f.start)
    return seg.index if seg is not None else None


def _neighbours_stable(i: int, j: int, same: Mapping[int, int], n_new: int, n_old: int) -> bool:
    """Whether the segments beside new segment ``i`` (old ``j``) are the same ones, unchanged, as before."""
    for step in (-1, 1):
        k, old_k = i + step, j + step
        inside, old_inside = 0 <= k < n_new, 0 <= old_k < n_old
        if inside != old_inside or (inside and same.get(k) != old_k):
            return False
    return True


def unchanged_segments(old: Document, new: Document) -> dict[int, int]:
    """The segments of ``new`` that ``old`` has as they were (new index → old index): the same text cut the same
    way, wholly before or after the characters the edit changed (one unchanged character between), read the same:
    no protected span, and no span or offset in :attr:`~mtfix.model.Document.meta` (a paragraph, a heading), that
    touches it is new, gone or moved otherwise than the text; the rest of ``meta`` is equal."""
    if set(old.meta) != set(new.meta) or _plain_meta(old) != _plain_meta(new):
        return {}
    a, b = old.text, new.text
    prefix = common_prefix(a, b)
    suffix = common_suffix(a, b, min(len(a), len(b)) - prefix)
    delta, tail = len(b) - len(a), len(b) - suffix

    def moved(span: tuple[int, int]) -> tuple[int, int]:  # an old span in the new text's offsets
        start, end = span
        return (start if start < prefix else max(start + delta, prefix), end if end < prefix else max(end + delta, prefix))

    changed = [(prefix, tail)]  # the edited characters, then the spans the edit changed
    for old_spans, new_spans in zip(_span_lists(old), _span_lists(new), strict=True):
        changed += sorted(set(map(moved, old_spans)) ^ set(new_spans))
    olds = {(s.start, s.end): s.index for s in old.segments}
    out: dict[int, int] = {}
    for seg in new.segments:
        by = 0 if seg.end < prefix else delta if seg.start > tail else None
        if by is None or any(start <= seg.end and end >= seg.start for start, end in changed):
            continue
        j = olds.get((seg.start - by, seg.end - by))
        if j is not None:
            out[seg.index] = j
    return out


def _span_lists(doc: Document) -> list[list[tuple[int, int]]]:
    """The protected spans and each list of spans or offsets in ``doc.meta`` (by key), as ``(start, end)``."""
    out = [[(s.start, s.end) for s in doc.protected]]
    for _, value in sorted(doc.meta.items()):
        if _places(value):
            out.append([(x, x) if isinstance(x, int) else (x.start, x.end) for x in value])
    return out


def _plain_meta(doc: Document) -> dict[str, Any]:
    """``doc.meta`` without its lists of spans and offsets (compared around the edit)."""
    return {k: v for k, v in doc.meta.items() if not _places(v)}


def _places(value: Any) -> bool:
    """Whether ``value`` is a list of spans or one of offsets in the text."""
    return isinstance(value, (list, tuple)) and (
        all(hasattr(x, "start") and hasattr(x, "end") for x in value)
        or all(isinstance(x, int) and not isinstance(x, bool) for x in value))


def common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (a binary search on slices: fast for long texts).

    >>> common_prefix("It rained.", "It snowed."), common_suffix("It rained.", "It snowed.")
    (3, 3)
    """
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int | None = None) -> int:
    """How many characters ``a`` and ``b`` share at their end, at most ``limit``."""
    lo, hi = 0, min(len(a), len(b)) if limit is None else limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo
