"""``tests/cli_in_process.py`` says what the real ``python -m mtfix`` says: the same exit code, standard output
and standard error, for a finding, a usage error, a settings file of the working folder and standard input (the
tests that moved from a subprocess to it rely on this)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_in_process import mtfix_in_process

REPO = Path(__file__).resolve().parents[2]
GARBLED = "It simply came to our notice then that, the ministers met in Tbilisi.\nPrices of oilgas rose .\n"


def real(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "mtfix", *args], cwd=cwd, input=stdin, capture_output=True, env=env,
                          timeout=120)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


@pytest.mark.parametrize("args", [
    ("check", "--grammar", "off", "article.txt"),  # findings: exit 1, the report on stdout, a summary on stderr
    ("fix", "--diff", "article.txt"),  # the settings file of the working folder turns grammar off
    ("check", "--grammar", "off", "--format", "json", "missing.txt"),  # an error line, exit 2
    ("check", "--no-such-option", "article.txt"),  # click's usage error, as mtfix words it
    ("fix", "-"),  # standard input to standard output
])
def test_the_in_process_run_says_what_the_process_says(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('grammar = "off"\n', encoding="utf-8")
    (tmp_path / "article.txt").write_text(GARBLED, encoding="utf-8")
    stdin = GARBLED.encode() if "-" in args else b""
    expected = real(*args, cwd=tmp_path, stdin=stdin)
    got = mtfix_in_process(*args, cwd=tmp_path, stdin=stdin)
    assert (got.returncode, got.stdout, got.stderr) == (expected.returncode, expected.stdout, expected.stderr)
    assert expected.stdout or expected.stderr  # the case says something to compare


def test_the_working_folder_and_the_environment_are_put_back(tmp_path: Path) -> None:
    here = Path.cwd()
    mtfix_in_process("check", "--grammar", "off", "x.txt", cwd=tmp_path, env={"MTFIX_PROBE_VARIABLE": "1"})
    assert Path.cwd() == here and "MTFIX_PROBE_VARIABLE" not in os.environ


def test_the_reliability_suites_run_in_process_matches_its_subprocess(tmp_path: Path) -> None:
    """``run_mtfix_in_process`` adds ``--grammar off`` as ``run_mtfix`` does, and gives the same :class:`Run`."""
    from tests.cli_in_process import run_mtfix_in_process
    from tests.reliability.conftest import run_mtfix

    (tmp_path / "article.txt").write_text(GARBLED, encoding="utf-8")
    args = ("check", "--format", "json", "article.txt")
    assert run_mtfix_in_process(*args, cwd=tmp_path) == run_mtfix(*args, cwd=tmp_path)
