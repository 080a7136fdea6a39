"""Diagnostics pulled by the editor (LSP 3.17 ``textDocument/diagnostic``), as well as pushed (session 38).

A client that declares ``textDocument.diagnostic`` asks for a document's diagnostics when it wants them (VS Code
on open, on change, on switching to a tab; Neovim 0.10 on change). Such a client is served by pull only: the
server publishes nothing to it (VS Code keeps pushed and pulled diagnostics in two collections, so a server that
did both showed every finding twice), and when diagnostics change without a pull (LanguageTool's second pass, a
settings file or glossary saved, the editor's settings changed) it asks the client to pull again with
``workspace/diagnostic/refresh``, when the client declares ``workspace.diagnostics.refreshSupport``. A client
that does not pull gets every diagnostic pushed, as before.

A pull that comes while a check of the document is on its way (the debounce after a change) waits for that
check rather than running a second one; ``$/cancelRequest`` of a pull stops the wait, never the check. Each answer
carries a ``resultId`` (a digest of the diagnostics), and a pull naming the current one as ``previousResultId``
is answered "unchanged".

``workspace/diagnostic`` (the whole workspace, session 39; VS Code asks for it every 2 s when the server offers it)
is answered with the open documents the server checks: the server checks only what the editor opened, so a
closed file is not reported (``mtfix check`` checks a folder), and one the client still holds a non-empty result
for (it was open at the last workspace pull) is reported empty, so that its underlines go when it is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
from urllib.parse import unquote

from lsprotocol import types

from mtfix.lsp.diagnostics import result_id
from mtfix.lsp.language_server import (  # pygls reads the handlers' annotations
    PULL_TIMEOUT,
    DocState,
    MtfixLanguageServer,
)

#: What the server says it serves: a document, and the workspace's open documents (``workspace/diagnostic``); a
#: document's findings depend on other files (the settings file, the glossaries and rule packs it names).
PULL_OPTIONS = types.DiagnosticOptions(inter_file_dependencies=True, workspace_diagnostics=True, identifier="mtfix")


def register_pull(server: MtfixLanguageServer) -> None:
    """Register ``textDocument/diagnostic`` on ``server``."""

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, PULL_OPTIONS)
    async def pull_diagnostics(ls: MtfixLanguageServer, params: types.DocumentDiagnosticParams,
                               ) -> types.RelatedFullDocumentDiagnosticReport | types.RelatedUnchangedDocumentDiagnosticReport:
        uri = ls.current_uri(params.text_document.uri)  # renamed by didRenameFiles alone: the moved document
        items, rid, _ = await _pulled_now(ls, uri)
        if params.previous_result_id == rid:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=rid)
        return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=rid)

    @server.feature(types.WORKSPACE_DIAGNOSTIC)
    async def pull_workspace(ls: MtfixLanguageServer, params: types.WorkspaceDiagnosticParams,
                             ) -> types.WorkspaceDiagnosticReport:
        previous = {p.uri: p.value for p in params.previous_result_ids or []}
        reports: list[types.WorkspaceDocumentDiagnosticReport] = []
        for uri in list(ls.open_uris):
            if ls.workspace.text_documents.get(unquote(uri)) is None:
                continue
            items, rid, state = await _pulled_now(ls, uri)
            if not ls.is_open(uri) or (not items and uri not in previous):
                continue  # closed meanwhile, or nothing to say of a document the client holds nothing for
            if state is not None and state.text != ls.current_text(uri):
                continue  # typed in while it was checked: these diagnostics are of an older text (next pull)
            version = state.version if state is not None else None  # the version the diagnostics are of
            if previous.get(uri) == rid:
                reports.append(types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, version=version,
                                                                                 result_id=rid))
            else:
                reports.append(types.WorkspaceFullDocumentDiagnosticReport(uri=uri, version=version, items=items,
                                                                            result_id=rid))
        empty = result_id(ls.protocol._converter, [])
        for uri, rid in sorted(previous.items()):  # open at the last workspace pull, closed now: cleared
            if not ls.is_open(uri) and rid != empty:
                reports.append(types.WorkspaceFullDocumentDiagnosticReport(uri=uri, version=None, items=[],
                                                                            result_id=empty))
        return types.WorkspaceDiagnosticReport(items=reports)


async def _pulled_now(ls: MtfixLanguageServer, uri: str) -> tuple[list[types.Diagnostic], str, DocState | None]:
    """``uri``'s diagnostics for its text of now, their result id and the state they are of, recorded as pulled: a
    check on its way is waited for (its result rather than a second check; a keystroke replaces the task, so the
    newest one); a cancel of the pull spares it. A document that is not open has none."""
    pending = ls.settings_pending
    if pending is not None and not pending.is_set():  # the editor's settings are on their way
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(pending.wait(), PULL_TIMEOUT)
    while (task := ls.tasks.get(uri)) is not None and not task.done():
        await asyncio.wait({task})
    state = await ls.fresh_state(uri)
    items = [] if state is None else ls.diagnostics_of(state)
    rid = result_id(ls.protocol._converter, items)
    ls.pulled(uri, rid)
    return items, rid, state
