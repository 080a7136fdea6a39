"""The garble detector's caches: bounded, and the same results to the last bit as without them."""

from __future__ import annotations

import math
import zlib

import pytest

from mtfix.config import Config
from mtfix.garble import checker as gchecker
from mtfix.garble import signs
from mtfix.garble.model import Detector
from mtfix.scoring import lm as lm_mod

SENTENCES = [
    "The minister on 17 September in Baku spoke.",
    "Officials said the talks would resume on Monday.",
    "The minister noted that in the region the new hospital next year will be opened, he said.",
    "At the ceremony that it was stressed the aim of the organisers was to honour the veterans.",
    "Him went to the market, and they bought bread for we.",
    "Президент visited the new school in the capital on Friday, officials said.",
    "Yes.",
    "",
]


def _reference_ngrams(items: list[str]) -> list[int]:
    """hashed_ngrams as it was before the cache."""
    seq = ["<s>", *items, "</s>"]
    feats = set()
    for n in (1, 2, 3):
        for i in range(len(seq) - n + 1):
            s = f"{n}|" + " ".join(seq[i : i + n])
            feats.add(zlib.crc32(s.encode("utf-8")) & ((1 << signs.HASH_BITS) - 1))
    return sorted(feats)


@pytest.mark.parametrize("items", [[], ["the"], ["NN", "of"], ["DT", "NN", "VBD", "in", "NNP", "."],
                                   ["it", "'s", "ünïcode", "NN", "NN", "NN"]])
def test_hashed_ngrams_match_the_uncached_reference(items):
    signs._hash_cache.clear()
    assert signs.hashed_ngrams(items) == _reference_ngrams(items)
    assert signs.hashed_ngrams(items) == _reference_ngrams(items)  # from the cache


def test_hash_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(signs._hash_cache, "size", 16)
    signs._hash_cache.clear()
    for i in range(200):
        items = [f"w{i}", f"x{i}", "NN"]
        assert signs.hashed_ngrams(items) == _reference_ngrams(items)
        assert len(signs._hash_cache) <= 16
    signs._hash_cache.clear()


def test_surprisal_cache_is_exact_and_bounded(monkeypatch):
    tri = Detector.load().trigrams
    monkeypatch.setattr(tri._surprisal_cache, "size", 8)
    tri._surprisal_cache.clear()
    tags = ["<s>", "DT", "NN", "VBD", "IN", "NNP", ".", "</s>", "XX", "JJ", "NNS"]
    for a in tags:
        for b in tags:
            for c in tags:
                first = tri.surprisal(a, b, c)
                assert first == tri._surprisal(a, b, c)
                assert math.copysign(1.0, first) == math.copysign(1.0, tri.surprisal(a, b, c))
                assert len(tri._surprisal_cache) <= 8
    tri._surprisal_cache.clear()


def test_lm_lookup_memo_is_exact_and_bounded(monkeypatch):
    try:
        model = lm_mod.BigramModel.load()
    except ModuleNotFoundError:
        pytest.skip("wordsegment is not installed")
    monkeypatch.setattr(lm_mod, "_MEMO_SIZE", 4)
    words = ["the", "of", "snowthe", "against", "minister", "zzqxj", "the", "of"]
    for table in (model.unigrams, model.bigrams):
        table._memo.clear()
        for w in [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]:
            assert table.get(w) == table._lookup(w)
            assert table.get(w) == table._lookup(w)
            assert len(table._memo) <= 4
        table._memo.clear()
    assert model.known("against") and not model.known("snowthe")


def _clear_caches() -> None:
    signs._hash_cache.clear()
    d = Detector.load()
    d.trigrams._surprisal_cache.clear()
    if d.lm is not None:
        d.lm.unigrams._memo.clear()
        d.lm.bigrams._memo.clear()
    signs._lm_logs.clear()  # the detector's own memos of the model's look-ups


def test_predictions_cold_and_warm_are_bit_identical():
    d = Detector.load()
    _clear_caches()
    cold = [d.predict(s) for s in SENTENCES]
    warm = [d.predict(s) for s in SENTENCES]
    for c, w in zip(cold, warm, strict=True):
        assert repr(c.probability) == repr(w.probability)
        assert c.analysis.dense == w.analysis.dense
        assert c.analysis.hashed == w.analysis.hashed
        assert c.contributions == w.contributions


