"""Detectors: the rules that no single pattern can express.

A detector is a function ``(doc, rule, ctx) -> Iterable[Hit]`` registered
under a name (``mtfix.rules.detectors.registry``); a rule in a pack names it
with ``detector:`` and passes ``params:``.  It is documented, tested by its
examples and selected by code like any pattern rule.  Importing this package
loads every detector module, so ``DETECTORS`` is complete; a new detector is a
module here that uses ``@detector`` and is listed below.
"""

from __future__ import annotations

from mtfix.rules.detectors import (  # noqa: F401  (imported to register their detectors)
    capitals,
    coordinated_copies,
    doubled_words,
    encoding,
    glued,
    initials,
    phrase_loops,
    phrases,
    punctuation,
    quotes,
    structure,
    untranslated,
)
from mtfix.rules.detectors.registry import DETECTOR_SCOPES, DETECTORS, POST_DETECTORS, Context, Detector, Hit, detector

__all__ = ["DETECTOR_SCOPES", "DETECTORS", "POST_DETECTORS", "Context", "Detector", "Hit", "detector"]
