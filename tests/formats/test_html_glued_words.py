"""A word split by inline tags in an HTML page reads as one word (session 29): ``<b>Ba</b>kı``,
``Wash<span>ington</span>``, ``<a href=..>Bayram</a>ov``; ``<b>snow</b> The`` keeps its space.  Findings over the
split map back to the page's bytes; a fix crossing a tag is placed outside the tags or is a suggestion only."""

from __future__ import annotations

import pytest

from mtfix.files import check_input, fix_input, unit_document
from mtfix.formats import load
from mtfix.formats.html import html_structure, page_spans
from mtfix.garble.view import segment_view
from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline


def _views(page: str) -> list[str | None]:
    doc = unit_document(load(page.encode(), "t.html").units[0], "t.html")
    return [None if (v := segment_view(doc, s)) is None else v.text for s in doc.segments]


def _findings(pipeline, page: str) -> list[tuple[str, str]]:
    result = check_input(pipeline, Input("t.html", page.encode()))
    return [(f.code, page[f.start:f.end]) for u in result.units for f in u.check.findings]


@pytest.mark.parametrize(("page", "view"), [
    ("<p>They met in <b>Ba</b>kı on Monday.</p>", "They met in Bakı on Monday."),
    ("<p>He flew to Wash<span>ington</span> today.</p>", "He flew to Washington today."),
    ('<p>Minister <a href="/p?a=1">Bayram</a>ov spoke.</p>', "Minister Bayramov spoke."),
    ("<p>It snowed on <a href='/f'>Friday</a>.</p>", "It snowed on Friday."),
    ("<p>A <b><i>Ba</i></b>kı plan.</p>", "A Bakı plan."),
    ("<p>It was <b>snow</b> The minister left.</p>", "It was snow The minister left."),
    ("<p>It was <b>snow</b>The minister left.</p>", "It was snowThe minister left."),
    ("<p>Talks ended.<br>Prices rose.</p>", None),
])
def test_inline_tags_with_no_blank_around_them_join_the_pieces(page: str, view: str | None):
    if view is None:  # a line break is no inline tag that glues: two sentences, as before
        assert _views(page) == ["Talks ended.", "Prices rose."]
    else:
        assert _views(page) == [view]


def test_only_tags_inside_a_word_are_glued():
    t = "<p><b>Ba</b>kı and <i>snow</i> The <img src=x>x<br>y and <b>end</b>.</p>"
    assert [t[g.start:g.end] for g in page_spans(t)[1]] == ["</b>", "</b>"]


def test_a_finding_over_a_split_word_maps_to_the_page_and_its_fix_edits_prose_only(pipeline):
    """MTF301 (a mis-rendered name) reads "Bakı" across ``</b>`` and fixes its last letter, outside the tag; no
    finding is left on the fragment "kı" alone (it was MTF207, Azerbaijani letters, before session 29)."""
    page = "<p>The minister met <b>Ba</b>kı officials.</p>"
    found = _findings(pipeline, page)
    assert ("MTF301", "Ba</b>kı") in found and not [f for f in found if f[1] == "kı"]
    out = fix_input(pipeline, Input("t.html", page.encode())).output.decode()
    assert out == "<p>The minister met <b>Ba</b>ku officials.</p>"


def test_a_missing_space_at_a_tag_is_inserted_outside_the_tags(pipeline):
    page = "<p>It was <b>snow</b>The minister left.</p>"
    out = fix_input(pipeline, Input("t.html", page.encode())).output.decode()
    assert out == "<p>It was <b>snow</b> The minister left.</p>"


def test_a_fix_that_would_rewrite_a_tag_is_a_suggestion_only(pipeline):
    """"Gəncə" is MTF301's (its English spelling "Ganja"): across ``</b>`` the whole word is rewritten, which would
    rewrite the tag, so the finding keeps its suggestion and the page is not edited."""
    page = "<p>Prices fell in <b>Gən</b>cə on Friday.</p>"
    result = check_input(pipeline, Input("t.html", page.encode()))
    f = next(f for u in result.units for f in u.check.findings if f.code == "MTF301")
    assert page[f.start:f.end] == "Gən</b>cə" and not f.edits and f.suggestions
    assert fix_input(pipeline, Input("t.html", page.encode())).output.decode() == page


