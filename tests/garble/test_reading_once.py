"""A primed sentence's reading asked once (session 36): :func:`signs.prime_tokens` keeps each sentence's
:func:`signs.reading` with its tokens and :func:`signs.analyse` takes it instead of asking again; the text it reads
is still read again (the reading is not idempotent: a joiner between two letters once a gloss's mark is gone), and
every analysis equals the sentence's analysis unprimed."""

from __future__ import annotations

import pytest

from mtfix.garble import signs, tagger

#: A sentence read as it is, marks, glosses, both, and one whose read text reads differently again.
_SENTENCES = [
    "Officials said the talks on gas prices would resume in the capital next week.",
    "The re\u00adport\u200b was published on Monday by the ministry of energy.",
    'The old word supra means "feast", the guide told the visitors on Sunday.',
    "The square’s name, literally \u201cplace of apples\u201d, was given in\u200b 1921 by the council.",
    'The word supra means"\u200dfeast", the guide told the visitors on Sunday.',
    "",
    "Prices rose.",
]
_NOT_FIXED = _SENTENCES[4]


def _fields(a: signs.Analysis) -> tuple:
    return a.tokens, a.tags, a.signs, a.dense, a.hashed, a.worst, a.nouns, a.lower


@pytest.fixture(scope="module")
def packed() -> tagger.PackedTagger:
    return tagger.load()


def test_the_reading_is_not_idempotent_on_one_sentence():
    once = signs.reading(_NOT_FIXED)
    assert once is not None and signs.reading(once[0]) is not None


@pytest.mark.parametrize("offset", [0, 7])
def test_primed_analyses_equal_unprimed_ones(packed, offset):
    plain = [_fields(signs.analyse(t, packed, offset=offset)) for t in _SENTENCES]
    signs.prime_tokens(_SENTENCES)
    primed = [_fields(signs.analyse(t, packed, offset=offset)) for t in _SENTENCES]
    assert not signs._primed
    assert primed == plain


def test_the_primed_reading_is_kept_and_not_asked_again(packed, monkeypatch):
    calls: list[str] = []
    real = signs.reading

    def spy(text: str):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(signs, "reading", spy)
    signs.prime_tokens(_SENTENCES)
    assert calls == _SENTENCES
    assert [signs._primed[t][2] for t in _SENTENCES] == [real(t) for t in _SENTENCES]
    calls.clear()
    for t in _SENTENCES:
        signs.analyse(t, packed)
    # asked again only of a read text (sentences with marks or gloss quotes); the one whose read text reads
    # differently again is analysed from that second reading, as unprimed (asked of it: once more, then its own)
    twice = real(real(_NOT_FIXED)[0])[0]
    assert calls == [real(_SENTENCES[1])[0], real(_SENTENCES[2])[0], real(_SENTENCES[3])[0],
                     real(_NOT_FIXED)[0], real(_NOT_FIXED)[0], twice]


def test_an_unprimed_analysis_asks_the_reading(packed, monkeypatch):
    calls: list[str] = []
    real = signs.reading
    monkeypatch.setattr(signs, "reading", lambda text: calls.append(text) or real(text))
    signs.analyse(_SENTENCES[0], packed)
    assert calls == [_SENTENCES[0]]