@pytest.mark.parametrize(("kw", "unwanted"), [
    ({}, False),
    ({"select": ["MTF1"]}, True),
    ({"select": ["mtf105", "LT:FOO"]}, True),
    ({"select": ["MTF1", "MTF4"]}, False),
    ({"select": ["MTF"]}, False),
    ({"select": ["MTF401"]}, False),
    ({"select": ["garble"]}, False),
    ({"select": ["MTF1", "some_rule_name"]}, False),  # an unknown name: the pipeline reports it, the checker runs
    ({"select": ["hallucinated-phrase"]}, True),  # a rule name resolves through the catalogue (MTF101)
    ({"ignore": ["MTF401"]}, False),
    ({"ignore": [f"MTF40{i}" for i in range(1, 9)]}, True),
    ({"ignore": [f"MTF40{i}" for i in range(1, 8)]}, False),
])
def test_findings_unwanted(kw, unwanted):
    assert gchecker.findings_unwanted(Config(**kw)) is unwanted


def test_unselected_checker_does_no_work_but_scores_keep_probabilities(monkeypatch):
    from mtfix.segment import to_document

    text = "The minister noted that in the region the new hospital next year will be opened, he said."
    active = gchecker.build_checker(Config(), [])
    idle = gchecker.build_checker(Config(select=["MTF1"]), [])
    assert active is not None and active.active
    assert idle is not None and not idle.active
    assert idle.signature() == active.signature()
    doc = to_document(text)
    calls = []
    monkeypatch.setattr(gchecker, "predict", lambda t: calls.append(t))
    assert idle.check(doc) == []
    assert calls == []
    monkeypatch.undo()
    assert any(f.code.startswith("MTF4") for f in active.check(doc))
    # the fluency score asks for probabilities on its own, whatever the selection
    assert gchecker.probability(text) == Detector.load().predict(text).probability


def test_pipeline_findings_unchanged_by_the_idle_checker():
    from mtfix.pipeline import Pipeline

    text = ("The minister on 17 September in Baku spoke. Him went to the market and bought the bread for we , "
            "officials said. The the report was published on Monday.")
    full = Pipeline(Config(grammar="off")).check(text).findings
    only = Pipeline(Config(grammar="off", select=["MTF1"])).check(text).findings
    assert [f for f in full if f.code.startswith("MTF1")] == only


def test_every_memo_of_the_detector_is_bounded():
    """The hot paths' caches are one shape (:class:`mtfix.caching.bounded.BoundedMemo`), each with a bound."""
    from mtfix.caching.bounded import BoundedMemo

    d = Detector.load()
    d.predict("Officials said the talks would resume on Monday.")
    memos = [signs._hash_cache, signs._trigram_hashes, signs.word_info, signs.WORDLIKE_TAG,
             d.trigrams._surprisal_cache, *(signs._lm_logs(d.lm) if d.lm is not None else ())]
    assert all(isinstance(m, BoundedMemo) and 0 < m.size <= 1 << 16 for m in memos)


def test_lm_finder_gives_what_the_table_gives():
    """The detector's memos compute a miss with :meth:`_Table.finder` (session 22): the table's own value, for known
    and unknown words and pairs, and the fallback for a model that is no :class:`BigramModel`."""
    try:
        model = lm_mod.BigramModel.load()
    except ModuleNotFoundError:
        pytest.skip("wordsegment is not installed")
    words = ["the", "of", "snowthe", "against", "minister", "zzqxj", "naïve", "", "said", "talks"]
    pairs = [f"{a} {b}" for a in words for b in words]
    for table, keys in ((model.unigrams, words), (model.bigrams, pairs)):
        find = table.finder()
        got = [find(k) for k in keys]
        assert got == [table._lookup(k) for k in keys] == [table.get(k) for k in keys]
        assert any(v is None for v in got) and any(v is not None for v in got)
    signs._lm_logs.clear()
    unigram, bigram = signs._lm_logs(model)
    assert [unigram[w] for w in words] == [model.unigram(w) for w in words]
    assert [bigram[p] for p in pairs] == [model.bigrams.get(p) for p in pairs]

    class Other:  # another model (a test double): its own look-ups
        min_log = 0.0
        unigrams = bigrams = None

        def unigram(self, w):
            return 9.0 if w == "the" else None

    other = Other()
    other.bigrams = type("B", (), {"get": staticmethod(lambda s: 8.0 if s == "of the" else None)})()
    unigram, bigram = signs._lm_logs(other)
    assert (unigram["the"], unigram["x"], bigram["of the"], bigram["the of"]) == (9.0, None, 8.0, None)
    signs._lm_logs.clear()
