"""A Markdown document's inline markup is found once per document (session 30): the rules pass, the glossary's
reading view and its fixes, and a report's quotes all ask :func:`mtfix.rules.markup.markup_offsets` for the same
document; it found the offsets again for each (the glossary alone twice).  Findings unchanged."""

from __future__ import annotations

import random

import mtfix.rules.markup as markup
from mtfix.caching.lastmemo import LastMemo
from mtfix.files import unit_document
from mtfix.formats.markdown import MarkdownFormat
from mtfix.model import Span
from mtfix.rules.marks import MarkView

TEXT = ("# Talks\n\nForeign Minister Ceyhun **Bayramov** opened the forum on Tuesday. The **snow**The roads "
        "were closed.\n\n- A [memorandum](https://example.org/m) was signed in `Baku` on Monday.\n")


def _doc():
    return unit_document(MarkdownFormat().load(TEXT.encode(), "a.md", {}).units[0], "a.md")


def test_the_markup_is_found_once_per_document(pipeline, monkeypatch) -> None:
    calls: list[int] = []
    found = markup._markup_offsets

    def counted(doc):
        calls.append(1)
        return found(doc)

    monkeypatch.setattr(markup, "_LAST_OFFSETS", LastMemo(counted))
    doc = _doc()
    findings = [f for c in pipeline.checkers for f in c.check(doc)]
    assert {"MTF301", "MTF103"} <= {f.code for f in findings}  # the glossary and the rules read through it
    markup.as_read(doc, 0, len(doc.text))
    assert len(calls) == 1
    markup.markup_offsets(_doc())  # another document: found again
    assert len(calls) == 2


def test_the_offsets_are_the_documents_own() -> None:
    a, b = _doc(), _doc()
    first = markup.markup_offsets(a)
    assert markup.markup_offsets(b) == first and markup.markup_offsets(a) is markup.markup_offsets(a)
    assert "".join(TEXT[i] for i in first) == "********[](https://example.org/m)"


def test_the_view_maps_many_spans_as_one_by_one() -> None:
    rng = random.Random(30)
    doc = _doc()
    marks = sorted(rng.sample(range(len(TEXT)), 20))
    view = MarkView(doc, marks)
    spans = [Span(s, s + rng.randint(0, 9)) for s in (rng.randrange(len(TEXT) - 10) for _ in range(300))]
    assert view._spans(spans) == [view._span(p) for p in spans]
    assert MarkView(doc, [])._spans(spans) == spans
