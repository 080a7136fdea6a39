"""Character references in a page's or a Markdown file's prose read as the characters they stand for (session 31):
the rules and the glossary read ``caf&#233;`` as "café" and ``Bak&#305;`` as "Bakı"; a finding's span covers a
reference whole, its quote decodes it, and an edit never cuts one (text outside the edits stays byte-identical)."""

from __future__ import annotations

import pytest

from mtfix.files import check_input, fix_input, unit_document
from mtfix.formats import load
from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline
from mtfix.rules.markup import as_read


def _page(body: str, name: str) -> str:
    return f"<html><body>\n<p>{body}</p>\n</body></html>\n" if name.endswith(".html") else f"# Notes\n\n{body}\n"


def _found(pipe, text: str, name: str) -> list[tuple[str, str]]:
    result = check_input(pipe, Input(name, text.encode()))
    return [(f.code, text[f.start:f.end]) for u in result.units for f in u.check.findings]


def _fixed(pipe, text: str, name: str, unsafe: bool = False) -> str:
    return fix_input(pipe, Input(name, text.encode()), unsafe=unsafe).output.decode()


NAMES = ["t.html", "t.md"]


@pytest.mark.parametrize("name", NAMES)
def test_a_repeated_word_written_with_references_is_flagged_and_removed_whole(pipeline, name: str) -> None:
    text = _page("The new caf&#233; caf&#233; opened on Monday near the station.", name)
    found = _found(pipeline, text, name)
    assert any(code == "MTF105" and "caf&#233;" in span for code, span in found), found
    # a content word's repeat is an unsafe fix, as "café café" is; applied, it removes the reference whole
    assert _fixed(pipeline, text, name) == text
    assert _fixed(pipeline, text, name, unsafe=True) == text.replace("caf&#233; caf&#233;", "caf&#233;")


@pytest.mark.parametrize("name", NAMES)
def test_a_named_reference_repeat_is_flagged_too(pipeline, name: str) -> None:
    text = _page("The new caf&eacute; caf&eacute; opened on Monday near the station.", name)
    assert any(code == "MTF105" for code, _ in _found(pipeline, text, name))


@pytest.mark.parametrize("name", NAMES)
def test_a_glossary_variant_written_with_a_reference_is_found(name: str) -> None:
    g = Glossary([Entry("Baku", ("Bakı",), type="place", origin="t:1")])
    pipe = Pipeline(checkers=[GlossaryChecker(g)])
    text = _page("The minister arrived in Bak&#305; on Monday.", name)
    hits = _found(pipe, text, name)
    assert [span for _, span in hits] == ["Bak&#305;"], hits  # the span covers the reference whole
    out = _fixed(pipe, text, name)
    assert "&#" not in out.replace("&#305;", "") and out.count("Baku") == 1, out
    # the bytes around the edit are the file's own
    assert out == text.replace("Bak&#305;", "Baku")


@pytest.mark.parametrize("name", NAMES)
def test_a_quote_reads_the_reference_decoded(pipeline, name: str) -> None:
    text = _page("The new caf&#233; caf&#233; opened on Monday near the station.", name)
    doc = unit_document(load(text.encode(), name).units[0], name)
    start = text.index("caf&")
    assert as_read(doc, start, start + len("caf&#233; caf&#233;")) == "café café"


@pytest.mark.parametrize("name", NAMES)
def test_references_in_a_clean_text_give_no_finding_and_no_edit(pipeline, name: str) -> None:
    text = _page("Tom &amp; Jerry met at the caf&#233; on Monday &#8212; a long day.", name)
    assert _found(pipeline, text, name) == []
    assert _fixed(pipeline, text, name) == text


@pytest.mark.parametrize("name", NAMES)
def test_an_edit_next_to_a_reference_keeps_it(pipeline, name: str) -> None:
    text = _page("The caf&#233; was closed on Monday , and the the staff left.", name)
    out = _fixed(pipeline, text, name)
    assert "caf&#233;" in out and "the the" not in out and "Monday," in out, out


@pytest.mark.parametrize("name", NAMES)
def test_a_glued_function_word_after_a_reference_is_split_after_it(pipeline, name: str) -> None:
    text = _page("It was the main caf&#233;in the town.", name)
    assert ("MTF117", "caf&#233;in") in _found(pipeline, text, name)
    assert _fixed(pipeline, text, name) == text  # MTF117's split is unsafe (en-generic 1.44)
    assert _fixed(pipeline, text, name, unsafe=True) == text.replace("caf&#233;in", "caf&#233; in")


