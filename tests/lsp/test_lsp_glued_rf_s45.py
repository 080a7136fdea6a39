"""The editor reads a word split by inline tags as ``mtfix check`` does (session 45, RF3), with a real LSP client.

Session 45 read ``<b>Ba</b>kı`` in a Markdown HTML block as one word in ``mtfix check`` (MTF301 "Baku"), but the
language server built its own document without the glued tags: the editor said MTF207 'kı' and no MTF301.  Both
now build the document from the same unit (:func:`mtfix.formats.markdown.markdown_unit`,
:func:`mtfix.formats.html.html_unit`), so their findings are the same, on a page too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_editor_settings import run  # noqa: E402
from test_lsp_formats import check_json  # noqa: E402

CASES = [
    ("talks.md", "markdown", "# Talks\n\n<div>\nThe summit in <b>Ba</b>kı opened on Monday.\n</div>\n"),
    ("talks.html", "html", "<html><body><p>The summit in <b>Ba</b>kı opened on Monday.</p></body></html>\n"),
]


@pytest.mark.parametrize(("name", "language_id", "text"), CASES)
def test_the_editor_reads_a_glued_word_as_check_does(tmp_path: Path, name: str, language_id: str, text: str) -> None:
    root = workspace(tmp_path)
    path = root / name
    path.write_text(text, encoding="utf-8")
    wanted = sorted((f["code"], f["line"] - 1) for f in check_json(path))
    assert ("MTF301", 3 if name.endswith(".md") else 0) in wanted and not any(c == "MTF207" for c, _ in wanted)

    async def scenario() -> list[tuple[str, int]]:
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked(name, text, language_id)
        await h.stop()
        return sorted((str(d.code), d.range.start.line) for d in diags)

    assert run(scenario()) == wanted
