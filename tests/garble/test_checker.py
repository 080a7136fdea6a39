"""The garble checker in the pipeline: codes, severities, flag-only findings, signature, seeds, realmt dev."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.garble.checker import GarbleChecker, probability
from mtfix.garble.model import Detector
from mtfix.model import FixSafety, Severity
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

SHARED = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
GARBLED = "The delegation on the fifth of May to the capital for talks arrived, them said the agreement signed."
FLUENT = "The delegation arrived in the capital on May 5 for talks, and officials said an agreement was signed."


def test_garbled_scores_above_its_fluent_rewrite():
    assert probability(GARBLED) > probability(FLUENT)


def test_short_segments_are_not_judged():
    assert probability("Baku, 5 May.") is None


def test_findings_are_flag_only_with_codes_from_the_catalogue():
    from mtfix.catalogue import build_catalogue

    cat = build_catalogue()
    doc = to_document(GARBLED)
    found = GarbleChecker().check(doc)
    assert found, "the garbled sentence got no finding"
    for f in found:
        assert f.code.startswith("MTF4") and f.code in cat
        assert f.fix == FixSafety.NONE and not f.edits
        assert 0 <= f.start < f.end <= len(doc.text)


def test_probability_thresholds_set_severity():
    det = Detector.load()
    assert 0 < det.thresholds["minor"] < det.thresholds["major"] < 1
    doc = to_document(GARBLED)
    p = probability(GARBLED)
    f401 = [f for f in GarbleChecker().check(doc) if f.code == "MTF401"]
    if p >= det.thresholds["major"]:
        assert f401[0].severity == Severity.MAJOR
    elif p >= det.thresholds["minor"]:
        assert f401[0].severity == Severity.MINOR
    else:
        assert not f401


def test_signature_has_the_model_digest(pipeline):
    """The model's digest, the revision of the analysis its features come from, the corroboration rule and the
    findings level's corrections (session 32)."""
    det = Detector.load()
    from mtfix.garble import misreads
    from mtfix.garble.corroborate import REVISION
    from mtfix.garble.signs import ANALYSIS_REVISION

    want = (f"garble:garble-{det.version}@{det.digest[:12]}/analysis-{ANALYSIS_REVISION}/corroborate-{REVISION}"
            f"/misreads-{misreads.REVISION}")
    assert want in pipeline.signature().split("|")


def test_ignoring_mtf4_turns_the_checker_off():
    p = Pipeline(Config(grammar="off", ignore=("MTF4",)))
    assert "garble" not in [c.name for c in p.checkers]


def test_heavy_snow_sentence_is_clean(pipeline):
    found = pipeline.check("Heavy snow closed the roads.").findings
    assert not [f for f in found if f.severity.rank >= Severity.MAJOR.rank]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_clean_seeds_get_no_major_garble_finding(pipeline, seed_text, prefix):
    found = pipeline.check(seed_text(prefix)).findings
    assert not [f for f in found if f.code.startswith("MTF4") and f.severity.rank >= Severity.MAJOR.rank]


def _rows(name: str) -> list[dict]:
    path = SHARED / "realmt" / name
    if not path.is_file():
        pytest.skip(f"{path} not found (set MTFIX_SHARED)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_realmt_dev_professional_sentences_get_no_major_garble_finding():
    det = Detector.load()
    for r in _rows("clean_news_dev.jsonl"):
        p = probability(r["text"])
        assert p is None or p < det.thresholds["major"], r["id"]


def test_realmt_dev_garbled_sentences_rank_above_professional_ones():
    mt = [probability(r["text"]) or 0.0 for r in _rows("real_mt_dev.jsonl")]
    clean = [probability(r["text"]) or 0.0 for r in _rows("clean_news_dev.jsonl")]
    wins = sum((a > b) + 0.5 * (a == b) for a in mt for b in clean)
    assert wins / (len(mt) * len(clean)) > 0.8


def test_an_unreadable_model_is_a_clear_error(tmp_path):
    from mtfix.errors import ConfigError

    bad = tmp_path / "detector.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ConfigError, match="detector.npz.*cannot be read"):
        Detector.load(str(bad))


def test_model_reads_the_ratio_features_and_stays_small():
    from mtfix.garble.signs import DENSE_FEATURES, RATIO_FEATURES

    det = Detector.load()
    assert det.features == list(DENSE_FEATURES)
    assert set(RATIO_FEATURES) <= set(det.features)
    assert "tag_surprisal_mean" not in det.features  # it points the wrong way on real MT (docs/detector.md)
    path = Path(__file__).resolve().parents[2] / "mtfix" / "garble" / "data" / "detector.npz"
    assert path.stat().st_size < 20 * 1024 * 1024


def test_major_threshold_sits_above_every_professional_sentence_with_a_margin():
    meta = json.loads((Path(__file__).resolve().parents[2] / "mtfix" / "garble" / "data" / "detector.json")
                      .read_text(encoding="utf-8"))
    seen = meta["threshold_data"]
    highest = max(seen["professional_dev_max"], seen["professional_train_and_seeds_max"])
    assert Detector.load().thresholds["major"] >= highest + 0.015


def test_evidence_is_said_in_words_a_reviewer_reads():
    from mtfix.garble.checker import detector, predict
    from mtfix.garble.messages import EVIDENCE, PATTERNS, evidence
    from mtfix.garble.signs import DENSE_FEATURES

    assert set(DENSE_FEATURES) <= set(EVIDENCE)  # every input of the model has a plain description
    assert all("," not in v and "_" not in v for v in EVIDENCE.values())  # the message joins them with commas
    text = "The head of the district administration with the residents of the village a meeting held, " \
           "and the issues of water supply were discussed."
    pred, det = predict(text), detector()
    said = evidence(pred)
    assert said and set(said) <= set(EVIDENCE.values())
    parts = {**pred.contributions, PATTERNS: sum(det.hashed[h] for h in pred.analysis.hashed)}
    assert said[0] == EVIDENCE[max(parts, key=parts.get)]  # the strongest first, n-grams counted as one input
    assert len(said) <= 3


def test_a_caption_label_makes_a_caption() -> None:
    """Session 9: "Above: …", "Pictured: …" open a caption, which gets at most a minor, like a heading."""
    from mtfix.garble.checker import may_be_major, sentence_like

    caption = "Above: The Flame Towers in Baku, lit in the colours of the national flag."
    assert not sentence_like(caption) and not may_be_major(caption)
    assert sentence_like("Abovyan said the talks in Baku would resume on Monday after a long pause.")


def test_a_fact_box_entry_is_no_sentence() -> None:
    """Session 10: "Label: field; field; field." is a fact box's entry, which gets at most a minor; a
    sentence with a colon and semicolons after a longer opening is still a sentence."""
    from mtfix.garble.checker import may_be_major, sentence_like

    entry = "Azerbaijan: GDP of about $74 billion; population 10.2 million; currency, the manat (AZN), 1.70 to the dollar."
    assert not sentence_like(entry) and not may_be_major(entry)
    assert sentence_like("Azerbaijan: GDP of about $74 billion, population 10.2 million and a stable currency.")
    assert sentence_like("The ministry said the plan had three parts: new roads; new schools; and new clinics.")
