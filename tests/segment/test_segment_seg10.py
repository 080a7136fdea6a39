"""Segmentation seg-10 (session 26): an invisible mark (a zero-width space, a word joiner, a BOM, a soft hyphen,
ZWNJ/ZWJ, a bidi control) right after a sentence's final stop ("… the roads.\u200b The council …") hid the
sentence end from pysbd, so two sentences were one segment and the detector read a run-on.  A block holding
such marks is split as the same block without them; offsets point into the original text, which keeps the
marks byte for byte.  A mark glued to a sentence's last character belongs to that sentence; any other mark
belongs to the sentence after it."""

from __future__ import annotations

import pytest

from mtfix.model import Span
from mtfix.segment import split_segments, to_document
from mtfix.text.tokens import BIDI_CONTROLS, INVISIBLE_MARKS

MARKS = sorted(set(INVISIBLE_MARKS + BIDI_CONTROLS + "\u00ad\u200c\u200d"))


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize("mark", MARKS, ids=[f"U+{ord(m):04X}" for m in MARKS])
def test_a_mark_after_a_final_stop_ends_the_sentence_as_without_it(mark: str) -> None:
    text = f"Heavy snow closed the mountain roads.{mark} The council sent two ploughs on Tuesday."
    assert _split(text) == [f"Heavy snow closed the mountain roads.{mark}", "The council sent two ploughs on Tuesday."]


@pytest.mark.parametrize(("text", "expected"), [
    # after a question mark, an exclamation mark, a closing quote
    ("Who paid for the bridge?\u200b The ministry did, in the end.",
     ["Who paid for the bridge?\u200b", "The ministry did, in the end."]),
    ("The crowd cheered loudly!\u2060 Then the mayor spoke.",
     ["The crowd cheered loudly!\u2060", "Then the mayor spoke."]),
    ("She said “We will rebuild the school.”\ufeff The work starts in May.",
     ["She said “We will rebuild the school.”\ufeff", "The work starts in May."]),
    # several marks; a mark between the stop and its closing quote
    ("The talks ended at noon.\u200b\u2060 Both sides left.",
     ["The talks ended at noon.\u200b\u2060", "Both sides left."]),
    ("He said “the talks ended.\u200b” Both sides left.",
     ["He said “the talks ended.\u200b”", "Both sides left."]),
    # a mark alone between spaces goes with the sentence after it; one before a word too, as before
    ("The talks ended at noon. \u200b Both sides left.", ["The talks ended at noon.", "\u200b Both sides left."]),
    ("The talks ended at noon. \u200fBoth sides left.", ["The talks ended at noon.", "\u200fBoth sides left."]),
    # a sentence that pysbd had to split (an abbreviation earlier in the block)
    ("Dr. Aliyeva closed the clinic.\u200b The nurses stayed on.",
     ["Dr. Aliyeva closed the clinic.\u200b", "The nurses stayed on."]),
    # marks at the block's edges stay in its segments
    ("\ufeffThe talks ended at noon.\u200b Both sides left.\u200b",
     ["\ufeffThe talks ended at noon.\u200b", "Both sides left.\u200b"]),
])
def test_marks_go_with_the_sentence_they_touch(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # no sentence end without the mark is none with it: an abbreviation, a lower-case word, a soft hyphen in a word
    ("The plant makes approx.\u200b two tonnes a day.", ["The plant makes approx.\u200b two tonnes a day."]),
    ("The talks went on.\u200b and on.", ["The talks went on.\u200b and on."]),
    ("The inter\u00adnational talks ended. Both sides left.", ["The inter\u00adnational talks ended.", "Both sides left."]),
    ("I thank the Hon.\u200b Member for her question.", ["I thank the Hon.\u200b Member for her question."]),
    # a block of marks alone is a segment, as before
    ("\u200b\u2060", ["\u200b\u2060"]),
])
def test_the_mark_changes_nothing_else(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_segments_of_a_marked_text_are_those_of_the_text_without_marks() -> None:
    plain = ("The river rose overnight. Farmers moved their herds to higher ground. “We lost the hay,” one said. "
             "The U.S. embassy sent aid on Monday. Was it enough? Nobody knew.\nA second paragraph starts here. "
             "It ends here.")
    marked = plain.replace(". ", ".\u200b ").replace("? ", "?\u2060 ").replace("ground", "gro\u00adund")
    strip = str.maketrans("", "", "\u200b\u2060\u00ad")
    assert [t.translate(strip) for t in _split(marked)] == _split(plain)


@pytest.mark.parametrize("text", [
    # plain text's line breaks are read without the marks too
    "The award was presented by the Hon.\u200b\nJohn Smith, the minister for culture, on a cold day in May.",
    "The award was presented by the Hon.\n\u200fJohn Smith, the minister for culture, on a cold day in May.",
    "The ministry said on Monday that prices rose in the third quarter, and\n\u200fexports fell in the same period.",
    "Prices rose in the third quarter of the year, the ministry said on Monday in its\nreport.\u200b Exports fell "
    "in the same period, it added, and\nimports rose.\n\n\u2060Home\nNews",
])
def test_wrapped_lines_are_read_without_marks(text: str) -> None:
    strip = str.maketrans("", "", "\u200b\u200f\u2060")
    plain = text.translate(strip)
    assert [t.translate(strip) for t in _split(text)] == _split(plain)


def test_lower_starts_and_offsets_point_into_the_original_text() -> None:
    text = "\u200bThe quarter closed.\u200b said that prices rose.\u2060 Both sides left."
    lower: list[int] = []
    segs = split_segments(text, lower_starts=lower)
    assert [text[s.start : s.end] for s in segs] == [
        "\u200bThe quarter closed.\u200b said that prices rose.\u2060", "Both sides left."]
    assert [text[p:p + 4] for p in lower] == ["said"]


def test_regions_are_split_the_same_way() -> None:
    text = "<p>The roads closed.\u200b The council met.</p>"
    doc = to_document(text, regions=[Span(3, len(text) - 4)])
    assert [text[s.start : s.end] for s in doc.segments] == ["The roads closed.\u200b", "The council met."]


def test_the_revision_names_the_change() -> None:
    from mtfix import segment

    assert int(segment.REVISION.removeprefix("seg-")) >= 10  # seg-10 or later (seg-11: session 29)
