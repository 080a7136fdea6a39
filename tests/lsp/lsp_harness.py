"""A real LSP client (pygls' LanguageClient) driving ``python -m mtfix server`` over stdio."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Union

from lsprotocol import types
from pygls.lsp.client import LanguageClient

CAPABILITIES = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
    ),
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True),
        code_action=types.CodeActionClientCapabilities(
            data_support=True,
            resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"]),
        ),
    ),
)
#: :data:`CAPABILITIES` and a hover rendered as Markdown (an editor such as VS Code)
MARKDOWN_CLIENT = types.ClientCapabilities(
    workspace=CAPABILITIES.workspace,
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=CAPABILITIES.text_document.publish_diagnostics,
        code_action=CAPABILITIES.text_document.code_action,
        hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText])))


def codes(p: types.PublishDiagnosticsParams | list[types.Diagnostic]) -> set[str]:
    """The codes of a publication's diagnostics, or of a list of them."""
    diags = p.diagnostics if isinstance(p, types.PublishDiagnosticsParams) else p
    return {str(d.code) for d in diags}


def workspace(tmp_path: Path, config: str | None = None) -> Path:
    """A workspace folder (a git root, so mtfix.toml is looked for no higher), with ``config`` as its mtfix.toml."""
    root = tmp_path / "ws"
    root.mkdir()
    (root / ".git").mkdir()
    if config is not None:
        (root / "mtfix.toml").write_text(config, encoding="utf-8")
    return root


def apply_text_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) to ``text`` as an editor would."""
    from mtfix.lsp.positions import LineIndex

    idx = LineIndex(text)
    spans = [(idx.offset(e.range.start.line, e.range.start.character),
              idx.offset(e.range.end.line, e.range.end.character), e.new_text) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    out: list[types.TextEdit] = []
    for change in edit.document_changes or []:
        if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri:
            out.extend(change.edits)
    out.extend((edit.changes or {}).get(uri, []))
    return out


def _fix_code_action_hook(client: LanguageClient) -> None:
    """lsprotocol's client-side hook reads every code action that has a ``command`` as a
    bare Command, although a CodeAction may carry a command object; editors tell them
    apart by the type of ``command`` (a string only in a bare Command), and so do we."""
    converter = client.protocol._converter

    def hook(obj: Any, _: type) -> types.Command | types.CodeAction:
        if isinstance(obj.get("command"), str):
            return converter.structure(obj, types.Command)
        return converter.structure(obj, types.CodeAction)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], hook)  # noqa: UP007


class Harness:
    """One server process and the client talking to it."""

    def __init__(self, root: Path, args: tuple[str, ...] = ("--grammar", "off"),
                 capabilities: types.ClientCapabilities = CAPABILITIES, initialization_options: Any = None,
                 settings: Any = None, command: tuple[str, ...] | None = None, env: dict[str, str] | None = None):
        """``command``: the server to start instead of ``python -m mtfix server ARGS`` (an installed copy's
        ``mtfix server``); ``env``: its environment (default: this one's)."""
        self.root, self.args, self.capabilities = root, args, capabilities
        self.command, self.env = command, env
        self.initialization_options = initialization_options
        #: what the client answers to workspace/configuration (the editor's own settings), and the requests
        self.settings = settings
        self.configuration_requests: list[types.ConfigurationParams] = []
        self.client = LanguageClient("mtfix-tests", "1")
        _fix_code_action_hook(self.client)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.received: list[float] = []  # perf_counter() at each publication
        self.messages: list[str] = []
        self.registrations: list[types.Registration] = []
        self.stderr = ""
        self.changed = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(*args: types.PublishDiagnosticsParams) -> None:
            self.published.append(args[-1])
            self.received.append(time.perf_counter())
            self.changed.set()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(*args: types.ShowMessageParams) -> None:
            self.messages.append(args[-1].message)
            self.changed.set()

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(*args: types.LogMessageParams) -> None:
            pass

        @self.client.feature(types.WORKSPACE_CONFIGURATION)
        def on_configuration(*args: types.ConfigurationParams) -> list[Any]:
            self.configuration_requests.append(args[-1])
            self.changed.set()
            return [self.settings.get(item.section) if isinstance(self.settings, dict) else None
                    for item in args[-1].items]

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def on_register(*args: types.RegistrationParams) -> None:
            self.registrations.extend(args[-1].registrations)

    async def start(self, timeout: float = 60) -> types.InitializeResult:
        env = dict(self.env if self.env is not None else os.environ, PYTHONUNBUFFERED="1")
        command = self.command or (sys.executable, "-m", "mtfix", "server", *self.args)
        await self.client.start_io(*command, cwd=str(self.root), env=env)
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=self.capabilities,
            root_uri=self.root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=self.root.as_uri(), name="ws")],
            initialization_options=self.initialization_options,
        )), timeout)
        self.client.initialized(types.InitializedParams())
        return result

    async def stop(self, grace: float = 20) -> int | None:
        """Shut the server down and wait for it to exit (``grace`` seconds for its shutdown answer, half that for its
        exit: a server that owns LanguageTool stops the JVM in its shutdown, which a loaded machine makes slow)."""
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), grace)
            self.client.exit(None)
        finally:
            server = self.client._server
            if server is not None:
                try:
                    await asyncio.wait_for(server.wait(), grace / 2)
                except TimeoutError:
                    server.kill()
            if server is not None and server.stderr is not None:
                self.stderr = (await server.stderr.read()).decode("utf-8", "replace")
            await self.client.stop()
        return server.returncode if server is not None else None

    def open(self, uri: str, text: str, language_id: str = "plaintext", version: int = 1) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))

    async def open_checked(self, name: str, text: str,
                           language_id: str = "plaintext") -> tuple[str, list[types.Diagnostic]]:
        """Open the workspace's file ``name`` with ``text`` and wait for its first diagnostics: (its URI, them)."""
        uri = (self.root / name).as_uri()
        self.open(uri, text, language_id)
        return uri, (await self.diagnostics(uri, 1)).diagnostics

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def diagnostics(self, uri: str, version: int | None = None, *, after: int = 0, timeout: float = 60,
                          where: Callable[[types.PublishDiagnosticsParams], bool] | None = None,
                          ) -> types.PublishDiagnosticsParams:
        """The first publication for ``uri`` (and ``version``) after the ``after``-th publication."""
        deadline = time.monotonic() + timeout
        while True:
            for p in self.published[after:]:
                if p.uri == uri and (version is None or p.version == version) and (where is None or where(p)):
                    return p
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no diagnostics for {uri} v{version} within {timeout} s; "
                                     f"got {[(p.uri, p.version, sorted(str(d.code) for d in p.diagnostics)) for p in self.published]}, messages {self.messages}")
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)


