"""bench/score_components.py splits a cached record's penalty into parts that add up to the shipped score."""

from __future__ import annotations

import math
import sys
from dataclasses import fields, replace
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.scoring.fluency import default_weights

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
pytest.importorskip("numpy")
score_design = pytest.importorskip("score_design")
import score_components  # noqa: E402  (bench/score_components.py: this session's script, never skipped)

TEXTS = [
    "The harbour board published its yearly accounts on Monday without comment.",
    "Yesterday the the delegation at the airport to the reporters its satisfaction expressed and went.",
    "Buyers of the old mill said that , the roof needs repair. It will reopen in spring.",
]


@pytest.fixture(scope="module")
def records():
    pipe = Pipeline(Config(grammar="off"))
    return pipe, [score_design.components(pipe, t) for t in TEXTS]


def test_components_add_up_to_the_pipeline_score(records):
    pipe, recs = records
    w = default_weights()
    for text, rec in zip(TEXTS, recs, strict=True):
        comp, words = score_components.parts(rec, w)
        assert words == pipe.score(text).words
        assert round(score_components.score(sum(comp.values()), words, w), 2) == pytest.approx(
            pipe.score(text).fluency, abs=0.01)


def test_rule_findings_are_split_by_category_and_detector_by_part(records):
    _, recs = records
    w = default_weights()
    comp, words = score_components.parts(recs[1], w)
    assert any(k.startswith("rule ") for k in comp), comp  # a doubled word: a rule finding, at the rules' factor
    rule = sum(v for k, v in comp.items() if k.startswith("rule "))
    assert rule >= w.origin["rule"] * w.severity["minor"]
    if comp.get("detector constant"):  # the per-word part is the constant's share scaled by the words
        assert comp["detector per word"] == pytest.approx(
            comp["detector constant"] * w.detector_per_word * words / w.detector, rel=1e-6)


def test_a_score_of_no_component_is_perfect(records):
    w = default_weights()
    _, recs = records
    _comp, words = score_components.parts(recs[1], w)
    assert score_components.score(0.0, words, w) == 100.0
    # the shipped formula, rounded as shipped (the script calls mtfix.scoring.fluency.to_fluency)
    assert score_components.score(5.0, words, w) == pytest.approx(100 * math.exp(-w.scale * 5 / w.min_words), abs=0.005)
    assert score_components.score(5.0, words, w) == round(score_components.score(5.0, words, w), 2)


def test_candidates_name_weights_fields():
    names = {f.name for f in fields(default_weights())}
    for change in score_components.CANDIDATES.values():
        assert set(change) <= names
        replace(default_weights(), **change)  # a valid Weights


def test_languagetool_counts_only_with_grammar_and_only_when_corroborated():
    w = default_weights()
    lt = [0, "LT_RULE", "lt", "minor", "Fluency/Grammar"]
    rule = [0, "MTF105", "rule", "minor", "Fluency/Grammar"]
    rec = {"segs": [[12, 0.1]], "finds": [lt, rule]}
    assert "lt" not in score_components.parts(rec, w)[0]  # grammar off: LanguageTool's findings left out
    with_lt, _ = score_components.parts(rec, w, grammar=True)
    assert with_lt["lt"] == pytest.approx(w.finding_weight("LT_RULE", "lt", "minor", "Fluency/Grammar"))
    alone, _ = score_components.parts({"segs": [[12, 0.1]], "finds": [lt]}, w, grammar=True)
    assert alone.get("lt", 0.0) == pytest.approx(w.alone.get("lt", 1.0) * w.origin.get("lt", 1.0))
    for r in (rec, {"segs": [[12, 0.1]], "finds": [lt]}):  # the parts add up to the cache's own score
        comp, n = score_components.parts(r, w, grammar=True)
        assert round(score_components.score(sum(comp.values()), n, w), 2) == pytest.approx(
            score_design.record_score(r, w, grammar=True), abs=0.01)
