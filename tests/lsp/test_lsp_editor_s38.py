"""The language server as editors use it, round 21 (session 38), with a real LSP client over stdio. Diagnostics
pulled (LSP 3.17 ``textDocument/diagnostic``): a client that pulls is answered and never pushed to (VS Code showed
pushed and pulled diagnostics twice), a pull waits for the check on its way, an unchanged result is said so,
diagnostics that change without a pull (a settings file saved) make the server ask the client to pull again
(``workspace/diagnostic/refresh``), ``$/cancelRequest`` of a pull spares the check. A fix the editor refuses to
apply is said."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import CAPABILITIES, Harness, workspace  # noqa: E402
from raw_client import RawClient  # noqa: E402

DOUBLED = "The the talks ended in the evening.\n"  # MTF105 (a doubled word)
CLEAN = "The talks ended in the evening.\n"
#: VS Code's: it pulls diagnostics and takes refresh requests
PULLING = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        workspace_edit=CAPABILITIES.workspace.workspace_edit,
        diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)),
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=CAPABILITIES.text_document.publish_diagnostics,
        code_action=CAPABILITIES.text_document.code_action,
        diagnostic=types.DiagnosticClientCapabilities(related_information=True)),
)


def _codes(report: types.RelatedFullDocumentDiagnosticReport) -> set[str]:
    return {str(d.code) for d in report.items}


async def _pull(h: Harness, uri: str, previous: str | None = None) -> types.RelatedFullDocumentDiagnosticReport:
    return await asyncio.wait_for(h.client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri), previous_result_id=previous)), 60)


def _refreshes(h: Harness) -> list[float]:
    """The times of the server's ``workspace/diagnostic/refresh`` requests to ``h``'s client, as they come."""
    refreshes: list[float] = []

    @h.client.feature(types.WORKSPACE_DIAGNOSTIC_REFRESH)
    def on_refresh(*args: object) -> None:
        refreshes.append(asyncio.get_running_loop().time())
        h.changed.set()

    return refreshes


def test_a_pulling_client_is_answered_and_not_pushed_to(tmp_path: Path) -> None:
    """Before: ``textDocument/diagnostic`` was MethodNotFound (VS Code logged the error at every keystroke: it
    pulls as soon as a server says it may) and only pushed diagnostics reached the editor."""
    root = workspace(tmp_path, "ignore = []\n")

    async def scenario() -> None:
        h = Harness(root, capabilities=PULLING)
        refreshes = _refreshes(h)
        result = await h.start()
        provider = result.capabilities.diagnostic_provider
        assert provider is not None and provider.inter_file_dependencies
        uri = (root / "a.txt").as_uri()
        h.open(uri, DOUBLED)
        first = await _pull(h, uri)
        assert first.kind == "full" and "MTF105" in _codes(first), first
        same = await _pull(h, uri, first.result_id)
        assert same.kind == "unchanged" and same.result_id == first.result_id, same
        h.change(uri, CLEAN, 2)  # pulled at once, as VS Code does: the answer is the new text's, not the old
        after = await _pull(h, uri, first.result_id)
        assert after.kind == "full" and "MTF105" not in _codes(after), after
        await asyncio.sleep(1.0)
        assert not refreshes, "a refresh for diagnostics the client had just pulled"
        # the settings file changed and saved: the diagnostics change without a pull, so the client is asked
        h.change(uri, DOUBLED, 3)
        back = await _pull(h, uri)
        assert "MTF105" in _codes(back)
        (root / "mtfix.toml").write_text('ignore = ["MTF105"]\n', encoding="utf-8")
        h.client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier((root / "mtfix.toml").as_uri())))
        for _ in range(600):
            if refreshes:
                break
            await asyncio.sleep(0.1)
        assert refreshes, "no workspace/diagnostic/refresh after the settings file was saved"
        gone = await _pull(h, uri, back.result_id)
        assert gone.kind == "full" and "MTF105" not in _codes(gone), gone
        assert not h.published, f"pushed to a client that pulls: {[p.uri for p in h.published]}"
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))


def test_a_recheck_that_changes_nothing_asks_for_no_refresh(tmp_path: Path) -> None:
    """Saving a settings file rechecks every open document; where the diagnostics are the ones the client last
    pulled, asking it to pull again would only make the editor pull every open document for nothing (before:
    a refresh after every such recheck, since the server compared nothing with the last pull)."""
    root = workspace(tmp_path, "ignore = []\n")

    async def scenario() -> None:
        h = Harness(root, capabilities=PULLING)
        refreshes = _refreshes(h)
        await h.start()
        uri = (root / "a.txt").as_uri()
        h.open(uri, DOUBLED)
        first = await _pull(h, uri)
        assert "MTF105" in _codes(first), first
        (root / "mtfix.toml").write_text("# the same settings\nignore = []\n", encoding="utf-8")
        h.client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier((root / "mtfix.toml").as_uri())))
        await asyncio.sleep(3.0)  # the recheck and the refresh delay
        same = await _pull(h, uri, first.result_id)
        assert same.kind == "unchanged", same
        assert not refreshes, "a refresh although the diagnostics are the ones the client pulled"
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))


def test_a_client_that_does_not_pull_is_pushed_to_as_before(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", DOUBLED)
        assert "MTF105" in {str(d.code) for d in diags}
        pulled = await _pull(h, uri)  # a pull is answered too, with the same diagnostics
        assert _codes(pulled) == {str(d.code) for d in diags}
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))


def test_a_pull_cancelled_during_a_slow_check_spares_the_check(tmp_path: Path) -> None:
    """``$/cancelRequest`` of a pull waiting for a long document's check: the pull is answered RequestCancelled
    (or its result, if it won the race), the check goes on, and the next pull gets its diagnostics."""
    root = workspace(tmp_path)
    c = RawClient(root)
    try:
        c.call("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {
            "textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": True}}},
            "workspaceFolders": [{"uri": root.as_uri(), "name": "ws"}]})
        c.notify("initialized", {})
        uri = (root / "long.txt").as_uri()
        big = DOUBLED * 3000
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                           "text": big}})
        pending = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        c.notify("$/cancelRequest", {"id": pending})
        answer = c.answer(pending, timeout=120)
        assert "result" in answer or answer["error"]["code"] == -32800, answer
        report = c.call("textDocument/diagnostic", {"textDocument": {"uri": uri}}, timeout=120)["result"]
        assert report["kind"] == "full" and sum(d["code"] == "MTF105" for d in report["items"]) == 3000
        assert not [m for m in c.drain() if m.get("method") == "textDocument/publishDiagnostics"]
        assert "result" in c.call("shutdown")
        c.notify("exit")
        code, stderr = c.finish()
        assert code == 0 and "Traceback" not in stderr, stderr
    finally:
        if c.proc.poll() is None:
            c.proc.kill()


def test_a_fix_the_editor_refuses_to_apply_is_said(tmp_path: Path) -> None:
    """A command-only client runs the fix's command; the server sends ``workspace/applyEdit`` and the editor
    refuses it (the file changed on disk, a read-only buffer: ``applied: false`` with a reason). Before: the
    refusal went into the command's result, which editors do not show: the user picked a fix and nothing
    happened. Now a message says it was not applied and why."""
    from lsp_harness import COMMAND_CLIENT

    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root, capabilities=COMMAND_CLIENT)

        @h.client.feature(types.WORKSPACE_APPLY_EDIT)
        def refuse(*args: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
            return types.ApplyWorkspaceEditResult(applied=False, failure_reason="the buffer is read-only")

        await h.start()
        uri, diags = await h.open_checked("a.txt", DOUBLED)
        doubled = next(d for d in diags if str(d.code) == "MTF105")
        actions = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=doubled.range,
            context=types.CodeActionContext(diagnostics=[doubled])))
        fix = next(a for a in actions or [] if isinstance(a, types.CodeAction) and a.command is not None
                   and "MTF105" in a.title)
        result = await h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=fix.command.command, arguments=fix.command.arguments))
        assert result is not None and not result["ok"], result
        for _ in range(100):
            if any("not applied" in m for m in h.messages):
                break
            await asyncio.sleep(0.1)
        said = [m for m in h.messages if "not applied" in m]
        assert said and "the buffer is read-only" in said[0], h.messages
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))
