"""The batch tagger's word types and the large word list's dict, made cheaper in session 43 with the same results:
a word type's four suffix rows ("s3", "s2", "s-1", "s+1") looked up once per last three letters, and the word
list's dict built in one pass (one insertion a word, no dict a bucket)."""

from __future__ import annotations

from itertools import repeat

import pytest

from mtfix.garble import batch
from mtfix.garble import tagger as tagger_module
from mtfix.garble.tagger import norm_word, word_shape
from mtfix.text import lexicon


@pytest.fixture(scope="module")
def packed():
    tagger = tagger_module.load()
    if not isinstance(tagger, tagger_module.PackedTagger):
        pytest.skip("the shipped tagger is not a PackedTagger")
    return tagger


def _reference(tagger, tb: batch._Tables, word: str):
    """What :meth:`batch._Tables.word_type` gave before session 43: twelve feature strings, each looked up."""
    lw = norm_word(word)
    names = ("b", "w " + lw, "s3 " + lw[-3:], "s2 " + lw[-2:], "p1 " + lw[:1], "sh " + word_shape(word),
             "w-1 " + lw, "s-1 " + lw[-3:], "w-2 " + lw, "w+1 " + lw, "s+1 " + lw[-3:], "w+2 " + lw)
    rows = tuple(map(tagger.index.get, names, repeat(tb.zero)))
    fixed = tagger.tagdict.get(word)
    return rows, -1 if fixed is None else tb.tag_id[fixed], tuple(tb.tw.get(lw, ()))


# own words: suffixes shared ("-ing", "-ed"), short words (a suffix shorter than three letters), digits, a year,
# capitals, a curly apostrophe, the padding markers, letters outside ASCII, the empty string
WORDS = ["walking", "talking", "Talking", "TALKING", "waited", "painted", "a", "I", "of", "at", "on", "x-ray",
         "1999", "12", "3rd", "It’s", "it's", "don't", "-START-", "-START2-", "-END-", "-END2-", "Zürich",
         "naïve", "Łódź", "", "ing", "ng", "g", "'s", "’s", "qwertzuiop", "qwertzuiopping", "...", ",", "U.S."]


def test_each_word_type_is_what_twelve_lookups_gave(packed) -> None:
    tb = batch._Tables(packed)
    for word in WORDS + WORDS:  # the second time from the memo
        assert tb.word_type(packed, word) == _reference(packed, tb, word), word
    assert "ing" in tb.suffixes and "ted" in tb.suffixes  # shared by several word types


def test_a_suffix_row_is_the_same_for_every_word_sharing_it(packed) -> None:
    tb = batch._Tables(packed)
    listed = [w for w in lexicon._as_dict(lexicon._buckets("small", "en")) if w.endswith(("ing", "ed", "ion"))][:400]
    assert len(listed) == 400
    for word in listed:
        assert tb.word_type(packed, word) == _reference(packed, tb, word), word


def test_the_suffix_memo_is_emptied_with_the_types(packed, monkeypatch) -> None:
    monkeypatch.setattr(batch, "_TYPE_CACHE", 3)
    tb = batch._Tables(packed)
    for word in ("walking", "waited", "painted", "talked"):
        assert tb.word_type(packed, word) == _reference(packed, tb, word)
    assert len(tb.types) == 1 and set(tb.suffixes) == {"ked"}  # the fourth cleared both, then kept its own


def _as_dict_before(buckets: list[tuple[float, list[str]]]) -> dict[str, float]:
    """:func:`lexicon._as_dict` before session 43: a dict a bucket, merged rarest first."""
    freq: dict[str, float] = {}
    for value, words in reversed(buckets):
        if words:
            freq.update(dict.fromkeys(words, value))
    return freq


@pytest.mark.parametrize("buckets", [
    [],
    [(5.0, [])],
    [(5.0, ["of", "the", "of"]), (4.9, []), (4.8, ["the", "cat"]), (4.7, ["dog", "of"])],
    [(3.0, ["x"]), (2.0, ["x"]), (1.0, ["x", "y"])],
])
def test_the_dict_is_the_one_a_dict_a_bucket_gave_in_the_same_order(buckets) -> None:
    got, ref = lexicon._as_dict(buckets), _as_dict_before(buckets)
    assert got == ref and list(got.items()) == list(ref.items())


def test_the_large_list_gives_the_same_dict_in_the_same_order() -> None:
    large = lexicon._buckets("large", "en")
    got, ref = lexicon._as_dict(large), _as_dict_before(large)
    assert len(got) > 300_000
    assert list(got.items()) == list(ref.items())
