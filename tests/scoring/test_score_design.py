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


def test_cached_probability_is_of_what_the_detector_reads():
    """A web address is read as one name by the score (``fluency.garble_probabilities``); the cache takes the same
    probability, not the raw text's (session 36: one realmt dev sentence scored 91.5 in the cache, 94.4 shipped)."""
    from mtfix.garble.checker import probability

    pipe = Pipeline(Config(grammar="off"))
    text = "Subscribers of the weekly, which also runs harbourlight.net, said they could no longer open its pages from home."
    rec = score_design.components(pipe, text)
    assert rec["segs"][0][1] != pytest.approx(probability(text), abs=1e-3)  # the raw text reads otherwise
    assert rec["segs"][0][1] == pytest.approx(pipe.score(text).segments[0].garbled, abs=1e-3)
    assert score_design.record_score(rec, default_weights(), grammar=False) == pytest.approx(
        pipe.score(text).fluency, abs=0.01)


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
        "rule": w.origin.get("rule", 1.0),
        "major": w.severity["major"],
        "shape": w.detector_shape,
    }
    assert w.length_words == score_design.LENGTH_WORDS
    arrays = score_design.Arrays([dict(r) for r in recs], grammar=False)
    for rec, fast in zip(recs, arrays.fluency(q), strict=True):
        assert fast == pytest.approx(score_design.record_score(rec, w, grammar=False), abs=0.01)


def test_grouped_tau_matches_the_harness_definition():
    """The vectorised item-grouped τ_b equals :func:`score_design.tau_item` (scipy), items where the
    score is constant left out; the coverage-adjusted mean counts them as 0 over items where gold varies."""
    import numpy as np

    rng = np.random.default_rng(3)
    items = [i for i in range(40) for _ in range(int(rng.integers(2, 9)))]
    gold = list(rng.integers(0, 4, len(items)).astype(float))  # ties in gold
    score = list(rng.integers(0, 3, len(items)).astype(float))  # ties in the score
    for k, i in enumerate(items):  # items 0-4: the score is constant
        if i < 5:
            score[k] = 1.0
    grouped = score_design.Grouped(items, gold)
    shown, covered, n = grouped.tau(np.array(score))
    assert shown == pytest.approx(score_design.tau_item(score, gold, items), abs=1e-9)
    assert n < 35
    assert covered == pytest.approx(shown * n / grouped.n_gold, abs=1e-9)


def test_rule_and_major_factors_scale_findings(records):
    """``rule`` multiplies a rule finding's MQM weight, ``major`` replaces the major severity's 5."""
    _, recs = records
    rec = {"segs": [[10, None]], "finds": [[0, "MTF104", "rule", "minor", "Fluency"],
                                          [0, "MTF106", "rule", "major", "Fluency"]]}
    a = score_design.Arrays([rec], grammar=False)
    q = {"centre": 0.2, "detector": 2.0, "per_word": 0.0, "length": 0.0, "exponent": 1.0, "lt_alone": 0.0,
         "glossary_alone": 0.5, "min_words": 64, "scale": 1.0}
    assert a.density(q)[0] * 64 == pytest.approx(6.0)
    assert a.density({**q, "rule": 2.0})[0] * 64 == pytest.approx(12.0)
    assert a.density({**q, "major": 10.0})[0] * 64 == pytest.approx(11.0)


def test_vectorised_formula_keeps_other_origins_at_their_factor():
    """The fit's ``rule`` factor multiplies rule findings only: a bilingual (source-vs-target) finding
    costs its own ``weights.yaml`` factor in the fit as in the score."""
    w = default_weights()
    rec = {"segs": [[12, 0.5]], "finds": [[0, "MTF501", "bilingual", "major", "Accuracy/Mistranslation"],
                                          [0, "MTF104", "rule", "minor", "Fluency/Grammar"]]}
    q = {"centre": w.detector_centre, "detector": w.detector, "per_word": w.detector_per_word,
         "length": w.length_points, "exponent": w.length_exponent, "lt_alone": w.alone.get("lt", 1.0),
         "glossary_alone": w.alone.get("glossary", 1.0), "min_words": w.min_words, "scale": w.scale,
         "rule": w.origin.get("rule", 1.0), "major": w.severity["major"], "shape": w.detector_shape}
    fast = score_design.Arrays([rec], grammar=False).fluency(q)[0]
    assert fast == pytest.approx(score_design.record_score(rec, w, grammar=False), abs=0.01)


