"""The real ``mtfix`` command in a subprocess, for every test that runs it (one runner, session 32).

``run_mtfix(*args, stdin=b"", cwd=None, env=None, timeout=60)`` runs ``python3 -m mtfix ARGS`` with this
checkout on ``PYTHONPATH`` and returns a :class:`Run` (``rc``, ``stdout``/``stderr`` as text, ``out`` as
bytes).  ``--grammar off`` is added to ``check``/``fix``/``score`` unless the arguments already name
``--grammar`` or ``--lt-url`` (LanguageTool is tested on its own).  The ``mtfix_cli`` fixture of
``tests/conftest.py`` is this function.  ``check_then_fix(folder, name, text)`` writes a file, checks it, fixes it
and returns the report and the bytes after the fix.  ``without_root_powers(*args, cwd)`` runs it as root without the
capabilities that bypass file permissions (a read-only file or folder then refuses root too).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GRAMMAR_COMMANDS = {"check", "fix", "score"}
#: ``setpriv`` dropping the capabilities that let root read and write past file permissions
NO_CAPS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


@dataclass(frozen=True)
class Run:
    """One finished ``mtfix`` run."""

    rc: int
    out: bytes  # standard output, raw
    stderr: str

    @property
    def stdout(self) -> str:
        return self.out.decode("utf-8", errors="replace")

    @property
    def traceback(self) -> bool:
        """Whether a Python traceback reached the user."""
        return "Traceback (most recent call last)" in self.stderr or "Traceback (most recent call last)" in self.stdout


def with_grammar_off(args: tuple[str, ...]) -> list[str]:
    """``args`` with ``--grammar off`` after the command, where it applies and is not given."""
    argv = [str(a) for a in args]
    if argv and argv[0] in GRAMMAR_COMMANDS and not any(a.startswith(("--grammar", "--lt-url")) for a in argv):
        argv[1:1] = ["--grammar", "off"]
    return argv


def run_mtfix(*args: str | os.PathLike[str], stdin: bytes = b"", cwd: str | os.PathLike[str] | None = None,
              env: dict[str, str] | None = None, timeout: float = 60) -> Run:
    """Run ``python3 -m mtfix ARGS`` and wait for it (a hang fails the test after ``timeout`` s)."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}  # env may set PYTHONPATH too
    proc = subprocess.run([sys.executable, "-m", "mtfix", *with_grammar_off(tuple(map(str, args)))],
                          input=stdin, capture_output=True, cwd=cwd, env=full_env, timeout=timeout)
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", errors="replace"))


def check_then_fix(folder: Path, name: str, text: str, *fix_args: str) -> tuple[str, bytes]:
    """(check's report, the file's bytes after fix) of ``text`` as file ``name`` in ``folder`` (both runs exit 0 or
    1; ``fix_args`` go to fix, e.g. ``--unsafe-fixes``)."""
    f = folder / name
    f.write_bytes(text.encode())
    report = run_mtfix("check", f)
    assert report.rc in (0, 1), report.stderr
    assert run_mtfix("fix", *fix_args, f).rc in (0, 1)
    return report.stdout, f.read_bytes()


def without_root_powers(*args: str, cwd: Path, timeout: float = 120) -> Run:
    """The CLI as root without the capabilities that bypass file permissions (:data:`NO_CAPS`); the test is skipped
    where ``setpriv`` is missing or cannot drop them."""
    import pytest

    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed: cannot drop root's permission override")
    probe = subprocess.run([*NO_CAPS, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr.decode(errors='replace').strip()}")
    proc = subprocess.run([*NO_CAPS, sys.executable, "-m", "mtfix", *with_grammar_off(args)], capture_output=True,
                          cwd=cwd, env=dict(os.environ, PYTHONPATH=str(REPO)), timeout=timeout)
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", errors="replace"))
