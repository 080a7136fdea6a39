"""``fix DIR -o DIR``: an output folder that is the input folder itself (session 21).

Before, ``mtfix fix sub -o sub`` wrote ``sub/sub/a.txt`` (and the next run took that output for an input).
``-o`` promises the inputs stay as they were, so an ``-o`` folder that is one of the input folders (by any
path: ``./sub/``, an absolute path, a symbolic link) is an error naming both, exit 2, nothing read or
written; an ``-o`` folder that is a parent of the input folder would write each file over itself and is
refused the same way (docs/files.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GARBLED = "The the talks went on , said he.\n"


@pytest.fixture
def mtfix_cli():
    """The command's code in this process: the claims are about the folders it refuses, not about the process."""
    from tests.cli_in_process import run_mtfix_in_process

    return run_mtfix_in_process


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GARBLED)
    return tmp_path


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("out", ["sub", "./sub/", "ABS", "sub/../sub"])
def test_output_folder_equal_to_the_input_folder_is_an_error(mtfix_cli, tmp_path: Path, out: str) -> None:
    root = _tree(tmp_path)
    out = str(root / "sub") if out == "ABS" else out
    r = mtfix_cli("fix", "sub", "-o", out, cwd=root)
    assert r.rc == 2 and not r.traceback
    assert "is the input folder sub itself" in r.stderr and f"-o {Path(out)}:" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert _files(root) == ["sub/a.txt"] and (root / "sub" / "a.txt").read_text() == GARBLED


def test_output_folder_a_symlink_to_the_input_folder_is_an_error(mtfix_cli, tmp_path: Path) -> None:
    root = _tree(tmp_path)
    try:
        os.symlink("sub", root / "link", target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links are not available here")
    for args in (("sub", "-o", "link"), ("link", "-o", "sub")):
        r = mtfix_cli("fix", *args, cwd=root)
        assert r.rc == 2 and not r.traceback, args
        assert f"is the input folder {args[0]} itself" in r.stderr
        assert _files(root) == ["sub/a.txt"] and (root / "sub" / "a.txt").read_text() == GARBLED


def test_output_folder_the_parent_of_the_input_folder_is_an_error(mtfix_cli, tmp_path: Path) -> None:
    root = _tree(tmp_path)
    try:
        os.symlink(".", root / "here", target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links are not available here")
    for out in (".", str(root), "here"):
        r = mtfix_cli("fix", "sub", "-o", out, cwd=root)
        assert r.rc == 2 and not r.traceback, out
        assert "is this file itself" in r.stderr and "nothing was written" in r.stderr
        assert (root / "sub" / "a.txt").read_text() == GARBLED
        assert not (root / "sub" / "sub").exists()


def test_output_folder_inside_the_input_folder_still_works(mtfix_cli, tmp_path: Path) -> None:
    root = _tree(tmp_path)
    r = mtfix_cli("fix", "sub", "-o", "sub/fixed", cwd=root)
    assert r.rc == 0, r.stderr
    assert (root / "sub" / "a.txt").read_text() == GARBLED
    assert (root / "sub" / "fixed" / "sub" / "a.txt").read_text() == "The talks went on, said he.\n"


def test_diff_ignores_such_an_output_folder(mtfix_cli, tmp_path: Path) -> None:
    root = _tree(tmp_path)
    r = mtfix_cli("fix", "--diff", "sub", "-o", "sub", cwd=root)
    assert r.rc == 0 and "is ignored with --diff" in r.stderr
    assert _files(root) == ["sub/a.txt"]
