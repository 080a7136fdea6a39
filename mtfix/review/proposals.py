"""What a review shows and what a decision names: every edit mtfix proposes for a
file, each with a stable id.

An edit's id is a hash of the file's content digest (sha256 of its bytes), the
unit (0 for plain text and Markdown; the record or translation unit otherwise),
the edit's span, its replacement and its rule code.  The same file with the
same configuration always gives the same ids; a changed byte changes them all.

>>> from mtfix.model import Edit, FixSafety
>>> e = Edit(4, 4, " ", "", "MTF103", "rule:en-generic:MTF103", FixSafety.SAFE)
>>> edit_id(file_digest(b"snowThe war"), 0, e) == edit_id(file_digest(b"snowThe war"), 0, e)
True
>>> edit_id(file_digest(b"snowThe war"), 0, e) == edit_id(file_digest(b"snowThe war!"), 0, e)
False
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any

from mtfix.files import UnitResult, add_contexts, read_container, reads_as, unit_document, unmade
from mtfix.formats import Container, Unit, load
from mtfix.formats.base import hold_signed_off
from mtfix.io.inputs import Input
from mtfix.model import Edit, Finding, FixSafety
from mtfix.pipeline import Pipeline
from mtfix.pipeline_results import MAX_FIX_PASSES, CheckResult, FixResult


def file_digest(raw: bytes) -> str:
    """The content digest the report embeds: ``sha256:`` and the hex digest of the bytes.

    >>> file_digest(b"")[:15]
    'sha256:e3b0c442'
    """
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def edit_id(digest: str, unit: int, edit: Edit) -> str:
    """A stable id: file digest + unit + start + end + replacement + code (24 hex digits)."""
    key = "\x1f".join((digest, str(unit), str(edit.start), str(edit.end), edit.replacement, edit.code))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def edit_key(unit: int, edit: Edit) -> tuple[int, int, int, str]:
    """Two edits with the same key have the same effect (two rules proposing one fix)."""
    return (unit, edit.start, edit.end, edit.replacement)


@dataclass(frozen=True)
class Proposal:
    """One proposed edit of a file, as the report lists it and a decision names it."""

    id: str
    unit: int
    edit: Edit
    finding: int  # index of the finding (in its unit) that proposed it
    #: a later pass's edit (see :func:`later_proposals`): the id of the first pass's edit it goes with
    after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        e = self.edit
        return {
            "id": self.id,
            "unit": self.unit,
            "start": e.start,
            "end": e.end,
            "original": e.original,
            "replacement": e.replacement,
            "code": e.code,
            "safety": str(e.safety),
        }


def unit_proposals(digest: str, unit: int, findings: list[Finding]) -> list[Proposal]:
    """Every edit of every finding that has a fix (safe or unsafe), in finding order."""
    out: list[Proposal] = []
    seen: set[str] = set()
    for i, f in enumerate(findings):
        if f.fix is FixSafety.NONE:
            continue
        for e in f.edits:
            pid = edit_id(digest, unit, e)
            if pid not in seen:
                seen.add(pid)
                out.append(Proposal(pid, unit, e, i))
    return out


#: how far (characters of one word, no space) a later pass's edit may be from the edit it goes with
_NEAR = 3


class _PassMap:
    """Positions of the text after one pass's ``edits`` (each against the text before it) in the text before them,
    by bisection (a long file's passes hold thousands of edits)."""

    def __init__(self, edits: tuple[Edit, ...]):
        self.edits = sorted(edits, key=lambda e: (e.start, e.end))
        self.a: list[int] = []  # where each edit's replacement starts in the text after
        self.z: list[int] = []  # and ends
        self.delta: list[int] = []  # the length the edits before it added
        d = 0
        for e in self.edits:
            self.a.append(e.start + d)
            self.z.append(e.start + d + len(e.replacement))
            self.delta.append(d)
            d += len(e.replacement) - (e.end - e.start)
        self.total = d

    def before(self, pos: int, side: str) -> int | None:
        """``pos`` in the text before; None inside a replacement.  At a deletion's place ``side`` picks its
        start ("before") or its end ("after").

        >>> from mtfix.model import FixSafety
        >>> m = _PassMap((Edit(2, 3, "", " ", "X", "r", FixSafety.SAFE), Edit(5, 5, "ab", "", "X", "r", FixSafety.SAFE)))
        >>> [m.before(p, "after") for p in range(8)], m.before(2, "before")
        ([0, 1, 3, 4, 5, None, 5, 6], 2)
        """
        i = bisect.bisect_left(self.a, pos)
        if i > 0 and pos <= self.z[i - 1]:  # at the end of the replacement before, or inside it
            return self.edits[i - 1].end if pos == self.z[i - 1] else None
        if i < len(self.edits) and self.a[i] == pos:
            e = self.edits[i]
            return e.end if self.z[i] == pos and side == "after" else e.start
        return pos - (self.delta[i] if i < len(self.edits) else self.total)


class _Covering:
    """The findings of the first check whose edit the first pass applied, by span: which one a later edit lies in."""

    #: how many spans starting before an edit are looked at (findings nest a few deep, not hundreds)
    LOOK = 64

    def __init__(self, findings: list[Finding], applied: list[Proposal]):
        spans = sorted({(findings[p.finding].start, findings[p.finding].end, p.id): p for p in applied}.items())
        self.starts = [k[0] for k, _ in spans]
        self.spans = spans

    def around(self, a: int, b: int) -> Proposal | None:
        """The proposal of the narrowest such finding whose span holds ``a``–``b`` (None: none).

        >>> from mtfix.model import FixSafety
        >>> f = [Finding("MTF106", "Accuracy/Addition", "major", 10, 90, "a loop", fix=FixSafety.SAFE)]
        >>> p = Proposal("x", 0, Edit(40, 90, "", " loop", "MTF106", "r", FixSafety.SAFE), 0)
        >>> _Covering(f, [p]).around(20, 30) is p, _Covering(f, [p]).around(5, 12)
        (True, None)
        """
        i = bisect.bisect_right(self.starts, a)
        best = None
        for (start, end, _), p in reversed(self.spans[max(0, i - self.LOOK) : i]):
            if end >= b and (best is None or end - start < best[0]):
                best = (end - start, p)
        return None if best is None else best[1]


def later_proposals(digest: str, unit: int, fx: FixResult, first: list[Proposal]) -> list[Proposal]:
    """The safe edits that `mtfix fix`'s later passes applied next to an edit of the first, against the unit's
    text, each proposed with the finding of the edit it follows (one decision for both: "said that , the" loses
    its space, then the comma after "said that"; accepting the space's edit alone left "said that, the" where
    `fix` writes "said that the"), or inside the span of a finding whose edit the first pass applied, with that
    finding (an MT loop: its repeats deleted, then the doubled words of the part kept).  An edit of a later pass
    that touches no applied edit and lies in no such finding, or whose place cannot be told in the unit's text,
    is not proposed (nor one next to it of a pass after).  Where `fix` stopped before a fixed point (its pass
    limit, or fixes going round in a circle), the passes it kept are proposed all the same: the page then reads
    as `fix` writes the text, and :func:`stopped_note` says where it stopped."""
    passes = fx.log.passes
    if len(passes) < 2 or passes[-1].after != fx.text or passes[0].before != fx.original:
        return []
    by_key = {edit_key(unit, p.edit): p for p in first}
    maps = [_PassMap(p.edits) for p in passes[:-1]]
    spans: list[tuple[int, int]] = []  # applied edits in the unit's text, sorted (they never overlap)
    joined: dict[tuple[int, int], Proposal | None] = {}  # the proposal each goes with (None: not proposed)
    starts: dict[int, tuple[int, int]] = {}
    ends: dict[int, tuple[int, int]] = {}

    def place(a: int, b: int, p: Proposal | None) -> None:
        bisect.insort(spans, (a, b))
        joined[(a, b)] = p
        starts.setdefault(a, (a, b))
        ends.setdefault(b, (a, b))

    for e in passes[0].edits:
        place(e.start, e.end, by_key.get(edit_key(unit, e)))
    covering = _Covering(fx.findings, [p for p in joined.values() if p is not None])
    out: list[Proposal] = []
    seen = {p.id for p in first}
    for k in range(1, len(passes)):
        for e in passes[k].edits:
            a: int | None = e.start
            b: int | None = e.end
            for j in range(k - 1, -1, -1):
                a = None if a is None else maps[j].before(a, "after")
                b = None if b is None else maps[j].before(b, "before")
            if a is None or b is None:
                continue  # inside an earlier edit's text: no place in the unit's
            b = max(a, b)  # (an insertion at a deletion's place)
            i = bisect.bisect_left(spans, (b, b))  # the spans that start before b: the last reaches furthest
            if i > 0 and spans[i - 1][1] > a and spans[i - 1][0] < b:
                continue  # across an earlier edit
            near = [s for s in (ends.get(a), starts.get(b)) if s is not None]
            if a == b and i > 0 and spans[i - 1][0] <= a <= spans[i - 1][1]:
                near.append(spans[i - 1])
            near += [s for s in (starts.get(a),) if s is not None and a == b]
            if not near:  # a few characters of the same word away ("back ,,and": the space, then a comma, go;
                # the space after the comma left comes in a third pass): the same slip's
                for s in (spans[i - 1] if i > 0 else None, spans[i] if i < len(spans) else None):
                    gap = None if s is None else fx.original[s[1] : a] if s[1] <= a else fx.original[b : s[0]]
                    if gap is not None and len(gap) <= _NEAR and not any(c.isspace() for c in gap):
                        near.append(s)
            base = next((joined[s] for s in near if joined[s] is not None), None)
            if not near:  # inside the span of a finding whose edit the first pass applied (an MT loop's repeats
                # deleted, then the "the the the" left in the words it kept): that finding's, decided with it
                base = covering.around(a, b)
            if (
                base is None
                or e.safety is not FixSafety.SAFE
                or e.original != fx.original[a:b]
                or near
                and any(joined[s] is None for s in near)
            ):
                place(a, b, None)
                continue
            moved = Edit(a, b, e.replacement, e.original, e.code, e.origin, e.safety).in_context(fx.original)
            pid = edit_id(digest, unit, moved)
            prop = Proposal(pid, unit, moved, base.finding, after=base.after or base.id)
            if pid not in seen:
                seen.add(pid)
                out.append(prop)
            place(a, b, prop)
    return out


def stopped_at(fx: FixResult) -> int:
    """Where, in the unit's text, the first edit `fix` would still make lies (``fix`` stopped at its pass limit
    or in a circle: :attr:`FixResult.still_firing`), mapped back through its passes; 0 when it cannot be told.

    >>> from mtfix.config import Config
    >>> fx = Pipeline(Config(grammar="off")).fix("Hi. He said that ,, the talks said that ,, the vote said that ,, it.")
    >>> fx.pass_limit_hit, fx.original[stopped_at(fx) - 4:][:9]
    (True, 'that ,, t')
    """
    firing = set(fx.still_firing)
    spots = [e.start for f in fx.remaining if f.code in firing and f.fix is not FixSafety.NONE for e in f.edits]
    if not spots or (fx.log.passes[-1].after if fx.log.passes else fx.original) != fx.text:
        return 0
    pos: int | None = min(spots)
    for ps in reversed(fx.log.passes):
        pos = None if pos is None else _PassMap(ps.edits).before(pos, "before")
    return pos or 0


def stopped_note(ur: UnitReview) -> str | None:
    """What the editor reads in the file's summary where `fix` stopped before a fixed point (None: it did not):
    the line, the rules still firing, and what *Accept safe edits* then gives."""
    fx = ur.fix
    if not (fx.pass_limit_hit or fx.oscillation):
        return None
    line, _col = ur.file_location(stopped_at(fx))
    rules = ", ".join(fx.still_firing)
    if fx.oscillation:
        return (
            f"line {line}: fixes undo each other ({rules}): `mtfix fix` stops where they start going round and "
            "leaves their edits to you: read this sentence."
        )
    return (
        f"line {line}: `mtfix fix` stopped after {MAX_FIX_PASSES} passes with {rules} still firing. The edits "
        "proposed here are the ones it made (Accept safe edits gives the text it writes); the rest is yours: read "
        "this sentence."
    )


@dataclass
class UnitReview:
    """One unit of a file: its findings (before repair), proposals and scores."""

    index: int
    id: Any
    line_offset: int
    check: CheckResult
    fix: FixResult
    proposals: list[Proposal]
    score_before: Any = None  # ScoreResult
    score_after: Any = None
    adherence: dict[str, Any] | None = None
    source: str | None = None  # the unit's source text (bilingual formats), shown to the editor
    unit: Unit | None = field(default=None, repr=False)  # where its text sits in the file
    _where: UnitResult | None = field(default=None, init=False, repr=False)

    def file_line(self, pos: int) -> int:
        """The 1-based file line of character ``pos`` of the unit's text, as ``check`` reports it
        (a ``&#10;`` in XLIFF or a ``\\n`` escape in JSON Lines is no line of the file)."""
        return self.file_location(pos)[0]

    def file_location(self, pos: int) -> tuple[int, int | None]:
        """The 1-based file line and column of character ``pos``, as ``check`` reports them (no column
        for a unit with no place in the file)."""
        if self.unit is None:
            return self.line_offset + 1, None
        if self._where is None:
            self._where = UnitResult(self.unit, self.check)
        return self._where.location(pos)


@dataclass
class FileReview:
    """A file as the report shows it."""

    path: str
    digest: str
    format: str
    units: list[UnitReview] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # where `fix` stopped before a fixed point (:func:`stopped_note`)

    @property
    def findings(self) -> list[Finding]:
        return [f for u in self.units for f in u.check.findings]

    @property
    def proposals(self) -> list[Proposal]:
        return [p for u in self.units for p in u.proposals]


def proposals_for(
    pipeline: Pipeline, inp: Input, fmt: str | None = None, options: dict[str, Any] | None = None
) -> tuple[Container, dict[str, Proposal]]:
    """The container of ``inp`` and every edit a review of it proposes, by id (repaired as `fix` would, for the
    edits its later passes add; no score)."""
    container = read_container(inp, fmt, options or {}, pipeline)
    digest = file_digest(inp.raw)
    found: dict[str, Proposal] = {}
    for i, unit in enumerate(container.units):
        fx = pipeline.fix(unit_document(unit, inp.path, pipeline.config.jobs), unsafe=False)
        first = unit_proposals(digest, i, fx.findings)
        for p in first + later_proposals(digest, i, fx, first):
            found[p.id] = p
    return container, found


def review_input(
    pipeline: Pipeline, inp: Input, fmt: str | None = None, options: dict[str, Any] | None = None,
    *, signature: str | None = None,
) -> FileReview:
    """Check, repair (safe fixes, as ``mtfix fix`` would) and score every unit of ``inp``; ``signature``: the
    pipeline's (:meth:`Pipeline.signature`, made once for a batch: 0.5 ms a file of a 10,000-file review)."""
    from mtfix.scoring import score_document

    options = options or {}
    container = read_container(inp, fmt, options, pipeline)
    digest = file_digest(inp.raw)
    review = FileReview(inp.path, digest, container.format, errors=list(container.errors))
    fixed: dict[int, str] = {}
    signature = pipeline.signature() if signature is None else signature
    for i, unit in enumerate(container.units):
        fx = pipeline.fix(unit_document(unit, inp.path, pipeline.config.jobs), unsafe=False)
        check = CheckResult(fx.document, fx.findings)  # type: ignore[arg-type]
        first = unit_proposals(digest, i, fx.findings)
        ur = UnitReview(
            i,
            unit.id,
            unit.line_offset,
            check,
            fx,
            first + later_proposals(digest, i, fx, first),
            source=unit.source,
            unit=unit,
        )
        ur.score_before = score_document(check, signature=signature)
        ur.adherence = _adherence(pipeline, fx)
        if fx.changed:
            fixed[i] = fx.text
        review.units.append(ur)
        if note := stopped_note(ur):
            review.notes.append(note)
    fixed = hold_signed_off(container, fixed)  # as `mtfix fix` does: reported, proposed, not repaired
    for i in container.unwritten:
        review.units[i].fix = unmade(review.units[i].fix)
    review.errors.extend(e for e in container.errors if e not in review.errors)
    after_units = None
    if fixed:  # score the repaired file as `mtfix fix` then `mtfix score` would: render, reload, check
        try:
            after = load(container.render(fixed), None if inp.path == "-" else inp.path, fmt, **options)
            after_units = (
                add_contexts(pipeline, after.units, inp.path) if len(after.units) == len(container.units) else None
            )
        except Exception:  # pragma: no cover - a format that cannot re-read its own output
            after_units = None
    for ur in review.units:
        if ur.index not in fixed:
            ur.score_after = ur.score_before
        elif after_units is not None:
            ur.score_after = score_document(
                after_check(pipeline, ur.fix, after_units[ur.index], inp.path), signature=signature
            )
        ur.fix.final = None  # kept no longer than the score after needs it (a batch holds every unit's review)
    return review


def after_check(pipeline: Pipeline, fx: FixResult, unit: Unit, path: str | None) -> CheckResult:
    """The check of ``unit``, the repaired unit as the repaired file reads back: ``fix``'s own last check when it
    checked an equal document (text, segments, protected spans, path, source and meta, ``mentioned`` too: a check
    is a function of these), else a check of its own (a format that reads its output otherwise, names the units
    before it mention that their repair changed).  Whether the documents are equal is told from what they are
    made of (:func:`~mtfix.files.reads_as`), without segmenting the unit again (session 33; until then the unit
    was segmented to be compared); when that does not tell, the unit's document is made and compared."""
    final = fx.final
    if final is not None and reads_as(unit, path, final.document):
        return final
    doc = unit_document(unit, path, pipeline.config.jobs)
    if final is not None and final.document == doc:
        return final
    return pipeline.check(doc)


def _adherence(pipeline: Pipeline, fx: FixResult) -> dict[str, Any] | None:
    try:
        from mtfix.glossary.adherence import adherence_for_fix
    except ModuleNotFoundError:  # pragma: no cover - glossary capability not built
        return None
    return adherence_for_fix(pipeline, fx)
