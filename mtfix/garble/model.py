"""The garble model: a logistic regression over the signals of :mod:`mtfix.garble.signs`.

``P(garbled) = σ(b + Σ_k w_k · (x_k − μ_k) / σ_k + Σ_h v_h)`` over the dense
features ``x_k`` and the hashed tag/function-word n-grams ``h`` of a sentence.
The weights, the tag trigram model and the severity thresholds ship in
``mtfix/garble/data/detector.npz`` (written by ``bench/train_detector.py``,
which records data, operators, split and figures in ``detector.json`` next to
it).  Its SHA-256 content digest goes into every signature.

>>> d = Detector.load()
>>> p_ok = d.predict("The two countries signed an agreement on energy cooperation, officials said.").probability
>>> p_bad = d.predict("The minister noted that in the region the new hospital next year will be opened, he said.").probability
>>> p_bad > p_ok
True
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import sys
import threading
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter, mul, sub, truediv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtfix.garble.signs import ANALYSED_FEATURES, CANDIDATE_FEATURES, Analysis, TagTrigrams, analyse
from mtfix.garble.tagger import PackedTagger, Tagger, load_model_file, read_npz
from mtfix.garble.tagger import load as load_tagger

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "detector.npz"
_lock = threading.Lock()


@dataclass
class Prediction:
    """The model's judgement of one sentence."""

    probability: float
    analysis: Analysis
    contributions: dict[str, float] = field(default_factory=dict)  # per dense feature, in logits
    patterns: float = 0.0  # the hashed word and tag n-grams together, in logits


def _parse_npz(raw: bytes) -> tuple[Any, Any, dict[str, tuple[str, tuple[int, ...], bytes]]]:
    """(meta, tag trigrams as JSON data, the float arrays) of a detector ``.npz`` file."""
    data = read_npz(raw)
    meta = json.loads(data.pop("meta")[2].decode("utf-8"))
    trigrams = json.loads(data.pop("trigrams")[2].decode("utf-8"))
    return meta, trigrams, data


