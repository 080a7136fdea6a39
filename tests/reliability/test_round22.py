"""Reliability, round 22 (bench/RESULTS.md, "Session 31: reliability, round 22"): the two gaps session 30 left and
ordinary batches as a new user runs them.  Each test failed before its fix; the real CLI in a subprocess unless
noted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability.conftest import run_mtfix

# -- 1. a bare ignore directive on a line of its own in plain text is a directive, not prose -------------------

PLAIN = ("The minister said that prices rose , then fell.\n"
         "Prices rose , then fell on Monday.\n")
BARE = ("The minister said that prices rose , then fell.\n"
        "mtfix-ignore-next-line: MTF111\n"
        "Prices rose , then fell on Monday.\n")


def _found(name: str, cwd: Path) -> list[tuple[int, str, str]]:
    run = run_mtfix("check", "--format", "json", name, cwd=cwd)
    assert run.rc in (0, 1) and not run.traceback, run.stderr
    return [(f["line"], f["code"], f["text"]) for f in json.loads(run.out)["files"][0]["findings"]]


def test_a_bare_directive_line_in_plain_text_is_honoured_and_not_read_as_prose(tmp_path: Path) -> None:
    """``mtfix-ignore-next-line: MTF111`` alone on its line after a sentence silenced line 3's MTF111, but was read as
    that sentence's last words (a line starting with a small letter goes on with the sentence before it): an MTF401
    on ``'. mtfix-ignore-next-line:'`` that nothing silences.  Now the line is a directive only, as the comment form
    is: the findings are those of the text without it, less the code it silences."""
    (tmp_path / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "bare.txt").write_text(BARE, encoding="utf-8")
    plain = _found("plain.txt", tmp_path)
    bare = _found("bare.txt", tmp_path)
    assert (2, "MTF111", " ") in plain
    assert [(line + (line > 1), code, text) for line, code, text in plain if not (line == 2 and code == "MTF111")] \
        == bare
    assert not any(line == 2 for line, _, _ in bare), bare


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("line", ["mtfix-ignore: MTF401", "  mtfix-ignore-file: MTF111  ", "mtfix-ignore",
                                  "mtfix-ignore-next-line: MTF111, MTF4"])
def test_each_bare_directive_form_alone_on_its_line_is_no_sentence(line: str, end: str) -> None:
    """In process: the plain-text reader protects a line that holds only a directive (the codes' line, the next
    line's, the file's, and the bare ``mtfix-ignore``), and the segmenter reads it as a blank line."""
    from mtfix.formats.text import TextFormat
    from mtfix.segment import to_document

    text = f"Prices rose on Monday.{end}{line}{end}the talks went on.{end}"
    unit = TextFormat().load(text.encode(), "a.txt", {}).units[0]
    doc = to_document(unit.text, protected=unit.protected, joins=unit.joins)
    at = text.index(line)
    assert any(p.start <= at and at + len(line) <= p.end for p in unit.protected)
    assert [text[s.start:s.end] for s in doc.segments] == ["Prices rose on Monday.", "the talks went on."]


@pytest.mark.parametrize("text", [
    "Prices rose , then fell. mtfix-ignore: MTF111\n",  # after a sentence on its line: prose, as the docs say
    "The mtfix-ignore: MTF111 directive is explained below.\n",
    "mtfix-ignore-next-line: MTF111 applies to the line after it.\n",  # words after the codes: a sentence
])
def test_a_directive_with_prose_on_its_line_is_read_as_before(text: str) -> None:
    from mtfix.formats.text import TextFormat

    assert TextFormat().load(text.encode(), "a.txt", {}).units[0].protected == []


def test_fix_keeps_a_bare_directive_line_byte_for_byte(tmp_path: Path) -> None:
    """The directive line is protected: ``fix`` mends the other lines (not the one it silences) and leaves it."""
    raw = BARE.replace("\n", "\r\n").encode()
    (tmp_path / "bare.txt").write_bytes(raw)
    run = run_mtfix("fix", "bare.txt", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    out = (tmp_path / "bare.txt").read_bytes()
    assert out == raw.replace(b"rose , then fell.\r\nmtfix", b"rose, then fell.\r\nmtfix"), out


def test_a_bare_directive_line_in_markdown_is_read_as_before(tmp_path: Path) -> None:
    """Markdown renders a bare directive as a paragraph: the comment form is the one to use there (unchanged)."""
    from mtfix.formats.markdown import MarkdownFormat

    unit = MarkdownFormat().load(BARE.encode(), "a.md", {}).units[0]
    at = BARE.index("mtfix-ignore")
    assert not any(p.start <= at < p.end for p in unit.protected)


# -- 2. a URL where a file belongs names the URL and says mtfix downloads nothing ------------------------------

URL = "https://example.com/share/terms.tsv"


@pytest.mark.parametrize("args", [
    ("check", "-g", URL, "a.txt"),
    ("check", "--rules", URL, "a.txt"),
    ("check", "--config", URL, "a.txt"),
    ("score", "--ref", URL, "a.txt"),
    ("glossary", "validate", URL),
    ("glossary", "convert", URL, "-o", "out.tsv"),
    ("glossary", "mine", URL, "-o", "out.tsv"),
    ("check", "a.txt", "SETTINGS"),
])
def test_a_url_where_a_file_belongs_is_named_as_typed(tmp_path: Path, args: tuple[str, ...]) -> None:
    """``--glossary https://example.com/g.tsv`` said ``https:/example.com/g.tsv: no such file`` (one slash lost,
    no word of why): mtfix reads files on this machine and downloads nothing.  Now the URL is named as typed,
    and the user is told to download it first; exit 2, nothing written."""
    (tmp_path / "a.txt").write_text("Prices rose , then fell.\n")
    if args[-1] == "SETTINGS":
        (tmp_path / "mtfix.toml").write_text(f'glossaries = ["{URL}"]\n')
        args = args[:-1]
    before = sorted(p.name for p in tmp_path.iterdir())
    run = run_mtfix(*args, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, (run.rc, run.stderr)
    assert URL in run.stderr and "downloads nothing" in run.stderr, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# -- 3. `--format` on a command that has none says what gives that report --------------------------------------

@pytest.mark.parametrize("args, wanted", [
    (("fix", "--format", "json"), "mtfix check --format json"),
    (("fix", "--format=sarif"), "mtfix check --format json"),
    (("review", "--format", "json"), "mtfix check --format json"),
])
def test_format_on_a_command_without_one_says_which_command_has_it(tmp_path: Path, args: tuple[str, ...],
                                                                   wanted: str) -> None:
    """``fix --format json`` said ``No such option: --format (Possible options: --input-format)``: click's nearest
    spelling, which names the input's format, not the report's.  Now it says what gives a JSON report; exit 2,
    nothing written."""
    (tmp_path / "a.txt").write_text("Prices rose , then fell.\n")
    run = run_mtfix(*args, "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert wanted in run.stderr and "Possible options" not in run.stderr, run.stderr
    assert (tmp_path / "a.txt").read_text() == "Prices rose , then fell.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


# -- 4. `score --ref A --ref B`: the first reference was dropped without a word ---------------------------------

def test_two_references_are_refused_not_one_dropped(tmp_path: Path) -> None:
    """``score --ref r1.txt --ref r2.txt h.txt`` scored against r2.txt alone (``nrefs:1``), r1.txt dropped silently
    (click keeps an option's last value): a user who meant two references got figures for one.  Now exit 2 naming
    both, nothing scored."""
    (tmp_path / "h.txt").write_text("Prices rose.\nThey fell.\n")
    (tmp_path / "r1.txt").write_text("Prices rose.\nThey fell.\n")
    (tmp_path / "r2.txt").write_text("Prices went up.\nThen they fell.\n")
    run = run_mtfix("score", "--ref", "r1.txt", "--ref", "r2.txt", "h.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "--ref" in run.stderr and "r1.txt" in run.stderr and "r2.txt" in run.stderr, run.stderr
    assert "BLEU" not in run.stdout
    one = run_mtfix("score", "--ref", "r2.txt", "h.txt", cwd=tmp_path)
    assert one.rc == 0 and "BLEU" in one.stdout


@pytest.mark.parametrize("args, named", [
    (("check", "--config", "c1.toml", "--config", "c2.toml", "a.txt"), ("c1.toml", "c2.toml")),
    (("check", "--config=c1.toml", "--config", "c2.toml", "a.txt"), ("c1.toml", "c2.toml")),
    (("fix", "-o", "o1", "-o", "o2", "a.txt"), ("o1", "o2")),
    (("fix", "-oo1", "--output-dir", "o2", "a.txt"), ("o1", "o2")),
    (("review", "-o", "r1.html", "-o", "r2.html", "a.txt"), ("r1.html", "r2.html")),
    (("glossary", "convert", "g.tsv", "-o", "g1.csv", "-o", "g2.csv"), ("g1.csv", "g2.csv")),
])
def test_a_file_option_given_twice_is_refused_naming_both(tmp_path: Path, args: tuple[str, ...],
                                                          named: tuple[str, str]) -> None:
    """``--config c1.toml --config c2.toml`` read c2.toml alone, ``fix -o o1 -o o2`` wrote to o2: click keeps an
    option's last value, the first dropped without a word.  Now exit 2 naming both; nothing written."""
    (tmp_path / "a.txt").write_text("Prices rose , then fell.\n")
    (tmp_path / "c1.toml").write_text('select = ["MTF111"]\n')
    (tmp_path / "c2.toml").write_text('select = ["MTF206"]\n')
    (tmp_path / "g.tsv").write_text("term\tvariants\nBaku\tBakı\n")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    run = run_mtfix(*args, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert all(n in run.stderr for n in named) and "given 2 times" in run.stderr, run.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_file_option_given_twice_with_one_value_still_runs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Prices rose , then fell.\n")
    (tmp_path / "c1.toml").write_text('select = ["MTF111"]\n')
    run = run_mtfix("check", "--config", "c1.toml", "--config", "c1.toml", "a.txt", cwd=tmp_path)
    assert run.rc == 0 and "MTF111" in run.stdout, run.stderr


def test_glossary_convert_into_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    """``glossary convert g.tsv -o out`` (a folder) said ``cannot tell the output format from 'out': give --to``;
    given --to, it said the folder is a directory.  Now it says so at once; exit 2, nothing written."""
    (tmp_path / "g.tsv").write_text("term\tvariants\nBaku\tBakı\n")
    (tmp_path / "out").mkdir()
    run = run_mtfix("glossary", "convert", "g.tsv", "-o", "out", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert "out: is a directory, not a file" in run.stderr and "--to" not in run.stderr, run.stderr
    assert list((tmp_path / "out").iterdir()) == []


# -- 5. a stop that lands just after a file's rename counted that file as not written ---------------------------

@pytest.mark.parametrize("under_o", [False, True])
def test_a_stop_right_after_a_rename_counts_that_file_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str],
                                                                 under_o: bool) -> None:
    """SIGTERM during ``fix`` of 150 files (real run, 6 s in): ``stopped (SIGTERM) after writing 42 of 150 file(s)
    (the other 108 are as they were)`` while 43 files were fixed on disk: the signal landed after the 43rd file's
    rename, before the batch counted it.  Here an interrupt is raised right after the second rename (in process):
    the stop line counts and names the file the rename wrote."""
    import mtfix.io.textfile as textfile
    from mtfix.cli import run

    garbled = "Prices of oilgas rose , officials said.\n"
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(garbled)
    real_replace = textfile.os.replace
    calls: list[str] = []

    def replace_then_stop(src: str, dst: object) -> None:
        real_replace(src, dst)
        if str(dst).endswith(".txt"):  # not the parse cache's files
            calls.append(str(dst))
        if len(calls) == 2 and str(dst).endswith(".txt"):
            raise KeyboardInterrupt

    monkeypatch.setattr(textfile.os, "replace", replace_then_stop)
    out = tmp_path / "out"
    args = ["fix", "--grammar", "off", *(str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt"))]
    assert run([*args, "-o", str(out)] if under_o else args) == 130
    err = capsys.readouterr().err
    where = out if under_o else tmp_path
    changed = sorted(p.name for p in where.rglob("*.txt") if p.read_text() != garbled)
    assert len(changed) == 2, changed
    assert "after writing 2 of 3 file(s) (the other 1 is as it was)" in err, err
    assert f"fixed {tmp_path / 'b.txt'}" in err, err
