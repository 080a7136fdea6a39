"""The words and tags the garble signals read: the function words, what each word type reads as (lower case,
function word, script), the function-word view of a sentence and its hashed n-grams (split from ``signs.py``,
session 34)."""

from __future__ import annotations

import operator
import zlib
from collections.abc import Sequence
from itertools import chain

from mtfix.caching.bounded import BoundedMemo
from mtfix.garble.tagger import (
    Token,
)
from mtfix.text.tokens import other_script

#: Function words kept as themselves in the n-gram view (everything else becomes its tag).
_FUNCTION_WORDS_TEXT = """
a an the this that these those of in on at by for with from to into onto over under about after before during
between among through against within without since until as than and or but nor so yet if because while although
though when where which who whom whose what how why is are was were be been being has have had do does did will
would can could should may might must shall not n't no it its he she they we i you him her them us me his their
our your my there here also only even still just very more most such both all each every other another some any
one first then now again too however according due regarding concerning said says that's ,
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
#: Each function word to itself: ``_FUNCTION_VIEW.get(lower, tag)`` is a token's item of the function-word view
#: (:func:`view`) in one C call.
_FUNCTION_VIEW = {w: w for w in FUNCTION_WORDS}

HASH_BITS = 16


_HASH_MASK = (1 << HASH_BITS) - 1


def _hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & _HASH_MASK


def _gram_hash(gram: tuple[str, ...]) -> int:
    """``_hash(f"{n}|" + " ".join(gram))`` for an n-gram (a tuple of 1–3 items), without the call."""
    return zlib.crc32((f"{len(gram)}|" + " ".join(gram)).encode("utf-8")) & _HASH_MASK


_HASH_CACHE_SIZE = 1 << 16
#: n-gram → :func:`_gram_hash`.
_hash_cache = BoundedMemo(_gram_hash, _HASH_CACHE_SIZE)


def view(tokens: Sequence[Token], tags: Sequence[str], keep: frozenset[str] | None = None) -> list[str]:
    """The function-word view: function words as themselves, the rest as their tag.  ``keep``: further
    words (lower case) kept as themselves (a model's ``view_words``); None keeps the function words only."""
    info = word_info
    infos = [info[t.text] for t in tokens]
    if keep:
        return _kept_view(infos, tags, keep)
    return [i[1] or g for i, g in zip(infos, tags, strict=True)]


def _kept_view(infos: Sequence[tuple[str, str, bool, bool, bool, bool]], tags: Sequence[str],
               keep: frozenset[str]) -> list[str]:
    """The view with the words of ``keep`` (lower case) as themselves too: one set look-up per word."""
    return [i[1] or (i[0] if i[0] in keep else g) for i, g in zip(infos, tags, strict=True)]


def _trigram_hash_triple(gram: tuple[str, str, str]) -> tuple[int, int, int]:
    """The hashes of (c,), (b, c) and (a, b, c) (from :data:`_hash_cache`): one look-up per position
    of a sentence instead of three."""
    h = _hash_cache
    return h[gram[2:]], h[gram[1:]], h[gram]


_trigram_hashes = BoundedMemo(_trigram_hash_triple, _HASH_CACHE_SIZE)


def hashed_ngrams(items: Sequence[str]) -> list[int]:
    """Hashed 1–3-grams of the function-word view, sentence-padded, deduplicated."""
    seq = ["<s>", *items, "</s>"]
    cache = _hash_cache
    if len(seq) < 3:
        feats = set(map(cache.__getitem__, zip(seq)))
        feats.update(map(cache.__getitem__, zip(seq, seq[1:])))  # noqa: B905
        return sorted(feats)
    # the n-grams ending at each position from the third, and the 1- and 2-grams of the first two
    feats = {cache[(seq[0],)], cache[(seq[1],)], cache[(seq[0], seq[1])]}
    feats.update(chain.from_iterable(map(_trigram_hashes.__getitem__, zip(seq, seq[1:], seq[2:]))))  # noqa: B905
    return sorted(feats)


def _info_of(w: str) -> tuple[str, str, bool, bool, bool, bool]:
    """What the signals read of a word type, whatever its tag: ``(lower, view, capital_function,
    alpha, lower_case, other_script)`` where ``lower`` is lower case with ’ as ', ``view`` is ``lower``
    for a function word and "" otherwise, ``capital_function`` says a capitalised function word
    ("The"), and ``other_script`` says letters that are not Latin."""
    lw = w.lower().replace("’", "'")
    return (lw, lw if lw in FUNCTION_WORDS else "",
            w[:1].isupper() and w[1:].islower() and w.lower() in FUNCTION_WORDS,
            w.isalpha(), w.islower(), other_script(w))


WORD_CACHE_SIZE = 1 << 16
word_info = BoundedMemo(_info_of, WORD_CACHE_SIZE)


#: Tag → whether it marks a word (a letter tag or ``CD``) rather than punctuation.
WORDLIKE_TAG = BoundedMemo(lambda g: g[0].isalpha() or g == "CD", 1024)
STOP_PUNCT = frozenset({",", ".", ";", ":", "!", "?"})

INFO_LOWER = operator.itemgetter(0)  # of an _info_of entry
#: Quotation marks, as tokens.
QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»", "``", "''", "„"})
DASHES = frozenset({"-", "–", "—", "--"})