def test_vectorised_formula_follows_the_detector_shape():
    """The fit's ``shape`` bends the detector's probability as the score's ``detector.shape`` does."""
    import dataclasses

    w = dataclasses.replace(default_weights(), detector_shape=0.5)
    rec = {"segs": [[12, 0.45], [7, 0.3], [4, None]], "finds": []}
    q = {"centre": w.detector_centre, "detector": w.detector, "per_word": w.detector_per_word,
         "length": w.length_points, "exponent": w.length_exponent, "lt_alone": 1.0, "glossary_alone": 0.5,
         "min_words": w.min_words, "scale": w.scale, "rule": w.origin.get("rule", 1.0), "major": 5.0, "shape": 0.5}
    a = score_design.Arrays([rec], grammar=False)
    assert a.fluency(q)[0] == pytest.approx(score_design.record_score(rec, w, grammar=False), abs=0.01)
    assert a.fluency(q)[0] < a.fluency({**q, "shape": 1.0})[0]


# -- out-of-fold detector probabilities (``collect --oof``, session 25) ------------------------------------------
def _oof_file(tmp_path, model, rows):
    import json

    path = tmp_path / "oof.json"
    path.write_text(json.dumps({"model_sha256": model, "rows": rows}), encoding="utf-8")
    return path


def test_oof_file_of_another_model_is_refused(tmp_path):
    from mtfix.garble.checker import detector

    path = _oof_file(tmp_path, "0" * 64, {})
    with pytest.raises(SystemExit, match="another model"):
        score_design.load_oof(path)
    assert score_design.load_oof(_oof_file(tmp_path, detector().digest, {"k": {"segments": {}}})) == {
        "k": {"segments": {}}}


def test_oof_probabilities_replace_the_detectors_per_segment(records):
    """Each judged segment's probability is the file's (keyed by the segment's text digest); a segment too
    short to judge stays unjudged, and the words and findings are the pipeline's."""
    pipe, recs = records
    text = TEXTS[2]  # two segments: "Prices of oilgas rose." (too short to judge) and a long one
    segs = [text[:22], text[23:]]
    entry = {"segments": {score_design.text_key(s): 0.9 for s in segs}}
    got = score_design.components(pipe, text, oof=entry)
    assert [n for n, _ in got["segs"]] == [n for n, _ in recs[2]["segs"]]
    assert got["finds"] == recs[2]["finds"]
    assert [p for _, p in got["segs"]] == [None if p is None else 0.9 for _, p in recs[2]["segs"]]
    assert any(p is not None for _, p in recs[2]["segs"])
    w = default_weights()
    assert score_design.record_score(got, w, grammar=False) < score_design.record_score(recs[2], w, grammar=False)


def test_oof_entry_missing_a_judged_segment_is_an_error(records):
    pipe, _ = records
    with pytest.raises(SystemExit, match="no out-of-fold probability"):
        score_design.components(pipe, TEXTS[1], oof={"segments": {}})


# -- nested cross-validation of selection rules (session 26) ----------------------------------------------
def test_auc_rows_is_the_harness_auc_per_row():
    import numpy as np
    from eval_realmt import auc

    rng = np.random.default_rng(3)
    mt, pro = rng.integers(0, 6, (4, 7)).astype(float), rng.integers(0, 6, (4, 5)).astype(float)
    got = score_design.auc_rows(mt, pro)
    for i in range(4):
        assert got[i] == pytest.approx(auc(list(mt[i]), list(pro[i])))


