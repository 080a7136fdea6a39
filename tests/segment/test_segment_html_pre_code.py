"""Code samples in HTML (session 26, seg-10): the content of ``<pre>``, ``<code>``, ``<kbd>`` and ``<samp>``
elements is protected as Markdown's code blocks and code spans are (never checked, never edited), tags and
content one span (:func:`mtfix.segment.find_markup_spans`), as ``<script>`` and ``<style>`` were since session 21.
Before, ``fix page.html`` repaired the spacing inside a code sample (``ls -l , -a`` → ``ls -l, -a``).  An inline
``<code>`` in a sentence reads to the garble detector as one name, as a Markdown code span does."""

from __future__ import annotations

import mtfix
from mtfix.model import Span
from mtfix.segment import find_markup_spans

PAGE = """<!DOCTYPE html>
<html><body>
<p>The the installer asks for a folder , then copies the files.</p>
<pre>
$ ls -l , -a
total 0 ; done
</pre>
<p>Type <code>make all , clean</code> in the shell and press <kbd>Ctrl + C</kbd> to stop.</p>
<PRE class="log"><CODE>Error : file not found ,retry</CODE></PRE>
<p>The output reads <samp>Saved .Done</samp> when it ends.</p>
</body></html>
"""

CODE = ("<pre>\n$ ls -l , -a\ntotal 0 ; done\n</pre>", "<code>make all , clean</code>", "<kbd>Ctrl + C</kbd>",
        '<PRE class="log"><CODE>Error : file not found ,retry</CODE></PRE>', "<samp>Saved .Done</samp>")


def _inside_code(start: int, end: int) -> bool:
    return any(PAGE.index(c) <= start and end <= PAGE.index(c) + len(c) for c in CODE)


def test_pre_code_kbd_and_samp_are_protected_whole() -> None:
    found = [PAGE[s.start : s.end] for s in find_markup_spans(PAGE)]
    for c in CODE:
        assert c in found
    assert "<p>" in found and "</p>" in found  # the other tags as before
    assert "<CODE>" not in found  # inside the <PRE>: one span


def test_check_finds_nothing_inside_code_but_still_checks_the_prose() -> None:
    findings = mtfix.check(PAGE).findings
    comma = PAGE.index(" , then")
    assert any(f.start <= comma + 1 and comma < f.end for f in findings), "the prose's space before a comma is found"
    assert not [f for f in findings if _inside_code(f.start, f.end)]


def test_fix_leaves_code_byte_for_byte_and_fixes_the_prose() -> None:
    out = mtfix.fix(PAGE).text
    for c in CODE:
        assert c in out
    assert "<p>The installer asks for a folder, then copies the files.</p>" in out


def test_tag_names_are_whole_and_an_unclosed_opener_protects_its_tag_alone() -> None:
    text = "<codex>a , b</codex> <pre-wrap>c , d</pre-wrap> <samples>e</samples>"
    assert [text[s.start : s.end] for s in find_markup_spans(text)] == [
        "<codex>", "</codex>", "<pre-wrap>", "</pre-wrap>", "<samples>", "</samples>"]
    text = "Wrap commands in <code> tags , then the rest is prose. Then <b>this</b>."
    assert [text[s.start : s.end] for s in find_markup_spans(text)] == ["<code>", "<b>", "</b>"]


def test_an_element_pairs_only_inside_its_region() -> None:
    text = "Run <code>a , b</code> now. Use <code> here.\n\nThen </code> there."
    first, second = Span(0, 43), Span(45, len(text))
    found = [text[s.start : s.end] for s in find_markup_spans(text, [first, second])]
    assert found == ["<code>a , b</code>", "<code>", "</code>"]


def test_markdown_inline_html_code_is_protected_like_a_code_span() -> None:
    from mtfix.files import unit_document
    from mtfix.formats.markdown import MarkdownFormat

    text = "Type <code>make all , clean</code> in the shell , then wait.\n"
    doc = unit_document(MarkdownFormat().load(text.encode(), "note.md", {}).units[0], "note.md")
    assert doc.is_protected(text.index(" , clean"), text.index(" , clean") + 3)
    assert not doc.is_protected(text.index(" , then"), text.index(" , then") + 3)


def test_inline_code_reads_as_a_name_to_the_detector() -> None:
    from mtfix.garble.view import STAND_IN, segment_view
    from mtfix.segment import to_document

    text = "Run <code>make all</code> before you deploy the new build."
    doc = to_document(text)
    view = segment_view(doc, doc.segments[0])
    assert view is not None and view.text == f"Run {STAND_IN} before you deploy the new build."
    i = view.text.index(STAND_IN)
    assert doc.text[slice(*view.span(i, i + len(STAND_IN)))] == "<code>make all</code>"


def test_html_file_and_markdown_through_the_cli(tmp_path) -> None:
    from typer.testing import CliRunner

    from mtfix.cli import app

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    md = tmp_path / "note.md"
    md.write_text("Type <code>make all , clean</code> in the shell , then wait.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", str(page), str(md)])
    assert result.exit_code == 0, result.output
    out = page.read_text(encoding="utf-8")
    for c in CODE:
        assert c in out
    assert "folder, then" in out
    assert md.read_text(encoding="utf-8") == "Type <code>make all , clean</code> in the shell, then wait.\n"
