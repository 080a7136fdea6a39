""":func:`mtfix.text.lexicon.one_edit_words` asks only the candidates the English lists hold once the large list's
dict is built (session 44): the same words in the same order as asking :func:`zipf` of every candidate, for
lower-case ASCII words, capitals, non-ASCII letters and every minimum (0 lets unlisted candidates through).  The
words are written for mtfix."""

from __future__ import annotations

import pytest

from mtfix.text import lexicon
from mtfix.text.lexicon import KNOWN, is_word, one_edit_words, zipf


def _every_candidate(word: str, minimum: float) -> list[str]:
    """What the function answered before session 44: each candidate's Zipf frequency asked."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    heads = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    seen = {a + b[1:] for a, b in heads if b}
    seen |= {a + b[1] + b[0] + b[2:] for a, b in heads if len(b) > 1}
    seen |= {a + c + b[1:] for a, b in heads if b for c in letters}
    seen |= {a + c + b for a, b in heads for c in letters}
    seen.discard(word)
    return sorted((w for w in seen if is_word(w, minimum=minimum)), key=lambda w: (-zipf(w), w))


WORDS = ["witchin", "suspectin", "harbourin", "marketof", "votersthe", "tothem", "wereto", "itsnew", "the", "a", "",
         "xq", "naïve", "tést", "Witchin", "WERETO", "cafe", "reportr", "qzxv"]


@pytest.fixture(scope="module", autouse=True)
def built() -> None:
    lexicon.load_english()


def test_the_large_lists_dict_is_read() -> None:
    keys = lexicon._english_keys()
    assert keys is not None and keys[-1] is lexicon._best_list("en")._dict


@pytest.mark.parametrize("minimum", [KNOWN, 0.0, 1.0, 4.5, -1.0])
def test_the_same_words_in_the_same_order_as_asking_every_candidate(minimum: float) -> None:
    for word in WORDS:
        assert one_edit_words(word, minimum) == _every_candidate(word, minimum), word


def test_a_near_miss_still_finds_its_word() -> None:
    assert one_edit_words("witchin")[0] == "within" and "suspecting" in one_edit_words("suspectin")