def test_room_rules_pick_what_choose_picks():
    import numpy as np

    rng = np.random.default_rng(5)
    aucs = np.round(rng.uniform(0.8, 0.9, 60), 3)
    objs = np.round(rng.uniform(0.1, 0.16, 60), 4)
    results = [({"i": i}, {"realmt train AUC": a, "obj": o}) for i, (a, o) in enumerate(zip(aucs, objs, strict=True))]
    real = score_design.objective
    try:
        score_design.objective = lambda f, item_weight=None: f["obj"]
        for room in (0.0, 0.01, 0.03):
            assert score_design.pick("room", room, aucs, objs, 0.0) == score_design.choose(results, room)[0][0]["i"]
    finally:
        score_design.objective = real


def test_mu_and_floor_rules():
    aucs, objs = [0.90, 0.85, 0.80], [0.10, 0.14, 0.15]
    assert score_design.pick("mu", 0.1, aucs, objs, 0.15) == 2  # 0.19, 0.225, 0.23
    assert score_design.pick("mu", 1.0, aucs, objs, 0.15) == 0  # 1.00, 0.99, 0.95
    assert score_design.pick("floor", 0.02, aucs, objs, 0.15) == 1  # objective >= 0.13: the best AUC of 1, 2
    assert score_design.pick("floor", 0.001, aucs, objs, 0.2) == 2  # nothing qualifies: the best objective


def _synthetic():
    """Two grid points, two folds: each point separates one fold perfectly and inverts the other, so the
    in-sample AUC of both is 0.5 and a rule choosing on the other fold always picks the wrong point."""
    kind = ["mt", "mt", "pro", "pro", "corr"] * 2
    fold = [0] * 5 + [1] * 5
    good, bad = [10, 20, 30, 40, 25], [30, 40, 10, 20, 25]
    scores = [good + bad, bad + good]
    return scores, kind, fold


def test_nested_cv_scores_each_fold_by_the_choice_made_on_the_other_folds():
    scores, kind, fold = _synthetic()
    res = score_design.nested_cv(scores, kind, fold, [0.1, 0.1], 0.1, rules=(("room 0", "room", 0.0),))["room 0"]
    assert [(f["fold"], f["point"], f["inner_auc"], f["held_auc"]) for f in res["folds"]] == [
        (0, 1, 1.0, 0.0), (1, 0, 1.0, 0.0)]
    assert res["oof_auc"] == 0.0
    assert res["full_auc"] == 0.5 and res["full"] == 0


def test_nested_cv_rules_differ_as_their_definitions_say():
    scores, kind, fold = _synthetic()
    scores[1] = [10, 20, 30, 40, 25] * 2  # point 1 separates both folds, point 0 only fold 0
    res = score_design.nested_cv(scores, kind, fold, [0.2, 0.1], 0.2,
                                 rules=(("room 0", "room", 0.0), ("mu 0.05", "mu", 0.05)))
    # held out fold 0: point 1 is the better on fold 1; held out fold 1: both separate fold 0, the objective decides
    assert [f["point"] for f in res["room 0"]["folds"]] == [1, 0]
    assert res["room 0"]["oof_auc"] == 0.5 and res["room 0"]["full"] == 1 and res["room 0"]["full_auc"] == 1.0
    assert [f["point"] for f in res["mu 0.05"]["folds"]] == [0, 0]  # 0.2 + 0.05 · AUC beats 0.1 + 0.05
    assert res["mu 0.05"]["oof_auc"] == 0.5


def test_preregistered_rule_is_the_best_oof_auc_within_the_loss():
    res = {"a": {"oof_auc": 0.86, "objective": 0.150}, "b": {"oof_auc": 0.88, "objective": 0.120},
           "c": {"oof_auc": 0.87, "objective": 0.140}, "d": {"oof_auc": 0.87, "objective": 0.145}}
    assert score_design.preregistered(res, 0.153, 0.02) == "d"
    assert score_design.preregistered(res, 0.153, 0.04) == "b"
    assert score_design.preregistered(res, 0.2, 0.02) is None


def test_nested_refuses_a_cache_without_folds():
    data = {"sets": {"realmt train": [{"kind": "mt", "segs": [], "finds": []}]}}
    with pytest.raises(SystemExit, match="collect with --oof"):
        score_design.nested(data, grammar=False)
