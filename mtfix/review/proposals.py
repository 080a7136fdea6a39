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

import hashlib
from dataclasses import dataclass, field
from typing import Any

from mtfix.files import UnitResult, add_contexts, read_container, unit_document, unmade
from mtfix.formats import Container, Unit, load
from mtfix.formats.base import hold_signed_off
from mtfix.io.inputs import Input
from mtfix.model import Edit, Finding, FixSafety
from mtfix.pipeline import Pipeline
from mtfix.results import CheckResult, FixResult


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

    def to_dict(self) -> dict[str, Any]:
        e = self.edit
        return {"id": self.id, "unit": self.unit, "start": e.start, "end": e.end, "original": e.original,
                "replacement": e.replacement, "code": e.code, "safety": str(e.safety)}


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

    @property
    def findings(self) -> list[Finding]:
        return [f for u in self.units for f in u.check.findings]

    @property
    def proposals(self) -> list[Proposal]:
        return [p for u in self.units for p in u.proposals]


def proposals_for(pipeline: Pipeline, inp: Input, fmt: str | None = None,
                  options: dict[str, Any] | None = None) -> tuple[Container, dict[str, Proposal]]:
    """The container of ``inp`` and every edit a review of it proposes, by id (no repair, no score)."""
    container = read_container(inp, fmt, options or {}, pipeline)
    digest = file_digest(inp.raw)
    found: dict[str, Proposal] = {}
    for i, unit in enumerate(container.units):
        check = pipeline.check(unit_document(unit, inp.path, pipeline.config.jobs))
        for p in unit_proposals(digest, i, check.findings):
            found[p.id] = p
    return container, found


def review_input(pipeline: Pipeline, inp: Input, fmt: str | None = None,
                 options: dict[str, Any] | None = None) -> FileReview:
    """Check, repair (safe fixes, as ``mtfix fix`` would) and score every unit of ``inp``."""
    from mtfix.scoring import score_document

    options = options or {}
    container = read_container(inp, fmt, options, pipeline)
    digest = file_digest(inp.raw)
    review = FileReview(inp.path, digest, container.format, errors=list(container.errors))
    fixed: dict[int, str] = {}
    signature = pipeline.signature()
    for i, unit in enumerate(container.units):
        fx = pipeline.fix(unit_document(unit, inp.path, pipeline.config.jobs), unsafe=False)
        check = CheckResult(fx.document, fx.findings)  # type: ignore[arg-type]
        ur = UnitReview(i, unit.id, unit.line_offset, check, fx, unit_proposals(digest, i, fx.findings),
                        source=unit.source, unit=unit)
        ur.score_before = score_document(check, signature=signature)
        ur.adherence = _adherence(pipeline, fx)
        if fx.changed:
            fixed[i] = fx.text
        review.units.append(ur)
    fixed = hold_signed_off(container, fixed)  # as `mtfix fix` does: reported, proposed, not repaired
    for i in container.unwritten:
        review.units[i].fix = unmade(review.units[i].fix)
    review.errors.extend(e for e in container.errors if e not in review.errors)
    after_units = None
    if fixed:  # score the repaired file as `mtfix fix` then `mtfix score` would: render, reload, check
        try:
            after = load(container.render(fixed), None if inp.path == "-" else inp.path, fmt, **options)
            after_units = add_contexts(pipeline, after.units, inp.path) \
                if len(after.units) == len(container.units) else None
        except Exception:  # pragma: no cover - a format that cannot re-read its own output
            after_units = None
    for ur in review.units:
        if ur.index not in fixed:
            ur.score_after = ur.score_before
        elif after_units is not None:
            doc = unit_document(after_units[ur.index], inp.path, pipeline.config.jobs)
            ur.score_after = score_document(pipeline.check(doc), signature=signature)
    return review


def _adherence(pipeline: Pipeline, fx: FixResult) -> dict[str, Any] | None:
    try:
        from mtfix.glossary.adherence import adherence_for_fix
    except ModuleNotFoundError:  # pragma: no cover - glossary capability not built
        return None
    return adherence_for_fix(pipeline, fx)
