"""Session 50's corruption operators for article-less and verb-final MT (``bench/detector_class_ops.py``): what
each makes of sentences of our own, what it refuses, and the group of rows a training run builds with them."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench import detector_class_ops as dco  # noqa: E402
from bench.detector_corruptions import _detok  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402


@pytest.fixture(scope="module")
def tag():
    tagger = gtagger.load()

    def tagged(text: str) -> list[tuple[str, str]]:
        words = [t.text for t in gtagger.tokenize(text)]
        return list(zip(words, tagger.tag(words), strict=True))

    return tagged


def _apply(op, text: str, tag) -> str | None:
    out = op(tag(text), random.Random(0), {})
    return None if out is None else _detok([w for w, _ in out])


@pytest.mark.parametrize(("text", "want"), [
    ("The council will lower the fee for a parking permit next year.",
     "Council will lower fee for parking permit next year."),
    ("Workers repaired a pipe under the main square on Tuesday.",
     "Workers repaired pipe under main square on Tuesday."),
    # an article opening a name, and a fixed phrase, stay
    ("A few tourists visited the Caspian Sea coast and the old fortress.",
     "A few tourists visited the Caspian Sea coast and old fortress."),
])
def test_articleless_drops_the_articles_of_common_noun_phrases(text, want, tag):
    assert _apply(dco.op_articleless, text, tag) == want


@pytest.mark.parametrize("text", [
    "Farmers in Khatlon sold their cotton early this season.",  # no article
    "The farmers sold their cotton early this season.",  # only the first word: a headline, not MT
    "She flew to the United Arab Emirates with her brother.",  # the article opens a name
])
def test_articleless_refuses_what_it_cannot_corrupt_as_mt(text, tag):
    assert dco.op_articleless(tag(text), random.Random(0), {}) is None


@pytest.mark.parametrize(("text", "want"), [
    ("The mayor opened a clinic in the old district last week.",
     "The mayor a clinic in the old district last week opened."),
    # auxiliaries, negation and the particle go with the verb; the second clause stays
    ("The firm has not paid its drivers since March, and they are angry.",
     "The firm its drivers since March has not paid, and they are angry."),
    ("Volunteers handed out blankets near the station on Sunday.",
     "Volunteers blankets near the station on Sunday handed out."),
])
def test_verb_final_clause_moves_the_verb_group_behind_its_phrases(text, want, tag):
    assert _apply(dco.op_verb_final_clause, text, tag) == want


@pytest.mark.parametrize("text", [
    "Did the mayor open a clinic in the old district?",  # a question
    "The mayor opened a clinic.",  # an object alone: no phrase to stand behind
    "The mayor said that the clinic opened in May.",  # the clause ends at "that" before any phrase
    "The mayor wants to open a clinic in the old district.",  # another verb in the clause
    "Open the door before the guests arrive.",  # no subject before the verb
])
def test_verb_final_clause_refuses_what_it_cannot_corrupt_as_mt(text, tag):
    assert dco.op_verb_final_clause(tag(text), random.Random(0), {}) is None


def test_the_group_corrupts_the_six_to_twenty_five_word_band_once_each(tag):
    short = tag("The bus left the depot.")  # five words: outside the band
    long_ = tag(" ".join(["The driver waited at the corner for the rain to stop"] * 3) + ".")  # 36 words
    ok = [tag("The mayor opened a clinic in the old district last week."),
          tag("Farmers in Khatlon sold their cotton early this season.")]  # no article; the verb group moves
    rows, used = dco.class_rows([short, long_, *ok], seed=1, detok=_detok)
    assert all(label == 1 and group == dco.CLASS_GROUP for _, label, group in rows)
    assert sum(used.values()) == len(rows) >= 1
    texts = [t for t, _, _ in rows]
    assert not any(t.startswith(("The bus", "The driver")) for t in texts)
    assert rows == dco.class_rows([short, long_, *ok], seed=1, detok=_detok)[0]  # reproducible


def test_the_group_can_draw_one_operator_and_pair_each_row_with_its_twin(tag):
    sents = [tag("The mayor opened a clinic in the old district last week."),
             tag("Farmers in Khatlon sold their cotton at the market early this season.")]
    rows, used = dco.class_rows(sents, seed=3, detok=_detok, names=("verb_final_clause",), pairs=True)
    assert used == {"verb_final_clause": 2}
    assert [label for _, label, _ in rows] == [1, 0, 1, 0]
    assert rows[0][0] == "The mayor a clinic in the old district last week opened."
    assert rows[1][0] == "The mayor opened a clinic in the old district last week."  # the twin, as detokenised


def test_a_plain_training_run_builds_no_class_rows_and_gives_them_no_share():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from bench import train_detector

    args = train_detector.arg_parser().parse_args([])
    assert args.class_ops_share == 0.0 and not args.class_ops and not args.class_ops_pairs
    assert train_detector.fitted_shares(args)[dco.CLASS_GROUP] == 0.0
    on = train_detector.arg_parser().parse_args(["--class-ops-share", "0.1", "--class-ops", "articleless"])
    assert train_detector.fitted_shares(on)[dco.CLASS_GROUP] == 0.1 and on.class_ops == ["articleless"]
