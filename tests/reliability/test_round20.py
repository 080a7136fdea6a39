"""Reliability, round 20 (bench/RESULTS.md, "Session 29: reliability, round 20"): the gaps left by round 19 and
ordinary batches as a new user runs them.  Each test failed before its fix; the real CLI in a subprocess unless
noted."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.reliability.conftest import run_mtfix

GARBLED = "The the talks went on , said he.\n"


# -- 1. a field no record has names the option or settings key that chose it ----------------------------------

@pytest.mark.parametrize("name, body", [
    ("a.jsonl", '{"id": 1, "body": "Hello there."}\n'),
    ("a.csv", "id,body\n1,Hello there.\n"),
    ("a.tsv", "id\tbody\n1\tHello there.\n"),
])
def test_a_missing_text_field_names_the_option_and_the_fields(tmp_path: Path, name: str, body: str) -> None:
    """``--text-field text`` over records without ``text`` said ``no record has the field 'text'`` (CSV: ``no
    column 'text' in the header row``) without naming what chose the field, though ``--source-field`` and
    ``--id-field`` were named: now ``of --text-field`` / ``for --text-field``, with the fields the records have."""
    (tmp_path / name).write_text(body)
    run = run_mtfix("check", "--text-field", "text", name, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert f"{name}:1:" in run.stderr and "--text-field" in run.stderr, run.stderr
    assert "'body'" in run.stderr or "body" in run.stderr.split("columns:")[-1]
    assert (tmp_path / name).read_text() == body


@pytest.mark.parametrize("name, body", [
    ("a.jsonl", '{"id": 1, "body": "Hello there."}\n'),
    ("a.csv", "id,body\n1,Hello there.\n"),
])
def test_a_missing_text_field_from_the_settings_names_the_key_and_file(tmp_path: Path, name: str, body: str) -> None:
    """A ``text-field`` set in ``mtfix.toml`` is named as the settings key and the file and line that set it (the
    user never typed ``--text-field``)."""
    (tmp_path / "mtfix.toml").write_text('# records\ntext-field = "text"\n')
    (tmp_path / name).write_text(body)
    run = run_mtfix("fix", name, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert "text-field (" in run.stderr and "mtfix.toml:2)" in run.stderr, run.stderr
    assert "--text-field" not in run.stderr
    assert (tmp_path / name).read_text() == body


# -- 2. an office document on standard input -------------------------------------------------------------------

def _zip(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for part, text in parts.items():
            z.writestr(part, text)
    return buf.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document>Hello.</w:document>"})
ODT = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})
XLSX = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


@pytest.mark.parametrize("command", ["check", "fix", "score"])
@pytest.mark.parametrize("raw, kind", [
    (DOCX, "a Word document"), (ODT, "an OpenDocument text"), (XLSX, "an Excel workbook"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "a PDF"), (b"{\\rtf1\\ansi The the talks went on.}", "an RTF document"),
])
def test_an_office_document_on_standard_input_is_named(command: str, raw: bytes, kind: str) -> None:
    """``mtfix fix - < report.docx`` said ``-: binary data (NUL bytes)`` (an RTF was checked as text) while a named
    ``report.docx`` is told what to export it as: standard input is now known by the same first bytes."""
    run = run_mtfix(command, "-", stdin=raw)
    assert run.rc == 2 and not run.traceback
    assert f"-: {kind}, not a format mtfix reads" in run.stderr and "export it as" in run.stderr, run.stderr
    assert command != "fix" or run.out == b""


def test_plain_text_on_standard_input_is_still_read() -> None:
    run = run_mtfix("fix", "-", stdin=GARBLED.encode())
    assert run.rc == 0 and run.stdout == "The talks went on, said he.\n", (run.stdout, run.stderr)


# -- 3. a cache writer killed mid-write leaves no temporary file for ever ------------------------------------------

_KILLED_WRITER = r'''
import multiprocessing as mp, os, sys, time
from mtfix.caching import cache
from mtfix.parallel import end_with_the_parent

def write(_):
    def stuck(src, dst):  # the entry's bytes are in its temporary file: block before the rename
        open(os.path.join(sys.argv[1], "worker.pid"), "w").write(str(os.getpid()))
        time.sleep(600)
    os.replace = stuck
    cache.remember(b"some rule pack", "test-kind", {"rules": [1, 2, 3]})

if __name__ == "__main__":
    ctx = mp.get_context("fork")
    with ctx.Pool(1, initializer=end_with_the_parent) as pool:
        pool.map(write, [0])
'''


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux) and fork")
def test_a_cache_writer_killed_mid_write_leaves_a_temporary_file_the_next_run_removes(tmp_path: Path) -> None:
    """A worker ended by the parent watch (``parallel.end_with_the_parent``, after its batch was SIGKILLed) while it
    wrote a parse-cache entry left ``parsed/.tmp-RANDOM.marshal`` for ever.  Now the next mtfix that writes into
    that folder removes temporary files no writer has touched for ten minutes (a live writer's young one stays)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.reliability.conftest import REPO

    cache_dir = tmp_path / "cache"
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(cache_dir))
    env.pop("MTFIX_NO_CACHE", None)
    script = tmp_path / "writer.py"
    script.write_text(_KILLED_WRITER)
    parent = subprocess.Popen([sys.executable, str(script), str(tmp_path)], env=env)
    pid_file = tmp_path / "worker.pid"
    deadline = time.monotonic() + 120
    while not pid_file.exists() and parent.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pid_file.exists(), "the worker never reached the rename"
    worker = int(pid_file.read_text())
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{worker}").exists(), "the parent watch did not end the worker"
    parsed = cache_dir / "parsed"
    left = sorted(parsed.glob(".tmp-*.marshal"))
    assert len(left) == 1, "the killed writer left no temporary file: the test did not exercise the case"
    os.utime(left[0], (time.time() - 3600, time.time() - 3600))
    young = parsed / ".tmp-livewriter.marshal"
    young.write_bytes(b"being written")
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("check", "a.txt", cwd=tmp_path, env={"MTFIX_CACHE_DIR": str(cache_dir)})
    assert run.rc in (0, 1) and "MTF" in run.stdout and not run.traceback, run.stderr
    assert not left[0].exists(), "the stale temporary file is still there"
    assert young.exists(), "a young temporary file (a live writer's) was removed"
    assert any(p.suffix == ".marshal" and not p.name.startswith(".") for p in parsed.iterdir())


