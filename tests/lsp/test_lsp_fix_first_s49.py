"""A finding's own fix first in the quick-fix menu (session 49), through a real LSP client over stdio: a cursor on a
doubled word inside a garbled sentence got "leave this sentence as is" and "ignore MTF401 in this file" above the
fix, since the verdict's underline starts before it and VS Code sends every diagnostic under the cursor (Enter takes
the first entry: the sentence was left as is, the doubled word kept)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402

# own: a garbled sentence (a reporting verb twice) with a doubled word after the start of its underline
TEXT = "The ranger noted that the question of the repair of the the upper weir is in the focus of notice, he said.\n"


def test_the_fix_comes_before_leaving_the_sentence(tmp_path: Path) -> None:
    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("a.txt", TEXT)
        doubled = next(d for d in diags if d.code == "MTF105")
        under = [d for d in diags if (d.range.start.character <= doubled.range.start.character < d.range.end.character)]
        assert {"MTF401", "MTF105"} <= {str(d.code) for d in under}, [(d.code, d.range) for d in diags]
        acts = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=doubled.range,
            context=types.CodeActionContext(diagnostics=under)))
        titles = [a.title for a in acts or []]
        assert titles[0].startswith("mtfix: fix MTF105:"), titles
        # what leaves or ignores is all still there, after it, in the order it had
        leave = [t for t in titles if "leave this sentence" in t or " ignore " in t]
        assert leave and titles.index(leave[0]) > 0 and leave[0].startswith("mtfix: leave this sentence as is"), titles
        # a cursor on the verdict alone: the menu as before (leave first)
        verdict = next(d for d in diags if d.code == "MTF401")
        alone = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=types.Range(verdict.range.start,
                                                                                   verdict.range.start),
            context=types.CodeActionContext(diagnostics=[verdict])))
        assert alone and alone[0].title.startswith("mtfix: leave this sentence as is"), [a.title for a in alone]
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 240))
