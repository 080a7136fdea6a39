"""Reliability, round 28 (session 37): special files named on the command line, then ordinary batches.

1. A named FIFO of plain text that could not be read (no writer within ``MTFIX_FIFO_WAIT``, permission denied), and
   a named socket or device, were reported by the run, after the pipeline was built (LanguageTool started, or said
   to be missing).  Now ``fix`` writing in place refuses any special file before it is opened (a FIFO cannot be
   rewritten in place: before, a FIFO of records was read whole, then refused), and the other commands read a
   FIFO once before the pipeline is built and refuse a socket or device unread (:mod:`mtfix.cli.prescreen`).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run
from tests.languagetool_home import no_lt_env

GARBLED = b"The the ferry left at dawn .\n"
RECORD = b'{"id": 3, "text": "The the ferry left at dawn ."}\n'

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def _refused_first(stderr: str, start: str) -> None:
    assert stderr.startswith("mtfix: error: " + start), stderr  # before the pipeline's LanguageTool warning
    assert stderr.count("mtfix: error: " + start) == 1, stderr  # named once, not again by the run


def _never_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The FIFOs mtfix opens to read, recorded (and not read)."""
    import mtfix.io.inputs as inputs

    opened: list[str] = []

    def record(path: str) -> bytes:
        opened.append(path)
        raise AssertionError(f"{path} was opened")

    monkeypatch.setattr(inputs, "_read_fifo", record)
    return opened


def _writer(fifo: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        with open(fifo, "wb") as fh:  # blocks until mtfix opens it to read
            fh.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


# -- 1. a named special file is refused before the pipeline is built -----------------------------------------------

@needs_fifo
@pytest.mark.parametrize("fmt", [("notes.txt", ()), ("feed.jsonl", ("--text-field", "text"))])
def test_fix_in_place_refuses_a_fifo_first_without_opening_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              fmt: tuple[str, tuple[str, ...]]) -> None:
    name, fields = fmt
    os.mkfifo(tmp_path / name)
    (tmp_path / "good.txt").write_bytes(GARBLED)
    opened = _never_read(monkeypatch)
    r = run("fix", "--grammar", "auto", *fields, name, "good.txt", cwd=tmp_path,
            env={**no_lt_env(tmp_path), "MTFIX_FIFO_WAIT": "30"})
    assert r.rc == 2 and not r.traceback, r.stderr
    _refused_first(r.stderr, f"{name}: FIFO, not a regular file: fix cannot write it back; not read")
    assert opened == []  # a FIFO of records was read whole (waiting for its writer), then refused
    assert (tmp_path / "good.txt").read_bytes() == b"The ferry left at dawn.\n"  # the other file still fixed


