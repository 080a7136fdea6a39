"""Reliability round 32 (session 41): ordinary batches a new user would run, every command.

``mtfix server`` with standard input or output closed (``internal error: AttributeError``; a flood of log lines),
its ``--log-file`` on a full disk (Python's ``--- Logging error ---`` and a traceback per record) or a FIFO nothing
reads (waited for ever); ``glossary convert``/``mine -o`` a device or FIFO (``fix``'s advice for a file rewritten in
place); ``-`` where a glossary, settings, rule pack or decisions file is named (``no such file``); LanguageTool
that cannot start under a low open-file limit (the JVM's ``Error loading java.security file`` and nothing more).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run
from tests.cli_runner import REPO

GARBLED = "We was happy with the the results.\n"
LSP_MESSAGE = b'Content-Length: 52\r\n\r\n{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}   '


def _server(*args: str, tmp_path: Path, close: int | None = None, stdin: bytes = b"",
            timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """``mtfix server ARGS`` in a subprocess, with descriptor ``close`` (0 or 1) closed, as ``<&-`` or ``>&-``."""
    def pre() -> None:
        if close is not None:
            os.close(close)

    env = {**os.environ, "PYTHONPATH": str(REPO), "MTFIX_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "mtfix", "server", "--grammar", "off", *args], input=None
                          if close == 0 else stdin, stdout=None if close == 1 else subprocess.PIPE,
                          stderr=subprocess.PIPE, preexec_fn=pre, cwd=tmp_path, env=env, timeout=timeout)


@pytest.mark.parametrize(("fd", "name"), [(0, "standard input"), (1, "standard output")])
def test_server_with_a_closed_standard_stream_says_so(tmp_path: Path, fd: int, name: str) -> None:
    """``mtfix server <&-`` was ``mtfix: internal error: AttributeError: 'NoneType' object has no attribute
    'buffer'``; ``>&-`` logged ``Error sending data`` for every message, then exit 0."""
    done = _server(tmp_path=tmp_path, close=fd, stdin=LSP_MESSAGE)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    assert err.startswith(f"mtfix: error: {name} is closed: the language server talks to its editor"), err
    assert "internal error" not in err and "Error sending data" not in err and "Traceback" not in err


def test_server_without_a_closed_stream_still_serves(tmp_path: Path) -> None:
    """The check above refuses nothing an editor gives: pipes on both, the client's input ended."""
    done = _server(tmp_path=tmp_path, stdin=b"")
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_server_log_on_a_full_disk_is_said_once_and_the_server_goes_on(tmp_path: Path) -> None:
    """``--log-file /dev/full -v`` printed ``--- Logging error ---`` and a Python traceback for each record."""
    done = _server("-v", "--log-file", "/dev/full", tmp_path=tmp_path, stdin=b"")
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, err
    assert err.splitlines() == ["mtfix: warning: /dev/full: cannot write the server's log (No space left on device); "
                                "logging stopped, the server goes on"], err


