"""Session 32: the tagger's trainer takes another feature set and tag dictionary (for bench/tagger_eval.py),
and the default stays the shipped one."""

from __future__ import annotations

from collections.abc import Sequence

from mtfix.garble import tagger as gtagger
from mtfix.garble import tagger_training

TOY = [
    (["The", "dog", "runs", "."], ["DT", "NN", "VBZ", "."]),
    (["A", "cat", "sleeps", "."], ["DT", "NN", "VBZ", "."]),
    (["The", "cat", "runs", "."], ["DT", "NN", "VBZ", "."]),
    (["Dogs", "run", "."], ["NNS", "VBP", "."]),
]


def test_a_custom_feature_set_is_used_in_training_and_tagging():
    seen: list[str] = []

    def only_word(i: int, words: Sequence[str], prev: str, prev2: str) -> list[str]:
        seen.append(words[i])
        return ["b", "w " + words[i].lower()]

    model = tagger_training.train(TOY, iterations=3, featurize=only_word, tagdict={})
    assert model.featurize is only_word
    assert {f.split(" ")[0] for f in model.features} <= {"b", "w"}
    assert seen  # training read the custom features
    seen.clear()
    assert model.tag(["The", "dog", "runs", "."]) == ["DT", "NN", "VBZ", "."]
    assert seen == ["The", "dog", "runs", "."]  # an empty dictionary: every token scored by the custom features


def test_the_default_trainer_keeps_the_shipped_features_and_dictionary():
    model = tagger_training.train(TOY * 6, iterations=2)
    assert model.featurize is gtagger.token_features
    assert model.tagdict == tagger_training.make_tagdict(TOY * 6)
    assert any(f.startswith("tt ") for f in model.features)


def test_a_given_dictionary_replaces_the_computed_one():
    model = tagger_training.train(TOY, iterations=2, tagdict={"runs": "NNS"})
    assert model.tagdict == {"runs": "NNS"}
    assert model.tag(["runs"]) == ["NNS"]


def _trainer():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import train_detector as td

    return td


def test_the_trainer_refuses_to_ship_a_tagger_variant_the_packed_tagger_cannot_read():
    import pytest

    td = _trainer()
    args = td.arg_parser().parse_args(["--tagger-variant", "rich", "--tagger-iterations", "1"])
    with pytest.raises(SystemExit, match="only with --cv or --ablation"):
        td.train_tagger(TOY, args)


def test_the_trainer_trains_a_variant_for_cv_with_its_dictionary_threshold():
    td = _trainer()
    args = td.arg_parser().parse_args(["--cv", "--tagger-variant", "rich", "--tagger-iterations", "1",
                                       "--tagger-dict-freq", "2"])
    model = td.train_tagger(TOY, args)
    assert model.featurize is not gtagger.token_features
    assert any(f.startswith("z ") for f in model.features)  # the Zipf bucket of the rich set
    assert model.tagdict["cat"] == "NN" and "dog" not in model.tagdict  # dictionary words from a count of 2
