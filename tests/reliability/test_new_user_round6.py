"""Session 17, a new user's bug hunt (round 6): the defects found, each a test written before its fix.

- An option value (or a settings value) of 100,000 characters was echoed whole in its one-line
  error: a 100 KB "line" on the terminal or in a CI log.
- ``check --text-field txt a.jsonl`` where no record has the field ``txt`` (a typo): every record
  "kept unchanged", exit 0 and "0 findings", so a CI job passed having checked nothing; the same
  typo in ``--column`` of a CSV is an input error (exit 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import run_mtfix

LONG = "x" * 100_000


@pytest.mark.parametrize("args", [
    ("explain", LONG),
    ("check", "--select", LONG, "a.txt"),
    ("check", "--pack", LONG, "a.txt"),
    ("check", "--format", LONG, "a.txt"),
    ("check", "--jobs", LONG, "a.txt"),
    ("check", "--lt-url", LONG, "a.txt"),
    ("check", "--encoding", LONG, "a.txt"),
    ("check", "-g", LONG, "a.txt"),
    ("check", f"--select=MTF105,{LONG}", "a.txt"),
    ("check", "--source-lang", "xx" + "-abcd" * 20_000, "a.txt"),  # (az-…: az-en since session 20, no warning)
    ("check", LONG),
    ("fix", "-o", LONG, "a.txt"),
    ("score", "--ref", LONG, "a.txt"),
    ("glossary", "convert", LONG, "-o", "g.tsv"),
    (LONG,),
])
def test_a_very_long_option_value_is_not_echoed_whole(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "a.txt").write_text("The the cat sat.\n", encoding="utf-8")
    run = run_mtfix(*args, cwd=tmp_path)
    assert not run.traceback, run.stderr[:500]
    assert len(run.stderr) < 1_000, run.stderr[:500]
    assert "100,000 characters" in run.stderr or "100,002 characters" in run.stderr, run.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "The the cat sat.\n"


@pytest.mark.parametrize("key", ["select", "grammar", "fail-on", "source-lang"])
def test_a_very_long_settings_value_is_not_echoed_whole(tmp_path: Path, key: str) -> None:
    (tmp_path / "a.txt").write_text("The the cat sat.\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text(f'{key} = "{LONG}"\n', encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr[:500]
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "mtfix.toml:1" in lines[0] and key in lines[0], run.stderr[:500]
    assert len(lines[0]) < 400 and "100,000 characters" in lines[0], lines[0][:500]


def test_a_short_value_and_a_long_file_name_are_still_shown_whole(tmp_path: Path) -> None:
    """Only long values are cut: a real (long) path in an error stays whole, so the file is named."""
    folder = tmp_path / ("d" * 120) / ("e" * 120)
    folder.mkdir(parents=True)
    bad = folder / "bad.txt"
    bad.write_bytes(b"caf\xe9 the the\n")
    run = run_mtfix("check", bad, "--select", "NOPE", cwd=tmp_path)
    assert run.rc == 2 and "'NOPE'" in run.stderr, run.stderr
    run = run_mtfix("check", bad, cwd=tmp_path)
    assert run.rc == 2 and str(bad) in run.stderr, run.stderr


def test_a_text_field_no_record_has_is_an_input_error(tmp_path: Path) -> None:
    data = b'{"text": "The the cat sat."}\n{"text": "Fine."}\n'
    (tmp_path / "a.jsonl").write_bytes(data)
    for command in ("check", "fix"):
        run = run_mtfix(command, "--text-field", "txt", "a.jsonl", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback, (command, run.stderr)
        errors = [line for line in run.stderr.splitlines() if "error" in line]
        assert len(errors) == 1 and "a.jsonl" in errors[0] and "'txt'" in errors[0] and "text" in errors[0], run.stderr
    assert (tmp_path / "a.jsonl").read_bytes() == data


def test_a_text_field_some_records_lack_is_still_a_note(tmp_path: Path) -> None:
    """Records without the field among records with it: kept unchanged, noted, exit not affected."""
    (tmp_path / "a.jsonl").write_bytes(b'{"text": "The the cat sat."}\n{"other": "Fine."}\n')
    run = run_mtfix("fix", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert run.rc == 0 and "line 2: no field 'text'" in run.stderr, run.stderr
    assert (tmp_path / "a.jsonl").read_bytes() == b'{"text": "The cat sat."}\n{"other": "Fine."}\n'


@pytest.mark.parametrize("encoding", ["idna", "undefined"])
def test_an_encoding_that_cannot_decode_the_file_is_an_input_error(tmp_path: Path, encoding: str) -> None:
    """``--encoding idna`` (or ``undefined``) on a Latin-1 file: ``mtfix: internal error: UnicodeError``."""
    data = b"He said \xab the the cat \xbb.\n"
    (tmp_path / "a.txt").write_bytes(data)
    for command in ("check", "fix"):
        run = run_mtfix(command, "--encoding", encoding, "a.txt", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback and "internal error" not in run.stderr, run.stderr
        errors = [line for line in run.stderr.splitlines() if "error" in line]
        assert len(errors) == 1 and errors[0].startswith("mtfix: error: a.txt:1: ") and encoding in errors[0], run.stderr
    assert (tmp_path / "a.txt").read_bytes() == data


@pytest.mark.parametrize("charset", ["rot13", "base64", "undefined", "utf-16", "cp037"])
def test_a_po_charset_gettext_cannot_read_is_an_input_error(tmp_path: Path, charset: str) -> None:
    """A PO header's charset that is no text encoding (``rot13``: ``mtfix: internal error: LookupError``)
    or not ASCII-compatible (``utf-16`` without a BOM, EBCDIC: the file decoded as garbage)."""
    data = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
            'msgid "a"\nmsgstr "The the cat sat."\n').encode("ascii")
    (tmp_path / "a.po").write_bytes(data)
    for command in ("check", "fix"):
        run = run_mtfix(command, "a.po", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback and "internal error" not in run.stderr, run.stderr
        errors = [line for line in run.stderr.splitlines() if "error" in line]
        assert len(errors) == 1 and errors[0].startswith("mtfix: error: a.po:3: ") and charset in errors[0], run.stderr
    assert (tmp_path / "a.po").read_bytes() == data


def test_a_po_charset_unknown_to_python_still_reads_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=x-unknown\\n"\n\n'
                                    b'msgid "a"\nmsgstr "The the cat sat."\n')
    run = run_mtfix("fix", "a.po", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "a.po").read_bytes().endswith(b'msgstr "The cat sat."\n')


def test_a_json_lines_file_with_no_object_line_is_an_input_error(tmp_path: Path) -> None:
    """Pretty-printed JSON saved as ``.jsonl``: every line "invalid JSON; kept unchanged", exit 0,
    fluency 100: nothing was read."""
    data = b'{\n  "text": "The the cat sat."\n}\n'
    (tmp_path / "a.jsonl").write_bytes(data)
    for command in ("check", "fix", "score"):
        run = run_mtfix(command, "--text-field", "text", "a.jsonl", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback, (command, run.stderr)
        errors = [line for line in run.stderr.splitlines() if "error" in line]
        assert len(errors) == 1 and errors[0].startswith("mtfix: error: a.jsonl:1: "), run.stderr
        assert "no line is a JSON object" in errors[0], run.stderr
    assert (tmp_path / "a.jsonl").read_bytes() == data


def test_glossary_convert_to_standard_output(tmp_path: Path) -> None:
    """``glossary convert g.yaml --to tsv -o -`` wrote a file named ``-`` in the current folder, where
    ``glossary mine -o -``, ``review -o -`` and ``fix -`` write standard output."""
    (tmp_path / "g.yaml").write_text("entries:\n  - term: Ilham Aliyev\n    variants: [Ilham Aliev]\n", encoding="utf-8")
    run = run_mtfix("glossary", "convert", "g.yaml", "--to", "tsv", "-o", "-", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert run.stdout.startswith("term\tvariants\t") and "\nIlham Aliyev\tIlham Aliev\t" in run.stdout, run.stdout
    assert not (tmp_path / "-").exists()
    assert "standard output" in run.stderr, run.stderr
    run = run_mtfix("glossary", "convert", "g.yaml", "-o", "-", cwd=tmp_path)
    assert run.rc == 2 and "--to" in run.stderr and not (tmp_path / "-").exists(), run.stderr


@pytest.mark.parametrize("args", [
    ("review", "-o", "-", "a.txt"),
    ("glossary", "mine", "a.txt", "-o", "-"),
    ("glossary", "convert", "g.yaml", "--to", "tsv", "-o", "-"),
    ("fix", "--decisions", "d.json", "--diff", "a.txt"),
    ("fix", "--decisions", "d.json", "-"),
])
def test_standard_output_closed_early_ends_with_141_silently(tmp_path: Path, args: tuple[str, ...]) -> None:
    """``review -o - a.txt | head -c 100``: ``mtfix: error: -: cannot write the report (Broken pipe)``,
    exit 2 (``glossary mine -o -``: ``mtfix: error: [Errno 32] Broken pipe``), where every other
    command ends silently with 141 (docs/files.md)."""
    import subprocess
    import sys

    from tests.reliability.conftest import REPO, with_grammar_off

    (tmp_path / "a.txt").write_text("Ilham Aliyev met Ilham Aliyev. The the cat sat.\n" * 50, encoding="utf-8")
    (tmp_path / "g.yaml").write_text("entries:\n  - term: Ilham Aliyev\n    variants: [Ilham Aliev]\n", encoding="utf-8")
    if "--decisions" in args:  # every edit of the report accepted, as its Export button writes them
        import json

        from tests.review.test_decisions import decisions_doc, payloads

        assert run_mtfix("review", "--grammar", "off", "-q", "-o", "r.html", "a.txt", cwd=tmp_path).rc == 0  # as fix
        payload = payloads((tmp_path / "r.html").read_text(encoding="utf-8"))[0]
        if args[-1] == "-":
            payload["path"] = "-"
        (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mtfix", *with_grammar_off(args)], cwd=tmp_path,
                            stdin=(tmp_path / "a.txt").open("rb"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) == 141, stderr
    assert "Traceback" not in stderr and "error" not in stderr, stderr


@pytest.mark.parametrize("kind", ["devnull", "fifo", "loop"])
def test_a_settings_file_that_is_no_regular_file_is_not_passed_over(tmp_path: Path, kind: str) -> None:
    """``sub/mtfix.toml`` a link to ``/dev/null`` (a way to "turn settings off"), a FIFO, or a link
    loop: the first two were passed over without a word, so the parent folder's settings applied; a
    loop was called a "broken symbolic link (its target does not exist)"."""
    import os

    (tmp_path / "mtfix.toml").write_text('select = ["MTF101"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text("The the cat sat.\n", encoding="utf-8")
    own = sub / "mtfix.toml"
    if kind == "devnull":
        own.symlink_to("/dev/null")
    elif kind == "fifo":
        os.mkfifo(own)
    else:
        own.symlink_to(own)
    for command in ("check", "fix"):
        run = run_mtfix(command, "sub/a.txt", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback, (command, run.stdout, run.stderr)
        line = run.stderr.strip().splitlines()[0]
        assert "sub/mtfix.toml" in line and "settings file not read" in line, run.stderr
        assert ("loop" in line) if kind == "loop" else ("FIFO" in line or "device" in line), run.stderr
    assert (sub / "a.txt").read_text(encoding="utf-8") == "The the cat sat.\n"


@pytest.mark.parametrize("kind", ["devnull", "loop"])
def test_extend_names_why_its_target_is_no_settings_file(tmp_path: Path, kind: str) -> None:
    """``extend = "/dev/null"`` (or a link loop) said ``no such file``."""
    target = tmp_path / "base.toml"
    if kind == "devnull":
        target.symlink_to("/dev/null")
    else:
        target.symlink_to(target)
    (tmp_path / "mtfix.toml").write_text('extend = "base.toml"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The cat sat.\n", encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    line = run.stderr.strip().splitlines()[0]
    assert "mtfix.toml:1: extend:" in line and "no such file" not in line, line
    assert ("loop" in line) if kind == "loop" else ("device" in line), line


@pytest.mark.parametrize("setting", [
    'glossaries = ["\\u001b]0;pwned\\u0007names.yaml"]',
    'rule-files = ["rules\\u001b[2J\\r.yaml"]',
    'extend = "base\\rall fine, nothing to see.toml"',
])
def test_a_settings_file_cannot_put_control_characters_on_the_terminal(tmp_path: Path, setting: str) -> None:
    """A cloned repository's ``mtfix.toml`` naming a file with terminal escapes (retitle, clear the
    screen) or a carriage return (which writes over the error): the error echoed the path raw, so the
    terminal obeyed."""
    (tmp_path / "a.txt").write_text("The cat sat.\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text(setting + "\n", encoding="utf-8")
    for args in (("check", "a.txt"), ("fix", "a.txt")):
        run = run_mtfix(*args, cwd=tmp_path)
        assert run.rc == 2 and not run.traceback, run.stderr
        assert not any(c in run.stderr for c in "\x1b\x07\r"), repr(run.stderr)
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and "mtfix.toml:1" in lines[0], repr(run.stderr)
        assert "\\x1b" in lines[0] or "\\r" in lines[0], repr(run.stderr)


def test_fix_o_with_standard_input_says_where_the_text_went(tmp_path: Path) -> None:
    """``mtfix fix -o out -``: the fixed text went to standard output and ``-o`` was ignored without a
    word (``--diff -o out`` says so)."""
    run = run_mtfix("fix", "-o", "out", "-", stdin=b"The the cat sat.\n", cwd=tmp_path)
    assert run.rc == 0 and run.out == b"The cat sat.\n", run.stderr
    assert not (tmp_path / "out").exists()
    warning = [line for line in run.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and "standard input" in warning[0] and "out" in warning[0], run.stderr
