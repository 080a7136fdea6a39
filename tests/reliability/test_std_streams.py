"""Standard streams a new user's shell can hand mtfix: an output that stops taking bytes half-way
(a full disk, a file-size limit, a reader that quits early), and a standard input, output or error
that is closed (``<&-``, ``>&-``, ``2>&-``).  Each must end in the documented exit code with at
most one line on standard error, never a truncated output under exit 0, never a traceback.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO, with_grammar_off

#: Our own sentence: "oilgas" → "oil and gas" (MTF206, safe) once per line.
LINE = "Prices of oilgas rose in the city again.\n"
LIMIT = 100_000  # bytes a child may write to a file (RLIMIT_FSIZE): the output stops growing here


def _argv(*args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "mtfix", *with_grammar_off(tuple(map(str, args)))]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO))


def _limit_file_size() -> None:
    """In the child: files stop growing at LIMIT bytes and a write past it fails with EFBIG
    (SIGXFSZ ignored, as it stays across exec), as a full disk fails a write with ENOSPC."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.fixture
def big(tmp_path: Path) -> Path:
    doc = tmp_path / "big.txt"
    doc.write_text(LINE * 8000, encoding="utf-8")  # 328 KB; fixed and its diff, larger still
    return doc


@pytest.mark.parametrize("how", ["fix-stdin", "fix-diff"])
def test_output_cut_short_is_an_error_not_exit_0(tmp_path: Path, big: Path, how: str) -> None:
    """``mtfix fix - <a >b && mv b a`` on a full disk must stop at ``&&``: a short write of the
    fixed text (or the diff) is an error, exit 2, not a truncated ``b`` under exit 0."""
    args = ("fix", "-") if how == "fix-stdin" else ("fix", "--diff", big)
    out = tmp_path / "out.bin"
    with big.open("rb") as stdin, out.open("wb") as stdout:
        proc = subprocess.run(_argv(*args), stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=_env(),
                              preexec_fn=_limit_file_size, timeout=120)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert proc.returncode == 2, (proc.returncode, stderr)
    assert "mtfix: error: cannot write to standard output" in stderr
    assert big.read_text(encoding="utf-8") == LINE * 8000  # the input is untouched


def test_a_reader_that_stops_early_ends_the_run_with_141(big: Path) -> None:
    """``mtfix fix --diff big.txt | head -c 10``: the diff is larger than a pipe holds, so the
    write that the closed pipe cuts short must end the run as every other closed pipe does (141),
    not let it claim a complete diff with exit 0."""
    proc = subprocess.Popen(_argv("fix", "--diff", big), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=_env())
    assert proc.stdout is not None and proc.stderr is not None
    assert len(proc.stdout.read(10)) == 10
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) == 141, stderr
    assert "Traceback" not in stderr and "error" not in stderr


