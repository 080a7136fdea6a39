"""LanguageTool's results cache (SQLite) when corrupt, truncated, locked by another process or read-only, under the
real ``mtfix check --grammar required`` against the real server (reliability round 18): the check still runs, the cache
bypassed with one warning, never a traceback.  ``MTFIX_CACHE_DIR`` is always a fresh folder of the test's own."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO

TEXT = "There is a error in this report, and it were written yesterday.\n"
pytestmark = pytest.mark.languagetool


def _check(tmp_path: Path, lt_url: str, cache: Path, launch: str | None = None) -> subprocess.CompletedProcess:
    (tmp_path / "a.txt").write_text(TEXT)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(cache))
    assert env["MTFIX_CACHE_DIR"]
    argv = ["-m", "mtfix"] if launch is None else ["-c", launch]
    return subprocess.run([sys.executable, *argv, "check", "--grammar", "required", "--lt-url", lt_url, "a.txt"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)


def _fresh(tmp_path: Path, lt_url: str) -> Path:
    cache = tmp_path / "cache"
    run = _check(tmp_path, lt_url, cache)
    assert run.returncode in (0, 1) and "LT:" in run.stdout and "cache" not in run.stderr, run.stderr
    return cache / "grammar-cache.sqlite3"


def _sound(run: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1) and "LT:" in run.stdout, (run.stdout, run.stderr)  # the grammar check still ran
    warned = [ln for ln in run.stderr.splitlines() if "results cache" in ln]
    assert len(warned) == 1, run.stderr


@pytest.mark.parametrize("damage", ["random", "truncated", "zeroed-header", "wal-garbage"])
def test_a_damaged_results_cache_is_bypassed_with_one_warning(tmp_path: Path, lt_url: str, damage: str) -> None:
    db = _fresh(tmp_path, lt_url)
    raw = db.read_bytes()
    if damage == "random":
        db.write_bytes(os.urandom(len(raw)))
    elif damage == "truncated":
        db.write_bytes(raw[: len(raw) // 2 + 100])
    elif damage == "zeroed-header":
        db.write_bytes(b"\0" * 100 + raw[100:])
    else:
        Path(str(db) + "-wal").write_bytes(os.urandom(5000))
    run = _check(tmp_path, lt_url, db.parent)
    if damage == "wal-garbage":  # SQLite ignores a write-ahead log whose header is not its own
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
        return
    if damage == "truncated":  # SQLite may not reach the pages cut off: then it is read as it stands
        assert run.returncode in (0, 1) and "LT:" in run.stdout and "Traceback" not in run.stderr, run.stderr
        assert len([ln for ln in run.stderr.splitlines() if "results cache" in ln]) <= 1, run.stderr
        return
    _sound(run)


#: holds the cache locked, even for readers (a rollback journal in exclusive mode), while mtfix runs
HOLD = (
    "import sqlite3, subprocess, sys\n"
    "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "db.execute('PRAGMA journal_mode=DELETE'); db.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
    "db.execute('BEGIN EXCLUSIVE'); db.execute('INSERT OR REPLACE INTO lt_results VALUES (\"k\", \"[]\")')\n"
    "sys.exit(subprocess.run(sys.argv[2:]).returncode)\n"
)


def test_a_results_cache_locked_by_another_process_is_bypassed(tmp_path: Path, lt_url: str) -> None:
    db = _fresh(tmp_path, lt_url)
    (tmp_path / "a.txt").write_text(TEXT)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(db.parent))
    run = subprocess.run([sys.executable, "-c", HOLD, str(db), sys.executable, "-m", "mtfix", "check", "--grammar",
                          "required", "--lt-url", lt_url, "a.txt"], capture_output=True, text=True, cwd=tmp_path, env=env,
                         timeout=120)
    _sound(run)
    assert "locked" in run.stderr, run.stderr


#: the cache opened read-only, as on a read-only disk or a file of another user (the tests run as root, whom
#: file modes do not stop)
READ_ONLY = (
    "import sqlite3, sys\n"
    "real = sqlite3.connect\n"
    "def ro(path, *a, **k):\n"
    "    if str(path).endswith('grammar-cache.sqlite3'):\n"
    "        return real(f'file:{path}?mode=ro', *a, uri=True, **k)\n"
    "    return real(path, *a, **k)\n"
    "sqlite3.connect = ro\n"
    "sys.argv = ['mtfix', *sys.argv[1:]]\n"
    "from mtfix.cli import main\n"
    "main()\n"
)


@pytest.mark.parametrize("state", ["with-entries", "new"])
def test_a_read_only_results_cache_is_bypassed(tmp_path: Path, lt_url: str, state: str) -> None:
    db = _fresh(tmp_path, lt_url) if state == "with-entries" else tmp_path / "cache" / "grammar-cache.sqlite3"
    if state == "new":
        db.parent.mkdir()
        sqlite3.connect(db).close()  # an empty file: nothing to read, nothing can be written
    (tmp_path / "a.txt").write_text("Here is a error in a sentence that the cache has not seen.\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(db.parent))
    run = subprocess.run([sys.executable, "-c", READ_ONLY, "check", "--grammar", "required", "--lt-url", lt_url, "a.txt"],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1) and "LT:" in run.stdout, (run.stdout, run.stderr)
    warned = [ln for ln in run.stderr.splitlines() if "results cache" in ln]
    assert len(warned) == 1, run.stderr
    # was "(delete the file to rebuild it)": no help when the file or its disk is read-only
    assert "delete the file" not in warned[0] and "cannot be written" in warned[0], warned
