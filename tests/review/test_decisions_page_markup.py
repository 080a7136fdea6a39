"""An editor's post-edit of a sentence of an HTML page keeps its markup (session 29): ``fix --decisions`` writes a
correction that keeps every tag, template span and comment of the sentence as it was, in order, and refuses one
that drops, changes, moves or adds one (naming the entry and the tag), or that holds a bare ``<`` or ``&``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.review.pagemarkup import bare, escape_bare, markup, markup_change
from mtfix.review.proposals import file_digest
from tests.review.conftest import OFF

#: A page of my own: a sentence with a bold word, a link, a template span and a reference, a list item, a script.
PAGE = ("<!DOCTYPE html><html><head><title>Talks</title><script>if (a < b) x();</script></head><body>\n"
        '<p>Officials of <b>ministry</b> was saying the <a href="/road">road</a> will be build for '
        "{{ region.name }} &amp; the coast.</p>\n<ul><li>Prices rose.</li></ul>\n</body></html>\n")
SENTENCE = ('Officials of <b>ministry</b> was saying the <a href="/road">road</a> will be build for '
            "{{ region.name }} &amp; the coast.")


def cli(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def apply(tmp_path: Path, replacement: str, original: str = SENTENCE, page: str = PAGE, name: str = "page.html"):
    """``page`` written, a decisions file correcting ``original`` to ``replacement``, and `fix --decisions`."""
    doc = tmp_path / name
    doc.write_text(page, encoding="utf-8")
    start = page.index(original)
    decisions = {"format": "mtfix-review-decisions", "version": 2, "files": [{
        "path": str(doc), "digest": file_digest(doc.read_bytes()), "decisions": [],
        "corrections": [{"unit": 0, "start": start, "end": start + len(original), "original": original,
                         "replacement": replacement}]}]}
    (tmp_path / "d.json").write_text(json.dumps(decisions), encoding="utf-8")
    return doc, cli("fix", *OFF, "--decisions", tmp_path / "d.json", doc)


def test_a_post_edit_that_keeps_every_tag_and_template_span_is_written(tmp_path):
    new = ('Ministry <b>officials</b> said the <a href="/road">road</a> to {{ region.name }} &amp; the coast '
           "would be built.")
    doc, r = apply(tmp_path, new)
    assert r.exit_code == 0, r.output
    assert doc.read_text(encoding="utf-8") == PAGE.replace(SENTENCE, new)


@pytest.mark.parametrize("replacement, said", [
    ('Ministry officials said the <a href="/road">road</a> to {{ region.name }} &amp; the coast would be built.',
     "drops the tags <b>, </b>"),
    ('Ministry <b>officials</b> said the <a href="/road">road to {{ region.name }} &amp; the coast would be built.',
     "drops the tag </a>"),
    ('Ministry <b>officials said the <a href="/road">road</b></a> to {{ region.name }} &amp; the coast would be '
     "built.", "moves the tag </b>"),
    ('Ministry <b>officials</b> said the <a href="/roads">road</a> to {{ region.name }} &amp; the coast would be '
     "built.", 'changes the tag <a href="/road"> to <a href="/roads">'),
    ('Ministry <b>officials</b> said the <a href="/road">road</a> to the region &amp; the coast would be built.',
     "drops the template span {{ region.name }}"),
    ('Ministry <b>officials</b> said the <a href="/road">road</a> to {{ region.title }} &amp; the coast would be '
     "built.", "changes the template span {{ region.name }} to {{ region.title }}"),
    ('Ministry <b>officials</b> said the <a href="/road">road</a> to {{ region.name }} <i>and</i> the coast '
     "would be built.", "adds the tags <i>, </i>"),
])
def test_a_post_edit_that_loses_markup_is_refused_naming_the_entry(tmp_path, replacement, said):
    doc, r = apply(tmp_path, replacement)
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert "files[0].corrections[0]" in out and said in out, out
    assert "keeps every tag, template span and comment of the sentence as it was, in order" in out
    assert "nothing was written" in out
    assert doc.read_text(encoding="utf-8") == PAGE


@pytest.mark.parametrize("typed, at", [("R<D", "'<'"), ("R&D", "'&'"), ("&copy2024", "'&'")])
def test_a_bare_lt_or_amp_in_a_decisions_file_is_refused(tmp_path, typed, at):
    """The report writes them as &lt; and &amp;; a decisions file made by hand that holds one is refused (a
    ``<`` may open a tag, ``&copy2024`` reads "©2024" in a browser)."""
    doc, r = apply(tmp_path, SENTENCE.replace("the coast", typed))
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert "files[0].corrections[0]" in out and f"a bare {at}" in out and "nothing was written" in out, out
    assert doc.read_text(encoding="utf-8") == PAGE
    doc, r = apply(tmp_path, escape_bare(SENTENCE.replace("the coast", typed)))
    assert r.exit_code == 0, r.output
    assert escape_bare(typed) in doc.read_text(encoding="utf-8")


def test_a_correction_outside_the_pages_prose_is_refused(tmp_path):
    """A hand-made correction of a script (no sentence of the report) would rewrite code."""
    doc, r = apply(tmp_path, "if (a > b) x();", original="if (a < b) x();")
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert "files[0].corrections[0]" in out and "not in the prose of the page" in out, out
    assert doc.read_text(encoding="utf-8") == PAGE


def test_markup_tokens_and_bare_characters():
    t = '<p>A {{ x }} <a title="a>b" href="{% url %}">b</a> <!-- c --> <code>if a < b</code> 3 < 4 & so</p>'
    assert [t[s:e] for s, e in markup(t)] == [
        "<p>", "{{ x }}", '<a title="a>b" href="{% url %}">', "</a>", "<!-- c -->", "<code>if a < b</code>",
        "</p>"]
    assert [t[k] for k in bare(t)] == ["<", "&"]
    assert markup_change(t, t) is None
    assert markup_change("a <!-- c --> b", "a b") == "drops the comment <!-- c -->"
    assert markup_change("<code>a</code> b", "<code>c</code> b") == (
        "changes the element <code>a</code> to <code>c</code>")


#: A Markdown paragraph of my own: a link, a code span, emphasis.
MD = "Officials of **ministry** said the [road](https://example.org/road) will open, `see map()` for details.\n"
MD_SENTENCE = MD.rstrip("\n")


@pytest.mark.parametrize("replacement, said", [
    ("Ministry officials said the [road](https://example.org/road) would open; `see map()` for details.", None),
    ("Ministry officials said the [road](https://example.org/roads) would open; `see map()` for details.",
     "changes the link ](https://example.org/road) to ](https://example.org/roads)"),
    ("Ministry officials said the road would open; `see map()` for details.",
     "drops the link ](https://example.org/road)"),
    ("Ministry officials said the [road](https://example.org/road) would open; see the map for details.",
     "drops the code span `see map()`"),
])
def test_a_markdown_post_edit_keeps_link_destinations_and_code_spans(tmp_path, replacement, said):
    """Bold dropped (``**ministry**`` retyped plainly) is the editor's choice: written. A link's destination or a
    code span dropped or changed is lost text: refused, naming the entry."""
    doc, r = apply(tmp_path, replacement, original=MD_SENTENCE, page=MD, name="news.md")
    if said is None:
        assert r.exit_code == 0, r.output
        assert doc.read_text(encoding="utf-8") == MD.replace(MD_SENTENCE, replacement)
        return
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert "files[0].corrections[0]" in out and said in out and "nothing was written" in out, out
    assert doc.read_text(encoding="utf-8") == MD


@pytest.mark.parametrize("original, text, said", [
    # session 29: a post-edit that loses several pieces of markup names them all
    ('<a href="/x">a</a> <b>b</b>', '<a href="/y">a</a> b',
     'changes the tag <a href="/x"> to <a href="/y"> and drops the tags <b>, </b>'),
    ('<a href="/x">a</a> <a href="/z">b</a>', '<a href="/y">a</a> <a href="/w">b</a>',
     'changes the tag <a href="/x"> to <a href="/y">, the tag <a href="/z"> to <a href="/w">'),
    ("<b>a</b> {{ x }} c", "a <i>{{ y }}</i> c",
     "changes the template span {{ x }} to {{ y }}, drops the tags <b>, </b> and adds the tags <i>, </i>"),
    # session 30: every one, not the first three and a count (the editor could not tell what else to put back)
    ("<b>a</b> <i>b</i> <u>c</u> d", "a b c d", "drops the tags <b>, </b>, <i>, </i>, <u>, </u>"),
    ("a b", "<b>a</b> <i>b</i>", "adds the tags <b>, </b>, <i>, </i>"),
    ("<a href=1>a</a> <a href=2>b</a> <a href=3>c</a> <a href=4>d</a>", "<a href=5>a</a> <a href=6>b</a> "
     "<a href=7>c</a> <a href=8>d</a>", "changes the tag <a href=1> to <a href=5>, the tag <a href=2> to <a href=6>, "
     "the tag <a href=3> to <a href=7>, the tag <a href=4> to <a href=8>"),
])
def test_a_change_of_several_pieces_of_markup_names_them_all(original, text, said):
    assert markup_change(original, text) == said


def test_fix_decisions_refusal_names_every_lost_tag(tmp_path):
    replacement = ('Ministry officials said the <a href="/roads">road</a> to {{ region.name }} &amp; the coast '
                   "would be built.")
    doc, r = apply(tmp_path, replacement)
    assert r.exit_code == 2, r.output
    out = " ".join(r.output.split())
    assert 'changes the tag <a href="/road"> to <a href="/roads"> and drops the tags <b>, </b>' in out, out
    assert doc.read_text(encoding="utf-8") == PAGE
