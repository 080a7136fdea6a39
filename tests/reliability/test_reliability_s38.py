"""Reliability, round 29 (session 38): the signal sweep's count of runs stopped while Python starts.

``bench/signal_sweep.py --max-delay 0.5`` stops runs in the interpreter's start, before mtfix's first line.  Two
kinds of such run were counted as problems: one whose report, redirected to a file, the sweep itself had made
empty (so "nothing written" was never true of ``check-json`` and ``check-sarif``), and one killed by the signal's
default action (SIGINT before Python sets its handler, SIGTERM before mtfix holds it: exit -2 or -15, nothing
said, nothing written).  The case-insensitive ``-o`` folders of this round are tested in
``tests/io/test_name_folding_s38.py``.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from bench.signal_sweep import check, snapshot, startup_where

SITE_TRACEBACK = """Fatal Python error: init_import_site: Failed to import the site module
Python runtime state: initialized
Traceback (most recent call last):
  File "<frozen site>", line 186, in addpackage
  File "/venv/lib/python3.11/site-packages/some_finder.py", line 7, in <module>
KeyboardInterrupt
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _work(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    (tmp_path / "in").mkdir()
    (tmp_path / "in/a.txt").write_bytes(b"The the ferry left .\n")
    before = snapshot(tmp_path)
    (tmp_path / "report").write_bytes(b"")  # the sweep's redirection of standard output, made before the run
    return tmp_path, before


def test_a_run_stopped_in_site_with_an_empty_report_is_counted_as_a_start(tmp_path: Path) -> None:
    work, before = _work(tmp_path)
    problems = check("check-json", work, 1, SITE_TRACEBACK, "SIGINT", before, {**before, "report": b"{}"})
    assert problems and problems[0].startswith("startup:") and problems[0].endswith("in site"), problems


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_a_run_killed_by_the_signals_default_action_is_counted_as_a_start(tmp_path: Path, signame: str) -> None:
    work, before = _work(tmp_path)
    rc = -getattr(signal, signame)
    problems = check("check-sarif", work, rc, "", signame, before, {**before, "report": b"{}"})
    assert len(problems) == 1 and problems[0].startswith("startup: killed by the signal"), problems


def test_a_run_killed_so_that_changed_a_file_is_still_a_problem(tmp_path: Path) -> None:
    work, before = _work(tmp_path)
    (work / "in/a.txt").write_bytes(b"The ferry")  # half a file: never a start
    problems = check("fix-in-place", work, -signal.SIGTERM, "", "SIGTERM", before, before)
    assert problems and not problems[0].startswith("startup:"), problems


def test_a_report_that_is_not_empty_is_not_a_start(tmp_path: Path) -> None:
    work, before = _work(tmp_path)
    (work / "report").write_bytes(b"{\n")
    problems = check("check-json", work, 1, SITE_TRACEBACK, "SIGINT", before, {**before, "report": b"{}"})
    assert not any(p.startswith("startup:") for p in problems), problems


def test_where_a_start_traceback_stopped_is_named() -> None:
    assert startup_where(SITE_TRACEBACK) == "in site"
    assert startup_where('Traceback (most recent call last):\n  File "/venv/bin/mtfix", line 4, in <module>\n'
                         "KeyboardInterrupt\n") == "in mtfix:4"
