"""A Markdown sentence with markup is judged on its prose, as the same sentence in plain text would be
(session 12: before, a sentence that touched any protected span got no MTF4xx at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.files import unit_document
from mtfix.formats.markdown import MarkdownFormat
from mtfix.garble.checker import GarbleChecker, probability
from mtfix.garble.view import STAND_IN, segment_view
from mtfix.model import Severity, Span
from mtfix.pipeline import Pipeline
from mtfix.scoring.fluency import default_weights, garble_probabilities
from mtfix.segment import to_document

DATA = Path(__file__).parents[1] / "data" / "professional_markdown.md"
# our own garbled sentence (a major as plain text), and the same with Markdown markup
GARBLED = "The delegation on the fifth of May to the capital for talks arrived, them said the agreement signed."
MARKED = "The delegation on the *fifth of May* to the [capital](https://example.org/a) for talks arrived, them said the agreement signed."  # noqa: E501


def markdown(text: str):
    return unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")


def view_text(text: str) -> str | None:
    doc = markdown(text)
    view = segment_view(doc, doc.segments[0])
    return None if view is None else view.text


@pytest.mark.parametrize(("text", "prose"), [
    ("They met on *Monday* and **agreed**.", "They met on Monday and agreed."),
    ("They met on ~~Sunday~~ Monday.", "They met on Sunday Monday."),
    ("See [the plan](https://example.org/plan \"The plan\") for details.", "See the plan for details."),
    ("Run `make test` before you commit.", f"Run {STAND_IN} before you commit."),
    ("The `Config`s are read once.", f"The {STAND_IN} s are read once."),
    ("The ratio $p$ is small.", f"The ratio {STAND_IN} is small."),
    ("Tom \\& Jerry met AT&amp;T staff.", "Tom & Jerry met AT&T staff."),
    ("They met<br>on Monday.", "They met on Monday."),
    ("They met  \non Monday.", "They met on Monday."),
    ("> They met on *Monday* and **agreed**.", "They met on Monday and agreed."),
    ("- They met on *Monday* and **agreed**.", "They met on Monday and agreed."),
])
def test_the_view_is_the_prose(text: str, prose: str) -> None:
    assert view_text(text) == prose


# an address in the prose, an autolink, an image: one name, as in plain text (tests/garble/test_address_names.py)


def test_the_view_maps_back_to_the_document() -> None:
    text = "Run `make test` on the *whole* tree."
    doc = markdown(text)
    view = segment_view(doc, doc.segments[0])
    assert view is not None
    for word in ("Run", "on the", "whole", "tree."):
        i = view.text.index(word)
        assert text[slice(*view.span(i, i + len(word)))] == word
    i = view.text.index(STAND_IN)
    assert text[slice(*view.span(i, i + len(STAND_IN)))] == "`make test`"


def test_a_marked_up_garbled_sentence_is_judged_like_plain_text() -> None:
    pipeline = Pipeline(Config(grammar="off"))
    plain = [(f.code, f.severity) for f in pipeline.check(to_document(GARBLED)).findings if f.code.startswith("MTF4")]
    doc = markdown(MARKED + "\n")
    found = [f for f in pipeline.check(doc).findings if f.code.startswith("MTF4")]
    assert [(f.code, f.severity) for f in found] == plain
    assert ("MTF401", Severity.MINOR) in plain  # a major before garble-1.0@ac2c23f09776 (p 0.66 → 0.43)
    for f in found:  # every finding points at prose, never at markup
        assert not doc.is_protected(f.start, f.end)
        assert doc.text[f.start:f.end] == "them"


def test_a_finding_on_markup_points_at_the_prose_beside_it() -> None:
    text = "The delegation on the fifth of May to `Baku` for talks arrived, them said the agreement signed."
    doc = markdown(text + "\n")
    for f in GarbleChecker().check(doc):
        assert not doc.is_protected(f.start, f.end) and doc.text[f.start:f.end].strip()


def test_a_format_that_does_not_say_what_its_spans_are_is_not_judged() -> None:
    """XLIFF and the like: a protected placeholder may stand for a word."""
    doc = to_document(GARBLED, protected=[Span(4, 14)])
    assert doc.meta["opaque"] is None
    assert GarbleChecker().check(doc) == []


def test_the_fluency_score_reads_the_same_prose() -> None:
    doc = markdown(MARKED + "\n")
    w = default_weights()
    if not w.uses_detector:
        pytest.skip("the fluency weights do not use the detector")
    assert garble_probabilities(doc, w) == [probability(GARBLED)]


def test_professional_markdown_gets_no_major_and_nothing_on_markup() -> None:
    """Our own professional Markdown (tests/data/professional_markdown.md): no major finding, and no
    MTF4xx that touches markup."""
    doc = unit_document(MarkdownFormat().load(DATA.read_bytes(), str(DATA), {}).units[0], str(DATA))
    findings = Pipeline(Config(grammar="off")).check(doc).findings
    assert not [f for f in findings if f.severity is not Severity.MINOR]
    judged = [f for f in findings if f.code.startswith("MTF4") and doc.is_protected(
        doc.segments[f.segment].start, doc.segments[f.segment].end)]
    assert judged, "no sentence with markup was judged"
    assert not [f for f in judged if doc.is_protected(f.start, f.end)]
