"""The score as expected errors: length, the detector's per-word penalty, LanguageTool's uncorroborated findings."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from mtfix.model import Finding, Severity
from mtfix.segment import to_document

fl = importlib.import_module("mtfix.scoring.fluency")

LT = ("LT:MORFOLOGIK_RULE_EN_US", "lt", "minor", "Fluency/Spelling")
RULE = ("MTF104", "rule", "minor", "Fluency/Grammar")


def _w(**kw) -> fl.Weights:
    base = dict(
        detector=2.0,
        detector_centre=0.3,
        detector_per_word=0.1,
        length_points=0.5,
        length_words=25.0,
        length_exponent=0.5,
        alone={"lt": 0.25, "glossary": 0.5},
    )
    return dataclasses.replace(fl.default_weights(), **{**base, **kw})


def test_uncorroborated_languagetool_findings_cost_lt_alone():
    w = _w()
    alone = fl.segment_penalty(10, [LT], 0.1, w)
    assert alone == pytest.approx(0.25 * w.finding_weight(*LT) + w.length_penalty(10))
    with_rule = fl.segment_penalty(10, [LT, RULE], 0.1, w) - fl.segment_penalty(10, [RULE], 0.1, w)
    assert with_rule == pytest.approx(w.finding_weight(*LT))
    flagged = ("MTF401", "garble", "major", "Fluency/Grammar")  # the detector judged the sentence garbled
    garbled = fl.segment_penalty(10, [LT, flagged], 0.9, w) - fl.segment_penalty(10, [flagged], 0.9, w)
    assert garbled == pytest.approx(w.finding_weight(*LT))
    assert fl.segment_penalty(10, [LT], 0.9, w) - fl.segment_penalty(10, [], 0.9, w) == pytest.approx(
        0.25 * w.finding_weight(*LT)
    )


def test_another_origin_corroborates():
    alone = _w().alone
    assert fl.Weights.corroborated(["lt", "rule"], alone) and fl.Weights.corroborated(["lt", "garble"], alone)
    assert not fl.Weights.corroborated(["lt"], alone) and not fl.Weights.corroborated(["lt", "glossary"], alone)


def test_uncorroborated_glossary_findings_cost_their_factor():
    w = _w()
    term = ("MTF302", "glossary", "minor", "Terminology/Inconsistent")
    assert fl.segment_penalty(10, [term], 0.1, w) - fl.segment_penalty(10, [], 0.1, w) == pytest.approx(
        0.5 * w.finding_weight(*term)
    )


def test_expected_errors_grow_with_length_and_probability():
    w = _w()
    assert fl.segment_penalty(30, [], 0.1, w) > fl.segment_penalty(10, [], 0.1, w)
    assert fl.segment_penalty(30, [], 0.9, w) - fl.segment_penalty(30, [], 0.1, w) > (
        fl.segment_penalty(10, [], 0.9, w) - fl.segment_penalty(10, [], 0.1, w)
    )
    assert fl.segment_penalty(20, [], 0.2, w) == fl.segment_penalty(20, [], 0.3, w)  # at or below centre: no cost
    assert fl.segment_penalty(20, [], None, w) == pytest.approx(0.5 * (20 / 25) ** 0.5)


def test_document_penalty_is_the_sum_of_its_segments():
    doc = to_document("The talks ended on Monday. Prices of oil rose sharply in the capital after the vote.")
    f = Finding("LT:X", "Fluency/Grammar", Severity.MINOR, 0, 3, "x", origin="lt:X", segment=0)
    s = fl.fluency(doc, [f])
    assert s.penalty == pytest.approx(sum(seg.penalty for seg in s.segments), abs=1e-3)
    assert all(0 <= seg.fluency <= 100 for seg in s.segments)


LONG_CLEAN = (
    "The regional government said on Tuesday that it would spend more on rural roads next year, after "
    "heavy snow cut off dozens of mountain villages for almost a week and left thousands of people "
    "without electricity, according to a statement published on its website."
)
SHORT_GARBLED = "The committee on the tenth of March in the capital its report to the minister presented, it said."


def test_long_professional_sentence_scores_high_and_above_short_garble():
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipe = Pipeline(Config(grammar="off"))
    clean = pipe.score(LONG_CLEAN).fluency
    assert clean >= 95
    assert pipe.score(SHORT_GARBLED).fluency < clean


def _lt(doc_text: str, word: str, rule: str = "MORFOLOGIK_RULE_EN_US") -> Finding:
    start = doc_text.index(word)
    return Finding(f"LT:{rule}", "Fluency/Spelling", Severity.MINOR, start, start + len(word), "typo",
                   origin=f"lt:{rule}")


def test_languagetool_speller_on_a_capitalised_word_is_a_name_and_costs_nothing():
    text = "Mr Qasimzade met the ministr and the the envoy."
    name, typo = _lt(text, "Qasimzade"), _lt(text, "ministr")
    # "ministr" is not English: a non-word (scoring.tsv, speller:nonword), not a name
    assert fl.finding_key(name, text)[1] == "lt-name" and fl.finding_key(typo, text)[1] == "lt-nonword"
    grammar = Finding("LT:THIS_NNS", "Fluency/Grammar", Severity.MINOR, 0, 2, "x", origin="lt:THIS_NNS")
    assert fl.finding_key(grammar, "Mr Qasimzade")[1] == "lt"  # not the speller: its own class
    w = fl.default_weights()
    rule = ("MTF105", "rule", "minor", "Accuracy/Addition")
    key = fl.finding_key(name, text)
    # nothing, even beside a rule finding (which corroborates an ordinary LT finding) ...
    assert fl.segment_penalty(9, [key, rule], 0.5, w) == pytest.approx(fl.segment_penalty(9, [rule], 0.5, w))
    # ... and it corroborates nothing: an LT spelling finding beside it stays uncorroborated
    assert fl.segment_penalty(9, [key, fl.finding_key(typo, text)], 0.1, w) == pytest.approx(
        fl.segment_penalty(9, [fl.finding_key(typo, text)], 0.1, w))
    doc = to_document(text)
    with_name = fl.fluency(doc, [name]).fluency
    assert with_name == fl.fluency(doc, []).fluency
    assert fl.fluency(doc, [typo, name]).fluency == fl.fluency(doc, [typo]).fluency


def test_detector_shape_bends_the_probability_past_the_centre():
    """``detector.shape`` γ: the garble penalty grows as ((p − centre)/(1 − centre))^γ, so γ < 1 charges a
    probability just past the centre more, p = 1 the same, and p at or below the centre nothing."""
    lin, bent = _w(length_points=0.0), _w(length_points=0.0, detector_shape=0.5)
    assert lin.detector_shape == 1.0  # the default: linear, as before weights 4.5
    assert bent.garble_penalty(0.4, 20) > lin.garble_penalty(0.4, 20) > 0
    assert bent.garble_penalty(1.0, 20) == pytest.approx(lin.garble_penalty(1.0, 20))
    assert bent.garble_penalty(0.3, 20) == 0.0 == bent.garble_penalty(0.1, 20)
    h = (0.4 - 0.3) / 0.7
    assert bent.garble_penalty(0.4, 20) == pytest.approx((2.0 + 0.1 * 20) * h**0.5)
    assert fl.segment_penalty(20, [], 0.5, bent) > fl.segment_penalty(20, [], 0.4, bent)  # still monotonic in p


def test_shape_is_read_from_the_weights_file():
    w = fl.weights_from_mapping({"version": "x", "severity": {"minor": 1.0, "major": 5.0, "critical": 10.0},
                                 "scale": 1.0, "min_words": 64,
                                 "detector": {"weight": 2.0, "centre": 0.2, "per_word": 0.3, "shape": 0.5}})
    assert w.detector_shape == 0.5
    assert fl.default_weights().detector_shape > 0
