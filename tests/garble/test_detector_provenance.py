"""Drift of the shipped detector's recipe (session 23): the model card records the digest of the rows a plain
``bench/train_detector.py --skip-tagger`` fits and the features of own probe sentences under the analysis
revision, so that a change to either (a revised segmenter splitting the seeds differently, an operator drawing
once more, a feature computed differently without a new analysis revision) fails here, without a retrain."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import train_detector as td  # noqa: E402

from mtfix.garble import signs as gsigns  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402
from mtfix.garble.model import Detector  # noqa: E402

CARD = Path(__file__).resolve().parents[2] / "mtfix" / "garble" / "data" / "detector.json"
SHARED = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))


@pytest.fixture(scope="module")
def card() -> dict:
    return json.loads(CARD.read_text(encoding="utf-8"))


def test_rows_digest_depends_on_text_label_source_and_order():
    rows = [("A fluent sentence.", 0, "fluent"), ("Sentence garbled a.", 1, "synthetic")]
    d = td.rows_digest(rows)
    assert d == td.rows_digest(list(rows)) and len(d) == 64
    assert d != td.rows_digest(rows[::-1])
    assert d != td.rows_digest([("A fluent sentence.", 1, "fluent"), rows[1]])
    assert d != td.rows_digest([("A fluent sentence.", 0, "mlqe"), rows[1]])
    assert d != td.rows_digest([("A fluent sentence!", 0, "fluent"), rows[1]])


def test_the_card_records_what_a_retrain_must_reproduce(card):
    for key in ("data_sha256", "features_probe", "model_sha256"):
        assert key in card
    if "recipe" in card:  # the shipped weights were fitted elsewhere: where, and what today's recipe gives
        assert {"fit_commit", "data_sha256", "rows"} <= set(card["recipe"])


def test_the_shipped_model_file_is_the_one_the_card_records(card):
    """The card's ``model_sha256`` is the SHA-256 of the shipped ``detector.npz``, the digest the signature names
    (session 33: the card and the arrays are written together by one training run and shipped together)."""
    raw = (CARD.parent / "detector.npz").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == card["model_sha256"] == Detector.load().digest


def test_probe_features_are_those_recorded_for_this_analysis_revision(card):
    """A change of the features the model reads needs a new analysis revision (the signature names it) and a new
    probe digest in the card, decided knowingly: the shipped weights are then applied to features they were not
    fitted on (session 23: a retrain must pass the gates before it ships)."""
    probe = card["features_probe"]
    assert probe["analysis_revision"] == gsigns.ANALYSIS_REVISION, (
        "the analysis revision changed: rerecord features_probe (bench/train_detector.py features_digest)"
    )
    assert td.features_digest(Detector.load(), td.probe_texts()) == probe["sha256"], (
        "the detector's features changed without a new analysis revision"
    )


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="needs the shared development data")
def test_todays_recipe_assembles_the_rows_the_card_records(card):
    """The rows a plain retrain would fit are those recorded: for a model fitted by today's recipe, its own
    ``data_sha256``; for one fitted at an older commit, the ``recipe`` entry beside it."""
    rows, rec = td.fitted_rows(SHARED, gtagger.load(), ["--skip-tagger"])
    expected = card.get("recipe", card)
    assert rec["rows"] == expected["rows"]
    assert td.rows_digest(rows) == expected["data_sha256"]


def test_record_drift_rewrites_the_probe_and_the_recipe_but_never_the_fitted_digest(card):
    """``--record-drift`` (after a deliberate analysis or assembly change): the probe and the ``recipe`` entry
    are recomputed; a card fitted by today's recipe whose rows changed is refused (retrain instead)."""
    old = {**card, "features_probe": {"analysis_revision": 0, "file": "x", "sha256": "0"}}
    old["recipe"] = {**card.get("recipe", {}), "fit_commit": "abc", "data_sha256": "0", "rows": {}}
    new = td.record_drift(old, Detector.load(), rows=[("A sentence.", 0, "fluent")], counts={"fluent": {"fluent": 1}})
    assert new["features_probe"]["analysis_revision"] == gsigns.ANALYSIS_REVISION
    assert new["features_probe"]["sha256"] == card["features_probe"]["sha256"]
    assert new["recipe"]["data_sha256"] == td.rows_digest([("A sentence.", 0, "fluent")])
    assert new["recipe"]["rows"] == {"fluent": {"fluent": 1}} and new["recipe"]["fit_commit"] == "abc"
    assert new["data_sha256"] == card["data_sha256"]  # what the weights were fitted on never changes
    own = {k: v for k, v in card.items() if k != "recipe"}
    with pytest.raises(ValueError, match="retrain"):
        td.record_drift(own, Detector.load(), rows=[("A sentence.", 0, "fluent")], counts={})
    same = td.record_drift(own, Detector.load(), rows=None, counts=None)  # the probe only
    assert same["data_sha256"] == card["data_sha256"] and "recipe" not in same


def test_record_drift_keeps_the_recipe_note_naming_the_revision_it_records(card):
    """The ``recipe`` note says which analysis revision its counts were assembled under: ``--record-drift``
    records that revision beside the counts and rewrites the note's mention of it (session 24)."""
    old = {
        **card,
        "recipe": {
            **card.get("recipe", {"fit_commit": "abc"}),
            "analysis_revision": 3,
            "note": "what today's recipe assembles (analysis revision 3): 9 more fluent rows",
            "fit_features": "tokens revision 1, before analysis revisions 2-3",
        },
    }
    new = td.record_drift(old, Detector.load(), rows=[("A sentence.", 0, "fluent")], counts={"fluent": {"fluent": 1}})
    assert new["recipe"]["analysis_revision"] == gsigns.ANALYSIS_REVISION
    assert f"(analysis revision {gsigns.ANALYSIS_REVISION}): 9 more fluent rows" in new["recipe"]["note"]
    assert "revision 3" not in new["recipe"]["note"]
    assert new["recipe"]["fit_features"] == f"tokens revision 1, before analysis revisions 2-{gsigns.ANALYSIS_REVISION}"


def test_the_shipped_recipe_note_names_the_probed_revision(card):
    if "recipe" not in card:
        pytest.skip("the card's weights are fitted by today's recipe")
    revision = card["features_probe"]["analysis_revision"]
    assert card["recipe"]["analysis_revision"] == revision
    assert f"analysis revision {revision}" in card["recipe"]["note"]
    assert f"analysis revisions 2-{revision}" in card["recipe"]["fit_features"]
