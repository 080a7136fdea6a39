"""Reliability, round 37 (session 46): what round 36 left in Markdown.

- inline HTML inside a word of an ordinary paragraph (``Ba<b>kı</b>``, ``<span>Ba</span>kı``; no HTML block) reads
  as one word, as in a page and in an HTML block: the paragraph's glued tags are the unit's ``meta["glued"]``
  (:func:`mtfix.formats.markdown.markdown_spans`), so the glossary says "Baku", not MTF207 'kı';
- an HTML block inside a block quote (``> <img …>`` then ``> The the bus …``; ``> <div>`` …) is read as the same
  block unquoted: its later lines' ``>`` markers are protected markup, as in a quoted paragraph, not a reason to
  protect the block whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.formats.markdown import MarkdownFormat, markdown_spans, markdown_unit
from tests.cli_runner import check_then_fix


def _glued(text: str) -> list[str]:
    return [text[g.start:g.end] for g in markdown_spans(text).glued]


# -- inline HTML inside a word of a paragraph ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "tags"), [
    ("The summit in Ba<b>kı</b> hosted the talks.\n", ["<b>"]),
    ("The ferry to <span>Ba</span>kı leaves at noon.\n", ["</span>"]),
    ("> The ferry to <em>Ba</em>kı leaves at noon.\n", ["</em>"]),  # in a block quote
    ("- The ferry to Ba<i></i>kı leaves.\n", ["<i></i>"]),  # a run of adjacent tags is one
    ("| Port | Ba<b>kı</b> |\n|---|---|\n| a | b |\n", ["<b>"]),  # a table cell
])
def test_a_paragraphs_tags_inside_a_word_are_glued(text: str, tags: list[str]) -> None:
    assert _glued(text) == tags
    unit = markdown_unit(text)
    assert unit.meta["page"] is False and [text[g.start:g.end] for g in unit.meta["glued"]] == tags


@pytest.mark.parametrize("text", [
    "We met <b>snow</b> and rain.\n",  # blanks on either side: two words
    "Line one<br>line two.\n",  # a line break is no glue
    "See the logo<img src=\"x.png\">here.\n",  # an image reads as a name
    "It was<!-- note -->fine.\n",  # a comment is no tag
    "Use <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy.\n",  # kbd is code, not an inline tag a word flows through
    "Some `Ba<b>kı</b>` code.\n",  # inside a code span: code
    "Plain text, no tags.\n",
])
def test_no_glue_where_a_reader_sees_two_words(text: str) -> None:
    assert _glued(text) == []
    assert "glued" not in markdown_unit(text).meta


@pytest.mark.parametrize(("text", "fixed"), [
    ("The summit in Ba<b>kı</b> hosted the talks.\n", "The summit in Ba<b>ku</b> hosted the talks.\n"),
    ("The ferry to <span>Ba</span>kı leaves at noon.\n", "The ferry to <span>Ba</span>ku leaves at noon.\n"),
])
def test_a_glued_word_in_a_paragraph_is_read_and_fixed_as_in_a_page(tmp_path: Path, text: str, fixed: str) -> None:
    out, after = check_then_fix(tmp_path, "a.md", text)
    assert "MTF301" in out and "'Bakı'" in out and "MTF207" not in out, out
    assert after == fixed.encode()
    page = f"<p>{text.rstrip()}</p>\n"
    page_out, page_after = check_then_fix(tmp_path, "a.html", page)
    assert "MTF301" in page_out and "MTF207" not in page_out, page_out
    assert page_after == f"<p>{fixed.rstrip()}</p>\n".encode()


def test_the_language_servers_document_has_the_paragraphs_glued_tags() -> None:
    from mtfix.files import unit_document
    from mtfix.lsp.workspace import build_document

    text = "# Talks\n\nThe summit in <b>Ba</b>kı opened on Monday.\n"
    mine = build_document(text, "a.md", "markdown")
    checked = unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")
    assert mine.meta == checked.meta and mine.segments == checked.segments
    assert [text[g.start:g.end] for g in mine.meta["glued"]] == ["</b>"]


# -- an HTML block inside a block quote -------------------------------------------------------------------------

QUOTED = [
    '<img src="x.png">\nThe the bus leaves at noon and\nreaches the pier.\n',  # type 7: an image alone on its line
    "<div>\nThe the cat sat on the mat.\n</div>\n",  # type 6
    "<note-box>\nWe took the the early train.\n</note-box>\n",  # type 7: a custom element
]


def _quoted(body: str, marker: str = "> ") -> str:
    return "".join(marker + line if line else line for line in body.splitlines(keepends=True))


@pytest.mark.parametrize("body", QUOTED)
def test_a_quoted_html_blocks_text_is_read_as_unquoted(body: str) -> None:
    text = _quoted(body)
    spans = markdown_spans(text)
    plain = markdown_spans(body)
    read = [text[r.start:r.end].replace("\n> ", "\n  ") for r in spans.regions]
    assert read == [body[r.start:r.end].replace("\n", "\n  ") for r in plain.regions] and read
    for r in spans.regions:  # each marker inside a region is protected
        for i in range(r.start, r.end):
            if text[i] == ">" :
                assert any(p.start <= i < p.end for p in spans.protected)


@pytest.mark.parametrize("body", QUOTED)
def test_a_repeat_in_a_quoted_html_block_is_found_and_fixed(tmp_path: Path, body: str) -> None:
    text = _quoted(body)
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" in out, out
    want = text.replace("The the", "The").replace("the the", "the")
    assert fixed == want.encode()


def test_a_nested_quote_and_crlf_keep_every_marker(tmp_path: Path) -> None:
    text = _quoted(QUOTED[0], "> > ").replace("\n", "\r\n")
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" in out, out
    assert fixed == text.replace("The the", "The").encode()


@pytest.mark.parametrize("text", [
    "> <div>\n> The cat sat <code>the the</code> here.\n> </div>\n",  # code in the block stays code
    '> <img src="x.png" alt="the the logo">\n> Our team ships it.\n',  # an attribute is never read
    "> <!-- the the -->\n> The bus left.\n",  # a comment block (type 2) stays protected whole
])
def test_what_a_quoted_block_protects_stays_untouched(tmp_path: Path, text: str) -> None:
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" not in out, out
    assert fixed == text.encode()


# -- GFM footnotes ------------------------------------------------------------------------------------------------

FOOTNOTES = ("The ferry leaves the harbour at noon.[^1] It reaches the island two hours later.\n\n"
             "Most visitors stay for a week.[^stay] Prices rise sharply in August.\n\n"
             "[^1]: Timetables change in winter.\n[^stay]: Figures from the tourist office, 2023.\n")


def test_a_footnote_reference_and_its_definitions_label_are_marks_not_words() -> None:
    spans = markdown_spans(FOOTNOTES)
    marks = [FOOTNOTES[p.start:p.end] for p in spans.protected]
    assert marks == ["[^1]", "[^stay]", "[^1]: ", "[^stay]: "]
    assert not any(FOOTNOTES[o.start:o.end].startswith("[^") for o in spans.opaque)  # marks a reader skips


@pytest.mark.parametrize("text", [
    "Match any letter but a with [^a] in a pattern.\n",  # no definition: text, as GitHub shows it
    "Write `[^1]` for a note.\n\n[^1]: A note.\n",  # in a code span: code
])
def test_no_footnote_without_a_definition_or_in_code(text: str) -> None:
    spans = markdown_spans(text)
    assert not any(text[p.start:p.end] == "[^a]" for p in spans.protected)
    if "`" in text:
        assert [text[c.start:c.end] for c in spans.code] == ["`[^1]`"]


def test_footnotes_are_no_capital_in_mid_sentence_and_a_repeat_in_one_is_fixed(tmp_path: Path) -> None:
    out, fixed = check_then_fix(tmp_path, "a.md", FOOTNOTES)
    assert "'[^" not in out and "'.[^" not in out, out
    assert fixed == FOOTNOTES.encode()
    text = FOOTNOTES.replace("Timetables change", "The the timetables change")
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "MTF105" in out, out
    assert fixed == text.replace("The the", "The").encode()


def test_a_quote_before_formatted_copies_is_no_glue_and_they_stay_reported(tmp_path: Path) -> None:
    text = 'It went ("<b>the</b> <i>the</i>"), or a dog.\n'
    assert _glued(text) == []
    out, fixed = check_then_fix(tmp_path, "a.md", text)
    assert "'the' is repeated across inline markup" in out, out
    assert fixed == text.encode()
