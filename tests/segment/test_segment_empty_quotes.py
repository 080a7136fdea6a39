"""Session 35 (seg-15): an empty pair of straight quotes ``""`` is read as a word.

pysbd's quotation pattern needs a character between two quotes, so at ``""`` it paired the second quote with the next
one over and protected the sentence ends between them, while the cuts at sure sentence ends (the fast path) count
quotes in order: the same block gave other sentences by the two routes.  A reader pairs them in order, an empty pair
included; pysbd is now given each empty pair as two symbols it reads as a word
(:func:`mtfix.segment.pysbd_pass._pysbd_reading`).  Every text here is written for this test."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("pysbd")

from mtfix.segment.pysbd_pass import EMPTY_QUOTES_READ_AS  # noqa: E402
from mtfix.segment.pysbd_pass import _pysbd_reading as _empty_quotes_hidden  # noqa: E402
from tests.segment_reference import fast_segments, pysbd_pairing_segments, reference_segments  # noqa: E402

# (text, its sentences as a reader reads them): an empty pair before a sentence end and a quotation after it.
FIXED = [
    ('He typed "" into the box. Then he said "yes" and left.',
     ['He typed "" into the box.', 'Then he said "yes" and left.']),
    ('The field holds "" by default. Set it to "auto" to turn the check on. The rest stays.',
     ['The field holds "" by default.', 'Set it to "auto" to turn the check on.', 'The rest stays.']),
    ('A "" string is empty. A "x" string is not.', ['A "" string is empty.', 'A "x" string is not.']),
    ('He wrote "" in it. She wrote "" too. They left.', ['He wrote "" in it.', 'She wrote "" too.', 'They left.']),
    ('The list was "" and "" again. They left it. We said "fine" then.',
     ['The list was "" and "" again.', 'They left it.', 'We said "fine" then.']),
    ('He said ""yes"" to it. Then he left. She said "no" to it.',
     ['He said ""yes"" to it.', 'Then he left.', 'She said "no" to it.']),
    # code-like prose, which pysbd reads whole (a backslash): the same reading
    ('Set the separator to "\\t" or to "". Then run it. The tool says "done" at the end.',
     ['Set the separator to "\\t" or to "".', 'Then run it.', 'The tool says "done" at the end.']),
    # a date's day ("on May 3."), a list mark: the block is cut at its sure ends, as pysbd now reads it whole
    ('The form took "" on May 3. Then it took "none" again. Nobody asked why.',
     ['The form took "" on May 3.', 'Then it took "none" again.', 'Nobody asked why.']),
]

# Left as they were: no empty pair as a reader pairs quotes, or no quotation after it.  (A lone quote after a number,
# an inch mark, pairs with no other quote since seg-16: tests/segment/test_segment_unit_marks.py.)
LEFT = [
    ('He typed "" into the box. Then he left.', ['He typed "" into the box.', 'Then he left.']),
    ("He typed '' into the box. Then he said 'yes' and left.",
     ["He typed '' into the box.", "Then he said 'yes' and left."]),
    ('He typed “” into the box. Then he said “yes” and left.',
     ['He typed “” into the box.', 'Then he said “yes” and left.']),
    ('Type """ to open a docstring. Then write the text. Close it with """ again.',
     ['Type """ to open a docstring.', 'Then write the text.', 'Close it with """ again.']),
    # a doubled quote inside a quotation pairs with the quote before it: no empty pair, one sentence as before
    ('He said "type "" here. Then wait" and left.', ['He said "type "" here. Then wait" and left.']),
]


def _sentences(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(("text", "want"), FIXED)
def test_an_empty_pair_is_a_word_by_both_routes(text: str, want: list[str]) -> None:
    assert _sentences(text, fast_segments(text)) == want
    assert _sentences(text, reference_segments(text)) == want
    assert _sentences(text, pysbd_pairing_segments(text)) != want  # pysbd as it reads "" (seg-14) joined them


@pytest.mark.parametrize(("text", "want"), LEFT)
def test_other_quotes_are_read_as_before(text: str, want: list[str]) -> None:
    assert _sentences(text, fast_segments(text)) == want
    assert _sentences(text, reference_segments(text)) == want
    assert _sentences(text, pysbd_pairing_segments(text)) == want


def test_the_hidden_block_keeps_its_length_and_touches_empty_pairs_only() -> None:
    assert _empty_quotes_hidden('a "" b "c" d') == f'a {EMPTY_QUOTES_READ_AS} b "c" d'
    assert _empty_quotes_hidden('"x" "" "y"') == f'"x" {EMPTY_QUOTES_READ_AS} "y"'
    assert _empty_quotes_hidden('say "a "" b"') == 'say "a "" b"'  # paired in order: "a " and " b"
    assert _empty_quotes_hidden('a "\n"" b') == f'a "\n{EMPTY_QUOTES_READ_AS} b'  # paired on a line
    rng = random.Random(35)
    for _ in range(500):
        block = "".join(rng.choice(['"', '""', "a", " ", ". ", "B", "\n"]) for _ in range(rng.randint(0, 30)))
        hidden = _empty_quotes_hidden(block)
        assert len(hidden) == len(block)
        assert hidden.replace(EMPTY_QUOTES_READ_AS, '""') == block


# Bits of sentences written for this test: quotes of every kind, empty pairs, list marks, abbreviations.
_BITS = ['He typed ""', "into the box.", 'Then he said "yes"', "and left.", 'The "" field', "was empty.",
         '"Stop."', "She left.", 'It said ""OK""', "on May 3.", "The vote", "came later.", "'' or", '"x"',
         "Dr. Aliyev", "spoke.", "1. Roads", "2. Rail", 'a 12"', "pipe.", "“”", "They met.", '"""', "It rained!",
         "(see below)", "Talks", "ended."]


def test_random_texts_are_segmented_alike_by_both_routes() -> None:
    rng = random.Random(3515)
    for _ in range(400):
        text = " ".join(rng.choice(_BITS) for _ in range(rng.randint(2, 14)))
        assert fast_segments(text) == reference_segments(text), text
