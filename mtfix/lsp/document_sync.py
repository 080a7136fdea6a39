"""The language server's document synchronisation: a document opened, changed (checked after the debounce), saved
(a settings or glossary file: every open document checked again) or closed (its diagnostics cleared); a message
naming a document renamed by ``workspace/didRenameFiles`` alone reaches it at its new URI (:mod:`mtfix.lsp.renames`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types

from mtfix.config import CONFIG_FILE_NAMES as CONFIG_NAMES
from mtfix.lsp.language_server import MtfixLanguageServer  # the server class: pygls reads the handlers' annotations
from mtfix.lsp.renames import forget
from mtfix.lsp.uris import uri_to_path


def register_document_sync(server: MtfixLanguageServer) -> None:
    """Register the document synchronisation features on ``server``."""

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MtfixLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        forget(ls, params.text_document.uri)  # the client opened it itself: a rename's old name leads nowhere now
        ls.open_uris[params.text_document.uri] = None
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MtfixLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        """The text is already the editor's (whole or by ranges: ``_Protocol``); checked after the debounce."""
        ls.schedule(params.text_document.uri, None)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MtfixLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        path = uri_to_path(ls.current_uri(params.text_document.uri)) or ""
        if Path(path).name in CONFIG_NAMES or ls.uses_file(path):
            ls.recheck_all()  # the profiles see the file's new modification time and rebuild

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MtfixLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = ls.current_uri(params.text_document.uri)  # renamed by didRenameFiles alone: the moved document
        if uri != params.text_document.uri:
            ls.workspace.remove_text_document(uri)
        forget(ls, uri)
        for spelt in {uri, *(u for u in ls.open_uris if unquote(u) == unquote(uri))}:  # however the close spells it
            ls.drop(spelt)
        ls.publish(uri, None, [])
