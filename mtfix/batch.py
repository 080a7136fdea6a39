"""Files through the pipeline: read a file with its format, check/fix/score
each unit, render the fixed file.  Shared by the CLI and the pre-commit hook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mtfix.formats import Container, Unit, load
from mtfix.io.inputs import Input
from mtfix.model import Document, Finding
from mtfix.pipeline import CheckResult, FixResult, Pipeline


@dataclass
class UnitResult:
    unit: Unit
    check: CheckResult
    fix: FixResult | None = None
    score: Any = None  # ScoreResult

    def location(self, pos: int) -> tuple[int, int]:
        """Line and column in the file of character ``pos`` of the unit's text."""
        line, col = self.check.document.line_col(pos)
        return line + self.unit.line_offset, col

    @property
    def findings(self) -> list[Finding]:
        return self.check.findings


@dataclass
class FileResult:
    path: str
    format: str
    units: list[UnitResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # records kept unchanged
    output: bytes | None = None  # the fixed file (fix only)
    original: bytes = b""

    @property
    def changed(self) -> bool:
        return self.output is not None and self.output != self.original

    @property
    def findings(self) -> list[Finding]:
        return [f for u in self.units for f in u.findings]


def unit_document(unit: Unit, path: str | None) -> Document:
    return Document.from_text(
        unit.text, path=path, protected=unit.protected, regions=unit.regions, source=unit.source
    )


def read_container(inp: Input, fmt: str | None, options: dict[str, Any]) -> Container:
    return load(inp.raw, None if inp.path == "-" else inp.path, fmt, **options)


def check_input(pipeline: Pipeline, inp: Input, fmt: str | None = None, options: dict[str, Any] | None = None,
                *, score: bool = False, ref: str | None = None) -> FileResult:
    container = read_container(inp, fmt, options or {})
    result = FileResult(inp.path, container.format, errors=list(container.errors), original=inp.raw)
    for unit in container.units:
        check = pipeline.check(unit_document(unit, inp.path))
        ur = UnitResult(unit, check)
        if score:
            from mtfix.scoring import score_document

            ur.score = score_document(check, ref=ref, signature=pipeline.signature())
        result.units.append(ur)
    return result


def fix_input(pipeline: Pipeline, inp: Input, fmt: str | None = None, options: dict[str, Any] | None = None,
              *, unsafe: bool = False) -> FileResult:
    container = read_container(inp, fmt, options or {})
    result = FileResult(inp.path, container.format, errors=list(container.errors), original=inp.raw)
    fixed: dict[int, str] = {}
    for i, unit in enumerate(container.units):
        fx = pipeline.fix(unit_document(unit, inp.path), unsafe=unsafe)
        result.units.append(UnitResult(unit, CheckResult(fx.document, fx.findings), fx))
        if fx.changed:
            fixed[i] = fx.text
    result.output = container.render(fixed) if fixed else inp.raw
    return result