def _run_closed(fd: int, *args: str | os.PathLike[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run ``mtfix ARGS`` with file descriptor ``fd`` (0, 1 or 2) closed, the others pipes."""
    return subprocess.run(_argv(*args), stdin=subprocess.DEVNULL, capture_output=True,
                          cwd=cwd, env=_env(), preexec_fn=lambda: os.close(fd), timeout=120)


def test_closed_standard_input_is_a_clear_error(tmp_path: Path) -> None:
    """``mtfix fix - <&-``: one line naming standard input, exit 2, nothing on standard output."""
    proc = _run_closed(0, "fix", "-", cwd=tmp_path)
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert stderr.splitlines()[0] == "mtfix: error: -: standard input is closed: nothing to read"


def test_closed_standard_output_is_a_clear_error_for_a_report(tmp_path: Path) -> None:
    """``mtfix check a.txt >&-``: the report cannot be written: one line, exit 2 (not an internal error)."""
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    proc = _run_closed(1, "check", "a.txt", cwd=tmp_path)
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert proc.returncode == 2
    assert "mtfix: error: cannot write to standard output: Bad file descriptor" in stderr


def test_fix_in_place_with_standard_output_closed_writes_only_the_file(tmp_path: Path) -> None:
    """``mtfix fix a.txt >&-`` needs no standard output: the file is fixed, and its bytes are exactly
    the fix (a file opened while descriptor 1 is free must not take it and receive output)."""
    doc = tmp_path / "a.txt"
    doc.write_bytes(LINE.encode() * 3)
    proc = _run_closed(1, "fix", "-v", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert doc.read_bytes() == LINE.replace("oilgas", "oil and gas").encode() * 3


def test_closed_standard_error_does_not_change_the_outcome(tmp_path: Path) -> None:
    """``mtfix check a.txt 2>&-``: the report and exit code of a run with standard error open."""
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    proc = _run_closed(2, "check", "--fail-on", "minor", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert b"a.txt:1:11: MTF206" in proc.stdout


def test_standard_error_left_read_only_by_a_launcher_does_not_fail_the_run(tmp_path: Path) -> None:
    """A launcher script run with ``2>&-`` (pyenv's shims) leaves its own file on descriptor 2,
    read-only: the run must not fail on its first diagnostic (and must not write to that file)."""
    doc = tmp_path / "a.txt"
    doc.write_text(LINE, encoding="utf-8")
    launcher = tmp_path / "launcher.sh"
    launcher.write_text("#!/bin/sh\n", encoding="utf-8")

    def read_only_stderr() -> None:
        held = os.open(launcher, os.O_RDONLY)
        os.dup2(held, 2)
        os.close(held)

    proc = subprocess.run(_argv("fix", "-"), input=LINE.encode(), stdout=subprocess.PIPE, cwd=tmp_path, env=_env(),
                          preexec_fn=read_only_stderr, timeout=120)
    assert proc.returncode == 0
    assert proc.stdout == LINE.replace("oilgas", "oil and gas").encode()
    assert launcher.read_text(encoding="utf-8") == "#!/bin/sh\n"


@pytest.mark.parametrize("command", ["check", "score", "fix"])
def test_an_error_in_standard_input_names_what_it_stands_for(tmp_path: Path, command: str) -> None:
    """``--stdin-filename z.srt``: reports name ``z.srt``, and so must the error of input that is not
    valid SRT (it said ``<input>:1:``); without the option it names ``-``, as the other stdin errors do."""
    named = subprocess.run(_argv(command, "--stdin-filename", "z.srt", "-"), input=b"oilgas x\n", capture_output=True,
                           cwd=tmp_path, env=_env(), timeout=120)
    assert named.returncode == 2
    assert named.stderr.decode().splitlines()[0].startswith("mtfix: error: z.srt:1: not a valid SubRip (.srt) file")
    plain = subprocess.run(_argv(command, "-"), input=b"\xffoilgas x\n", capture_output=True, cwd=tmp_path,
                           env=_env(), timeout=120)
    assert plain.returncode == 2
    assert plain.stderr.decode().splitlines()[0].startswith("mtfix: error: -:1: not valid utf-8")
    binary = subprocess.run(_argv(command, "--stdin-filename", "z.txt", "-"), input=b"a\x00b\n",
                            capture_output=True, cwd=tmp_path, env=_env(), timeout=120)
    assert binary.returncode == 2
    assert binary.stderr.decode().splitlines()[0].startswith("mtfix: error: z.txt: ")


def test_json_failures_name_what_standard_input_stands_for(tmp_path: Path) -> None:
    import json

    run = subprocess.run(_argv("check", "--format", "json", "--stdin-filename", "z.srt", "-"), input=b"oilgas x\n",
                         capture_output=True, cwd=tmp_path, env=_env(), timeout=120)
    assert run.returncode == 2
    [failure] = json.loads(run.stdout)["failures"]
    assert failure["path"] == "z.srt" and failure["message"].startswith("z.srt:1: ")
