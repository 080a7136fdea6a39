"""Many sentences tokenised at once (:func:`tagger.tokenize_many`, session 15) as one by one."""

from __future__ import annotations

import random

from mtfix.garble import tagger


def test_many_texts_tokenise_as_one_by_one():
    """Texts that end in an abbreviation before one that starts with a capital, start with a clitic or a
    digit, hold odd ASCII, NUL, white space of every kind, opaque marks or other alphabets."""
    pieces = ["Mr.", "Jan.", "No.", "U.S.", "didn't", "n't", "'s", "’s", "5th", "1,500.5", "oil-and-gas", "...",
              "The", "talks", "9", "\x1c", "\x00", "\t", "\n", "\v", "\f", "\r", " ", "  ", "-", "(", ")", '"', "’",
              "é", "Bakı", "a@b.org", "#tag", "www.x.org", "https://x.org/a", "'", "Co", "Dec", "x."]
    rng = random.Random(3)
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, 14)))
             for _ in range(4000)]
    texts += ["", " ", "Jan.", "Talks resumed on Jan.", "The end.", "n't", "\x00", "Mr. Smith"]
    assert tagger.tokenize_many(texts) == [tagger.tokenize(t) for t in texts]
    assert tagger.tokenize_many([]) == []
    assert tagger.tokenize_many(["é", "  "]) == [tagger.tokenize("é"), []]
