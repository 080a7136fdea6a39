"""The batch tagger (numpy, many sentences at once) tags exactly as the packed tagger does one by one,
and the checker's findings do not depend on whether it tags a document's sentences at once."""

from __future__ import annotations

import os
import random
from array import array
from pathlib import Path

import pytest

from mtfix.garble import batch, checker, signs, tagger, tagger_training
from mtfix.garble.tagger import PackedTagger

SHARED = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))


def _fresh() -> PackedTagger:
    t = tagger.load()
    return PackedTagger(t.tags, t.features, t.weights, t.tagdict)


def _one_by_one(words_list: list[list[str]]) -> list[list[str]]:
    packed = _fresh()
    return [packed.tag(w) for w in words_list]


def test_word_salad_is_tagged_as_one_by_one():
    vocab = ["The", "minister", "visited", "Baku", "snowThe", "oilgas", "'s", "n't", "did", "2024", "1,500", ",", ".",
             "U.S.", "well-known", "Ganja", "rose", "of", "in", "and", "qarşı", "ölkə", "-", "(", "THE", "x", "Xyzzy",
             "-START-", "-END-", "John", "’s", "set", "up", "that", "like"]
    rng = random.Random(5)
    sents = [[rng.choice(vocab) for _ in range(rng.randint(0, 30))] for _ in range(1500)]
    assert batch.tag_many(_fresh(), sents) == _one_by_one(sents)


def test_near_ties_are_settled_as_one_by_one(monkeypatch):
    """Every token goes to the settlement when the margin is widened: it must pick what tag() picks."""
    calls = []
    real = PackedTagger.settle_sums

    def spy(self, sums, rows):
        calls.append(1)
        return real(self, sums, rows)

    monkeypatch.setattr(PackedTagger, "settle_sums", spy)
    sents = [["Prices", "of", "oil", "and", "gas", "rose", "sharply", "on", "Monday", "."],
             ["He", "said", "the", "set", "was", "like", "a", "dream", "."], ["Xyzzy", "qarşı", "ölkə"]]
    packed = _fresh()
    got = batch.tag_many(packed, sents)
    assert got == _one_by_one(sents)
    # force settlements: a token is unclear when its second-best sum is within the margin (2) of the top; widen it
    monkeypatch.setattr(batch, "_TIE_MARGIN", 10 ** 6)
    calls.clear()
    assert batch.tag_many(packed, sents) == got
    assert calls, "the settlement was not reached"


def test_a_token_without_any_feature_is_nn_as_one_by_one():
    """A toy model without the bias feature: a token none of whose features it knows is "NN"."""
    tags = ["NN", "VB", "DT"]
    features = ["t DT", "w dog", "w+1 dog", "tw DT dog", "tt DT -START-"]
    weights = array("h", [0, 5, 1,  3, 0, 0,  0, 0, 7,  2, 0, 0,  0, 4, 0])
    toy = PackedTagger(tags, features, weights, {"the": "DT"})
    sents = [["the", "dog", "barks"], ["cat", "dog"], ["xyz"], ["the", "the", "dog", "dog", "dog"]]
    want = [PackedTagger(tags, features, weights, {"the": "DT"}).tag(s) for s in sents]
    assert batch.tag_many(toy, sents) == want
    assert want[2] == ["NN"]


def test_ewt_dev_is_tagged_as_one_by_one():
    dev = SHARED / "corpora" / "ud-english-ewt" / "en_ewt-ud-dev.conllu"
    if not dev.is_file():
        pytest.skip(f"EWT not found at {dev} (set MTFIX_SHARED)")
    sents = [w for w, _ in tagger_training.read_conllu(dev)]
    assert batch.tag_many(_fresh(), sents) == _one_by_one(sents)


def test_prime_fills_the_sentence_cache_and_tokens_are_taken_once():
    packed = _fresh()
    texts = ["Officials didn't say where the talks on gas prices would be held, he said.",
             "Write to press@example.org or see https://example.org/a?b=1 for more about the plan."]
    words = signs.prime_tokens(texts)
    assert words[1][2] == tagger.NAME_STAND_IN and words[0][:4] == ["Officials", "did", "n't", "say"]
    toks, texts_of, plain = signs._primed[texts[0]]
    assert plain is None
    assert toks == tagger.tokenize(texts[0]) and texts_of == [t.text for t in toks]
    batch.prime(packed, [*words, []])
    assert packed._sentences[tuple(words[0])] == tuple(_one_by_one([words[0]])[0])
    a = signs.analyse(texts[0], packed)
    assert texts[0] not in signs._primed and a.tokens == tagger.tokenize(texts[0])
    signs._primed.clear()


def _document(n: int) -> str:
    rng = random.Random(9)
    subjects = ["The minister", "Officials in Baku", "The committee", "Prices of oil and gas", "He", "The report"]
    middles = ["on 17 September in the capital", "said that the plan", "noted that in the region the hospital",
               "of the development of the cooperation of the countries", "will be opened next year", "rose sharply"]
    ends = ["met.", "was approved, he said.", "according to.", "is important for the people.", "spoke."]
    paras = [" ".join(f"{rng.choice(subjects)} {rng.choice(middles)} {rng.choice(middles)} {rng.choice(ends)}"
                      for _ in range(4)) for _ in range(n // 4)]
    return "\n\n".join(paras) + "\n"


def test_the_checker_finds_the_same_with_and_without_batch_tagging(monkeypatch):
    from mtfix.segment import to_document

    doc = to_document(_document(240))

    def run(min_sentences: int) -> list[dict]:
        monkeypatch.setattr(checker, "BATCH_MIN_SENTENCES", min_sentences)
        checker._cache.clear()
        checker._plans.clear()
        checker._judged.clear()
        det = checker.detector()
        det.tagger._sentences.clear()
        c = checker.GarbleChecker()
        return [f.to_dict() for f in c.post_filter(doc, c.check(doc))]

    primed = []
    real = batch.prime
    monkeypatch.setattr(batch, "prime", lambda t, s: (primed.append(len(s)), real(t, s))[1])
    one_by_one = run(10 ** 9)
    assert not primed
    monkeypatch.setattr(checker, "_BATCH", 50)  # several chunks
    at_once = run(2)
    assert primed and at_once == one_by_one and any(f["code"] == "MTF401" for f in at_once)


def test_a_batch_never_overflows_the_tagger_sentence_cache():
    """A batch's sentences are tagged into the tagger's sentence cache (:func:`mtfix.garble.batch.prime`): a batch
    larger than the cache would clear it while priming, and its first sentences be tagged again one by one."""
    from mtfix.garble import tagger

    assert checker.BATCH_MIN_SENTENCES <= checker._BATCH <= tagger._SENTENCE_CACHE
