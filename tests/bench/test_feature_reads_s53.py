"""Session 53: the bench diagnostics read a sentence's features through one helper,
:func:`mtfix.garble.model.feature_values`, which fails on a feature the analysis or a cached row lacks, as
``Detector.vector`` does (session 52), instead of reading it as 0.0 (a stale cache would look fluent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mtfix.garble import model as gmodel
from mtfix.garble.signs import DENSE_FEATURES, Analysis

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

evidence = pytest.importorskip("major_evidence")


def test_the_helper_gives_values_in_the_order_asked_and_names_what_is_missing() -> None:
    assert gmodel.feature_values({"splice": 1, "no_finite": 0.5}, ["no_finite", "splice"]) == [0.5, 1.0]
    with pytest.raises(ValueError, match="lacks the feature[(]s[)] unknown_lower, of_per_word"):
        gmodel.feature_values({"splice": 1.0}, ["unknown_lower", "splice", "of_per_word"])


def test_a_cached_row_lacking_a_feature_fails_and_an_unjudged_row_reads_zero() -> None:
    judged = {"p": 0.41, "dense": {"unknown_lower": 0.12}}
    assert evidence.feature(judged, "unknown_lower") == 0.12
    with pytest.raises(ValueError, match="of_per_word"):
        evidence.feature(judged, "of_per_word")  # a cache collected before the feature: collect it again
    assert evidence.feature({"words": 3, "findings": []}, "of_per_word") == 0.0  # too short to judge: no analysis


def test_the_probe_conditions_and_atoms_read_through_it() -> None:
    import probe_majors

    row = {"p": 0.9, "dense": {"unknown_lower": 0.2}, "findings": [], "text": "Plan of bridge approve ministry."}
    cond = next(v for k, v in probe_majors.conditions(0.3).items() if "unknown_lower" in k)
    with pytest.raises(ValueError, match="of_per_word"):
        cond(row)
    with pytest.raises(ValueError, match="capital_midsentence"):
        probe_majors.atoms(row)


def test_the_detector_and_the_training_digest_fail_on_an_analysis_without_the_features() -> None:
    import train_detector

    det = gmodel.Detector.load()
    bare = Analysis(tokens=[], tags=[], dense={"splice": 0.0})
    with pytest.raises(ValueError, match="no_finite"):
        det.vector(bare)

    class Bare:
        def analyse(self, text: str) -> Analysis:
            return bare

    with pytest.raises(ValueError, match=DENSE_FEATURES[0]):
        train_detector.features_digest(Bare(), ["Prices rose."])  # type: ignore[arg-type]
