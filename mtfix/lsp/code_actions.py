"""The language server's code actions (``textDocument/codeAction``, ``codeAction/resolve``): quick fixes,
suggestions, ignore comments, "select the sentence", "add to the glossary" and "fix all", and how their edits reach
the client so that none is applied to a text it was not computed for (:func:`_delivery`)."""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from pathlib import Path
from typing import Any

from lsprotocol import types

from mtfix.lsp import actions, name_fixes
from mtfix.lsp.diagnostics import finding_key, to_range
from mtfix.lsp.language_server import (  # the server class: pygls reads the handlers' annotations
    DocState,
    MtfixLanguageServer,
)
from mtfix.lsp.surrogates import sanitised
from mtfix.lsp.units import UnitView
from mtfix.lsp.workspace import UNIT_KINDS, Profile, build_document
from mtfix.model import Finding, FixSafety

log = logging.getLogger("mtfix.lsp")


def _kind_within(kind: Any, wanted: Any) -> bool:
    """Whether code action ``kind`` is ``wanted`` or a sub-kind of it (``source.fixAll.mtfix`` is
    within ``source``), kinds compared by their value: ``str()`` of a CodeActionKind member is
    its Python name, not the kind.

    >>> _kind_within(types.CodeActionKind.QuickFix, "quickfix"), _kind_within("source.fixAll.mtfix", "source")
    (True, True)
    >>> _kind_within(types.CodeActionKind.QuickFix, "source")
    False
    """
    a, b = (getattr(k, "value", k) or "" for k in (kind, wanted))
    return a == b or a.startswith(f"{b}.")


def _shows_documents(ls: MtfixLanguageServer) -> bool:
    """Whether the client can show a document with a selection (``window/showDocument``)."""
    window = getattr(ls.client_capabilities, "window", None)
    return bool(window and window.show_document and window.show_document.support)


def _client_supports_resolve(ls: MtfixLanguageServer) -> bool:
    """Whether the client resolves an action's ``edit`` lazily *and* sends back its ``data`` (``dataSupport``):
    the data says which action and text to compute the edit for; a client that may drop it would resolve to
    nothing."""
    try:
        ca = ls.client_capabilities.text_document.code_action
        return bool(ca and ca.data_support and ca.resolve_support and "edit" in (ca.resolve_support.properties or []))
    except AttributeError:
        return False


def _client_versioned_edits(ls: MtfixLanguageServer) -> bool:
    try:
        return bool(ls.client_capabilities.workspace.workspace_edit.document_changes)
    except AttributeError:
        return False


def _client_applies_edits(ls: MtfixLanguageServer) -> bool:
    try:
        return bool(ls.client_capabilities.workspace.apply_edit)
    except AttributeError:
        return False


def _delivery(ls: MtfixLanguageServer) -> str:
    """How the edits of code actions reach the client so that none is applied to a text it was not
    computed for: ``versioned`` (a TextDocumentEdit naming the version: the editor refuses it for another),
    else ``resolve`` (computed when the action is picked, by codeAction/resolve, for a client that resolves
    ``edit`` and keeps ``data``), else ``command`` (by the
    :data:`~mtfix.lsp.actions.APPLY` command and ``workspace/applyEdit``), else ``eager`` (a client that
    can do none of these gets plain edits)."""
    if _client_versioned_edits(ls):
        return "versioned"
    if _client_supports_resolve(ls):
        return "resolve"
    return "command" if _client_applies_edits(ls) else "eager"


#: the deferred action "leave this sentence as is" (:func:`mtfix.lsp.actions.sentence_action`)
SENTENCE = "ignoreSentence"
STALE = "the document changed since this fix was offered; nothing was changed: ask for the fix again"
NOT_OPEN = "the document is not open"


def gone(code: str) -> str:
    """Why a fix offered for the very same text gives nothing now (until session 28 :data:`STALE`, though the
    document had not changed and asking again offers no such fix)."""
    return (f"{code} is no longer reported here: the settings (or a glossary or rule file they name) changed since "
            "this fix was offered; nothing was changed")


