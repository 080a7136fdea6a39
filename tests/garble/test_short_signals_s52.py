"""Session 52's candidate signals for short, function-word-poor MT (issue 11): what each must see and leave, the
countable-noun list learnt from EWT train, and that the shipped model does not read them (off by default)."""

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


def _dense(text: str) -> dict[str, float]:
    return gmodel.Detector.load().analyse(text).dense


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


def test_the_shipped_model_reads_none_of_them():
    det = gmodel.Detector.load()
    assert det.features == list(signs.DENSE_FEATURES)
    assert not set(signs.CANDIDATE_FEATURES) & set(det.features)


def test_extra_features_only_with_a_plain_run():
    with pytest.raises(SystemExit, match="extra-features"):
        td.main(["--cv", "--extra-features", "short_function_poor"])
    args = td.arg_parser().parse_args([])
    assert args.extra_features is None
