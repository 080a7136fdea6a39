"""Reliability, round 43 (session 52): ordinary batches a new user would run.

A Markdown HTML block whose opening tag never closes its attribute's quote made the reader recurse until
RecursionError (the file "cannot be read", exit 2); an HTML page read such a tag as prose (MTF401 on ``div a=``).  A
named ``.json`` was read as plain text (MTF401 on its keys).  A top-level ``max-line-length`` was "unknown setting"
with no word of ``[subtitles]``.  A named file removed mid-batch said only the system's "No such file or directory".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtfix.formats.html import html_spans
from mtfix.formats.markdown import markdown_spans
from tests.cli_in_process import run_mtfix_in_process as run
from tests.cli_runner import run_mtfix, without_root_powers

#: an HTML block whose first tag's attribute quote is never closed (HTML5: the tag runs to the end; nothing shown)
BROKEN_BLOCK = '<div class="note\nThe harbour opened at dawn.\n</div>\n'
AFTER = "The ferry left the the harbour at noon.\n"


def _prose(text: str, spans) -> list[str]:
    return [text[r.start:r.end] for r in spans.regions]


# -- 1. an HTML tag whose attribute quote never closes ----------------------------------------------------------

def test_markdown_with_an_unclosed_attribute_quote_is_read_and_its_prose_checked(tmp_path: Path) -> None:
    text = "# Ferries\n\n" + BROKEN_BLOCK + "\n" + AFTER
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    r = run("check", "a.md", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    assert "cannot be read" not in r.stderr and "RecursionError" not in r.stderr, r.stderr
    assert "a.md:7:19: MTF105" in r.stdout, r.stdout  # the paragraph after the block
    assert "a.md:3:" not in r.stdout and "a.md:4:" not in r.stdout, r.stdout  # inside the unfinished tag: markup
    f = run("fix", "a.md", cwd=tmp_path)
    assert f.rc == 0, f.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text.replace("the the", "the")


def test_the_unfinished_tag_of_a_block_is_markup_to_its_end() -> None:
    text = "Before it.\n\n" + BROKEN_BLOCK + "\nAfter it.\n"
    spans = markdown_spans(text)
    assert _prose(text, spans) == ["Before it.", "After it."]
    start = text.index("<div")
    assert any(p.start <= start and p.end >= text.index("</div>") for p in spans.protected), spans.protected


def test_an_html_block_is_never_read_again_inside_an_html_blocks_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound itself: a page reader that hands the block's whole text back as prose (as the standard library's
    parser did with ``<div a="b c``) no longer sends the Markdown reader round for ever."""
    import mtfix.formats.html as html
    from mtfix.formats.spans import MarkdownSpans
    from mtfix.model import Span

    monkeypatch.setattr(html, "page_spans",
                        lambda t: (MarkdownSpans([Span(0, len(t.rstrip()))], [], [], [], []), [], []))
    text = "<div a=\"b c\nSome words.\n</div>\n\nAfter it.\n"
    assert _prose(text, markdown_spans(text))[-1] == "After it."


@pytest.mark.parametrize("text", [
    ">" * 10_000 + " Deep.\n",
    "".join("  " * i + "- item\n" for i in range(3_000)),
    "<div>\n" * 2_000 + "Text.\n",
    '<div a="' * 500 + "\nText.\n",
    "*" * 5_000 + "x" + "*" * 5_000 + "\n\n" + "[" * 5_000 + "x" + "]" * 5_000 + "\n",
])
def test_deep_nesting_is_read_without_recursing(text: str) -> None:
    markdown_spans(text)  # no RecursionError: markdown-it caps its nesting; HTML blocks are read once


def test_an_html_page_reads_an_unfinished_tag_as_markup_not_prose() -> None:
    page = '<p>The ferry left at dawn.</p>\n<div title="harbour\nSome hidden words.\n</div>\n<p>Never shown.</p>\n'
    assert _prose(page, html_spans(page)) == ["The ferry left at dawn."]  # HTML5: the quote runs to the end
    closed = '<p>One.</p><div title="a\nb">Shown text.</div>'
    assert _prose(closed, html_spans(closed)) == ["One.", "Shown text."]


