"""The language server as editors use it, round 22 (session 39), with a real LSP client over stdio.

``workspace/diagnostic`` (LSP 3.17's whole-workspace pull, which VS Code sends every 2 s to a server that offers
it) is served for the open documents, and a closed one's diagnostics are cleared; LanguageTool's second pass,
with the real LanguageTool, makes the server ask a pulling client to pull again."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_editor_s38 import DOUBLED, PULLING, _codes, _pull, _refreshes  # noqa: E402

CLEAN = "Ministers met in Ganja on Monday to discuss new rail links.\n"


async def _pull_workspace(h: Harness, previous: dict[str, str]) -> dict[str, types.WorkspaceDocumentDiagnosticReport]:
    """A whole-workspace pull naming ``previous`` (URI → result id): the reports by URI."""
    report = await asyncio.wait_for(h.client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(
        previous_result_ids=[types.PreviousResultId(uri=u, value=v) for u, v in previous.items()])), 60)
    return {r.uri: r for r in report.items}


def test_the_workspace_pull_reports_the_open_documents(tmp_path: Path) -> None:
    """Before: ``workspace/diagnostic`` was MethodNotFound (``workspaceDiagnostics: false``). Now the open documents
    the server checks are reported (unchanged ones as such), a file never opened is not (the server checks only
    what the editor opened), and a document closed since the last workspace pull is reported empty, so that its
    underlines go."""
    root = workspace(tmp_path)
    (root / "never-opened.txt").write_text(DOUBLED, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, capabilities=PULLING)
        result = await h.start()
        assert result.capabilities.diagnostic_provider.workspace_diagnostics
        a, b, code = ((root / n).as_uri() for n in ("a.txt", "b.md", "tool.py"))
        h.open(a, DOUBLED)
        h.open(b, "Notes from the talks\n\n" + CLEAN, "markdown")
        h.open(code, "x = 1  # the the\n", "python")
        first = await _pull_workspace(h, {})
        assert set(first) == {a}, first  # b has nothing to say, tool.py is not checked, never-opened.txt not open
        assert first[a].kind == "full" and "MTF105" in _codes(first[a]) and first[a].version == 1
        ids = {a: first[a].result_id}
        again = await _pull_workspace(h, ids)
        assert again[a].kind == "unchanged" and again[a].result_id == ids[a], again
        h.change(a, CLEAN, 2)  # pulled at once: the new text's diagnostics, not the old
        changed = await _pull_workspace(h, ids)
        assert changed[a].kind == "full" and not changed[a].items and changed[a].version == 2, changed
        h.change(a, DOUBLED, 3)
        back = await _pull_workspace(h, {a: changed[a].result_id})
        assert "MTF105" in _codes(back[a])
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(a)))
        closed = await _pull_workspace(h, {a: back[a].result_id})
        assert closed[a].kind == "full" and not closed[a].items and closed[a].version is None, closed
        assert await _pull_workspace(h, {a: closed[a].result_id}) == {}  # said once
        document = await _pull(h, b)  # the document pull is answered as before
        assert document.kind == "full" and not document.items
        assert not h.published, f"pushed to a client that pulls: {[p.uri for p in h.published]}"
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))


@pytest.mark.languagetool
@pytest.mark.slow
def test_languagetool_second_pass_asks_a_pulling_client_to_pull_again(tmp_path: Path) -> None:
    """With the real LanguageTool: the first pull has the fast pass's findings (LanguageTool is still starting);
    its pass then changes the diagnostics without a pull, so the server sends ``workspace/diagnostic/refresh``,
    and the next pull has LanguageTool's findings with the fast pass's. Untested with the real server until now
    (session 38 tested the refresh after a settings file was saved)."""
    from tests.languagetool_home import installed_lt_home

    installed_lt_home()
    root = workspace(tmp_path, 'grammar = "auto"\n')
    text = "This is an test of the the new border crossing.\n"

    async def scenario() -> None:
        h = Harness(root, (), capabilities=PULLING)  # no --grammar override: the workspace asks for LanguageTool
        refreshes = _refreshes(h)
        await h.start()
        uri = (root / "a.txt").as_uri()
        h.open(uri, text)
        first = await _pull(h, uri)
        assert "MTF105" in _codes(first) and not any(c.startswith("LT:") for c in _codes(first)), first
        for _ in range(2000):
            if refreshes:
                break
            await asyncio.sleep(0.1)
        assert refreshes, "no workspace/diagnostic/refresh after LanguageTool's pass"
        second = await _pull(h, uri, first.result_id)
        assert second.kind == "full", second
        lt = [d for d in second.items if str(d.code).startswith("LT:")]
        assert any(text[d.data["start"]:d.data["end"]] == "an" for d in lt), second.items
        assert "MTF105" in _codes(second)
        assert not h.published
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 400))


#: our own glossary: a made-up town and a made-up company, with the spellings an engine gets wrong
NAMES = ("term\tvariants\tnote\n"
         "Qarabulaq\tKarabulak|Garabulag\tthe town, as the style guide spells it\n"
         "Tovuz Freight\tTovuz Cargo\tthe haulage firm\n")
FIRST = "The road to Karabulak was closed. Drivers bound for Karabulak waited at the pass.\n"
SECOND = "Tovuz Cargo sent trucks towards Karabulak on Monday.\n"
THIRD = "The haulage firm Tovuz Cargo said it was ready.\n"


def _glossary_workspace(tmp_path: Path) -> Path:
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    (root / "names.tsv").write_text(NAMES, encoding="utf-8")
    return root


async def _actions(h: Harness, uri: str, diag: types.Diagnostic) -> list[types.CodeAction]:
    got = await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    return [a for a in got or [] if isinstance(a, types.CodeAction)]


def test_a_glossary_name_is_fixed_in_every_open_document_at_once(tmp_path: Path) -> None:
    """Before: a name an engine misspelt the same way across a batch was fixed one place at a time, each file opened
    in turn (the action fixed its own place only). Now the glossary's finding also offers the fix at every place of
    the open documents, as one edit naming each document's version; nothing else in them changes, and a fix with
    only one place gets no such action."""
    from lsp_harness import apply_text_edits

    root = _glossary_workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        a, a_diags = await h.open_checked("a.txt", FIRST)
        b, _ = await h.open_checked("b.md", SECOND, "markdown")
        c, c_diags = await h.open_checked("c.txt", THIRD)
        town = next(d for d in a_diags if d.code == "MTF301")
        offered = await _actions(h, a, town)
        titles = [x.title for x in offered]
        everywhere = next((x for x in offered if "everywhere open" in x.title), None)
        assert everywhere is not None, titles
        assert everywhere.title == "mtfix: fix MTF301 everywhere open: 'Karabulak' → 'Qarabulaq' (3 places in 2 files)"
        assert titles.index(everywhere.title) == titles.index("mtfix: fix MTF301: 'Karabulak' → 'Qarabulaq'") + 1
        changes = everywhere.edit.document_changes
        assert [(ch.text_document.uri, ch.text_document.version) for ch in changes] == [(a, 1), (b, 1)]
        fixed = {ch.text_document.uri: apply_text_edits({a: FIRST, b: SECOND}[ch.text_document.uri], ch.edits)
                 for ch in changes}
        assert fixed[a] == FIRST.replace("Karabulak", "Qarabulaq")
        assert fixed[b] == SECOND.replace("Karabulak", "Qarabulaq")  # 'Tovuz Cargo' is another fix: left
        firm = next(d for d in c_diags if d.code == "MTF301")  # 'Tovuz Cargo': in b.md and c.txt, once each
        firm_actions = [x.title for x in await _actions(h, c, firm)]
        assert "mtfix: fix MTF301 everywhere open: 'Tovuz Cargo' → 'Tovuz Freight' (2 places in 2 files)" in firm_actions
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(b)))
        alone = [x.title for x in await _actions(h, c, firm)]  # one place left: the plain fix does it
        assert not any("everywhere open" in t for t in alone), alone
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))


@pytest.mark.parametrize("client", ["resolve", "command"])
def test_fixing_a_name_everywhere_is_refused_when_a_document_changed(tmp_path: Path, picking, client: str) -> None:
    """A client that takes no versioned edits gets the edit when it picks the action (resolve, or the command): for
    texts unchanged since it was offered, else nothing and a message (an edit for the text before would change the
    wrong words)."""
    root = _glossary_workspace(tmp_path)

    async def scenario() -> None:
        h, pick = picking(root, client)
        await h.start()
        a, a_diags = await h.open_checked("a.txt", FIRST)
        b, _ = await h.open_checked("b.md", SECOND, "markdown")
        town = next(d for d in a_diags if d.code == "MTF301")
        everywhere = next(x for x in await _actions(h, a, town) if "everywhere open" in x.title)
        assert client != "command" or everywhere.data is None  # the digests travel in the command's arguments
        edit = await pick(everywhere)
        assert edit is not None
        changes = edit.changes or {ch.text_document.uri: ch.edits for ch in edit.document_changes or []}
        assert sorted(changes) == sorted([a, b]) and sum(len(e) for e in changes.values()) == 3, changes
        n = len(h.published)
        h.change(b, "Trucks left for Karabulak at dawn. " + SECOND, 2)  # b typed in after the action was offered
        await h.diagnostics(b, 2, after=n)
        assert await pick(everywhere) is None
        for _ in range(100):
            if any("changed since" in m for m in h.messages):
                break
            await asyncio.sleep(0.1)
        assert any("changed since" in m for m in h.messages), h.messages
        await h.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))
