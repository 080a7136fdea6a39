"""``eval_data.require_shared`` (session 50): the one "shared data present, else one line and exit 2" of the bench
scripts, which each wrote their own before (with messages and exit codes that differed: 1 from ``sys.exit(str)``)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from eval_data import require_shared  # noqa: E402


def test_a_present_file_or_folder_is_returned(tmp_path: Path) -> None:
    (tmp_path / "realmt").mkdir()
    (tmp_path / "realmt" / "real_mt_train.jsonl").write_text("{}\n", encoding="utf-8")
    assert require_shared(tmp_path, "realmt", "x") == tmp_path / "realmt"
    assert require_shared(tmp_path, "realmt/real_mt_train.jsonl", "x") == tmp_path / "realmt" / "real_mt_train.jsonl"
    assert require_shared(tmp_path) == tmp_path


def test_an_absent_one_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        require_shared(tmp_path, "realmt/real_mt_train.jsonl", "some_script")
    assert stop.value.code == 2
    assert capsys.readouterr().err == (f"some_script: {tmp_path / 'realmt' / 'real_mt_train.jsonl'} not found "
                                       "(set MTFIX_SHARED or --shared)\n")


@pytest.mark.parametrize("script, args", [
    ("repeated_attribution", ["--shared", "{empty}"]),
    ("source_order_s47", ["--shared", "{empty}"]),
    ("glued_initial_counts", []),
    ("ewt_imperatives", ["--shared", "{empty}"]),
    ("past_owners_ewt", ["--shared", "{empty}"]),
    ("audit_entries", ["--shared", "{empty}"]),
])
def test_the_scripts_say_so_and_exit_2(tmp_path: Path, script: str, args: list[str]) -> None:
    """Run as a user runs them, with ``MTFIX_SHARED`` pointing at an empty folder: exit 2, one line naming the
    script and the missing path, no traceback (``ewt_imperatives`` and ``past_owners_ewt`` read ``../shared``
    whatever ``MTFIX_SHARED`` said before)."""
    env = {**os.environ, "MTFIX_SHARED": str(tmp_path), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(REPO / "bench" / f"{script}.py"),
                           *(a.format(empty=tmp_path) for a in args)],
                          capture_output=True, text=True, env=env, cwd=REPO, check=False, timeout=300)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{script}: {tmp_path}"), done.stderr
    assert lines[0].endswith("not found (set MTFIX_SHARED or --shared)")


def test_no_bench_script_writes_the_check_again() -> None:
    """The message lives in ``eval_data.py`` alone; ``eval_realmt.py`` names its own option, ``--data`` (the realmt
    folder itself, or a probe set's)."""
    writers = []
    for path in sorted((REPO / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "(set MTFIX_SHARED" in node.value:
                writers.append(path.name)
    assert sorted(set(writers)) == ["eval_data.py", "eval_realmt.py"]
