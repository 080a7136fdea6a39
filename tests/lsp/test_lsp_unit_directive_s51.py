"""A malformed ``mtfix-ignore`` directive inside a translation file's unit (a PO ``msgstr``) is a warning diagnostic
at its code list in the file (session 51), as in a plain document since session 50; before, a translation file's
unit-by-unit check kept no document, and the editor showed nothing.  Through a real LSP client."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import diagnostics_of_an_edit, workspace  # noqa: E402
from test_lsp_server import run  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
WRONG = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
         'msgid "Tolls"\nmsgstr ""\n"The council met on Monday.\\n"\n'
         '"Tolls rose , then fell. <!-- mtfix-ignore: MTF111 MTF401 -->"\n')
RIGHT = WRONG.replace("MTF111 MTF401", "MTF111, MTF401")


def test_a_po_entrys_directive_that_silences_nothing_is_a_warning_at_its_place(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(tmp_path / "cache"))

    first, second = run(diagnostics_of_an_edit(root, env, "ui.po", WRONG, RIGHT, "po"))
    warned = [d for d in first if d.code is None]
    assert len(warned) == 1, first
    w = warned[0]
    assert w.severity == types.DiagnosticSeverity.Warning and w.source == "mtfix"
    assert w.range.start.line == w.range.end.line == 7
    assert WRONG.splitlines()[7][w.range.start.character:w.range.end.character] == "MTF111 MTF401"
    assert "silences nothing" in w.message
    assert any(str(d.code) == "MTF111" and d.range.start.line == 7 for d in first)  # not silenced: shown
    assert [d for d in second if d.code is None] == [] and not any(str(d.code) == "MTF111" for d in second)
