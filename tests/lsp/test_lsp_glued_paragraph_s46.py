"""The editor reads a word split by inline tags in an ordinary Markdown paragraph as ``mtfix check`` does (session
46), with a real LSP client: ``Ba<b>kı</b>`` is one word "Bakı" (MTF301 "Baku"), not MTF207 'kı'."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_editor_settings import run  # noqa: E402
from test_lsp_formats import check_json  # noqa: E402

TEXT = "# Talks\n\nThe summit in Ba<b>kı</b> opened on Monday.\n\n> The ferry to <span>Ba</span>kı left.\n"


def test_the_editor_reads_a_paragraphs_glued_word_as_check_does(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    path = root / "talks.md"
    path.write_text(TEXT, encoding="utf-8")
    wanted = sorted((f["code"], f["line"] - 1) for f in check_json(path))
    assert ("MTF301", 2) in wanted and ("MTF301", 4) in wanted and not any(c == "MTF207" for c, _ in wanted)

    async def scenario() -> list[tuple[str, int]]:
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked("talks.md", TEXT, "markdown")
        await h.stop()
        return sorted((str(d.code), d.range.start.line) for d in diags)

    assert run(scenario()) == wanted
