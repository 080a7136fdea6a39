"""The command line's own code run in this process: what ``python -m mtfix ARGS`` runs after its start-up.

A cold ``python -m mtfix`` costs about a second (the interpreter, the imports); a test whose claim is about what a
command reads, writes or says (not about the process: signals, descriptors, the exit of a killed run) calls
:func:`mtfix_in_process` instead.  It runs :func:`mtfix.cli.run`, the function ``mtfix.cli.main`` ends in, so the
usage errors, the ``mtfix: error:`` lines and the exit codes are the command's, and gives a
:class:`subprocess.CompletedProcess` with text output as ``subprocess.run(..., text=True)`` would.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from tests.cli_runner import Run, with_grammar_off


def _text(raw: bytes) -> str:
    """``raw`` read as ``subprocess.run(text=True)`` reads it: UTF-8, universal newlines."""
    return raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


class _Kept(io.BytesIO):
    """A byte buffer that keeps what was written when a wrapper over it is closed (a command may close its
    output's wrapper; a process's output is read after that)."""

    def close(self) -> None:
        pass


@contextmanager
def _streams(stdin: bytes) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """Standard input, output and error replaced by byte buffers (text wrappers over them, as a process has)."""
    out, err = _Kept(), _Kept()
    new = (io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
           io.TextIOWrapper(out, encoding="utf-8", write_through=True),
           io.TextIOWrapper(err, encoding="utf-8", write_through=True))
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = new
    try:
        yield out, err
    finally:
        for stream in new[1:]:
            if not stream.closed:
                stream.flush()
        sys.stdin, sys.stdout, sys.stderr = old


def mtfix_in_process(*args: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None,
                     env: Mapping[str, str] | None = None, stdin: bytes = b"",
                     text: bool = True) -> subprocess.CompletedProcess[Any]:
    """``mtfix ARGS`` run by :func:`mtfix.cli.run` in this process, in ``cwd``, with ``env`` added to the
    environment; the working directory and the environment are restored afterwards.  The output is text, or
    the bytes written when ``text`` is false (as ``subprocess.run`` without ``text=True``)."""
    from mtfix.cli import run

    argv = [str(a) for a in args]
    here = Path.cwd()
    with mock.patch.dict(os.environ, dict(env or {})), _streams(stdin) as (out, err):
        if cwd is not None:
            os.chdir(cwd)
        try:
            rc = run(list(argv))
        except SystemExit as exc:  # run() returns its code; a command that exits is read the same way
            rc = exc.code if isinstance(exc.code, int) else 1
        finally:
            os.chdir(here)
    if not text:
        return subprocess.CompletedProcess(["mtfix", *argv], rc, out.getvalue(), err.getvalue())
    return subprocess.CompletedProcess(["mtfix", *argv], rc, _text(out.getvalue()), _text(err.getvalue()))


def run_mtfix_in_process(*args: str | os.PathLike[str], stdin: bytes = b"", cwd: str | os.PathLike[str] | None = None,
                         env: Mapping[str, str] | None = None) -> Run:
    """:func:`tests.cli_runner.run_mtfix` (``--grammar off`` added where it applies, a :class:`Run`)
    in this process."""
    done = mtfix_in_process(*with_grammar_off(tuple(map(str, args))), cwd=cwd, env=env, stdin=stdin, text=False)
    return Run(done.returncode, done.stdout, done.stderr.decode("utf-8", errors="replace"))
