"""Reliability, round 36, the reviewer's findings (session 45, RF3).

- a line indented four spaces in an HTML block's text (pretty-printed HTML) is prose, not an indented code block:
  CommonMark reads no Markdown code block inside raw HTML;
- the language server reads a Markdown file's and a page's glued tags as ``mtfix check`` does (one place builds
  the unit: :func:`mtfix.formats.markdown.markdown_unit`, :func:`mtfix.formats.html.html_unit`);
- two capitalised copies a no-break space binds (a name) get no fix; check reports a repeat across a spacing
  reference where fix makes its edit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtfix.formats.html import HtmlFormat
from mtfix.formats.markdown import MarkdownFormat, markdown_spans
from tests.cli_runner import check_then_fix, run_mtfix

PRETTY = [
    # a tag alone on its line, then text indented as pretty-printed HTML indents it
    ("<div>\nThe bus runs daily.\n<span>\n    The the bus stops at the square.\n</span>\n</div>\n",
     "The the bus", "The bus"),
    ("<section>\nWe ship it.\n<i>\n      removes the the spaces\n</i>\n</section>\n", "the the spaces", "the spaces"),
    # a README's centred header: a link around a logo, then its tagline, all indented
    ('<p align="center">\n  <a href="https://example.org">\n    <img src="logo.png" alt="logo">\n  </a>\n'
     "    A small tool that checks the the spelling of your notes.\n</p>\n", "the the spelling", "the spelling"),
]


@pytest.mark.parametrize(("text", "before", "after"), PRETTY)
def test_indented_text_in_an_html_block_is_prose_not_code(tmp_path: Path, text: str, before: str, after: str) -> None:
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" in out, out
    assert fixed == text.replace(before, after).encode()


def test_indented_text_in_an_html_block_is_a_region_and_no_code() -> None:
    text = PRETTY[0][0]
    spans = markdown_spans(text)
    assert any("    The the bus" in text[r.start:r.end] for r in spans.regions)
    assert spans.code == []


@pytest.mark.parametrize("text", [
    "Some words.\n\n    the the code stays\n",  # an indented code block outside HTML: still code
    "<div>\n<pre>\n    the the code stays\n</pre>\n</div>\n",  # <pre> in a block: still code
    "<div>\nSee below.\n</div>\n\n    the the code stays\n",  # after the block's blank line: Markdown again
])
def test_indented_code_outside_html_text_is_still_protected(tmp_path: Path, text: str) -> None:
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" not in out, out
    assert fixed == text.encode()


def test_markup_in_indented_html_text_stays_protected(tmp_path: Path) -> None:
    text = "<div>\n<span>\n    Read the the **short** [guide](https://example.org/the-the).\n</span>\n</div>\n"
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" in out, out
    assert fixed == text.replace("Read the the", "Read the").encode()


@pytest.mark.parametrize(("name", "fmt", "text"), [
    ("a.md", MarkdownFormat(), "<div>\nThe summit in <b>Ba</b>kı opened on Monday.\n</div>\n\nMore **below**.\n"),
    ("a.html", HtmlFormat(), "<p>The summit in <b>Ba</b>kı opened on Monday.</p>\n"),
])
def test_the_language_servers_document_is_the_one_check_reads(name: str, fmt: object, text: str) -> None:
    from mtfix.files import unit_document
    from mtfix.lsp.workspace import build_document

    kind = "markdown" if name.endswith(".md") else "html"
    mine = build_document(text, name, kind)
    checked = unit_document(fmt.load(text.encode(), name, {}).units[0], name)
    assert mine.meta == checked.meta and mine.segments == checked.segments
    assert mine.meta.get("glued")


@pytest.mark.parametrize("sentence", [
    "Walla&nbsp;Walla is a town in the hills.",
    "Pago&nbsp;Pago lies on a wide bay.",
    "They sailed to Pago&nbsp;Pago last spring.",
])
@pytest.mark.parametrize(("name", "wrap"), [("a.md", "{}\n"), ("a.html", "<p>{}</p>\n")])
def test_a_capitalised_repeat_bound_by_a_no_break_space_gets_no_fix(
        tmp_path: Path, sentence: str, name: str, wrap: str) -> None:
    text = wrap.format(sentence)
    out, fixed = check_then_fix(tmp_path, name, text, "--unsafe-fixes")
    assert "MTF105" in out and "[fix]" not in out and "[unsafe fix]" not in out, out
    assert fixed == text.encode()


def test_a_lower_case_repeat_across_a_no_break_space_is_still_fixed(tmp_path: Path) -> None:
    text = "They took the&nbsp;the early train home.\n"
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "[fix]" in out, out
    assert fixed == b"They took the early train home.\n"


@pytest.mark.parametrize(("name", "wrap"), [("a.md", "{}\n"), ("a.html", "<p>{}</p>\n")])
def test_check_reports_the_edit_fix_applies(tmp_path: Path, name: str, wrap: str) -> None:
    text = wrap.format("They took the&nbsp;the early train home.")
    f = tmp_path / name
    f.write_bytes(text.encode())
    report = run_mtfix("check", "--format", "json", f)
    found = [x for x in json.loads(report.stdout)["files"][0]["findings"] if x["code"] == "MTF105"]
    assert [(x["text"], x["fix"]) for x in found] == [("the&nbsp;", "safe")]
    start = found[0]["start"]
    fixing = run_mtfix("fix", "--diff", f)
    assert "'the&nbsp;' → ''" in fixing.stdout + fixing.stderr, fixing.stderr
    assert text[start:start + len("the&nbsp;")] == "the&nbsp;"
