"""Applying edits: deterministic, non-overlapping, reversible.

Text outside the applied edits is kept byte for byte: the output is built
from slices of the input and the replacements, nothing else.

>>> from mtfix.model import Edit, FixSafety
>>> e = Edit(4, 4, " ", "", "MTF103", "rule:en-generic:MTF103", FixSafety.SAFE)
>>> apply_edits("snowThe war", [e]).text
'snow The war'
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.model import Edit, Finding, FixSafety, Severity


@dataclass(frozen=True)
class AppliedEdits:
    text: str
    applied: tuple[Edit, ...]
    skipped: tuple[Edit, ...]  # overlapped an edit that was applied first


def _conflicts(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # Two insertions at the same point, or an insertion strictly inside a span,
    # or overlapping spans, conflict.  Touching spans do not.
    (s1, e1), (s2, e2) = a, b
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


def apply_edits(text: str, edits: list[Edit] | tuple[Edit, ...], *, strict: bool = False) -> AppliedEdits:
    """Apply ``edits`` in order of position; of two that overlap, the earlier
    one in the list wins (callers order by priority).  An edit that does not
    fit ``text`` (:meth:`Edit.fits`: another ``original`` there or, for an edit
    of ``Pipeline.check``/``fix``, other characters around it: it was made on
    another text) is skipped, or with ``strict`` raises :class:`InputError`."""
    return apply_edit_groups(text, [(e,) for e in edits], strict=strict)


def apply_edit_groups(text: str, groups: list[tuple[Edit, ...]], *, strict: bool = False) -> AppliedEdits:
    """Like :func:`apply_edits`, but each group (one finding's fix) is applied
    whole or not at all.

    Linear in the text and the edits: what is already chosen is kept as marks
    on the character positions it covers (and on its insertion points), so a
    new edit is checked against them in O(its length), not against every
    chosen edit.
    """
    marks = _Marks(len(text))
    chosen: list[Edit] = []
    skipped: list[Edit] = []
    for group in groups:
        fits = all(e.fits(text) for e in group)
        if strict and not fits:
            raise InputError(_misfit(text, next(e for e in group if not e.fits(text))))
        ok = fits and not any(marks.conflicts(e.start, e.end) for e in group) and not (
            len(group) > 1
            and any(_conflicts((a.start, a.end), (b.start, b.end)) for i, a in enumerate(group) for b in group[i + 1 :])
        )
        if ok:
            chosen.extend(group)
            for e in group:
                marks.add(e.start, e.end)
        else:
            skipped.extend(group)
    chosen.sort(key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    for e in chosen:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return AppliedEdits("".join(parts), tuple(chosen), tuple(skipped))


def _misfit(text: str, e: Edit) -> str:
    """One line on why edit ``e`` does not fit ``text``."""
    where = f"edit {e.code} {e.original!r} -> {e.replacement!r} at {e.start}..{e.end}"
    if e.end > len(text):
        return f"{where} lies past the end of the text ({len(text)} characters): it was not made on this text"
    found = text[e.start : e.end]
    if found != e.original:
        return f"{where} finds {found!r} there: it was not made on this text"
    return f"{where} finds other characters around it than its context {e.context!r}: it was not made on this text"


class _Marks:
    """The spans of chosen edits, as marks on positions ``0..n``.

    ``covered[i]``: character ``i`` is replaced; ``inner[i]``: position ``i``
    lies strictly inside a replaced span; ``points[i]``: something is inserted
    at ``i``.  The conflict rules are those of :func:`_conflicts`.
    """

    __slots__ = ("covered", "inner", "points")

    def __init__(self, n: int):
        self.covered = bytearray(n + 1)
        self.inner = bytearray(n + 1)
        self.points = bytearray(n + 1)

    def conflicts(self, start: int, end: int) -> bool:
        if start == end:
            return bool(self.inner[start] or self.points[start])
        return self.covered.find(1, start, end) >= 0 or (
            end - start > 1 and self.points.find(1, start + 1, end) >= 0
        )

    def add(self, start: int, end: int) -> None:
        if start == end:
            self.points[start] = 1
            return
        self.covered[start:end] = b"\x01" * (end - start)
        if end - start > 1:
            self.inner[start + 1 : end] = b"\x01" * (end - start - 1)


def revert_edits(text: str, applied: tuple[Edit, ...]) -> str:
    """Undo edits that :func:`apply_edits` applied to produce ``text``."""
    parts: list[str] = []
    pos = 0  # position in ``text``
    shift = 0
    for e in sorted(applied, key=lambda e: e.start):
        new_start = e.start + shift
        parts.append(text[pos:new_start])
        parts.append(e.original)
        pos = new_start + len(e.replacement)
        shift += len(e.replacement) - (e.end - e.start)
    parts.append(text[pos:])
    return "".join(parts)


def fixable_edits(findings: list[Finding], *, unsafe: bool = False) -> tuple[list[Finding], list[Finding]]:
    """Findings whose edits may be applied, in priority order, and the ones held back.

    Priority: safe before unsafe, then more severe, then longer spans, then
    position; a finding's edits go together or not at all.
    """
    usable, held = [], []
    for f in findings:
        if not f.edits:
            continue
        if f.fix is FixSafety.SAFE or (unsafe and f.fix is FixSafety.UNSAFE):
            usable.append(f)
        elif f.fix is FixSafety.UNSAFE:
            held.append(f)
    usable.sort(key=lambda f: (f.fix is not FixSafety.SAFE, -Severity(f.severity).rank, -(f.end - f.start), f.start))
    return usable, held


def defer_sentence_edits(doc: Any, usable: list[Finding]) -> list[Finding]:
    """``usable`` without LanguageTool's edits (``LT:`` codes) in or next to a sentence that another
    checker edits in the same pass: LanguageTool judges a word by its sentence, and an edit can move where
    a sentence ends, so its edit waits for the next pass, where it sees the edited text. ("tourism and s.
    issues": its capital for "issues" rested on the period of "s.", which MTF205's "and other" removed.)
    mtfix's own rules are local and keep their pass."""
    own = [f for f in usable if not f.code.startswith("LT:")]
    if not own or len(own) == len(usable):
        return usable
    starts = [s.start for s in doc.segments]

    def sentence(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1  # the segment at or before pos (-1: before the first)

    edited = {sentence(f.start) + d for f in own for d in (-1, 0, 1)}
    return [f for f in usable if not f.code.startswith("LT:") or sentence(f.start) not in edited]


@dataclass(frozen=True)
class FixPlan:
    """What one pass of ``fix`` does with a text's findings: the one definition of "fixable".

    ``edits`` are the edits the pass applies, after ordering by priority and dropping
    duplicates and overlaps exactly as :meth:`mtfix.pipeline.Pipeline.fix` does;
    ``held_back`` are the findings whose (unsafe) fix is not applied.  ``check``'s "N
    fixable" is ``len(edits)``, so it equals ``fix``'s "N edits" whenever ``fix``
    needs one pass (a second pass adds edits that only the first made possible).
    """

    edits: tuple[Edit, ...]
    held_back: tuple[Finding, ...]


def fix_plan(text: str, findings: list[Finding], *, unsafe: bool = False) -> FixPlan:
    """The edits one pass of ``fix`` would apply to ``text``, and the fixes it holds back.

    >>> from mtfix.model import Edit, Finding, FixSafety, Severity
    >>> ins = Edit(4, 4, " ", "", "MTF103", "rule", FixSafety.SAFE)
    >>> f1 = Finding("MTF103", "Fluency", Severity.MINOR, 0, 7, "glued", edits=(ins,), fix=FixSafety.SAFE)
    >>> f2 = Finding("MTF202", "Fluency", Severity.MINOR, 0, 7, "glued", edits=(ins,), fix=FixSafety.SAFE)
    >>> len(fix_plan("snowThe", [f1, f2]).edits)  # two findings, one edit
    1
    """
    usable, held = fixable_edits(findings, unsafe=unsafe)
    applied = apply_edit_groups(text, [f.edits for f in usable]).applied if usable else ()
    return FixPlan(applied, tuple(held))


@dataclass
class Pass:
    """One round of ``fix``: the edits it applied to ``before``."""

    before: str
    after: str
    edits: tuple[Edit, ...]


@dataclass
class RepairLog:
    """All passes of a repair; reverting them in reverse order gives the input.  ``start``: the input
    (what :meth:`revert` gives when no pass was kept); ``Pipeline.fix`` sets it."""

    passes: list[Pass] = field(default_factory=list)
    start: str = ""

    def edits(self) -> list[Edit]:
        return [e for p in self.passes for e in p.edits]

    def revert(self) -> str:
        """The input, from the last pass's text by reverting every edit (``start`` when no pass was kept)."""
        text = self.passes[-1].after if self.passes else self.start
        for p in reversed(self.passes):
            text = revert_edits(text, p.edits)
        return text