class Detector:
    """A trained garble model: weights, feature scaling, tag trigrams, thresholds."""

    def __init__(self, meta: dict[str, Any], dense: Sequence[float], hashed: Sequence[float], trigrams: TagTrigrams,
                 digest: str, tagger: Tagger | PackedTagger | None = None):
        self.meta = meta
        self.features: list[str] = list(meta["features"])
        unknown = [k for k in self.features if k not in ANALYSED_FEATURES]
        if unknown:
            raise ValueError(f"the garble model reads {', '.join(unknown)}, which this version's analysis does not "
                             "give (a model trained by another version of mtfix?)")
        #: whether the model reads a candidate signal, which the analysis then computes (session 52)
        self.extra = not set(CANDIDATE_FEATURES).isdisjoint(self.features)
        # Plain float64 arithmetic in numpy's order (see _pairwise_sum): no numpy at inference.
        self.mean = [float(v) for v in meta["mean"]]
        self.std = [float(v) for v in meta["std"]]
        self.bias = float(meta["bias"])
        self.dense = [float(v) for v in dense]
        self.hashed: Sequence[float] = hashed if isinstance(hashed, array) else array("d", (float(v) for v in hashed))
        self.trigrams = trigrams
        self.digest = digest
        self.thresholds: dict[str, float] = dict(meta.get("thresholds", {"minor": 0.5, "major": 0.8}))
        self.version = str(meta.get("version", "0"))
        # words kept as themselves in the hashed n-grams' view besides the function words (absent: none)
        self.view_words: frozenset[str] | None = frozenset(meta["view_words"]) if meta.get("view_words") else None
        self._pick = _picker(self.features)
        self._tagger = tagger
        self._lm: Any = None
        self._lm_loaded = False
        #: the hashed weights :meth:`logit` reads: :attr:`hashed` until a long document's logits make a list of
        #: them worth its making (:data:`_LIST_AFTER`); the same float values either way
        self._weights: Sequence[float] = self.hashed
        self._logits = 0

    @property
    def tagger(self) -> Tagger | PackedTagger:
        if self._tagger is None:
            self._tagger = load_tagger()
        return self._tagger

    @property
    def lm(self) -> Any:
        if not self._lm_loaded:
            try:
                from mtfix.scoring.lm import BigramModel

                self._lm = BigramModel.load()
            except ModuleNotFoundError:
                self._lm = None
            self._lm_loaded = True
        return self._lm

    @classmethod
    def from_bytes(cls, raw: bytes) -> Detector:
        from mtfix.caching import cache

        digest = hashlib.sha256(raw).hexdigest()
        # the file's JSON parsed and its arrays read, from the user's cache when this file was read before
        meta, trigrams_json, data = cache.cached_blob(raw, "detector-parsed-1", lambda: _parse_npz(raw))
        trigrams = TagTrigrams.from_json(trigrams_json)
        floats = {}
        for name in ("dense", "hashed"):
            dtype, _shape, body = data[name]
            if dtype != "f4":
                raise ValueError(f"{name}: expected float32, found {dtype}")
            floats[name] = array("f", body)  # float32 values, exact as Python floats
            if sys.byteorder != "little":  # pragma: no cover
                floats[name].byteswap()
        return cls(meta, floats["dense"], floats["hashed"], trigrams, digest)

    @classmethod
    def load(cls, path: str | None = None) -> Detector:
        """The shipped model (or the one at ``path``), once per process."""
        return _load(path)

    def vector(self, a: Analysis) -> list[float]:
        """The values of the model's features in analysis ``a``; a feature ``a`` lacks (an analysis made without
        the candidate signals the model reads, or without tag trigrams) is an error, never a silent 0.0."""
        try:
            return list(map(float, self._pick(a.dense)))
        except KeyError:
            return feature_values(a.dense, self.features)  # raises, naming what is missing

    def logit(self, a: Analysis) -> tuple[float, list[float], float]:
        """The logit, each dense feature's part of it, and the hashed n-grams' part."""
        vec = self.vector(a)
        if not len(vec) == len(self.mean) == len(self.std) == len(self.dense):  # as zip(..., strict=True) checked
            raise ValueError(f"{len(vec)} feature values for a model of {len(self.mean)}")
        # ((x - m) / s) * w of each feature, the same operations in the same order, in C
        contrib = list(map(mul, map(truediv, map(sub, vec, self.mean), self.std), self.dense))
        weights = self._weights
        if weights is self.hashed:
            self._logits += 1
            if self._logits > _LIST_AFTER and isinstance(weights, array):
                weights = self._weights = weights.tolist()
        patterns = _pairwise_sum(list(map(weights.__getitem__, a.hashed)))
        return self.bias + _pairwise_sum(contrib) + patterns, contrib, patterns

    def analyse(self, text: str, offset: int = 0) -> Analysis:
        return analyse(text, self.tagger, self.trigrams, self.lm, offset, self.view_words, self.extra)

    def predict(self, text: str, offset: int = 0) -> Prediction:
        """The probability that ``text`` (one sentence) is garbled, with the analysis behind it."""
        a = self.analyse(text, offset)
        if not a.tokens:
            return Prediction(0.0, a)
        lo, contrib, patterns = self.logit(a)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, lo))))
        return Prediction(p, a, dict(zip(self.features, map(float, contrib), strict=True)), patterns)

    def signature(self) -> str:
        """The model's version and digest, and the revision of the analysis its features come from."""
        from mtfix.garble.signs import ANALYSIS_REVISION

        return f"garble-{self.version}@{self.digest[:12]}/analysis-{ANALYSIS_REVISION}"