def test_server_log_to_a_fifo_nothing_reads_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Opening a FIFO for writing waits for a reader: the server never answered its editor."""
    os.mkfifo(tmp_path / "log")
    done = _server("--log-file", "log", tmp_path=tmp_path, stdin=b"", timeout=60)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    assert err.startswith("mtfix: error: log: a FIFO that nothing reads"), err
    assert stat.S_ISFIFO(os.stat(tmp_path / "log").st_mode)


def test_server_log_to_a_fifo_with_a_reader_is_written_through_the_one_opening(tmp_path: Path) -> None:
    """With a reader the FIFO is the log: opened once, without waiting, then written as a file is (the lead's merge:
    the check opened it, closed it and opened it again blocking, which waits for ever if the reader leaves between)."""
    import logging

    from mtfix.cli.server import _log_handler

    os.mkfifo(tmp_path / "log")
    reader = os.open(tmp_path / "log", os.O_RDONLY | os.O_NONBLOCK)  # a reader present, as a `tail -f` would be
    try:
        handler = _log_handler(tmp_path / "log")
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler.emit(logging.LogRecord("mtfix", logging.INFO, __file__, 1, "hello from the server", None, None))
        handler.close()
        assert os.read(reader, 4096) == b"hello from the server\n"
    finally:
        os.close(reader)


@pytest.mark.parametrize(("args", "what", "hint"), [
    (("glossary", "convert", "g.tsv", "--to", "yaml", "-o", "out"), "glossary", "-o - --to yaml"),
    (("glossary", "mine", "a.txt", "-o", "out"), "review file", "-o -"),
])
def test_glossary_outputs_that_are_a_fifo_are_refused_with_their_own_advice(tmp_path: Path, args: tuple[str, ...],
                                                                         what: str, hint: str) -> None:
    """Was ``out: not a regular file; cannot be rewritten in place (use standard input, or -o DIR)``: ``fix``'s
    advice, which neither command takes."""
    (tmp_path / "g.tsv").write_text("term\tvariants\nAcme Corp\tAcme corp\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Acme Corp met Acme Corp.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "out")
    r = run(*args, cwd=tmp_path)
    assert r.rc == 2, r.stderr
    assert r.stderr == (f"mtfix: error: out: a FIFO, not a regular file: the {what} is written whole to a temporary "
                        f"file and renamed into place, which a FIFO cannot take; name a file, or {hint} for standard "
                        "output; nothing was written\n"), r.stderr
    assert stat.S_ISFIFO(os.stat(tmp_path / "out").st_mode)


STDIN_NAMED = "`-` is standard input, which is read only for the texts to check: name the file"


@pytest.mark.parametrize("args", [
    ("check", "-g", "-", "a.txt"),
    ("check", "--config", "-", "a.txt"),
    ("check", "--rules", "-", "a.txt"),
    ("fix", "--decisions", "-", "a.txt"),
    ("glossary", "convert", "-", "-o", "g.tsv"),
    ("glossary", "validate", "-"),
])
def test_dash_where_a_file_is_named_says_standard_input_is_not_read_there(tmp_path: Path,
                                                                          args: tuple[str, ...]) -> None:
    """Each said ``-: no such file`` (``unknown glossary format ''`` for validate), as if a file named ``-``
    were missing."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    r = run(*args, cwd=tmp_path, stdin=b"term\nAcme\n")
    assert r.rc == 2, r.stderr
    assert STDIN_NAMED in r.stderr and "no such file" not in r.stderr.lower(), r.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED and not (tmp_path / "g.tsv").exists()


def test_a_missing_file_is_still_no_such_file(tmp_path: Path) -> None:
    r = run("check", "-g", "nope.tsv", "-", stdin=GARBLED.encode())
    assert r.rc == 2 and "nope.tsv: no such file" in r.stderr, r.stderr


JNI_LOG = ("Error: A JNI error has occurred, please check your installation and try again\n"
           'Exception in thread "main" java.lang.InternalError: Error loading java.security file\n'
           + "\tat java.base/java.security.Security.initialize(Security.java:106)\n" * 12)


def _dead_start(tmp_path: Path, log_text: str, monkeypatch: pytest.MonkeyPatch, soft: int) -> str:
    """The message of :func:`wait_ready` for a server that exited at once with ``log_text`` in its log, under an
    open-file limit of ``soft``."""
    import resource

    from mtfix.errors import GrammarError
    from mtfix.grammar.server import LocalServer, wait_ready

    log = tmp_path / "server.log"
    log.write_text(log_text, encoding="utf-8")
    monkeypatch.setattr(resource, "getrlimit", lambda which: (soft, resource.RLIM_INFINITY))
    proc = subprocess.Popen([sys.executable, "-c", "raise SystemExit(1)"])
    proc.wait()
    with pytest.raises(GrammarError) as caught:
        wait_ready(LocalServer(proc, "http://127.0.0.1:9", 9, log, "6.7"), 30)
    return str(caught.value)


def test_languagetool_that_cannot_start_under_a_low_open_file_limit_names_it(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Under ``ulimit -n 64`` the JVM's log names only a JNI error (no ``Too many open files``): the message said
    ``LanguageTool exited with code 1 while starting; its log (…) ends:`` and twelve ``at …`` lines."""
    said = _dead_start(tmp_path, JNI_LOG, monkeypatch, soft=64)
    first = said.splitlines()[0]
    assert first.startswith("LanguageTool exited with code 1 while starting (too many open files: the open-file "
                            "limit, `ulimit -n`, is 64"), first
    assert "raise it to 1024, or use --grammar off" in first


def test_the_open_file_note_needs_the_limit_or_the_log_to_say_so(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Precision: a start that failed for another reason under a usual limit keeps its own reason."""
    said = _dead_start(tmp_path, "Invalid maximum heap size: -Xmx2gb\n", monkeypatch, soft=1024)
    assert "open-file limit" not in said and "(Invalid maximum heap size: -Xmx2gb)" in said.splitlines()[0], said
    said = _dead_start(tmp_path, "java.io.FileNotFoundException: tzdb.dat (Too many open files)\n", monkeypatch,
                       soft=1024)
    assert "the open-file limit, `ulimit -n`, is 1024" in said.splitlines()[0], said
