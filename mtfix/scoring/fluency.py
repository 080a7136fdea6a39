"""The reference-free fluency score, 0 to 100, per segment and per document.

A segment's penalty is the number of MQM points it is expected to hold: what its
findings cost (MQM severities, by category, times a factor per origin; a
LanguageTool or glossary finding costs its ``alone`` factor unless another
origin finds something in the same segment; the garble detector's own MTF4xx
findings cost nothing), the errors any text of its length holds, what the
garble detector's probability ``p`` costs (:mod:`mtfix.garble`), and word
statistics (:mod:`mtfix.scoring.features`, off since weights 3.0):

    length     = length_points · (words / length_words) ^ length_exponent
    garble     = (detector + detector_per_word · words) · (max(0, p − centre) / (1 − centre)) ^ shape
    rate       = base_rate · exp(min(max_exponent, Σ_k β_k · (x_k − c_k)))
    penalty    = findings + length + garble + words · rate
    fluency    = 100 · exp(−scale · penalty / max(words, min_words))

With a source in a language with a lexical table (bilingual input; weights 4.5, session 29), the target's
coverage of the source's content words (``share``, :mod:`mtfix.checks.lexical_coverage`) costs
``lexical.points · max(0, centre − share) / centre`` MQM points against the whole text
(:func:`source_penalty`); without a source, or for a source no table covers, nothing.

Consecutive segments (sentences), in order and whatever the paragraphs, pooled to
at least :data:`UNIT_WORDS` words score as one unit, its summed penalty over its summed
words, as MQM judges a segment by its error total; a document is the word-weighted
mean of its units' scores (:data:`DOCUMENT_REVISION` ``doc-3``, since session 16;
``doc-2``, session 15: each paragraph a unit; before, the whole document was one).  The weights are chosen on
development data only (``bench/score_design.py``, docs/scoring.md) and kept in
``weights.yaml`` with a version.

>>> from mtfix.pipeline import Pipeline
>>> s = Pipeline().score("The talks ended. Prices of oilgas rose.")
>>> s.segments[0].fluency > 95 > s.segments[1].fluency
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from mtfix.model import Document, Finding
from mtfix.segment import word_count

#: How segment scores make a document score, named in the signature after the weights' version
#: (``weights:4.5/doc-3``): ``doc-3`` (session 16), the word-weighted mean of the scores of units of
#: consecutive segments pooled to at least :data:`UNIT_WORDS` words (:func:`unit_indices`), so that a layout of short paragraphs,
#: subtitle cues or list items scores as the same sentences in one paragraph; ``doc-2`` (session 15), each
#: paragraph a unit; ``doc-1`` (unnamed before), the whole document's summed penalty over its summed words.
DOCUMENT_REVISION = "doc-3"
#: ``doc-3``: the fewest words a unit of consecutive segments holds (:func:`unit_indices`): the segment
#: score's ``min_words`` (64), so that no unit but a document's last is scored against more words than it has
#: (chosen on development data, ``bench/doc_layout.py`` and ``bench/doc_score.py``, docs/scoring.md).
UNIT_WORDS = 64
#: A blank line: white space only (``str.isspace``, as the segmenter reads a blank line: a no-break space, a
#: form feed), or a block quote's blank line (``>``, ``> >``: in Markdown, only markup)
_BLANK_LINE = re.compile(r"\n[^\S\n]*(?:>[^\S\n]*)*\n")


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
    detector_per_word: float = 0.0  # MQM points per word for a sentence the detector is sure of
    detector_shape: float = 1.0  # exponent on the probability's excess over the centre (< 1: concave; 1.0 in every shipped version)
    length_points: float = 0.0  # MQM points a segment of ``length_words`` words costs: errors expected of any text
    length_words: float = 25.0
    length_exponent: float = 1.0  # how those expected errors grow with length (1: in proportion)
    alone: dict[str, float] = field(default_factory=dict)  # origin → factor for its findings when uncorroborated
    lexical_points: float = 0.0  # MQM points for a target that covers none of its source's content words (bilingual)
    lexical_centre: float = 1.0  # source coverage at or above this costs nothing
    lexical_min_content: int = 1  # content words a source needs for the term

    def finding_weight(self, code: str, origin: str, severity: str, category: str) -> float:
        """MQM weight of a finding (category override, else severity) times its origin's factor."""
        base = self.category.get(category, {}).get(severity, self.severity[severity])
        return base * self.origin.get(origin, 1.0)

    def penalty(self, f: Finding) -> float:
        """:meth:`finding_weight` of a :class:`~mtfix.model.Finding`."""
        prefix = f.origin.split(":", 1)[0] if f.origin else ""
        return self.finding_weight(f.code, prefix, str(f.severity), f.category)

    def rate(self, features: dict[str, float]) -> float:
        """Expected error weight per word from word statistics: ``base_rate · exp(Σ β_k (x_k − c_k))``."""
        z = sum(b * (features.get(k, 0.0) - self.feature_centre.get(k, 0.0)) for k, b in self.feature_weight.items())
        return self.base_rate * math.exp(min(self.max_exponent, z))

    @property
    def uses_features(self) -> bool:
        return self.base_rate > 0

    @property
    def uses_detector(self) -> bool:
        return self.detector > 0 or self.detector_per_word > 0

    def garble_penalty(self, p: float | None, words: int = 0) -> float:
        """``(detector + detector_per_word · words) · (max(0, p − centre) / (1 − centre)) ^ shape``: MQM points."""
        if p is None or not self.uses_detector:
            return 0.0
        c = min(self.detector_centre, 0.999)
        h = max(0.0, p - c) / (1.0 - c)
        return (self.detector + self.detector_per_word * words) * h**self.detector_shape if h > 0 else 0.0

    def length_penalty(self, words: int) -> float:
        """``length_points · (words / length_words) ^ length_exponent``: the errors any text of that length has."""
        if self.length_points <= 0 or words <= 0:
            return 0.0
        return self.length_points * (words / self.length_words) ** self.length_exponent

    @staticmethod
    def corroborated(origins: list[str], alone: dict[str, float]) -> bool:
        """Whether a segment's findings come from an origin outside ``alone`` too (rules, or the garble
        detector: MTF401 when it judges the sentence garbled, MTF402–408 for structural signs)."""
        return any(o not in alone for o in origins)


