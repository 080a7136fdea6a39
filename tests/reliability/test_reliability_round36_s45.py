"""Reliability, round 36 (session 45): what session 44 left in Markdown's HTML blocks and character references.

- a word split by inline tags in a Markdown HTML block (``<b>Ba</b>kı``) reads as one word, as in a page, without
  the file becoming a page (``meta["glued"]`` with ``meta["page"]`` false);
- the text after a CommonMark type-7 line (``<img …>`` or ``<span>`` alone on its line) is checked as the same
  paragraph without that line would be, and a line of tags alone inside a block's text hides nothing;
- an image alone on a block's first line is no word of the sentence below it (a page's ``<p><img>`` too);
- a repeat across a spacing reference (``the&nbsp;the``) is fixed by deleting the first copy and the reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.formats.markdown import MarkdownFormat
from tests.cli_runner import check_then_fix


def test_a_word_split_by_tags_in_a_markdown_html_block_reads_as_one_word(tmp_path: Path) -> None:
    text = "Intro.\n\n<div>\nThe ferry to <b>Ba</b>kı leaves at noon.\n</div>\n"
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF301" in out and "MTF207" not in out, out  # the glossary's name, not a foreign 'kı'
    assert fixed == text.replace("</b>kı", "</b>ku").encode()


def test_a_markdown_files_glued_tags_do_not_make_it_a_page() -> None:
    text = "<div>\nThe ferry to <b>Ba</b>kı leaves.\n</div>\n\nPlain **text** here.\n"
    unit = MarkdownFormat().load(text.encode(), "a.md", {}).units[0]
    assert [text[g.start:g.end] for g in unit.meta["glued"]] == ["</b>"] and unit.meta["page"] is False
    from mtfix.files import reads_as, unit_document
    from mtfix.segment import is_page

    doc = unit_document(unit, "a.md")
    assert not is_page(doc) and reads_as(unit, "a.md", doc)


def test_reads_as_sees_the_page_flag() -> None:
    from dataclasses import replace

    from mtfix.files import reads_as, unit_document

    text = "<div>\nThe ferry to <b>Ba</b>kı leaves.\n</div>\n"
    unit = MarkdownFormat().load(text.encode(), "a.md", {}).units[0]
    as_page = replace(unit, meta={**unit.meta, "page": True})
    assert not reads_as(as_page, "a.md", unit_document(unit, "a.md"))
    assert reads_as(as_page, "a.md", unit_document(as_page, "a.md"))


def test_a_markdown_file_without_glued_tags_is_read_as_before() -> None:
    unit = MarkdownFormat().load(b"<div>\nThe <b>ferry</b> leaves.\n</div>\n", "a.md", {}).units[0]
    assert "glued" not in unit.meta and "page" not in unit.meta


@pytest.mark.parametrize("tag", ['<img src="ferry.png" alt="Ferry">', '<span class="note">', "<note-box>"])
def test_the_text_after_a_type_7_line_is_checked_and_fixed(tmp_path: Path, tag: str) -> None:
    text = f"# Ferries\n\n{tag}\nThe the ferry leaves at noon from **pier two**.\n\nMore below.\n"
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" in out, out
    assert fixed == text.replace("The the ferry", "The ferry").encode()


@pytest.mark.parametrize("body", [
    "Our club meets **every** Friday and posts a [calendar](https://example.com/cal) online.",
    "Run `make the the docs` before you push your branch.",
    "Our team ships two fresh builds each week.",
    "Our crew loads the the vans before **dawn** each morning.",
])
def test_the_text_after_a_type_7_line_reads_as_its_paragraph(tmp_path: Path, body: str) -> None:
    lone, lone_fixed = check_then_fix(tmp_path, "b.md", body + "\n")
    after, fixed = check_then_fix(tmp_path, "a.md", f'<img src="logo.png">\n{body}\n')
    assert [line.split(" ", 2)[1] for line in after.splitlines()] == [line.split(" ", 2)[1] for line in lone.splitlines()]
    # the paragraph is mended as it is alone (when it has a fix) and the tag line is kept byte for byte
    assert fixed == b'<img src="logo.png">\n' + lone_fixed, (fixed, lone_fixed)
    assert (lone_fixed != (body + "\n").encode()) == ("[fix]" in lone), lone


def test_a_line_of_tags_alone_in_a_type_6_blocks_text_hides_nothing(tmp_path: Path) -> None:
    text = "<div>\n<span>\nThe the ferry leaves at noon.\n</span>\n</div>\n"
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" in out, out
    assert fixed == text.replace("The the", "The").encode()


@pytest.mark.parametrize(("name", "text"), [
    ("a.html", '<p><img src="logo.png">\nOur team ships two fresh builds each week.</p>\n'),
    ("a.md", '<img src="logo.png">\nOur team ships two fresh builds each week.\n'),
])
def test_an_image_alone_on_a_blocks_first_line_is_no_word_of_its_sentence(tmp_path: Path, name: str, text: str) -> None:
    out, fixed = check_then_fix(tmp_path, name, text)
    assert "MTF401" not in out, out  # "Our" starts the sentence, not a capital in mid-sentence
    assert fixed == text.encode()


def test_an_image_inside_a_sentence_is_still_a_word_of_it(tmp_path: Path) -> None:
    text = '<p>Press <img src="gear.png" alt="gear"> the the button twice.</p>\n'
    out, fixed = check_then_fix(tmp_path, "a.html", text)
    assert "MTF105" in out, out
    assert fixed == text.replace("the the", "the").encode()


@pytest.mark.parametrize(("name", "wrap"), [("a.html", "<p>{}</p>\n"), ("a.md", "{}\n")])
def test_a_repeat_across_a_spacing_reference_loses_the_first_copy_and_the_reference(
        tmp_path: Path, name: str, wrap: str) -> None:
    text = wrap.format("We met the&nbsp;the minister on Monday.")
    out, fixed = check_then_fix(tmp_path, name, text)
    assert "MTF105" in out and "[fix]" in out, out
    assert fixed == wrap.format("We met the minister on Monday.").encode()


@pytest.mark.parametrize("sentence", [
    "The&nbsp;the ferry left on time.",  # the capital would be lost: no fix
    "We met at&nbsp;the the&nbsp;pier.",  # an ordinary repeat between two references: fixed, both kept
    "It was the&#8217;the plan.",  # a mark, not spacing
])
def test_a_fix_never_cuts_or_moves_a_reference_it_does_not_delete_with_a_copy(tmp_path: Path, sentence: str) -> None:
    text = f"<p>{sentence}</p>\n"
    _out, fixed = check_then_fix(tmp_path, "a.html", text)
    assert fixed.count(b"&") == text.count("&"), fixed
    if sentence.startswith("The&nbsp;"):
        assert fixed == text.encode()


def test_the_segmentation_revision_is_bumped() -> None:
    from mtfix import segment

    assert int(segment.REVISION.removeprefix("seg-")) >= 20
