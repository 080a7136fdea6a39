"""Session 36 (seg-16): a straight quote after a number is a unit mark, and a backslash is a character.

Both routes of the splitter paired a straight quote right after a digit (inches, seconds: 'a 12" pipe') with the next
quote over and hid the sentence ends between them (pysbd protects a quotation; the cuts at sure ends counted it).  A
reader reads it as a unit mark: with no quote open, a quote right after a digit opens nothing (one inside a quotation
still closes it).  And pysbd's quotation pattern failed on content holding a backslash ('"C:\\Temp"'), so it paired
the closing quote with the next one over; a reader reads a backslash as a character.  pysbd is now given both as
symbols (:func:`mtfix.segment.pysbd_pass._pysbd_reading`) and the cuts skip unit marks
(:func:`mtfix.segment.sentence_ends.unit_mark`).  Every text here is written for this test."""

from __future__ import annotations

import random
import re

import pytest

pytest.importorskip("pysbd")

from mtfix.segment.pysbd_pass import BACKSLASH_READ_AS, UNIT_MARK_READ_AS, _pysbd_reading  # noqa: E402
from mtfix.segment.sentence_ends import unit_mark  # noqa: E402
from tests.segment_reference import (  # noqa: E402
    fast_segments,
    pysbd_pairing_segments,
    record_pysbd_calls,
    reference_segments,
)

# (text, its sentences as a reader reads them), which pysbd reading the text as it stands joins.
FIXED = [
    ('The pipe is 3" long. The valve is 2" wide. Both were ordered.',
     ['The pipe is 3" long.', 'The valve is 2" wide.', 'Both were ordered.']),
    ('He is 5\' 11" tall. He plays in goal. The coach said "good" about him.',
     ['He is 5\' 11" tall.', 'He plays in goal.', 'The coach said "good" about him.']),
    ('The new panel is 27" across. It fits the desk. She called it "huge" at first.',
     ['The new panel is 27" across.', 'It fits the desk.', 'She called it "huge" at first.']),
    ('She ran the lap in 58.4" flat. Then she rested. The coach said "again" twice.',
     ['She ran the lap in 58.4" flat.', 'Then she rested.', 'The coach said "again" twice.']),
    ('The pipe is 12" wide. Then we left. He said "go" now.',
     ['The pipe is 12" wide.', 'Then we left.', 'He said "go" now.']),
    # a backslash inside a quotation
    ('Save it in "C:\\Temp". Then restart it. Check the "Logs" folder.',
     ['Save it in "C:\\Temp".', 'Then restart it.', 'Check the "Logs" folder.']),
    ('Save it in "C:\\Temp\\". Then restart it. Check the "Logs" folder.',
     ['Save it in "C:\\Temp\\".', 'Then restart it.', 'Check the "Logs" folder.']),
    ('He wrote "x \\ y" on the board. It was wrong. She said "no" to it.',
     ['He wrote "x \\ y" on the board.', 'It was wrong.', 'She said "no" to it.']),
]

# Read as before: a quote after a digit that closes a quotation, a doubled mark, apostrophes, a lone unit mark.
LEFT = [
    ('He said "we won 3-1" and left. Then he came back.', ['He said "we won 3-1" and left.', 'Then he came back.']),
    ('They drove on "Route 66" all day. Then they stopped.',
     ['They drove on "Route 66" all day.', 'Then they stopped.']),
    ('It says "press 1" to go on. Then "press 2" to stop.', ['It says "press 1" to go on.', 'Then "press 2" to stop.']),
    ('A 12"" pipe was listed. Nobody ordered it.', ['A 12"" pipe was listed.', 'Nobody ordered it.']),
    ('He is 5\'11". He plays in goal.', ['He is 5\'11".', 'He plays in goal.']),
    ('Cut a 4-5" strip. Fold it twice. Glue the ends.', ['Cut a 4-5" strip.', 'Fold it twice.', 'Glue the ends.']),
    ('Mr. O\'Brien met Mrs. Kovalʼchuk. They spoke. He said "fine" after.',
     ["Mr. O'Brien met Mrs. Kovalʼchuk.", 'They spoke.', 'He said "fine" after.']),
    ('The key is (see C:\\keys\\main). It opens. Keep it safe.',
     ['The key is (see C:\\keys\\main).', 'It opens.', 'Keep it safe.']),
]