# -- 4. a library caller turns off the settings' id-field (and source-field) ---------------------------------------

def test_process_id_field_false_means_none_over_the_settings() -> None:
    """With ``id-field = "key"`` in the settings, ``process(..., id_field=None)`` is "not given" (the settings'
    field, as ``text_field=None`` is), and no argument said "no id field": a caller had to rebuild the Config
    without it.  Decided: ``id_field=False`` (and ``source_field=False``) means none, whatever the settings say."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.records import process

    pipeline = Pipeline(Config(grammar="off", id_field="key", source_field="src"))
    records = [{"key": "k1", "src": "Danışıqlar davam etdi.", "text": "The talks went on."}]
    given = next(process(pipeline, records, mode="check"))
    assert given.id == "k1"  # not given: the settings' field
    off = next(process(pipeline, records, mode="check", id_field=False, source_field=False))
    assert off.ok and off.id == 0, off  # none: the record's index
    explicit = next(process(pipeline, [{"id": "x", "text": "The talks went on."}], mode="check", id_field="id"))
    assert explicit.id == "x"


@pytest.mark.parametrize("bad", [True, 0, ""])
def test_process_id_field_takes_no_other_non_name(bad: object) -> None:
    from mtfix.config import Config
    from mtfix.errors import ConfigError
    from mtfix.pipeline import Pipeline
    from mtfix.records import process

    with pytest.raises(ConfigError, match="id_field"):
        next(process(Pipeline(Config(grammar="off")), [{"text": "Hi."}], id_field=bad))


def test_text_field_false_is_an_error_naming_it() -> None:
    from mtfix.config import Config
    from mtfix.errors import ConfigError
    from mtfix.pipeline import Pipeline
    from mtfix.records import process

    with pytest.raises(ConfigError, match="text_field"):
        next(process(Pipeline(Config(grammar="off", text_field="body")), [{"text": "Hi."}], text_field=False))


# -- probes: two `mtfix fix` runs on the same folder at once --------------------------------------------------------

def test_a_file_already_holding_the_fix_is_no_write_failure(tmp_path: Path) -> None:
    """In process: ``fix`` read ``old``; meanwhile another program (a second ``mtfix fix`` on the same folder) wrote
    exactly the bytes this one would write.  It was ``changed after mtfix read it ...; left as it is``, an error
    (exit 2) though the file holds the fix; now it counts as written, the file untouched (same inode)."""
    from mtfix.io.textfile import WriteError, atomic_write

    target = tmp_path / "a.txt"
    target.write_bytes(b"fixed\n")
    inode = target.stat().st_ino
    atomic_write(target, b"fixed\n", expected=b"garbled\n")
    assert target.read_bytes() == b"fixed\n" and target.stat().st_ino == inode
    assert not [p for p in tmp_path.iterdir() if p.name != "a.txt"]
    target.write_bytes(b"something else\n")  # a real change by another program is still refused
    with pytest.raises(WriteError, match="changed after mtfix read it"):
        atomic_write(target, b"fixed\n", expected=b"garbled\n")
    assert target.read_bytes() == b"something else\n"


def test_two_fix_runs_on_one_folder_at_once_both_succeed(tmp_path: Path) -> None:
    """Two ``mtfix fix`` runs over the same 300 files at once (a pre-commit hook and an editor's save action): the
    one that came second failed every file the other had fixed first (``changed after mtfix read it``, exit 2),
    though every file ended as one run leaves it.  Both now exit 0 and the files are as one run leaves them."""
    import os
    import subprocess
    import sys

    from tests.reliability.conftest import REPO

    for n in range(300):
        (tmp_path / "news" / f"d{n // 100}").mkdir(parents=True, exist_ok=True)
        (tmp_path / "news" / f"d{n // 100}" / f"f{n:03d}.txt").write_text(GARBLED * 3)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1")
    runs = [subprocess.Popen([sys.executable, "-m", "mtfix", "fix", "--grammar", "off", "-q", "news"], cwd=tmp_path,
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    errors = [run.communicate(timeout=300)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    assert all(p.read_text() == "The talks went on, said he.\n" * 3 for p in (tmp_path / "news").rglob("*.txt"))
    assert not [p for p in (tmp_path / "news").rglob("*") if "mtfix-tmp" in p.name]


# -- probes: a settings file with a syntax error at line N --------------------------------------------------------

@pytest.mark.parametrize("toml, opened, found", [
    ('grammar = "off"\nfail-on = "major"\n\nglossaries = ["a.tsv"\ntext-field = "x"\n', "'[' opened on line 4", ":5:"),
    ('grammar = "off"\nrule-files = [\n  "a.yaml",\n\n[subtitles]\n', "'[' opened on line 2", ":5:"),
    ('a = [\n  "x",  # a comment with ] in it\n  "]",\n  {b = 1},\nfail-on = "major"\n', "'[' opened on line 1", ":5:"),
])
def test_an_unclosed_bracket_in_the_settings_names_the_line_it_opened_on(tmp_path: Path, toml: str, opened: str,
                                                                        found: str) -> None:
    """``glossaries = ["a.tsv"`` (no ``]``) on line 4 was ``mtfix.toml:5:1: not valid TOML: Unclosed array``: line
    5 is right as far as it goes (where the TOML reader gave up), but nothing on it is wrong.  The message now
    names the line the bracket was opened on too."""
    (tmp_path / "mtfix.toml").write_text(toml)
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert f"mtfix.toml{found}" in run.stderr and "not valid TOML" in run.stderr, run.stderr
    assert opened in run.stderr, run.stderr


# -- probes: environment variables with odd values -----------------------------------------------------------------

@pytest.mark.parametrize("command", [("check", "a.txt"), ("fix", "a.txt"), ("cache", "info")])
def test_a_cache_dir_with_an_unknown_user_is_a_named_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    """``MTFIX_CACHE_DIR='~nouser/cache'`` (a user that does not exist on this machine: a settings line copied from
    another) was ``mtfix: internal error: RuntimeError: Could not determine home directory.``"""
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix(*command, cwd=tmp_path, env={"MTFIX_CACHE_DIR": "~no-such-user-x/cache"})
    assert run.rc == 2 and not run.traceback and "internal error" not in run.stderr, run.stderr
    assert "MTFIX_CACHE_DIR" in run.stderr and "~no-such-user-x" in run.stderr, run.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("args", [("check", "."), ("check", "--format", "sarif", "."), ("score", "."),
                                  ("explain", "MTF105")])
def test_a_standard_output_that_cannot_encode_the_report_escapes_it(tmp_path: Path, encoding: str,
                                                                    args: tuple[str, ...]) -> None:
    """Standard output in an encoding without every character of the report (``PYTHONIOENCODING=latin-1``; Windows
    with output redirected to a file, where Python writes the ANSI code page, cp1252): ``check`` of ``Bakı.txt``
    was ``mtfix: internal error: UnicodeEncodeError: 'latin-1' codec can't encode character '\\u0131'``, exit 2,
    and no report.  Such characters are now written as ``\\u0131`` escapes, as Python writes standard error."""
    (tmp_path / "Bakı.txt").write_text("The the talks in Bakı went on , said he.\n")
    run = run_mtfix(*args, cwd=tmp_path, env={"PYTHONIOENCODING": encoding})
    assert run.rc in (0, 1) and "internal error" not in run.stderr and not run.traceback, run.stderr
    assert run.out.strip(), "no report"
    if args == ("check", "."):
        assert b"Bak\\u0131.txt" in run.out, run.out
