"""The pre-commit entry point on standard input (session 17): ``--stdin-filename X -`` is selected by the
settings' ``include``/``exclude`` exactly as the path X is, through the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Our own garbled line: a doubled article the rules flag (MTF105, a safe fix).
TEXT = "The the ministry said that the talks would resume on Monday.\n"
FIXED = "The ministry said that the talks would resume on Monday.\n"


def _hook(cwd: Path, *args: str, stdin: str = TEXT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('include = ["news/**", "drafts/**"]\nexclude = ["drafts/"]\n',
                                         encoding="utf-8")
    for rel in ("drafts/wip.md", "news/today.md", "notes.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(TEXT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["drafts/wip.md", "notes.md"])  # excluded; not included
def test_standard_input_named_as_a_file_left_out_is_left_out(project: Path, name: str) -> None:
    by_path = _hook(project, "check", "--fail-on", "minor", name)
    assert by_path.returncode == 0 and by_path.stdout == "", by_path.stdout + by_path.stderr
    by_stdin = _hook(project, "check", "--fail-on", "minor", "--stdin-filename", name, "-")
    assert by_stdin.returncode == 0 and "MTF105" not in by_stdin.stdout, by_stdin.stdout + by_stdin.stderr
    fixed = _hook(project, "fix", "--stdin-filename", name, "-")  # handed back unchanged, as `mtfix fix` does
    assert fixed.returncode == 0 and fixed.stdout == TEXT, fixed.stdout + fixed.stderr


def test_standard_input_named_as_a_file_selected_is_checked(project: Path) -> None:
    by_path = _hook(project, "check", "--fail-on", "minor", "news/today.md")
    assert by_path.returncode == 1 and "news/today.md:1:4: MTF105" in by_path.stdout, by_path.stderr
    by_stdin = _hook(project, "check", "--fail-on", "minor", "--stdin-filename", "news/today.md", "-")
    assert by_stdin.returncode == 1 and "news/today.md:1:4: MTF105" in by_stdin.stdout, by_stdin.stderr
    fixed = _hook(project, "fix", "--stdin-filename", "news/today.md", "-")
    assert fixed.stdout == FIXED, fixed.stdout + fixed.stderr


def test_unnamed_standard_input_is_checked(project: Path) -> None:
    """Without ``--stdin-filename`` standard input has no path for the globs: it is checked (as
    ``mtfix check -`` does), not dropped because "-" matches no ``include``."""
    by_stdin = _hook(project, "check", "--fail-on", "minor", "-")
    assert by_stdin.returncode == 1 and "MTF105" in by_stdin.stdout, by_stdin.stdout + by_stdin.stderr
    fixed = _hook(project, "fix", "-")
    assert fixed.stdout == FIXED, fixed.stdout + fixed.stderr


def test_exclude_alone_leaves_out_standard_input_named_as_an_excluded_file(tmp_path: Path) -> None:
    """With ``exclude`` and no ``include`` (the case first reported: the named standard input was checked)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    by_stdin = _hook(tmp_path, "check", "--fail-on", "minor", "--stdin-filename", "drafts/wip.md", "-")
    assert by_stdin.returncode == 0 and "MTF105" not in by_stdin.stdout, by_stdin.stdout + by_stdin.stderr
    kept = _hook(tmp_path, "check", "--fail-on", "minor", "--stdin-filename", "wip.md", "-")
    assert kept.returncode == 1 and "wip.md:1:4: MTF105" in kept.stdout, kept.stdout + kept.stderr