FindingKey = tuple[str, str, str, str]  # code, origin prefix, severity, category


def lexical_penalty(share: float, content: int, w: Weights) -> float:
    """MQM points of a translation that carries ``share`` of its source's ``content`` words (bilingual input,
    a source language with a table: :func:`mtfix.checks.lexical_coverage.coverage`):
    ``points · max(0, centre − share) / centre`` when the source has at least ``min_content`` content words."""
    if w.lexical_points <= 0 or content < w.lexical_min_content:
        return 0.0
    c = max(w.lexical_centre, 1e-9)
    return w.lexical_points * max(0.0, c - share) / c


def source_penalty(doc: Document, w: Weights) -> float:
    """:func:`lexical_penalty` of ``doc``'s target against its source: 0 without a source (monolingual input,
    the tables never read), for a source no table covers, or when the weights have no lexical term."""
    if not doc.source or w.lexical_points <= 0:
        return 0.0
    from mtfix.checks.lexical_coverage import coverage

    cov = coverage(doc.source, doc.text, stems=True)  # recognition with the stem back-off (session 30)
    return 0.0 if cov is None else lexical_penalty(cov.share, len(cov.content), w)


def segment_penalty(words: int, findings: list[FindingKey], p: float | None, w: Weights) -> float:
    """MQM points of one segment (word statistics apart): its findings (those of an ``alone`` origin at
    that factor unless another origin also finds something there), the length penalty and the garble
    probability's penalty."""
    origins = [o for _, o, _, _ in findings]
    solo = bool(w.alone) and not w.corroborated(origins, w.alone)
    total = sum(w.finding_weight(*k) * (w.alone.get(k[1], 1.0) if solo else 1.0) for k in findings)
    return total + w.length_penalty(words) + w.garble_penalty(p, words)


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
        detector_per_word=float((data.get("detector") or {}).get("per_word", 0.0)),
        detector_shape=float((data.get("detector") or {}).get("shape", 1.0)),
        length_points=float((data.get("length") or {}).get("points", 0.0)),
        length_words=float((data.get("length") or {}).get("words", 25.0)),
        length_exponent=float((data.get("length") or {}).get("exponent", 1.0)),
        alone={k: float(v) for k, v in (data.get("alone") or {}).items()},
        lexical_points=float((data.get("lexical") or {}).get("points", 0.0)),
        lexical_centre=float((data.get("lexical") or {}).get("centre", 1.0)),
        lexical_min_content=int((data.get("lexical") or {}).get("min_content", 1)),
    )


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    import yaml

    from mtfix.grammar.scoring import scoring_table

    text = (resources.files("mtfix.scoring") / "weights.yaml").read_text(encoding="utf-8")
    return with_lt_classes(weights_from_mapping(yaml.safe_load(text)), scoring_table().factors)