@needs_fifo
def test_fix_with_decisions_in_place_refuses_a_fifo_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(tmp_path / "notes.txt")
    (tmp_path / "d.json").write_text('{"format": "mtfix-review-decisions"}', encoding="utf-8")
    opened = _never_read(monkeypatch)
    r = run("fix", "--decisions", "d.json", "notes.txt", cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    _refused_first(r.stderr, "notes.txt: FIFO, not a regular file: fix cannot write it back")
    assert opened == []


@needs_fifo
@pytest.mark.parametrize("command", [("check",), ("score",), ("fix", "--diff"), ("review", "-o", "r.html")])
def test_a_plain_text_fifo_without_a_writer_is_refused_first(tmp_path: Path, command: tuple[str, ...]) -> None:
    os.mkfifo(tmp_path / "notes.txt")
    (tmp_path / "good.txt").write_bytes(GARBLED)
    r = run(*command, "--grammar", "auto", "notes.txt", "good.txt", cwd=tmp_path,
            env={**no_lt_env(tmp_path), "MTFIX_FIFO_WAIT": "0.2"})
    assert r.rc == 2 and not r.traceback, r.stderr
    _refused_first(r.stderr, "notes.txt: FIFO: nothing was written to it within 0.2 s")
    if command == ("check",):
        assert b"good.txt:1:" in r.out


@needs_fifo
def test_a_plain_text_fifo_that_may_not_be_read_is_refused_first(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(tmp_path / "notes.txt")
    real_open = os.open

    def denied(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith("notes.txt"):  # as for another user's FIFO, mode 600 (root may read any)
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    r = run("check", "--grammar", "auto", "notes.txt", cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    _refused_first(r.stderr, "notes.txt: Permission denied")
    assert "grammar checks" not in r.stderr  # every file refused: no pipeline with LanguageTool was built


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize(("command", "reason"), [
    (("check",), "character device, not a regular file; not read"),
    (("fix",), "character device, not a regular file: fix cannot write it back"),
])
def test_a_device_is_refused_first(tmp_path: Path, command: tuple[str, ...], reason: str) -> None:
    r = run(*command, "--grammar", "auto", "/dev/zero", cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    _refused_first(r.stderr, f"/dev/zero: {reason}")
    assert "grammar checks" not in r.stderr


@needs_fifo
@pytest.mark.parametrize("command", [("check",), ("fix", "--diff"), ("check", "-j", "2")])
def test_a_fifo_with_a_writer_is_read_once_and_checked(tmp_path: Path, command: tuple[str, ...]) -> None:
    os.mkfifo(tmp_path / "notes.txt")
    (tmp_path / "good.txt").write_bytes(GARBLED)
    writer = _writer(tmp_path / "notes.txt", GARBLED)
    r = run(*command, "notes.txt", "good.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "30"})
    writer.join(5)
    assert r.rc in (0, 1) and not r.traceback, r.stderr
    out = r.out.decode()
    if "--diff" in command:
        assert "+++ b/notes.txt" in out and "+The ferry left at dawn." in out, out
    else:
        assert "notes.txt:1:4: MTF105" in out and "good.txt:1:4: MTF105" in out, out


# -- 2. ordinary batches: a walked file that is no longer a file when it is read ----------------------------------

@pytest.mark.parametrize("becomes", ["folder", "FIFO"])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_walked_file_replaced_before_it_is_read_is_skipped_as_the_walk_would(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, becomes: str, command: str) -> None:
    """A build or ``git checkout`` replaces ``news/b.txt`` by a folder (or a FIFO) after the walk listed it: it is
    skipped with a warning, as a removed file is and as the walk skips a folder's FIFOs (before: ``Is a directory``,
    a failure and exit 2; a FIFO waited ``MTFIX_FIFO_WAIT`` seconds for a writer, then failed)."""
    if becomes == "FIFO" and not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs")
    import mtfix.batch as batch

    news = tmp_path / "news"
    news.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (news / name).write_bytes(GARBLED)
    real = batch.read_input

    def replace_b(path: str, **kwargs: bool) -> object:
        if path.endswith("b.txt") and os.path.isfile(path):
            os.remove(path)
            os.mkdir(path) if becomes == "folder" else os.mkfifo(path)
        return real(path, **kwargs)

    monkeypatch.setattr(batch, "read_input", replace_b)
    r = run(command, "news", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "30"})
    assert r.rc == 0 and not r.traceback, r.stderr
    assert f"mtfix: warning: news/b.txt: replaced by a {becomes} after its folder was walked; skipped" in r.stderr
    assert "error" not in r.stderr, r.stderr
    if command == "fix":
        assert (news / "a.txt").read_bytes() == (news / "c.txt").read_bytes() == b"The ferry left at dawn.\n"


def test_a_named_file_replaced_by_a_folder_before_it_is_read_is_named_as_such(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file named on the command line that goes stays an error (docs/files.md), but says what happened
    (before: ``a.txt: Is a directory``)."""
    import mtfix.batch as batch

    (tmp_path / "a.txt").write_bytes(GARBLED)
    real = batch.read_input

    def replace_a(path: str, **kwargs: bool) -> object:
        if os.path.isfile(path):
            os.remove(path)
            os.mkdir(path)
        return real(path, **kwargs)

    monkeypatch.setattr(batch, "read_input", replace_a)
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    assert "mtfix: error: a.txt: a folder now, not a file (replaced after the inputs were listed); not read" \
        in r.stderr, r.stderr
