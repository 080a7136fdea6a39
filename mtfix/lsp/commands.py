"""The language server's commands (``workspace/executeCommand``): apply a deferred fix, select a sentence, add a
name to the project glossary."""

from __future__ import annotations

import asyncio
from typing import Any

from lsprotocol import types

from mtfix.errors import MtfixError
from mtfix.lsp import actions
from mtfix.lsp.code_actions import _glossary_target, deferred_edit
from mtfix.lsp.language_server import MtfixLanguageServer  # the server class: pygls reads the handlers' annotations
from mtfix.lsp.uris import uri_to_path
from mtfix.lsp.workspace import resolved


def register_commands(server: MtfixLanguageServer) -> None:
    """Register the commands on ``server``."""

    @server.command(actions.APPLY)
    async def apply_fix(ls: MtfixLanguageServer, *args: Any) -> dict[str, Any]:
        flat = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        data = flat[0] if len(flat) == 1 and isinstance(flat[0], dict) else {}
        edit, why = await deferred_edit(ls, data)
        if edit is None:
            ls.message(why or "nothing to apply", types.MessageType.Warning, again=True)
            return {"ok": False, "message": why}
        result = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label="mtfix"))
        applied, reason = bool(getattr(result, "applied", False)), getattr(result, "failure_reason", None)
        if not applied:  # said to the user: until session 38 only the command's result (which editors do not show) did
            ls.message(f"the fix was not applied: the editor refused it ({reason or 'no reason given'}); "
                       "pick the action again", types.MessageType.Warning, again=True)
        return {"ok": applied, "message": reason}

    @server.command(actions.SELECT_SENTENCE)
    async def select_sentence(ls: MtfixLanguageServer, *args: Any) -> dict[str, Any]:
        flat = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        uri, version, where = (flat + [None] * 3)[:3]
        if not isinstance(uri, str) or ls._current_version(uri) != version:
            ls.message("the document changed since this action was offered; pick it again", types.MessageType.Warning)
            return {"ok": False}
        selection = ls.protocol._converter.structure(where, types.Range) if isinstance(where, dict) else where
        shown = await ls.window_show_document_async(types.ShowDocumentParams(uri, take_focus=True, selection=selection))
        return {"ok": bool(getattr(shown, "success", False))}

    @server.command(actions.ADD_TO_GLOSSARY)
    async def add_to_glossary(ls: MtfixLanguageServer, *args: Any) -> dict[str, Any]:
        flat = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        if len(flat) != 2 or not all(isinstance(x, str) for x in flat):
            ls.message("add to glossary: expected the glossary path and a name", types.MessageType.Error)
            return {"ok": False, "message": "expected [glossary, name]"}
        glossary, name = flat
        allowed = {_glossary_target(st.profile) for st in ls.states.values()}
        if glossary not in allowed:  # only the file the workspace configuration names
            msg = f"{glossary} is not the glossary the workspace configuration names; nothing was written"
            ls.message(msg, types.MessageType.Error)
            return {"ok": False, "message": msg}
        from mtfix.lsp.glossary import add_name

        loop = asyncio.get_running_loop()
        target = resolved(glossary)
        roots = list(ls.roots)

        def add() -> str:
            """In the check thread, after the check running there: the glossary's text in the editor read just
            before the write (an edit made while the write waited is unsaved changes too)."""
            buffers = [text for u in list(ls.open_uris) if (p := uri_to_path(u)) and resolved(p) == target
                       and (text := ls.current_text(u)) is not None]
            return add_name(glossary, name, roots, buffers[0] if buffers else None)

        try:
            msg = await loop.run_in_executor(ls.checks, add)
        except MtfixError as exc:
            ls.message(f"add to glossary: {exc}", types.MessageType.Error)
            return {"ok": False, "message": str(exc)}
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=f"mtfix: {msg}"))
        ls.recheck_all()
        return {"ok": True, "message": msg}
