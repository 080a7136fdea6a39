"""The language server as editors use it, round 16 (session 33): a garbled sentence's finding (MTF401) in a paragraph
of several sentences on one line says which sentence it judges, and offers to select it to rewrite (a real LSP client
over stdio)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import CAPABILITIES, Harness, workspace  # noqa: E402

# one paragraph, three sentences, on one line; the second reads like garbled MT (MTF401, span a few words inside it)
FIRST = "The council met on Monday. "
GARBLED = ("The conference was dedicated to the history of the bridge of the river, built the role by the workers "
           "of the factory of the town and the help of the people of the valley.")
TEXT = FIRST + GARBLED + " Schools stay open.\n"
SHOWING = types.ClientCapabilities(
    workspace=CAPABILITIES.workspace, text_document=CAPABILITIES.text_document,
    window=types.WindowClientCapabilities(show_document=types.ShowDocumentClientCapabilities(support=True)))


def _garbled(diags: list[types.Diagnostic]) -> types.Diagnostic:
    found = [d for d in diags if d.code == "MTF401"]
    assert found, [(d.code, d.message) for d in diags]
    return found[0]


def test_a_garbled_sentence_finding_names_its_whole_sentence_and_selects_it(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    start, end = len(FIRST), len(FIRST) + len(GARBLED)

    async def scenario() -> None:
        h = Harness(root, capabilities=SHOWING)
        shown: list[types.ShowDocumentParams] = []

        @h.client.feature(types.WINDOW_SHOW_DOCUMENT)
        def on_show(*args: types.ShowDocumentParams) -> types.ShowDocumentResult:
            shown.append(args[-1])
            return types.ShowDocumentResult(success=True)

        await h.start()
        uri, diags = await h.open_checked("story.txt", TEXT)
        d = _garbled(diags)
        assert (d.range.end.character - d.range.start.character) < len(GARBLED)  # where to start reading only
        assert d.related_information, (d.range, d.message, d.data)
        first = d.related_information[0]
        assert first.location.range == types.Range(types.Position(0, start), types.Position(0, end)), first
        assert "the sentence to judge whole" in first.message and "The conference was dedicated" in first.message
        acts = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
            context=types.CodeActionContext(diagnostics=[d])))
        select = [a for a in acts or [] if "select the sentence" in a.title]
        assert len(select) == 1 and select[0].command is not None, [a.title for a in acts or []]
        cmd = select[0].command
        await h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=cmd.command, arguments=cmd.arguments))
        assert len(shown) == 1 and shown[0].uri == uri and shown[0].take_focus
        assert shown[0].selection == first.location.range
        # typed meanwhile: the action's sentence is another's now; nothing is selected, the editor is told
        h.change(uri, "Now. " + TEXT, 2)
        await h.diagnostics(uri, 2)
        await h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=cmd.command, arguments=cmd.arguments))
        assert len(shown) == 1 and any("changed since this action" in m for m in h.messages), h.messages
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 240))


def test_a_client_that_cannot_show_a_document_is_not_offered_the_selection(tmp_path: Path) -> None:
    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("story.txt", TEXT)
        d = _garbled(diags)
        assert d.related_information and "the sentence to judge whole" in d.related_information[0].message
        acts = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
            context=types.CodeActionContext(diagnostics=[d])))
        titles = [a.title for a in acts or []]
        assert not any("select the sentence" in t for t in titles) and any("ignore MTF401" in t for t in titles)
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 240))
