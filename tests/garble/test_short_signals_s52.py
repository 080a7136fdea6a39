"""Session 52's candidate signals for short, function-word-poor MT (issue 11): what each must see and leave, the
countable-noun list learnt from EWT train, that the shipped model neither reads nor computes them (the analysis
computes them only for a model naming them), and that a model naming a feature the analysis lacks fails loudly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
import build_countable_nouns as bcn  # noqa: E402
import train_detector as td  # noqa: E402

from mtfix.garble import model as gmodel  # noqa: E402
from mtfix.garble import signs  # noqa: E402
from mtfix.garble.sign_statistics import countable_nouns  # noqa: E402


def _with_candidates() -> gmodel.Detector:
    """The shipped model with the candidate signals added to its features (weight 1 each, unscaled)."""
    det = gmodel.Detector.load()
    k = len(signs.CANDIDATE_FEATURES)
    meta = {**det.meta, "features": [*det.features, *signs.CANDIDATE_FEATURES], "mean": [*det.mean, *[0.0] * k],
            "std": [*det.std, *[1.0] * k]}
    return gmodel.Detector(meta, [*det.dense, *[1.0] * k], det.hashed, det.trigrams, "test", det.tagger)


def _dense(text: str) -> dict[str, float]:
    return _with_candidates().analyse(text).dense


@pytest.mark.parametrize("text", ["Delegation visit plant Tuesday, sign memorandum.",
                                  "Ministry approve plan of new bridge construction."])
def test_a_short_sentence_poor_in_function_words_is_seen(text):
    assert _dense(text)["short_function_poor"] > 0.1


@pytest.mark.parametrize("text", [
    "Officials said the talks would resume on Monday.",  # short, with its small words
    "Regional council members approve new bridge budget despite strong opposition from several local farmers today",
])
def test_a_sentence_with_its_small_words_or_of_thirteen_words_is_not(text):
    assert _dense(text)["short_function_poor"] == 0.0


def test_a_bare_countable_noun_counts_and_a_mass_noun_or_a_determined_one_does_not():
    assert _dense("Government signed plan with company.")["bare_count_noun_share"] > 0.0
    assert _dense("The government signed the plan with a company.")["bare_count_noun_share"] == 0.0
    assert _dense("Research shows that water is scarce.")["bare_count_noun_share"] == 0.0


def test_the_list_holds_nouns_english_determines_and_leaves_those_it_leaves_bare():
    known = countable_nouns()
    assert {"plan", "car", "decision"} <= known
    assert not {"information", "research", "today", "water"} & known


def test_counts_read_heads_and_their_determiners_only(tmp_path):
    rows = ["1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_", "2\tplan\tplan\tNOUN\tNN\t_\t3\tnsubj\t_\t_",
            "3\tneeds\tneed\tVERB\tVBZ\t_\t0\troot\t_\t_", "4\tbudget\tbudget\tNOUN\tNN\t_\t5\tcompound\t_\t_",
            "5\tmoney\tmoney\tNOUN\tNN\t_\t3\tobj\t_\t_"]
    f = tmp_path / "s.conllu"
    f.write_text("# text = The plan needs budget money\n" + "\n".join(rows) + "\n\n", encoding="utf-8")
    seen, determined = bcn.counts(f)
    assert dict(seen) == {"plan": 1, "money": 1} and +determined == {"plan": 1}


def test_the_shipped_model_reads_none_of_them_and_its_analysis_does_not_compute_them():
    det = gmodel.Detector.load()
    assert det.features == list(signs.DENSE_FEATURES)
    assert not set(signs.CANDIDATE_FEATURES) & set(det.features)
    assert not det.extra
    assert not set(signs.CANDIDATE_FEATURES) & set(det.analyse("Delegation visit plant Tuesday, sign memorandum.").dense)


def test_a_model_naming_them_gets_them_and_every_other_feature_as_the_shipped_model_does():
    text = "Delegation visit plant Tuesday, sign memorandum."
    det, plain = _with_candidates(), gmodel.Detector.load()
    a, b = det.analyse(text), plain.analyse(text)
    assert det.extra and a.dense["short_function_poor"] > 0.1
    assert {k: v for k, v in a.dense.items() if k not in signs.CANDIDATE_FEATURES} == b.dense
    assert a.hashed == b.hashed
    # the signals reach the logit: weight 1 each on top of the shipped model's
    assert det.logit(a)[0] == pytest.approx(plain.logit(b)[0] + sum(a.dense[k] for k in signs.CANDIDATE_FEATURES))


def test_a_feature_missing_from_the_analysis_fails_at_vector_time_not_as_zero():
    det = _with_candidates()
    shipped_analysis = gmodel.Detector.load().analyse("Government signed plan with company.")
    with pytest.raises(ValueError, match="short_function_poor, bare_count_noun_share"):
        det.vector(shipped_analysis)


def test_a_model_naming_a_feature_the_analysis_never_gives_fails_at_load():
    det = gmodel.Detector.load()
    meta = {**det.meta, "features": [*det.features, "verb_salad_index"], "mean": [*det.mean, 0.0],
            "std": [*det.std, 1.0]}
    with pytest.raises(ValueError, match="verb_salad_index"):
        gmodel.Detector(meta, [*det.dense, 1.0], det.hashed, det.trigrams, "test", det.tagger)


def test_the_training_columns_carry_them_for_a_model_naming_them():
    from bench.detector_columns import featurise

    names = [*signs.DENSE_FEATURES, *signs.CANDIDATE_FEATURES]
    x, _ = featurise(["Ministry approve plan of new bridge construction."], _with_candidates(), names)
    assert x[0, names.index("short_function_poor")] > 0.1
    with pytest.raises(KeyError):  # the shipped model's analysis lacks them: no silent 0.0 column
        featurise(["Ministry approve plan of new bridge construction."], gmodel.Detector.load(), names)


def test_an_editor_reads_them_in_plain_words():
    from mtfix.garble.messages import EVIDENCE, evidence

    det = _with_candidates()
    pred = det.predict("Delegation visit plant Tuesday, sign memorandum.")
    said = evidence(pred, top=len(det.features) + 1, floor=0.0, det=det)
    assert EVIDENCE["short_function_poor"] in said
    assert not any("_" in w or w == "short function poor" for w in said)


def test_extra_features_only_with_a_plain_run():
    with pytest.raises(SystemExit, match="extra-features"):
        td.main(["--cv", "--extra-features", "short_function_poor"])
    args = td.arg_parser().parse_args([])
    assert args.extra_features is None
