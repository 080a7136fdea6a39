"""An ``mtfix-ignore`` directive whose code list silences nothing ("MTF111 MTF401": no commas) is a warning
diagnostic at the directive's line in the language server (session 50), as ``mtfix check`` warns on stderr;
before, the server collected the warning and showed nothing.  Through a real LSP client."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import diagnostics_of_an_edit, workspace  # noqa: E402
from test_lsp_server import run  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
WRONG = ("The board said that fees rose , then fell.\n"
         "<!-- mtfix-ignore-next-line: MTF111 MTF401 -->\n"
         "Fees rose , then fell in June.\n")
RIGHT = WRONG.replace("MTF111 MTF401", "MTF111, MTF401")


def _warnings(diags: list[types.Diagnostic]) -> list[types.Diagnostic]:
    return [d for d in diags if d.code is None]


def test_a_directive_that_silences_nothing_is_a_warning_at_its_line_until_it_is_mended(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(tmp_path / "cache"))

    first, second = run(diagnostics_of_an_edit(root, env, "notes.md", WRONG, RIGHT))
    warned = _warnings(first)
    assert len(warned) == 1, first
    w = warned[0]
    assert w.severity == types.DiagnosticSeverity.Warning and w.source == "mtfix"
    assert w.range.start.line == w.range.end.line == 1
    assert WRONG.splitlines()[1][w.range.start.character:w.range.end.character] == "MTF111 MTF401"
    assert "silences nothing" in w.message and "'MTF111, MTF401'" in w.message
    assert any(str(d.code) == "MTF111" and d.range.start.line == 2 for d in first)  # not silenced: shown
    assert _warnings(second) == [] and not any(d.range.start.line == 2 for d in second)  # mended: silenced
