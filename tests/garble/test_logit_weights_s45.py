"""Session 45: the logit reads the hashed weights from a list of the same floats once a long document has asked
enough logits (:data:`mtfix.garble.model._LIST_AFTER`); every logit is the one the weights' array gives."""

from __future__ import annotations

from array import array

from mtfix.garble import model
from mtfix.garble.model import Detector

_SENTENCES = ["The minister noted that in the region the new hospital next year will be opened, he said.",
              "Officials said the talks would resume on Monday.", "Him went to the market, and they bought bread.",
              "The council approved the budget after a long debate about the roads."]


def _fresh() -> Detector:
    det = Detector.load()
    return Detector(det.meta, det.dense, det.hashed, det.trigrams, det.digest, det.tagger)


def test_weights_become_a_list_of_the_same_floats_after_many_logits():
    det = _fresh()
    analyses = [det.analyse(t) for t in _SENTENCES]
    before = [det.logit(a) for a in analyses]
    assert isinstance(det._weights, array)  # a short document keeps the array (no list made)
    det._logits = model._LIST_AFTER
    after = [det.logit(a) for a in analyses]
    assert isinstance(det._weights, list) and det._weights == det.hashed.tolist()
    for (lo, contrib, patterns), (lo2, contrib2, patterns2) in zip(before, after, strict=True):
        assert lo.hex() == lo2.hex() and patterns.hex() == patterns2.hex()
        assert [c.hex() for c in contrib] == [c.hex() for c in contrib2]


def test_counted_only_until_the_swap():
    det = _fresh()
    a = det.analyse(_SENTENCES[0])
    for _ in range(model._LIST_AFTER):
        det.logit(a)
    assert det._weights is det.hashed and det._logits == model._LIST_AFTER
    det.logit(a)
    assert det._weights is not det.hashed
    det.logit(a)
    assert det._logits == model._LIST_AFTER + 1  # no count once the list is read