def _sentences(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(("text", "want"), FIXED)
def test_a_unit_mark_and_a_backslash_hide_no_sentence_end(text: str, want: list[str]) -> None:
    assert _sentences(text, fast_segments(text)) == want
    assert _sentences(text, reference_segments(text)) == want
    assert _sentences(text, pysbd_pairing_segments(text)) != want  # pysbd given the text as it stands joined them


@pytest.mark.parametrize(("text", "want"), LEFT)
def test_other_quotes_after_numbers_are_read_as_before(text: str, want: list[str]) -> None:
    assert _sentences(text, fast_segments(text)) == want
    assert _sentences(text, reference_segments(text)) == want
    assert _sentences(text, pysbd_pairing_segments(text)) == want


def test_a_block_with_a_backslash_is_cut_at_its_sure_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record_pysbd_calls(monkeypatch)
    text = 'The path was "C:\\Data\\new". Staff moved the files. Nobody asked why.'
    assert len(fast_segments(text)) == 3
    assert text not in calls  # before seg-16 a backslash sent the block to pysbd whole


def test_the_reading_keeps_the_length_and_changes_marks_and_backslashes_only() -> None:
    assert _pysbd_reading('a 12" pipe and "x"') == f'a 12{UNIT_MARK_READ_AS} pipe and "x"'
    assert _pysbd_reading('say "got 12" now') == 'say "got 12" now'  # inside a quotation: it closes
    assert _pysbd_reading('a 12"\nthen "3"') == f'a 12{UNIT_MARK_READ_AS}\nthen "3"'  # paired on a line
    assert _pysbd_reading('a\\b') == f"a{BACKSLASH_READ_AS}b"
    assert _pysbd_reading('no marks "here" 12 "x"') == 'no marks "here" 12 "x"'
    rng = random.Random(36)
    for _ in range(500):
        block = "".join(rng.choice(['"', '""', "1", "a", " ", ". ", "B", "\\", "\n"]) for _ in range(rng.randint(0, 30)))
        read = _pysbd_reading(block)
        assert len(read) == len(block)
        assert all(a == b or (a in '"\\' and b == "~") for a, b in zip(block, read, strict=True)), block


def _unit_marks_by_count(line: str) -> list[int]:
    """The unit marks of one line as the cuts at sure ends find them: quotes counted in order, :func:`unit_mark`."""
    marks, quotes = [], 0
    for m in re.finditer('"', line):
        if quotes % 2 == 0 and unit_mark(line, m.start()):
            marks.append(m.start())
        else:
            quotes += 1
    return marks


def test_pysbd_is_given_the_unit_marks_the_cuts_skip() -> None:
    rng = random.Random(3616)
    for _ in range(2000):
        line = "".join(rng.choice(['"', '""', "7", "a", " ", ". "]) for _ in range(rng.randint(0, 24)))
        read = _pysbd_reading(line)
        # a unit mark is never next to an empty pair's marks: it has a digit before it and no quote after it
        marks = [i for i, c in enumerate(read) if c == UNIT_MARK_READ_AS and "~" not in (read[i - 1:i], read[i + 1:i + 2])]
        assert marks == _unit_marks_by_count(line), line


# Bits of sentences written for this test: units, backslashes, apostrophes in names, abbreviations, quotations.
_BITS = ['a 12"', "screen.", 'He is 5\' 11"', "tall.", '58.4"', "flat.", '3"', '"we won 3-1"', '"Route 66"', '12""',
         '"a\\"b"', '"C:\\Temp\\"', "C:\\Users\\me.", '"x \\ y"', "(see C:\\tmp)", "\\", "O'Brien", "Kyivʼs",
         "Dr. Aliyev", "No. 5", "They met.", "It rained.", "The vote", "came later.", '"yes"', '""', '"', "Go!",
         "on May 3.", "1. Roads", "2. Rail"]


def test_random_texts_are_segmented_alike_by_both_routes() -> None:
    rng = random.Random(3616)
    for _ in range(400):
        text = " ".join(rng.choice(_BITS) for _ in range(rng.randint(2, 12)))
        assert fast_segments(text) == reference_segments(text), text
