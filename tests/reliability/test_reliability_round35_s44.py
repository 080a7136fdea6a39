"""Reliability round 35 (session 44): a name with a run of line breaks (``$'no\\n\\nsuch.txt'``) was escaped in part
(``no`` / ``\\nsuch.txt``: the error on two lines); now the whole run is written ``\\n\\n`` on the error's one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.cli.error_clipping import one_line
from tests.cli_in_process import mtfix_in_process as run


@pytest.mark.parametrize("name", ["no\n\nsuch.txt", "no\n\n\nsuch.txt", "a\n\nb\nc.txt"])
def test_a_name_with_a_run_of_line_breaks_is_escaped_whole(tmp_path: Path, name: str) -> None:
    done = run("check", name, cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtfix: error: "), done.stderr
    assert name.replace("\n", "\\n") in lines[0], lines[0]


def test_an_indented_blocks_blank_line_and_a_next_own_line_are_kept() -> None:
    """Precision guard: a log tail's blank line and a ``note:`` after a blank line keep their line breaks."""
    text = "mtfix: error: its log ends:\n  one\n\n  two\n\nnote: see the log\n"
    assert one_line(text) == text
