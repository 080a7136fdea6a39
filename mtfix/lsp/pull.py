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
"""

from __future__ import annotations

import asyncio
import contextlib

from lsprotocol import types

from mtfix.lsp.diagnostics import result_id
from mtfix.lsp.language_server import PULL_TIMEOUT, MtfixLanguageServer  # pygls reads the handlers' annotations

#: What the server says it serves: one document at a time (no ``workspace/diagnostic``); a document's findings
#: depend on other files (the settings file, the glossaries and rule packs it names).
PULL_OPTIONS = types.DiagnosticOptions(inter_file_dependencies=True, workspace_diagnostics=False, identifier="mtfix")


def register_pull(server: MtfixLanguageServer) -> None:
    """Register ``textDocument/diagnostic`` on ``server``."""

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, PULL_OPTIONS)
    async def pull_diagnostics(ls: MtfixLanguageServer, params: types.DocumentDiagnosticParams,
                               ) -> types.RelatedFullDocumentDiagnosticReport | types.RelatedUnchangedDocumentDiagnosticReport:
        uri = ls.current_uri(params.text_document.uri)  # renamed by didRenameFiles alone: the moved document
        pending = ls.settings_pending
        if pending is not None and not pending.is_set():  # the editor's settings are on their way
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(pending.wait(), PULL_TIMEOUT)
        # its result rather than a second check; a keystroke replaces the task, so wait for the newest one; a
        # cancel of this pull spares it
        while (task := ls.tasks.get(uri)) is not None and not task.done():
            await asyncio.wait({task})
        state = await ls.fresh_state(uri)
        items = [] if state is None else ls.diagnostics_of(state)
        rid = result_id(ls.protocol._converter, items)
        ls.pulled(uri, rid)
        if params.previous_result_id == rid:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=rid)
        return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=rid)
