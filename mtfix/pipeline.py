"""The pipeline: checkers (rules, glossary, grammar, ...) → findings → repair → score.

Configured once, used for many texts; thread-safe (checkers are built under a
lock and hold no per-document state) and picklable (it pickles its config and
rebuilds its checkers on the other side).

>>> p = Pipeline()
>>> p.fix("Prices of oilgas rose.").text
'Prices of oil and gas rose.'
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mtfix.config import Config
from mtfix.model import SCHEMA_VERSION, Checker, Document, Finding, FixSafety
from mtfix.repair import Pass, RepairLog, apply_edit_groups, fixable_edits
from mtfix.suppress import suppressed

if TYPE_CHECKING:
    from mtfix.ingest import RecordResult

#: Checker factories in the order they run: ``module:function(config, stats)``
#: returning a Checker or None.  Glossaries run before grammar so that grammar
#: findings on names and terms can be dropped.
CHECKER_FACTORIES: list[tuple[str, str]] = [
    ("rules", "mtfix.rules.engine:build_checker"),
    ("glossary", "mtfix.glossary.checker:build_checker"),
    ("grammar", "mtfix.grammar.checker:build_checker"),
    ("bilingual", "mtfix.bilingual:build_checker"),
]

#: Factories not even imported when the configuration turns them off: a cold start (the
#: pre-commit hook, one process per commit) must not pay for their imports.
SKIP_WHEN_OFF: dict[str, Any] = {"grammar": lambda config: config.grammar == "off"}

MAX_FIX_PASSES = 4


def _matches(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in prefixes)


@dataclass
class CheckResult:
    document: Document
    findings: list[Finding]
    stats: dict[str, Any] = field(default_factory=dict)

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

    @property
    def changed(self) -> bool:
        return self.text != self.original

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
        }


class Pipeline:
    """Checkers configured once; ``check``/``fix``/``score`` texts or documents."""

    def __init__(self, config: Config | None = None, *, checkers: list[Checker] | None = None):
        self.config = config or Config()
        self._checkers: list[Checker] | None = checkers
        self._custom = checkers is not None
        self._lock = threading.Lock()
        self.warnings: list[str] = []

    # -- pickling: ship the config, rebuild checkers on the worker ----------------
    def __getstate__(self) -> dict[str, Any]:
        if self._custom:
            return {"config": self.config, "checkers": self._checkers}
        return {"config": self.config, "checkers": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"], checkers=state["checkers"])

    @property
    def checkers(self) -> list[Checker]:
        if self._checkers is None:
            with self._lock:
                if self._checkers is None:
                    self._checkers = self._build()
        return self._checkers

    def _build(self) -> list[Checker]:
        built: list[Checker] = []
        for name, target in CHECKER_FACTORIES:
            off = SKIP_WHEN_OFF.get(name)
            if off is not None and off(self.config):
                continue
            mod_name, fn_name = target.split(":")
            try:
                module = importlib.import_module(mod_name)
            except ModuleNotFoundError as exc:
                if exc.name and mod_name.startswith(exc.name):
                    continue  # that capability is not installed in this build
                raise
            checker = getattr(module, fn_name)(self.config, self.warnings)
            if checker is not None:
                built.append(checker)
        return built

    def close(self) -> None:
        for c in self._checkers or []:
            close = getattr(c, "close", None)
            if close:
                close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def signature(self) -> str:
        """What produced the findings: every checker's name and versions, and
        ``grammar:off`` when no grammar checker ran (scores with and without
        LanguageTool do not compare)."""
        built = {c.name: c for c in self.checkers}
        parts = []
        for name, _target in CHECKER_FACTORIES:
            c = built.pop(name, None)
            if c is not None:
                parts.append(f"{name}:{c.signature()}")
            elif name == "grammar":
                parts.append("grammar:off")
        parts += [f"{c.name}:{c.signature()}" for c in built.values()]
        return "|".join(parts)

    # -- the three jobs ------------------------------------------------------------
    def document(self, text: str, **kwargs: Any) -> Document:
        return Document.from_text(text, **kwargs)

    def check(self, text: str | Document, **kwargs: Any) -> CheckResult:
        doc = text if isinstance(text, Document) else self.document(text, **kwargs)
        findings: list[Finding] = []
        stats: dict[str, Any] = {}
        for checker in self.checkers:
            findings.extend(checker.check(doc))
            get_stats = getattr(checker, "stats", None)
            if get_stats:
                stats[checker.name] = get_stats()
        cfg = self.config
        findings = [
            f
            for f in findings
            if (not cfg.select or _matches(f.code, cfg.select))
            and not _matches(f.code, cfg.ignore)
            and not doc.is_protected(f.start, f.end)
        ]
        findings = suppressed(doc, findings)
        findings.sort(key=lambda f: (f.start, f.end, f.code))
        return CheckResult(doc, findings, stats)

    def fix(self, text: str | Document, *, unsafe: bool | None = None, **kwargs: Any) -> FixResult:
        """Apply fixes until nothing more applies (so a second run changes nothing)."""
        unsafe = self.config.unsafe_fixes if unsafe is None else unsafe
        doc = text if isinstance(text, Document) else self.document(text, **kwargs)
        original = doc.text
        first = self.check(doc)
        result, log, held = first, RepairLog(), 0
        for _ in range(MAX_FIX_PASSES):
            usable, held_back = fixable_edits(result.findings, unsafe=unsafe)
            held = len(held_back)
            if not usable:
                break
            applied = apply_edit_groups(result.document.text, [f.edits for f in usable])
            if not applied.applied:
                break
            log.passes.append(Pass(result.document.text, applied.text, applied.applied))
            result = self.check(self._rebuild(result.document, applied.text, applied.applied))
        return FixResult(
            original, result.document.text, log, first.findings, result.findings, held, first.document, doc.path
        )

    def process(self, records: Iterable[Any], **options: Any) -> Iterator[RecordResult]:
        """Records (mappings or strings) through this pipeline, lazily, in input order, one
        JSON-ready :class:`~mtfix.ingest.RecordResult` each; ``workers=N`` for parallelism.
        Options as for :func:`mtfix.ingest.process`."""
        from mtfix.ingest import process

        return process(self, records, **options)

    def _rebuild(self, doc: Document, text: str, edits: Iterable) -> Document:
        """The document after edits: protected spans shifted, segments recomputed."""
        from mtfix.model import Span

        edits = sorted(edits, key=lambda e: e.start)

        def shift(pos: int) -> int:
            delta = 0
            for e in edits:
                if e.end <= pos:
                    delta += len(e.replacement) - (e.end - e.start)
            return pos + delta

        regions = doc.meta.get("regions")
        new_regions = [Span(shift(r.start), shift(r.end)) for r in regions] if regions else None
        fmt_protected = doc.meta.get("format_protected", [])
        new_prot = [Span(shift(p.start), shift(p.end)) for p in fmt_protected]
        new = Document.from_text(text, path=doc.path, protected=new_prot, regions=new_regions, source=doc.source)
        new.meta = dict(doc.meta, regions=new_regions, format_protected=new_prot)
        return new

    def score(self, text: str | Document, ref: str | None = None, **kwargs: Any):
        """Fluency (reference-free) and, with ``ref``, BLEU/chrF/TER."""
        from mtfix.scoring import score_document

        result = self.check(text, **kwargs)
        return score_document(result, ref=ref, signature=self.signature())


def fix_safety_counts(findings: list[Finding]) -> dict[str, int]:
    out = {str(s): 0 for s in FixSafety}
    for f in findings:
        out[str(f.fix)] += 1
    return out
