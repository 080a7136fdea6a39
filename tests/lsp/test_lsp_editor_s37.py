"""The language server as editors use it, round 20 (session 37): an open document renamed or moved with only
``workspace/didRenameFiles`` follows to its new URI; a client that also closes and opens it (LSP's "Renaming a
document") and a rename of the letters' case only are served as before; a glossary's diagnostic points at the
entry it enforces (a real LSP client over stdio)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, codes, workspace  # noqa: E402

DOUBLED = "The the talks ended in the evening.\n"  # MTF105 (a doubled word)
CLEAN = "The talks ended in the evening.\n"
#: an editor with a file explorer that says what it renamed, watching no files
RENAMING = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
    file_operations=types.FileOperationClientCapabilities(did_rename=True)))


def _renamed(h: Harness, old: Path, new: Path) -> None:
    old.rename(new)
    h.client.workspace_did_rename_files(types.RenameFilesParams(files=[types.FileRename(old.as_uri(), new.as_uri())]))


def _close(h: Harness, uri: str) -> None:
    h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))


def test_an_open_document_renamed_with_did_rename_files_alone_follows(tmp_path: Path) -> None:
    """Before: the document stayed under its old URI (diagnostics on a file gone, the old folder's settings) and a
    change naming the new URI was dropped as "not open". Now: the old URI's diagnostics are cleared, the new URI is
    checked with its new folder's settings, changes to it are checked, a change or a close the client queued under
    the old name reaches the moved document."""
    root = workspace(tmp_path, 'ignore = ["MTF105"]\n')
    (root / "news").mkdir()
    (root / "news" / "mtfix.toml").write_text("ignore = []\n", encoding="utf-8")
    (root / "a.txt").write_text(DOUBLED, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, capabilities=RENAMING)
        result = await h.start()
        ops = result.capabilities.workspace.file_operations
        assert any(f.pattern.glob == "**/*" and f.pattern.matches == types.FileOperationPatternKind.File
                   for f in ops.did_rename.filters), ops.did_rename
        old, diags = await h.open_checked("a.txt", DOUBLED)
        assert "MTF105" not in codes(diags), codes(diags)
        n = len(h.published)
        new_path = root / "news" / "b.txt"
        _renamed(h, root / "a.txt", new_path)
        new = new_path.as_uri()
        p = await h.diagnostics(new, after=n, timeout=60)
        assert "MTF105" in codes(p) and p.version == 1, codes(p)  # the news folder's settings
        assert any(q.uri == old and not q.diagnostics for q in h.published[n:]), "the old URI's diagnostics stay"
        h.change(new, CLEAN, 2)
        assert "MTF105" not in codes(await h.diagnostics(new, 2, after=n, timeout=60))
        h.change(old, DOUBLED, 3)  # queued by the client before it took the new name
        assert "MTF105" in codes(await h.diagnostics(new, 3, after=n, timeout=60))
        n = len(h.published)
        _close(h, old)
        p = await h.diagnostics(new, after=n, timeout=60)
        assert not p.diagnostics
        assert await h.stop() == 0
        assert "not open" not in h.stderr, h.stderr

    asyncio.run(asyncio.wait_for(scenario(), 300))


def test_a_folder_renamed_with_an_open_document_in_it(tmp_path: Path) -> None:
    """A folder renamed: the open documents under it move with it (and are checked at their new URIs)."""
    root = workspace(tmp_path)
    (root / "drafts").mkdir()
    (root / "drafts" / "c.txt").write_text(DOUBLED, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, capabilities=RENAMING)
        await h.start()
        old, diags = await h.open_checked("drafts/c.txt", DOUBLED)
        assert "MTF105" in codes(diags)
        n = len(h.published)
        _renamed(h, root / "drafts", root / "final drafts")
        new = (root / "final drafts" / "c.txt").as_uri()
        assert "MTF105" in codes(await h.diagnostics(new, after=n, timeout=60))
        h.change(new, CLEAN, 2)
        assert "MTF105" not in codes(await h.diagnostics(new, 2, after=n, timeout=60))
        assert any(q.uri == old and not q.diagnostics for q in h.published[n:])
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 300))


def test_a_client_that_closes_and_opens_as_lsp_asks(tmp_path: Path) -> None:
    """VS Code's way (close the old URI, open the new one) around the rename notification, in both orders: the new
    document stays open and checked; nothing is closed by the old name after the client opened the new one. And a
    rename of the case only keeps the old URI, as VS Code does."""
    root = workspace(tmp_path)
    for name in ("d.txt", "e.txt", "Case.txt"):
        (root / name).write_text(DOUBLED, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, capabilities=RENAMING)
        await h.start()
        for name, first_close in (("d.txt", True), ("e.txt", False)):
            old, _ = await h.open_checked(name, DOUBLED)
            new_path = root / f"renamed-{name}"
            new = new_path.as_uri()
            n = len(h.published)
            _renamed(h, root / name, new_path)
            if first_close:
                _close(h, old)
                h.open(new, DOUBLED)
            else:
                h.open(new, DOUBLED)
                _close(h, old)
            await h.diagnostics(new, 1, after=n, timeout=60, where=lambda p: "MTF105" in codes(p))
            h.change(new, CLEAN + DOUBLED, 2)
            p = await h.diagnostics(new, 2, after=n, timeout=60)
            assert "MTF105" in codes(p), codes(p)
            await asyncio.sleep(1.0)
            last = [q for q in h.published if q.uri == new][-1]
            assert last.diagnostics, f"{name}: the new document was closed by the old name"
        old, _ = await h.open_checked("Case.txt", DOUBLED)
        n = len(h.published)
        h.client.workspace_did_rename_files(types.RenameFilesParams(files=[types.FileRename(
            old, (root / "case.txt").as_uri())]))
        h.change(old, CLEAN, 2)
        assert "MTF105" not in codes(await h.diagnostics(old, 2, after=n, timeout=60))
        assert all(q.uri != (root / "case.txt").as_uri() for q in h.published)
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 300))


NAMES = "The talks with Zeyhun Bayramov went on until late.\n"
ENTRY = "term\tvariants\tnote\nJeyhun Bayramov\tCeyhun Bayramov|Zeyhun Bayramov\tthe minister: spelt as his press office does\n"


def test_a_glossary_diagnostic_points_at_its_entry(tmp_path: Path) -> None:
    """A glossary's diagnostic said "'Zeyhun Bayramov' should read 'Jeyhun Bayramov' (glossary)" and nothing of the
    entry: which glossary, its note. Now its related information is the entry, at its line in the glossary file
    (the editor opens it from the diagnostic), with the term, the variants and the note; a bundled glossary's entry
    points into mtfix's own file; other diagnostics carry no entry."""
    root = workspace(tmp_path, 'glossaries = ["term lists/names.tsv"]\n')
    (root / "term lists").mkdir()
    glossary = root / "term lists" / "names.tsv"
    glossary.write_text(ENTRY, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked("a.txt", NAMES + "The the delegation left Gəncə on Monday.\n")
        mine = next(d for d in diags if d.code == "MTF301" and d.range.start.line == 0)
        info = mine.related_information[0]
        assert info.location.uri == glossary.as_uri() and info.location.range.start.line == 1, info
        assert info.message.startswith("glossary entry: Jeyhun Bayramov (variants: Ceyhun Bayramov, Zeyhun Bayramov)")
        assert info.message.endswith("note: the minister: spelt as his press office does"), info.message
        bundled = next(d for d in diags if d.code == "MTF301" and d.range.start.line == 1)
        where = bundled.related_information[0].location.uri
        assert where.startswith("file://") and where.endswith(".yaml"), where
        assert Path(unquote(urlparse(where).path)).is_file()
        others = [d for d in diags if not d.code.startswith("MTF30")]
        assert others and not any((r.message or "").startswith("glossary entry")
                                  for d in others for r in d.related_information or ())
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 300))