#: How many logits read the weights' array before they are read from a list of the same floats (a list hands out
#: its float objects; the array makes a new one at each look-up: 2.8× the cost of a sentence's 60 look-ups, and a
#: list of 65,536 weights costs about as much as 500 sentences' look-ups: session 45).  Memory: the list costs
#: 2,097,152 bytes (~2.1 MB: 65,536 float objects of 24 bytes and their 8-byte slots; tracemalloc around
#: ``tolist()``) per loaded detector, kept for the process's life (a language server's too) beside the array's 256 KB,
#: once one document has asked more than 512 logits; short documents never pay it.
_LIST_AFTER = 512


def _picker(keys: list[str]) -> Callable[[dict[str, float]], Sequence[float]]:
    """A function giving the values of ``keys`` of a mapping, in order, as a sequence."""
    if len(keys) == 1:
        only = keys[0]
        return lambda d: (d[only],)
    return itemgetter(*keys) if keys else lambda d: ()


def _pairwise_sum(values: list[float]) -> float:
    """Sum of float64 ``values`` exactly as numpy's ``ndarray.sum`` adds them (pairwise,
    in blocks of 8 accumulators), so probabilities stay identical to the trained model's."""
    n = len(values)
    if n < 8:
        res = 0.0
        for v in values:
            res += v
        return res
    if n <= 128:
        r0, r1, r2, r3, r4, r5, r6, r7 = values[:8]
        stop = n - n % 8
        row = iter(values[8:stop])  # the rows of eight after the first, read by zip in C (no slice per row)
        for v0, v1, v2, v3, v4, v5, v6, v7 in zip(row, row, row, row, row, row, row, row):  # noqa: B905
            # each accumulator adds its own column, in order
            r0 += v0
            r1 += v1
            r2 += v2
            r3 += v3
            r4 += v4
            r5 += v5
            r6 += v6
            r7 += v7
        res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        for v in values[stop:]:
            res += v
        return res
    half = n // 2
    half -= half % 8
    return _pairwise_sum(values[:half]) + _pairwise_sum(values[half:])


@lru_cache(maxsize=2)
def _load(path: str | None) -> Detector:
    return load_model_file(path, MODEL_FILE, Detector.from_bytes, _lock, "the garble detector's model",
                           "reinstall mtfix, or run `python bench/train_detector.py`, "
                           "or turn it off with --ignore MTF4")


def save(path: str | Path, meta: dict[str, Any], dense: np.ndarray, hashed: np.ndarray, trigrams: TagTrigrams) -> str:
    """Write a model file; return its SHA-256 digest."""
    import numpy as np

    buf = io.BytesIO()
    np.savez_compressed(
        buf,
        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8),
        trigrams=np.frombuffer(json.dumps(trigrams.to_json(), sort_keys=True).encode("utf-8"), dtype=np.uint8),
        dense=dense.astype(np.float32),
        hashed=hashed.astype(np.float32),
    )
    raw = buf.getvalue()
    Path(path).write_bytes(raw)
    return hashlib.sha256(raw).hexdigest()


def feature_values(dense: Mapping[str, float], names: Iterable[str]) -> list[float]:
    """The values of features ``names`` in ``dense`` (an analysis' features, or a bench cache row's ``"dense"``), in
    order.  A name ``dense`` lacks is an error naming it, never a silent 0.0 (session 53): an analysis made without
    the signals a model reads, or a cache collected before a feature was added, would otherwise read as fluent.

    >>> feature_values({"splice": 1.0, "no_finite": 0.0}, ["no_finite", "splice"])
    [0.0, 1.0]
    >>> feature_values({"splice": 1.0}, ["no_finite", "splice"])
    Traceback (most recent call last):
    ...
    ValueError: the analysis lacks the feature(s) no_finite: analyse with the model's own Detector.analyse (a cached row: collect it again)
    """
    names = list(names)
    missing = [k for k in names if k not in dense]
    if missing:
        raise ValueError(f"the analysis lacks the feature(s) {', '.join(missing)}: analyse with the model's own "
                         "Detector.analyse (a cached row: collect it again)")
    return [float(dense[k]) for k in names]