async def diagnostics_of_an_edit(root: Path, env: dict[str, str], name: str, text: str, edited: str,
                                  language_id: str = "plaintext",
                                  ) -> tuple[list[types.Diagnostic], list[types.Diagnostic]]:
    """A server started in ``root``: the diagnostics of ``name`` opened with ``text``, then of its change to
    ``edited`` (version 2); the server stopped."""
    h = Harness(root, env=env)
    await h.start()
    try:
        uri, first = await h.open_checked(name, text, language_id)
        h.change(uri, edited, 2)
        return first, (await h.diagnostics(uri, 2)).diagnostics
    finally:
        await h.stop()


# A client that takes neither versioned edits nor a resolve of the edit, but runs commands and applies
# the server's workspace/applyEdit.
COMMAND_CLIENT = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(apply_edit=True))
# A client that resolves an action's edit when it is picked, but whose edits name no version.
RESOLVE_CLIENT = types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
    code_action=types.CodeActionClientCapabilities(
        data_support=True, resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"]))))

#: What the editor applies when the user picks an action (None: nothing).
Pick = Callable[[types.CodeAction], Awaitable[types.WorkspaceEdit | None]]


def picking_harness(root: Path, client: str) -> tuple[Harness, Pick]:
    """A harness whose client is ``"resolve"`` (it resolves an action's edit when picked: RESOLVE_CLIENT) or
    ``"command"`` (it runs the action's command and applies the server's workspace/applyEdit: COMMAND_CLIENT),
    and what that editor applies when the user picks an action: the action's edit when sent at once, else the
    resolved edit or the one the command had applied (the ``picking`` fixture of tests/lsp/conftest.py)."""
    h = Harness(root, capabilities=RESOLVE_CLIENT if client == "resolve" else COMMAND_CLIENT)
    applied: list[types.WorkspaceEdit] = []

    @h.client.feature(types.WORKSPACE_APPLY_EDIT)
    def on_apply(*args: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        applied.append(args[-1].edit)
        return types.ApplyWorkspaceEditResult(applied=True)

    async def pick(action: types.CodeAction) -> types.WorkspaceEdit | None:
        if action.edit is not None:  # edits sent at once: the editor applies them as they are
            return action.edit
        if client == "resolve":
            return (await h.client.code_action_resolve_async(action)).edit
        assert action.command is not None, action
        before = len(applied)
        await h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=action.command.command, arguments=action.command.arguments))
        return applied[before] if len(applied) > before else None

    return h, pick


def position_of(text: str, word: str, nth: int) -> tuple[int, int]:
    """(line, UTF-16 column) of the ``nth`` ``word`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    line_start = text.rfind("\n", 0, at) + 1
    return text.count("\n", 0, at), len(text[line_start:at].encode("utf-16-le")) // 2


async def hover(h: Harness, uri: str, line: int, col: int) -> types.Hover | None:
    """The server's hover at ``(line, col)`` of ``uri`` (60 s at most)."""
    return await asyncio.wait_for(h.client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(line, col))), 60)


async def assert_name_hover(h: Harness, uri: str, text: str, word: str, nth: int, term: str) -> list[str]:
    """Assert that the ``nth`` ``word`` of ``text`` shows glossary entry ``term`` (from names.tsv) at its first and
    last character, the hover's range exactly over it, and nothing just after it; the two hovers' texts."""
    line, col = position_of(text, word, nth)
    shown = []
    for into in (0, len(word) - 1):
        got = await hover(h, uri, line, col + into)
        assert got is not None, (word, into)
        r = got.range
        assert (r.start.line, r.start.character, r.end.line, r.end.character) == \
            (line, col, line, col + len(word)), (word, r)
        assert got.contents.value.startswith(f"**{term}** (glossary entry [names.tsv:"), got.contents.value
        shown.append(got.contents.value)
    assert await hover(h, uri, line, col + len(word)) is None, (word, "just after it")
    return shown
