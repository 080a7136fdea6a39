"""The language server's quick fixes in Markdown agree with ``mtfix fix`` where emphasis or a link cuts through a
garble (session 28): each quick fix and fix-all write what ``mtfix fix`` writes, the markup kept."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_formats import fixed_bytes  # noqa: E402
from test_lsp_server import run  # noqa: E402

MD = ("# Talks\n\n"
      "The talks ran late into the **snow**The minister left on Monday.\n\n"
      "The envoys stayed in [Ganja](https://example.org/ganja) ,where the talks resumed.\n\n"
      "Foreign Minister Ceyhun **Bayramov** opened the forum on Tuesday.\n")
#: (code, the line of the file the quick fix changes, as `mtfix fix` writes it)
ONE = [("MTF202", 2, "The talks ran late into the **snow** The minister left on Monday."),
       ("MTF111", 4, "The envoys stayed in [Ganja](https://example.org/ganja), where the talks resumed."),
       ("MTF301", 6, "Foreign Minister Jeyhun **Bayramov** opened the forum on Tuesday.")]


def test_quick_fixes_across_markup_write_what_mtfix_fix_writes(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    copy = tmp_path / "news.md"
    copy.write_text(MD, encoding="utf-8")
    want_all = fixed_bytes(copy).decode("utf-8")
    assert want_all.split("\n")[2] == ONE[0][2] and want_all.split("\n")[6] == ONE[2][2]

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.md", MD, "markdown")
        assert await fix_all_text(h, uri, MD) == want_all
        for code, line, after in ONE:
            d = next(d for d in diags if str(d.code) == code and d.range.start.line == line)
            acts = await menu(h, uri, d.range.start, d.range.end, [d])
            fix = next(a for a in acts if a.title.startswith(f"mtfix: fix {code}"))
            one = apply_text_edits(MD, edits_of(fix.edit, uri)).split("\n")
            lines = MD.split("\n")
            assert one == [*lines[:line], after, *lines[line + 1:]]
        await h.stop()

    run(scenario())


def test_diagnostics_quote_the_prose_not_the_markup(tmp_path: Path) -> None:
    """Session 29: a diagnostic's message and its suggestion quote what the reader sees (``snowThe``), never the
    emphasis markers or a link's destination the finding's range holds; the range itself still covers them."""
    root = workspace(tmp_path)
    md = MD + "\nThe talks went on **the** the next day.\n"

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked("news.md", md, "markdown")
        await h.stop()
        mine = [d for d in diags if str(d.code) in ("MTF202", "MTF111", "MTF301", "MTF103", "MTF105")]
        assert {str(d.code) for d in mine} >= {"MTF202", "MTF111", "MTF301"}
        for d in mine:
            assert "**" not in d.message and "](" not in d.message, d.message

    run(scenario())