@pytest.mark.parametrize("name", NAMES)
def test_a_glued_capital_written_as_a_reference_is_split_before_it(pipeline, name: str) -> None:
    text = _page("Georgia Armenia snow&#84;he border was closed.", name)
    found = _found(pipeline, text, name)
    assert ("MTF103", "snow&#84;he") in found and ("MTF202", "snow&#84;he") in found, found
    assert _fixed(pipeline, text, name) == text.replace("snow&#84;he", "snow &#84;he")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("body", "code", "span"), [
    ("The talks ended on Monday and &#84;here were no delays.", "MTF104", "&#84;here"),
    ("Reporters asked why he &#81;uestioned the figures.", "MTF119", "&#81;uestioned"),
    ("The minister said that the g&#246;r&#252;&#351; was held in the city.", "MTF207", "g&#246;r&#252;&#351;"),
    ("The minister said that the o&#1072;k tree is old.", "MTF408", "o&#1072;k"),
    # a fluent sentence's one word in another alphabet: MTF408 alone since session 32 (mtfix.garble.misreads)
    ("The minister visited &#1052;&#1086;&#1089;&#1082;&#1074;&#1072; on Monday.", "MTF408",
     "&#1052;&#1086;&#1089;&#1082;&#1074;&#1072;"),
])
def test_a_word_written_with_references_is_read_as_the_reader_sees_it(pipeline, name: str, body: str, code: str,
                                                                      span: str) -> None:
    """The rules of capitals, the other-script and untranslated-word detectors and the garble detector's span
    (MTF401, MTF408) read the references decoded; the span covers them whole (it stopped at the first one)."""
    text = _page(body, name)
    assert (code, span) in _found(pipeline, text, name)


@pytest.mark.parametrize("name", NAMES)
def test_a_name_spelt_two_ways_with_references_is_found(name: str) -> None:
    pipe = Pipeline(checkers=[GlossaryChecker(Glossary([Entry("X", origin="t")]))])
    text = _page("Mirkadirov said it. Mirkadirov said it. Mirk&#97;dirov said it. Mirkadirov said it. "
                 "Mirkadr&#111;v added.", name)
    assert _found(pipe, text, name) == [("MTF305", "Mirkadr&#111;v")]


def test_plain_text_reads_a_reference_as_written(pipeline) -> None:
    """In plain text ``&#233;`` is text (no format says it is a reference): no repeat is read into it."""
    text = "The new caf&#233; caf&#233; opened on Monday near the station.\n"
    assert not any(code == "MTF105" for code, _ in _found(pipeline, text, "t.txt"))


def test_a_reference_in_an_attribute_or_a_code_span_is_not_read() -> None:
    from mtfix.rules.markup import reference_spans

    page = "<p>The <a title=\"caf&#233;\">caf&#233;</a> and <code>&amp;</code> met.</p>"
    doc = unit_document(load(page.encode(), "t.html").units[0], "t.html")
    assert [(r.start, r.end) for r in reference_spans(doc)] == [(page.index("caf&#233;<") + 3,
                                                                 page.index("caf&#233;<") + 9)]
    md = "The `caf&#233;` and caf&#233; met.\n"
    doc = unit_document(load(md.encode(), "t.md").units[0], "t.md")
    assert [md[r.start:r.end] for r in reference_spans(doc)] == ["&#233;"]
    assert [(r.start) for r in reference_spans(doc)] == [md.rindex("&#233;")]


def test_the_view_maps_a_decoded_reference_back_whole() -> None:
    from mtfix.model import Edit
    from mtfix.rules.marks import MarkView, keep_marks

    md = "Bak&#305; and caf&#233;in.\n"
    doc = unit_document(load(md.encode(), "t.md").units[0], "t.md")
    view = MarkView(doc, [*range(4, 9), *range(18, 23)])
    assert view.doc.text.startswith("Bakı and caféin.")
    assert not view.doc.is_protected(0, 4)
    assert view.to_original(3, 4) == (3, 9) and view.to_original(0, 4) == (0, 9)
    assert view.to_original(4, 4) == (9, 9)  # an insertion after it goes after it
    marks = set(view.marks)
    edit = keep_marks(md, Edit(14, 25, "café in", md[14:25], "X", "o", None), marks.__contains__)
    assert (edit.start, edit.end, edit.replacement) == (23, 23, " ")


@pytest.mark.parametrize(("md", "span", "fixed"), [
    ("They met in *Bak*&#305; on Monday.\n", "Bak*&#305;", "They met in *Bak*u on Monday.\n"),
    ("They met in [Bak&#305;](https://x.org/b?a=1&amp;c=2) on Monday.\n", "Bak&#305;",
     "They met in [Baku](https://x.org/b?a=1&amp;c=2) on Monday.\n"),
])
def test_markdown_markup_next_to_a_reference_is_read_through(md: str, span: str, fixed: str) -> None:
    """A reference merged with the markup beside it into one protected run (``*&#305;``, ``&#305;](…)``) leaves the
    markup read as markup, and a reference in a link's destination is never read (nor edited)."""
    g = Glossary([Entry("Baku", ("Bakı",), type="place", origin="t:1")])
    pipe = Pipeline(checkers=[GlossaryChecker(g)])
    assert [s for _, s in _found(pipe, md, "t.md")] == [span]
    assert _fixed(pipe, md, "t.md") == fixed
