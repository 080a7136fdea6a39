"""The fluency score built on the garble detector: probability in the penalty, signature, seeds, realmt dev."""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
from pathlib import Path

import pytest

from mtfix.model import Finding, Severity
from mtfix.scoring import fluency_signature
from mtfix.segment import to_document

fl = importlib.import_module("mtfix.scoring.fluency")
SHARED = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))

GARBLED = "The committee on the tenth of March in the capital its report to the minister presented, it said."
FLUENT = "The committee presented its report to the minister in the capital on March 10, it said."


def test_weights_use_the_detector_and_bumped_version():
    w = fl.default_weights()
    assert w.uses_detector and w.detector > 0
    assert float(w.version) >= 3.0
    assert w.origin.get("garble") == 0.0  # MTF4xx findings are not counted twice


def test_garble_findings_cost_nothing_the_probability_does():
    doc = to_document(FLUENT)
    w = fl.default_weights()
    f = Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 5, "x", origin="garble:MTF401", segment=0)
    assert fl.fluency(doc, [f], w).fluency == fl.fluency(doc, [], w).fluency
    off = dataclasses.replace(w, detector=0.0)
    assert fl.fluency(doc, [], off).fluency >= fl.fluency(doc, [], w).fluency


def test_segment_scores_carry_the_probability():
    s = fl.fluency(to_document(FLUENT + " " + GARBLED), [])
    assert all(seg.garbled is not None and 0 <= seg.garbled <= 1 for seg in s.segments)
    assert s.segments[1].garbled > s.segments[0].garbled
    assert s.segments[1].fluency < s.segments[0].fluency


def test_signature_names_the_model_digest():
    from mtfix.garble.model import Detector

    sig = fluency_signature("rules:x@1")
    from mtfix.garble.signs import ANALYSIS_REVISION

    det = Detector.load()
    assert f"garble:garble-{det.version}@{det.digest[:12]}/analysis-{ANALYSIS_REVISION}" in sig.split("|")


def test_without_detector_the_signature_says_so():
    assert fl.detector_signature(dataclasses.replace(fl.default_weights(), detector=0.0, detector_per_word=0.0)) == "garble:none"


def _rows(name: str) -> list[dict]:
    path = SHARED / "realmt" / name
    if not path.is_file():
        pytest.skip(f"{path} not found (set MTFIX_SHARED)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_realmt_dev_professional_news_scores_above_garbled_mt(pipeline):
    mt = [pipeline.score(r["text"]).fluency for r in _rows("real_mt_dev.jsonl")]
    pro = [pipeline.score(r["text"]).fluency for r in _rows("clean_news_dev.jsonl")]
    auc = sum((p > m) + 0.5 * (p == m) for p in pro for m in mt) / (len(mt) * len(pro))
    assert auc > 0.85, auc  # 0.916 with weights 4.0 and garble-1.0@bf6dd6d838ba
