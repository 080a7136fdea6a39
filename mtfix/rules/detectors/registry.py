"""The detector registry: ``Hit``, ``Context`` and the ``@detector`` decorator.

A detector is a function ``(doc, rule, ctx) -> Iterable[Hit]`` registered
under a name with :func:`detector`.  The detector modules import this module;
the package ``mtfix.rules.detectors`` imports them all, so importing the
package fills ``DETECTORS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from mtfix.model import Document, Finding, FixSafety, Scope, Severity

if TYPE_CHECKING:
    from mtfix.rules.pack import Rule


@dataclass(frozen=True, slots=True)
class Hit:
    """What a detector reports; the engine turns it into a Finding.

    ``replacement`` (for ``[start, end)``) is the fix, ``None`` for none.
    ``safety``/``severity``/``message`` override the rule's, per occurrence.
    """

    start: int
    end: int
    replacement: str | None = None
    message: str | None = None
    safety: FixSafety | None = None
    severity: Severity | None = None
    suggestions: tuple[str, ...] = ()

    def shifted(self, by: int) -> Hit:
        """This hit moved ``by`` characters on: a hit found in a sentence read alone (its text sliced out, so
        that no look-behind or look-ahead reads past the sentence's edge), at its offsets in the document.

        >>> Hit(0, 3, "x").shifted(10)
        Hit(start=10, end=13, replacement='x', message=None, safety=None, severity=None, suggestions=())
        """
        return replace(self, start=self.start + by, end=self.end + by)


@dataclass
class Context:
    """What a detector may read besides the document."""

    lower: str  # doc.text lower-cased, same length
    findings: list[Finding] = field(default_factory=list)  # earlier findings (post detectors)
    cache: dict[str, object] = field(default_factory=dict)  # scans shared by detectors
    #: the language server's memo across keystrokes (:attr:`mtfix.model.Document.memo`), or None
    memo: Any = None


def document_text(doc: Document, ctx: Context) -> str:
    """The text a detector reads for what holds of the whole document (whether it writes code anywhere):
    ``doc.text``, or the whole document's when ``doc`` is part of it (:mod:`mtfix.rules.windows`)."""
    whole = ctx.cache.get("document_text")
    return whole if isinstance(whole, str) else doc.text


Detector = Callable[["Document", "Rule", Context], Iterable[Hit]]
DETECTORS: dict[str, Detector] = {}
POST_DETECTORS: set[str] = set()
#: each detector's declared scope (:func:`detector`'s ``scope``)
DETECTOR_SCOPES: dict[str, Scope] = {}


def detector(name: str, *, post: bool = False, scope: Scope = Scope.DOCUMENT) -> Callable[[Detector], Detector]:
    """Register a detector; ``post`` ones run after all others and see their findings.  ``scope``: what its
    hits in one sentence depend on (:class:`~mtfix.model.Scope`; a post detector reads the whole document),
    held by ``tests/architecture/test_segment_scope_s47.py``."""

    def wrap(fn: Detector) -> Detector:
        DETECTORS[name] = fn
        DETECTOR_SCOPES[name] = Scope.DOCUMENT if post else scope
        if post:
            POST_DETECTORS.add(name)
        return fn

    return wrap
