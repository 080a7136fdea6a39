"""The detector reads a long document a slice at a time (session 31, issue 11): each slice's sentences are tagged
at once, judged, and their tokens and tags dropped before the next, so the tagger's sentence cache never holds
more than one slice; the findings are those of one pass over the whole document."""

from __future__ import annotations

import random

import pytest

from mtfix.garble import batch, checker, signs
from mtfix.garble.tagger import PackedTagger
from mtfix.segment import to_document

SLICE = 40


def _document(n: int) -> str:
    """``n`` sentences of made-up news, some garbled, many repeated (written for this test)."""
    rng = random.Random(31)
    heads = ["The port authority", "Farmers in the valley", "The council of the town", "A spokeswoman", "They"]
    mids = ["said on Monday that the ferry", "of the building of the road of the district", "confirmed that the dam",
            "in the north next spring will be finished", "warned that water prices", "fell by a third"]
    tails = ["reopened.", "was delayed, she said.", "according to.", "is needed for the farmers.", "rose."]
    sents = [f"{rng.choice(heads)} {rng.choice(mids)} {rng.choice(mids)} {rng.choice(tails)}" for _ in range(n)]
    return "\n\n".join(" ".join(sents[i:i + 3]) for i in range(0, n, 3)) + "\n"


def _fresh() -> None:
    checker._cache.clear()
    checker._plans.clear()
    checker._judged.clear()
    checker.detector().tagger._sentences.clear()
    signs.unprime()


@pytest.fixture()
def sliced(monkeypatch):
    """Batch tagging from 2 new sentences on; the size of the tagger's sentence cache at each priming."""
    monkeypatch.setattr(checker, "BATCH_MIN_SENTENCES", 2)
    sizes: list[int] = []
    real = batch.prime

    def spy(tagger, sentences):
        sizes.append(len(tagger._sentences))
        got = real(tagger, sentences)
        sizes.append(len(tagger._sentences))
        return got

    monkeypatch.setattr(batch, "prime", spy)
    _fresh()
    yield sizes
    _fresh()


def _run(doc) -> list[dict]:
    _fresh()
    c = checker.GarbleChecker()
    return [f.to_dict() for f in c.post_filter(doc, c.check(doc))]


def test_slices_find_what_one_pass_finds_and_hold_one_slice(sliced, monkeypatch):
    doc = to_document(_document(300))
    if not isinstance(checker.detector().tagger, PackedTagger):
        pytest.skip("the shipped tagger is not packed: no batch tagging")
    whole = _run(doc)  # every sentence in one slice
    assert len(sliced) == 2 and sliced[1] > SLICE
    sliced.clear()
    monkeypatch.setattr(checker, "_BATCH", SLICE)
    parts = _run(doc)
    assert parts == whole and any(f["code"] == "MTF401" for f in parts)
    assert len(sliced) >= 2 * 5  # several slices, each primed
    assert max(sliced) <= SLICE  # the cache held one slice at a time: each dropped before the next
    assert sliced[0::2] == [0] * (len(sliced) // 2)
    # nothing of the last slice is left: neither its tags nor tokens no analysis took
    assert not checker.detector().tagger._sentences and not signs._primed


def test_a_spread_share_is_judged_a_slice_at_a_time(sliced, monkeypatch):
    doc = to_document(_document(200))
    texts = list(dict.fromkeys(it[2] for it in checker.GarbleChecker()._items(doc)))
    _fresh()
    whole = checker._judge_share(texts)
    monkeypatch.setattr(checker, "_BATCH", SLICE)
    sliced.clear()
    _fresh()
    parts = checker._judge_share(texts)
    assert parts == whole
    assert len(sliced) // 2 == -(-len(texts) // SLICE) and max(sliced) <= SLICE


def test_forget_drops_only_the_sentences_named():
    tagger = checker.detector().tagger
    if not isinstance(tagger, PackedTagger):
        pytest.skip("the shipped tagger is not packed")
    fresh = PackedTagger(tagger.tags, tagger.features, tagger.weights, tagger.tagdict)
    a, b = ("The", "dam", "was", "finished", "."), ("Prices", "of", "water", "rose", ".")
    tags_a = fresh.tag(a)
    fresh.tag(b)
    fresh.forget([a, ("never", "seen")])
    assert a not in fresh._sentences and b in fresh._sentences
    assert fresh.tag(a) == tags_a  # tagged again alike
