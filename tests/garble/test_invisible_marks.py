"""The fluency detector reads a sentence without its invisible marks (analysis revision 19, session 25).

A zero-width space, word joiner, BOM, soft hyphen, bidi control (or a ZWNJ/ZWJ between Latin letters) glued to a
word was read as a token of its own: clean sentences with one gained MTF401/MTF402 (session 24).  With the marks the
detector gives the same probability and the same findings as without, at the same characters of the marked text.
"""

from __future__ import annotations

import pytest

from mtfix.garble.checker import GarbleChecker, predict
from mtfix.garble.model import Detector
from mtfix.segment import to_document

SENTENCES = [
    "The committee approved the new budget after a long debate on Tuesday evening.",
    "Farmers in the valley planted wheat early this year because the spring was warm.",
    "She handed the keys to her neighbour and left for the airport before dawn.",
    "The museum will reopen its east wing once the roof repairs are finished.",
    # garbled ones, so that findings with spans are compared too
    "The delegation on the fifth of May to the capital for talks arrived, them said the agreement signed.",
    "In the meeting of ministers was discussed of the questions of cooperation the sides with great attention.",
]
MARKS = ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200f", "\u2066"]


def _marked(text: str, after: int, mark: str) -> tuple[str, list[int]]:
    """``text`` with ``mark`` glued after its word number ``after``, and each original character's new index."""
    words = text.split(" ")
    cut = len(" ".join(words[: after + 1]))
    new = text[:cut] + mark + text[cut:]
    return new, [i if i < cut else i + len(mark) for i in range(len(text))]


def _cases():
    for i, s in enumerate(SENTENCES):
        for j, mark in enumerate(MARKS):
            yield s, (i + 2 * j) % (len(s.split(" ")) - 1), mark


@pytest.mark.parametrize(("text", "after", "mark"), list(_cases()))
def test_a_mark_after_a_word_changes_nothing(text, after, mark):
    marked, where = _marked(text, after, mark)
    assert predict(marked).probability == pytest.approx(predict(text).probability, abs=1e-9)
    plain = GarbleChecker().check(to_document(text))
    found = GarbleChecker().check(to_document(marked))
    assert [(f.code, f.severity, f.message) for f in found] == [(f.code, f.severity, f.message) for f in plain]
    for f, g in zip(found, plain, strict=True):
        assert (f.start, f.end) == (where[g.start], where[g.end - 1] + 1)


def test_joiners_between_latin_letters_and_soft_hyphens_inside_words():
    text = SENTENCES[0]
    marked = (
        text.replace("committee", "commit\u00adtee").replace("budget", "bud\u200cget").replace("long", "lo\u200dng")
    )
    assert Detector.load().predict(marked).probability == pytest.approx(predict(text).probability, abs=1e-9)
    a = Detector.load().analyse(marked)
    assert [t.text for t in a.tokens] == [t.text for t in Detector.load().analyse(text).tokens]
    assert all(
        marked[t.start : t.end].replace("\u00ad", "").replace("\u200c", "").replace("\u200d", "") == t.text
        for t in a.tokens
    )
