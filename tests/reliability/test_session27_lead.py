"""``fix -o`` writes each file with its input's mode, whatever the umask (docs/files.md)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO


@pytest.mark.parametrize(("mode", "mask"), [(0o644, 0o077), (0o600, 0o022), (0o664, 0o027)])
def test_an_output_file_keeps_its_input_s_mode(tmp_path: Path, mode: int, mask: int) -> None:
    src = tmp_path / "a.txt"
    src.write_text("The the minister spoke.\n", encoding="utf-8")
    src.chmod(mode)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    cmd = f"umask {mask:03o}; exec {sys.executable} -m mtfix fix a.txt -o out --grammar off"
    done = subprocess.run(["sh", "-c", cmd], cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    written = tmp_path / "out" / "a.txt"
    assert written.read_text(encoding="utf-8") == "The minister spoke.\n"
    assert stat.S_IMODE(written.stat().st_mode) == mode
    assert stat.S_IMODE(src.stat().st_mode) == mode and src.read_text(encoding="utf-8").startswith("The the")
