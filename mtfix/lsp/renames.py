"""An open document renamed or moved with only ``workspace/didRenameFiles``: the server follows it to its new URI.

LSP asks a client to tell a rename of an open document as ``didClose`` of the old URI and ``didOpen`` of the new one
(3.17, "Renaming a document"; VS Code, Zed and IntelliJ's lsp4ij do).  Some clients send only ``didRenameFiles``
(lsp4intellij, editors whose buffers keep their identity) and go on with the new URI: until session 37 the
server then kept the document under the old one, its diagnostics shown on a file that no longer exists, the
settings of the old folder applied, and every change to the new URI ignored as "not open".  Now the document is
moved: its text and version kept, the old URI's diagnostics cleared, the new one checked (with the settings of its
new folder).  Left alone: a rename whose new URI is open already (the client did its own close/open), and one that
changes only the letters' case (VS Code keeps the old URI then, on every platform).  A client that names the old
URI afterwards (a close or a change it had queued) reaches the moved document until it opens the new URI itself."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from lsprotocol import types

from mtfix.lsp.language_server import MtfixLanguageServer
from mtfix.lsp.uris import uri_to_path

#: The file suffixes a settings file may name or be (:data:`mtfix.lsp.lifecycle.SETTINGS_GLOBS`).
SETTINGS_SUFFIXES = frozenset({".toml", ".tsv", ".csv", ".yaml", ".yml", ".tbx"})


def _moved_to(uri: str, old: str, new: str) -> str | None:
    """Where the document ``uri`` goes when ``old`` (a file or a folder) becomes ``new``; None: not under it."""
    if unquote(uri) == unquote(old):
        return new
    for prefix, rest in ((old.rstrip("/") + "/", uri), (unquote(old).rstrip("/") + "/", unquote(uri))):
        if rest.startswith(prefix):
            return new.rstrip("/") + "/" + rest[len(prefix):]
    return None


def _case_only(old: str, new: str) -> bool:
    u, v = unquote(old), unquote(new)
    return u != v and u.casefold() == v.casefold()


def follow_renames(ls: MtfixLanguageServer, renames: list[types.FileRename]) -> bool:
    """Move every open document ``renames`` takes to its new URI (see the module); True when the settings may have
    changed with them (a settings-like file or a folder renamed: every open document is to be checked again)."""
    settings = False
    for rename in renames:
        for uri in list(ls.open_uris):
            target = _moved_to(uri, rename.old_uri, rename.new_uri)
            if target is None or _case_only(uri, target):
                continue
            if any(unquote(u) == unquote(target) for u in ls.open_uris):
                continue  # the client opened the new URI itself
            _move(ls, uri, target)
        path = uri_to_path(rename.new_uri)
        if PurePosixPath(unquote(rename.new_uri)).suffix.lower() in SETTINGS_SUFFIXES or path is None \
                or Path(path).is_dir():
            settings = True
    return settings


def _move(ls: MtfixLanguageServer, old: str, new: str) -> None:
    doc = ls.workspace.text_documents.get(unquote(old))
    if doc is None:
        return
    ls.drop(old)
    ls.workspace.remove_text_document(old)
    ls.workspace.put_text_document(types.TextDocumentItem(uri=new, language_id=doc.language_id or "plaintext",
                                                          version=doc.version or 0, text=doc.source))
    ls.open_uris[new] = None
    for before, after in list(ls.renamed.items()):  # renamed twice: the first name follows too
        if after == old:
            ls.renamed[before] = new
    ls.renamed[old] = new
    ls.publish(old, None, [])
    ls.schedule(new, 0.0)


def forget(ls: MtfixLanguageServer, uri: str) -> None:
    """The client opened or closed ``uri`` itself: names that led to it lead nowhere any more."""
    key = unquote(uri)
    for before in [b for b, a in ls.renamed.items() if unquote(a) == key or unquote(b) == key]:
        del ls.renamed[before]
