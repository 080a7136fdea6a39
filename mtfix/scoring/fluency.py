"""The reference-free fluency score: MQM-style penalties per word, 0 to 100.

>>> from mtfix.pipeline import Pipeline
>>> s = Pipeline().score("The talks ended. Prices of oilgas rose.")
>>> s.segments[0].fluency, s.segments[1].fluency < 100
(100.0, True)
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
    version: str
    severity: dict[str, float]
    category: dict[str, dict[str, float]]
    scale: float
    min_words: int

    def penalty(self, f: Finding) -> float:
        sev = str(f.severity)
        return self.category.get(f.category, {}).get(sev, self.severity[sev])


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    import yaml

    data = yaml.safe_load((resources.files("mtfix.scoring") / "weights.yaml").read_text(encoding="utf-8"))
    return Weights(
        version=str(data["version"]),
        severity={k: float(v) for k, v in data["severity"].items()},
        category={c: {k: float(v) for k, v in d.items()} for c, d in (data.get("category") or {}).items()},
        scale=float(data["scale"]),
        min_words=int(data["min_words"]),
    )


@dataclass
class SegmentScore:
    index: int
    start: int
    end: int
    words: int
    penalty: float
    fluency: float

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


def fluency(doc: Document, findings: list[Finding], weights: Weights | None = None) -> FluencyScore:
    """Score each segment and the document from the findings on it."""
    w = weights or default_weights()
    per_seg = [0.0] * len(doc.segments)
    outside = 0.0
    for f in findings:
        seg = f.segment if f.segment is not None else (s.index if (s := doc.segment_at(f.start)) else None)
        if seg is None:
            outside += w.penalty(f)
        else:
            per_seg[seg] += w.penalty(f)
    segs = []
    total_words = 0
    for s, pen in zip(doc.segments, per_seg, strict=True):
        n = word_count(doc.text[s.start : s.end])
        total_words += n
        segs.append(SegmentScore(s.index, s.start, s.end, n, round(pen, 4), to_fluency(pen, n, w)))
    total_pen = sum(per_seg) + outside
    return FluencyScore(to_fluency(total_pen, total_words, w), total_words, round(total_pen, 4), segs)
