"""The analysis reads a sentence from its first word, past the symbols or emoji that open it (analysis revision 24,
session 38).

Session 37 made the garble checker skip them; a direct call of the library (``Detector.predict``, ``analyse``,
``mtfix.garble.checker.probability``: what Spark and the fitting scripts call) still read "✅" as a word.  Now the
analysis itself skips them (:func:`mtfix.garble.signs.opened_by_symbols`): the same inputs, probability and signs as
the bare sentence, at the same characters of the text with the opener.  Our own sentences.
"""

from __future__ import annotations

import pytest

from mtfix.garble import signs
from mtfix.garble.checker import probability
from mtfix.garble.model import Detector
from mtfix.garble.signs import opened_by_symbols, prime_tokens, reading, unprime

OPENERS = ["✅ ", "🇦🇿 ", "👍🏽 ", "👨‍👩‍👧 ", "• ", "– ", "— ", "▪ ", "► ", "★ ", "① ", "1️⃣ ", "👉\u200b ", "✅★ "]

SENTENCES = [
    "The ferry service to the islands resumed on Monday after the storm.",
    "The new library will open its doors to readers in the spring.",
    # garbled ones: signs with spans are compared too
    "The delegation on the fifth of May to the capital for talks arrived, them said the agreement signed.",
    "In the meeting of the sides the questions of cooperation in sphere of energy was discussed by them.",
]


def _shifted(a: signs.Analysis, by: int) -> tuple:
    """What the model and the checker read of analysis ``a``, its offsets moved back by ``by``."""
    return (a.tags, a.dense, a.hashed, [(t.text, t.start - by, t.end - by) for t in a.tokens],
            [(s.name, s.start - by, s.end - by, s.message) for s in a.signs],
            None if a.worst is None else (a.worst[0] - by, a.worst[1] - by))


@pytest.mark.parametrize("opener", OPENERS)
def test_the_library_reads_an_opened_sentence_as_the_bare_one(opener):
    det = Detector.load()
    for sentence in SENTENCES:
        text = opener + sentence
        assert _shifted(det.analyse(text), len(opener)) == _shifted(det.analyse(sentence), 0), text
        assert det.predict(text).probability == det.predict(sentence).probability
        assert probability(text) == probability(sentence)


def test_offsets_point_into_the_text_with_the_opener():
    det = Detector.load()
    text = "✅ " + SENTENCES[2]
    a = det.analyse(text, offset=10)
    assert all(text[t.start - 10 : t.end - 10] == t.text for t in a.tokens)
    assert a.signs and all("✅" not in text[s.start - 10 : s.end - 10] for s in a.signs)


def test_the_batch_path_reads_it_alike():
    det = Detector.load()
    texts = ["★ " + s for s in SENTENCES]
    alone = [_shifted(det.analyse(t), 2) for t in texts]
    prime_tokens(texts)
    try:
        assert [_shifted(det.analyse(t), 2) for t in texts] == alone
    finally:
        unprime()


def test_what_is_not_skipped():
    # ASCII list markers, quotation marks, currency and a text of symbols alone are read as they are
    for text in ("- The plan was approved.", "* The plan was approved.", "> The plan was approved.",
                 "“The plan was approved,” she said.", "€5 was the price.", "✅ ★", "The plan ✅ was approved."):
        assert opened_by_symbols(text) == 0, text
        assert reading(text) is None, text
    assert opened_by_symbols("✅ The plan was approved.") == 2


def test_with_invisible_marks_and_a_gloss_the_indices_compose():
    text = "🇦🇿 The word\u200b dağ means \u201cmountain\u201d in the local speech."
    read, where = reading(text)
    assert read == "The word dağ means mountain in the local speech."
    assert "".join(text[i] for i in where) == read
