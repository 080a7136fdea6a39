"""A web address, an e-mail address or a domain name in a sentence is read as one opaque name (session 23).

Until session 22 a plain-text sentence holding an address had no prose view (``segment_view`` gave None): the
check skipped it while the fluency score read its raw text, so the two disagreed on such sentences.  Now every
view (plain text, Markdown, and a format that protects only comments) reads the address, with any word glued
to it, as :data:`~mtfix.garble.view.STAND_IN`, as Markdown's view reads a code span: the check and the score
judge the same text.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.files import unit_document
from mtfix.formats.markdown import MarkdownFormat
from mtfix.garble.checker import probability, segment_text
from mtfix.garble.view import STAND_IN, segment_view
from mtfix.model import Span
from mtfix.pipeline import Pipeline
from mtfix.scoring.fluency import default_weights, garble_probabilities
from mtfix.segment import to_document

N = STAND_IN
# our own garbled sentence (a major as plain text), with an address in it
GARBLED = "The delegation on the fifth of May to the capital for talks arrived, them said the agreement signed."
GARBLED_URL = (
    "The delegation on the fifth of May to the capital for talks arrived, them said the agreement "
    "signed, https://example.org/news/talks-2024."
)


def plain_views(text: str) -> list[str | None]:
    doc = to_document(text)
    return [None if (v := segment_view(doc, s)) is None else v.text for s in doc.segments]


@pytest.mark.parametrize(
    ("text", "views"),
    [
        # trailing punctuation stays prose
        ("See https://example.org/docs. It helps.", [f"See {N}.", "It helps."]),
        ("Is it at https://example.org/docs?", [f"Is it at {N}?"]),
        ("Read https://example.org/a, then https://example.org/b; and stop!", [f"Read {N}, then {N}; and stop!"]),
        # parentheses: the sentence's own, and a pair the address holds
        ("Read the page (https://example.org/a) first.", [f"Read the page ({N}) first."]),
        ("The article https://en.wikipedia.org/wiki/Baku_(city) is long.", [f"The article {N} is long."]),
        ("The article (https://en.wikipedia.org/wiki/Baku_(city)) is long.", [f"The article ({N}) is long."]),
        # a query string
        ("Search at https://example.org/find?q=baku&lang=en, then stop.", [f"Search at {N}, then stop."]),
        # www. without a scheme, a domain name, an e-mail address
        ("Visit www.example.org for more.", [f"Visit {N} for more."]),
        ("Shop at example.com for gifts.", [f"Shop at {N} for gifts."]),
        ("Write to press@example.org today.", [f"Write to {N} today."]),
        ("Write to “press@example.org” today.", [f"Write to “{N}” today."]),
        # an address glued to a word is one name with it
        ("Read the guide athttps://example.org/guide today.", [f"Read the guide {N} today."]),
        ("Buy it on seewww.example.com now.", [f"Buy it on {N} now."]),
    ],
)
def test_an_address_is_read_as_one_name(text: str, views: list[str]) -> None:
    assert plain_views(text) == views


def test_a_handle_is_prose_already_and_read_as_a_name_by_the_analysis() -> None:
    """An @handle is not protected (no view is needed): the analysis takes it as one opaque token."""
    text = "Follow @mtfix_dev for news about the release."
    doc = to_document(text)
    assert not doc.is_protected(doc.segments[0].start, doc.segments[0].end)
    assert segment_text(doc, doc.segments[0]) == text


def test_the_view_maps_the_name_back_to_the_address() -> None:
    text = "Read the page (https://en.wikipedia.org/wiki/Baku_(city)) before the talk."
    doc = to_document(text)
    view = segment_view(doc, doc.segments[0])
    assert view is not None
    i = view.text.index(N)
    assert text[slice(*view.span(i, i + len(N)))] == "https://en.wikipedia.org/wiki/Baku_(city)"
    j = view.text.index("before")
    assert text[slice(*view.span(j, j + 6))] == "before"


def test_check_and_score_judge_the_same_text() -> None:
    """The score read the raw text (address and all) where the check read nothing."""
    w = default_weights()
    if not w.uses_detector:
        pytest.skip("the fluency weights do not use the detector")
    text = "Comment at https://example.org/consultation until the end of March. Write to press@example.org now."
    doc = to_document(text)
    views = [segment_text(doc, s) for s in doc.segments]
    assert None not in views
    assert garble_probabilities(doc, w) == [probability(v) for v in views]


def test_a_garbled_sentence_with_an_address_is_judged() -> None:
    pipeline = Pipeline(Config(grammar="off"))
    plain = [f.code for f in pipeline.check(to_document(GARBLED)).findings if f.code.startswith("MTF4")]
    assert "MTF401" in plain  # a minor since garble-1.0@ac2c23f09776 (p 0.43; 0.66, a major, before it)
    doc = to_document(GARBLED_URL)
    found = [f for f in pipeline.check(doc).findings if f.code.startswith("MTF4")]
    assert "MTF401" in [f.code for f in found]  # judged (it was not); its words around the name decide how badly
    for f in found:  # no finding points into the address
        assert not doc.is_protected(f.start, f.end)


def markdown(text: str):
    return unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        (
            "Comment at https://example.org/consultation until the end of March.",
            f"Comment at {N} until the end of March.",
        ),
        ("Write to press@example.org for the full list of speakers.", f"Write to {N} for the full list of speakers."),
        (
            "Comment at <https://example.org/consultation> until the end of March.",
            f"Comment at {N} until the end of March.",
        ),
        (
            "The logo ![logo](https://example.org/logo.png) appears on every page.",
            f"The logo {N} appears on every page.",
        ),
        ("See [example.org](https://example.org) and *www.example.org* for more.", f"See {N} and {N} for more."),
    ],
)
def test_markdown_reads_an_address_as_plain_text_does(text: str, prose: str) -> None:
    doc = markdown(text + "\n")
    view = segment_view(doc, doc.segments[0])
    assert view is not None and view.text == prose


def test_a_format_that_does_not_say_what_its_spans_are_is_still_not_judged() -> None:
    """XLIFF and the like: a placeholder may stand for a word, whether or not an address is beside it."""
    doc = to_document(GARBLED_URL, protected=[Span(4, 14)])
    assert segment_view(doc, doc.segments[0]) is None
