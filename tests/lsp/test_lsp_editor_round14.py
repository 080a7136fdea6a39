"""The language server as editors use it, round 14 (session 31): a workspace of many documents open when a
glossary changes on disk (a real LSP client over stdio)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402

DOCS = 300  # 1,000 in the probe of bench/RESULTS.md (session 31): minutes before, 12 s after


def test_a_glossary_changed_with_many_documents_open_rechecks_each_with_it(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    names = root / "names.tsv"
    names.write_text("term\tvariants\nMarta Kowalczyk\tMarta Kovalchik\n", encoding="utf-8")
    uris = []
    for k in range(DOCS):
        p = root / f"desk-{k % 10}" / f"story-{k:04d}.txt"
        p.parent.mkdir(exist_ok=True)
        uris.append(p.as_uri())

    def text(k: int) -> str:
        return f"In district {k}, Marta Kovalchik met Pyotr Novitsky and the the officials.\n"

    def said(p: types.PublishDiagnosticsParams, name: str) -> bool:
        return any(name in d.message for d in p.diagnostics)

    async def scenario() -> None:
        h = Harness(root, initialization_options={"glossaries": ["names.tsv"], "defaultGlossaries": False,
                                                  "server": {"debounceMs": 5}})
        await h.start()
        for k, uri in enumerate(uris):
            h.open(uri, text(k))
        for uri in uris:
            first = await h.diagnostics(uri, 1, timeout=240)
            assert said(first, "Marta Kowalczyk") and not said(first, "Piotr Nowicki")
        n = len(h.published)
        names.write_text("term\tvariants\nMarta Kowalczyk\tMarta Kovalchik\nPiotr Nowicki\tPyotr Novitsky\n",
                         encoding="utf-8")
        h.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            uri=names.as_uri(), type=types.FileChangeType.Changed)]))
        for uri in uris:  # every open document rechecked with the new term, the old one kept
            after = await h.diagnostics(uri, 1, after=n, timeout=240, where=lambda p: said(p, "Piotr Nowicki"))
            assert said(after, "Marta Kowalczyk") and any(d.code == "MTF105" for d in after.diagnostics)
        again = [p.uri for p in h.published[n:]]
        assert len(set(again)) == DOCS and len(again) <= DOCS + 10, (len(again), len(set(again)))
        assert not h.messages, h.messages[:3]
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    asyncio.run(asyncio.wait_for(scenario(), 600))