async def deferred_edit(ls: MtfixLanguageServer, data: dict[str, Any]) -> tuple[types.WorkspaceEdit | None, str | None]:
    """The edit of a deferred action (:func:`mtfix.lsp.actions.deferred`) for the editor's current text, or
    None and why: a fix or an ignore comment only for the very text it was offered for, "fix all"
    computed for the current text."""
    uri = data.get("uri")
    st = await ls.fresh_state(uri) if isinstance(uri, str) else None
    if st is None:
        return None, NOT_OPEN
    versioned = _client_versioned_edits(ls)
    if data.get("action") == name_fixes.ACTION:
        return await _name_fix_edit(ls, data, versioned)
    if data.get("action") == "fixAll":  # for the text the editor has when they are computed (typed meanwhile: again)
        loop = asyncio.get_running_loop()
        for _ in range(3):
            edits = await loop.run_in_executor(ls.checks, fix_all_edits, ls, st)
            if ls.current_text(st.uri) == st.text:
                return actions.workspace_edit(st.uri, st.version, edits, versioned), None
            st = await ls.fresh_state(st.uri)
            if st is None:
                return None, NOT_OPEN
        return None, STALE
    if data.get("digest") != actions.text_digest(st.text) or ls.current_text(st.uri) != st.text:  # typed meanwhile
        return None, STALE
    key = (data.get("code"), data.get("start"), data.get("end"))
    f = next((f for f in st.findings if (f.code, f.start, f.end) == key), None)
    if f is None:  # the same text: the settings (or a glossary or rule file they name) changed since
        return None, gone(str(data.get("code")))
    if data.get("action") in ("ignore", "ignoreFile"):
        make = partial(actions.ignore_action, kind=st.kind) if data.get("action") == "ignore" else \
            actions.ignore_file_action
        made = None if not _ignorable(st) else make(f, st.uri, st.version, st.text, st.index, st.kind == "markdown",
                                                    None, versioned)
    elif data.get("action") == SENTENCE:
        group = actions.sentence_verdicts(f, st.findings, st.sentences)
        made = None if not _ignorable(st) or not group else actions.sentence_action(
            group, st.findings, st.sentences, st.uri, st.version, st.text, st.index, st.kind, None, versioned)
    elif data.get("action") == "suggest":
        made = next((a for a in _suggestions(st, f, None, versioned)
                     if isinstance(a.data, dict) and a.data.get("suggestion") == data.get("suggestion")), None)
    else:
        made = actions.fix_action(st.view.exact(f) if st.view is not None else f, st.uri, st.version, st.text,
                                  st.index, None, versioned)
    return (made.edit, None) if made is not None and made.edit is not None else (None, STALE)


async def _name_fix_edit(ls: MtfixLanguageServer, data: dict[str, Any], versioned: bool,
                         ) -> tuple[types.WorkspaceEdit | None, str | None]:
    """The edit of "fix this name everywhere open" (:mod:`mtfix.lsp.name_fixes`), for the very texts it was offered
    for (each document's digest in ``data``), or None and why."""
    digests = data.get("digests") if isinstance(data.get("digests"), dict) else {}
    states: list[DocState] = []
    for uri, digest in digests.items():
        st = await ls.fresh_state(uri) if isinstance(uri, str) else None
        if st is None or digest != actions.text_digest(st.text) or ls.current_text(st.uri) != st.text:
            return None, STALE
        states.append(st)
    origin = next((st for st in states if st.uri == data.get("uri")), None)
    key = (data.get("code"), data.get("start"), data.get("end"))
    f = None if origin is None else next((f for f in origin.findings if (f.code, f.start, f.end) == key), None)
    name = None if f is None or origin is None else name_fixes.name_key(origin, f)
    found = name_fixes.places(states, name) if name is not None else []
    if not found:
        return None, gone(str(data.get("code")))
    return name_fixes.edit_of(found, versioned), None


async def _open_states(ls: MtfixLanguageServer, first: DocState) -> list[DocState]:
    """``first`` and the other open documents the server checks, each checked for its text of now (``first``'s
    first, the others by URI)."""
    out = [first]
    for uri in sorted(set(ls.open_uris) - {first.uri}):
        st = await ls.fresh_state(uri)
        if st is not None and ls.current_text(uri) == st.text:
            out.append(st)
    return out


