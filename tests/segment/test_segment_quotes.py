"""A quotation of several sentences is split at its inner sentence ends (seg-6); a short quoted
title or phrase, or a quote of one sentence, stays inside its sentence.

The opening quote mark stays with the first inner sentence, the closing one with the last."""

from __future__ import annotations

import pytest

from mtfix.segment import split_segments, to_document


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister said: “Exports grew by a third. The new port opened in May. More ships will come.” "
     "Then the session closed.",
     ["The minister said: “Exports grew by a third.", "The new port opened in May.",
      "More ships will come.”", "Then the session closed."]),
    ('The minister said: "Exports grew by a third. The new port opened in May." Then the session closed.',
     ['The minister said: "Exports grew by a third.', 'The new port opened in May."',
      "Then the session closed."]),
    ("“The harvest was poor this autumn. Farmers want help from the state.” The debate went on.",
     ["“The harvest was poor this autumn.", "Farmers want help from the state.”", "The debate went on."]),
    ("“The harvest was poor this autumn. Farmers want help from the state,” the mayor said.",
     ["“The harvest was poor this autumn.", "Farmers want help from the state,” the mayor said."]),
    ("“The harvest was poor this autumn. Farmers want help from the state.” he said.",
     ["“The harvest was poor this autumn.", "Farmers want help from the state.” he said."]),
    ("She wrote: “We sent the report to Dr. Aliyev on Monday. He has not replied yet!” Nobody knew why.",
     ["She wrote: “We sent the report to Dr. Aliyev on Monday.", "He has not replied yet!”",
      "Nobody knew why."]),
    ("He asked: “Who pays for the new road? The city has no money.” The answer came later.",
     ["He asked: “Who pays for the new road?", "The city has no money.”", "The answer came later."]),
    ("The envoy said: “The talks in Geneva went well. The next round opens on Jan. 5.” Markets rose.",
     ["The envoy said: “The talks in Geneva went well.", "The next round opens on Jan. 5.”", "Markets rose."]),
])
def test_a_quote_of_several_sentences_splits_at_its_inner_sentence_ends(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize("text", [
    "He read “Why Nations Fail?” last year.",
    "“Stop!” she cried.",
    'Soldiers of the "U.S. Army" unit left the base.',
    "“The talks went well,” he said.",
    "“The talks went well.” he said.",
    "“Stop! Stop now!” she cried.",
    "He said “no. we will not pay.”",
    'The book "Eat. Pray. Love." sold well.',
    "The report, titled “Growth in the Region: A Review of 2023 and Plans for the Future Years,” came out.",
])
def test_a_short_quote_or_a_quote_of_one_sentence_stays_in_its_sentence(text: str) -> None:
    assert _split(text) == [text]


def test_a_quote_after_a_sentence_before_it() -> None:
    text = "Talks resumed. The envoy said: “We are close. A deal may come soon.” Markets rose."
    assert _split(text) == ["Talks resumed.", "The envoy said: “We are close.", "A deal may come soon.”",
                            "Markets rose."]


def test_a_split_quote_keeps_exact_offsets_in_a_document() -> None:
    text = "He said: “Prices rose sharply this year. Talks ended without a deal.” Then he left the room."
    doc = to_document(text)
    assert [doc.text[s.start:s.end] for s in doc.segments] == [
        "He said: “Prices rose sharply this year.", "Talks ended without a deal.”", "Then he left the room."]


def test_inside_a_quote_a_sentence_still_does_not_start_in_lower_case() -> None:
    text = "She said: “Add approx. two cups of flour. Then stir well.” He nodded."
    assert _split(text) == ["She said: “Add approx. two cups of flour.", "Then stir well.”", "He nodded."]


def test_closing_marks_after_an_inner_sentence_end_stay_with_it() -> None:
    # old-style typed closing quote (two apostrophes): pysbd pairs the straight quotes across it
    text = 'He said: "We had to act.\'\' Then the council met on Friday. "Prices fell," he added.'
    assert _split(text)[0] == 'He said: "We had to act.\'\''
