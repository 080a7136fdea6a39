"""The reference-free fluency score, 0 to 100, per segment and per document.

A segment's penalty is what its findings cost (MQM severities, by category,
times a factor per origin: rules, glossary, LanguageTool; the garble
detector's own MTF4xx findings cost nothing), plus a statistical penalty for
word sequences unlike English (:mod:`mtfix.scoring.features`), plus what the
garble detector's probability ``p`` costs (:mod:`mtfix.garble`):

    rate       = base_rate · exp(min(max_exponent, Σ_k β_k · (x_k − c_k)))
    garble     = detector · max(0, p − centre) / (1 − centre)
    penalty    = Σ findings  +  words · rate  +  garble
    fluency    = 100 · exp(−scale · penalty / max(words, min_words))

``rate`` is the expected error weight per word that word statistics alone
predict; ``c_k`` is the median of feature ``k`` over human reference
translations, so ``base_rate`` is the rate for ordinary human English (a few
per cent of a minor error per word: clean text scores about 95, not 100).
A document scores its summed penalty over its summed words.  ``β``, ``scale`` and ``min_words`` are fitted on development
data (docs/scoring.md) and kept in ``weights.yaml`` with a version.

>>> from mtfix.pipeline import Pipeline
>>> s = Pipeline().score("The talks ended. Prices of oilgas rose.")
>>> s.segments[0].fluency > 95 > s.segments[1].fluency
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from mtfix.model import Document, Finding
from mtfix.segment import word_count


@dataclass(frozen=True)
class Weights:
    """Everything that turns findings and features into a score (``weights.yaml``)."""

    version: str
    severity: dict[str, float]
    category: dict[str, dict[str, float]]
    scale: float
    min_words: int
    origin: dict[str, float] = field(default_factory=dict)  # factor per finding origin prefix ("lt", "rule", ...)
    feature_centre: dict[str, float] = field(default_factory=dict)
    feature_weight: dict[str, float] = field(default_factory=dict)
    base_rate: float = 0.0
    max_exponent: float = 4.0
    detector: float = 0.0  # MQM points for a sentence the garble detector is sure of
    detector_centre: float = 0.0  # probabilities at or below this cost nothing (ordinary professional English)

    def penalty(self, f: Finding) -> float:
        """MQM weight of a finding (category override, else severity) times its origin's factor."""
        sev = str(f.severity)
        base = self.category.get(f.category, {}).get(sev, self.severity[sev])
        prefix = f.origin.split(":", 1)[0] if f.origin else ""
        return base * self.origin.get(prefix, 1.0)

    def rate(self, features: dict[str, float]) -> float:
        """Expected error weight per word from word statistics: ``base_rate · exp(Σ β_k (x_k − c_k))``."""
        z = sum(b * (features.get(k, 0.0) - self.feature_centre.get(k, 0.0)) for k, b in self.feature_weight.items())
        return self.base_rate * math.exp(min(self.max_exponent, z))

    @property
    def uses_features(self) -> bool:
        return self.base_rate > 0

    @property
    def uses_detector(self) -> bool:
        return self.detector > 0

    def garble_penalty(self, p: float | None) -> float:
        """``detector · max(0, p − centre) / (1 − centre)``: MQM points for a garble probability."""
        if p is None or not self.uses_detector:
            return 0.0
        c = min(self.detector_centre, 0.999)
        return self.detector * max(0.0, p - c) / (1.0 - c)


def weights_from_mapping(data: dict[str, Any]) -> Weights:
    feats = data.get("features") or {}
    return Weights(
        version=str(data["version"]),
        severity={k: float(v) for k, v in data["severity"].items()},
        category={c: {k: float(v) for k, v in d.items()} for c, d in (data.get("category") or {}).items()},
        scale=float(data["scale"]),
        min_words=int(data["min_words"]),
        origin={k: float(v) for k, v in (data.get("origin") or {}).items()},
        feature_centre={k: float(v["centre"]) for k, v in feats.items()},
        feature_weight={k: float(v["weight"]) for k, v in feats.items()},
        base_rate=float(data.get("base_rate", 0.0)),
        max_exponent=float(data.get("max_exponent", 4.0)),
        detector=float((data.get("detector") or {}).get("weight", 0.0)),
        detector_centre=float((data.get("detector") or {}).get("centre", 0.0)),
    )


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    import yaml

    text = (resources.files("mtfix.scoring") / "weights.yaml").read_text(encoding="utf-8")
    return weights_from_mapping(yaml.safe_load(text))


