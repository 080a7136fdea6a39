"""Scores: reference-free fluency, reference-based BLEU/chrF/TER, glossary adherence.

Every score carries a signature (rule packs, glossaries, grammar backend,
weights, versions); two scores compare only when their signatures match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mtfix.caching.bounded import Bounded
from mtfix.model import SCHEMA_VERSION
from mtfix.scoring.fluency import (
    DOCUMENT_REVISION,
    UNSCORED_CHECKERS,
    SegmentScore,
    default_weights,
    detector_signature,
    fluency,
    statistics_signature,
)
from mtfix.signature import Signature, mtfix_version

if TYPE_CHECKING:
    from mtfix.pipeline_results import CheckResult


@dataclass
class ScoreResult:
    path: str | None
    fluency: float | None  # None: no words to score (an empty text, fenced code only)
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


def fluency_signature(pipeline_signature: str | Signature) -> str:
    """The pipeline's signature (a :class:`~mtfix.signature.Signature` or its long form) as
    ``mtfix-fluency|<checkers>|<environment>|lm:<word statistics>|garble:<model@digest>|weights:<v>/<document revision>|version:<v>``.

    ``garble`` is the detector whose probability enters the score (``none`` when it does
    not); when the pipeline's garble checker ran another one, the score's is ``score-garble``."""
    garble = detector_signature().partition(":")[2]
    lm = statistics_signature().partition(":")[2]
    weights = f"{default_weights().version}/{DOCUMENT_REVISION}"  # segment weights / document rule
    key = (type(pipeline_signature).__name__, str(pipeline_signature), garble, lm, weights)
    if (known := _FLUENCY_SIGNATURES.get(key)) is not None:  # a batch scores every unit under one signature
        return known
    base = Signature.coerce(pipeline_signature, "mtfix-check")
    # checkers whose findings the score does not count (subtitle line length, MTF601): not the score's
    base = Signature(base.kind, {k: v for k, v in base.fields.items() if k not in UNSCORED_CHECKERS})
    more = {"lm": lm}
    more["garble" if base.fields.get("garble", garble) == garble else "score-garble"] = garble
    more["weights"] = weights
    if "version" not in base.fields:
        more["version"] = mtfix_version()
    return _FLUENCY_SIGNATURES.put(key, str(base.with_fields(kind="mtfix-fluency", **more)))


#: :func:`fluency_signature`'s answers, by the pipeline's signature and the score's own parts (session 31: a
#: 10,000-file review made it 20,000 times, the same each time)
_FLUENCY_SIGNATURES = Bounded(64)


def score_document(result: CheckResult, ref: str | None = None, signature: str = "",
                   hypothesis: str | None = None) -> ScoreResult:
    """Fluency of ``result``; with ``ref``, BLEU/chrF/TER of ``hypothesis`` (default: the
    document's text; a file's unit gives its prose, without markup) against it."""
    fl = fluency(result.document, result.findings)
    reference = None
    if ref is not None:
        from mtfix.scoring.reference import reference_scores

        reference = reference_scores(result.document.text if hypothesis is None else hypothesis, ref)
    return ScoreResult(
        path=result.document.path,
        fluency=fl.fluency if fl.words else None,  # no words: no score (was 100, raising a batch's mean)
        words=fl.words,
        penalty=fl.penalty,
        segments=fl.segments,
        signature=fluency_signature(signature),
        reference=reference,
    )
