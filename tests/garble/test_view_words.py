"""A model's ``view_words``: frequent words kept as themselves in the hashed n-grams' view (default: none)."""

from __future__ import annotations

from mtfix.garble.model import Detector
from mtfix.garble.signs import analyse, hashed_ngrams, view
from mtfix.garble.tagger import load, tokenize

TEXT = "The meeting took place in the capital, where the talks were carried out."
KEEP = frozenset({"took", "place", "carried", "out"})


def test_view_keeps_the_given_words_and_nothing_else():
    toks = tokenize(TEXT)
    tags = load().tag([t.text for t in toks])
    plain, kept = view(toks, tags), view(toks, tags, KEEP)
    assert plain == view(toks, tags, None) == view(toks, tags, frozenset())
    assert [kept[i] for i in (2, 3)] == ["took", "place"]
    assert plain[2] != "took" and plain[3] != "place"
    changed = {toks[i].text.lower() for i, (a, b) in enumerate(zip(plain, kept, strict=True)) if a != b}
    assert changed == KEEP
    assert hashed_ngrams(kept) != hashed_ngrams(plain)


def test_kept_words_change_the_ngrams_not_the_dense_features():
    tagger = load()
    plain, kept = analyse(TEXT, tagger), analyse(TEXT, tagger, keep=KEEP)
    assert plain.dense == kept.dense and plain.tags == kept.tags
    assert plain.hashed != kept.hashed
    assert analyse(TEXT, tagger, keep=None).hashed == plain.hashed


def test_view_words_are_a_model_parameter():
    shipped = Detector.load()
    assert shipped.view_words is None  # the shipped model reads the function-word view only
    meta = {**shipped.meta, "view_words": sorted(KEEP)}
    other = Detector(meta, shipped.dense, shipped.hashed, shipped.trigrams, shipped.digest, shipped.tagger)
    assert other.view_words == KEEP
    assert other.analyse(TEXT).hashed == analyse(TEXT, shipped.tagger, keep=KEEP).hashed
    assert shipped.analyse(TEXT).hashed == analyse(TEXT, shipped.tagger).hashed
