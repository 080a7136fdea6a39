"""What the pipeline returns: :class:`CheckResult` (findings) and :class:`FixResult` (repairs).

They live beside the model, not in ``pipeline.py``, so that records, files, scoring and the
review report can use them without importing the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mtfix.model import SCHEMA_VERSION, Document, Finding
from mtfix.repair import RepairLog

#: The fix loop runs at most this many passes (``Pipeline.fix``).
MAX_FIX_PASSES = 4


@dataclass
class CheckResult:
    document: Document
    findings: list[Finding]
    stats: dict[str, Any] = field(default_factory=dict)
    #: what the checkers provided (``terms``, ``glossary_stats``), by name
    annotations: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "path": self.document.path,
            "findings": [f.to_dict(self.document) for f in self.findings],
            "stats": self.stats,
        }


@dataclass
class FixResult:
    """The repaired text, every edit that made it, and what is left."""

    original: str
    text: str
    log: RepairLog
    findings: list[Finding]  # before repair
    remaining: list[Finding]  # after repair
    held_back: int  # unsafe fixes not applied
    document: Document | None = None  # the original, as checked (findings point into it)
    path: str | None = None
    #: the fix loop ended at a fixed point: running ``fix`` again changes nothing
    converged: bool = True
    #: the loop stopped after ``MAX_FIX_PASSES`` passes with fixes still applying
    pass_limit_hit: bool = False
    #: the fixes went round in a circle (a text seen before came back); the text
    #: returned is the one where the circle starts, so a second run changes nothing
    oscillation: bool = False
    #: codes of the rules still firing when the loop stopped without converging
    still_firing: tuple[str, ...] = ()
    #: the annotations of the first check (of ``document``)
    annotations: dict[str, Any] = field(default_factory=dict)
    #: the annotations of the last check (of ``text``, read as ``document`` was: same format and protected spans)
    annotations_after: dict[str, Any] = field(default_factory=dict)
    #: the last check itself (of ``text``: its document and findings), for a caller that would check ``text`` again
    final: CheckResult | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without ``final`` (a second document a ``--jobs`` worker need not send back)."""
        return {k: v for k, v in self.__dict__.items() if k != "final"}

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def warning(self) -> str | None:
        """Why the result is not a fixed point, for users; None when it is."""
        if self.oscillation:
            return (f"{self.path or '<text>'}: fixes undo each other ({', '.join(self.still_firing)}): "
                    "stopped where they start going round in a circle")
        if self.pass_limit_hit:
            return (f"{self.path or '<text>'}: fix stopped after {MAX_FIX_PASSES} passes with rules still "
                    f"firing ({', '.join(self.still_firing)}): a second run would change the text again")
        return None

    @property
    def edits(self):
        return self.log.edits()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "path": self.path,
            "changed": self.changed,
            "text": self.text,
            "edits": [e.to_dict() for e in self.edits],
            "held_back": self.held_back,
            "remaining": [f.to_dict() for f in self.remaining],
            "converged": self.converged,
            "warning": self.warning,
        }