def test_an_html_page_reads_an_unclosed_comment_to_its_end() -> None:
    page = "<p>The ferry left at dawn.</p>\n<!-- a note\n<p>Commented out.</p>\n"
    assert _prose(page, html_spans(page)) == ["The ferry left at dawn."]


def test_a_page_with_an_unfinished_tag_is_checked_without_a_finding_in_it(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<p>The ferry left the the harbour.</p>\n<div a="b c\nWords.\n</div>\n',
                                     encoding="utf-8")
    r = run("check", "a.html", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    found = [line for line in r.stdout.splitlines() if line.startswith("a.html:") and " MTF" in line]
    assert "a.html:1:22: MTF105" in r.stdout and all(line.startswith("a.html:1:") for line in found), r.stdout


# -- 2. a named .json --------------------------------------------------------------------------------------------

JSON = '{"title": "Ferries", "items": [{"text": "The ferry left the the harbour."}]}\n'


@pytest.mark.parametrize("command", ["check", "fix", "score"])
def test_a_named_json_document_is_skipped_with_what_to_ask_for(tmp_path: Path, command: str) -> None:
    (tmp_path / "en.json").write_text(JSON, encoding="utf-8")
    r = run(command, "en.json", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    assert ("mtfix: warning: en.json: a JSON document, not a format mtfix reads; skipped: if it is a localisation "
            "strings file, --input-format json; if it holds one JSON record a line, name the field to check (--input-format jsonl --text-field FIELD); to check it as plain text, "
            "keys and all, --input-format text") in r.stderr, r.stderr
    assert "MTF401" not in r.stdout and "MTF105" not in r.stdout, r.stdout
    assert (tmp_path / "en.json").read_text(encoding="utf-8") == JSON


def test_a_json_document_is_read_as_the_format_asked_for(tmp_path: Path) -> None:
    (tmp_path / "en.json").write_text(JSON, encoding="utf-8")
    as_text = run("check", "--input-format", "text", "en.json", cwd=tmp_path)
    assert "MTF105" in as_text.stdout and "skipped" not in as_text.stderr, as_text.stderr
    (tmp_path / "lines.json").write_text('{"text": "The ferry left the the harbour."}\n', encoding="utf-8")
    as_records = run("check", "--input-format", "jsonl", "--text-field", "text", "lines.json", cwd=tmp_path)
    assert "lines.json:1:" in as_records.stdout and "MTF105" in as_records.stdout, as_records.stderr


def test_a_json_reference_is_an_error_saying_the_same(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ferry left the harbour.\n", encoding="utf-8")
    (tmp_path / "ref.json").write_text(JSON, encoding="utf-8")
    r = run("score", "--ref", "ref.json", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and "--ref: ref.json: a JSON document, not a format mtfix reads:" in r.stderr, r.stderr


# -- 3. a table's key written at the top level, or a top-level key written in a table ------------------------------

@pytest.mark.parametrize(("toml", "said"), [
    ("max-line-length = 42\n", "mtfix.toml:1: unknown setting 'max-line-length': it belongs in the [subtitles] table"
                               " (write it under a [subtitles] line)"),
    ("select = []\nmax_cps = 20\n", "mtfix.toml:2: unknown setting 'max_cps': it belongs in the [subtitles] table"),
    ("port = 8081\n", "mtfix.toml:1: unknown setting 'port': it belongs in the [languagetool] table"),
    ("debounce-ms = 20\n", "mtfix.toml:1: unknown setting 'debounce-ms': it belongs in the [server] table"),
    ("slect = []\n", "mtfix.toml:1: unknown setting 'slect' (did you mean 'select'?)"),
    ("[subtitles]\nmax-cps = 20\nselect = [\"MTF1\"]\n", "mtfix.toml:3: [subtitles] 'select' is a top-level setting, "
     "not one of this table's: every key after a [subtitles] line belongs to that table, so move it above that line"),
    # a dotted key or an inline table has no table line to move it above (review of round 43)
    ('subtitles.select = ["MTF1"]\n', "mtfix.toml:1: [subtitles] 'select' is a top-level setting, not one of this "
     "table's: write it at the top level, not as subtitles.select or inside subtitles = {…}"),
    ('subtitles = {max-cps = 17, select = ["MTF1"]}\n', "write it at the top level, not as subtitles.select"),
])
def test_a_key_in_the_wrong_table_names_the_right_one(tmp_path: Path, toml: str, said: str) -> None:
    (tmp_path / "mtfix.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The ferry left.\n", encoding="utf-8")
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and said in r.stderr, r.stderr


def test_pyproject_names_its_own_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.mtfix]\nmax-line-length = 42\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The ferry left.\n", encoding="utf-8")
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and "it belongs in the [tool.mtfix.subtitles] table" in r.stderr, r.stderr


# -- 4. files that change under a batch ------------------------------------------------------------------------------

GARBLED = "The ferry left the the harbour.\n"


@pytest.mark.parametrize("command", ["check", "fix", "score", "review"])
def test_a_named_file_removed_mid_batch_says_so_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    import mtfix.batch as batch

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED, encoding="utf-8")
    real = batch.read_input

    def remove_b(path: str, **kwargs: bool) -> object:
        if path == "a.txt" and (tmp_path / "b.txt").exists():
            (tmp_path / "b.txt").unlink()
        return real(path, **kwargs)

    monkeypatch.setattr(batch, "read_input", remove_b)
    extra = ["-o", "r.html"] if command == "review" else []
    r = run(command, *extra, "a.txt", "b.txt", "c.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    assert "mtfix: error: b.txt: removed after the inputs were listed; not read" in r.stderr, r.stderr
    if command == "fix":
        assert (tmp_path / "a.txt").read_text() == (tmp_path / "c.txt").read_text() == "The ferry left the harbour.\n"
        assert not (tmp_path / "b.txt").exists()  # not written back


def test_fix_in_place_in_a_read_only_folder_names_the_folder_and_goes_on(tmp_path: Path) -> None:
    """The fixed file is written beside the original and renamed over it (atomic): a folder without write
    permission cannot take it, so the file is left as it was, named with the folder, and the batch goes on."""
    locked, free = tmp_path / "locked", tmp_path / "free"
    locked.mkdir()
    free.mkdir()
    (locked / "a.txt").write_text(GARBLED, encoding="utf-8")
    (free / "b.txt").write_text(GARBLED, encoding="utf-8")
    locked.chmod(0o555)
    try:
        args = ("fix", "locked/a.txt", "free/b.txt")
        r = without_root_powers(*args, cwd=tmp_path) if os.geteuid() == 0 else run_mtfix(*args, cwd=tmp_path)
        assert r.rc == 2 and not r.traceback, r.stderr
        assert f"mtfix: error: locked/a.txt: directory {locked.resolve()} is not writable; left unchanged" in r.stderr
        assert (locked / "a.txt").read_text(encoding="utf-8") == GARBLED
        assert sorted(p.name for p in locked.iterdir()) == ["a.txt"]  # no temporary file left
        assert (free / "b.txt").read_text(encoding="utf-8") == "The ferry left the harbour.\n"
    finally:
        locked.chmod(0o755)


def test_a_dotted_key_is_named_at_its_line(tmp_path: Path) -> None:
    """``a.b = 1`` said ``mtfix.toml: unknown setting 'a'``, no line."""
    (tmp_path / "mtfix.toml").write_text("select = []\nferry.boat = 1\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The ferry left.\n", encoding="utf-8")
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and "mtfix.toml:2: unknown setting 'ferry'" in r.stderr, r.stderr


def test_a_page_an_unclosed_quote_hides_says_so_naming_its_lines(tmp_path: Path) -> None:
    """MT closing an attribute's quote with a curly one hides the rest of the page from a browser and from the check:
    the reader says so (review of round 43: before, "0 findings", nothing said), naming the tag's line and the last
    line it hides; a page without one says nothing."""
    page = tmp_path / "m.html"
    page.write_text('<p>See <a href="page.html\u201d>the link</a> now.</p>\n<p>The the rest is here.</p>\n'
                    "<p>And the the end.</p>\n", encoding="utf-8")
    r = run_mtfix("check", page)
    assert r.rc == 0 and not r.traceback, r.stderr
    # a note: on standard error, from check as from fix (session 54; it was in check's report on standard output)
    assert "m.html: line 1: a tag or comment is never closed" in r.stderr and "nothing to line 3" in r.stderr, r.stderr
    page.write_text('<p>See <a href="page.html">the link</a> now.</p>\n', encoding="utf-8")
    assert "never closed" not in run_mtfix("check", page).stderr