def with_lt_classes(w: Weights, factors: dict[str, tuple[float, float]]) -> Weights:
    """``w`` with the factors of LanguageTool's scoring classes that ``mtfix/grammar/scoring.tsv`` sets
    (class → (factor, alone)); a class both files weigh is an error, never a silent choice."""
    both = sorted(set(factors) & (set(w.origin) | set(w.alone)))
    if both:
        raise ValueError(f"scoring.tsv and weights.yaml both weigh {', '.join(both)}")
    return replace(w, origin={**w.origin, **{c: f for c, (f, _) in factors.items()}},
                   alone={**w.alone, **{c: a for c, (_, a) in factors.items()}})


@dataclass
class SegmentScore:
    index: int
    start: int
    end: int
    words: int
    penalty: float  # findings + statistical
    fluency: float
    statistical: float = 0.0  # the part of the penalty not from findings: length, garble probability, word statistics
    garbled: float | None = None  # the garble detector's probability (None: not judged)
    paragraph: int = 0  # which paragraph (segments between blank lines) it is in
    unit: int = 0  # which unit (segments pooled to at least UNIT_WORDS words, doc-3) the document score counts it in

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass
class FluencyScore:
    fluency: float
    words: int
    penalty: float
    segments: list[SegmentScore] = field(default_factory=list)


def to_fluency(penalty: float, words: int, w: Weights) -> float:
    """A segment's (or one paragraph's) score: ``100 · exp(−scale · penalty / max(words, min_words))``."""
    return round(_fluency(penalty, words, w), 2)


def finding_key(f: Finding, text: str) -> FindingKey:
    """What the score needs of a finding of ``text``: code, scoring class, severity, MQM category.

    The scoring class is the origin's prefix (``rule``, ``glossary``, ``garble``); a LanguageTool
    finding's comes from ``mtfix/grammar/scoring.tsv`` (:func:`mtfix.grammar.scoring.scoring_class`):
    ``lt-name`` for its speller on a capitalised word (a name it does not know), ``lt-nonword`` on a
    lower-case word that is not English, ``lt`` for the rest.
    """
    origin = f.origin.split(":", 1)[0] if f.origin else ""
    if origin == "lt":
        from mtfix.grammar.scoring import scoring_class

        origin = scoring_class(f, text)
    return f.code, origin, str(f.severity), f.category


#: Checkers whose findings are about layout, not language (MTF601, a subtitle line a fix made too long):
#: the score leaves their findings out, and its signature does not name them.
UNSCORED_CHECKERS = frozenset({"subtitles"})
#: The origins of those checkers' findings.
LAYOUT_ORIGINS = tuple(f"{name}:" for name in sorted(UNSCORED_CHECKERS))


def segment_findings(doc: Document, findings: list[Finding]) -> tuple[list[list[FindingKey]], list[FindingKey]]:
    """Each segment's findings as :data:`FindingKey`, and those outside every segment (layout findings,
    :data:`LAYOUT_ORIGINS`, left out)."""
    per_seg: list[list[FindingKey]] = [[] for _ in doc.segments]
    outside: list[FindingKey] = []
    for f in findings:
        if f.origin.startswith(LAYOUT_ORIGINS):  # a subtitle line's length says nothing of the English
            continue
        seg = doc.segment_index_of(f)
        (outside if seg is None else per_seg[seg]).append(finding_key(f, doc.text))
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
        n * w.rate(segment_features(s.text(doc), model)) if n else 0.0
        for s, n in zip(doc.segments, words, strict=True)
    ]


def garble_probabilities(doc: Document, w: Weights) -> list[float | None]:
    """The garble detector's probability per segment (None for a segment too short to judge, or when the
    detector is not used), of the segment's prose as the check reads it (:func:`mtfix.garble.checker.segment_text`:
    a web address read as one name, session 23).  A segment the check does not judge because it has no prose view
    (a protected span the format does not name: an XLIFF placeholder) is read here as its raw text."""
    if not w.uses_detector:
        return [None] * len(doc.segments)
    from mtfix.garble.checker import probability, segment_text

    out: list[float | None] = []
    for s in doc.segments:  # a segment with markup is read as its prose (mtfix.garble.view)
        text = segment_text(doc, s)
        out.append(probability(s.text(doc) if text is None else text))
    return out


def paragraph_indices(doc: Document) -> list[int]:
    """Each segment's paragraph: a blank line between two segments starts a new one (:data:`_BLANK_LINE`:
    white space only, or a quote's blank line ``>``, as the segmenter reads a quoted paragraph as the same
    paragraph unquoted; a line of only ``>`` in plain text is a segment, never in the text between two)."""
    out: list[int] = []
    para, prev = 0, None
    for s in doc.segments:
        gap = "" if prev is None else doc.text[prev : s.start].replace("\r\n", "\n").replace("\r", "\n")
        if _BLANK_LINE.search(gap):  # whatever the line ends
            para += 1
        out.append(para)
        prev = s.end
    return out


