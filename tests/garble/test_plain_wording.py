"""What the garble detector says to an editor is plain English: what is likely wrong, where to look and
what to do come first; the model's terms (probability, feature names) come after, for whoever wants
them (session 13: messages and ``mtfix explain`` spoke of "tag/function-word n-grams")."""

from __future__ import annotations

import re

import pytest

from mtfix.catalogue import build_catalogue
from mtfix.config import Config
from mtfix.pipeline import Pipeline

#: Words an editor who is no linguist should not need to read the first part of a message or a rule's docs.
JARGON = re.compile(r"n-gram|logistic|\btags?\b|function[- ]word|finite|postposition|adposition|logit|"
                    r"probability|\bp=|_", re.IGNORECASE)
GARBLED = ("The head of the district administration with the residents of the village a meeting held, "
           "and the issues of water supply were discussed in detail.")


def _plain_part(message: str) -> str:
    """A message without its closing technical note in parentheses, "(detector: …)"."""
    return message.split(" (detector:", 1)[0]


@pytest.fixture(scope="module")
def mtf401():
    with Pipeline(Config(grammar="off", select=("MTF4",))) as p:
        found = [f for f in p.check(GARBLED).findings if f.code == "MTF401"]
    assert found
    return found[0]


def test_the_garbled_sentence_message_says_what_to_do_in_plain_words(mtf401) -> None:
    plain = _plain_part(mtf401.message)
    assert not JARGON.search(plain), plain
    assert "machine translation" in plain
    assert "source" in plain and "rewrite" in plain  # what to do
    assert "start" in plain.lower()  # where to look: the span


def test_the_garbled_sentence_message_keeps_its_technical_detail(mtf401) -> None:
    """Session 50: the detail is out of the message an editor reads, on the finding and at the end of JSON's."""
    assert "(detector:" not in mtf401.message and not JARGON.search(mtf401.message), mtf401.message
    assert re.fullmatch(r"detector: p=0\.\d\d; .*inputs: .+", mtf401.detail), mtf401.detail
    tail = mtf401.to_dict()["message"][len(_plain_part(mtf401.message)):]
    assert tail == f" ({mtf401.detail})"


def test_every_evidence_phrase_is_plain() -> None:
    from mtfix.garble.messages import EVIDENCE, EVIDENCE_LOW

    for phrase in [*EVIDENCE.values(), *(v for v in EVIDENCE_LOW.values() if v)]:
        assert not JARGON.search(phrase), phrase


@pytest.mark.parametrize("code", [f"MTF40{i}" for i in range(1, 9)])
def test_explain_opens_in_plain_words(code: str) -> None:
    """The first paragraph of each MTF4xx rule's documentation (what the review report's card and
    ``mtfix explain`` show first) is plain; MTF401's technical description follows it."""
    (info,) = [r for r in build_catalogue(with_lt=False) if r.code == code]
    first = info.docs.strip().split("\n\n", 1)[0]
    assert not JARGON.search(first), first
    assert "What to do" in info.docs or "Flag only" in info.docs
    if code == "MTF401":
        assert "logistic" in info.docs  # the detail is still there, further down


def test_an_input_is_said_only_on_the_side_that_is_true() -> None:
    """An input pushes towards "garbled" from either side of the model's average: "common words in pairs
    English rarely uses" was said of a sentence with no such pair (the model's weight on it is negative,
    so none at all pushed).  Each input is now said by the side the sentence is on, or not at all."""
    from mtfix.garble.checker import detector, predict
    from mtfix.garble.messages import EVIDENCE, _ranked, _said, evidence

    text = "Georgian Railways weather the new trains were bought and There were no objections."
    pred, det = predict(text), detector()
    assert pred.analysis.dense["unseen_common_pairs"] < det.mean[det.features.index("unseen_common_pairs")]
    # ranked among the pushes under garble-1.0@f0b884d4b20b, not under ac2c23f09776: asked of _said directly
    assert _said("unseen_common_pairs", pred, det) != EVIDENCE["unseen_common_pairs"]
    assert EVIDENCE["unseen_common_pairs"] not in evidence(pred)
    for name in _ranked(pred, 3, 0.1):  # no input is said from the side the sentence is not on
        if name in det.features and pred.analysis.dense.get(name, 0.0) < det.mean[det.features.index(name)]:
            assert EVIDENCE.get(name) not in evidence(pred)
    assert EVIDENCE["capital_midsentence"] in evidence(pred)
