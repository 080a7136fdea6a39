"""The language server as editors use it, round 19 (session 36): a rule's page remembered per cache folder; a file
renamed while open (``workspace/didRenameFiles``); a workspace's settings file and glossary changed while open (a
real LSP client over stdio)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, codes, workspace  # noqa: E402


def _page(href: str) -> Path:
    assert href.startswith("file://"), href
    return Path(unquote(urlparse(href).path))


def test_a_rules_page_is_remembered_per_cache_folder(tmp_path: Path, monkeypatch) -> None:
    """The memo was keyed by the rule's code alone: after ``MTFIX_CACHE_DIR`` changed, the page written into the
    first folder was returned (and none written into the second)."""
    from mtfix.lsp import ruledocs

    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    monkeypatch.setattr(ruledocs, "_PAGES", {})
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "one"))
    first = _page(ruledocs.rule_page_href("MTF105"))
    assert first.is_file() and (tmp_path / "one") in first.parents
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "two"))
    second = _page(ruledocs.rule_page_href("MTF105"))
    assert (tmp_path / "two") in second.parents and second.is_file(), second
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    # back to the first folder: its page again, and no cache at all: the online section
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "one"))
    assert _page(ruledocs.rule_page_href("MTF105")) == first
    monkeypatch.setenv("MTFIX_NO_CACHE", "1")
    assert ruledocs.rule_page_href("MTF105").startswith("http")


NAMES = "The talks with Zeyhun Bayramov went on. The the talks ended.\n"  # a glossary variant (MTF30x); MTF105
ENTRY = "term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov|Zeyhun Bayramov\n"
#: an editor with a file explorer that says what it renamed (VS Code, Helix, Zed), watching no files
RENAMING = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
    file_operations=types.FileOperationClientCapabilities(did_rename=True, did_create=True, did_delete=True)))


def _renamed(h: Harness, old: Path, new: Path) -> None:
    old.rename(new)
    h.client.workspace_did_rename_files(types.RenameFilesParams(files=[types.FileRename(old.as_uri(), new.as_uri())]))


def _glossed(p: types.PublishDiagnosticsParams) -> bool:
    return any(c.startswith("MTF30") for c in codes(p))


def test_a_settings_file_and_a_glossary_renamed_in_the_editor(tmp_path: Path) -> None:
    """``workspace/didRenameFiles`` was not handled (pygls: "Ignoring notification"): with an editor that watches no
    files, renaming the glossary or the settings file in its explorer changed nothing until the document was typed
    in. Now the server asks for the editor's file operations on settings-like files and folders and, told of one,
    reads the settings again: the glossary renamed away, its finding goes; renamed back, it returns; the settings
    file renamed away, the defaults serve (MTF105, ignored by it, comes)."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\nignore = ["MTF105"]\n')
    glossary = root / "names.tsv"
    glossary.write_text(ENTRY, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, capabilities=RENAMING)
        result = await h.start()
        ops = result.capabilities.workspace.file_operations
        assert ops is not None and ops.did_rename is not None, ops
        assert any(f.pattern.glob == "**/*.tsv" for f in ops.did_rename.filters)
        uri, diags = await h.open_checked("a.txt", NAMES)
        assert _glossed(types.PublishDiagnosticsParams(uri, diags)) and "MTF105" not in codes(diags), codes(diags)
        n = len(h.published)
        _renamed(h, glossary, root / "names-old.tsv")
        p = await h.diagnostics(uri, after=n, timeout=60, where=lambda p: not _glossed(p))
        assert "MTF105" not in codes(p)
        n = len(h.published)
        _renamed(h, root / "names-old.tsv", glossary)
        await h.diagnostics(uri, after=n, timeout=60, where=_glossed)
        n = len(h.published)
        _renamed(h, root / "mtfix.toml", root / "mtfix-old.toml")
        p = await h.diagnostics(uri, after=n, timeout=60, where=lambda p: "MTF105" in codes(p))
        assert not _glossed(p)
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 300))


def test_a_settings_file_created_beside_an_open_document(tmp_path: Path) -> None:
    """No settings file when the document was opened; one created in its folder (closer than the workspace's), then
    changed, then deleted, each told as the editor tells it (``didCreateFiles``, a watched-file change,
    ``didDeleteFiles``): each time the document is checked with the settings of the moment."""
    root = workspace(tmp_path, 'ignore = ["MTF401"]\n')
    (root / "news").mkdir()
    caps = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
        file_operations=types.FileOperationClientCapabilities(did_create=True, did_delete=True),
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))

    async def scenario() -> None:
        h = Harness(root, capabilities=caps)
        await h.start()
        uri, diags = await h.open_checked("news/a.txt", NAMES)
        assert "MTF105" in codes(diags), codes(diags)
        local = root / "news" / "mtfix.toml"
        n = len(h.published)
        local.write_text('ignore = ["MTF105"]\n', encoding="utf-8")
        h.client.workspace_did_create_files(types.CreateFilesParams(files=[types.FileCreate(local.as_uri())]))
        await h.diagnostics(uri, after=n, timeout=60, where=lambda p: "MTF105" not in codes(p))
        n = len(h.published)
        local.write_text('ignore = []\n', encoding="utf-8")
        h.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            local.as_uri(), types.FileChangeType.Changed)]))
        await h.diagnostics(uri, after=n, timeout=60, where=lambda p: "MTF105" in codes(p))
        n = len(h.published)
        local.write_text('ignore = ["MTF105"]\n', encoding="utf-8")
        h.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            local.as_uri(), types.FileChangeType.Changed)]))
        await h.diagnostics(uri, after=n, timeout=60, where=lambda p: "MTF105" not in codes(p))
        n = len(h.published)
        local.unlink()
        h.client.workspace_did_delete_files(types.DeleteFilesParams(files=[types.FileDelete(local.as_uri())]))
        p = await h.diagnostics(uri, after=n, timeout=60, where=lambda p: "MTF105" in codes(p))
        assert "MTF401" not in codes(p)  # the workspace's settings again
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 300))
