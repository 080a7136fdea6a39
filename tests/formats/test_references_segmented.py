"""The sentence splitter reads a character reference in a page's or a Markdown file's prose as the character it
stands for (session 32, seg-13): ``He said &#8220;no.&#8221; Then he left.`` is split where ``He said “no.” Then he
left.`` is; every offset is the source's, and no segment starts or ends inside a reference.  Plain text reads
``&#8221;`` as the characters written."""

from __future__ import annotations

import html

import pytest

from mtfix import segment
from mtfix.files import unit_document
from mtfix.formats import load
from mtfix.rules.markup import reference_spans

NAMES = ["t.html", "t.md"]


def _page(body: str, name: str) -> str:
    return f"<html><body>\n<p>{body}</p>\n</body></html>\n" if name.endswith(".html") else f"# Notes\n\n{body}\n"


def _doc(text: str, name: str):
    return unit_document(load(text.encode(), name).units[0], name)


def _read(text: str, name: str) -> list[str]:
    """The segments of ``text`` (a page, a Markdown file) as read: references decoded."""
    doc = _doc(text, name)
    return [html.unescape(text[s.start:s.end]) for s in doc.segments]


def _with_references(body: str) -> str:
    """``body`` with every non-ASCII character written as a numeric reference."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in body)


BODIES = [
    "He said “no.” Then he left.",
    "“We will not sign.” The minister left the hall on Monday.",
    "The talks ended on Friday.\u00a0The delegation flew home.",
    "The talks ended. «Nothing was agreed.» Officials were silent.",
    "He asked: “Why?” Nobody answered him.",
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("body", BODIES)
def test_a_page_written_with_references_is_split_as_the_page_written_with_the_characters(name: str, body: str) -> None:
    literal = _read(_page(body, name), name)
    assert len(literal) >= 2 + name.endswith(".md"), literal  # the examples hold a sentence end the test is about
    assert _read(_page(_with_references(body), name), name) == literal


@pytest.mark.parametrize("name", NAMES)
def test_named_references_are_split_as_their_characters(name: str) -> None:
    body = "He said &ldquo;no.&rdquo; Then he left.&nbsp;The door closed."
    assert _read(_page(body, name), name) == _read(_page(html.unescape(body), name), name)


@pytest.mark.parametrize("name", NAMES)
def test_no_segment_starts_or_ends_inside_a_reference(name: str) -> None:
    body = _with_references(" ".join(BODIES) + " “Yes.” «No.» Bakı. İlham spoke.\u00a0Then\u00a0he left.")
    text = _page(body, name)
    doc = _doc(text, name)
    refs = reference_spans(doc)
    assert len(refs) >= 14
    for s in doc.segments:
        for r in refs:
            assert not r.start < s.start < r.end and not r.start < s.end < r.end, (text[s.start:s.end], r)
    # every reference but those read as a space lies inside a segment whole
    for r in refs:
        if not html.unescape(text[r.start:r.end]).isspace():
            assert any(s.start <= r.start and r.end <= s.end for s in doc.segments), text[r.start:r.end]


def test_plain_text_reads_references_as_written() -> None:
    text = "He said \"no.&#8221; Then he left.&nbsp;The door closed.\n"
    doc = _doc(text, "t.txt")
    assert [(s.start, s.end) for s in doc.segments] == [(s.start, s.end) for s in segment.split_segments(text)]
    assert "glued" not in doc.meta


def test_a_reference_in_an_attribute_or_a_code_span_is_not_read() -> None:
    # read as characters, either would end a sentence (``x.” Then``); as written neither does
    page = _page('Press <a title="x.&#8221; Then">the button x.&#8221;</a> now and go on.', "t.html")
    assert len(_doc(page, "t.html").segments) == 1, _read(page, "t.html")
    md = _page("Type `x.&#8221; Then` now and go on.", "t.md")
    assert _read(md, "t.md") == ["Notes", "Type `x.”; Then` now and go on.".replace("”;", "”")]


def test_a_page_keeps_its_glued_tags_in_the_documents_meta() -> None:
    page = _page("We met in <b>Ba</b>k&#305;. Then we left.", "t.html")
    doc = _doc(page, "t.html")
    assert doc.meta["glued"] is not None
    assert [html.unescape(page[s.start:s.end]) for s in doc.segments] == ["We met in <b>Ba</b>kı.", "Then we left."]


def test_the_segmenter_revision_says_pages_split_differently() -> None:
    assert int(segment.REVISION.removeprefix("seg-")) >= 13
