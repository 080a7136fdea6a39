"""The detector's per-token work done once (session 32): a batch's token texts are the one ``findall``'s
slices (:func:`tagger.tokenize_many_words`), the analysis reads the primed texts instead of a pass over its
tokens, and the batch tagger builds its per-type arrays from flat iterators; every result as before."""

from __future__ import annotations

import random

import pytest

from mtfix.garble import batch, signs, tagger
from mtfix.garble.tagger import PackedTagger


def _texts(n: int, seed: int) -> list[str]:
    pieces = ["Mr.", "Jan.", "U.S.", "didn't", "'s", "’s", "5th", "1,500.5", "oil-and-gas", "...", "The", "talks",
              "\x00", "\t", "\n", " ", "-", "(", '"', "é", "Bakı", "a@b.org", "#tag", "https://x.org/a", "Co", "x."]
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, 14)))
            for _ in range(n)]


def test_token_texts_are_the_tokens_texts():
    texts = [*_texts(3000, 7), "", "  ", "é", "Talks resumed on Jan."]
    toks, words = tagger.tokenize_many_words(texts)
    assert toks == [tagger.tokenize(t) for t in texts]
    assert words == [[t.text for t in ts] for ts in toks]
    assert tagger.tokenize_many_words([]) == ([], [])


def test_analysis_reads_the_primed_texts(monkeypatch):
    """A primed sentence's analysis takes its token texts from the priming (no pass over its tokens) and is
    the analysis of the sentence unprimed."""
    texts = ["Officials didn't say where the talks on gas prices would be held, he said.",
             "Prices of oil and gas rose sharply on Monday in Baku."]
    packed = tagger.load()
    plain = [signs.analyse(t, packed) for t in texts]
    signs.prime_tokens(texts)
    primed_words = {t: signs._primed[t][1] for t in texts}
    seen = []
    real = signs._structural

    def spy(toks, tags, text, infos=None, wordlike=None, words=None, *rest):
        seen.append((text, words))
        return real(toks, tags, text, infos, wordlike, words, *rest)

    monkeypatch.setattr(signs, "_structural", spy)
    again = [signs.analyse(t, packed) for t in texts]
    assert [(a.tokens, a.tags, a.dense, a.hashed, a.worst) for a in again] == \
        [(a.tokens, a.tags, a.dense, a.hashed, a.worst) for a in plain]
    assert [w is primed_words[t] for t, w in seen] == [True, True]
    assert not signs._primed


@pytest.mark.parametrize("sentences", [
    [["The", "minister", "visited", "Baku", "."], ("He", "said", "the", "set", "was", "like", "a", "dream", ".")],
    (("Xyzzy", "qarşı", "ölkə"), ("Prices", "rose", "."), ()),
])
def test_tag_many_reads_lists_and_tuples_alike(sentences):
    t = tagger.load()
    packed = PackedTagger(t.tags, t.features, t.weights, t.tagdict)
    assert batch.tag_many(packed, sentences) == [packed.tag(list(s)) for s in sentences]


def test_type_arrays_equal_the_nested_build():
    """The per-type rows, tags and "tw" rows built from flat iterators equal the nested (per-type) build."""
    import numpy as np

    t = tagger.load()
    packed = PackedTagger(t.tags, t.features, t.weights, t.tagdict)
    tb = batch._tables_of(packed)
    rng = random.Random(2)
    words = list(dict.fromkeys(w for text in _texts(400, 11) for w in tagger.tokenize_many_words([text])[1][0]))
    words += ["-START-", "-START2-", "-END-", "-END2-", "the", "of", "set", "like"]
    rng.shuffle(words)
    infos = [tb.word_type(packed, w) for w in words]
    got = batch.type_arrays(tb, infos)
    rows = np.array([i[0] for i in infos], dtype=np.intp)
    fixed = np.array([i[1] for i in infos], dtype=np.intp)
    tw = np.full((len(infos), len(tb.names)), tb.zero, dtype=np.intp)
    for k, info in enumerate(infos):
        for p, r in info[2]:
            tw[k, p] = r
    assert any(i[2] for i in infos)
    for a, b in zip(got, (rows, fixed, tw), strict=True):
        assert a.dtype == b.dtype and np.array_equal(a, b)
