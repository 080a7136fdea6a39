"""Session 34: a block with a list mark goes to pysbd whole only where pysbd's list pass finds two items of a kind.

A date's day before a period ("on July 5. The") or a letter closing a bracket looks like a list mark, but pysbd's
list-item pass changes a text only where it finds two items of one kind (:func:`mtfix.segment.pysbd_english.no_list_items`);
with fewer, the block is cut at its sure sentence ends as a block without a mark is.  Checked against pysbd's own
list pass on generated texts (and on their parts that start at a capital, as the pieces do), and the segments against
every block sent to pysbd whole, on sentences written for this test."""

from __future__ import annotations

import itertools
import random

import pytest

pytest.importorskip("pysbd")

from pysbd.lists_item_replacer import ListItemReplacer  # noqa: E402

from mtfix import segment  # noqa: E402
from mtfix.segment.pysbd_english import no_list_items  # noqa: E402
from tests.segment_reference import fast_segments as _fast  # noqa: E402
from tests.segment_reference import record_pysbd_calls  # noqa: E402
from tests.segment_reference import reference_segments as _reference  # noqa: E402

# Written for this test: dates, numbered and lettered lists, Roman numerals and brackets between plain sentences.
SENTENCES = [
    "The bridge opened on July 5. Traffic was light.",
    "The vote was held on March 14. The count took a day.",
    "Talks resumed on Oct. 2. The envoys met again on Oct. 3. Nothing was signed.",
    "The plan has two steps: 1. Build the road. 2. Pave it.",
    "Pick one: 1. tea 2. coffee.",
    "Steps 1) and 2) come first.",
    "The order was 3) wheat and 4) barley.",
    "Choose a. rice or b. maize. The farmers chose rice.",
    "The goods (in crates) arrived late.",
    "The court (see ch. iv) and the panel (see ch. v) agreed.",
    "Part (a) covers roads. Part (b) covers rail.",
    "The fair ran from May 1. It closed in June.",
    "The port handled more grain this year.",
    "Prices rose in 2019. They fell later.",
    "The minister smiled. A deal was near.",
    "Gen. Mammadov inspected the new bridge.",
    "He arrived at 9. The meeting began at 10.",
    "Rule 7. Each member votes once.",
]



def test_pairs_of_sentences_with_list_marks_are_segmented_as_pysbd_does() -> None:
    for a, b in itertools.permutations(SENTENCES, 2):
        text = f"{a} {b}"
        assert _fast(text) == _reference(text), text


def test_random_paragraphs_and_line_ends_are_segmented_as_pysbd_does() -> None:
    rng = random.Random(34)
    paras = [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 7))) for _ in range(300)]
    text = "\n\n".join(paras)
    assert _fast(text) == _reference(text)
    # a date at a line's end, the next line going on in lower case or with a capital
    for text in ("The bridge opened on July 5.\nTraffic was light.", "The fair ran from May 1.\nthen it closed.",
                 "The plan:\n1. Build the road.\n2. Pave it.", "Choose a. rice\nor b. maize."):
        assert _fast(text) == _reference(text), text
    # an empty pair of straight quotes: pysbd paired the quotes after it otherwise than their count says, and the
    # block was one segment; since seg-15 (session 35) pysbd reads "" as a word, and the three sentences are cut
    text = ('The city issued "Some Rules" ""New Rules" and "Plan for Farms (2018-2020)"" and the "Two Goals" plan '
            'for farms. Output rose in the dairy industry. In May the "safety of the roads" was kept.')
    assert _fast(text) == _reference(text)
    assert [text[s:e] for s, e in _fast(text)][1:] == [
        "Output rose in the dairy industry.", 'In May the "safety of the roads" was kept.']


def test_a_date_block_is_cut_before_pysbd(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record_pysbd_calls(monkeypatch)
    text = "The crowd waited for hours. The bridge opened on July 5. Traffic was light. The mayor spoke."
    assert [text[s:e] for s, e in _fast(text)] == [
        "The crowd waited for hours.", "The bridge opened on July 5.", "Traffic was light.", "The mayor spoke."]
    assert calls == ["The bridge opened on July 5. Traffic was light."]  # the piece with the date, not the block
    text = "The plan has steps. First 1. build it. Then 2. pave it. The end came."
    expected = _reference(text)
    calls.clear()
    assert _fast(text) == expected
    assert calls == [text]  # two numbered items: pysbd numbers them across the block


_BITS = ["a.", "b.", "c.", "a)", "b)", "(c)", "(in", "town)", "i)", "ii)", "(iv)", "(v)", "iv.", "v.", "1.", "2.",
         "3.", "10.", "11.", "1)", "2)", "12)", "-1.", "⁃2.", "5.)", "x", "Then", "July", "5.5", "end.", "A.", "2019.",
         "\u00a0", "\t"]


def test_no_list_items_means_pysbds_list_pass_changes_nothing_there_and_in_parts() -> None:
    rng = random.Random(341)
    said_none = changed = 0
    for _ in range(6000):
        text = "".join(rng.choice(_BITS) + rng.choice([" ", " ", ""]) for _ in range(rng.randint(1, 10)))
        if no_list_items(text):
            said_none += 1
            parts = [text] + [text[i:] for i, ch in enumerate(text) if "A" <= ch <= "Z"]
            parts += [p[:j] for p in parts[:2] for j in range(1, len(p))]
            for part in parts:
                assert ListItemReplacer(part).add_line_break() == part, (text, part)
        elif ListItemReplacer(text).add_line_break() != text:
            changed += 1
    assert said_none > 1000 and changed > 500, (said_none, changed)


def test_the_copied_pattern_and_alphabets_are_pysbds() -> None:
    from mtfix.segment import pysbd_english as pe

    assert pe._LETTERS_IN_PARENS.pattern == ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS
    assert set(ListItemReplacer.LATIN_NUMERALS) == pe._LATIN_ITEMS
    assert set(ListItemReplacer.ROMAN_NUMERALS) == pe._ROMAN_ITEMS


def test_the_comment_module_loads_only_for_a_comment() -> None:
    import subprocess
    import sys

    code = ("import sys; from mtfix.segment import split_segments as s; s('It rained. It snowed.'); "
            "a = 'mtfix.segment.comments' in sys.modules; s('It rained. <!-- x --> It snowed.'); "
            "print(a, 'mtfix.segment.comments' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
    assert segment._comments_kept_whole is not None  # the old name still imports
