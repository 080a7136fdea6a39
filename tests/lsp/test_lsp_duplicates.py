"""One problem, one diagnostic (session 28): the language server, driven by a real LSP client, shows a
rule's and the glossary's identical findings as one diagnostic naming both codes, as ``mtfix check`` does."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402

TEXT = "The oilgas sector grew.\n"


def test_a_merged_finding_is_one_diagnostic_and_its_ignore_silences_both_codes(tmp_path: Path) -> None:
    root = workspace(tmp_path, 'glossaries = ["og.tsv"]\n')
    (root / "og.tsv").write_text("term\tvariants\noil and gas\toilgas\n", encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", TEXT)
        on_word = [d for d in diags if d.range.start == types.Position(0, 4)]
        assert len(on_word) == 1, [(d.code, d.message) for d in diags]
        (d,) = on_word
        assert d.code == "MTF206" and "(also MTF301)" in d.message and d.data["also"] == ["MTF301"]
        acts = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=d.range,
            context=types.CodeActionContext(diagnostics=[d])))
        ignore = next(a for a in acts or [] if isinstance(a, types.CodeAction) and "ignore" in a.title)
        assert ignore.title == "mtfix: ignore MTF206, MTF301 on this line"
        ignored = apply_text_edits(TEXT, edits_of(ignore.edit, uri))
        assert "<!-- mtfix-ignore: MTF206, MTF301 -->" in ignored
        n = len(h.published)
        h.change(uri, ignored, 2)
        after = (await h.diagnostics(uri, 2, after=n)).diagnostics
        assert not [a for a in after if a.range.start == types.Position(0, 4)]  # not handed to MTF301
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))
