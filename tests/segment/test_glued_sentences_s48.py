"""seg-23 (session 48, reliability round 39): how a paragraph's sentences are cut does not depend on unrelated text
before them in the paragraph.

A block with no white space after any stop skipped pysbd and was one segment; the same sentences after an earlier
sentence end went to pysbd, which cut a sentence glued to the one before ("ended..Counting", "ended!Counting",
'voted."Harvest'), so "It rained. The vote ended..Counting began." was cut where the sentence alone was not.  Now a
sentence glued to the one before stays one segment with it wherever pysbd is asked
(:func:`mtfix.segment.sentence_ends._glued_kept`), and a stop glued to a quote mark or a bracket sends its block to
pysbd (:data:`mtfix.segment.sentence_ends._MAYBE_SENTENCE_END`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mtfix.segment import REVISION, split_segments

#: Unrelated sentences that end with a sure sentence end (a word of letters, a stop, a space, a capital follows)
PREFIXES = ["Snow fell on the pass overnight.", "The ferry left at noon!", "Who signed the lease?",
            "Grain prices eased in the autumn, and the mills reopened.", "It's cold.", "Rates held -- for now."]
JOINS = [" ", "  ", "\n"]
WORDS = ["The", "count", "ended", "Voting", "began", "at", "dawn", "She", "won", "Great", "he", "wrote", "Mr",
         "U.K", "7.5", "i.e", "A", "it", "No", "in", "2019", "farmers", "Tbilisi", "Totals", "came", "later", "Harvest"]
SEPARATORS = [" ", " ", " ", ". ", "..", ".", "!", "?", "! ", "? ", '."', '" ', ' "', ", ", "…", "... ", ".'", "'s ",
              " (", ") ", "; ", ": ", "。", " - ", "?)", ".”", "“", "!!", ":: "]


def _cuts(text: str, offset: int = 0) -> list[tuple[int, int]]:
    return [(s.start - offset, s.end - offset) for s in split_segments(text) if s.start >= offset]


paragraphs = st.builds(
    lambda first, rest, end: first + "".join(sep + word for sep, word in rest) + end,
    st.sampled_from(WORDS),
    st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)), min_size=2, max_size=12),
    st.sampled_from([".", "!", "?", ""]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph=paragraphs, prefix=st.sampled_from(PREFIXES), join=st.sampled_from(JOINS))
@example(paragraph="The..2019 The.", prefix=PREFIXES[0], join=" ")  # pysbd ended the glued ".2019" at no stop (seg-24)
@example(paragraph="Voting..7.5 She won", prefix=PREFIXES[4], join="  ")
@example(paragraph="Why?He said 'no.' Then he ate.", prefix=PREFIXES[0], join=" ")  # a stop in quotes ends (review)
def test_unrelated_sentences_before_a_paragraph_do_not_change_how_it_is_cut(paragraph: str, prefix: str,
                                                                             join: str) -> None:
    lead = prefix + join
    text = lead + paragraph
    if any(s.start < len(lead) < s.end for s in split_segments(text)):
        return  # the prefix was read as part of the paragraph ("...for now. Mr"): not the case under test
    assert _cuts(text, len(lead)) == _cuts(paragraph)


@pytest.mark.parametrize("sentence", [
    "The count ended..Voting began at dawn.",
    "The count ended!Voting began at dawn.",
    "The count ended?Voting began at dawn.",
    "The count ended!!Voting began at dawn.",
    "The count ended.'Voting began at dawn.",
    'The board voted."Harvest" was the word on every banner.',
    "The count ended.Voting began at dawn.",
    "Totals came later?!Great news for the farmers.",
])
@pytest.mark.parametrize("prefix", ["", "Snow fell on the pass overnight. ", "It's cold. ", "Who signed the lease?\n"])
def test_a_sentence_glued_to_the_one_before_is_one_segment_after_any_prefix(sentence: str, prefix: str) -> None:
    text = prefix + sentence
    assert [sentence[s:e] for s, e in _cuts(text, len(prefix))] == [sentence]


@pytest.mark.parametrize(("text", "sentences"), [
    ("The count ended. Voting began at dawn.", ["The count ended.", "Voting began at dawn."]),
    ("The count ended! Voting began at dawn.", ["The count ended!", "Voting began at dawn."]),
    ('She said "we won." Then she left.', ['She said "we won."', "Then she left."]),
    ("It rained. The count ended.. Voting began.", ["It rained.", "The count ended..", "Voting began."]),
])
def test_sentences_parted_by_white_space_are_still_cut(text: str, sentences: list[str]) -> None:
    assert [text[s.start:s.end] for s in split_segments(text)] == sentences


def test_the_segmenter_revision_names_the_change() -> None:
    assert REVISION == "seg-24"
