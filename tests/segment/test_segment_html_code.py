"""Code in an HTML page read as text (session 21, in seg-9): the content of ``<script>`` and ``<style>``
elements and of comments ``<!-- … -->`` is markup, as the tags are (:func:`mtfix.segment.find_markup_spans`):
no finding points into it and ``fix`` leaves it byte for byte, while the prose around it is still checked.
Before, ``fix page.html`` changed ``[1 , 2]`` to ``[1, 2]`` and ``color: red ;`` to ``color: red;``."""

from __future__ import annotations

import mtfix
from mtfix.model import Span
from mtfix.segment import find_markup_spans

PAGE = """<!DOCTYPE html>
<html><head><style type="text/css">
p { color: red ; margin: 0 ,1px; }
</style>
<SCRIPT type="module">var a = [1 , 2]; alert("Hello , world");</SCRIPT >
</head><body>
<!-- Note: shown to users , later -->
<p>The the talks went on , said he.</p>
<Style>h1 { font-weight: bold ; }</Style>
</body></html>
"""

CODE = ('p { color: red ; margin: 0 ,1px; }', 'var a = [1 , 2]; alert("Hello , world");',
        'Note: shown to users , later', 'h1 { font-weight: bold ; }')


def _inside_code(start: int, end: int) -> bool:
    return any(PAGE.index(c) <= start and end <= PAGE.index(c) + len(c) for c in CODE)


def test_script_style_and_comments_are_markup_whole() -> None:
    found = [PAGE[s.start : s.end] for s in find_markup_spans(PAGE)]
    assert '<SCRIPT type="module">var a = [1 , 2]; alert("Hello , world");</SCRIPT >' in found
    assert '<style type="text/css">\np { color: red ; margin: 0 ,1px; }\n</style>' in found
    assert "<!-- Note: shown to users , later -->" in found
    assert "<Style>h1 { font-weight: bold ; }</Style>" in found
    assert "<p>" in found and "</p>" in found  # the other tags as before


def test_check_finds_nothing_inside_code_but_still_checks_the_prose() -> None:
    findings = mtfix.check(PAGE).findings
    assert findings, "the paragraph's repeated word and space before a comma are still found"
    assert not [f for f in findings if _inside_code(f.start, f.end)]


def test_fix_leaves_code_byte_for_byte_and_fixes_the_prose() -> None:
    out = mtfix.fix(PAGE).text
    for c in CODE:
        assert c in out
    assert "<p>The talks went on, said he.</p>" in out
    assert out.replace("<p>The talks went on, said he.</p>", "") == PAGE.replace(
        "<p>The the talks went on , said he.</p>", "")


def test_a_clean_page_with_code_is_unchanged() -> None:
    page = ("<html><head><style>a { color: blue ; }</style></head><body>\n"
            "<script>let xs = [1 , 2 , 3];</script>\n<!-- draft , do not ship -->\n"
            "<p>The committee approved the budget on Monday.</p>\n</body></html>\n")
    assert mtfix.fix(page).text == page
    assert not mtfix.check(page).findings


def test_an_unclosed_script_protects_the_rest_and_an_unclosed_comment_nothing() -> None:
    """Session 22: an unclosed ``<script>`` runs to the end of the text, as a browser reads it (it protected its
    tag alone before, and ``fix`` edited the code after it); an unclosed ``<!--`` protects nothing."""
    text = "Use <script> tags with care , they run code. Write <!-- to open a comment."
    found = [text[s.start : s.end] for s in find_markup_spans(text)]
    assert found == [text[text.index("<script>"):]]
    text = "Write <!-- to open a comment , then <b>this</b>."
    assert [text[s.start : s.end] for s in find_markup_spans(text)] == ["<b>", "</b>"]


def test_many_unclosed_openers_scan_once() -> None:
    text = "<!-- <style> " * 20000 + "</script>"
    assert len(find_markup_spans(text)) == 1  # the first <style> runs to the end
    text = "<!-- <b> " * 40000
    assert len(find_markup_spans(text)) == 40000  # the tags alone; no comment closes
    regions = [Span(i, i + 14) for i in range(0, 14 * 20000, 14)]
    assert len(find_markup_spans("<script> <!-- " * 20000, regions)) == 20000  # one per region


def test_html_file_and_markdown_inline_script_through_the_cli(tmp_path) -> None:
    """``fix page.html`` (read as plain text) and a Markdown paragraph's inline ``<script>`` agree with the
    Markdown reader's HTML blocks: the code is left as it is, the prose is fixed."""
    from typer.testing import CliRunner

    from mtfix.cli import app

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    md = tmp_path / "note.md"
    md.write_text("See <script>var a = [1 , 2];</script> in the text , here.\n\n<style>\np { color: red ; }\n"
                  "</style>\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", str(page), str(md)])
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8") == PAGE.replace("The the talks went on , said", "The talks went on, said")
    assert md.read_text(encoding="utf-8") == ("See <script>var a = [1 , 2];</script> in the text, here.\n\n<style>\n"
                                              "p { color: red ; }\n</style>\n")
