"""Session 16, a new user's bug hunt (round 5): the defects found, each a test written before its fix.

- ``glossaries = [""]`` (or ``rule-files``) in ``mtfix.toml`` was read as the settings folder and
  reported as "is a directory", not as the empty path it is; ``[languagetool] home = ""`` (or
  ``cache-dir``, ``java``) quietly meant the default.
- ``mtfix rules --select ''`` listed every rule where ``check --select ''`` refuses the empty value.
- Markdown joined with ``cat`` from files saved with a BOM: a U+FEFF (or a zero-width space, a word
  joiner) before a heading's ``#``, a list item's ``-`` or a quote's ``>`` in mid-file made CommonMark
  read the line as a paragraph, and MTF101's fix then lower-cased it ("\\ufeff# prices rose").
- ``score --ref r.txt a.txt b.txt`` compared each file with the one reference without a word (right for
  several systems' outputs of one source, a surprise for a file per reference), and ``score --ref r.txt
  *.txt`` scored the reference against itself (BLEU 100) among the rest.
- SubRip files saved with a BOM and joined with ``cat a.srt b.srt``: the U+FEFF before the second file's
  first cue number made the file "not a valid SubRip (.srt) file", so nothing in it was checked.
- ``fix -o out a.txt`` where ``out/a.txt`` is the input itself under another name (a hard link, a
  symbolic link, ``-o .``): the "output" was written through, changing the input that ``-o`` is given
  to keep.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.formats.markdown import markdown_spans
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # what is read and said, in process


@pytest.mark.parametrize("setting", ["glossaries", "rule-files", "extend"])
def test_an_empty_path_in_the_settings_file_is_named_as_such(tmp_path: Path, setting: str) -> None:
    (tmp_path / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    value = '""' if setting == "extend" else '[""]'
    (tmp_path / "mtfix.toml").write_text(f'# settings\n{setting} = {value}\n', encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "mtfix.toml:2" in lines[0] and setting in lines[0], run.stderr
    assert "empty path" in lines[0] and "directory" not in lines[0], run.stderr


@pytest.mark.parametrize("key", ["cache-dir", "home", "java"])
def test_an_empty_languagetool_path_is_named_as_such(tmp_path: Path, key: str) -> None:
    """``[languagetool] home = ""`` (a template's unset value) quietly meant the default."""
    (tmp_path / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text(f'[languagetool]\n{key} = ""\n', encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "mtfix.toml:2" in lines[0] and key in lines[0] and "empty path" in lines[0], run.stderr


@pytest.mark.parametrize("option", ["--select", "--pack"])
def test_rules_refuses_an_empty_selection_as_check_does(tmp_path: Path, option: str) -> None:
    (tmp_path / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    for command in (("check", "a.txt"), ("rules",)):
        run = run_mtfix(*command, option, "", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback and not run.stdout, (command, run.stdout[:200], run.stderr)
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and option in lines[0] and "empty" in lines[0], run.stderr
    assert run_mtfix("rules", option, " , ", cwd=tmp_path).rc == 2



@pytest.mark.parametrize("value", ['[""]', '" , "', '["", " "]'])
def test_a_settings_select_of_only_empty_entries_is_refused_as_the_option_is(tmp_path: Path, value: str) -> None:
    """``select = ["$CODES"]`` filled from an unset variable selected every rule, while ``--select ''`` is
    refused; an empty list (``select = []``) still means the default, and ``ignore = [""]`` ignores nothing."""
    (tmp_path / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text(f"# settings\nselect = {value}\n", encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback and not run.stdout, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "mtfix.toml:2" in lines[0] and "select" in lines[0] and "empty" in lines[0], run.stderr
    for fine in ("select = []", 'ignore = [""]'):
        (tmp_path / "mtfix.toml").write_text(f"{fine}\n", encoding="utf-8")
        assert run_mtfix("check", "a.txt", cwd=tmp_path).rc == 0, fine

STOCK = "It simply came to our notice then that, prices rose"


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b", "\u2060", "\ufeff\u200b"])
def test_a_mark_at_a_line_start_does_not_change_how_markdown_reads_it(mark: str) -> None:
    text = f"A cat sat.\n\n{mark}# Talks\n\n{mark}- # Aims\n\n{mark}> They met.\n\n{mark}Prices rose.\n"
    spans = markdown_spans(text)
    assert [text[h.start:h.end] for h in spans.headings] == ["Talks", "Aims"]
    assert [text[r.start:r.end] for r in spans.regions] == ["A cat sat.", "Talks", "Aims", "They met.",
                                                            mark + "Prices rose."]
    marked = [p for p in spans.protected if mark in text[p.start:p.end]]
    assert [text[p.start:p.end] for p in marked] == [mark + "#", mark + "- #", mark + ">"]


def test_concatenated_markdown_with_byte_order_marks(tmp_path: Path) -> None:
    """``cat a.md b.md > all.md`` of files saved with a BOM: the fixes as in the files apart, marks kept."""
    parts = ["# A cat sat\n\n", f"# {STOCK}\n\n", f"- {STOCK}.\n\n", f"> {STOCK}.\n\n", "# The the talks\n"]
    fixed = ["# A cat sat\n\n", "# Prices rose\n\n", "- Prices rose.\n\n", "> Prices rose.\n\n", "# The talks\n"]
    path = tmp_path / "all.md"
    path.write_bytes(b"".join(("\ufeff" + p).encode() for p in parts))
    run = run_mtfix("fix", path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert path.read_text(encoding="utf-8") == "".join("\ufeff" + p for p in fixed)


def test_one_reference_for_several_files_is_said(tmp_path: Path) -> None:
    for name, text in (("a.txt", "Prices rose in the city today.\n"), ("b.txt", "Prices rose in the town.\n"),
                       ("ref.txt", "Prices rose in the town today.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    one = run_mtfix("score", "--ref", "ref.txt", "a.txt", cwd=tmp_path)
    assert one.rc == 0 and not one.stderr, one.stderr  # one file, one reference: nothing to say
    two = run_mtfix("score", "--ref", "ref.txt", "a.txt", "b.txt", cwd=tmp_path)
    assert two.rc == 0 and two.stdout.count("BLEU") == 2, two.stderr
    lines = two.stderr.strip().splitlines()
    assert len(lines) == 1 and "ref.txt" in lines[0] and "2 files" in lines[0], two.stderr
    missing = run_mtfix("score", "--ref", "nowhere.txt", "a.txt", "b.txt", cwd=tmp_path)
    assert missing.rc == 2 and len(missing.stderr.strip().splitlines()) == 1, missing.stderr  # the error alone
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for args in (("ref.txt", "a.txt", "ref.txt"), ("ref.txt", "."), ("./ref.txt", "a.txt", "ref.txt")):
        run = run_mtfix("score", "--ref", *args, cwd=tmp_path)
        assert run.rc == 2 and not run.traceback and "BLEU" not in run.stdout, (args, run.stdout, run.stderr)
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and "--ref" in lines[0] and "itself" in lines[0], (args, run.stderr)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("number", [True, False])
def test_concatenated_subtitles_with_byte_order_marks(tmp_path: Path, number: bool) -> None:
    head = "1\n" if number else ""
    one = f"\ufeff{head}00:00:01,000 --> 00:00:02,000\nThe the talks ended.\n\n"
    two = f"\ufeff{head}00:00:03,000 --> 00:00:04,000\n{STOCK}.\n"
    path = tmp_path / "all.srt"
    path.write_bytes((one + two).encode())
    run = run_mtfix("fix", path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert path.read_text(encoding="utf-8") == (one.replace("The the", "The")
                                                + two.replace(STOCK, "Prices rose"))


@pytest.mark.parametrize("how", ["hard link", "symbolic link", "-o ."])
def test_fix_never_writes_an_output_that_is_an_input(tmp_path: Path, how: str) -> None:
    import os

    text = "The the talks ended.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    if how == "hard link":
        os.link(tmp_path / "b.txt", out / "b.txt")
    elif how == "symbolic link":
        (out / "b.txt").symlink_to(tmp_path / "b.txt")
    run = run_mtfix("fix", "-o", "." if how == "-o ." else "out", "a.txt", "b.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    lines = run.stderr.strip().splitlines()
    name = "a.txt" if how == "-o ." else "b.txt"
    assert len(lines) == 1 and name in lines[0] and "input" in lines[0], run.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == text  # nothing written
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == text
    assert not (out / "a.txt").exists()


# Checked and already right, kept as a guard: the language server counts lines as LSP clients do
# (at \n, \r\n and \r only; U+2028, U+2029, U+0085 and form feeds are characters of a line).
SEPARATED = ("A cat sat.\u2028The the talks \U0001f600 ended.\u2029It simply came to our notice then that, prices "
             "rose.\rSnow fell\u2028 the the day.\r\nThe the end.\x85The the x.\x0cThe the y.\n")


def _client_position(text: str, offset: int) -> tuple[int, int]:
    """(line, UTF-16 column) as an LSP client counts them, computed apart from the server's code."""
    import re

    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line, len(text[starts[line]:offset].encode("utf-16-le")) // 2


def test_language_server_lines_with_unicode_separators(tmp_path: Path) -> None:
    import asyncio
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "lsp"))
    from lsp_harness import Harness, apply_text_edits, edits_of
    from lsprotocol import types

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    root = tmp_path / "ws"
    (root / ".git").mkdir(parents=True)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri = (root / "a.txt").as_uri()
        h.open(uri, SEPARATED)
        diags = (await h.diagnostics(uri, 1)).diagnostics
        assert {str(d.code) for d in diags} >= {"MTF101", "MTF105"}
        for d in diags:
            assert (d.range.start.line, d.range.start.character) == _client_position(SEPARATED, d.data["start"])
            assert (d.range.end.line, d.range.end.character) == _client_position(SEPARATED, d.data["end"])
        repeated = next(d for d in diags if d.code == "MTF105")
        actions = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=repeated.range,
            context=types.CodeActionContext(diagnostics=[repeated])))
        fix_all = next(a for a in actions if isinstance(a, types.CodeAction) and a.kind == "source.fixAll.mtfix")
        resolved = await h.client.code_action_resolve_async(fix_all)
        fixed = apply_text_edits(SEPARATED, edits_of(resolved.edit, uri))
        assert fixed == Pipeline(Config(grammar="off")).fix(SEPARATED).text
        assert fixed.count("\u2028") == 2 and "\u2029" in fixed and "\x85" in fixed
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))
