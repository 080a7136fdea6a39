"""bench/score_design.py scores cached components with the score's own formula, and its numpy copy agrees."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.scoring.fluency import default_weights

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
pytest.importorskip("numpy")
score_design = pytest.importorskip("score_design")

TEXTS = [
    "The regional council approved the new budget on Thursday after a long debate.",
    "The committee on the tenth of March in the capital its report to the minister presented, it said.",
    "Prices of oilgas rose. The ministers of both countries signed an agreement on energy cooperation in Baku.",
]


@pytest.fixture(scope="module")
def records():
    pipe = Pipeline(Config(grammar="off"))
    return pipe, [score_design.components(pipe, t) for t in TEXTS]


def test_cached_components_score_as_the_pipeline_does(records):
    pipe, recs = records
    w = default_weights()
    for text, rec in zip(TEXTS, recs, strict=True):
        assert score_design.record_score(rec, w, grammar=False) == pytest.approx(pipe.score(text).fluency, abs=0.01)


def test_vectorised_fit_formula_matches_the_score(records):
    _, recs = records
    w = default_weights()
    q = {
        "centre": w.detector_centre,
        "detector": w.detector,
        "per_word": w.detector_per_word,
        "length": w.length_points,
        "exponent": w.length_exponent,
        "lt_alone": w.alone.get("lt", 1.0),
        "glossary_alone": w.alone.get("glossary", 1.0),
        "min_words": w.min_words,
        "scale": w.scale,
    }
    assert w.length_words == score_design.LENGTH_WORDS
    arrays = score_design.Arrays([dict(r) for r in recs], grammar=False)
    for rec, fast in zip(recs, arrays.fluency(q), strict=True):
        assert fast == pytest.approx(score_design.record_score(rec, w, grammar=False), abs=0.01)
