"""The fitted fluency score: bounds, monotonic in penalties, weights as data, must-holds on the seeds."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from mtfix.model import Document, Finding, Severity
from mtfix.scoring import fluency_signature
from mtfix.segment import to_document

fl = importlib.import_module("mtfix.scoring.fluency")

TEXT = "The ministers met in the capital on Monday. They signed an agreement on energy."


def _finding(doc: Document, severity: Severity, category: str = "Fluency/Grammar", origin: str = "rule:x") -> Finding:
    seg = doc.segments[0]
    return Finding("MTF999", category, severity, seg.start, seg.start + 3, "test", origin=origin, segment=0)


def test_weights_are_versioned_data():
    w = fl.default_weights()
    assert w.version and w.version != "1.0"
    assert w.severity["minor"] < w.severity["major"] < w.severity["critical"]
    assert w.scale > 0 and w.min_words >= 1 and w.base_rate >= 0
    assert set(w.feature_weight) <= {"surprisal", "unseen_pairs", "oov", "rare"}
    assert all(b >= 0 for b in w.feature_weight.values())


def test_score_is_within_bounds_and_falls_with_every_finding():
    doc = to_document(TEXT)
    scores = []
    findings: list[Finding] = []
    for sev in (None, Severity.MINOR, Severity.MINOR, Severity.MAJOR, Severity.CRITICAL, *[Severity.CRITICAL] * 20):
        if sev is not None:
            findings.append(_finding(doc, sev))
        s = fl.fluency(doc, findings)
        assert 0.0 <= s.fluency <= 100.0
        assert all(0.0 <= seg.fluency <= 100.0 for seg in s.segments)
        scores.append(s.fluency)
    assert all(a >= b for a, b in zip(scores, scores[1:], strict=False)), scores
    assert all(a > b for a, b in zip(scores[:5], scores[1:5], strict=False)), scores
    assert scores[-1] < 5


def test_severity_orders_penalties():
    doc = to_document(TEXT)
    by_sev = {sev: fl.fluency(doc, [_finding(doc, sev)]).fluency for sev in Severity}
    assert by_sev[Severity.MINOR] > by_sev[Severity.MAJOR] > by_sev[Severity.CRITICAL]


def test_origin_factor_scales_a_findings_weight():
    doc = to_document(TEXT)
    w = dataclasses.replace(fl.default_weights(), alone={})  # an uncorroborated LT finding costs nothing in 4.0
    heavy = dataclasses.replace(w, origin={**w.origin, "lt": 3.0})
    f = _finding(doc, Severity.MINOR, origin="lt:EN_A_VS_AN")
    assert heavy.penalty(f) == pytest.approx(3 * w.penalty(f))
    assert fl.fluency(doc, [f], heavy).fluency < fl.fluency(doc, [f], w).fluency


def test_statistical_rate_is_monotonic_in_each_feature():
    w = dataclasses.replace(fl.default_weights(), base_rate=0.01)  # off in weights 3.0; the form still holds
    base = {k: w.feature_centre.get(k, 0.0) for k in w.feature_weight}
    assert w.rate(base) == pytest.approx(w.base_rate)
    for k, b in w.feature_weight.items():
        if b > 0:
            worse = dict(base, **{k: base[k] + 0.5})
            assert w.rate(worse) > w.rate(base)
    assert w.rate({k: 1e6 for k in base}) == pytest.approx(w.base_rate * 2.718281828 ** w.max_exponent, rel=1e-6)


def test_without_statistics_a_clean_text_scores_100():
    doc = to_document(TEXT)
    w = dataclasses.replace(fl.default_weights(), base_rate=0.0, detector=0.0, detector_per_word=0.0, length_points=0.0)
    assert fl.fluency(doc, [], w).fluency == 100.0


def test_garbled_text_scores_below_clean_text(pipeline):
    pytest.importorskip("wordsegment")
    clean = pipeline.score("The foreign ministers signed a declaration of mutual assistance in Baku.").fluency
    garbled = pipeline.score("Tbilisi Georgia and Between Armenia snowtrade cooperation and A memorandum "
                             "of partnership was signed.").fluency
    assert garbled < clean


def test_signature_names_weights_version():
    sig = fluency_signature("rules:x@1")
    assert f"weights:{fl.default_weights().version}" in sig and sig.startswith("mtfix-fluency|rules:x@1|")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_clean_seeds_score_above_85(pipeline, seed_text, prefix):
    assert pipeline.score(seed_text(prefix)).fluency > 85


def test_garbled_seed_scores_below_50(pipeline, seed_text):
    assert pipeline.score(seed_text("004")).fluency < 50


def test_signature_says_when_grammar_did_not_run():
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    sig = Pipeline(Config(grammar="off")).signature()
    names = [part.split(":", 1)[0] for part in sig.split("|")]
    assert "grammar:off" in sig.split("|")
    assert names.index("glossary") < names.index("grammar") < names.index("bilingual")