def test_a_glossary_name_split_by_a_link_is_found_and_fixed_outside_it():
    page = '<p>Minister <a href="/p">Bayram</a>ov spoke.</p><p>Minister <a href="/p">Bairam</a>ov spoke.</p>'
    g = Glossary([Entry("Bayramov", ("Bairamov",), type="person", origin="t:1")])
    pipe = Pipeline(checkers=[GlossaryChecker(g)])
    result = check_input(pipe, Input("t.html", page.encode()))
    hits = [page[f.start:f.end] for u in result.units for f in u.check.findings]
    assert hits == ["Bairam</a>ov"]
    out = fix_input(pipe, Input("t.html", page.encode())).output.decode()
    assert out.count('<a href="/p">') == 2 and out.count("</a>") == 2


def test_a_clean_page_with_split_words_gets_no_finding_and_no_edit(pipeline):
    page = ("<p>The minister met officials in <b>Ba</b>ku and Wash<span>ington</span> on Monday.</p>"
            '<p>Minister <a href="/p">Bayram</a>ov said the talks would resume in <em>May</em>.</p>')
    assert _findings(pipeline, page) == []
    assert fix_input(pipeline, Input("t.html", page.encode())).output.decode() == page


def test_the_structure_an_edit_keeps():
    assert html_structure("<b>snow</b> The") == html_structure("<b>snow</b>The")
    assert html_structure(" <b>snow</b>The") == html_structure("<b>snow</b>The")
    assert html_structure("<b>snow </b>The") != html_structure("<b>snow</b>The")
    assert html_structure("<b> snow</b>The") != html_structure("<b>snow</b>The")
    assert html_structure("<b>snow</ b>The") != html_structure("<b>snow</b>The")


def test_a_sentence_flag_over_a_split_word_covers_the_whole_word():
    """The garble detector's span over "Using" in ``Usi<i>ng``: it was cut at the tag ("Usi": the finding kept
    clear of protected text), now the glued tag is no bound."""
    from mtfix.garble.checker import _clear_of_protected

    page = "<p>Usi<i>ng</i> the tool, they worked.</p>"
    doc = unit_document(load(page.encode(), "t.html").units[0], "t.html")
    a, b = page.index("Usi"), page.index("</i>")
    assert _clear_of_protected(doc, a, b, doc.segments[0], whole=True) == (a, b)


def test_a_rebuilt_document_s_glued_tags_move_with_the_edits(pipeline):
    """The document a fix pass rebuilds after its edits (for the next pass) has its glued tags where they moved
    (they were left at their old offsets, so a next pass read the wrong characters as a tag)."""
    from mtfix.model import Edit, FixSafety

    page = "<p>Officials said the the deal was signed in <b>Ba</b>kı on Monday.</p>"
    doc = unit_document(load(page.encode(), "t.html").units[0], "t.html")
    cut = page.index("the the")
    text = page[:cut] + page[cut + 4:]
    new = pipeline._rebuild(doc, text, [Edit(cut, cut + 4, "", "the ", "MTF105", "r", FixSafety.SAFE)])
    assert [text[g.start:g.end] for g in new.meta["glued"]] == ["</b>"]


@pytest.mark.parametrize(("page", "views"), [
    # a line break before a capital starts a line of its own (an address, a verse, lines of a list): read apart
    ("<p>The talks resumed<br>The minister left.</p>", ["The talks resumed", "The minister left."]),
    ("<p>Ministry of Foreign Affairs<br>\n<b>Baku</b>, Azerbaijan</p>", ["Ministry of Foreign Affairs",
                                                                         "Baku, Azerbaijan"]),
    # one before a small letter is a line wrapped by hand: one sentence, as before
    ("<p>Prices of oil<br>and gas rose on Monday.</p>", ["Prices of oil and gas rose on Monday."]),
    # an image between two words reads as a name (its alt is an attribute: never checked nor edited)
    ('<p>Minister<img src="x.png" alt="Jeyhun Bayramov">said the talks resumed.</p>',
     ["Minister @code said the talks resumed."]),
])
def test_a_line_break_before_a_capital_reads_apart_and_an_image_reads_as_a_name(page, views):
    assert _views(page) == views


def test_a_line_break_before_a_capital_is_no_mid_sentence_capital_and_fix_keeps_the_bytes(pipeline):
    page = "<p>The talks resumed<br>The minister left for Baku on Monday.</p>"
    assert _findings(pipeline, page) == []
    assert fix_input(pipeline, Input("t.html", page.encode())).output.decode() == page
