"""Session 30 (issue 11): the command line spares the interpreter's last full garbage collection.

At exit Python collects every generation once more (``finalize_modules``); after a 1 MB check that walks the
detector's and the lexicons' millions of objects for nothing (about 5 % of the process's CPU), since the process
ends and the memory goes with it.  ``mtfix.cli.main`` registers :func:`gc.freeze` with :mod:`atexit` (first, so it
runs after every handler registered later), which moves the survivors out of the collector's reach; a library
user's process is left as it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap


def _registered(body: str) -> str:
    """What ``body`` prints in a fresh interpreter whose ``atexit.register`` records its callables in ``seen``
    (``main()`` sets signal handlers and wraps standard output: kept out of the test process)."""
    code = "import atexit, gc, sys\nseen = []\natexit.register = lambda f, *a, **k: seen.append(f) or f\n" + body
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_main_registers_a_freeze_at_exit():
    body = textwrap.dedent("""
        import mtfix.cli
        for _ in range(2):
            sys.argv = ["mtfix", "--version"]
            try:
                mtfix.cli.main()
            except SystemExit:
                pass
        print(seen.count(gc.freeze))
    """)
    assert _registered(body) == "1"  # once, however often main runs in one process


def test_a_library_import_registers_nothing():
    assert _registered("import mtfix.cli, mtfix.pipeline\nprint(gc.freeze in seen)") == "False"


def test_the_command_exits_with_its_output_and_code_intact(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("The ministers met in the capital of the countryof Azerbaijan on Monday.\n", encoding="utf-8")
    got = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--format", "json", str(src)],
                         capture_output=True, text=True, env={**os.environ, "MTFIX_NO_CACHE": "1"})
    report = json.loads(got.stdout)  # the whole report written before the exit
    assert got.returncode == 0, got.stderr  # minor findings only
    assert "MTF117" in {f["code"] for f in report["files"][0]["findings"]}  # 'countryof' glued
    assert got.stderr == ""
