"""The language server as an editor uses it, round 5 (session 25), through a real LSP client."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_editor_round2 import menu  # noqa: E402
from test_lsp_server import run  # noqa: E402

#: A Markdown list item as MT writes it, CRLF: two spaces after a comma (MTF129, an unsafe fix), a doubled
#: "the", an emoji before them (UTF-16 positions), a Hebrew word.
ITEM = "- The mayor 😀 said that,  the the bridge (גשר) will open.\r\n"


def test_a_fix_of_spaces_alone_says_what_it_does_in_its_title(tmp_path: Path) -> None:
    """The quick fix of two spaces after a comma read "mtfix: fix MTF129: ', the' → ', the' (unsafe: check the
    result)": the title folds white space, so both sides read the same and the editor cannot tell what picking
    it does (the review page named such edits by what they do since session 22; the menu did not).  Now it says
    "one space between 'that,' and 'the'", and picking it does that."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.md", ITEM, "markdown")
        spaces = next(d for d in diags if str(d.code) == "MTF129")
        acts = await menu(h, uri, spaces.range.start, spaces.range.end, [spaces])
        fix = next(a for a in acts if a.title.startswith("mtfix: fix MTF129"))
        assert fix.title == "mtfix: fix MTF129: one space between 'that,' and 'the' (unsafe: check the result)", (
            fix.title
        )
        assert apply_text_edits(ITEM, edits_of(fix.edit, uri)) == ITEM.replace(",  the", ", the")
        # a fix of words still reads before → after
        twice = next(d for d in diags if str(d.code) == "MTF105")
        acts = await menu(h, uri, twice.range.start, twice.range.end, [twice])
        assert any(a.title == "mtfix: fix MTF105: 'the the' → 'the'" for a in acts), [a.title for a in acts]
        await h.stop()

    run(scenario())