def _suggestions(st: DocState, f: Finding, diag: types.Diagnostic | None, versioned: bool,
                 spans: actions.EditSpans | None = None) -> list[types.CodeAction]:
    """The suggestion actions of ``f``; in a translation file each suggestion written as ``mtfix fix`` would
    write that text in the unit (escaped, its markup kept), or not offered."""
    made = actions.suggestion_actions(f, st.findings, st.uri, st.version, st.text, st.index, diag, versioned, spans)
    if st.view is None:
        return made
    out = []
    for a in made:
        if isinstance(a.data, dict) and a.data.get("with"):  # a unit's text is written by its view: alone only
            continue
        edits = st.view.suggestion_edit(f, a.data.get("suggestion", "")) if isinstance(a.data, dict) else ()
        if edits:
            a.edit = actions.workspace_edit(st.uri, st.version, [types.TextEdit(
                to_range(st.index, e.start, e.end), e.replacement) for e in edits], versioned)
            out.append(a)
    return out


def _glossary_target(profile: Profile) -> str | None:
    """The first appendable glossary file the workspace configuration names (one that does not
    exist yet included: the action creates it)."""
    if profile.origin is None or profile.error:
        return None
    for g in profile.named_glossaries:
        if Path(g).suffix.lower() in (".tsv", ".csv", ".yaml", ".yml"):
            return str(g)
    return None


def fix_all_edits(ls: MtfixLanguageServer, st: DocState) -> list[types.TextEdit]:
    """Every safe fix of the document (as ``mtfix fix`` would apply them now) as TextEdits, in the check thread.
    With the settings of now: those of the last check may have changed since, unnoticed (a client that watches
    no files); the open documents are then checked again."""
    profile, _ = ls.profile_for(st.path)
    if profile is not st.profile and ls.loop is not None:
        ls.loop.call_soon_threadsafe(ls.recheck_all)
    pipeline = profile.fast
    # the LanguageTool of these settings only (another one's fixes may be of rules now disabled), state and
    # checker read together under the slot's lock; none ready: the fast fixes, and the re-check starts it
    checker = ls.grammar.ready_for(profile.config)
    if checker is not None:
        pipeline = profile.with_grammar(checker)
    checked, odd = sanitised(st.text)
    if odd:  # the text holds characters no file can: fix nothing rather than write U+FFFD
        return []
    if st.kind in UNIT_KINDS:  # the file `mtfix fix` writes (its format's writer), as the edit
        fixed = UnitView(st.text, st.path, st.kind).fixed_text(pipeline) if st.view is not None else None
        return actions.text_edits(st.text, fixed, st.index) if fixed is not None else []
    # the settings' unsafe-fixes, as `mtfix fix` reads it (until session 28 never: fix-all wrote other bytes)
    result = pipeline.fix(build_document(checked, st.path, st.kind, st.markdown))  # the last check's parse
    if result.original != st.text:  # (never so today: the document is the editor's text)
        return actions.text_edits(st.text, result.text, st.index)
    # the edits fix applied, each its own TextEdit: no diff (a token diff of a long line gave one coarse edit)
    return actions.fix_edits(st.text, [p.edits for p in result.log.passes], result.text, st.index)


def _ignorable(st: DocState) -> bool:
    """Whether an "ignore CODE on this line" comment may be offered: not in a translation or data file (the
    comment would become part of a unit's text), also while it is refused (its MTF000 is no rule to ignore:
    until session 27 it offered ``<!-- mtfix-ignore: MTF000 -->``, written into the PO, XLIFF or CSV file)."""
    return st.view is None and st.kind not in UNIT_KINDS


