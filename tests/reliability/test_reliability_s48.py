"""Reliability round 39 (session 48): ordinary batches tried as a new user would.

A folder named beside other paths that yielded no file (web pages only, `.rst` only) was passed over without a word;
a run of such folders alone said "no file to check".  Now each such folder is named in that warning and the others are
checked.  The mixed batch (UTF-16 with a byte-order mark, Latin-1, empty, a link loop, a NUL byte, a FIFO, names with a
newline and spaces) is a guard of what earlier rounds made: one error naming the file, the line and the reason, exit 2,
the bad file untouched, every other file checked and fixed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_runner import run_mtfix

DOUBLED = "The the ferry left at noon.\n"
FIXED = "The ferry left at noon.\n"


def test_a_named_folder_that_gives_no_file_is_named_in_a_warning(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(DOUBLED, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>The the ferry left.</p>\n", encoding="utf-8")
    run = run_mtfix("check", "notes.txt", "site/", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert "notes.txt:1:4: MTF105" in run.stdout
    assert "mtfix: warning: no file to check in site/: folders are walked for" in run.stderr
    assert "--input-format html" in run.stderr


def test_folders_that_give_files_are_not_named(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(DOUBLED, encoding="utf-8")
    run = run_mtfix("check", "news", "news/", "./news", cwd=tmp_path)
    assert run.rc == 0 and "no file to check" not in run.stderr, run.stderr


def _mixed_batch(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    files = {
        "bom16.txt": DOUBLED.encode("utf-16"),
        "legacy.txt": "Caf\u00e9 owners met the mayor.\n".encode("latin-1"),
        "empty.txt": b"",
        "nul.txt": b"The the\x00 ferry.\n",
        "two words.txt": DOUBLED.encode(),
        "line\nbreak.txt": DOUBLED.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "loop").mkdir()
    (folder / "loop" / "self").symlink_to("..")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    return files


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_mixed_batch_fails_one_file_clearly_and_processes_the_rest(tmp_path: Path, command: str) -> None:
    batch = tmp_path / "batch"
    files = _mixed_batch(batch)
    run = run_mtfix(command, batch, timeout=120)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"{batch}/legacy.txt:1: not valid utf-8" in run.stderr and "--encoding" in run.stderr
    assert f"{batch}/pipe.txt: FIFO, not a regular file; skipped" in run.stderr or not hasattr(os, "mkfifo")
    assert "link loop" in run.stderr and "nul.txt: binary file skipped" in run.stderr
    assert (batch / "legacy.txt").read_bytes() == files["legacy.txt"]
    assert (batch / "empty.txt").read_bytes() == b"" and (batch / "nul.txt").read_bytes() == files["nul.txt"]
    if command == "check":
        assert run.stdout.count(": MTF105 ") == 3, run.stdout  # the UTF-16 file and both odd names
        assert all((batch / n).read_bytes() == data for n, data in files.items())
    else:
        assert (batch / "bom16.txt").read_bytes() == FIXED.encode("utf-16")  # its encoding and mark kept
        assert (batch / "two words.txt").read_bytes() == (batch / "line\nbreak.txt").read_bytes() == FIXED.encode()
