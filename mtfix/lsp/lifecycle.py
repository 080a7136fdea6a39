"""The language server's life and workspace: ``initialize`` (the workspace roots, the editor's settings), ``initialized``
(the settings pulled, files watched), workspace folders, configuration and watched files changed, ``shutdown`` and
``exit``."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

from lsprotocol import types

from mtfix.errors import ConfigError
from mtfix.lsp.language_server import MtfixLanguageServer  # the server class: pygls reads the handlers' annotations
from mtfix.lsp.renames import follow_renames
from mtfix.lsp.settings import ABSENT, editor_section
from mtfix.lsp.uris import uri_to_path

log = logging.getLogger("mtfix.lsp")

#: The files a settings file may name or be (any TOML: a settings file may `extend` one of any name; glossaries and
#: rule packs), watched with `workspace/didChangeWatchedFiles` and followed through the editor's file operations.
SETTINGS_GLOBS = ("**/*.toml", *(f"**/*.{e}" for e in ("tsv", "csv", "yaml", "yml", "tbx")))
#: What the server asks to hear of when the editor creates, renames or deletes files (`workspace.fileOperations`):
#: those files, and any folder (one holding the settings file or a glossary may be renamed).
FILE_OPERATIONS = types.FileOperationRegistrationOptions(filters=[
    *(types.FileOperationFilter(pattern=types.FileOperationPattern(glob=g, matches=types.FileOperationPatternKind.File))
      for g in SETTINGS_GLOBS),
    types.FileOperationFilter(pattern=types.FileOperationPattern(glob="**/*", matches=types.FileOperationPatternKind.Folder)),
])
#: Renames: those, and any file (an open document renamed by ``didRenameFiles`` alone is followed: :mod:`.renames`).
RENAME_OPERATIONS = types.FileOperationRegistrationOptions(filters=[
    *FILE_OPERATIONS.filters,
    types.FileOperationFilter(pattern=types.FileOperationPattern(glob="**/*", matches=types.FileOperationPatternKind.File)),
])


def _check_cache_folder(ls: MtfixLanguageServer) -> None:
    """A ``~nouser`` in ``MTFIX_CACHE_DIR`` is said once, at start (the CLI refuses it before any file); the
    documents are then checked without the cache (``MTFIX_NO_CACHE``), LanguageTool looked for in the user
    cache folder.  Until session 30 every document failed with the error instead of being checked."""
    from mtfix.caching.cache import root

    try:
        root()
    except ConfigError as exc:
        os.environ.pop("MTFIX_CACHE_DIR", None)
        os.environ["MTFIX_NO_CACHE"] = "1"
        ls.message(f"{exc}, then restart the server; until then documents are checked without the cache "
                   f"(LanguageTool is looked for in {root()})", types.MessageType.Error)


def register_lifecycle(server: MtfixLanguageServer) -> None:
    """Register the life-cycle and workspace features on ``server``."""

    @server.feature(types.INITIALIZE)
    def initialize(ls: MtfixLanguageServer, params: types.InitializeParams) -> None:
        _check_cache_folder(ls)
        roots = [f.uri for f in params.workspace_folders or []] or ([params.root_uri] if params.root_uri else [])
        for uri in roots:
            path = uri_to_path(uri)
            if path:
                ls.roots.append(Path(path))
        if not roots and params.root_path:
            ls.roots.append(Path(params.root_path))
        ls.session.root = ls.roots[0] if ls.roots else None
        section = editor_section(params.initialization_options, wrapped=False)
        if section is not None:
            ls.take_settings(section, initial=True)
        workspace_caps = getattr(params.capabilities, "workspace", None)
        # a client that pulls diagnostics is served by pull only (mtfix/lsp/pull.py)
        ls.pull_client = getattr(getattr(params.capabilities, "text_document", None), "diagnostic", None) is not None
        ls.refreshes = bool(getattr(getattr(workspace_caps, "diagnostics", None), "refresh_support", False))
        if getattr(workspace_caps, "configuration", None):
            ls.settings_pending = asyncio.Event()  # the first checks wait for the pull at `initialized`

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def folders_changed(ls: MtfixLanguageServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        """Keep the workspace roots (where a missing glossary may be created) in step with the editor's; when the
        first one changes, the editor's relative paths follow it, a client that answers ``workspace/configuration``
        is asked for the new folder's settings, and the open documents are checked again (once)."""
        before = ls.roots[0] if ls.roots else None
        removed = {Path(p) for p in (uri_to_path(f.uri) for f in params.event.removed or []) if p}
        ls.roots = [r for r in ls.roots if r not in removed]
        for path in (uri_to_path(f.uri) for f in params.event.added or []):
            if path and Path(path) not in ls.roots:
                ls.roots.append(Path(path))
        ls.session.root = ls.roots[0] if ls.roots else None
        changed = ls.rebase_settings(before)
        if ls.pulls_settings and ls.session.root != before:
            changed = await ls.pull_settings() or changed
        # untitled documents are checked as if in the first folder: they follow it, with or without editor settings
        if changed or ls.session.root != before:
            ls.recheck_all()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: MtfixLanguageServer, params: types.InitializedParams) -> None:
        ls.loop = asyncio.get_running_loop()
        ls.checks.submit(ls.warm_up)  # load rules, glossaries and word lists before the first document
        if ls.settings_pending is not None:
            try:
                if await ls.pull_settings():
                    ls.recheck_all()
            finally:
                ls.settings_pending.set()
        try:
            dyn = ls.client_capabilities.workspace.did_change_watched_files.dynamic_registration
        except AttributeError:
            dyn = False
        if not dyn:
            return
        # every TOML file: a settings file may `extend` one of any name (mtfix.toml, pyproject.toml among them)
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in SETTINGS_GLOBS]
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="mtfix-config-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )]))
        except Exception as exc:  # the mtime check on every run still catches changes
            log.info("watched-files registration refused: %s", exc)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: MtfixLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()

    def files_operated(ls: MtfixLanguageServer, params: Any) -> None:
        """A settings file, glossary or rule pack (or a folder) renamed, created or deleted in the editor (its file
        explorer, a workspace edit): the settings are read again and the open documents checked once more, as for a
        watched file (a client that sends these need not watch files: Helix, Zed).  Until session 36 pygls ignored
        these."""
        ls.recheck_all()

    for method in (types.WORKSPACE_DID_CREATE_FILES, types.WORKSPACE_DID_DELETE_FILES):
        server.feature(method, FILE_OPERATIONS)(files_operated)

    @server.feature(types.WORKSPACE_DID_RENAME_FILES, RENAME_OPERATIONS)
    def files_renamed(ls: MtfixLanguageServer, params: types.RenameFilesParams) -> None:
        """As :func:`files_operated`, and an open document renamed that the editor did not close and open again
        (LSP's "Renaming a document" asks it to; some clients send only this) moves to its new URI (session 37:
        it kept the old one, :mod:`mtfix.lsp.renames`).  A document renamed alone leaves the others unchecked."""
        if follow_renames(ls, params.files):
            ls.recheck_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: MtfixLanguageServer, params: types.DidChangeConfigurationParams) -> None:
        """The editor's settings changed: take its ``mtfix`` section when the payload holds one, else ask for
        it (a client that advertises workspace/configuration; VS Code sends null settings); then re-read
        the settings files and re-check the open documents once (a file changed outside the editor, with no
        didSave and no file watching, takes effect too)."""
        section = editor_section(params.settings)
        if section is not ABSENT:
            ls.take_settings(section)
        elif ls.pulls_settings:
            await ls.pull_settings()
        ls.recheck_all()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: MtfixLanguageServer, params: Any = None) -> None:
        ls.close()

    @server.feature(types.EXIT)
    def exit_(ls: MtfixLanguageServer, params: Any = None) -> None:
        ls.exit_code = 0 if ls.protocol._shutdown else 1  # pygls exits with it, but start_io swallows it
