"""The source-versus-target checker's registry entry, importing its checks only for a document with a source.

The bilingual checker's entry in the registry (:data:`mtfix.checker_registry.CHECKER_FACTORIES`),
without its import: a document with no source (a plain text file, Markdown, subtitles) needs
none of the source-versus-target checks, so a cold ``mtfix check`` of such a file does not
import :mod:`mtfix.checks.source_target`.  The first document with a source imports it, and
the signature and the rules are the real checker's.

>>> from mtfix.segment import to_document
>>> checker = build_checker(None, [])
>>> checker.check(to_document("The summit opens on February 12."))
[]
>>> [f.code for f in checker.check(to_document("The summit opens on February 12.", source="22 fevral"))]
['MTF501']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mtfix.model import BaseChecker, Document, Finding, Scope

if TYPE_CHECKING:
    from mtfix.catalogue import RuleInfo


class DeferredBilingualChecker(BaseChecker):
    """:class:`mtfix.checks.source_target.BilingualChecker`, imported on first need."""

    name = "bilingual"
    #: what a segment's findings depend on (mtfix.model.Scope): a target sentence is read beside its aligned source
    scope = Scope.DOCUMENT

    def __init__(self) -> None:
        self._real: BaseChecker | None = None

    def _checker(self) -> BaseChecker:
        if self._real is None:
            from mtfix.checks.source_target import BilingualChecker

            self._real = BilingualChecker()
        return self._real

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]:
        if not doc.source or not doc.text.strip():  # what the real checker returns [] for
            return []
        return self._checker().check(doc, annotations)

    def signature(self) -> str:
        return self._checker().signature()

    def rules(self) -> list[RuleInfo]:
        return self._checker().rules()


def build_checker(config: Any, warnings: list[str]) -> DeferredBilingualChecker:
    """The bilingual checker (cheap: it does nothing on documents without a source)."""
    return DeferredBilingualChecker()
