"""Scores: reference-free fluency, reference-based BLEU/chrF/TER, glossary adherence.

Every score carries a signature (rule packs, glossaries, grammar backend,
weights, versions); two scores compare only when their signatures match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mtfix.model import SCHEMA_VERSION
from mtfix.scoring.fluency import SegmentScore, default_weights, detector_signature, fluency, statistics_signature

if TYPE_CHECKING:
    from mtfix.pipeline import CheckResult


def _version() -> str:
    from mtfix.version import __version__

    return __version__


@dataclass
class ScoreResult:
    path: str | None
    fluency: float
    words: int
    penalty: float
    segments: list[SegmentScore]
    signature: str
    reference: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. glossary adherence

    def to_dict(self) -> dict[str, Any]:
        d = {
            "schema": SCHEMA_VERSION,
            "path": self.path,
            "fluency": self.fluency,
            "words": self.words,
            "penalty": self.penalty,
            "segments": [s.to_dict() for s in self.segments],
            "signature": self.signature,
        }
        if self.reference is not None:
            d["reference"] = self.reference
        d.update(self.extra)
        return d


def fluency_signature(pipeline_signature: str) -> str:
    """``mtfix-fluency|<checkers>|lm:<word statistics>|garble:<model@digest>|weights:<v>|version:<v>``."""
    return (f"mtfix-fluency|{pipeline_signature}|{statistics_signature()}|{detector_signature()}"
            f"|weights:{default_weights().version}"
            f"|version:{_version()}")


def score_document(result: CheckResult, ref: str | None = None, signature: str = "") -> ScoreResult:
    fl = fluency(result.document, result.findings)
    reference = None
    if ref is not None:
        from mtfix.scoring.reference import reference_scores

        reference = reference_scores(result.document.text, ref)
    return ScoreResult(
        path=result.document.path,
        fluency=fl.fluency,
        words=fl.words,
        penalty=fl.penalty,
        segments=fl.segments,
        signature=fluency_signature(signature),
        reference=reference,
    )