def register_code_actions(server: MtfixLanguageServer) -> None:
    """Register the code action features on ``server``."""

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND], resolve_provider=True
        ),
    )
    async def code_action(ls: MtfixLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        st = await ls.fresh_state(uri)
        if st is None:
            return None
        idx = st.index
        a = idx.offset(params.range.start.line, params.range.start.character)
        b = idx.offset(params.range.end.line, params.range.end.character)
        by_key = {}  # the diagnostics asked about, by the finding each stands for in this version
        for d in params.context.diagnostics:
            key = finding_key(d, idx, st.version)
            if key is not None:
                by_key[key] = d
        wanted = {start for _code, start, _end in by_key}
        versioned = _client_versioned_edits(ls)
        delivery = _delivery(ls)
        digest = actions.text_digest(st.text) if delivery in ("resolve", "command") else None

        def deliver(action: types.CodeAction, what: str, f: Finding) -> types.CodeAction:
            if digest is None:  # versioned (or a client that can take nothing else)
                return action
            data = {**(action.data if isinstance(action.data, dict) else {}),  # a suggestion's own text
                    "uri": uri, "action": what, "digest": digest, "code": f.code, "start": f.start, "end": f.end}
            return actions.deferred(action, data, as_command=delivery == "command")

        out: list[types.CodeAction] = []
        target = _glossary_target(st.profile)
        log.debug("code actions for %s: profile %s error %s glossary %s", uri, st.profile.origin, st.profile.error, target)
        markdown = st.kind == "markdown"
        subtitles = st.kind in ("srt", "vtt")  # no comment in cue text: a player would show it on screen
        ignored: set[tuple[str, int]] = set()
        judged: set[tuple[tuple[int, int, str], ...]] = set()  # the sentences offered "leave this sentence as is"
        in_file: set[str] = set()
        named: set[str] = set()
        name_fixes_asked: dict[name_fixes.Key, tuple[Finding, types.Diagnostic | None, int]] = {}
        mending: set[int] = set()  # the actions that change the words (a fix, a suggestion, a name fixed everywhere)
        # words a glossary lists as a variant of another name (MTF301, with its fix), or reads as a misspelling of
        # one of its names (an MTF302 naming its entry, session 40: "Vardanow" for "Vardanov" offered to be added as
        # a name of its own): never offered as a name
        listed = {(f.start, f.end) for f in st.findings if f.code == "MTF301" or f.glossary_entry} if target else set()
        only = params.context.only
        # quick fixes only when asked for: an editor's fix-all on save asks for source.fixAll over the whole
        # document, and building a quick fix for each of its findings was wasted work
        quick = not only or any(_kind_within(types.CodeActionKind.QuickFix, k) for k in only)
        spans = actions.EditSpans(st.findings) if quick else None
        # a selection of whole lines ends at the start of the line after them (LSP ranges end before their end):
        # a finding that starts there is on the next line, not in the selection, even when the editor sends its
        # diagnostic (VS Code sends those that touch the range); a cursor there still gets it, and a diagnostic
        # sent with a cursor elsewhere on its line (Neovim sends the line's) still gets its actions
        last = b - 1 if b > a and params.range.end.character == 0 else b
        for f in st.findings if quick else ():
            if not ((f.start <= last and f.end >= a) or (f.start in wanted and (last == b or f.start < b))):
                continue
            diag = by_key.get((f.code, f.start, f.end))
            fix = actions.fix_action(st.view.exact(f) if st.view is not None else f, uri, st.version, st.text, idx,
                                     diag, versioned)
            if fix is not None:
                out.append(deliver(fix, "fix", f))
                mending.add(id(out[-1]))
            # the same fix in every open document: offered next to this one (below, once the others are read)
            if (name_fix := name_fixes.name_key(st, f)) is not None and name_fix not in name_fixes_asked:
                name_fixes_asked[name_fix] = (f, diag, len(out))
            for suggest in _suggestions(st, f, diag, versioned, spans):
                out.append(deliver(suggest, "suggest", f))
                mending.add(id(out[-1]))
            # no comment in cue text (a player would show it on screen) nor in a translation (the program's text)
            ignorable = not subtitles and _ignorable(st)
            ignore = None if not ignorable else actions.ignore_action(f, uri, st.version, st.text, idx, markdown, diag,
                                                                      versioned, st.kind)
            group = actions.sentence_verdicts(f, st.findings, st.sentences) if ignorable else []
            if group:  # a garbled sentence's judgement: one action for its codes together (session 48)
                key = tuple(sorted((g.start, g.end, g.code) for g in group))
                if key not in judged:
                    judged.add(key)
                    leave = actions.sentence_action(group, st.findings, st.sentences, uri, st.version, st.text, idx,
                                                    st.kind, diag, versioned)
                    if leave is not None:  # (None: no place a browser would not show its comment, session 49)
                        out.append(deliver(leave, SENTENCE, f))
            elif ignore is not None and (ignore.title, idx.position(f.start)[0]) not in ignored:  # one per code, line
                ignored.add((ignore.title, idx.position(f.start)[0]))
                out.append(deliver(ignore, "ignore", f))
            # and in the whole file (mtfix-ignore-file), once per code in the menu (since session 29)
            if ignorable and (codes := actions.ignored_codes(f)) not in in_file:
                in_file.add(codes)
                whole = actions.ignore_file_action(f, uri, st.version, st.text, idx, markdown, diag, versioned)
                if whole is not None:
                    out.append(deliver(whole, "ignoreFile", f))
            if (sentence := st.sentences.get((f.code, f.start, f.end))) and _shows_documents(ls):
                out.append(actions.select_sentence_action(f, uri, st.version, to_range(idx, *sentence), diag))
            name = actions.name_in(f, st.text) if target else None
            if name and target and name not in named and (f.start, f.end) not in listed:
                named.add(name)  # one entry per name in the menu
                out.append(actions.glossary_action(name, target, diag))
        # each fix-everywhere action with the (uri, text) of every document its plain edits were computed for
        computed_for: list[tuple[types.CodeAction, list[tuple[str, str]]]] = []
        if name_fixes_asked:  # a glossary name fixed in every open document at once (mtfix/lsp/name_fixes.py)
            states = await _open_states(ls, st)
            for name_fix, (f, diag, at) in sorted(name_fixes_asked.items(), key=lambda kv: -kv[1][2]):
                found = name_fixes.places(states, name_fix)
                everywhere = name_fixes.name_fix_action(name_fix, found, diag, versioned)
                if everywhere is not None:
                    everywhere.data = {"digests": {o.uri: actions.text_digest(o.text) for o, _ in found}}
                    out.insert(at, deliver(everywhere, name_fixes.ACTION, f))
                    mending.add(id(out[at]))
                    if digest is None or delivery == "command":  # the digests went into the command's arguments
                        everywhere.data = None
                    computed_for.append((everywhere, [(o.uri, o.text) for o, _ in found]))
        # what mends the words first, then what leaves or ignores them (session 49): a cursor on a safe fix inside a
        # garbled sentence got "leave this sentence as is" and "ignore MTF401 in this file" above the fix (the
        # verdict's underline starts before it), and a menu's first entry is what Enter takes
        out = [x for x in out if id(x) in mending] + [x for x in out if id(x) not in mending]
        unsafe = bool(st.profile.config.unsafe_fixes)
        fixes = (FixSafety.SAFE, FixSafety.UNSAFE) if unsafe else (FixSafety.SAFE,)
        if any(f.fix in fixes and f.edits for f in st.findings):
            fa = actions.fix_all_action(uri, unsafe=unsafe)
            if delivery == "command":  # computed when run, for the text the editor has then
                fa = actions.deferred(fa, dict(fa.data), as_command=True)
                fa.data = None
            elif not _client_supports_resolve(ls):
                loop = asyncio.get_running_loop()
                edits = await loop.run_in_executor(ls.checks, fix_all_edits, ls, st)
                fa.edit = actions.workspace_edit(uri, st.version, edits, versioned)
            out.append(fa)
        if delivery == "eager" and ls.current_text(uri) != st.text:  # typed while they were computed: plain edits
            return None  # for the text before would change the wrong words (the editor asks again)
        # a fix-everywhere action one of whose documents was typed in or closed while the others were read goes, on
        # every rung (session 40): plain edits would change the wrong words (or a closed file's on disk), a
        # versioned edit would name a version the editor no longer has (refused whole), a deferred one would be
        # refused when picked; the editor asks again, for the texts of now
        stale = [id(a) for a, docs in computed_for if any(ls.current_text(u) != t for u, t in docs)]
        out = [x for x in out if id(x) not in stale]
        if only:
            out = [x for x in out if any(_kind_within(x.kind, k) for k in only)]
        return out

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve(ls: MtfixLanguageServer, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        if data.get("action") not in ("fixAll", "fix", "ignore", "ignoreFile", SENTENCE, "suggest", name_fixes.ACTION) or not isinstance(data.get("uri"), str):
            return action
        edit, why = await deferred_edit(ls, data)
        if edit is not None:
            action.edit = edit
        elif why is not None and why != NOT_OPEN:  # no edit: the editor changes nothing
            ls.message(why, types.MessageType.Warning, again=True)
        return action
