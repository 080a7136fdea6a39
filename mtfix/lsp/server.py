"""``mtfix server``: a Language Server Protocol server on pygls.

Diagnostics are published on open and, debounced, on change, for plain text
and Markdown (only the prose); a client that pulls them (``textDocument/diagnostic``) is answered instead
(:mod:`mtfix.lsp.pull`).  Changes come as ranges (incremental sync),
applied by LSP's lines and code units (:func:`mtfix.lsp.positions.apply_change`).  Each check runs in a worker thread so the
server keeps reading messages while it works; a check whose document changed
meanwhile is dropped.  LanguageTool, when the configuration asks for it, runs
as a second pass after the fast one (see :mod:`mtfix.lsp.workspace`).  The editor's own
settings (section ``mtfix``: ``initializationOptions``, ``workspace/didChangeConfiguration``,
``workspace/configuration``) lie over the workspace's settings file (:mod:`mtfix.lsp.settings`).

The server writes no file itself except a glossary through the
"add this name to the project glossary" action; every other change is a
WorkspaceEdit the client applies.
"""

from __future__ import annotations

import sys

from mtfix.lsp.code_actions import (  # noqa: F401  (importable from here, as before session 34)
    NOT_OPEN,
    STALE,
    _glossary_target,
    deferred_edit,
    fix_all_edits,
    gone,
    register_code_actions,
)
from mtfix.lsp.commands import register_commands
from mtfix.lsp.document_sync import register_document_sync
from mtfix.lsp.hover import register_hover
from mtfix.lsp.language_server import DocState, MtfixLanguageServer  # noqa: F401  (as before session 34)
from mtfix.lsp.lifecycle import register_lifecycle
from mtfix.lsp.pull import register_pull
from mtfix.lsp.traffic import ResyncingStdin
from mtfix.lsp.uris import uri_to_path  # noqa: F401  (as before session 34)


def create_server(grammar: str | None = None, debounce_ms: float | None = None) -> MtfixLanguageServer:
    """The server with its features registered (each feature's handlers in their own module, session 34)."""
    server = MtfixLanguageServer(grammar=grammar, debounce_ms=debounce_ms)
    register_lifecycle(server)
    register_document_sync(server)
    register_code_actions(server)
    register_commands(server)
    register_pull(server)
    register_hover(server)
    return server


def serve(grammar: str | None = None, debounce_ms: float | None = None) -> int:
    """Run the server over standard input and output until the client says exit; the exit code: 1 when
    the client said exit without shutdown, else 0."""
    server = create_server(grammar=grammar, debounce_ms=debounce_ms)
    try:
        server.start_io(stdin=ResyncingStdin(sys.stdin.buffer))  # type: ignore[arg-type]
    finally:
        server.close()
    return server.exit_code
