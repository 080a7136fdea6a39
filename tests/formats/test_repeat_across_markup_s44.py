"""A repeat whose copies a character reference or a tag separates (session 44): the loop is still found, and a fix
never removes the reference or the tag; where no deletion keeps it, the fix is a suggestion only.  Copies that hold
a reference in their spelling (``caf&#233;``) are deleted whole, in a page and in a Markdown file (until session 44
the Markdown fix failed: a protected span inside the deleted copies was shifted past the end of the text)."""

from __future__ import annotations

import re

import pytest

from mtfix.files import check_input, fix_input
from mtfix.io.inputs import Input
from mtfix.model import FixSafety, Span

_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>|&#?\w+;")


def _findings(pipeline, name: str, text: str) -> list:
    return [f for u in check_input(pipeline, Input(name, text.encode())).units for f in u.check.findings]


@pytest.mark.parametrize(("name", "text"), [
    ("p.html", "<p>She wrote the&nbsp;the the the letter.</p>\n"),
    ("p.html", "<p>the cat the cat&nbsp;the cat the cat sat down.</p>\n"),
    ("p.html", "<p>We ordered tea&#160;tea tea tea today.</p>\n"),
    ("n.md", "She wrote the&nbsp;the the the letter.\n"),
    ("n.md", "The rain fell <b>fell</b>&nbsp;fell fell on the roof.\n"),
])
def test_a_loop_across_a_reference_is_found_and_its_reference_kept(pipeline, name: str, text: str):
    out = fix_input(pipeline, Input(name, text.encode())).output.decode()
    assert _MARKUP.findall(out) == _MARKUP.findall(text)
    loops = [f for f in _findings(pipeline, name, text) if f.code in ("MTF105", "MTF106")]
    assert loops, "the repeat is still reported"
    for f in loops:
        for e in f.edits:
            assert not _MARKUP.search(text[e.start:e.end]), (f.code, text[e.start:e.end])


def test_a_loop_across_nbsp_is_a_suggestion_only(pipeline):
    text = "<p>She wrote the&nbsp;the the the letter.</p>\n"
    [loop] = [f for f in _findings(pipeline, "p.html", text) if f.code == "MTF106"]
    assert loop.edits == () and loop.fix == FixSafety.NONE
    assert fix_input(pipeline, Input("p.html", text.encode())).output.decode() == text


@pytest.mark.parametrize(("name", "text", "fixed"), [
    # the copies after the reference are deleted, the reference kept where it stands
    ("p.html", "<p>She wrote the the the&nbsp;letter.</p>\n", "<p>She wrote the&nbsp;letter.</p>\n"),
    ("n.md", "She wrote the the the&nbsp;letter.\n", "She wrote the&nbsp;letter.\n"),
    ("p.html", "<p>Fish &amp; chips chips chips chips here.</p>\n", "<p>Fish &amp; chips here.</p>\n"),
    # a reference that spells a letter of a copy goes with its copy
    ("p.html", "<p>We met at the caf&#233; caf&#233; caf&#233; at noon.</p>\n",
     "<p>We met at the caf&#233; at noon.</p>\n"),
    ("n.md", "We met at the caf&#233; caf&#233; caf&#233; at noon.\n", "We met at the caf&#233; at noon.\n"),
    ("n.md", "We met at the **caf&#233;** caf&#233; caf&#233; at noon.\n", "We met at the **caf&#233;** at noon.\n"),
])
def test_a_loop_beside_a_reference_is_still_fixed(pipeline, name: str, text: str, fixed: str):
    assert fix_input(pipeline, Input(name, text.encode())).output.decode() == fixed


def test_an_inline_code_between_copies_is_kept_in_xliff(pipeline):
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file source-language="de" target-language="en" datatype="plaintext" original="x"><body>\n'
            '<trans-unit id="1"><source>x</source><target>She wrote the<x id="1"/>the the the letter.</target>'
            '</trans-unit>\n</body></file></xliff>\n')
    out = fix_input(pipeline, Input("a.xlf", page.encode())).output.decode()
    assert '<x id="1"/>' in out and "the the the" not in out


def test_a_protected_span_inside_deleted_text_is_moved_to_the_edit(pipeline):
    """The rebuilt document's spans stay inside its text: a span the edit deleted sits where the edit was."""
    from mtfix.model import Edit
    from mtfix.segment import to_document

    text = "ab caf&#233; caf&#233; cd"
    doc = to_document(text, protected=[Span(6, 12), Span(16, 22)], regions=[Span(0, len(text))], opaque=[])
    edit = Edit(12, 22, "", text[12:22], "MTF106", "rule:MTF106", FixSafety.SAFE)
    new_text = text[:12] + text[22:]
    new = pipeline._rebuild(doc, new_text, [edit])
    spans = [(p.start, p.end) for p in new.meta["format_protected"]]
    assert spans[0] == (6, 12) and all(0 <= s <= e <= len(new_text) for s, e in spans)
