"""Mends of the reviewer's read of session 42's merge: a NUL character in a settings table's key, and a settings
file that is a symbolic link loop said in the words every other file is (``io.paths.LINK_LOOP``)."""

from __future__ import annotations

import os
from pathlib import Path

from mtfix.io.paths import LINK_LOOP
from tests.cli_in_process import mtfix_in_process as run

GARBLED = "We was happy with the the results.\n"


def test_a_nul_character_in_a_table_key_is_refused_with_the_file(tmp_path: Path) -> None:
    """``[diagnostic-severity]`` with a key holding ``\\u0000`` was read (exit 0, no word) until this mend."""
    (tmp_path / "mtfix.toml").write_text('[diagnostic-severity]\n"MTF\\u0000" = "hint"\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text(GARBLED, encoding="utf-8")
    done = run("fix", doc, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"mtfix: error: {tmp_path / 'mtfix.toml'}:"), done.stderr
    assert "[diagnostic-severity] a key holds a NUL character ('MTF\\x00')" in done.stderr, done.stderr
    assert "\x00" not in done.stderr
    assert doc.read_text(encoding="utf-8") == GARBLED


def test_a_settings_file_that_is_a_link_loop_is_said_as_every_other_file(tmp_path: Path) -> None:
    os.symlink("mtfix.toml", tmp_path / "mtfix.toml")
    doc = tmp_path / "a.txt"
    doc.write_text(GARBLED, encoding="utf-8")
    done = run("check", doc, cwd=tmp_path)
    assert f"{LINK_LOOP}; settings file not read" in done.stderr, done.stderr
    assert "a symbolic link loop;" not in done.stderr
