"""The fast paths of the packed tagger (per-type partial sums, sentence cache) tag as the plain sum does."""

from __future__ import annotations

import os
import random
from array import array
from pathlib import Path

import pytest

from mtfix.garble import tagger, tagger_training
from mtfix.garble.tagger import PackedTagger

SHARED = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))


def _plain(packed: PackedTagger, words: list[str]) -> list[str]:
    """Tags by summing every feature's row token by token (the tagger before the fast paths)."""
    padded = ["-START-", "-START2-", *words, "-END-", "-END2-"]
    prev, prev2 = "-START-", "-START2-"
    out = []
    for i in range(2, len(padded) - 2):
        tag = packed.tagdict.get(padded[i])
        if tag is None:
            rows = [r for f in tagger.token_features(i, padded, prev, prev2) if (r := packed.index.get(f)) is not None]
            tag = packed.tags[packed._best(rows)] if rows else "NN"
        out.append(tag)
        prev2, prev = prev, tag
    return out


def _fresh() -> PackedTagger:
    t = tagger.load()
    return PackedTagger(t.tags, t.features, t.weights, t.tagdict)


def test_word_salad_is_tagged_as_the_plain_sum():
    packed = _fresh()
    vocab = ["The", "minister", "visited", "Baku", "snowThe", "oilgas", "'s", "n't", "did", "2024", "1,500", ",", ".",
             "U.S.", "well-known", "Ganja", "rose", "of", "in", "and", "qarşı", "ölkə", "-", "(", "THE", "x", "Xyzzy"]
    rng = random.Random(4)
    for _ in range(400):
        words = [rng.choice(vocab) for _ in range(rng.randint(1, 14))]
        assert packed.tag(words) == _plain(packed, words)


def test_ewt_dev_is_tagged_as_the_plain_sum():
    dev = SHARED / "corpora" / "ud-english-ewt" / "en_ewt-ud-dev.conllu"
    if not dev.is_file():
        pytest.skip(f"EWT not found at {dev} (set MTFIX_SHARED)")
    packed = _fresh()
    for words, _ in tagger_training.read_conllu(dev)[:1500]:
        assert packed.tag(words) == _plain(packed, words)


def test_the_sentence_cache_hands_out_copies_and_stays_bounded(monkeypatch):
    packed = _fresh()
    words = ["Prices", "of", "oil", "rose", "."]
    first = packed.tag(words)
    first[0] = "XX"
    assert packed.tag(words) == _plain(packed, words)
    monkeypatch.setattr(tagger, "_SENTENCE_CACHE", 3)
    for n in range(10):
        packed.tag(["Word", str(n), "."])
    assert len(packed._sentences) <= 3


def test_ascii_tokens_are_the_unicode_patterns_tokens():
    from mtfix.text.tokens import EWT_TOKEN, EWT_TOKEN_ASCII

    rng = random.Random(0)
    everything = [chr(i) for i in range(128)]
    common = "ab nt's'.-0123xyzN ,A_\u2019"[:-1]  # ASCII only
    for _ in range(30000):
        s = "".join(rng.choice(everything if rng.random() < 0.3 else common) for _ in range(rng.randint(1, 14)))
        assert [m.span() for m in EWT_TOKEN.finditer(s)] == [m.span() for m in EWT_TOKEN_ASCII.finditer(s)], repr(s)
    text = "The U.S. didn't pay $5.50 on 3/4/2024... He's 5th, isn't he? Rock'n'roll\x1c\x1fa-b"
    assert [t.text for t in tagger.tokenize(text)] == [m.group() for m in EWT_TOKEN.finditer(text)]


def test_full_word_caches_start_again_and_tag_the_same(monkeypatch):
    monkeypatch.setattr(tagger, "_ROLE_CACHE", 5)
    packed = _fresh()
    sentences = [["The", "port", "of", "Baku", "handled", str(n), "tonnes", "of", w, "."]
                 for n, w in enumerate(["grain", "tea", "wine", "steel", "oilgas", "cotton"])]
    for words in sentences:
        assert packed.tag(words) == _plain(packed, words)
    assert all(len(cache) <= 5 for cache in packed._roles) and len(packed._contexts) <= 5
    assert len(packed._last) <= 5 and len(packed._tag_contexts) <= 5


def _tokens_by_finditer(text: str, offset: int) -> list[tuple[str, int, int]]:
    from mtfix.text.tokens import EWT_TOKEN, EWT_TOKEN_ASCII

    pattern = EWT_TOKEN_ASCII if text.isascii() else EWT_TOKEN
    return [(m.group(), m.start() + offset, m.end() + offset) for m in pattern.finditer(text)]


def test_tokenize_offsets_are_the_match_offsets():
    """tokenize finds each token after the previous one: the offsets are the pattern's own."""
    rng = random.Random(7)
    pieces = ["a", "Baku", "n't", "'s", "’s", "don", "-", "--", "...", ".", ",", "U.S.", "5th", "3/4", "1,500", " ",
              "  ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\xa0", "\u2009", "\u3000", "é", "e\u0301",
              "\u0301", "ß", "²", "Ⅻ", "٣", "Баку", "qarşı", "中文", "'", "’", "(", ")", "\"", "«", "»", "😀", "x-y"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        off = rng.choice((0, 17))
        assert [tuple(t) for t in tagger.tokenize(text, off)] == _tokens_by_finditer(text, off), repr(text)
    for p in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        assert [tuple(t) for t in tagger.tokenize(text, 3)] == _tokens_by_finditer(text, 3)


def test_the_guessed_tag_test_is_the_clear_winner_test():
    """tag() keeps a word's last tag when one big-integer test says it leads every other tag by more
    than 2: the test agrees with sorting the fields, near ties and wrong guesses included."""
    packed = _fresh()
    n = len(packed.tags)
    rng = random.Random(3)
    for _ in range(3000):
        fields = [rng.randint(0, 16 * 65535) for _ in range(n)]
        t = rng.randrange(n)
        if rng.random() < 0.5:  # a near tie or a clear lead for the guess
            fields[t] = max(fields[:t] + fields[t + 1:]) + rng.choice((-1, 0, 1, 2, 3, 4, 500))
        total = int.from_bytes(array("I", fields).tobytes(), "little")
        top = fields[t]
        fast = ((top + tagger._CLEAR) * packed._ones - total) & packed._high == packed._others[t]
        assert fast == all(v <= top - 3 for k, v in enumerate(fields) if k != t)


def test_words_seen_again_are_tagged_as_the_plain_sum():
    packed = _fresh()
    sentences = [["The", "price", "of", "oil", "rose", "."], ["Oil", "rose", "and", "gas", "fell", "."],
                 ["The", "rose", "is", "red", "."], ["They", "rose", "early", "."], ["A", "fell", "rose", "."]]
    for words in sentences * 3:
        packed._sentences.clear()
        assert packed.tag(words) == _plain(packed, words)
