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
import threading
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from mtfix.errors import ConfigError
from mtfix.garble.signs import DENSE_FEATURES, Analysis, TagTrigrams, analyse
from mtfix.garble.tagger import Tagger
from mtfix.garble.tagger import load as load_tagger

MODEL_FILE = "detector.npz"
_lock = threading.Lock()


@dataclass
class Prediction:
    """The model's judgement of one sentence."""

    probability: float
    analysis: Analysis
    contributions: dict[str, float] = field(default_factory=dict)  # per dense feature, in logits


class Detector:
    """A trained garble model: weights, feature scaling, tag trigrams, thresholds."""

    def __init__(self, meta: dict[str, Any], dense: np.ndarray, hashed: np.ndarray, trigrams: TagTrigrams,
                 digest: str, tagger: Tagger | None = None):
        self.meta = meta
        self.features: list[str] = list(meta["features"])
        self.mean = np.asarray(meta["mean"], dtype=np.float64)
        self.std = np.asarray(meta["std"], dtype=np.float64)
        self.bias = float(meta["bias"])
        self.dense = dense.astype(np.float64)
        self.hashed = hashed.astype(np.float64)
        self.trigrams = trigrams
        self.digest = digest
        self.thresholds: dict[str, float] = dict(meta.get("thresholds", {"minor": 0.5, "major": 0.8}))
        self.version = str(meta.get("version", "0"))
        self._tagger = tagger
        self._lm: Any = None
        self._lm_loaded = False

    @property
    def tagger(self) -> Tagger:
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
        digest = hashlib.sha256(raw).hexdigest()
        with np.load(io.BytesIO(raw)) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            trigrams = TagTrigrams.from_json(json.loads(bytes(data["trigrams"]).decode("utf-8")))
            return cls(meta, data["dense"], data["hashed"], trigrams, digest)

    @classmethod
    def load(cls, path: str | None = None) -> Detector:
        """The shipped model (or the one at ``path``), once per process."""
        return _load(path)

    def vector(self, a: Analysis) -> np.ndarray:
        return np.array([a.dense.get(k, 0.0) for k in self.features], dtype=np.float64)

    def logit(self, a: Analysis) -> tuple[float, np.ndarray]:
        z = (self.vector(a) - self.mean) / self.std
        contrib = z * self.dense
        return self.bias + float(contrib.sum()) + float(self.hashed[a.hashed].sum()), contrib

    def analyse(self, text: str, offset: int = 0) -> Analysis:
        return analyse(text, self.tagger, self.trigrams, self.lm, offset)

    def predict(self, text: str, offset: int = 0) -> Prediction:
        """The probability that ``text`` (one sentence) is garbled, with the analysis behind it."""
        a = self.analyse(text, offset)
        if not a.tokens:
            return Prediction(0.0, a)
        lo, contrib = self.logit(a)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, lo))))
        return Prediction(p, a, {k: float(c) for k, c in zip(self.features, contrib, strict=True)})

    def signature(self) -> str:
        return f"garble-{self.version}@{self.digest[:12]}"


@lru_cache(maxsize=2)
def _load(path: str | None) -> Detector:
    where = path or f"mtfix/garble/data/{MODEL_FILE}"
    with _lock:
        try:
            if path is None:
                raw = (resources.files("mtfix.garble") / "data" / MODEL_FILE).read_bytes()
            else:
                raw = Path(path).read_bytes()
            return Detector.from_bytes(raw)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise ConfigError(f"{where}: the garble detector's model cannot be read ({exc}); reinstall mtfix, "
                              "or run `python bench/train_detector.py`, or turn it off with --ignore MTF4") from None


def save(path: str | Path, meta: dict[str, Any], dense: np.ndarray, hashed: np.ndarray, trigrams: TagTrigrams) -> str:
    """Write a model file; return its SHA-256 digest."""
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


def features_of(a: Analysis) -> list[float]:
    """Dense feature values in the model's order."""
    return [a.dense.get(k, 0.0) for k in DENSE_FEATURES]