@dataclass
class SegmentScore:
    index: int
    start: int
    end: int
    words: int
    penalty: float  # findings + statistical
    fluency: float
    statistical: float = 0.0  # the part of the penalty from word statistics
    garbled: float | None = None  # the garble detector's probability (None: not judged)

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass
class FluencyScore:
    fluency: float
    words: int
    penalty: float
    segments: list[SegmentScore] = field(default_factory=list)


def to_fluency(penalty: float, words: int, w: Weights) -> float:
    return round(100.0 * math.exp(-w.scale * penalty / max(words, w.min_words)), 2)


def finding_penalties(doc: Document, findings: list[Finding], w: Weights) -> tuple[list[float], float]:
    """Summed finding penalty per segment, and the penalty of findings outside every segment."""
    per_seg = [0.0] * len(doc.segments)
    outside = 0.0
    for f in findings:
        seg = f.segment if f.segment is not None else (s.index if (s := doc.segment_at(f.start)) else None)
        if seg is None:
            outside += w.penalty(f)
        else:
            per_seg[seg] += w.penalty(f)
    return per_seg, outside


def statistical_penalties(doc: Document, words: list[int], w: Weights) -> list[float]:
    """``words · rate(features)`` per segment (0 when no feature has a weight or no model is installed)."""
    if not w.uses_features:
        return [0.0] * len(doc.segments)
    from mtfix.scoring.features import segment_features
    from mtfix.scoring.lm import BigramModel

    try:
        model = BigramModel.load()
    except ModuleNotFoundError:
        return [0.0] * len(doc.segments)
    return [
        n * w.rate(segment_features(doc.text[s.start : s.end], model)) if n else 0.0
        for s, n in zip(doc.segments, words, strict=True)
    ]


def garble_probabilities(doc: Document, w: Weights) -> list[float | None]:
    """The garble detector's probability per segment (None where it does not judge, or is not used)."""
    if not w.uses_detector:
        return [None] * len(doc.segments)
    from mtfix.garble.checker import probability

    return [probability(doc.text[s.start : s.end]) for s in doc.segments]


def fluency(doc: Document, findings: list[Finding], weights: Weights | None = None) -> FluencyScore:
    """Score each segment and the document from its findings, word statistics and garble probability."""
    w = weights or default_weights()
    per_seg, outside = finding_penalties(doc, findings, w)
    words = [word_count(doc.text[s.start : s.end]) for s in doc.segments]
    stats = statistical_penalties(doc, words, w)
    probs = garble_probabilities(doc, w)
    segs = []
    model_pen = 0.0
    for s, n, pen, st, p in zip(doc.segments, words, per_seg, stats, probs, strict=True):
        st = st + w.garble_penalty(p)
        model_pen += st
        total = pen + st
        segs.append(SegmentScore(s.index, s.start, s.end, n, round(total, 4), to_fluency(total, n, w), round(st, 4),
                                 None if p is None else round(p, 4)))
    total_pen = sum(per_seg) + model_pen + outside
    total_words = sum(words)
    return FluencyScore(to_fluency(total_pen, total_words, w), total_words, round(total_pen, 4), segs)


def detector_signature(w: Weights | None = None) -> str:
    """``garble:<model version>@<digest>`` when the detector's probability enters the score, else ``garble:none``."""
    w = w or default_weights()
    if not w.uses_detector:
        return "garble:none"
    from mtfix.garble.checker import detector

    return f"garble:{detector().signature()}"


def statistics_signature(w: Weights | None = None) -> str:
    """``lm:<source>`` when word statistics enter the score, ``lm:none`` otherwise."""
    w = w or default_weights()
    if not w.uses_features:
        return "lm:none"
    try:
        from mtfix.scoring.lm import BigramModel

        return f"lm:{BigramModel.load().signature()}"
    except ModuleNotFoundError:
        return "lm:none"
