"""The numpy-free tagger used at inference must tag exactly as the numpy one."""

from __future__ import annotations

import io
import random
from array import array

import numpy as np

from mtfix.garble import tagger
from mtfix.garble.tagger import PackedTagger, Tagger


def _pair(weights: list[list[int]], tags: list[str], features: list[str]) -> tuple[Tagger, PackedTagger]:
    scaled = np.array(weights, dtype=np.int16)
    numpy_tagger = Tagger(tags, features, scaled.astype(np.float32) / 1000.0, {})
    packed = PackedTagger(tags, features, array("h", scaled.ravel().tolist()), {})
    return numpy_tagger, packed


def test_ties_and_near_ties_are_settled_as_numpy_does() -> None:
    """Weights drawn from a handful of values make equal and nearly equal integer
    sums common, which sends most tokens through the float32 tie-break."""
    rng = random.Random(5)
    tags = [f"T{i}" for i in range(6)]
    words = [f"w{i}" for i in range(12)]
    features = sorted({f for i in range(2, 14) for f in tagger.token_features(i, ["-START-", "-START2-", *words, "-END-",
                                                                              "-END2-"], "T0", "T1")}
                      | {"b", "fst", "mid"})
    for _ in range(30):
        values = [rng.choice([-1, 0, 1, 333, 334, 667, 1000, -333]) for _ in range(len(features) * len(tags))]
        weights = [values[r * len(tags):(r + 1) * len(tags)] for r in range(len(features))]
        a, b = _pair(weights, tags, features)
        sentence = [rng.choice(words) for _ in range(12)]
        assert a.tag(sentence) == b.tag(sentence)


def test_shipped_model_reads_the_same_without_numpy() -> None:
    from importlib import resources

    raw = (resources.files("mtfix.garble") / "data" / tagger.MODEL_FILE).read_bytes()
    with np.load(io.BytesIO(raw)) as data:
        reference = Tagger.from_npz(data)
    packed = tagger.load()
    assert isinstance(packed, PackedTagger)
    sentence = ["The", "minister", "said", "that", ",", "the", "talks", "in", "Baku", "snowThe", "were", "a", "success", "."]
    assert packed.tag(sentence) == reference.tag(sentence)
    assert packed.tags == reference.tags and packed.features == reference.features