def unit_indices(words: list[int], paragraphs: list[int], unit_words: int | None = None) -> list[int]:
    """Each segment's scoring unit (``doc-3``): consecutive segments, in order and whatever the paragraphs,
    pooled until a unit holds at least ``unit_words`` words (:data:`UNIT_WORDS`); a last unit of fewer joins
    the one before.  So the unit a sentence is scored in depends on the sentences only, never on the line
    breaks between them (short paragraphs, subtitle cues, list items, one long paragraph alike), and a text of
    fewer than twice ``unit_words`` words is one unit, as it was.  ``unit_words`` 0: each paragraph a unit
    (``doc-2``, for comparison)."""
    limit = UNIT_WORDS if unit_words is None else unit_words
    if limit <= 0:
        return list(paragraphs)
    out: list[int] = []
    unit, held = 0, 0
    for n in words:
        if held >= limit:
            unit, held = unit + 1, 0
        held += n
        out.append(unit)
    if unit and held < limit:  # the last unit is short: it joins the one before
        out = [min(u, unit - 1) for u in out]
    return out


def document_fluency(words: list[int], penalties: list[float], paragraphs: list[int], w: Weights,
                     outside: float = 0.0, unit_words: int | None = None) -> float:
    """The document score: consecutive segments pooled into units of at least ``unit_words`` words
    (:func:`unit_indices`), each unit scored as one (:func:`to_fluency` of its summed penalty and words),
    averaged weighing each unit's words (at least 1); findings outside every segment (``outside``, MQM
    points) count against the whole document's words."""
    by_unit: dict[int, list[float]] = {}
    for n, pen, k in zip(words, penalties, unit_indices(words, paragraphs, unit_words), strict=True):
        acc = by_unit.setdefault(k, [0.0, 0.0])
        acc[0] += n
        acc[1] += pen
    total = sum(max(n, 1.0) for n, _ in by_unit.values())
    mean = (sum(max(n, 1.0) * _fluency(pen, int(n), w) for n, pen in by_unit.values()) / total) if total else 100.0
    if outside:
        mean *= math.exp(-w.scale * outside / max(sum(words), w.min_words))
    return round(mean, 2)


def records_fluency(scores: list[Any]) -> float | None:
    """A file's number from its units' (records') scores: one unit's own, else their mean weighted by their
    words, rounded once to 0.01 — what ``score``, its JSON and the review report show for a file of records.
    Units without a word have no score and are left out; None when no unit has a word ("no words to score")."""
    scores = [s for s in scores if s.words and s.fluency is not None]
    if not scores:
        return None
    if len(scores) == 1:
        return scores[0].fluency
    words = sum(s.words for s in scores)
    return round(sum(s.fluency * s.words for s in scores) / words, 2)


def _fluency(penalty: float, words: int, w: Weights) -> float:
    return 100.0 * math.exp(-w.scale * penalty / max(words, w.min_words))


def fluency(doc: Document, findings: list[Finding], weights: Weights | None = None) -> FluencyScore:
    """Score each segment and the document from its findings, word statistics and garble probability."""
    w = weights or default_weights()
    per_seg, outside = segment_findings(doc, findings)
    words = [word_count(s.text(doc)) for s in doc.segments]
    stats = statistical_penalties(doc, words, w)
    probs = garble_probabilities(doc, w)
    paras = paragraph_indices(doc)
    units = unit_indices(words, paras)
    segs, totals = [], []
    for s, n, keys, st, p, k, u in zip(doc.segments, words, per_seg, stats, probs, paras, units, strict=True):
        total = segment_penalty(n, keys, p, w) + st
        totals.append(total)
        model = st + w.garble_penalty(p, n) + w.length_penalty(n)
        segs.append(
            SegmentScore(
                s.index,
                s.start,
                s.end,
                n,
                round(total, 4),
                to_fluency(total, n, w),
                round(model, 4),
                None if p is None else round(p, 4),
                k,
                u,
            )
        )
    outside_pen = sum(w.finding_weight(*k) for k in outside)
    lexical = source_penalty(doc, w)  # bilingual: against the whole text, as findings outside every segment
    if lexical:
        outside_pen += lexical
    score = document_fluency(words, totals, paras, w, outside_pen)
    return FluencyScore(score, sum(words), round(sum(totals) + outside_pen, 4), segs)


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
